"""Yield over a period (per hour, day or shift), defect-count distribution and score histogram.

Counts come from the hourly summary table wherever a bucket covers whole hours and from the rows
themselves only for the partial hours at a bucket's edges (shifts starting at 06:30, a period
starting at 10:17), so a month of hourly buckets costs a few milliseconds at any history size and
the answer is still exact.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, Literal

from storage.aggregates import defect_count_distribution_fast, score_histogram_fast
from storage.errors import InvalidQuery
from storage.shifts import ShiftError, shift_plan
from storage.sql import range_terms, where_clause
from storage.timeutil import local_naive, parse_day, to_db

MAX_BUCKETS = 20_000
Moment = date | datetime | str | None  # a period bound: a day, an instant, ISO text, or open
HOUR = timedelta(hours=1)


@dataclass(frozen=True)
class YieldBucket:
    """OK / NG counts (final verdicts) of the records in ``[start, end)``."""

    label: str  # "2024-05-31 14:00", "2024-05-31" or "2024-05-31 C"
    start: datetime
    end: datetime
    ok: int
    ng: int

    @property
    def total(self) -> int:
        return self.ok + self.ng

    @property
    def ng_rate(self) -> float:
        """NG / total, 0.0 for an empty bucket."""
        return self.ng / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "start": self.start.isoformat(), "end": self.end.isoformat(),
                "ok": self.ok, "ng": self.ng, "total": self.total, "ng_rate": round(self.ng_rate, 6)}


@dataclass(frozen=True)
class ScoreHistogram:
    """Counts of records per score bin, split by final verdict; ``edges`` has ``bins + 1`` values."""

    field: str
    edges: list[float]
    ok: list[int]
    ng: list[int]

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "edges": self.edges, "ok": self.ok, "ng": self.ng}


def _moment(value: Moment, what: str, *, end: bool) -> datetime | None:
    """A period bound: a day means its first instant (start) or the next day's (end, exclusive)."""
    if value is None or value == "":
        return None
    if isinstance(value, str) and len(value.strip()) > 10:
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError as exc:
            raise InvalidQuery(f"{what} must be a date or ISO date-time, got {value!r}") from exc
    if isinstance(value, datetime):
        return local_naive(value)
    day = parse_day(value, what)
    assert day is not None
    return datetime.combine(day + timedelta(days=1) if end else day, time())


def _period(start: Moment, end: Moment) -> tuple[datetime, datetime]:
    lo = _moment(start, "start", end=False)
    hi = _moment(end, "end", end=True)
    if lo is None or hi is None:
        raise InvalidQuery("yield statistics need both a start and an end")
    if lo >= hi:
        raise InvalidQuery("start must be before end")
    return lo, hi


def parse_shifts(shifts: Iterable[Any] | None) -> list[tuple[str, time]]:
    """:func:`storage.shifts.shift_plan` with a bad plan reported as :class:`InvalidQuery`."""
    try:
        return shift_plan(shifts)
    except ShiftError as exc:
        raise InvalidQuery(str(exc)) from None


def _buckets(lo: datetime, hi: datetime, bucket: str, shifts: Any) -> list[tuple[str, datetime, datetime]]:
    out: list[tuple[str, datetime, datetime]] = []
    if bucket == "hour":
        t = lo.replace(minute=0, second=0, microsecond=0)
        while t < hi:
            out.append((t.strftime("%Y-%m-%d %H:00"), t, t + HOUR))
            t += HOUR
            if len(out) > MAX_BUCKETS:
                break
    elif bucket == "day":
        d = lo.date()
        while datetime.combine(d, time()) < hi:
            t = datetime.combine(d, time())
            out.append((d.isoformat(), t, t + timedelta(days=1)))
            d += timedelta(days=1)
            if len(out) > MAX_BUCKETS:
                break
    elif bucket == "shift":
        plan = parse_shifts(shifts)
        d = lo.date() - timedelta(days=1)  # yesterday's night shift may reach into the period
        while datetime.combine(d, plan[0][1]) < hi:
            for i, (name, start) in enumerate(plan):
                s = datetime.combine(d, start)
                e = (datetime.combine(d, plan[i + 1][1]) if i + 1 < len(plan)
                     else datetime.combine(d + timedelta(days=1), plan[0][1]))
                if s < hi and e > lo:
                    out.append((f"{d.isoformat()} {name}", s, e))
            d += timedelta(days=1)
            if len(out) > MAX_BUCKETS:
                break
    else:
        raise InvalidQuery(f"bucket must be hour, day or shift, got {bucket!r}")
    if len(out) > MAX_BUCKETS:
        raise InvalidQuery(f"more than {MAX_BUCKETS} buckets; choose a shorter period or larger buckets")
    return out


def _ceil_hour(t: datetime) -> datetime:
    floor = t.replace(minute=0, second=0, microsecond=0)
    return floor if floor == t else floor + HOUR


def _floor_hour(t: datetime) -> datetime:
    return t.replace(minute=0, second=0, microsecond=0)


