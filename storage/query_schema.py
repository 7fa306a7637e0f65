"""Schema v11: the last history queries that were slower than 50 ms at 10^6 records.

- ``idx_inspections_score_bucket``: a score-range search reads the matching buckets of score
  (1/64 wide) instead of testing every row (367 ms at 10^6 records); see ``SCORE_INDEX``.
- ``nscore_day`` rows in ``insight_hourly`` (the insights' pre-aggregate table, no second table):
  per day, per *final* verdict, the number of records in each fine bin of ``normalized_score``
  (``floor(normalized_score * FINE)``). :func:`storage.aggregates.score_histogram_fast` sums them
  for whole days, so the statistics page's 15-day histogram reads a few thousand rows instead of a
  quarter of a million. Per day, not per hour: a fine bin is rarely empty within a day, so hourly
  rows would be 24 times as many for the same answer.

The insights' insert trigger gains one statement (the same trigger, not a second set); an
operator review moves a record between verdicts, so one small update trigger follows
``final_label`` (records are never deleted; timestamps and scores are never rewritten, but the
update trigger follows them too so the aggregate cannot drift).
"""

from __future__ import annotations

import sqlite3

from storage.insight_schema import TRIGGER as INSIGHT_TRIGGER

FINE = 128  # fine bins per unit of normalized score (a power of two: x * FINE is exact)
HIST_KIND = "nscore_day"
SCORE_BUCKETS = 64  # score-index buckets per unit of raw score
SCORE_BUCKET_SQL = f"CAST(score * {SCORE_BUCKETS} AS INTEGER)"  # filters repeat it verbatim to use the index
# Scores arrive in random order: an index on the score itself puts every insert on a random leaf
# page (tried before v11: single inserts ~40 % slower at 10^6 records). Bucketed, each bucket's
# entries are in figId order, so an insert appends to one of a few hundred hot leaf pages.
# With id second the order inside a bucket is the figId's; score and timestamp ride along so a
# range count and a page's sort read the index alone (no lookup of scattered rows).
SCORE_INDEX = f"CREATE INDEX idx_inspections_score_bucket ON inspections({SCORE_BUCKET_SQL}, id, score, timestamp)"


def score_bucket(value: float) -> int:
    """``SCORE_BUCKET_SQL`` of ``value`` as SQLite computes it (truncation toward zero, saturated)."""
    return int(max(min(value * SCORE_BUCKETS, 9.2e18), -9.2e18))
_UPSERT = "ON CONFLICT(kind, hour, key, bin) DO UPDATE SET n = n + excluded.n"


def fine_bin(col: str) -> str:
    """SQL for ``floor(col * FINE)`` (CAST truncates toward zero; negative values step down)."""
    x = f"({col} * {FINE})"
    return f"(CAST({x} AS INTEGER) - ({x} < CAST({x} AS INTEGER)))"


_HIST_INSERT = f"""    INSERT INTO insight_hourly(hour, kind, key, bin, n)
        SELECT substr(NEW.timestamp, 1, 10), '{HIST_KIND}', NEW.final_label, {fine_bin('NEW.normalized_score')}, 1
        WHERE true {_UPSERT};
"""
_head, _end = INSIGHT_TRIGGER.rsplit("END", 1)
TRIGGER_V11 = _head + _HIST_INSERT + "END" + _end

REVIEW_TRIGGER = f"""CREATE TRIGGER trg_insight_review
    AFTER UPDATE OF final_label, normalized_score, timestamp ON inspections
    WHEN OLD.final_label IS NOT NEW.final_label OR OLD.normalized_score IS NOT NEW.normalized_score
      OR OLD.timestamp IS NOT NEW.timestamp
BEGIN
    UPDATE insight_hourly SET n = n - 1
        WHERE kind = '{HIST_KIND}' AND hour = substr(OLD.timestamp, 1, 10) AND key = OLD.final_label
          AND bin = {fine_bin('OLD.normalized_score')};
    INSERT INTO insight_hourly(hour, kind, key, bin, n)
        SELECT substr(NEW.timestamp, 1, 10), '{HIST_KIND}', NEW.final_label, {fine_bin('NEW.normalized_score')}, 1
        WHERE true {_UPSERT};
END"""

BACKFILL = f"""INSERT INTO insight_hourly(hour, kind, key, bin, n)
    SELECT substr(timestamp, 1, 10), '{HIST_KIND}', final_label, {fine_bin('normalized_score')}, count(*)
    FROM inspections WHERE true GROUP BY 1, 3, 4 {_UPSERT}"""


def migrate_v11(conn: sqlite3.Connection) -> None:
    conn.execute(SCORE_INDEX)
    conn.execute("DROP TRIGGER trg_insight_insert")
    conn.execute(TRIGGER_V11)
    conn.execute(REVIEW_TRIGGER)
    conn.execute(BACKFILL)


def downgrade_v11_objects(conn: sqlite3.Connection) -> None:
    """Benchmark only: put the v10 trigger back and drop the v11 index and review trigger, to
    measure what v11 costs an insert in the same run (:func:`restore_v11_objects` undoes it)."""
    conn.execute("DROP INDEX idx_inspections_score_bucket")
    conn.execute("DROP TRIGGER trg_insight_review")
    conn.execute("DROP TRIGGER trg_insight_insert")
    conn.execute(INSIGHT_TRIGGER)


def restore_v11_objects(conn: sqlite3.Connection) -> None:
    """Benchmark only: v11 objects back, the histogram aggregate recounted from the rows."""
    conn.execute(f"DELETE FROM insight_hourly WHERE kind = '{HIST_KIND}'")
    migrate_v11(conn)
