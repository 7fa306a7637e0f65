"""Schema v12: which figIds a period holds, so a name search over a period can use the name index.

Records nearly always arrive in time order, so the figIds of a period are one contiguous run
and the trigram index limited to that run counts a name in milliseconds where testing LIKE on
every row of a week took 140 ms at 10^6 records. Imports (or a wrong clock) add records out of
order; those are recorded, and the count corrects for them, so it stays exact:

- ``stats_hourly.min_id`` / ``max_id``: the lowest and highest figId of the hour's **in-order**
  records (NULL when it has none). A record is in order when its hour is not before the hour of
  the newest in-order record and its figId is above that record's: in-order figIds then rise with
  time, so the in-order records of hours ``[a, b)`` are exactly those with figIds in
  ``[min(min_id), max(max_id)]`` over those hours.
- ``late_records(id, hour, name)``: every record that is not in order (and one whose timestamp was
  changed). A count over a period is the name index's count over the figId run, minus the late
  records inside the run but outside the period, plus the late ones in the period outside the run
  (``storage.search_plan``). When late records are too many for that to be cheap, the search
  falls back to the plan it used before.

Deletes leave min/max as they were: a wider interval is still a correct bound for in-order ids,
and a deleted late record drops out of the correction's join.
"""

from __future__ import annotations

import sqlite3

_HOUR = "substr(NEW.timestamp, 1, 13)"
_MIN_MAX = """min_id = COALESCE(min(min_id, excluded.min_id), min_id, excluded.min_id),
        max_id = COALESCE(max(max_id, excluded.max_id), max_id, excluded.max_id)"""
_SUMS = """record_count = record_count + excluded.record_count,
        ng_count = ng_count + excluded.ng_count, total_num = total_num + excluded.total_num"""
# The newest in-order record: the last hour with in-order records and its highest figId.
FRONTIER = "SELECT hour, max_id FROM stats_hourly WHERE min_id IS NOT NULL ORDER BY hour DESC LIMIT 1"

# The name rides along so the count's correction tests LIKE on this small table alone.
LATE_TABLE = "CREATE TABLE late_records (id INTEGER PRIMARY KEY, hour TEXT NOT NULL, name TEXT NOT NULL)"
LATE_INDEX = "CREATE INDEX idx_late_records_hour ON late_records(hour)"

TRIGGER_STATS_INSERT = f"""CREATE TRIGGER trg_stats_insert AFTER INSERT ON inspections BEGIN
    INSERT INTO late_records(id, hour, name) SELECT NEW.id, {_HOUR}, NEW.name
        WHERE NOT COALESCE((SELECT {_HOUR} >= f.hour AND NEW.id > f.max_id FROM ({FRONTIER}) f), 1);
    INSERT INTO stats_hourly(hour, record_count, ng_count, total_num, min_id, max_id)
        SELECT {_HOUR}, 1, NEW.final_label = 'NG', NEW.defect_count, io, io
        FROM (SELECT CASE WHEN EXISTS (SELECT 1 FROM late_records WHERE id = NEW.id) THEN NULL
                          ELSE NEW.id END AS io)
        WHERE true
        ON CONFLICT(hour) DO UPDATE SET {_SUMS}, {_MIN_MAX};
END"""

# A record whose timestamp moves to another hour is no longer where its figId says: late.
TRIGGER_ORDER_UPDATE = f"""CREATE TRIGGER trg_order_update AFTER UPDATE OF timestamp ON inspections
    WHEN substr(OLD.timestamp, 1, 13) IS NOT {_HOUR} BEGIN
    INSERT OR REPLACE INTO late_records(id, hour, name) VALUES (NEW.id, {_HOUR}, NEW.name);
END"""
TRIGGER_LATE_NAME = """CREATE TRIGGER trg_late_name AFTER UPDATE OF name ON inspections BEGIN
    UPDATE late_records SET name = NEW.name WHERE id = NEW.id;
END"""

# Bulk import (ids above ?1) with the frontier hour ?2 ('' when none): the set form of the trigger.
# The running maximum over all earlier records equals the one over in-order records, since a late
# record is below the frontier by definition.
BULK_LATE = """INSERT INTO late_records(id, hour, name)
    SELECT id, h, name FROM (
        SELECT id, name, substr(timestamp, 1, 13) AS h,
               max(substr(timestamp, 1, 13)) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING
                                                   AND 1 PRECEDING) AS prev
        FROM inspections WHERE id > ?1)
    WHERE h < max(COALESCE(prev, ''), ?2)"""
BULK_STATS = f"""INSERT INTO stats_hourly(hour, record_count, ng_count, total_num, min_id, max_id)
    SELECT substr(i.timestamp, 1, 13), count(*), sum(i.final_label = 'NG'), sum(i.defect_count),
           min(CASE WHEN l.id IS NULL THEN i.id END), max(CASE WHEN l.id IS NULL THEN i.id END)
    FROM inspections i LEFT JOIN late_records l ON l.id = i.id WHERE i.id > ? GROUP BY 1 HAVING true
    ON CONFLICT(hour) DO UPDATE SET {_SUMS}, {_MIN_MAX}"""


def downgrade_v12_insert(conn: sqlite3.Connection, trigger_v11: str) -> int:
    """Benchmark only: the v11 summary trigger (``trigger_v11``) instead of v12's, to measure what
    v12 costs an insert in the same run; returns the highest figId for :func:`restore_v12_insert`."""
    conn.execute("DROP TRIGGER trg_stats_insert")
    conn.execute(trigger_v11)
    return int(conn.execute("SELECT COALESCE(max(id), 0) FROM inspections").fetchone()[0])


def restore_v12_insert(conn: sqlite3.Connection, last_id: int) -> None:
    """Benchmark only: v12's trigger back; the records written meanwhile (their hours' bounds do not
    cover them) are filed as late, which keeps every count exact."""
    conn.execute("DROP TRIGGER trg_stats_insert")
    conn.execute(TRIGGER_STATS_INSERT)
    conn.execute("INSERT OR REPLACE INTO late_records(id, hour, name) "
                 "SELECT id, substr(timestamp, 1, 13), name FROM inspections WHERE id > ?", (last_id,))


def frontier_hour(conn: sqlite3.Connection) -> str:
    row = conn.execute(FRONTIER).fetchone()
    return str(row[0]) if row else ""


def migrate_v12(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE stats_hourly ADD COLUMN min_id INTEGER")
    conn.execute("ALTER TABLE stats_hourly ADD COLUMN max_id INTEGER")
    conn.execute(LATE_TABLE)
    conn.execute(LATE_INDEX)
    conn.execute(BULK_LATE, (0, ""))
    conn.execute("""UPDATE stats_hourly SET min_id = s.lo, max_id = s.hi
        FROM (SELECT substr(i.timestamp, 1, 13) AS h, min(i.id) AS lo, max(i.id) AS hi
              FROM inspections i LEFT JOIN late_records l ON l.id = i.id WHERE l.id IS NULL GROUP BY 1) s
        WHERE stats_hourly.hour = s.h""")
    conn.execute("DROP TRIGGER trg_stats_insert")
    conn.execute(TRIGGER_STATS_INSERT)
    conn.execute(TRIGGER_ORDER_UPDATE)
    conn.execute(TRIGGER_LATE_NAME)
