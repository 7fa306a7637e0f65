"""Bad input gets a JSON {error, reason} with the right status, and the server keeps serving."""

from __future__ import annotations

import threading
import time

import cv2
import numpy as np
import pytest

from tests.api.conftest import make_settings, serving
from tests.api.fakes import BrightSpotModel, grey_part


def png(image: np.ndarray) -> bytes:
    return cv2.imencode(".png", image)[1].tobytes()


def assert_error(resp, status: int, error: str | None = None) -> dict:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) >= {"error", "reason"} and body["reason"], body
    if error:
        assert body["error"] == error, body
    return body


def analyze_ok(client) -> dict:
    r = client.post("/analyze_image?response_type=context", content=png(grey_part(spot=True)))
    assert r.status_code == 200, r.text
    spent = dict(p.strip().split(";dur=") for p in r.headers["Server-Timing"].split(","))
    assert set(spent) == {"decode", "station", "model"} and all(float(v) >= 0 for v in spent.values())
    return r.json()


def post_at_once(url: str, n: int) -> tuple[list, list[threading.Thread]]:
    """``n`` clients post a grey part at the same time, each from its own thread; the answers are
    appended to the returned list as they come (join the threads to have them all)."""
    import httpx

    results: list = []

    def post() -> None:
        with httpx.Client(base_url=url, timeout=30) as c:
            results.append(c.post("/analyze_image", content=png(grey_part())))

    threads = [threading.Thread(target=post) for _ in range(n)]
    for t in threads:
        t.start()
    return results, threads


