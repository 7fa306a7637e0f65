"""How a search is answered fast at a million rows: the count strategy and the page strategy.

Counting (``total``):
  * no filter, hour-aligned dates and/or the verdict: sums of the hourly summary (microseconds);
  * a name of three characters or more alone: per-block bitsets of (trigram, position)
    (``storage.name_grams``, v13), milliseconds however many records match;
  * a name with dates: the FTS5 trigram index (an id range derived from the dates lets it skip
    to that stretch of history);
  * other filters: ``count(*)`` over the filter's ``(column, timestamp)`` index;
  * slow counts are cached per filter set with the highest figId they saw: the next page (or the
    same search a minute later) only counts the records added since. Operator reviews bump a
    generation number that drops the cache.

Paging (newest first): a page past the middle is read from the oldest end, so the last page costs
what the first does; ids are taken from an index and full rows are read for the page alone. With a
name filter the cheaper of two plans is chosen from the count: walk the time index testing LIKE
(cheap when many records match: a page is found after a few rows) or fetch the trigram matches and
sort them (cheap when few match). A name alone whose walk would read many rows has its page
located hour by hour first (``storage.deep_page``) and is walked within that hour only.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict

from storage import deep_page, name_grams
from storage.filters import MIN_TRIGRAM, SearchFilters, fts_phrase, like_pattern
from storage.period_run import name_count_in_period
from storage.schema import FTS_MARK
from storage.sql import range_terms, where_clause

ORDER_DESC = " ORDER BY timestamp DESC, id DESC"
ORDER_ASC = " ORDER BY timestamp ASC, id ASC"
CACHE_SIZE = 128
LIKE_WALK_MAX = 150_000  # rows in a date range below which LIKE beats the trigram index
DEEP_WALK = 50_000  # rows a LIKE walk would read above which a name's page is located first (~15 ms)
GEN_KEY = "count_generation"  # meta key bumped when a change can alter cached counts


class SearchPlanner:
    """Counts and page-id queries for one database (thread-safe; one instance per Database)."""

    def __init__(self, has_fts: bool) -> None:
        self.has_fts = has_fts
        self._cache: OrderedDict[SearchFilters, tuple[int, str, int]] = OrderedDict()
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ counting

    def count(self, conn: sqlite3.Connection, f: SearchFilters, cap: int | None = None) -> tuple[int, bool]:
        """``(total, exact)``. With ``cap``, a name alone whose count is not cached is counted only
        up to ``cap + 1`` matches (the trigram index stops early): above that the answer is
        ``(cap, False)``, "more than ``cap``", and nothing is cached; every other answer is exact."""
        if f.summary_only:
            return self._summary_count(conn, f), True
        max_id = conn.execute("SELECT COALESCE(max(id), 0) FROM inspections").fetchone()[0]
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (GEN_KEY,)).fetchone()
        gen = row[0] if row else "0"
        with self._lock:
            cached = self._cache.get(f)
        if cached and cached[1] == gen and cached[0] <= max_id:
            seen, _gen, total = cached
            if max_id > seen:
                total += self._raw_count(conn, f, after_id=seen)
        elif cap is not None and f.name_only and f.trigram(self.has_fts):
            total = self._name_count_upto(conn, f, cap + 1)
            if total > cap:
                return cap, False
        else:
            total = self._raw_count(conn, f)
        with self._lock:
            self._cache[f] = (max_id, gen, total)
            self._cache.move_to_end(f)
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return total, True

    def _name_count_upto(self, conn: sqlite3.Connection, f: SearchFilters, most: int) -> int:
        """Records whose name matches ``f.name``, counted until ``most`` are found."""
        tail = conn.execute("SELECT count(*) FROM (SELECT 1 FROM inspections WHERE id > ? AND name LIKE ? "
                            "ESCAPE '\\' LIMIT ?)", (self.fts_high(conn), like_pattern(f.name or ""), most)).fetchone()[0]
        index = f.name_index(True)
        if tail >= most or index is None:
            return int(tail)
        if index[0] == "names_bigram" and name_grams.bigram_correction(conn, f.name or ""):
            return min(self._raw_count(conn, f), most)  # stale bigram entries: count exactly
        table, query = index
        indexed = conn.execute(f"SELECT count(*) FROM (SELECT rowid FROM {table} WHERE {table} MATCH ? LIMIT ?)",
                               (query, most - tail)).fetchone()[0]
        return int(tail) + int(indexed)

    @staticmethod
    def _summary_count(conn: sqlite3.Connection, f: SearchFilters) -> int:
        column = {"NG": "ng_count", "OK": "record_count - ng_count"}.get(f.label or "", "record_count")
        terms, params = range_terms("hour", f.start and f.start[:13], f.end and f.end[:13])
        row = conn.execute(f"SELECT COALESCE(sum({column}), 0) FROM stats_hourly{where_clause(terms)}", params).fetchone()
        return int(row[0])

    @staticmethod
    def fts_high(conn: sqlite3.Connection) -> int:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (FTS_MARK,)).fetchone()
        return int(row[0]) if row else 0

    def _use_trigram(self, conn: sqlite3.Connection, f: SearchFilters) -> bool:
        """The trigram index, unless the dates leave so few rows that testing LIKE on them is cheaper."""
        if not f.trigram(self.has_fts):
            return False
        if f.start is None and f.end is None:
            return True
        in_range = self._summary_count(conn, SearchFilters(start=f.start, end=f.end))  # by whole hours
        return in_range > LIKE_WALK_MAX

    def _raw_count(self, conn: sqlite3.Connection, f: SearchFilters, after_id: int | None = None) -> int:
        if after_id is None and self.has_fts:
            by_run = name_count_in_period(conn, f, self.fts_high(conn))
            if by_run is not None:
                return by_run
            if f.name_only and len(f.name or "") >= MIN_TRIGRAM:  # a name alone: the bitsets (v13)
                by_bits = name_grams.name_count(conn, f.name or "", self.fts_high(conn))
                if by_bits is not None:
                    return by_bits
        if self._use_trigram(conn, f):
            high = self.fts_high(conn)
            if f.name_only:
                table, query = f.name_index(True) or ("names_fts", fts_phrase(f.name or ""))
                sql = f"SELECT count(*) FROM {table} WHERE {table} MATCH ?"
                params: list[object] = [query]
                if after_id is not None:
                    sql += " AND rowid > ?"
                    params.append(after_id)
                indexed = int(conn.execute(sql, params).fetchone()[0])
                if table == "names_bigram" and after_id is None:  # deleted/renamed since indexing
                    indexed += name_grams.bigram_correction(conn, f.name or "")
                tail = conn.execute("SELECT count(*) FROM inspections WHERE id > ? AND name LIKE ? ESCAPE '\\'",
                                    (max(high, after_id or 0), like_pattern(f.name or ""))).fetchone()[0]
                return indexed + int(tail)
            where, params = f.where(name_mode="fts", id_range=self.id_range(conn, f), after_id=after_id,
                                    fts_high=high)
        else:
            where, params = f.where(after_id=after_id)
        return int(conn.execute(f"SELECT count(*) FROM inspections{where}", params).fetchone()[0])

    @staticmethod
    def id_range(conn: sqlite3.Connection, f: SearchFilters) -> tuple[int, int] | None:
        """The lowest and highest figId inside the date bounds (a superset bound for the index)."""
        if f.start is None and f.end is None:
            return None
        terms, params = range_terms("timestamp", f.start, f.end)
        lo, hi = conn.execute(f"SELECT min(id), max(id) FROM inspections{where_clause(terms)}", params).fetchone()
        return (0, -1) if lo is None else (int(lo), int(hi))

    # ------------------------------------------------------------------ paging

    def page_ids(self, conn: sqlite3.Connection, f: SearchFilters, limit: int, page: int, total: int,
                 history: int, exact: bool = True) -> list[int]:
        """The figIds of one page, newest first (``history``: all records, for the plan choice).

        ``exact=False``: ``total`` is a lower bound (a capped count); the page is walked from the
        newest end, which finds it early since more than ``total`` records match.
        """
        offset = (page - 1) * limit
        if offset >= total:
            return []
        reverse = exact and offset + limit > total - offset  # past the middle: count from the oldest end
        if reverse:
            count = min(limit, total - offset)
            skip = total - offset - count
            order = ORDER_ASC
        else:
            count, skip, order = limit, offset, ORDER_DESC
        mode = "like"
        id_range = None
        high = 0
        if exact and self._use_trigram(conn, f):
            walked = (skip + count) * history / max(total, 1)  # rows a time-ordered walk reads
            if walked > 3 * total:
                mode = "fts"
                id_range = self.id_range(conn, f)
                high = self.fts_high(conn)
        where, params = f.where(name_mode=mode, id_range=id_range, fts_high=high)
        if mode == "like" and exact and f.name_only and (skip + count) * history / max(total, 1) > DEEP_WALK:
            located = deep_page.locate(conn, f.name or "", skip, ascending=reverse)  # v12 runs + v13 bits
            if located is not None:
                term, bound, skip = located
                where = f"{where} AND {term}" if term else where
                params = [*params, *bound]
        rows = conn.execute(f"SELECT id FROM inspections{where}{order} LIMIT ? OFFSET ?",
                            [*params, count, skip]).fetchall()
        ids = [r[0] for r in rows]
        return ids[::-1] if reverse else ids

    def invalidate(self) -> None:
        with self._lock:
            self._cache.clear()
