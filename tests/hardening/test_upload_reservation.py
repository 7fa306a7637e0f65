"""Issue 12 items 3-4: each ``/api/detect`` file is reserved in the body budget before it is read.

Before: the handler read every file of the current window into memory (``upload.read()``) and only
then reserved its decode, so concurrent large multipart uploads held any number of bodies at once.
"""

from __future__ import annotations

import struct
import threading
import time
import zlib

import cv2
from starlette.datastructures import UploadFile

from tests.api.conftest import make_settings, serving
from tests.api.fakes import BrightSpotModel, grey_part


def _padded_png(extra: int) -> bytes:
    """A small valid PNG made ``extra`` bytes bigger by a private ancillary chunk: a big body whose
    decode is cheap, so the body pool alone is what is measured."""
    png = cv2.imencode(".png", grey_part())[1].tobytes()
    chunk = b"prVt" + bytes(extra)
    padding = struct.pack(">I", extra) + chunk + struct.pack(">I", zlib.crc32(chunk))
    return png[:33] + padding + png[33:]  # after the 8-byte signature and the 25-byte IHDR


FILE = _padded_png(3 << 20)  # 3 MiB: one fits in a 4 MiB body pool, two do not


def _recording_reads(monkeypatch, pool):
    """Patch UploadFile.read to note (file size, body bytes reserved) at each read."""
    seen: list[tuple[int, int]] = []
    original = UploadFile.read

    async def read(self, size: int = -1):
        seen.append((int(self.size or 0), pool.used))
        return await original(self, size)

    monkeypatch.setattr(UploadFile, "read", read)
    return seen


def test_each_file_is_reserved_before_it_is_read(tmp_path, monkeypatch):
    settings = make_settings(tmp_path, **{"storage.save_images": "none", "limits.memory_budget_mb": 64})
    with serving(settings, BrightSpotModel()) as (_station, server, client):
        bodies = server.app.state.body_budget
        seen = _recording_reads(monkeypatch, bodies)
        files = [("images", (f"{i}.png", FILE, "image/png")) for i in range(3)]
        r = client.post("/api/detect", files=files)
        assert r.status_code == 200 and [e["labels"] for e in r.json()] == ["OK"] * 3, r.text
        assert len(seen) == 3
        assert all(size == len(FILE) and used >= size for size, used in seen), seen  # before: used 0
        assert bodies.used == 0 and server.app.state.budget.used == 0


def test_concurrent_large_uploads_wait_for_body_room_before_reading(tmp_path, monkeypatch):
    gate = threading.Event()
    settings = make_settings(tmp_path, **{"storage.save_images": "none", "limits.memory_budget_mb": 8,
                                          "inference.max_batch": 1, "server.request_timeout_s": 60})
    with serving(settings, BrightSpotModel(gate=gate)) as (station, server, _client):
        import httpx

        bodies = server.app.state.body_budget  # 4 MiB: one 3 MB file at a time
        seen = _recording_reads(monkeypatch, bodies)
        results: list = []

        def post() -> None:
            with httpx.Client(base_url=server.url, timeout=60) as c:
                results.append(c.post("/api/detect", files=[("images", ("big.png", FILE, "image/png"))]))

        threads = [threading.Thread(target=post) for _ in range(3)]
        for t in threads:
            t.start()
        end = time.monotonic() + 30
        while (bodies.waiting < 2 or not station.model.entered.is_set()) and time.monotonic() < end:
            time.sleep(0.01)
        # one file is being judged (its bytes held); the other two wait before reading theirs
        assert bodies.waiting == 2 and len(seen) == 1 and bodies.used == len(FILE), (bodies.waiting, seen)
        gate.set()
        for t in threads:
            t.join(60)
        assert [r.status_code for r in results] == [200] * 3
        assert bodies.peak <= bodies.limit and bodies.used == 0
        assert all(used >= size for size, used in seen) and station.database.count() == 3
