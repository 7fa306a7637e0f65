"""The video, similar-search and identifier routes on a real endpoint with the real engine."""

from __future__ import annotations

import json
import time

import cv2
import pytest

from tests.api.conftest import make_settings, serving
from tests.video.conftest import sequence
from tests.video.media import code_image, count_frames, paste_code, write_video


@pytest.fixture()
def real_api(tmp_path, trained_model):
    settings = make_settings(tmp_path, **{"storage.save_images": "all", "inference.device": "cpu"})
    with serving(settings, trained_model) as trio:
        yield trio


def _post_video(client, path, **fields):
    with open(path, "rb") as fh:
        return client.post("/video", files={"video": (path.name, fh, "video/x-msvideo")},
                           data={k: str(v) for k, v in fields.items()})


def test_post_video_answers_the_arrays_and_a_playable_processed_video(tmp_path, real_api, clear_parts):
    station, _server, client = real_api
    clip = write_video(tmp_path / "cam1.avi", sequence(clear_parts, {1, 4}, 6), fps=8)
    r = _post_video(client, clip, interval=1000, bucket_ms=2000)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["frames_sampled"] == 6 and body["fps"] == pytest.approx(8)
    assert [f["verdict"] for f in body["frames"]] == ["OK", "NG", "OK", "OK", "NG", "OK"]
    assert body["ng_per_interval"] == [1, 0, 1] and body["parts_per_interval"] == [2, 2, 2]
    assert [b["ng"] for b in body["buckets"]] == body["ng_per_interval"]
    assert all(f["record_id"] for f in body["frames"])
    video = client.get(body["processed_video_url"])
    assert video.status_code == 200 and video.headers["content-type"].startswith("video/")
    local = tmp_path / ("out" + body["processed_video_url"][-4:])
    local.write_bytes(video.content)
    assert count_frames(local) == 6
    assert client.get("/video/files/2026-01-01/..%2F..%2Fhistory.sqlite3").status_code == 404


def test_long_video_runs_as_a_job_with_progress_and_can_be_cancelled(tmp_path, real_api, clear_parts):
    _station, _server, client = real_api
    clip = write_video(tmp_path / "shift.avi", sequence(clear_parts, {2}, 40), fps=2)
    r = _post_video(client, clip, interval=1000, mode="job")
    assert r.status_code == 202, r.text
    job = r.json()["job_id"]
    assert r.json()["frames_to_sample"] == 40
    deadline = time.monotonic() + 120
    while True:
        status = client.get(f"/video/jobs/{job}").json()
        if status["done"] >= 3 or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert status["state"] == "running" and status["total"] == 40
    cancelled = client.delete(f"/video/jobs/{job}").json()
    assert cancelled["state"] == "cancelled"
    assert 3 <= cancelled["frames_recorded"] < 40
    assert cancelled["result"]["cancelled"] is True
    assert cancelled["result"]["frames_sampled"] == cancelled["frames_recorded"]
    assert client.get("/video/jobs/nope").status_code == 404


def test_a_finished_job_gives_its_result(tmp_path, real_api, clear_parts):
    _station, _server, client = real_api
    clip = write_video(tmp_path / "small.avi", sequence(clear_parts, {0}, 3), fps=5)
    job = _post_video(client, clip, interval=1000, mode="job").json()["job_id"]
    deadline = time.monotonic() + 120
    while (status := client.get(f"/video/jobs/{job}").json())["state"] == "running":
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert status["state"] == "done" and status["progress"] == 1.0
    assert status["result"]["ng_per_interval"] == [1]


def test_the_stream_sends_each_frame_before_the_video_is_done(tmp_path, real_api, clear_parts):
    station, _server, client = real_api
    clip = write_video(tmp_path / "stream.avi", sequence(clear_parts, {0, 7}, 40), fps=4)
    lines = []
    with open(clip, "rb") as fh, client.stream(
            "POST", "/video-streaming", files={"video": (clip.name, fh, "video/x-msvideo")},
            data={"interval": "1000", "bucket_ms": "10000"}) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("application/x-ndjson")
        for line in r.iter_lines():
            if not lines:
                recorded_at_first = station.database.count()
            lines.append(json.loads(line))
    assert recorded_at_first < 40, "the first object came while most of the video was still unjudged"
    frames, summary = lines[:-1], lines[-1]
    assert len(frames) == 40 and summary["done"] is True and summary["frames_sampled"] == 40
    assert frames[0]["verdict"] == "NG" and frames[0]["ng"] == 1 and frames[0]["time_ms"] == 0
    assert frames[7]["verdict"] == "NG" and frames[7]["ng"] == 2 and frames[9]["ok"] == 8
    assert frames[10]["bucket_start_ms"] == 10000 and frames[10]["ng"] == 0
    jpeg = frames[0]["frame_base64"]
    assert jpeg.startswith("data:image/jpeg;base64,")
    import base64

    import numpy as np

    img = cv2.imdecode(np.frombuffer(base64.b64decode(jpeg.split(",", 1)[1]), np.uint8), cv2.IMREAD_COLOR)
    assert img is not None and img.shape[:2] == clear_parts["ng"][0].shape[:2]
    assert summary["ng_per_interval"] == [2, 0, 0, 0]


