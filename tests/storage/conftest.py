"""Fixtures for the storage tests: a fresh database file and a hand-checked set of records."""

from __future__ import annotations

from datetime import datetime

import pytest

from storage import Database, InspectionRecord


def make_record(ts: datetime, label: str = "OK", *, name: str = "part.png", num: int = 0,
                score: float = 0.5, source: str = "camera", model_id: str | None = "m1",
                part_id: str | None = None, **extra_fields) -> InspectionRecord:
    return InspectionRecord(
        id=None, name=name, source=source, part_id=part_id, timestamp=ts, label=label,
        defect_count=num, score=score, normalized_score=score, confidence=0.9,
        model_id=model_id, model_version=1 if model_id else None, processing_ms=12.5, **extra_fields)


# id: (timestamp, label, name, num, score, source, model, part)
FIXTURE = {
    1: (datetime(2024, 3, 1, 5, 59, 59), "OK", "bottle_001.png", 0, 0.2, "camera", "m1", "P1"),
    2: (datetime(2024, 3, 1, 6, 0, 0), "NG", "bottle_002.png", 2, 1.5, "camera", "m1", "P2"),
    3: (datetime(2024, 3, 1, 13, 30, 0), "NG", "瓶子_缺陷.png", 1, 1.1, "http", "m2", None),
    4: (datetime(2024, 3, 1, 21, 59, 59, 999999), "OK", "cap_100%.png", 0, 0.3, "folder", "m2", None),
    5: (datetime(2024, 3, 1, 22, 0, 0), "NG", "cap_1_0.png", 3, 2.0, "camera", "m1", None),
    6: (datetime(2024, 3, 3, 0, 30, 0), "OK", "bottle_003.png", 0, 0.1, "camera", "m1", None),
    7: (datetime(2024, 3, 3, 5, 0, 0), "NG", "BOTTLE_004.PNG", 1, 1.2, "camera", "m1", None),
    8: (datetime(2024, 3, 3, 23, 0, 0), "OK", "x.png", 0, 0.4, "batch", "m1", None),
}


def fixture_records() -> list[InspectionRecord]:
    return [make_record(ts, label, name=name, num=num, score=score, source=source, model_id=model,
                        part_id=part)
            for ts, label, name, num, score, source, model, part in FIXTURE.values()]


@pytest.fixture
def db(tmp_path):
    database = Database(tmp_path / "history.sqlite3")
    yield database
    database.close()


@pytest.fixture(params=["names-indexed", "names-pending"])
def fixture_db(db, request):
    """The fixture records, with their names in the trigram index or still waiting for it."""
    ids = db.insert_many(fixture_records())
    assert ids == list(FIXTURE)
    if request.param == "names-indexed":
        db._index_names(force=True)
        assert db.get_meta("fts_indexed_id") == "8"
    else:
        assert db.get_meta("fts_indexed_id") == "0"
    return db
