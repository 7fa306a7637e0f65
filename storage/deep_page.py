"""A deep page of a name search without walking from either end (v12 figId runs + v13 bitsets).

A page far from both ends of a broad name (``cam1_``, page 12,500 of 13,363) was found by walking
the time index from the nearer end testing LIKE on every row: ~69,000 rows at 10^6 records. Here
the page is located hour by hour instead, then walked within its hour only:

    C(h) = records matching the name with an hour before ``h``
         = M(id <= X) - L(id <= X) + L(hour < h)

where ``X`` is the highest in-order figId of the hours before ``h`` (``stats_hourly.max_id``, v12:
in-order figIds rise with the hour, so the in-order records before ``h`` are exactly those with
figIds up to ``X``), ``M`` counts every matching record by figId (the v13 bitsets per sealed block,
their logged changes, LIKE above the sealed mark) and ``L`` the matching *late* records
(``late_records``, kept by the same account as ``M``). A binary search over the hours finds the
hour boundary just before the wanted offset; the page query is then today's query with a
``timestamp`` bound at that boundary and the offset reduced by the matches beyond it: the same
rows in the same order, after reading one hour of rows (~700 at the benchmark's rate).

Exactness needs the bitsets' matching (Python's per-character lower case) to be LIKE's (ASCII
case only): a query with a character some other character folds onto (``k``: the Kelvin sign,
``ä``: ``Ä``) is left to the walk.
"""

from __future__ import annotations

import sqlite3
from bisect import bisect_left, bisect_right
from functools import cache
from itertools import accumulate

from storage import name_grams
from storage.filters import like_pattern

LATE_MAX = 200_000  # late records read to locate a page; above, the walk is used
_LIKE = "name LIKE ? ESCAPE '\\'"


@cache
def _ambiguous() -> frozenset[str]:
    """Characters for which "folds to the same character" differs from LIKE's ASCII-only case."""
    groups: dict[str, set[str]] = {}
    for code in range(0x20000):
        ch = chr(code)
        if 0xD800 <= code < 0xE000:
            continue
        groups.setdefault(name_grams.fold(ch), set()).add(ch)
    out: set[str] = set()
    for key, members in groups.items():
        like_class = {key, key.upper()} if key.isascii() and key.isalpha() else {key}
        if members != like_class:
            out |= members | {key}
    return frozenset(out)


def like_equals_fold(query: str) -> bool:
    """True when a name contains ``query`` under LIKE exactly when it does under :func:`fold`."""
    if query.isascii():  # only the Kelvin sign folds onto an ASCII letter (a test checks the table)
        return "k" not in query.lower()
    amb = _ambiguous()  # built once (~0.2 s)
    return not any(ch in amb or name_grams.fold(ch) in amb for ch in query)


