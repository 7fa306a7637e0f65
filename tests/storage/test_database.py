"""Records go in and come back unchanged; bad input is refused with a readable error."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone

import pytest

from storage import Database, InspectionRecord, InvalidQuery, InvalidRecord, RecordNotFound, StorageError
from tests.storage.conftest import make_record


def test_round_trip_keeps_every_field(db):
    rec = make_record(
        datetime(2024, 5, 31, 14, 2, 3, 456789), "NG", name="瓶子 001.png", num=2, score=1.75,
        part_id="SN-42", regions=({"x": 1, "y": 2, "width": 3, "height": 4, "area": 5, "score": 0.9,
                                  "normalized_score": 1.2},),
        image_path="images/2024-05-31/a.jpg", result_path="images/2024-05-31/a_result.jpg",
        heatmap_path=None, extra={"data": "lot 7", "pekat": {"flow": "x"}})
    fig_id = db.insert(rec)
    got = db.get(fig_id)
    assert got.id == fig_id
    for field in ("name", "source", "part_id", "timestamp", "label", "defect_count", "score",
                  "normalized_score", "confidence", "model_id", "model_version", "processing_ms",
                  "regions", "image_path", "result_path", "heatmap_path", "image_pruned", "extra"):
        assert getattr(got, field) == getattr(rec, field), field
    assert got.to_seed_row() == {"figId": fig_id, "name": "瓶子 001.png", "date": "2024-05-31",
                                 "time": "14:02:03", "label": "NG", "num": 2, "dice": 0.9}


def test_aware_timestamps_are_stored_as_local_time(db):
    aware = datetime(2024, 5, 31, 12, 0, tzinfo=timezone.utc)
    got = db.get(db.insert(make_record(aware)))
    assert got.timestamp == aware.astimezone().replace(tzinfo=None)


def test_ids_are_never_reused_and_increase(db):
    ids = [db.insert(make_record(datetime(2024, 1, 1) + timedelta(seconds=i))) for i in range(5)]
    assert ids == sorted(ids) and len(set(ids)) == 5
    assert db.get(999) is None


@pytest.mark.parametrize("bad", [
    {"label": "maybe"},
    {"score": float("nan")},
    {"score": "high"},
    {"num": "two"},
])
def test_bad_records_are_refused_and_nothing_is_written(db, bad):
    kwargs = {"label": bad.pop("label", "OK")}
    rec = make_record(datetime(2024, 1, 1), **kwargs, **bad)
    with pytest.raises(InvalidRecord):
        db.insert_many([make_record(datetime(2024, 1, 1)), rec])
    assert db.count() == 0  # all or nothing


def test_review_overrides_the_verdict_in_statistics(fixture_db):
    db = fixture_db
    before = db.stat_by_date("2024-03-03", "2024-03-03")[0]
    assert before["ng_count"] == 1
    rec = db.set_review(7, "ok", "scratch is dust")
    assert (rec.label, rec.review_label, rec.final_label, rec.review_note) == ("NG", "OK", "OK", "scratch is dust")
    assert rec.reviewed_at is not None
    assert db.stat_by_date("2024-03-03", "2024-03-03")[0]["ng_count"] == 0
    assert db.search(label="NG").total == 3
    cleared = db.set_review(7, None)
    assert cleared.review_label is None and cleared.final_label == "NG"
    assert db.search(label="NG").total == 4
    with pytest.raises(RecordNotFound):
        db.set_review(12345, "OK")
    with pytest.raises(InvalidQuery):
        db.set_review(7, "GOOD")


def test_recent_is_newest_first_and_limited(fixture_db):
    assert [r.id for r in fixture_db.recent(3)] == [8, 7, 6]
    assert len(fixture_db.recent()) == 8
    for bad in (0, -1, 100_000, "x"):
        with pytest.raises(InvalidQuery):
            fixture_db.recent(bad)


def test_closed_database_says_so(tmp_path):
    db = Database(tmp_path / "h.sqlite3")
    db.close()
    with pytest.raises(StorageError, match="closed"):
        db.recent()
    with pytest.raises(StorageError, match="closed"):
        db.insert(make_record(datetime(2024, 1, 1)))
    db.close()  # twice is fine


def test_file_is_in_wal_mode_with_current_schema(db):
    conn = sqlite3.connect(db.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    from storage.schema import SCHEMA_VERSION
    assert db.schema_version == SCHEMA_VERSION
    assert db.has_fts


def test_meta_values_persist(tmp_path):
    with Database(tmp_path / "h.sqlite3") as db:
        assert db.get_meta("es.last_id") is None
        db.set_meta("es.last_id", "41")
        db.set_meta("es.last_id", "42")
    with Database(tmp_path / "h.sqlite3") as db:
        assert db.get_meta("es.last_id") == "42"


def test_backup_to_copies_a_consistent_database(fixture_db, tmp_path):
    copy = fixture_db.backup_to(tmp_path / "copy.sqlite3")
    with Database(copy) as other:
        assert other.count() == 8


def test_bulk_import_gives_the_same_history_as_inserts(tmp_path):
    from tests.storage.conftest import fixture_records

    records = fixture_records() * 40
    with Database(tmp_path / "a.sqlite3") as a, Database(tmp_path / "b.sqlite3") as b:
        a.insert_many(records)
        assert b.import_records(iter(records), batch=100) == 320
        assert a.stat_by_date("2024-03-01", "2024-03-04") == b.stat_by_date("2024-03-01", "2024-03-04")
        for f in ({"name": "bottle"}, {"name": "瓶子_缺陷", "label": "NG"}, {"num": 0, "page": 3}):
            pa, pb = a.search(**f), b.search(**f)
            assert pa.total == pb.total > 0
            assert [r.id for r in pa.data] == [r.id for r in pb.data]
        assert b.get_meta("fts_indexed_id") == "320"  # names indexed with each batch
        assert b.insert(make_record(datetime(2024, 3, 5), "NG")) == 321  # triggers back in place
        assert b.stat_by_date("2024-03-05", "2024-03-05")[0]["ng_count"] == 1
        with pytest.raises(InvalidQuery):
            b.import_records([b.get(1)])  # figIds are assigned, never imported


def test_sqlite_failures_become_storage_errors_naming_the_file(db):
    fig_id = db.insert(make_record(datetime(2024, 1, 1)))
    with pytest.raises(StorageError, match="history.sqlite3.*insert_many failed.*UNIQUE"):
        db.insert(InspectionRecord(**{**make_record(datetime(2024, 1, 2)).__dict__, "id": fig_id}))
    assert db.count() == 1


def test_a_failing_name_index_catch_up_never_fails_the_insert(db, monkeypatch):
    def broken(conn):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(db, "_catch_up_names", broken)
    ids = db.insert_many([make_record(datetime(2024, 1, 1), name=f"part_{i}.png") for i in range(300)])
    assert len(ids) == 300 and db.count() == 300
    assert db.search(name="part_299").total == 1  # found by LIKE until the index catches up
    monkeypatch.undo()
    db._index_names(force=True)
    assert db.get_meta("fts_indexed_id") == "300"
    assert db.search(name="part_299").total == 1
