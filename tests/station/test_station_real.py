"""The station with the real engine, real SQLite and real image files.

A model trained on real bottle images judges real OK/NG images through the station's queue;
the verdicts equal the engine's own, every record lands in the database, images land on disk,
and a model loaded from a bundle replaces the active one without losing queued work.
"""

from __future__ import annotations

from concurrent.futures import wait

import numpy as np
import pytest

from inference.imageio import read_image
from station.core import Station
from station.errors import StationError
from station.events import StorageWarning
from station.settings import Settings
from storage import Database


@pytest.fixture()
def settings(tmp_path) -> Settings:
    return Settings().override(**{"storage.data_dir": str(tmp_path / "data"), "storage.save_images": "all",
                                  "inference.queue_size": 64, "inference.device": "cpu"})


def test_station_verdicts_equal_the_engine_and_are_recorded(settings, trained_model, bottle_images):
    paths = bottle_images["ok"][:4] + bottle_images["ng"][:4]
    images = [read_image(p) for p in paths]
    expected = trained_model.predict(images)
    with Station(settings, model=trained_model) as st:
        futures = [st.inspect(img, source="folder", name=p.name, part_id=f"P{i}")
                   for i, (img, p) in enumerate(zip(images, paths, strict=True))]
        done = [f.result(120) for f in futures]
        db = st.database
        assert db.count() == len(paths)
    for got, want in zip(done, expected, strict=True):
        assert got.record.label == want.verdict
        assert got.record.score == pytest.approx(want.score, rel=1e-4)
        assert got.record.defect_count == want.defect_count
    # the engine separates this category: NG images score above OK ones on average
    assert np.mean([d.record.score for d in done[4:]]) > np.mean([d.record.score for d in done[:4]])

    reopened = Database(settings.db_path)
    try:
        rows = reopened.search(limit=50, page=1).data
        assert sorted(r.part_id for r in rows) == sorted(f"P{i}" for i in range(8))
        saved = [r for r in rows if r.image_path]
        assert len(saved) == 8, "save rule 'all' keeps every original"
        for r in saved:
            assert (settings.data_dir / r.image_path).is_file()
            assert (settings.data_dir / r.result_path).is_file()
    finally:
        reopened.close()


def test_save_rule_ng_only_keeps_ng_images(settings, trained_model, bottle_images):
    settings = settings.override(**{"storage.save_images": "ng"})
    img_ok, img_ng = read_image(bottle_images["ok"][0]), read_image(bottle_images["ng"][0])
    with Station(settings, model=trained_model) as st:
        ok = st.inspect(img_ok, source="cli", name="ok.png").result(60)
        ng = st.inspect(img_ng, source="cli", name="ng.png").result(60)
        st.stop()
    db = Database(settings.db_path)
    try:
        by_name = {r.name: r for r in db.recent(10)}
    finally:
        db.close()
    assert ok.record.label == "OK" and ng.record.label == "NG"
    assert by_name["ok.png"].image_path is None
    assert by_name["ng.png"].image_path is not None


def test_model_switch_from_bundle_and_broken_bundle(settings, trained_model, trained_model_path, tmp_path,
                                                    bottle_images):
    img = read_image(bottle_images["ok"][0])
    broken = tmp_path / "broken.qcs"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with Station(settings, model=trained_model) as st:
        queued = [st.inspect(img, source="cli", name=f"q{i}") for i in range(6)]
        info = st.load_model(trained_model_path)
        after = st.inspect(img, source="cli", name="after")
        wait([*queued, after], timeout=120)
        assert all(f.exception() is None for f in [*queued, after])
        assert info.id == trained_model.info.id
        with pytest.raises(StationError, match="cannot load model broken.qcs"):
            st.load_model(broken)
        assert st.model_path == trained_model_path  # the failed load changed nothing
        with pytest.raises(StationError, match="not found"):
            st.load_model(tmp_path / "missing.qcs")


def test_full_disk_pauses_saving_with_a_warning_but_inspection_goes_on(settings, trained_model,
                                                                        bottle_images):
    from storage import ImageStore

    store = ImageStore(settings.data_dir, quota_mb=100, min_free_mb=500, save_rule="all",
                       disk_free=lambda _p: 10 * 2**20)
    warnings = []
    img = read_image(bottle_images["ng"][0])
    with Station(settings, model=trained_model, image_store=store) as st:
        st.events.subscribe(lambda e: warnings.append(e) if isinstance(e, StorageWarning) else None)
        done = [st.inspect(img, source="cli", name=f"n{i}").result(60) for i in range(3)]
        st.stop()
    assert all(d.record.id for d in done)
    assert len(warnings) == 1 and "paused" in warnings[0].message
