"""Image store: dated folders, saving rules, quota pruning (records stay), free-space pause."""

from __future__ import annotations

from datetime import datetime, timedelta

import cv2
import numpy as np
import pytest

from storage import ImageStore
from storage.images import safe_stem
from tests.storage.conftest import make_record


def picture(seed=0, size=160):
    rng = np.random.default_rng(seed)
    return rng.integers(0, 256, (size, size, 3), dtype=np.uint8)


def store_record(db, store, when, label="NG", name="part.png"):
    img = picture(int(when.timestamp()) % 1000)
    saved = store.save(when, name, label, img, img // 2, img // 3)
    rid = db.insert(make_record(when, label, name=name, image_path=saved and saved.image_path,
                                result_path=saved and saved.result_path,
                                heatmap_path=saved and saved.heatmap_path))
    return rid, saved


def test_saves_three_images_in_a_dated_folder(tmp_path):
    store = ImageStore(tmp_path, quota_mb=100, min_free_mb=0)
    ramp = np.linspace(0, 255, 160, dtype=np.uint8)
    img = np.dstack([np.tile(ramp, (160, 1)), np.tile(ramp[:, None], (1, 160)), np.full((160, 160), 90, np.uint8)])
    saved = store.save(datetime(2024, 5, 31, 14, 2, 3, 456789), "cam1/瓶子 01.png", "NG", img, img, img)
    assert saved.image_path == "images/2024-05-31/140203_456789_瓶子_01.jpg"
    assert saved.result_path == "images/2024-05-31/140203_456789_瓶子_01_result.jpg"
    assert saved.heatmap_path == "images/2024-05-31/140203_456789_瓶子_01_heatmap.jpg"
    back = cv2.imdecode(np.fromfile(store.resolve(saved.image_path), np.uint8), cv2.IMREAD_COLOR)
    assert back.shape == img.shape
    assert np.abs(back.astype(int) - img).mean() < 2  # q95 JPEG
    assert saved.bytes == store.usage_bytes()


def test_png_originals_are_lossless(tmp_path):
    store = ImageStore(tmp_path, min_free_mb=0, original_format="png")
    img = picture()
    saved = store.save(datetime(2024, 1, 1), "a.bmp", "OK", img)
    assert saved.image_path.endswith(".png") and saved.result_path is None
    back = cv2.imdecode(np.fromfile(store.resolve(saved.image_path), np.uint8), cv2.IMREAD_COLOR)
    assert np.array_equal(back, img)


@pytest.mark.parametrize("rule, ok_saved, ng_saved", [("all", True, True), ("ng", False, True),
                                                     ("none", False, False)])
def test_saving_rules(tmp_path, rule, ok_saved, ng_saved):
    store = ImageStore(tmp_path, min_free_mb=0, save_rule=rule)
    assert (store.save(datetime(2024, 1, 1), "a", "OK", picture()) is not None) == ok_saved
    assert (store.save(datetime(2024, 1, 1), "b", "NG", picture()) is not None) == ng_saved
    with pytest.raises(ValueError):
        ImageStore(tmp_path, save_rule="some")


def test_names_cannot_escape_the_folder_or_collide(tmp_path):
    store = ImageStore(tmp_path, min_free_mb=0)
    when = datetime(2024, 1, 1)
    paths = {store.save(when, name, "OK", picture()).image_path
             for name in ("../../etc/passwd", "..\\..\\x", "a.png", "a.png", "a_result.png", "")}
    assert len(paths) == 6
    for p in paths:
        assert p.startswith("images/2024-01-01/") and ".." not in p
        assert store.resolve(p).is_file()
    with pytest.raises(ValueError):
        store.resolve("../outside.jpg")
    assert safe_stem("part_heatmap.png") == "part_heatmap_"


def test_quota_prunes_oldest_images_and_keeps_records(db, tmp_path):
    store = ImageStore(tmp_path, quota_mb=0.4, min_free_mb=0)
    t0 = datetime(2024, 3, 1, 23, 50)
    ids = [store_record(db, store, t0 + timedelta(minutes=4 * i))[0] for i in range(12)]  # crosses midnight
    per_record = store.usage_bytes() / 12
    assert store.usage_bytes() > store.quota_bytes
    pruned = store.enforce_quota(db)
    assert pruned > 0
    assert store.usage_bytes() <= store.quota_bytes * 0.9
    assert store.usage_bytes() == sum(p.stat().st_size for p in (tmp_path / "images").rglob("*") if p.is_file())
    records = [db.get(i) for i in ids]
    assert all(r is not None for r in records)  # records stay
    flags = [r.image_pruned for r in records]
    assert flags == [True] * pruned + [False] * (12 - pruned)  # oldest first
    for r in records[:pruned]:
        assert r.image_path is r.result_path is r.heatmap_path is None
    for r in records[pruned:]:
        assert store.resolve(r.image_path).is_file() and store.resolve(r.heatmap_path).is_file()
    assert not (tmp_path / "images" / "2024-03-01").exists()  # emptied day folder removed
    assert pruned == 12 - int(store.quota_bytes * 0.9 // per_record)
    assert store.enforce_quota(db) == 0  # under quota: nothing to do


def test_quota_counts_images_from_earlier_sessions(db, tmp_path):
    first = ImageStore(tmp_path, quota_mb=100, min_free_mb=0)
    for i in range(6):
        store_record(db, first, datetime(2024, 3, 1, 8, i))
    again = ImageStore(tmp_path, quota_mb=0.2, min_free_mb=0)
    assert again.usage_bytes() == first.usage_bytes()
    assert again.enforce_quota(db) > 0
    assert db.search(limit=10).data[-1].image_pruned


def test_low_disk_pauses_saving_with_one_warning_and_resumes(tmp_path):
    free = {"bytes": 10 * 2**20}
    store = ImageStore(tmp_path, min_free_mb=500, disk_free=lambda _p: free["bytes"])
    when = datetime(2024, 1, 1)
    assert store.save(when, "a", "NG", picture()) is None
    assert store.save(when, "b", "NG", picture()) is None
    assert "paused" in store.pop_warning() and "10 MB free" in store.paused
    assert store.pop_warning() is None  # once per change, not per image
    free["bytes"] = 900 * 2**20
    assert store.save(when, "c", "NG", picture()) is not None
    assert store.paused is None and "resumed" in store.pop_warning()


def test_unwritable_folder_pauses_instead_of_raising(tmp_path):
    (tmp_path / "images").write_text("a file where the folder should be")
    store = ImageStore(tmp_path, min_free_mb=0)
    assert store.save(datetime(2024, 1, 1), "a", "NG", picture()) is None
    assert "cannot write images" in store.pop_warning()


def test_images_saved_after_the_insert_are_attached_and_pruned_later(db, tmp_path):
    """The station's order: insert the record, answer the caller, then save images and attach them."""
    from storage import RecordNotFound

    store = ImageStore(tmp_path, quota_mb=0.1, min_free_mb=0)  # one record's images fit, two do not
    when = datetime(2024, 3, 1, 8)
    rid = db.insert(make_record(when, "NG"))
    saved = store.save(when, "p.png", "NG", picture(), picture(1), picture(2), db=db)
    db.set_image_paths(rid, saved.image_path, saved.result_path, saved.heatmap_path)
    got = db.get(rid)
    assert (got.image_path, got.result_path, got.heatmap_path) == (saved.image_path, saved.result_path,
                                                                   saved.heatmap_path)
    later = when.replace(hour=9)
    second = store.save(later, "q.png", "NG", picture(3), picture(4), picture(5), db=db)  # prunes first
    assert second is not None and store.usage_bytes() <= store.quota_bytes
    assert db.get(rid).image_pruned and db.get(rid).image_path is None
    with pytest.raises(RecordNotFound):
        db.set_image_paths(999, "images/x.jpg")


def test_resolve_image_path_finds_relative_legacy_and_absolute_paths(tmp_path):
    from storage.images import resolve_image_path

    (tmp_path / "2024-05-31").mkdir()
    (tmp_path / "2024-05-31" / "a.png").write_bytes(b"x")
    (tmp_path / "images" / "2024-05-30").mkdir(parents=True)
    (tmp_path / "images" / "2024-05-30" / "b.png").write_bytes(b"x")
    assert resolve_image_path(tmp_path, None) is None and resolve_image_path(tmp_path, "") is None
    assert resolve_image_path(tmp_path, "2024-05-31/a.png") == tmp_path / "2024-05-31" / "a.png"
    assert resolve_image_path(tmp_path, "2024-05-30/b.png") == tmp_path / "images" / "2024-05-30" / "b.png"
    elsewhere = tmp_path.parent / "imported.png"
    assert resolve_image_path(tmp_path, str(elsewhere)) == elsewhere
    assert resolve_image_path(tmp_path, "gone/c.png") == tmp_path / "gone" / "c.png"  # shown as missing