class _Matches:
    """The matching records counted by figId and by hour, for one snapshot."""

    def __init__(self, conn: sqlite3.Connection, name: str, found: tuple[dict[int, int], int, int]) -> None:
        blocks, dirty, high = found
        self.block = name_grams.BLOCK
        self.blocks = sorted(blocks)
        self.hits = [blocks[b] for b in self.blocks]
        self.cum = [0, *accumulate(h.bit_count() for h in self.hits)]  # matches before each block
        pattern = like_pattern(name)
        self.high = high
        self.tail = [r[0] for r in conn.execute(f"SELECT id FROM inspections WHERE id > ? AND {_LIKE} ORDER BY id",
                                                (high, pattern))]
        self.dirty_ids: list[int] = []
        deltas: list[int] = []
        self.now: dict[int, bool] = {}  # logged records: whether they exist and match now
        if dirty:
            rows = conn.execute("SELECT d.id, d.indexed_name, i.name FROM gram_dirty d "
                                "LEFT JOIN inspections i ON i.id = d.id ORDER BY d.id")
            for fig_id, indexed, current in rows:
                self.now[fig_id] = name_grams.contains(current, name)
                delta = self.now[fig_id] - name_grams.contains(indexed, name)
                if delta:
                    self.dirty_ids.append(fig_id)
                    deltas.append(delta)
        self.dirty_cum = [0, *accumulate(deltas)]
        # Late records whose name matches (the trigger keeps late_records.name current); one
        # deleted since is dropped by the bits / log / tail, which hold only records there now.
        tail = set(self.tail)
        candidates = conn.execute(f"SELECT id, hour FROM late_records WHERE {_LIKE}", (pattern,)).fetchall()
        late = [(fig_id, hour) for fig_id, hour in candidates if self._matches(fig_id, blocks, tail)]
        self.late_ids = sorted(r[0] for r in late)
        self.late_hours = sorted(r[1] for r in late)

    def _matches(self, fig_id: int, blocks: dict[int, int], tail: set[int]) -> bool:
        """Whether record ``fig_id`` exists and matches, by the same account as :meth:`upto`."""
        if fig_id > self.high:
            return fig_id in tail
        known = self.now.get(fig_id)
        if known is not None:
            return known
        return bool(blocks.get(fig_id // self.block, 0) >> (fig_id % self.block) & 1)

    def upto(self, fig_id: int) -> int:
        """Matching records with a figId up to ``fig_id``."""
        if fig_id > self.high:
            return self.cum[-1] + self.dirty_cum[-1] + bisect_right(self.tail, fig_id)
        blk = fig_id // self.block
        i = bisect_right(self.blocks, blk)
        n = self.cum[i]
        if i and self.blocks[i - 1] == blk:  # the partial block: bits up to fig_id
            n -= self.hits[i - 1].bit_count()
            n += (self.hits[i - 1] & ((1 << (fig_id - blk * self.block + 1)) - 1)).bit_count()
        return n + self.dirty_cum[bisect_right(self.dirty_ids, fig_id)]

    def before(self, hour: str, run_max: int) -> int:
        """Matching records with an hour before ``hour`` (``run_max``: the highest in-order figId
        of the earlier hours, -1 when none)."""
        return self.upto(run_max) - bisect_right(self.late_ids, run_max) + bisect_left(self.late_hours, hour)


def locate(conn: sqlite3.Connection, name: str, skip: int, ascending: bool) -> tuple[str, list[object], int] | None:
    """``(term, params, skip')``: a ``timestamp`` bound and the offset within it that give the same
    page as ``OFFSET skip`` over every match in that order; None when this plan does not apply."""
    if not like_equals_fold(name):
        return None
    if conn.execute("SELECT count(*) FROM late_records").fetchone()[0] > LATE_MAX:
        return None
    found = name_grams.sealed_hits(conn, name)
    if found is None:
        return None
    m = _Matches(conn, name, found)
    hours: list[str] = []
    runs: list[int] = []  # highest in-order figId of the hours before hours[i]
    top = -1
    for hour, max_id in conn.execute("SELECT hour, max_id FROM stats_hourly ORDER BY hour"):
        hours.append(hour)
        runs.append(top)
        if max_id is not None:
            top = max(top, int(max_id))
    if not hours:
        return None
    total = m.cum[-1] + m.dirty_cum[-1] + len(m.tail)  # every match (late ones have figIds too)
    lo, hi = 0, len(hours) - 1
    if ascending:  # the last hour boundary with at most ``skip`` matches before it
        if m.before(hours[0], runs[0]) > skip:
            return None
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if m.before(hours[mid], runs[mid]) <= skip:
                lo = mid
            else:
                hi = mid - 1
        return "timestamp >= ?", [hours[lo]], skip - m.before(hours[lo], runs[lo])
    # descending: the first hour boundary with at most ``skip`` matches at or after it
    if total - m.before(hours[-1], runs[-1]) > skip:
        return "", [], skip  # within the newest hour: the walk from the newest end is short
    while lo < hi:
        mid = (lo + hi) // 2
        if total - m.before(hours[mid], runs[mid]) <= skip:
            hi = mid
        else:
            lo = mid + 1
    return "timestamp < ?", [hours[lo]], skip - (total - m.before(hours[lo], runs[lo]))
