"""Reads of the history: single records, the newest ones, mirrors' feeds, per-day counts,
searches (one page and its total), streams, CSV export and the statistics.

Every read uses the calling thread's own connection; a read that runs several queries (a search's
count and page, yield buckets) does so inside one read transaction, so they see one snapshot.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Literal

from storage import stats
from storage.checks import whole_number
from storage.db_base import DatabaseBase, sqlite_errors
from storage.errors import InvalidQuery
from storage.export import EXPORT_COLUMNS, write_csv
from storage.filters import SearchFilters
from storage.records import InspectionRecord
from storage.rows import SELECT_COLUMNS, fetch_record, row_record
from storage.search_plan import ORDER_DESC, SearchPlanner
from storage.timeutil import parse_day

MAX_LIMIT = 1000  # rows per page / recent
MAX_PAGE = 10**9
MAX_STAT_DAYS = 3700  # about ten years of days in one stat_by_date answer
STREAM_BATCH = 2000  # rows fetched at a time by iter_search
COUNT_CAP = 10_000  # search(exact_total=False): matches counted before "more than" is answered


@dataclass(frozen=True)
class SearchPage:
    """One page of a search: ``total`` matching records and this page's ``data``.

    ``total_exact`` is False only for ``search(..., exact_total=False)`` when the count stopped
    early: then *more than* ``total`` records match and :meth:`ReadsMixin.count_search` gives the
    exact number (which later searches with the same filters then answer from the cache).
    """

    total: int
    data: list[InspectionRecord]
    total_exact: bool = True

    def to_seed(self) -> dict[str, Any]:
        """The seed-000 ``{total, data}`` answer."""
        return {"total": self.total, "data": [r.to_seed_row() for r in self.data]}


def check_limit(limit: Any, what: str = "limit") -> int:
    return whole_number(limit, what, 1, MAX_LIMIT, InvalidQuery)


def check_page(page: Any) -> int:
    return whole_number(page, "page", 1, MAX_PAGE, InvalidQuery)


def history_size(conn: sqlite3.Connection) -> int:
    """All records, from the hourly summary (no scan)."""
    return int(conn.execute("SELECT COALESCE(sum(record_count), 0) FROM stats_hourly").fetchone()[0])


class ReadsMixin(DatabaseBase):
    """The reading half of :class:`storage.database.Database`."""

    has_fts: bool
    _planner: SearchPlanner

    @sqlite_errors
    def get(self, record_id: int) -> InspectionRecord | None:
        return fetch_record(self._reader(), record_id)

    @sqlite_errors
    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self._reader().execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    @sqlite_errors
    def recent(self, limit: int = 120) -> list[InspectionRecord]:
        """The newest ``limit`` records, newest first (seed ``getRecent``)."""
        limit = check_limit(limit)
        rows = self._reader().execute(
            f"SELECT {SELECT_COLUMNS} FROM inspections{ORDER_DESC} LIMIT ?", (limit,)).fetchall()
        return [row_record(r) for r in rows]

    @sqlite_errors
    def records_after(self, last_id: int, limit: int = 500) -> list[InspectionRecord]:
        """Records with figId above ``last_id`` in figId order (for mirrors such as the ES sync)."""
        rows = self._reader().execute(
            f"SELECT {SELECT_COLUMNS} FROM inspections WHERE id > ? ORDER BY id LIMIT ?",
            (int(last_id), int(limit))).fetchall()
        return [row_record(r) for r in rows]

    @sqlite_errors
    def reviews_after(self, seq: int, limit: int = 500) -> list[tuple[int, int]]:
        """``(seq, figId)`` of operator reviews logged after ``seq``, oldest first (for mirrors)."""
        return self._reader().execute(
            "SELECT seq, record_id FROM review_log WHERE seq > ? ORDER BY seq LIMIT ?",
            (int(seq), int(limit))).fetchall()

    @sqlite_errors
    def last_review_seq(self) -> int:
        return int(self._reader().execute("SELECT COALESCE(max(seq), 0) FROM review_log").fetchone()[0])

    def count(self) -> int:
        return history_size(self._reader())

    @sqlite_errors
    def stat_by_date(
        self, start: date | datetime | str | None = None, end: date | datetime | str | None = None
    ) -> list[dict[str, Any]]:
        """Per day from ``start`` to ``end`` inclusive (default: the 15 days up to today), oldest
        first, days without records as zeros: ``{stat_date, record_count, total_num, ng_count}``."""
        end_day = parse_day(end, "end_date") or date.today()
        start_day = parse_day(start, "start_date") or end_day - timedelta(days=14)
        if start_day > end_day:
            raise InvalidQuery("start_date must not be after end_date")
        days = (end_day - start_day).days + 1
        if days > MAX_STAT_DAYS:
            raise InvalidQuery(f"at most {MAX_STAT_DAYS} days per request, asked for {days}")
        rows = self._reader().execute(
            "SELECT substr(hour, 1, 10), sum(record_count), sum(total_num), sum(ng_count) "
            "FROM stats_hourly WHERE hour >= ? AND hour < ? GROUP BY 1",
            (start_day.isoformat(), (end_day + timedelta(days=1)).isoformat())).fetchall()
        found = {r[0]: r[1:] for r in rows}
        out = []
        for i in range(days):
            key = (start_day + timedelta(days=i)).isoformat()
            count, num, ng = found.get(key, (0, 0, 0))
            out.append({"stat_date": key, "record_count": int(count), "total_num": int(num),
                        "ng_count": int(ng)})
        return out

    @sqlite_errors
    def search(
        self,
        limit: int = 20,
        page: int = 1,
        name: str | None = None,
        num: int | None = None,
        start_date: date | datetime | str | None = None,
        end_date: date | datetime | str | None = None,
        label: str | None = None,
        score_min: float | None = None,
        score_max: float | None = None,
        model_id: str | None = None,
        source: str | None = None,
        part_id: str | None = None,
        *,
        exact_total: bool = True,
    ) -> SearchPage:
        """One page (1-based) of the matching records, newest first, and their total count.

        ``name`` is a substring (LIKE semantics: ASCII case-insensitive); dates are whole days,
        both inclusive (a ``datetime`` is exact); ``label`` matches the final verdict;
        ``score_min``/``score_max`` bound the raw score, inclusive.

        ``exact_total=False`` (the GUI's first page): when a name alone matches more than
        ``max(COUNT_CAP, page * limit)`` records and its count is not cached, the count stops
        there and the page says ``total_exact=False``; the GUI shows "more than N" and asks
        :meth:`count_search` for the exact figure meanwhile. The records are exact either way.
        """
        limit = check_limit(limit)
        page = check_page(page)
        filters = SearchFilters.build(name, num, start_date, end_date, label, score_min, score_max,
                                      model_id, source, part_id)
        cap = None if exact_total else max(COUNT_CAP, page * limit)
        with self._snapshot() as conn:  # one snapshot for the count and the page
            total, exact = self._planner.count(conn, filters, cap)
            data = self._page(conn, filters, limit, page, total, exact)
        return SearchPage(total=total, data=data, total_exact=exact)

    @sqlite_errors
    def count_search(self, **filters: Any) -> int:
        """The exact number of records matching the :meth:`search` filters (kept in the count
        cache, so the next search with these filters pages without counting again)."""
        f = SearchFilters.build(**filters)
        with self._snapshot() as conn:
            return self._planner.count(conn, f)[0]

    def _page(self, conn: sqlite3.Connection, filters: SearchFilters, limit: int, page: int,
              total: int, exact: bool = True) -> list[InspectionRecord]:
        ids = self._planner.page_ids(conn, filters, limit, page, total, history_size(conn), exact)
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        rows = conn.execute(f"SELECT {SELECT_COLUMNS} FROM inspections WHERE id IN ({marks}){ORDER_DESC}",
                            ids).fetchall()
        return [row_record(r) for r in rows]

    def get_paginated(self, limit: int = 20, page: int = 1) -> SearchPage:
        """The seed's deprecated ``getPaginated``: an unfiltered :meth:`search`."""
        return self.search(limit=limit, page=page)

    def _stream(self, columns: str, filters: dict[str, Any]) -> sqlite3.Cursor:
        """A cursor over ``columns`` of every record matching the search ``filters``, newest first."""
        f = SearchFilters.build(**filters)
        if f.trigram(self.has_fts):
            where, params = f.where(name_mode="fts", fts_high=self._planner.fts_high(self._reader()))
        else:
            where, params = f.where()
        return self._reader().execute(f"SELECT {columns} FROM inspections{where}{ORDER_DESC}", params)

    def iter_search(self, **filters: Any) -> Iterator[InspectionRecord]:
        """Every matching record, newest first, streamed from one read snapshot."""
        cur = self._stream(SELECT_COLUMNS, filters)
        try:
            while rows := cur.fetchmany(STREAM_BATCH):
                for row in rows:
                    yield row_record(row)
        finally:
            cur.close()

    @sqlite_errors
    def export_csv(self, path: str | os.PathLike[str], **filters: Any) -> int:
        """Write every record matching the :meth:`search` filters to a CSV file (UTF-8 with BOM,
        newest first, streamed); returns the number of rows."""
        cur = self._stream(EXPORT_COLUMNS, filters)
        try:
            return write_csv(path, cur)
        finally:
            cur.close()

    # ---------------------------------------------------------------- statistics

    @sqlite_errors
    def yield_stats(
        self,
        start: date | datetime | str,
        end: date | datetime | str,
        bucket: Literal["hour", "day", "shift"] = "hour",
        shifts: Iterable[Any] | None = None,
    ) -> list[stats.YieldBucket]:
        """OK / NG counts and NG rate per hour, day or shift (``shifts``: ``(name, "HH:MM")``)."""
        with self._snapshot() as conn:
            return stats.yield_stats(conn, start, end, bucket, shifts)

    @sqlite_errors
    def defect_count_distribution(self, start: stats.Moment = None, end: stats.Moment = None) -> dict[int, int]:
        return stats.defect_count_distribution(self._reader(), start, end)

    @sqlite_errors
    def score_histogram(self, start: stats.Moment = None, end: stats.Moment = None, bins: int = 40,
                        field: Literal["normalized_score", "score"] = "normalized_score",
                        lo: float | None = None, hi: float | None = None) -> stats.ScoreHistogram:
        return stats.score_histogram(self._reader(), start, end, bins, field, lo, hi)
