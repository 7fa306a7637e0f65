"""Counting a name over a period through the period's figId run (schema v12, storage/order_schema.py).

In-order records of hours ``[a, b)`` are exactly those with figIds in ``[lo, hi]`` (the min/max
in-order figId of those hours), so the name index limited to that run counts the period's matches
without reading a row. Late records are corrected for by hand: those inside the run but outside
the period are taken off, those in the period but outside the run are added. Both corrections
test LIKE on the names kept in ``late_records``, as the not-yet-indexed tail does, so the count
agrees with the page.
"""

from __future__ import annotations

import sqlite3

from storage.filters import SearchFilters, like_pattern
from storage.sql import range_terms

LATE_MAX = 20_000  # late rows a correction may read; above it the caller's other plan is cheaper
_LIKE = "name LIKE ? ESCAPE '\\'"


def name_count_in_period(conn: sqlite3.Connection, f: SearchFilters, fts_high: int) -> int | None:
    """The exact number of records matching ``f`` (a name with hour-aligned dates and an index for
    the name), or None when this plan does not apply or would not be cheap."""
    index = f.name_index(True)
    if index is None or not f.name_period_only or not f.hour_aligned:
        return None
    period, hours = range_terms("hour", f.start and f.start[:13], f.end and f.end[:13])
    in_period = " AND ".join(period)
    lo, hi = conn.execute(f"SELECT min(min_id), max(max_id) FROM stats_hourly WHERE {in_period}",
                          hours).fetchone()
    if lo is None:
        lo, hi = 1, 0  # no in-order record in the period: an empty run
    late_period = f"FROM late_records WHERE {in_period} AND NOT (id BETWEEN ? AND ?)"
    late_run = f"FROM late_records WHERE id BETWEEN ? AND ? AND NOT ({in_period})"
    touched = (conn.execute(f"SELECT count(*) {late_period}", [*hours, lo, hi]).fetchone()[0]
               + conn.execute(f"SELECT count(*) {late_run}", [lo, hi, *hours]).fetchone()[0])
    if touched > LATE_MAX:
        return None
    table, query = index
    pattern = like_pattern(f.name or "")
    total = 0
    if min(hi, fts_high) >= lo:
        total += conn.execute(f"SELECT count(*) FROM {table} WHERE {table} MATCH ? AND rowid BETWEEN ? AND ?",
                              (query, lo, min(hi, fts_high))).fetchone()[0]
    total += conn.execute(f"SELECT count(*) FROM inspections WHERE id > ? AND id <= ? AND {_LIKE}",
                          (max(fts_high, lo - 1), hi, pattern)).fetchone()[0]
    total += conn.execute(f"SELECT count(*) {late_period} AND {_LIKE}", [*hours, lo, hi, pattern]).fetchone()[0]
    total -= conn.execute(f"SELECT count(*) {late_run} AND {_LIKE}", [lo, hi, *hours, pattern]).fetchone()[0]
    return int(total)