def test_bad_uploads_get_clear_4xx_json(tmp_path, real_api, clear_parts):
    _station, _server, client = real_api
    text = tmp_path / "readme.mp4"
    text.write_text("not a video at all")
    r = _post_video(client, text, interval=1000)
    assert r.status_code == 415 and "readme.mp4" in r.json()["reason"]
    empty = tmp_path / "empty.avi"
    empty.write_bytes(b"")
    r = _post_video(client, empty, interval=1000)
    assert r.status_code == 400 and "empty" in r.json()["reason"]
    clip = write_video(tmp_path / "ok.avi", [clear_parts["ok"][0]] * 2, fps=5)
    for interval, words in (("0", "positive"), ("-3", "positive"), ("abc", "number"), ("9000", "longer")):
        r = _post_video(client, clip, interval=interval)
        assert r.status_code == 400 and words in r.json()["reason"], (interval, r.text)
    r = client.post("/video", data={"interval": "1000"})
    assert r.status_code == 400 and "video" in r.json()["reason"]
    r = client.post("/video", files={"video": ("x.exe", b"MZ....", "application/octet-stream")},
                    data={"interval": "1000"})
    assert r.status_code == 415
    small = cv2.resize(clear_parts["ok"][0], (32, 32))
    shift = write_video(tmp_path / "two_hours.avi", [small] * 2, fps=1, hold_s=3600)
    r = _post_video(client, shift, interval=1000)
    assert r.status_code == 413 and "limit" in r.json()["reason"]


def test_identifier_is_read_stored_as_part_id_and_searchable(tmp_path, real_api, clear_parts):
    station, _server, client = real_api
    part = clear_parts["ok"][0]
    for i, kind in enumerate(("qr", "datamatrix")):
        img = paste_code(part, code_image(f"SN-77{i}", kind, 3), at=(150, 150), angle=10, blur_sigma=0.7)
        ok, png = cv2.imencode(".png", img)
        r = client.post("/analyze_image", content=png.tobytes(), headers={"Content-Type": "application/octet-stream"})
        assert r.status_code == 200, r.text
        ctx = r.json()
        assert (ctx["identifier"], ctx["identifier_type"]) == (f"SN-77{i}", kind)
    ok, png = cv2.imencode(".png", paste_code(part, code_image("SN-770", "qr", 3), at=(150, 150)))
    r = client.post("/analyze_image?data=PLC-1", content=png.tobytes())
    assert r.json()["identifier"] == "SN-770" and r.json()["data"] == "PLC-1"
    r = client.post("/api/search/identifier", json={"identifier": "SN-770"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/x-ndjson")
    found = [json.loads(x) for x in r.text.splitlines()]
    assert len(found) == 1 and found[0]["verdict"] in ("OK", "NG") and found[0]["source"] == "http"
    assert found[0]["image_url"].startswith("/api/data/image/")
    r = client.post("/api/search/identifier", json={"identifier": "SN-77", "prefix": True})
    assert [json.loads(x)["part_id"] for x in r.text.splitlines()] == ["SN-771", "SN-770"]  # newest first
    rec = station.database.search(part_id="PLC-1").data[0]
    assert rec.extra["identifier"] == "SN-770", "the PLC's data wins as part id; the code stays in extra"
    assert client.post("/api/search/identifier", json={"identifier": ""}).status_code == 400
    assert client.post("/api/search/identifier", content=b"[1]").status_code == 400


def test_similar_search_by_record_and_by_image(tmp_path, real_api, clear_parts):
    station, _server, client = real_api
    imgs = clear_parts["ok"][:3] + clear_parts["ng"][:3]
    ids = [station.inspect_sync(im, source="batch", name=f"p{i}").record.id for i, im in enumerate(imgs)]
    r = client.post("/api/search/similar", data={"record_id": str(ids[3]), "limit": "3"})
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert len(results) == 3 and ids[3] not in [x["record_id"] for x in results]
    assert results[0]["similarity"] >= results[1]["similarity"] >= results[2]["similarity"]
    assert set(results[0]) >= {"record_id", "name", "time", "verdict", "similarity", "image_url"}
    r = client.post("/api/search/similar", data={"record_id": str(ids[3]), "verdict": "OK", "limit": "10"})
    assert {x["verdict"] for x in r.json()["results"]} == {"OK"} and len(r.json()["results"]) == 3
    ok, png = cv2.imencode(".png", imgs[4])
    r = client.post("/api/search/similar", files={"image": ("q.png", png.tobytes(), "image/png")},
                    data={"limit": "1"})
    assert r.status_code == 200 and r.json()["results"][0]["record_id"] == ids[4]
    assert r.json()["results"][0]["similarity"] > 0.99
    assert station.database.count() == 6, "the query image is not recorded"
    assert client.post("/api/search/similar", data={"limit": "3"}).status_code == 400
    assert client.post("/api/search/similar", data={"record_id": "999999"}).status_code == 404
    assert client.post("/api/search/similar", data={"record_id": str(ids[0]), "limit": "0"}).status_code == 400
