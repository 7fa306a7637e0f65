"""Schema v12: a name over a period counted through the period's figId run, exact against a scan.

The history mixes records in time order with late ones (imports of old parts, a clock set back,
an explicit figId, a timestamp moved), names indexed and still pending, bulk imports and single
inserts; every count must equal what a plain Python filter over all rows gives.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from storage import Database
from storage.filters import SearchFilters
from storage.order_schema import FRONTIER
from storage.period_run import name_count_in_period
from storage.schema import MIGRATIONS
from tests.storage.conftest import make_record

T0 = datetime(2024, 6, 1)
NAMES = ["cam1_{:05d}.png", "cam2_{:05d}.png", "CAM3_{:05d}.PNG", "瓶子_{:05d}.png", "lot7-{:05d}.bmp"]


def _record(rng: random.Random, ts: datetime, i: int):
    return make_record(ts, rng.choice(["OK", "NG"]), name=rng.choice(NAMES).format(i))


def _history(db: Database, rng: random.Random) -> None:
    t = T0
    batch = []
    for i in range(600):  # bulk import, in time order
        t += timedelta(seconds=rng.randrange(1, 900))
        batch.append(_record(rng, t, i))
    db.import_records(batch, batch=250)
    for i in range(600, 900):  # the line: in order, with a few late parts and clock jumps
        if rng.random() < 0.08:
            late = T0 + timedelta(seconds=rng.randrange(int((t - T0).total_seconds())))
            db.insert(_record(rng, late, i))
        else:
            t += timedelta(seconds=rng.randrange(1, 900))
            db.insert(_record(rng, t, i))
    db.import_records([_record(rng, T0 + timedelta(hours=rng.randrange(200)), i) for i in range(900, 960)])
    top = max(r.id for r in db.recent(1))
    db.insert_many([replace(_record(rng, t + timedelta(minutes=5), 961), id=top + 50)])  # explicit figId
    db.insert(_record(rng, t + timedelta(minutes=6), 962))  # in order again, above the explicit id


def _plain(db: Database, name: str, start: datetime | None, end: datetime | None) -> int:
    needle = name.lower()
    return sum(1 for r in db.iter_search()
               if needle in r.name.lower() and (start is None or r.timestamp >= start)
               and (end is None or r.timestamp < end))


@pytest.mark.parametrize("seed", [1, 2])
def test_name_and_period_counts_equal_a_scan(tmp_path, seed):
    rng = random.Random(seed)
    with Database(tmp_path / "h.sqlite3") as db:
        _history(db, rng)
        late = db._reader().execute("SELECT count(*) FROM late_records").fetchone()[0]
        assert late > 20  # the history really has records out of order
        # a moved timestamp makes its record late too
        victim = db.recent(300)[-1]
        db._write("UPDATE inspections SET timestamp = ? WHERE id = ?",
                  ((T0 + timedelta(hours=3, minutes=1)).strftime("%Y-%m-%d %H:%M:%S.%f"), victim.id))
        assert db._reader().execute("SELECT 1 FROM late_records WHERE id = ?", (victim.id,)).fetchone()
        span = (max(r.timestamp for r in db.iter_search()) - T0).days + 2
        used = 0
        for _ in range(40):
            name = rng.choice(["cam1", "cam2_", "CAM", "am3_0", "瓶子_", "lot7-", "png", "zzz"])
            a = T0 + timedelta(days=rng.randrange(span), hours=rng.randrange(24))
            b = a + timedelta(hours=rng.randrange(1, 24 * 3))
            start, end = rng.choice([(a, b), (a, None), (None, b)])
            # a datetime end bound is inclusive: the last microsecond before the hour
            last = end - timedelta(microseconds=1) if end else None
            f = SearchFilters.build(name=name, start_date=start, end_date=last)
            fast = name_count_in_period(db._reader(), f, db._planner.fts_high(db._reader()))
            assert fast is not None  # hour-aligned bounds: the run plan applies
            used += 1
            assert fast == _plain(db, name, start, end), (name, start, end)
            db._planner.invalidate()
            assert db.search(name=name, start_date=start, end_date=last).total == fast
            if rng.random() < 0.3:
                db._index_names(force=True)
        assert used == 40


def test_whole_days_and_exact_times(tmp_path):
    """Day bounds (the GUI's) take the run plan; a bound inside an hour keeps the old one."""
    with Database(tmp_path / "h.sqlite3") as db:
        _history(db, random.Random(5))
        day = date(2024, 6, 2)
        f = SearchFilters.build(name="cam", start_date=day, end_date=day)
        assert name_count_in_period(db._reader(), f, 0) == _plain(
            db, "cam", datetime(2024, 6, 2), datetime(2024, 6, 3))
        odd = SearchFilters.build(name="cam", start_date=datetime(2024, 6, 2, 10, 17))
        assert name_count_in_period(db._reader(), odd, 0) is None
        assert db.search(name="cam", start_date=datetime(2024, 6, 2, 10, 17)).total == _plain(
            db, "cam", datetime(2024, 6, 2, 10, 17), None)


def test_migration_classifies_existing_records(tmp_path, monkeypatch):
    """A v11 file with records out of order: v12 marks them late and bounds only the others."""
    import storage.schema as schema

    path = tmp_path / "old.sqlite3"
    stamps = [T0 + timedelta(hours=h) for h in (0, 1, 1, 5, 2, 6, 6, 3, 7)]  # 02:00 and 03:00 late
    with monkeypatch.context() as m:  # the previous release: schema v11
        m.setattr(schema, "MIGRATIONS", MIGRATIONS[:11])
        m.setattr(schema, "SCHEMA_VERSION", 11)
        with Database(path) as old:
            old.insert_many([make_record(ts, name=f"cam_{i}") for i, ts in enumerate(stamps)])
    with Database(path) as db:
        conn = db._reader()
        assert [r[0] for r in conn.execute("SELECT id FROM late_records ORDER BY id")] == [5, 8]
        assert conn.execute("SELECT min_id, max_id FROM stats_hourly WHERE hour = '2024-06-01 06'").fetchone() \
            == (6, 7)
        assert conn.execute("SELECT min_id FROM stats_hourly WHERE hour = '2024-06-01 02'").fetchone() == (None,)
        for lo, hi in [(1, 4), (2, 7), (0, 8), (3, 6)]:
            start, end = T0 + timedelta(hours=lo), T0 + timedelta(hours=hi) - timedelta(microseconds=1)
            f = SearchFilters.build(name="cam", start_date=start, end_date=end)
            expected = sum(1 for ts in stamps if T0 + timedelta(hours=lo) <= ts < T0 + timedelta(hours=hi))
            assert name_count_in_period(conn, f, db._planner.fts_high(conn)) == expected
        db.insert(make_record(T0 + timedelta(hours=4), name="cam_late"))  # late after the upgrade too
        assert conn.execute("SELECT count(*) FROM late_records").fetchone() == (3,)


def test_late_insert_keeps_the_frontier(tmp_path):
    with Database(tmp_path / "h.sqlite3") as db:
        db.insert(make_record(T0 + timedelta(hours=5)))
        db.insert(make_record(T0 + timedelta(hours=1)))  # late: does not move the frontier back
        db.insert(make_record(T0 + timedelta(hours=5, minutes=30)))
        conn = db._reader()
        assert conn.execute(FRONTIER).fetchone() == ("2024-06-01 05", 3)
        assert [r[0] for r in conn.execute("SELECT id FROM late_records")] == [2]
        assert conn.execute("SELECT min_id, max_id FROM stats_hourly WHERE hour = '2024-06-01 01'").fetchone() \
            == (None, None)