class _Counter:
    """Exact (ok, ng) counts over any interval: summary for whole hours, rows for the edges."""

    def __init__(self, conn: sqlite3.Connection, lo: datetime, hi: datetime) -> None:
        self.conn = conn
        rows = conn.execute(
            "SELECT hour, record_count, ng_count FROM stats_hourly WHERE hour >= ? AND hour < ?",
            (to_db(_floor_hour(lo))[:13], to_db(_ceil_hour(hi))[:13])).fetchall()
        self.hours = {h: (n - ng, ng) for h, n, ng in rows}

    def _raw(self, a: datetime, b: datetime) -> tuple[int, int]:
        if a >= b:
            return 0, 0
        n, ng = self.conn.execute(
            "SELECT count(*), COALESCE(sum(final_label = 'NG'), 0) FROM inspections "
            "WHERE timestamp >= ? AND timestamp < ?", (to_db(a), to_db(b))).fetchone()
        return n - ng, ng

    def between(self, a: datetime, b: datetime) -> tuple[int, int]:
        ha, hb = _ceil_hour(a), _floor_hour(b)
        if ha >= hb:
            return self._raw(a, b)
        ok, ng = self._raw(a, ha)
        t = ha
        while t < hb:
            h_ok, h_ng = self.hours.get(t.strftime("%Y-%m-%d %H"), (0, 0))
            ok, ng = ok + h_ok, ng + h_ng
            t += HOUR
        e_ok, e_ng = self._raw(hb, b)
        return ok + e_ok, ng + e_ng


def yield_stats(
    conn: sqlite3.Connection,
    start: date | datetime | str,
    end: date | datetime | str,
    bucket: Literal["hour", "day", "shift"] = "hour",
    shifts: Iterable[Any] | None = None,
) -> list[YieldBucket]:
    """OK/NG per bucket over ``[start, end)`` (an end *date* is inclusive), empty buckets as zeros.

    Buckets are aligned to hours, days or shift starts; the first and last are cut to the period.
    """
    lo, hi = _period(start, end)
    plan = _buckets(lo, hi, bucket, shifts)
    counter = _Counter(conn, lo, hi)
    out = []
    for label, s, e in plan:
        ok, ng = counter.between(max(s, lo), min(e, hi))
        out.append(YieldBucket(label=label, start=s, end=e, ok=ok, ng=ng))
    return out


def _range_where(start: Moment, end: Moment) -> tuple[str, list[str]]:
    lo = _moment(start, "start", end=False)
    hi = _moment(end, "end", end=True)
    terms, params = range_terms("timestamp", lo and to_db(lo), hi and to_db(hi))
    return where_clause(terms), params


def defect_count_distribution(conn: sqlite3.Connection, start: Moment = None, end: Moment = None) -> dict[int, int]:
    """``{defect_count: records}`` over the period (whole history by default), ascending.

    Summed from the hourly pre-aggregates (:mod:`storage.aggregates`), exact at any bounds.
    """
    return defect_count_distribution_fast(conn, _moment(start, "start", end=False), _moment(end, "end", end=True))


def score_histogram(
    conn: sqlite3.Connection,
    start: Moment = None,
    end: Moment = None,
    bins: int = 40,
    field: Literal["normalized_score", "score"] = "normalized_score",
    lo: float | None = None,
    hi: float | None = None,
) -> ScoreHistogram:
    """Histogram of ``field`` for OK and NG final verdicts over ``bins`` equal bins in ``[lo, hi]``.

    ``normalized_score`` (default) is comparable across models: 1.0 is the threshold. Without
    ``lo``/``hi`` the range is the data's, widened to the 1/128 grid of the daily pre-aggregates
    (:func:`storage.aggregates.score_histogram_fast`: milliseconds instead of a scan of the
    period); values outside a given range fall in the end bins. ``score``, bounds off that grid
    and very narrow data ranges are counted from the rows.
    """
    if field not in ("normalized_score", "score"):
        raise InvalidQuery(f"field must be normalized_score or score, got {field!r}")
    try:
        bins = int(bins)
    except (TypeError, ValueError) as exc:
        raise InvalidQuery(f"bins must be a whole number, got {bins!r}") from exc
    if not 1 <= bins <= 1000:
        raise InvalidQuery(f"bins must be between 1 and 1000, got {bins}")
    where, params = _range_where(start, end)
    for bound in (lo, hi):
        if bound is not None and not math.isfinite(float(bound)):
            raise InvalidQuery("score range must be finite with lo <= hi")
    if lo is not None and hi is not None and float(hi) < float(lo):
        raise InvalidQuery("score range must be finite with lo <= hi")
    if field == "normalized_score":
        fast = score_histogram_fast(conn, _moment(start, "start", end=False), _moment(end, "end", end=True),
                                    bins, None if lo is None else float(lo), None if hi is None else float(hi))
        if fast is not None:
            edges, ok, ng = fast
            return ScoreHistogram(field=field, edges=edges, ok=ok, ng=ng)
    if lo is None or hi is None:
        mn, mx = conn.execute(f"SELECT min({field}), max({field}) FROM inspections{where}",
                              params).fetchone()
        lo = float(mn) if lo is None and mn is not None else (0.0 if lo is None else lo)
        hi = float(mx) if hi is None and mx is not None else (lo + 1.0 if hi is None else hi)
    lo, hi = float(lo), float(hi)
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi < lo:
        raise InvalidQuery("score range must be finite with lo <= hi")
    if hi == lo:
        hi = lo + 1.0
    width = (hi - lo) / bins
    rows = conn.execute(
        f"SELECT MIN(MAX(CAST(({field} - ?) / ? AS INTEGER), 0), ?) AS b, final_label, count(*) "
        f"FROM inspections{where} GROUP BY b, final_label",
        [lo, width, bins - 1, *params]).fetchall()
    ok, ng = [0] * bins, [0] * bins
    for b, label, n in rows:
        (ng if label == "NG" else ok)[int(b)] += int(n)
    edges = [lo + i * width for i in range(bins)] + [hi]
    return ScoreHistogram(field=field, edges=edges, ok=ok, ng=ng)
