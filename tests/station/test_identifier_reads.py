"""Part identifiers are read beside the model, and a record never waits on the reader or loses its code."""

from __future__ import annotations

import logging
import threading

import numpy as np
import pytest

from station.core import Station
from station.identifier_reads import IdentifierReads
from station.settings import Settings
from tests.station.fakes import GatedModel, MemoryDatabase
from tests.video.media import code_image, paste_code


def _settings(**extra) -> Settings:
    return Settings().override(**{"inference.queue_size": 8, "inference.max_batch": 1,
                                  "storage.save_images": "none", **extra})


def _part_with_qr(text: str) -> np.ndarray:
    return paste_code(np.full((480, 640, 3), 90, np.uint8), code_image(text, "qr", 4), at=(200, 120))


class Recorder:
    """Wraps the real reader: which images it read, and on which thread."""

    def __init__(self, monkeypatch) -> None:
        from inference import identifiers

        self.real = identifiers.read_identifier
        self.threads: list[str] = []
        self.done = threading.Event()
        monkeypatch.setattr(identifiers, "read_identifier", self)

    def __call__(self, image, **kw):
        found = self.real(image, **kw)
        self.threads.append(threading.current_thread().name)
        self.done.set()
        return found


def test_the_code_is_read_while_the_image_waits_for_the_model(monkeypatch):
    reads = Recorder(monkeypatch)
    gate = threading.Event()
    model = GatedModel(gate=gate)
    with Station(_settings(), database=MemoryDatabase(), model=model) as st:
        future = st.inspect(_part_with_qr("SN-4711"), source="http", name="a")
        assert model.entered.wait(5)
        assert reads.done.wait(5), "the code is read before the verdict exists"
        assert not future.done()
        gate.set()
        found = future.result(5)
    assert reads.threads == ["qcs-identifiers_0"], "read once, on the reader thread, not by the recorder"
    assert (found.record.extra["identifier"], found.record.extra["identifier_type"]) == ("SN-4711", "qr")
    assert found.record.part_id == "SN-4711"


def test_the_part_id_sent_wins_and_the_code_stays_in_extra(monkeypatch):
    with Station(_settings(), database=MemoryDatabase(), model=GatedModel()) as st:
        found = st.inspect(_part_with_qr("SN-1"), source="http", name="a", part_id="PLC-9").result(5)
    assert found.record.part_id == "PLC-9" and found.record.extra["identifier"] == "SN-1"


def test_no_read_when_the_setting_is_off(monkeypatch):
    reads = Recorder(monkeypatch)
    with Station(_settings(**{"analysis.read_identifiers": False}), database=MemoryDatabase(),
                 model=GatedModel()) as st:
        found = st.inspect(_part_with_qr("SN-2"), source="http", name="a").result(5)
    assert reads.threads == [] and "identifier" not in found.record.extra and found.record.part_id is None


def test_previews_are_not_read(monkeypatch):
    reads = Recorder(monkeypatch)
    with Station(_settings(), database=MemoryDatabase(), model=GatedModel()) as st:
        st.preview(_part_with_qr("SN-3"), None).result(5)
    assert reads.threads == []


def test_a_record_reads_itself_when_the_reader_has_not_started_on_its_image():
    release = threading.Event()
    seen: list[tuple[int, str]] = []

    def read(image):
        if int(image[0, 0]) == 1:
            assert release.wait(10)
        seen.append((int(image[0, 0]), threading.current_thread().name))
        return f"code-{int(image[0, 0])}"

    reads = IdentifierReads(read).start()
    try:
        first = reads.submit(np.full((8, 8), 1, np.uint8))  # holds the reader thread
        second = reads.submit(np.full((8, 8), 2, np.uint8))
        assert reads.result(second, np.full((8, 8), 2, np.uint8)) == "code-2"
        assert second.cancelled(), "the queued read was dropped, not done twice"
        assert seen == [(2, threading.current_thread().name)]
        release.set()
        assert reads.result(first, np.full((8, 8), 1, np.uint8)) == "code-1"
    finally:
        release.set()
        reads.stop()


