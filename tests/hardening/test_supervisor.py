"""Issue 13: workers run supervised: an item's error fails that item, a crashed loop is reported,
restarted with back-off a bounded number of times, then the station refuses work (503 stopped);
pending futures always resolve within a bounded time."""

from __future__ import annotations

import threading
import time

import pytest

from station.core import Station
from station.errors import StationError, StationStopped
from station.events import WorkerHealth
from station.supervisor import FAILED, RESTARTING, RUNNING, STOPPED, Supervisor
from tests.api.conftest import make_settings, serving
from tests.api.fakes import BrightSpotModel, grey_part


def _wait(cond, timeout=10.0):
    end = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > end:
            return False
        time.sleep(0.01)
    return True


def test_supervisor_restarts_with_backoff_then_gives_up():
    calls, states, crashed, gave_up = [], [], [], []

    def loop():
        calls.append(time.monotonic())
        raise RuntimeError(f"boom {len(calls)}")

    sup = Supervisor("t", loop, max_restarts=3, backoff_s=0.02, max_backoff_s=0.1,
                     on_crash=crashed.append, on_give_up=gave_up.append,
                     on_state=lambda s: states.append(s.state)).start()
    assert sup.join(5)
    assert len(calls) == 4 and len(crashed) == 4 and len(gave_up) == 1
    assert sup.status.state == FAILED and sup.status.restarts == 4 and "boom 4" in sup.status.last_error
    assert states == [RUNNING, RESTARTING, RUNNING, RESTARTING, RUNNING, RESTARTING, RUNNING, FAILED]
    gaps = [b - a for a, b in zip(calls, calls[1:], strict=False)]
    assert [g >= d for g, d in zip(gaps, (0.02, 0.04, 0.08), strict=True)] == [True] * 3  # doubling back-off


def test_supervisor_clean_return_is_stopped():
    sup = Supervisor("t", lambda: None).start()
    assert sup.join(5) and sup.status.state == STOPPED


class _FlakyDb:
    """Wraps the real database; set_image_paths raises while ``broken`` is set."""

    def __init__(self, db):
        self._db = db
        self.broken = True

    def set_image_paths(self, *a, **k):
        if self.broken:
            raise OSError("disk I/O error (simulated)")
        return self._db.set_image_paths(*a, **k)

    def __getattr__(self, name):
        return getattr(self._db, name)


def test_a_storage_error_after_the_reply_does_not_kill_the_recorder(tmp_path):
    from storage import Database

    settings = make_settings(tmp_path, **{"storage.save_images": "all", "storage.min_free_mb": 0})
    real = Database(tmp_path / "h.sqlite3")
    flaky = _FlakyDb(real)
    try:
        with Station(settings, database=flaky, model=BrightSpotModel()) as station:
            futures = [station.inspect(grey_part(), source="cli", name=f"p{i}") for i in range(8)]
            done = [f.result(10) for f in futures]  # every one resolves
            assert len(done) == 8
            flaky.broken = False
            later = station.inspect_sync(grey_part(), name="after")
            assert _wait(lambda: real.get(later.record.id).image_path is not None)
            assert station.worker_status()["recorder"]["state"] == RUNNING
    finally:
        real.close()


class _CrashingStation(Station):
    """A recorder loop that crashes outside any item's try (a bug in the loop itself)."""

    crash = True

    def _take_records(self):
        items = super()._take_records()
        if items is not None and self.crash:
            self._in_records[:] = items
            raise RuntimeError("recorder loop bug (simulated)")
        return items


def test_a_crashed_loop_is_restarted_and_its_items_fail(tmp_path):
    settings = make_settings(tmp_path, **{"storage.save_images": "none"})
    events = []
    station = _CrashingStation(settings, model=BrightSpotModel())
    station.events.subscribe(lambda e: events.append(e) if isinstance(e, WorkerHealth) else None)
    with station:
        first = station.inspect(grey_part(), source="cli", name="a")
        with pytest.raises(StationError, match="recorder worker failed"):
            first.result(10)
        station.crash = False
        assert _wait(lambda: station.worker_status()["recorder"]["state"] == RUNNING)
        assert station.inspect_sync(grey_part(), name="b").record.id is not None
        status = station.worker_status()["recorder"]
        assert status["restarts"] == 1 and "recorder loop bug" in status["last_error"]
    assert [e.state for e in events][:2] == [RESTARTING, RUNNING]
    assert "restarting" in events[0].message


