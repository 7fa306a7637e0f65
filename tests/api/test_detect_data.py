"""The seed-000 detect and data APIs, and the HACARUS-style model routes."""

from __future__ import annotations

import base64
from datetime import date

import cv2
import numpy as np

from tests.api.conftest import make_settings, serving
from tests.api.fakes import BrightSpotModel, grey_part


def png(image: np.ndarray) -> bytes:
    return cv2.imencode(".png", image)[1].tobytes()


def test_detect_batch_with_one_bad_file(fake_api):
    station, _server, client = fake_api
    files = [("images", ("ok.png", png(grey_part()), "image/png")),
             ("images", ("broken.png", b"\x89PNG\r\n\x1a\n broken", "image/png")),
             ("images", ("ng.png", png(grey_part(spot=True)), "image/png"))]
    r = client.post("/api/detect", files=files)
    assert r.status_code == 200, r.text
    ok, broken, ng = r.json()
    assert broken["name"] == "broken.png" and broken["error"] == "bad_request" and broken["reason"]
    for entry, label, count in ((ok, "OK", 0), (ng, "NG", 1)):
        assert set(entry) >= {"defect_count", "dice", "labels", "name", "processing_time", "result_image"}
        assert entry["labels"] == label and entry["defect_count"] == count
        picture = cv2.imdecode(np.frombuffer(base64.b64decode(entry["result_image"]), np.uint8), cv2.IMREAD_COLOR)
        assert picture.shape == (64, 80, 3)
    assert ok["name"] == "ok.png" and ng["name"] == "ng.png"
    assert station.database.count() == 2
    assert {r.name for r in station.database.recent(10)} == {"ok.png", "ng.png"}
    assert client.post("/api/detect", files=[("other", ("a.png", b"x"))]).status_code == 400
    assert client.post("/api/detect", content=b"not multipart").status_code == 400


def test_data_api_shapes(fake_api):
    station, _server, client = fake_api
    for i in range(5):
        r = client.post(f"/analyze_image?data=part-{i}", content=png(grey_part(spot=i % 2 == 1)))
        assert r.status_code == 200
    recent = client.get("/api/data/getRecent?limit=3").json()
    assert len(recent) == 3
    assert set(recent[0]) == {"figId", "name", "date", "time", "label", "num", "dice"}
    assert recent[0]["name"] == "part-4" and recent[0]["label"] == "OK" and recent[0]["num"] == 0
    today = date.today().isoformat()
    stats = client.get(f"/api/data/statByDate?startDate={today}&endDate={today}").json()
    assert stats[0]["stat_date"] == today and stats[0]["record_count"] == 5 and stats[0]["total_num"] == 2
    assert len(client.get("/api/data/statByDate").json()) == 15
    page = client.get("/api/data/getPaginated?limit=2&page=2").json()
    assert page["total"] == 5 and [r["name"] for r in page["data"]] == ["part-2", "part-1"]
    found = client.get("/api/data/search", params={"limit": 10, "page": 1, "name": "part-", "num": 1,
                                                   "startDate": today, "endDate": today}).json()
    assert found["total"] == 2 and {r["name"] for r in found["data"]} == {"part-1", "part-3"}
    assert set(found["data"][0]) == {"figId", "name", "resFig", "date", "time", "label", "num", "dice"}
    assert client.get("/api/data/search?part_id=part-3").json()["total"] == 1
    record = client.get(f"/api/data/record/{found['data'][0]['figId']}").json()
    assert record["source"] == "http" and record["part_id"] in ("part-1", "part-3")
    assert client.get("/api/data/record/99999").status_code == 404
    assert client.get("/api/data/search?limit=5000").status_code == 400
    assert client.get("/api/data/statByDate?startDate=2026-02-10&endDate=2026-01-01").status_code == 400


def test_stored_images_are_served(tmp_path):
    with serving(make_settings(tmp_path, **{"storage.save_images": "all"}), BrightSpotModel()) as (st, _sv, client):
        fig = client.post("/analyze_image", content=png(grey_part(spot=True))).json()["record_id"]
        import time

        deadline = time.monotonic() + 10  # images are written after the reply
        while st.database.get(fig).result_path is None and time.monotonic() < deadline:
            time.sleep(0.05)
        row = client.get("/api/data/search").json()["data"][0]
        assert row["resFig"] == f"/api/data/image/{fig}/result"
        for kind in ("original", "result", "heatmap"):
            r = client.get(f"/api/data/image/{fig}/{kind}")
            assert r.status_code == 200, (kind, r.text)
            assert cv2.imdecode(np.frombuffer(r.content, np.uint8), cv2.IMREAD_COLOR) is not None
        assert client.get(f"/api/data/image/{fig}/secret").status_code == 400


def test_models_and_predict_parameters(fake_api):
    station, _server, client = fake_api
    algos = client.get("/api/v1/algorithms").json()["data"]
    assert algos[0]["algorithm_id"] == "patchcore" and algos[0]["parameters"]
    assert client.get("/api/v1/algorithms/patchcore").json()["data"]["name"] == "patchcore"
    assert client.get("/api/v1/algorithms/nope").status_code == 404
    models = client.get("/api/v1/models").json()["data"]
    assert models[0]["model_id"] == "bright-1" and models[0]["active"] is True
    assert client.get("/api/v1/models/other").status_code == 404
    spot = png(grey_part(spot=True))
    assert client.post("/analyze_image", content=spot).json()["result"] is False
    r = client.post("/api/v1/models/bright-1/update_predict_parameters",
                    json={"threshold": 255, "ignore_outer": 2, "min_detected_area": 3})
    assert r.status_code == 200, r.text
    assert r.json()["data"] == {"threshold": 255.0, "pixel_threshold": 200.0, "min_detected_area": 3, "ignore_outer": 2,
                                "anomaly_range": 0.0}
    assert station.model.params.threshold == 255
    assert client.post("/analyze_image", content=spot).json()["result"] is True  # 250 < 255 now
    lowered = client.post("/api/v1/models/bright-1/update_predict_parameters", json={"threshold": 100}).json()
    assert lowered["data"]["pixel_threshold"] == 100  # never above the image threshold
    for bad in ({"threshold": -1}, {"threshold": "x"}, {"min_detected_area": -3}, {"colour": 1}):
        assert client.post("/api/v1/models/bright-1/update_predict_parameters", json=bad).status_code == 422
    assert client.post("/api/v1/models/nope/update_predict_parameters", json={"threshold": 1}).status_code == 404