def test_a_stopped_reader_costs_nothing_but_the_overlap():
    reads = IdentifierReads(lambda image: "inline").start()
    reads.stop()
    pending = reads.submit(np.zeros((8, 8), np.uint8))
    assert pending is None
    assert reads.result(pending, np.zeros((8, 8), np.uint8)) == "inline"


def test_a_hanging_or_failing_read_costs_the_identifier_not_the_record(caplog):
    release, started = threading.Event(), threading.Event()

    def hang(image):
        started.set()
        assert release.wait(10)
        return "late"

    reads = IdentifierReads(hang, wait_s=0.05).start()
    try:
        pending = reads.submit(np.zeros((8, 8), np.uint8))
        assert started.wait(5)  # the reader has taken it: the record must wait, but not forever
        with caplog.at_level(logging.WARNING, logger="station.identifier_reads"):
            assert reads.result(pending, np.zeros((8, 8), np.uint8)) is None
        assert "no identifier" in caplog.text
    finally:
        release.set()
        reads.stop()

    def broken(image):
        raise RuntimeError("decoder bug")

    reads = IdentifierReads(broken).start()
    try:
        pending = reads.submit(np.zeros((8, 8), np.uint8))
        pending.exception(5)
        assert reads.result(pending, np.zeros((8, 8), np.uint8)) is None
    finally:
        reads.stop()


def test_a_busy_station_drops_the_read_of_the_refused_image(monkeypatch):
    from station.errors import StationBusy

    gate = threading.Event()
    model = GatedModel(gate=gate)
    started = threading.Event()
    hold = threading.Event()

    def read(image):
        started.set()
        assert hold.wait(10)
        return None

    with Station(_settings(**{"inference.queue_size": 1}), database=MemoryDatabase(), model=model) as st:
        st._identifiers.stop()
        st._identifiers = IdentifierReads(read).start()  # a reader held on the first image
        try:
            first = st.inspect(np.full((32, 32, 3), 1, np.uint8), source="http", name="1")
            assert model.entered.wait(5) and started.wait(5)
            queued = st.inspect(np.full((32, 32, 3), 2, np.uint8), source="http", name="2")
            pending: list = []
            real_submit = st._identifiers.submit
            monkeypatch.setattr(st._identifiers, "submit", lambda image: pending.append(real_submit(image))
                                or pending[-1])
            with pytest.raises(StationBusy):
                st.inspect(np.full((32, 32, 3), 3, np.uint8), source="http", name="3")
            assert pending[0].cancelled()
        finally:
            hold.set()
            gate.set()
        assert first.result(5).record.name == "1" and queued.result(5).record.name == "2"


def test_an_abandoned_request_drops_its_read(monkeypatch):
    gate, started, hold = threading.Event(), threading.Event(), threading.Event()
    model = GatedModel(gate=gate)

    def read(image):
        started.set()
        assert hold.wait(10)
        return None

    with Station(_settings(), database=MemoryDatabase(), model=model) as st:
        st._identifiers.stop()
        st._identifiers = IdentifierReads(read).start()
        try:
            first = st.inspect(np.full((32, 32, 3), 1, np.uint8), source="http", name="1")
            assert model.entered.wait(5) and started.wait(5)
            pending: list = []
            real_submit = st._identifiers.submit
            monkeypatch.setattr(st._identifiers, "submit", lambda image: pending.append(real_submit(image))
                                or pending[-1])
            abandoned = st.inspect(np.full((32, 32, 3), 2, np.uint8), source="http", name="2")
            assert abandoned.cancel(), "still queued: an HTTP timeout cancels it before the model"
            assert pending[0].cancelled()
        finally:
            hold.set()
            gate.set()
        assert first.result(5).record.name == "1"
