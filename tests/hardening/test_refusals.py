"""Issue 12 items 7, 10, 11: hostile values are 400 with a reason and no file path; shared memory
reads only blocks named like the PEKAT client's; one API-key rule; no absolute model path."""

from __future__ import annotations

from multiprocessing import shared_memory

import numpy as np
import pytest

from tests.api.conftest import make_settings, serving
from tests.api.fakes import BrightSpotModel


@pytest.fixture
def api(tmp_path):
    with serving(make_settings(tmp_path, **{"storage.save_images": "none"}), BrightSpotModel()) as trio:
        yield trio


@pytest.mark.parametrize("url", [
    "/api/data/search?name=a%00b",
    "/api/data/search?part_id=x%00",
    "/api/data/search?num=999999999999999999999999",
    "/api/data/search?page=99999999999999999999",
    "/api/data/getPaginated?page=9223372036854775808",
    "/api/data/search?endDate=9999-12-31",
    "/api/data/search?startDate=0001-01-01",
    "/api/data/statByDate?startDate=2024-05-31T25:00",
    "/api/data/statByDate?endDate=9999-12-31",
    "/api/data/record/99999999999999999999999",
    "/api/data/image/99999999999999999999/original",
])
def test_hostile_query_values_are_400_without_a_path(api, tmp_path, url):
    _station, _server, client = api
    r = client.get(url)
    assert r.status_code == 400, (url, r.text)
    body = r.json()
    assert body["error"] == "bad_request" and body["reason"]
    assert str(tmp_path) not in r.text and ".sqlite3" not in r.text


@pytest.mark.parametrize("name", ["..", ".", "a..b", "psm_nope", "qcs_private", "psm_0123456789"])
def test_shared_memory_names_outside_the_sdk_form_are_400(api, name):
    _station, _server, client = api
    r = client.post(f"/analyze_image_shared_memory?width=8&height=8&name={name}")
    assert r.status_code == 400, r.text


def test_another_programs_block_is_not_read(api):
    _station, _server, client = api
    secret = shared_memory.SharedMemory(name="qcs_other_app_frame", create=True, size=8 * 8 * 3)
    try:
        np.ndarray((8, 8, 3), np.uint8, buffer=secret.buf)[:] = 7
        r = client.post("/analyze_image_shared_memory?width=8&height=8&name=qcs_other_app_frame")
        assert r.status_code == 400
    finally:
        secret.close()
        secret.unlink()


def test_bayer_frames_with_odd_sides_are_refused(api):
    station, _server, client = api
    for w, h in ((9, 8), (8, 9), (9, 9)):
        r = client.post(f"/analyze_raw_image?width={w}&height={h}&bayer", content=bytes(w * h))
        assert r.status_code == 400 and "even" in r.json()["reason"], r.text
    assert station.database.count() == 0
    assert client.post("/analyze_raw_image?width=8&height=8&bayer", content=bytes(64)).status_code == 200


def test_one_api_key_rule_for_every_route(tmp_path):
    settings = make_settings(tmp_path, **{"server.api_key": "k3y", "storage.save_images": "none"})
    with serving(settings, BrightSpotModel()) as (_station, _server, client):
        import cv2

        from tests.api.fakes import grey_part

        png = cv2.imencode(".png", grey_part())[1].tobytes()
        header = {"X-API-Key": "k3y"}
        # an empty api_key= in the query is "no key in the query": the header decides, everywhere
        assert client.post("/analyze_image?api_key=", content=png, headers=header).status_code == 200
        assert client.get("/api/data/getRecent?api_key=", headers=header).status_code == 200
        assert client.get("/api/v1/models?api_key=", headers=header).status_code == 200
        # a wrong key in the query is wrong everywhere, even with the right header
        assert client.post("/analyze_image?api_key=bad", content=png, headers=header).status_code == 401
        assert client.get("/api/data/getRecent?api_key=bad", headers=header).status_code == 401
        assert client.post("/api/detect?api_key=bad", headers=header,
                           files=[("images", ("a.png", png, "image/png"))]).status_code == 401
        assert client.get("/api/data/getRecent?api_key=").status_code == 401


def test_models_route_gives_the_file_name_only(tmp_path):
    from pathlib import Path

    settings = make_settings(tmp_path, **{"storage.save_images": "none"})
    with serving(settings, BrightSpotModel()) as (station, _server, client):
        station.set_model(station.model, tmp_path / "models" / "part-a.qcs")
        entry = client.get("/api/v1/models").json()["data"][0]
        assert entry["file"] == "part-a.qcs"
        assert str(tmp_path) not in client.get("/api/v1/models").text
        assert Path(entry["file"]).name == entry["file"]
