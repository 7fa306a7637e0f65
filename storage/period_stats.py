"""Statistics of a period, gathered in one call from the history's summary queries.

The Statistics page, the shift report and any headless script show the same numbers, so all take
them from :func:`collect` — one snapshot per refresh (the GUI reads it off its own thread).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, Literal

from storage.shifts import current_shift

PeriodKind = Literal["today", "shift", "7d", "15d", "custom"]


@dataclass(frozen=True)
class Period:
    kind: str
    start: datetime  # inclusive
    end: datetime  # exclusive
    label: str  # "2024-05-31 shift B", "2024-05-25 – 2024-05-31"

    @property
    def days(self) -> int:
        return (self.end.date() - self.start.date()).days + (1 if self.end.time() != time() else 0)

    @property
    def first_day(self) -> date:
        return self.start.date()

    @property
    def last_day(self) -> date:
        """The last calendar day touched by ``[start, end)``."""
        return (self.end - timedelta(microseconds=1)).date()


def make_period(kind: str, shifts: list[Any], now: datetime | None = None,
                custom: tuple[date, date] | None = None) -> Period:
    now = now or datetime.now()
    today = datetime.combine(now.date(), time())
    if kind == "today":
        return Period(kind, today, today + timedelta(days=1), f"{today:%Y-%m-%d}")
    if kind == "shift":
        name, start, end = current_shift(shifts, now)
        return Period(kind, start, end, f"{start:%Y-%m-%d} {name} ({start:%H:%M}–{end:%H:%M})")
    if kind in ("7d", "15d"):
        n = 7 if kind == "7d" else 15
        start = today - timedelta(days=n - 1)
        return Period(kind, start, today + timedelta(days=1), f"{start:%Y-%m-%d} – {today:%Y-%m-%d}")
    if kind == "custom":
        if custom is None:
            raise ValueError("a custom period needs a start and an end date")
        a, b = custom
        if a > b:
            raise ValueError("the start date is after the end date")
        if (b - a).days > 366:
            raise ValueError("choose at most one year")
        start = datetime.combine(a, time())
        return Period(kind, start, datetime.combine(b, time()) + timedelta(days=1), f"{a:%Y-%m-%d} – {b:%Y-%m-%d}")
    raise ValueError(f"unknown period {kind!r}")


@dataclass(frozen=True)
class StatsSnapshot:
    period: Period
    by_day: list[dict[str, Any]]  # stat_by_date rows
    rate_bucket: str  # "day" or "hour": the NG-rate line's granularity
    rate: list[Any]  # YieldBucket
    by_shift: list[Any]  # YieldBucket
    histogram: Any  # storage ScoreHistogram over normalized_score (1.0 = threshold)
    defects: dict[int, int]
    taken_at: datetime = field(default_factory=datetime.now)

    @property
    def total(self) -> int:
        return sum(b.total for b in self.rate)

    @property
    def ng(self) -> int:
        return sum(b.ng for b in self.rate)

    @property
    def ok(self) -> int:
        return self.total - self.ng

    @property
    def yield_rate(self) -> float | None:
        return self.ok / self.total if self.total else None

    @property
    def defect_total(self) -> int:
        return sum(k * v for k, v in self.defects.items())


def collect(db: Any, period: Period, shifts: list[Any], bins: int = 40) -> StatsSnapshot:
    """Worker thread: every number the page shows for ``period`` (a few cheap summary queries)."""
    by_day = db.stat_by_date(period.first_day, period.last_day)
    bucket = "day" if period.days > 2 else "hour"
    rate = db.yield_stats(period.start, period.end, bucket=bucket)
    by_shift = db.yield_stats(period.start, period.end, bucket="shift", shifts=shifts) if shifts else []
    hist = db.score_histogram(period.start, period.end, bins=bins, field="normalized_score")
    defects = db.defect_count_distribution(period.start, period.end)
    return StatsSnapshot(period=period, by_day=by_day, rate_bucket=bucket, rate=rate, by_shift=by_shift,
                         histogram=hist, defects=defects)
