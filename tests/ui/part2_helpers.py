"""Shared pieces of the History / Statistics / Evaluate page tests (GUI part 2)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from station.core import Station
from station.settings import Settings, Shift
from storage import Database, InspectionRecord

THREE_SHIFTS = Settings(shifts=(Shift("A", "06:00"), Shift("B", "14:00"), Shift("C", "22:00")))


def make_record(i: int, when: datetime, *, label: str = "OK", defects: int = 0, score: float = 0.5,
                model_id: str = "m-bottle", name: str | None = None, **extra) -> InspectionRecord:
    regions = tuple({"x": 10 * k, "y": 5, "width": 20, "height": 12, "area": 150, "score": score,
                     "normalized_score": score / 0.8} for k in range(defects))
    return InspectionRecord(
        id=None, name=name or f"part_{i:05d}.png", source="folder", part_id=f"P{i:05d}",
        timestamp=when, label=label, defect_count=defects, score=score, normalized_score=score / 0.8,
        confidence=0.9, model_id=model_id, model_version=1, processing_ms=42.0, regions=regions,
        extra={"threshold": 0.8}, **extra)


def varied_records(n: int, start: datetime, step: timedelta = timedelta(minutes=7),
                   seed: int = 0) -> list[InspectionRecord]:
    """Deterministic mix: about one in four NG, 0-3 defects on NG, two models."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        ng = rng.random() < 0.25
        score = round(rng.uniform(0.85, 2.0) if ng else rng.uniform(0.1, 0.75), 4)
        out.append(make_record(i, start + i * step, label="NG" if ng else "OK",
                               defects=rng.randint(1, 3) if ng else 0, score=score,
                               model_id="m-bottle" if i % 3 else "m-tile"))
    return out


def station_with_db(tmp_path, settings: Settings | None = None) -> tuple[Station, Database, Settings]:
    settings = (settings or Settings()).override(**{"storage.data_dir": str(tmp_path / "data")})
    db = Database(tmp_path / "history.sqlite3")
    return Station(settings, database=db), db, settings
