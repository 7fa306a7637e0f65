"""Reads of the insight pre-aggregates and the drift-warning log (schema v8).

Every read is a range scan of ``insight_hourly`` (a few thousand rows for 15 days at any history
size) inside one read snapshot; the station's analysis (station/insights.py) turns them into
findings. Writes (drift warnings) go through the database's single writer.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import numpy as np

from storage.insight_schema import GRID, SCORE_BINS, SCORE_STEP
from storage.sql import optional_terms, where_clause
from storage.timeutil import from_db, to_db


@dataclass(frozen=True)
class DriftEvent:
    """One score-drift warning as stored; ``ended_at`` is None while it lasts."""

    id: int
    model_id: str
    model_name: str
    direction: str  # "up" | "down"
    started_at: datetime
    ended_at: datetime | None
    reference: float
    level: float
    latest: float
    parts: int

    @property
    def active(self) -> bool:
        return self.ended_at is None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "model_id": self.model_id, "model_name": self.model_name,
                "direction": self.direction, "active": self.active,
                "started_at": self.started_at.isoformat(timespec="seconds"),
                "ended_at": self.ended_at.isoformat(timespec="seconds") if self.ended_at else None,
                "reference": round(self.reference, 4), "level": round(self.level, 4),
                "latest": round(self.latest, 4), "parts": self.parts}


@dataclass(frozen=True)
class PeriodAggregates:
    """The pre-aggregated counts of ``[start, end)`` (whole hours), per model where it applies."""

    start: datetime
    end: datetime
    scores: dict[str, np.ndarray]  # model -> (hours, SCORE_BINS) part counts (last bin: NG)
    hours: list[str]  # 'YYYY-MM-DD HH' of the rows of scores
    cells: dict[str, np.ndarray]  # model -> GRID×GRID NG parts with a region centre there
    ng_parts: dict[str, int]  # model -> NG parts with a known image size
    areas: dict[str, np.ndarray]  # model -> region counts per size class
    first_pass: dict[str, tuple[int, int]]  # part-id prefix -> (first inspections OK, NG)
    defect_counts: dict[int, int]  # defects per part -> parts (every model)


def _hour(t: datetime) -> str:
    return to_db(t)[:13]


def _hour_ceil(t: datetime) -> datetime:
    floor = t.replace(minute=0, second=0, microsecond=0)
    return floor if floor == t else floor + timedelta(hours=1)


def period_aggregates(db: Any, start: datetime, end: datetime) -> PeriodAggregates:
    """Every insight count of the hours touched by ``[start, end)`` in one read snapshot."""
    lo = start.replace(minute=0, second=0, microsecond=0)
    hi = _hour_ceil(end)
    n_hours = max(1, int((hi - lo).total_seconds() // 3600))
    hours = [_hour(lo + timedelta(hours=i)) for i in range(n_hours)]
    index = {h: i for i, h in enumerate(hours)}
    day_lo = lo if lo.hour == 0 else (lo + timedelta(days=1)).replace(hour=0)
    day_hi = hi.replace(hour=0)
    between = "hour >= ? AND hour < ?"
    conn = db._reader()
    conn.execute("BEGIN")  # one snapshot for every read
    try:
        score_rows = conn.execute(
            f"SELECT hour, key, bin, n FROM insight_hourly WHERE kind = 'score' AND {between}",
            (_hour(lo), _hour(hi))).fetchall()
        other_rows = conn.execute(
            "SELECT kind, key, bin, sum(n) FROM insight_hourly WHERE kind IN ('ng_parts', 'area', 'fpy', "
            f"'defects') AND {between} GROUP BY kind, key, bin", (_hour(lo), _hour(hi))).fetchall()
        # the map: whole days from the daily cells, the hours at either end from the hourly ones
        cell_rows: list[Any] = []
        if day_lo < day_hi:
            cell_rows += conn.execute(
                f"SELECT 'cell', key, bin, sum(n) FROM insight_hourly WHERE kind = 'cell_day' AND {between} "
                "GROUP BY key, bin", (day_lo.date().isoformat(), day_hi.date().isoformat())).fetchall()
            edges = [(lo, day_lo), (day_hi, hi)]
        else:
            edges = [(lo, hi)]
        for a, b in edges:
            if a < b:
                cell_rows += conn.execute(
                    f"SELECT 'cell', key, bin, sum(n) FROM insight_hourly WHERE kind = 'cell' AND {between} "
                    "GROUP BY key, bin", (_hour(a), _hour(b))).fetchall()
    finally:
        conn.execute("COMMIT")
    other_rows += cell_rows
    scores: dict[str, np.ndarray] = {}
    cells: dict[str, np.ndarray] = {}
    areas: dict[str, np.ndarray] = {}
    defects: dict[int, int] = defaultdict(int)
    ng_parts: dict[str, int] = defaultdict(int)
    fpy: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_model: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for hour, key, b, n in score_rows:
        by_model[key].append((index[hour], b, n))
    for key, triples in by_model.items():
        arr = np.zeros((n_hours, SCORE_BINS), np.int64)
        t = np.asarray(triples, np.int64)
        np.add.at(arr, (t[:, 0], t[:, 1]), t[:, 2])
        scores[key] = arr
    for kind, key, b, n in other_rows:
        if kind == "cell":
            grid = cells.get(key)
            if grid is None:
                grid = cells[key] = np.zeros(GRID * GRID, np.int64)
            grid[b] += n
        elif kind == "ng_parts":
            ng_parts[key] += n
        elif kind == "area":
            area = areas.get(key)
            if area is None:
                area = areas[key] = np.zeros(16, np.int64)
            area[min(b, 15)] += n
        elif kind == "fpy":
            fpy[key][1 if b else 0] += n
        elif kind == "defects":
            defects[int(b)] += n
    return PeriodAggregates(
        start=lo, end=hi, scores=scores, hours=hours,
        cells={k: v.reshape(GRID, GRID) for k, v in cells.items()}, ng_parts=dict(ng_parts),
        areas=areas, first_pass={k: (v[0], v[1]) for k, v in fpy.items()},
        defect_counts=dict(sorted(defects.items())))


def score_bin_centres() -> np.ndarray:
    """Bin values for quantiles: OK bins at their centres, the NG bin at the threshold (1.0)."""
    centres = (np.arange(SCORE_BINS) + 0.5) * SCORE_STEP
    centres[-1] = 1.0
    return centres


def model_names(db: Any, start: datetime, end: datetime, models: list[str]) -> dict[str, str]:
    """A readable name per model id: the newest drift event's or the id itself."""
    out = {m: m for m in models}
    conn = db._reader()
    for m in models:
        row = conn.execute("SELECT model_name FROM drift_events WHERE model_id = ? ORDER BY id DESC LIMIT 1",
                           (m,)).fetchone()
        if row:
            out[m] = row[0]
    return out


