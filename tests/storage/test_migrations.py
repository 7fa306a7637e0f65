"""Schema migrations with a backup first, and damaged files handled without losing data."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest

from storage import Database, DatabaseCorrupt, SchemaTooNew, StorageError
from storage.schema import SCHEMA_VERSION, V1_STATEMENTS
from tests.storage.conftest import make_record


def make_v1_file(path):
    """A history file as the first release wrote it: schema v1 with three records, one reviewed."""
    conn = sqlite3.connect(path)
    for sql in V1_STATEMENTS:
        conn.execute(sql)
    rows = [
        ("a.png", "camera", None, "2024-03-01 08:00:00.000000", "OK", 0, 0.1, 0.2, 0.9, "m", 1, 10.0,
         "[]", None, None, None, 0, None, None, None, "{}"),
        ("b.png", "camera", "SN1", "2024-03-01 09:00:00.000000", "NG", 2, 1.5, 1.8, 0.8, "m", 1, 11.0,
         '[{"x": 1}]', "images/2024-03-01/b.jpg", None, None, 0, None, None, None, "{}"),
        ("c.png", "http", None, "2024-03-02 10:00:00.000000", "NG", 1, 1.2, 1.1, 0.7, "m", 1, 12.0,
         "[]", None, None, None, 0, "OK", "dust", "2024-03-02 11:00:00.000000", "{}"),
    ]
    conn.executemany(
        "INSERT INTO inspections (name, source, part_id, timestamp, label, defect_count, score, "
        "normalized_score, confidence, model_id, model_version, processing_ms, regions, image_path, "
        "result_path, heatmap_path, image_pruned, review_label, review_note, reviewed_at, extra) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


def test_old_schema_is_migrated_after_a_backup(tmp_path):
    path = tmp_path / "history.sqlite3"
    make_v1_file(path)
    with Database(path) as db:
        assert db.schema_version == SCHEMA_VERSION
        assert len(db.backups) == 1
        backup = db.backups[0]
        assert backup.exists() and "v1-backup" in backup.name
        # old rows are all there, with summaries, final verdicts and the name index filled in
        assert [r.name for r in db.recent()] == ["c.png", "b.png", "a.png"]
        assert db.get(2).regions == ({"x": 1},)
        assert db.stat_by_date("2024-03-01", "2024-03-02") == [
            {"stat_date": "2024-03-01", "record_count": 2, "total_num": 2, "ng_count": 1},
            {"stat_date": "2024-03-02", "record_count": 1, "total_num": 1, "ng_count": 0},  # reviewed OK
        ]
        assert db.search(name="png").total == 3 and db.search(name="b.p").total == 1
        assert db.search(label="NG").total == 1
        assert db.insert(make_record(datetime(2024, 3, 3))) == 4
    old = sqlite3.connect(backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    assert old.execute("SELECT count(*) FROM inspections").fetchone()[0] == 3
    old.close()
    with Database(path) as db:  # already current: no second backup
        assert db.backups == [] and db.count() == 4


def test_a_newer_schema_is_left_untouched(tmp_path):
    path = tmp_path / "history.sqlite3"
    Database(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(SchemaTooNew, match="newer"):
        Database(path)
    assert path.read_bytes() == before


def test_a_foreign_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="not a QC Station history"):
        Database(path)


def test_garbage_file_is_moved_aside_and_a_new_history_starts(tmp_path):
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    with Database(path) as db:
        assert db.count() == 0
        assert db.warnings and "damaged" in db.warnings[0]
        kept = list(tmp_path.glob("history.damaged-*.sqlite3"))
        assert len(kept) == 1 and kept[0].read_bytes().startswith(b"this is not")
        assert str(kept[0]) in db.warnings[0]


def test_garbage_file_raises_when_asked(tmp_path):
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"\0junk" * 1000)
    with pytest.raises(DatabaseCorrupt, match="damaged"):
        Database(path, on_corrupt="raise")
    assert path.exists()  # untouched


def _corrupt_index_page(path):
    """Overwrite one page of the time index: quick_check fails, the table itself stays readable."""
    conn = sqlite3.connect(path)
    page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'idx_inspections_ts'").fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(path, "r+b") as fh:
        fh.seek((page - 1) * size + 8)
        fh.write(b"\x07" * (size - 16))


def test_damaged_file_is_kept_and_readable_records_are_salvaged(tmp_path):
    path = tmp_path / "history.sqlite3"
    with Database(path) as db:
        db.insert_many([make_record(datetime(2024, 3, 1, 8, i), "NG" if i % 2 else "OK", name=f"p{i}.png")
                        for i in range(50)])
    _corrupt_index_page(path)
    with Database(path) as db:
        assert db.warnings and "50 readable records" in db.warnings[0]
        assert db.count() == 50
        assert [r.id for r in db.recent(3)] == [50, 49, 48]  # figIds kept
        assert db.stat_by_date("2024-03-01", "2024-03-01")[0]["ng_count"] == 25
        assert db.insert(make_record(datetime(2024, 3, 2))) == 51
    assert len(list(tmp_path.glob("history.damaged-*.sqlite3"))) == 1


def test_large_files_are_checked_after_a_crash_or_weekly_not_at_every_start(tmp_path, monkeypatch):
    import storage.db_open as db_open

    monkeypatch.setattr(db_open, "AUTO_CHECK_BYTES", 0)  # treat the file as large
    path = tmp_path / "history.sqlite3"
    with Database(path) as db:
        assert db.checked is False  # a new file: nothing to check
        db.insert(make_record(datetime(2024, 3, 1)))
    with Database(path) as db:
        assert db.checked is True  # never fully checked before
    with Database(path) as db:
        assert db.checked is False  # clean shutdown, checked today
    crashed = Database(path)  # never closed: like a kill -9 or a power cut
    crashed._writer.close()
    with Database(path) as db:
        assert db.checked is True
        db.set_meta("last_integrity_check", "2000-01-01T00:00:00")
    with Database(path) as db:
        assert db.checked is True  # a week or more since the last full check
    with Database(path, check="quick") as db:
        assert db.checked is True
