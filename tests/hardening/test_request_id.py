"""Issue 12 item 12: a retried request with the same request_id returns what is stored."""

from __future__ import annotations

import cv2

from tests.api.conftest import make_settings, serving
from tests.api.fakes import BrightSpotModel, grey_part


def _png(spot: bool = False) -> bytes:
    return cv2.imencode(".png", grey_part(spot=spot))[1].tobytes()


def test_detect_retry_judges_only_the_missing_items(tmp_path):
    settings = make_settings(tmp_path, **{"storage.save_images": "all", "storage.min_free_mb": 0})
    with serving(settings, BrightSpotModel()) as (station, _server, client):
        files = [("images", (f"p{i}.png", _png(i % 3 == 0), "image/png")) for i in range(20)]
        # the first attempt "crashed" after 8 images: only those reached the station
        first = client.post("/api/detect?request_id=batch-42", files=files[:8])
        assert first.status_code == 200 and station.database.count() == 8
        retry = client.post("/api/detect", files=files, headers={"X-Request-Id": "batch-42"})
        assert retry.status_code == 200, retry.text
        body = retry.json()
        assert station.database.count() == 20
        assert [e["figId"] for e in body[:8]] == [e["figId"] for e in first.json()]
        assert all(e.get("replayed") for e in body[:8]) and not any(e.get("replayed") for e in body[8:])
        assert [e["labels"] for e in body[:8]] == [e["labels"] for e in first.json()]
        assert body[0]["regions"] == first.json()[0]["regions"]
        again = client.post("/api/detect?request_id=batch-42", files=files).json()
        assert station.database.count() == 20
        assert [e["figId"] for e in again] == [e["figId"] for e in body]
        other = client.post("/api/detect?request_id=batch-43", files=files[:2])
        assert other.status_code == 200 and station.database.count() == 22


def test_analyze_retry_returns_the_stored_context(tmp_path):
    settings = make_settings(tmp_path, **{"storage.save_images": "none"})
    with serving(settings, BrightSpotModel()) as (station, _server, client):
        url = "/analyze_image?response_type=context&request_id=plc-7"
        a = client.post(url, content=_png(spot=True))
        b = client.post(url, content=_png(spot=True))
        assert a.status_code == b.status_code == 200
        assert station.database.count() == 1
        ca, cb = a.json(), b.json()
        assert cb["record_id"] == ca["record_id"] and b.headers["X-Request-Replayed"] == "true"
        for key in ("result", "verdict", "score", "threshold", "defect_count", "imageShape", "detectedRectangles"):
            assert cb[key] == ca[key], key
        # an image answer for a replay needs the stored image: not kept here -> 409 with a reason
        r = client.post("/analyze_image?response_type=annotated_image&request_id=plc-7", content=_png())
        assert r.status_code == 409 and r.json()["error"] == "already_judged"
        assert client.post("/analyze_image?request_id=" + "x" * 200, content=_png()).status_code == 400
