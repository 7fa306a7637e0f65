"""The station's worker: batching, back-pressure, model switch, stop — with a gated fake model."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from station.core import Inspection, Station
from station.errors import InvalidImage, NoModelLoaded, StationBusy, StationStopped
from station.events import ModelChanged, QueueDepth, ResultReady
from station.settings import Settings
from tests.station.fakes import GatedModel, MemoryDatabase


def _settings(queue_size=4, max_batch=8) -> Settings:
    return Settings().override(**{"inference.queue_size": queue_size, "inference.max_batch": max_batch,
                                  "storage.save_images": "none"})


def _img(value: int) -> np.ndarray:
    return np.full((32, 32, 3), value, np.uint8)


def test_inspect_records_and_publishes():
    db = MemoryDatabase()
    events = []
    with Station(_settings(), database=db, model=GatedModel()) as st:
        st.events.subscribe(events.append)
        ok = st.inspect(_img(10), source="folder", name="a.png", part_id="P1").result(5)
        ng = st.inspect(_img(200), source="http", name="b.png").result(5)
    assert isinstance(ok, Inspection)
    assert (ok.record.label, ng.record.label) == ("OK", "NG")
    assert ok.record.id == 1 and ng.record.id == 2
    assert ok.record.part_id == "P1" and ng.record.source == "http"
    assert [r.name for r in db.rows] == ["a.png", "b.png"]
    assert sum(isinstance(e, ResultReady) for e in events) == 2
    assert any(isinstance(e, QueueDepth) for e in events)
    assert not db.closed  # the caller's database is the caller's to close


def test_waiting_requests_are_batched():
    gate = threading.Event()
    model = GatedModel(gate=gate)
    with Station(_settings(queue_size=16, max_batch=8), database=MemoryDatabase(), model=model) as st:
        first = st.inspect(_img(1), source="cli", name="first")
        assert model.entered.wait(5)  # the worker holds image 1 inside predict
        rest = [st.inspect(_img(i), source="cli", name=str(i)) for i in range(6)]
        gate.set()
        for f in [first, *rest]:
            f.result(5)
    assert model.batches == [1, 6]


def test_full_queue_answers_busy_and_loses_nothing():
    gate = threading.Event()
    model = GatedModel(gate=gate)
    db = MemoryDatabase()
    with Station(_settings(queue_size=3, max_batch=1), database=db, model=model) as st:
        held = st.inspect(_img(1), source="cli", name="held")
        assert model.entered.wait(5)
        queued = [st.inspect(_img(1), source="cli", name=f"q{i}") for i in range(3)]
        with pytest.raises(StationBusy, match="busy"):
            st.inspect(_img(1), source="cli", name="overflow")
        gate.set()
        for f in [held, *queued]:
            f.result(5)
    assert [r.name for r in db.rows] == ["held", "q0", "q1", "q2"]


def test_model_switch_keeps_queued_work_on_its_model():
    gate = threading.Event()
    old = GatedModel("old", gate=gate)
    new = GatedModel("new")
    events = []
    with Station(_settings(queue_size=8, max_batch=8), database=MemoryDatabase(), model=old) as st:
        st.events.subscribe(events.append)
        a = st.inspect(_img(1), source="cli", name="a")
        assert old.entered.wait(5)
        b = st.inspect(_img(1), source="cli", name="b")
        st.set_model(new)
        c = st.inspect(_img(1), source="cli", name="c")
        gate.set()
        results = [f.result(5) for f in (a, b, c)]
    assert [r.record.model_id for r in results] == ["old", "old", "new"]
    assert any(isinstance(e, ModelChanged) and e.info.id == "new" for e in events)


def test_set_params_changes_verdict_without_retraining(tmp_path):
    model = GatedModel(threshold=100.0)
    model_file = tmp_path / "m.qcs"
    with Station(_settings(), database=MemoryDatabase(), model=model) as st:
        st.set_model(model, model_file)
        before = st.inspect(_img(120), source="cli", name="x").result(5)
        st.set_params(model.params.with_(threshold=150.0))
        after = st.inspect(_img(120), source="cli", name="x").result(5)
        preview = st.preview(_img(120), model.params.with_(threshold=50.0)).result(5)
    assert (before.record.label, after.record.label, preview.verdict) == ("NG", "OK", "NG")
    assert st.params.threshold == 150.0


def test_bad_input_and_lifecycle_errors():
    st = Station(_settings(), database=MemoryDatabase(), model=None)
    with pytest.raises(StationStopped):
        st.inspect(_img(1), source="cli", name="x")
    with st:
        with pytest.raises(NoModelLoaded):
            st.inspect(_img(1), source="cli", name="x")
        st.set_model(GatedModel())
        for bad in (b"png bytes", np.zeros((2, 2), np.uint8), np.zeros((32, 32), np.float32),
                    np.zeros((32, 32, 2), np.uint8)):
            with pytest.raises(InvalidImage):
                st.inspect(bad, source="cli", name="x")
        assert st.inspect(np.zeros((32, 32), np.uint8), source="cli", name="grey").result(5)
    with pytest.raises(StationStopped):
        st.inspect(_img(1), source="cli", name="late")


def test_inference_error_reaches_the_caller_and_worker_survives():
    class Broken(GatedModel):
        def predict(self, images, params=None):
            if any(img.mean() == 7 for img in images):
                raise RuntimeError("boom")
            return super().predict(images, params)

    with Station(_settings(max_batch=1), database=MemoryDatabase(), model=Broken()) as st:
        with pytest.raises(Exception, match="inference failed: boom"):
            st.inspect(_img(7), source="cli", name="bad").result(5)
        assert st.inspect(_img(1), source="cli", name="good").result(5).record.label == "OK"


def test_unreachable_elasticsearch_mirror_warns_once_and_never_blocks(tmp_path):
    import socket
    import time

    from station.events import StorageWarning
    from storage import Database

    with socket.socket() as sock:  # a loopback port with nobody listening
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings = _settings().override(**{"storage.es_url": f"http://127.0.0.1:{port}"})
    db = Database(tmp_path / "h.sqlite3")
    warnings = []
    try:
        st = Station(settings, database=db, model=GatedModel())
        st.events.subscribe(lambda e: warnings.append(e.message) if isinstance(e, StorageWarning) else None)
        with st:
            done = [st.inspect(_img(9), source="cli", name=f"r{i}").result(5) for i in range(5)]
            deadline = time.monotonic() + 10
            while not warnings and time.monotonic() < deadline:
                time.sleep(0.05)
        assert [d.record.id for d in done] == [1, 2, 3, 4, 5]
        es = [w for w in warnings if w.startswith("Elasticsearch mirror")]
        assert len(es) == 1, warnings
        assert db.count() == 5
    finally:
        db.close()


def test_rapid_parameter_changes_persist_only_the_newest(tmp_path):
    import time

    saved = []

    class SlowSave(GatedModel):
        def with_params(self, params):
            clone = SlowSave(self.info.id, params.threshold)
            clone.params, clone.info = params, replace(self.info, params=params)
            return clone

        def save(self, path):
            time.sleep(0.05)
            saved.append(self.params.threshold)

    from dataclasses import replace

    model = SlowSave()
    with Station(_settings(), database=MemoryDatabase(), model=model) as st:
        st.set_model(model, tmp_path / "m.qcs")
        for t in (110.0, 120.0, 130.0, 140.0):
            st.set_params(st.params.with_(threshold=t))
        deadline = time.monotonic() + 5
        while (not saved or saved[-1] != 140.0) and time.monotonic() < deadline:
            time.sleep(0.02)
    assert saved[-1] == 140.0
    assert saved == sorted(saved), "an older threshold was written after a newer one"


def test_each_stored_batch_wakes_the_es_mirror():
    class MirrorSpy:
        def __init__(self) -> None:
            self.notified = threading.Event()

        def notify(self) -> None:
            self.notified.set()

        def stop(self) -> None:
            pass

    spy = MirrorSpy()
    with Station(_settings(), database=MemoryDatabase(), model=GatedModel()) as st:
        st._es_sync = spy  # what _start_es_sync builds when settings.storage.es_url is set
        st.inspect(_img(1), source="cli", name="x").result(5)
        assert spy.notified.wait(5), "the recorder did not tell the mirror about the new record"
