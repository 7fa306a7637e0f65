"""Issue 12 item 4: decoded images in flight stay within limits.memory_budget_mb."""

from __future__ import annotations

import threading
import time

import cv2
import numpy as np

from tests.api.conftest import make_settings, serving
from tests.api.fakes import BrightSpotModel


def test_an_image_larger_than_the_whole_budget_is_413_before_decoding(tmp_path):
    settings = make_settings(tmp_path, **{"storage.save_images": "none", "limits.memory_budget_mb": 64})
    with serving(settings, BrightSpotModel()) as (station, _server, client):
        bomb = cv2.imencode(".png", np.zeros((7000, 7000), np.uint8))[1].tobytes()  # ~50 kB, 49 MP
        assert len(bomb) < 1 << 20
        t0 = time.monotonic()
        r = client.post("/analyze_image", content=bomb)
        assert r.status_code == 413 and "memory budget" in r.json()["reason"], r.text
        assert time.monotonic() - t0 < 2.0
        r = client.post("/analyze_raw_image?width=5000&height=5000", content=bytes(25_000_000))
        assert r.status_code == 413
        assert station.database.count() == 0


def test_concurrent_requests_wait_for_room_and_never_exceed_the_budget(tmp_path):
    gate = threading.Event()
    settings = make_settings(tmp_path, **{"storage.save_images": "none", "limits.memory_budget_mb": 40,
                                          "inference.max_batch": 1, "server.request_timeout_s": 120})
    with serving(settings, BrightSpotModel(gate=gate)) as (station, server, _client):
        import httpx

        budget, bodies = server.app.state.budget, server.app.state.body_budget  # 20 MiB each
        # 9 MB raw: its body holds 9 MB (18 MB while being received), its decode 18 MB
        frame = np.full((1500, 2000, 3), 60, np.uint8).tobytes()
        results: list = []

        def post():
            with httpx.Client(base_url=server.url, timeout=60) as c:
                results.append(c.post("/analyze_raw_image?width=2000&height=1500", content=frame))

        threads = [threading.Thread(target=post) for _ in range(5)]
        threads[0].start()
        end = time.monotonic() + 20
        while budget.used < 18_000_000 and time.monotonic() < end:
            time.sleep(0.01)
        assert (budget.used, bodies.used) == (18_000_000, 9_000_000)  # one request in the model
        for t in threads[1:]:
            t.start()
        while bodies.waiting < 4 and time.monotonic() < end:
            time.sleep(0.01)
        # the next body (18 MB to receive) does not fit beside it: the other four wait before
        # reading theirs, so bodies never pile up beside the decodes
        assert bodies.waiting == 4 and (budget.used, bodies.used) == (18_000_000, 9_000_000)
        gate.set()
        for t in threads:
            t.join(60)
        assert [r.status_code for r in results] == [200] * 5
        assert budget.peak <= budget.limit and budget.used == 0
        assert bodies.peak <= bodies.limit and bodies.used == 0
        assert station.database.count() == 5


def test_freed_heap_goes_back_after_huge_images_only(monkeypatch):
    """RSS stayed near 1 GB after one 7000² PNG: the malloc tuning keeps freed heap. Once no image
    memory is reserved after huge reservations, it is handed back; ordinary images never trim."""
    import inference.runtime
    from api import budget as budget_mod

    trims: list[int] = []
    monkeypatch.setattr(inference.runtime, "release_free_memory", lambda: trims.append(1) or True)
    decodes, bodies = budget_mod.pools(1024)
    for _ in range(20):  # a day of 1280×1024 PNGs: ~8 MB each
        decodes.release(decodes.acquire(8 << 20, 1.0))
        assert not budget_mod.trim_when_idle(decodes, bodies)
    big = decodes.acquire(172 << 20, 1.0)  # a 7000² PNG's decode
    other = bodies.acquire(1 << 20, 1.0)
    decodes.release(big)
    assert not budget_mod.trim_when_idle(decodes, bodies)  # decodes idle, but a body still in flight
    bodies.release(other)
    assert budget_mod.trim_when_idle(decodes, bodies) and trims == [1]
    assert not budget_mod.trim_when_idle(decodes, bodies)  # once per burst