def test_bad_inputs_each_get_a_reason_and_nothing_is_stored(fake_api):
    station, _server, client = fake_api
    good = png(grey_part())
    cases = [
        (client.post("/analyze_image", content=b""), 400),
        (client.post("/analyze_image", content=good[: len(good) // 2]), 400),  # truncated PNG
        (client.post("/analyze_image", content=b"GIF89a not really an image"), 415),  # not allow-listed
        (client.post("/analyze_image?response_type=pdf", content=good), 400),
        (client.post("/analyze_raw_image?width=10&height=10", content=bytes(99)), 400),
        (client.post("/analyze_raw_image?width=abc&height=10", content=bytes(100)), 400),
        (client.post("/analyze_raw_image?width=0&height=10", content=b""), 400),
        (client.post("/analyze_raw_image?height=10", content=bytes(100)), 400),
        (client.post("/analyze_raw_image?width=100000&height=100000", content=bytes(10)), 413),
        (client.post("/analyze_raw_image?width=10&height=10&bayer", content=bytes(300)), 400),
        (client.post("/analyze_raw_image?width=4&height=4", content=bytes(48)), 400),  # below the 8 px minimum
        (client.post("/analyze_image_shared_memory?width=8&height=8&name=psm_0badf00d"), 404),
        (client.post("/analyze_image_shared_memory?width=8&height=8&name=.."), 400),
        (client.post("/analyze_image_shared_memory?width=8&height=8&name=psm_nope_123"), 400),
        (client.post("/analyze_image_shared_memory?width=8&height=8&name=../x"), 400),
    ]
    for resp, status in cases:
        assert_error(resp, status)
    assert station.database.count() == 0
    before = analyze_ok(client)  # still serving
    assert station.database.count() == 1
    assert before["result"] is False and before["defect_count"] == 1


def test_pixel_limit_on_encoded_images_is_413(tmp_path):
    settings = make_settings(tmp_path, **{"server.max_pixels": 1000, "storage.save_images": "none"})
    with serving(settings, BrightSpotModel()) as (station, _server, client):
        big = png(np.zeros((100, 100, 3), np.uint8))
        assert_error(client.post("/analyze_image", content=big), 413, "too_large")
        assert_error(client.post("/analyze_raw_image?width=100&height=100", content=bytes(30000)), 413)
        r = client.post("/analyze_raw_image?width=20&height=20", content=bytes(1200))
        assert r.status_code == 200
        assert station.database.count() == 1


def test_no_model_is_503_with_reason(tmp_path):
    with serving(make_settings(tmp_path, **{"storage.save_images": "none"}), None) as (_st, _sv, client):
        body = assert_error(client.post("/analyze_image", content=png(grey_part())), 503, "no_model")
        assert "model" in body["reason"]
        assert_error(client.post("/analyze_raw_image?width=8&height=8", content=bytes(192)), 503, "no_model")
        assert client.get("/ping").status_code == 200
        assert client.get("/api/v1/models").json() == {"data": []}


def test_api_key_missing_wrong_right(tmp_path):
    settings = make_settings(tmp_path, **{"server.api_key": "s3cret", "storage.save_images": "none"})
    with serving(settings, BrightSpotModel()) as (station, _server, client):
        body = png(grey_part())
        assert_error(client.post("/analyze_image", content=body), 401, "unauthorized")
        assert_error(client.post("/analyze_image?api_key=nope", content=body), 401, "unauthorized")
        assert_error(client.post("/analyze_image_shared_memory?width=8&height=8&name=x"), 401)
        assert_error(client.get("/api/data/getRecent"), 401)
        r = client.post("/api/v1/models/bright-1/update_predict_parameters", json={"threshold": 5})
        assert r.status_code == 401 and r.json()["errors"]["status"] == 401  # HACARUS' BaseError shape there
        assert station.database.count() == 0
        r = client.post("/analyze_image?response_type=context&data=None&api_key=s3cret&context_in_body", content=body)
        assert r.status_code == 200, r.text
        assert client.get("/api/data/getRecent", headers={"X-API-Key": "s3cret"}).status_code == 200
        assert client.get("/ping").status_code == 200 and client.get("/version").text == "3.19.0"
        assert client.get("/docs").status_code == 200 and client.get("/openapi.json").status_code == 200


def test_queue_full_is_503_busy_and_every_accepted_image_is_stored(tmp_path):
    gate = threading.Event()
    settings = make_settings(tmp_path, **{"inference.queue_size": 2, "inference.max_batch": 1,
                                          "storage.save_images": "none"})
    model = BrightSpotModel(gate=gate)
    with serving(settings, model) as (station, server, _client):
        results, threads = post_at_once(server.url, 8)
        # 1 in the model + 2 queued; the rest must be refused while the gate is closed
        deadline = time.monotonic() + 20
        while sum(1 for r in results if r.status_code == 503) < 5 and time.monotonic() < deadline:
            time.sleep(0.05)
        gate.set()
        for t in threads:
            t.join(30)
        codes = sorted(r.status_code for r in results)
        assert codes.count(200) == 3 and codes.count(503) == 5, codes
        for r in results:
            if r.status_code == 503:
                assert r.json()["error"] == "busy"
        assert station.database.count() == 3


def test_unknown_route_and_method_are_json(fake_api):
    _station, _server, client = fake_api
    assert_error(client.get("/nope"), 404, "not_found")
    assert_error(client.get("/analyze_image"), 405)
    assert_error(client.get("/stop?key=abc"), 403)
    assert_error(client.get("/api/data/getRecent?limit=abc"), 400, "bad_request")
    assert_error(client.get("/api/data/search?startDate=yesterday"), 400, "bad_request")


def test_docs_page_is_offline(fake_api):
    _station, _server, client = fake_api
    html = client.get("/docs").text
    assert "openapi.json" in html
    import re

    assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", html, re.I), "external URL in /docs"
    assert not re.search(r"<(script|link)[^>]+(src|href)=", html, re.I), "/docs loads an external asset"
    spec = client.get("/openapi.json").json()
    for path in ("/analyze_image", "/analyze_raw_image", "/analyze_image_shared_memory", "/api/detect",
                 "/api/data/search", "/api/v1/models/{model_id}/update_predict_parameters"):
        assert path in spec["paths"], path
    names = {p["name"] for p in spec["paths"]["/analyze_raw_image"]["post"]["parameters"]}
    assert {"response_type", "data", "api_key", "context_in_body", "width", "height", "bayer"} <= names


@pytest.mark.parametrize("rtype", ["image", "annotated_image", "heatmap"])
def test_image_error_answers_are_json_without_imagelen(fake_api, rtype):
    _station, _server, client = fake_api
    r = client.post(f"/analyze_image?response_type={rtype}&context_in_body", content=b"nope")
    assert r.status_code == 415 and "ImageLen" not in r.headers and "ContextBase64utf" not in r.headers


def test_timeout_is_504_and_a_queued_request_is_dropped(tmp_path):
    gate = threading.Event()
    settings = make_settings(tmp_path, **{"server.request_timeout_s": 0.5, "inference.max_batch": 1,
                                          "storage.save_images": "none"})
    with serving(settings, BrightSpotModel(gate=gate)) as (station, server, client):
        results, threads = post_at_once(server.url, 2)
        for t in threads:
            t.join(20)
        assert [r.status_code for r in results] == [504, 504]
        assert results[0].json()["error"] == "timeout"
        gate.set()  # the image already in the model finishes and is stored; the queued one was dropped
        deadline = time.monotonic() + 10
        while station.database.count() < 1 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert station.database.count() == 1
        # FIFO queue: had the dropped request been judged, it would own figId 2 and this one 3
        assert analyze_ok(client)["record_id"] == 2  # and the server still answers


class BrokenModel(BrightSpotModel):
    def predict(self, images, params=None):
        raise RuntimeError("CUDA out of memory (simulated)")


def test_engine_failure_is_500_json_and_the_server_survives(tmp_path):
    with serving(make_settings(tmp_path, **{"storage.save_images": "none"}), BrokenModel()) as (st, _sv, client):
        body = assert_error(client.post("/analyze_image", content=png(grey_part())), 500, "inspection_failed")
        assert "out of memory" in body["reason"]
        assert client.get("/ping").status_code == 200
        assert st.database.count() == 0