def representative_image(db: Any, model_id: str | None, start: datetime, end: datetime,
                         look_back: int = 5000) -> tuple[str | None, bool]:
    """(relative image path, is_ok) of the newest stored image of the model in the period, an OK
    part preferred; (None, False) when none of its newest ``look_back`` parts kept an image."""
    conn = db._reader()
    model_sql = "model_id = ? AND " if model_id else ""
    params: list[Any] = ([model_id] if model_id else []) + [to_db(start), to_db(end), int(look_back)]
    row = conn.execute(
        "SELECT image_path, final_label FROM (SELECT image_path, image_pruned, final_label, timestamp "
        f"FROM inspections WHERE {model_sql}timestamp >= ? AND timestamp < ? ORDER BY timestamp DESC LIMIT ?) "
        "WHERE image_path IS NOT NULL AND image_pruned = 0 ORDER BY final_label = 'OK' DESC, timestamp DESC "
        "LIMIT 1", params).fetchone()
    return (row[0], row[1] == "OK") if row else (None, False)


# ---------------------------------------------------------------- drift warnings

_DRIFT_COLS = "id, model_id, model_name, direction, started_at, ended_at, reference, level, latest, parts"


def _event(row: Any) -> DriftEvent:
    return DriftEvent(id=row[0], model_id=row[1], model_name=row[2], direction=row[3],
                      started_at=from_db(row[4]), ended_at=from_db(row[5]) if row[5] else None,
                      reference=row[6], level=row[7], latest=row[8], parts=row[9])


def open_drift_event(db: Any, *, model_id: str, model_name: str, direction: str, started_at: datetime,
                     reference: float, level: float, parts: int) -> int:
    cur = db._write(
        "INSERT INTO drift_events(model_id, model_name, direction, started_at, reference, level, latest, parts) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (model_id, model_name, direction, to_db(started_at), float(reference), float(level), float(level),
         int(parts)))
    return int(cur.lastrowid)


def update_drift_event(db: Any, event_id: int, *, latest: float, parts: int,
                       ended_at: datetime | None = None) -> None:
    db._write("UPDATE drift_events SET latest = ?, parts = ?, ended_at = ? WHERE id = ?",
              (float(latest), int(parts), to_db(ended_at) if ended_at else None, int(event_id)))


def drift_events(db: Any, start: datetime | None = None, end: datetime | None = None,
                 active_only: bool = False) -> list[DriftEvent]:
    """Warnings that overlap ``[start, end)`` (all without bounds), oldest first."""
    terms, params = optional_terms([("started_at < ?", end and to_db(end)),
                                    ("(ended_at IS NULL OR ended_at >= ?)", start and to_db(start))])
    if active_only:
        terms.append("ended_at IS NULL")
    rows = db._reader().execute(f"SELECT {_DRIFT_COLS} FROM drift_events{where_clause(terms)} ORDER BY id",
                                params).fetchall()
    return [_event(r) for r in rows]


def recent_scores(db: Any, model_id: str, limit: int) -> list[tuple[datetime, float, bool]]:
    """(timestamp, raw score, judged OK) of the newest ``limit`` parts of a model, oldest first."""
    rows = db._reader().execute(
        "SELECT timestamp, score, label FROM inspections INDEXED BY idx_inspections_model_ts "
        "WHERE model_id = ? ORDER BY timestamp DESC LIMIT ?", (model_id, int(limit))).fetchall()
    return [(from_db(t), float(s), label == "OK") for t, s, label in reversed(rows)]
