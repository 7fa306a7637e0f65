"""CSV export: Excel-friendly encoding, every matching row, no formula injection, atomic file."""

from __future__ import annotations

import csv
from datetime import datetime

import pytest

from storage import InvalidQuery
from tests.storage.conftest import make_record


def read(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel opens CJK names right
    return list(csv.reader(raw[3:].decode("utf-8").splitlines()))


def test_export_writes_matching_rows_newest_first(fixture_db, tmp_path):
    out = tmp_path / "sub" / "ng.csv"
    assert fixture_db.export_csv(out, label="NG") == 4
    rows = read(out)
    header, data = rows[0], rows[1:]
    assert header[:4] == ["figId", "name", "date", "time"]
    assert [r[0] for r in data] == ["7", "5", "3", "2"]
    row3 = dict(zip(header, data[2], strict=True))
    assert row3["name"] == "瓶子_缺陷.png"
    assert (row3["date"], row3["time"], row3["label"], row3["num"]) == ("2024-03-01", "13:30:00.000", "NG", "1")
    assert row3["source"] == "http" and row3["model_id"] == "m2"


def test_export_all_and_empty(fixture_db, tmp_path):
    assert fixture_db.export_csv(tmp_path / "all.csv") == 8
    assert len(read(tmp_path / "all.csv")) == 9
    assert fixture_db.export_csv(tmp_path / "none.csv", name="no such part") == 0
    assert len(read(tmp_path / "none.csv")) == 1


def test_cells_that_excel_would_run_are_neutralised(db, tmp_path):
    db.insert(make_record(datetime(2024, 1, 1), name="=HYPERLINK(\"http://x\")", part_id="+1-2"))
    rows = read(tmp_path / "x.csv") if db.export_csv(tmp_path / "x.csv") else []
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["name"] == "'=HYPERLINK(\"http://x\")"
    assert row["part_id"] == "'+1-2"


def test_bad_filter_leaves_no_file(fixture_db, tmp_path):
    out = tmp_path / "bad.csv"
    with pytest.raises(InvalidQuery):
        fixture_db.export_csv(out, label="maybe")
    assert not out.exists()
    assert not list(tmp_path.glob("*.part"))