def test_after_too_many_crashes_the_station_refuses_with_503_stopped(tmp_path):
    settings = make_settings(tmp_path, **{"storage.save_images": "none"})

    class AlwaysCrashing(_CrashingStation):
        pass

    station = AlwaysCrashing(settings, model=BrightSpotModel())
    station.start()
    try:
        t0 = time.monotonic()
        refused = None
        for i in range(20):  # each image crashes the loop once; after 5 restarts it gives up
            try:
                future = station.inspect(grey_part(), source="cli", name=f"x{i}")
            except StationStopped as exc:
                refused = exc
                break
            with pytest.raises((StationError, StationStopped)):  # resolves, never hangs
                future.result(15)
            _wait(lambda: station.worker_status()["recorder"]["state"] != RESTARTING, 10)
        assert refused is not None and "recorder worker stopped" in str(refused)
        assert time.monotonic() - t0 < 30
        assert not station.running and station.failure
        assert station.worker_status()["recorder"]["state"] == FAILED
        assert station.worker_status()["recorder"]["restarts"] == 6
    finally:
        station.stop()


def test_api_status_and_503_stopped(tmp_path):
    settings = make_settings(tmp_path, **{"storage.save_images": "none"})
    with serving(settings, BrightSpotModel()) as (station, _server, client):
        body = client.get("/api/status").json()
        assert body["state"] == "running" and body["workers"]["inference"]["state"] == "running"
        station._give_up("inference", RuntimeError("simulated"))
        body = client.get("/api/status").json()
        assert body["state"] == "stopped" and "inference worker stopped" in body["reason"]
        import cv2

        r = client.post("/analyze_image", content=cv2.imencode(".png", grey_part())[1].tobytes())
        assert r.status_code == 503 and r.json()["error"] == "stopped"


def test_pending_futures_resolve_when_the_inference_loop_dies(tmp_path):
    """A crash outside predict's try: the batch in hand fails at once, the queue goes on."""
    settings = make_settings(tmp_path, **{"storage.save_images": "none", "inference.max_batch": 1})
    gate = threading.Event()

    class Boom(Station):
        n = 0

        def _next_batch(self):
            batch = super()._next_batch()
            Boom.n += 1
            if Boom.n == 1 and batch:
                self._in_batch[:] = batch
                raise RuntimeError("worker loop bug (simulated)")
            return batch

    with Boom(settings, model=BrightSpotModel(gate=gate)) as station:
        gate.set()
        first = station.inspect(grey_part(), source="cli", name="a")
        with pytest.raises(StationError):
            first.result(10)
        assert station.inspect_sync(grey_part(), name="b").record is not None


def test_the_http_server_loop_is_restarted_after_a_crash(tmp_path):
    import httpx

    from api.server import EmbeddedServer

    settings = make_settings(tmp_path, **{"storage.save_images": "none"})
    server = EmbeddedServer(None, settings).start()
    try:
        port = server.port
        first = server._server

        async def crash(counter):
            raise RuntimeError("event loop bug (simulated)")

        first.on_tick = crash
        assert _wait(lambda: server._server is not first and server._server.started, 15)
        assert server.port == port
        assert httpx.get(f"{server.url}/ping", timeout=5).text == "pong"
        status = server.worker_status()
        assert status.state == RUNNING and status.restarts == 1
    finally:
        server.stop()
    assert not server.running


class _Escape(BaseException):
    """Something the capture loop's own ``except Exception`` does not catch."""


def test_capture_worker_runs_supervised_and_is_restarted(tmp_path):
    from camera.frames import Frame, FrameSource
    from camera.worker import CaptureWorker

    class Flaky(FrameSource):
        kind = "test"
        paced = True

        def __init__(self):
            self.opens = 0
            self.n = 0

        def open(self):
            self.opens += 1

        def read(self, stop, wait=True):
            self.n += 1
            if self.n == 2:
                raise _Escape("driver bug (simulated)")
            if self.n > 4:
                return None
            return Frame(image=grey_part(), timestamp=time.time(), source="camera", name=f"f{self.n}")

        def close(self):
            pass

        def describe(self):
            return "flaky test source"

    settings = make_settings(tmp_path, **{"storage.save_images": "none"})
    with Station(settings, model=BrightSpotModel()) as station:
        source = Flaky()
        worker = CaptureWorker(source, lambda f: station.inspect(f.image, source="camera", name=f.name))
        worker.start(supervise=station.supervise)
        assert _wait(lambda: not worker.running, 15)
        status = station.worker_status()["capture-test"]
        assert status["restarts"] == 1 and "driver bug" in status["last_error"]
        assert source.opens == 2  # reopened after the crash
