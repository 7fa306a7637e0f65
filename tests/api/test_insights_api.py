"""``/api/data/insights``, its location map and ``/api/status`` over real HTTP (bright-spot model)."""

from __future__ import annotations

from datetime import date, timedelta

import cv2
import numpy as np

from tests.api.conftest import make_settings, serving
from tests.api.fakes import BrightSpotModel, grey_part


def png(image: np.ndarray) -> bytes:
    return cv2.imencode(".png", image)[1].tobytes()


def test_insights_shape_map_and_status(tmp_path):
    with serving(make_settings(tmp_path, **{"storage.save_images": "all"}), BrightSpotModel()) as (st, _s, client):
        for i in range(30):  # NG parts always have their spot on the left (x 0.16, y 0.35)
            assert client.post(f"/analyze_image?data=LOT-{i}", content=png(grey_part(spot=i % 2 == 0))).status_code == 200
        body = client.get("/api/data/insights").json()
        assert set(body) >= {"summary", "findings", "drift", "location_map_url"}
        assert "30 parts were inspected: 15 NG" in body["summary"]
        for f in body["findings"]:
            assert set(f) == {"kind", "severity", "text", "figures"} and f["severity"] in ("alert", "warning", "info")
        location = [f for f in body["findings"] if f["kind"] == "location"]
        assert location and location[0]["severity"] == "warning" and "on the left" in location[0]["text"]
        assert body["clusters"][0]["where"] == "left" and body["clusters"][0]["share"] == 1.0
        assert body["figures"]["first_pass_yield"][0]["prefix"] == "LOT"
        url = body["location_map_url"]
        assert url.startswith("/api/data/insights/location_map.png?") and "model_id=bright-1" in url
        r = client.get(url)
        assert r.status_code == 200 and r.headers["content-type"] == "image/png"
        image = cv2.imdecode(np.frombuffer(r.content, np.uint8), cv2.IMREAD_COLOR)
        assert image.shape[1] == 640 and image.shape[0] == 512  # the saved part's aspect (80×64)

        zh = client.get("/api/data/insights?lang=zh_CN").json()
        assert "共检测 30 件" in zh["summary"] and zh["language"] == "zh_CN"

        status = client.get("/api/status").json()
        assert status["running"] is True and status["model"]["model_id"] == "bright-1"
        assert status["drift"]["state"] == "warming"  # no calibration scores: learns from the first parts
        assert status["warnings"] == []


def test_insights_errors(tmp_path):
    with serving(make_settings(tmp_path, **{"storage.save_images": "none"}), BrightSpotModel()) as (_st, _s, client):
        r = client.get("/api/data/insights?startDate=2026-05-10&endDate=2026-05-01")
        assert r.status_code == 400 and "startDate" in r.json()["reason"]
        assert client.get("/api/data/insights?startDate=yesterday").status_code == 400
        today = date.today()
        empty = client.get(f"/api/data/insights?startDate={today - timedelta(days=1)}&endDate={today}").json()
        assert empty["location_map_url"] is None and empty["findings"] == []
        assert "No parts were inspected" in empty["summary"]
        r = client.get("/api/data/insights/location_map.png")
        assert r.status_code == 404 and r.json()["error"] == "not_found"
