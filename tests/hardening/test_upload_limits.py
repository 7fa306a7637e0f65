"""Issue 12 item 3: /api/detect limits the multipart total, each file and the file count while the
upload streams, answering 413 before a big part is spooled to disk."""

from __future__ import annotations

import socket
import time

import cv2
import pytest

from tests.api.conftest import make_settings, serving
from tests.api.fakes import BrightSpotModel, grey_part


def _png() -> bytes:
    return cv2.imencode(".png", grey_part())[1].tobytes()


@pytest.fixture
def small_limits(tmp_path):
    settings = make_settings(tmp_path, **{"storage.save_images": "none", "limits.upload_max_mb": 2,
                                          "limits.upload_file_max_mb": 1, "limits.upload_max_files": 3})
    with serving(settings, BrightSpotModel()) as trio:
        yield trio


def test_a_streamed_upload_past_the_total_is_cut_off_early(small_limits):
    station, server, _client = small_limits
    boundary = b"xyzBOUNDARY"
    head = (b"POST /api/detect HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
            b"Content-Type: multipart/form-data; boundary=" + boundary + b"\r\n\r\n")
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as s:
        s.sendall(head)
        part = (b"--" + boundary + b'\r\nContent-Disposition: form-data; name="images"; filename="a.png"\r\n'
                b"Content-Type: image/png\r\n\r\n")
        s.sendall(b"%x\r\n%s\r\n" % (len(part), part))
        s.setblocking(False)
        sent = 0
        answer = b""
        chunk = b"\0" * 65536
        deadline = time.monotonic() + 20
        while not answer and sent < 200 << 20 and time.monotonic() < deadline:
            try:
                s.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                sent += len(chunk)
            except (BlockingIOError, BrokenPipeError, ConnectionResetError):
                pass
            try:
                answer = s.recv(65536)
            except BlockingIOError:
                continue
            except ConnectionResetError:
                break
        assert answer.startswith(b"HTTP/1.1 413"), (answer[:100], sent)
        assert sent < 50 << 20, f"the server read {sent} bytes before refusing"
    assert station.database.count() == 0


def test_declared_total_above_the_limit_is_413(small_limits):
    _station, _server, client = small_limits
    r = client.post("/api/detect", files=[("images", ("big.png", b"\0" * (3 << 20), "image/png"))])
    assert r.status_code == 413 and r.json()["error"] == "too_large"


def test_one_file_above_the_per_file_limit_is_413(small_limits):
    station, _server, client = small_limits
    files = [("images", ("ok.png", _png(), "image/png")),
             ("images", ("big.png", b"\x89PNG\r\n\x1a\n" + b"\0" * ((1 << 20) + 10), "image/png"))]
    r = client.post("/api/detect", files=files)
    assert r.status_code == 413 and "per file" in r.json()["reason"]
    assert station.database.count() == 0


def test_too_many_files_is_413_and_within_the_cap_all_are_judged(small_limits):
    station, _server, client = small_limits
    r = client.post("/api/detect", files=[("images", (f"{i}.png", _png(), "image/png")) for i in range(4)])
    assert r.status_code == 413 and "at most 3" in r.json()["reason"]
    r = client.post("/api/detect", files=[("images", (f"{i}.png", _png(), "image/png")) for i in range(3)])
    assert r.status_code == 200 and len(r.json()) == 3
    assert station.database.count() == 3
