"""Schema v11 (score index, daily score pre-aggregates, hourly defect counts) against plain SQL.

Each rewritten query must give exactly what the straightforward SQL over the rows gives, on a
random history with reviews, odd period bounds, negative scores and defect counts at the cap,
and a file migrated from schema v10 must keep its rows and answer the same.
"""

from __future__ import annotations

import random
import sqlite3
from datetime import datetime, timedelta

import pytest

from storage import Database
from storage.filters import SearchFilters
from storage.query_schema import FINE, HIST_KIND
from storage.schema import MIGRATIONS, SCHEMA_VERSION
from storage.sql import range_terms, where_clause
from storage.timeutil import to_db
from tests.storage.conftest import make_record

T0 = datetime(2024, 5, 1)


def history(seed: int = 3, n: int = 1500):
    rng = random.Random(seed)
    recs = []
    for _ in range(n):
        ts = T0 + timedelta(seconds=rng.randrange(0, 6 * 86400), microseconds=rng.randrange(10**6))
        label = rng.choice(["OK", "OK", "OK", "NG"])
        score = rng.uniform(1.0, 3.2) if label == "NG" else rng.uniform(-0.3, 1.0)
        num = rng.choice([1, 2, 3, 99, 150]) if label == "NG" else 0
        recs.append(make_record(ts, label, num=num, score=score, model_id=rng.choice(["m1", "m2", None])))
    return recs


def plain_defects(conn, lo, hi):
    where, params = bounds(lo, hi)
    return {int(k): int(v) for k, v in conn.execute(
        f"SELECT defect_count, count(*) FROM inspections{where} GROUP BY 1 ORDER BY 1", params)}


def bounds(lo, hi):
    terms, params = range_terms("timestamp", lo and to_db(lo), hi and to_db(hi))
    return where_clause(terms), params


def plain_histogram(conn, lo, hi, edges):
    """The pre-v11 rule over the rows: bin = int((x - lo) / width), clamped to the end bins."""
    bins = len(edges) - 1
    width = (edges[-1] - edges[0]) / bins
    ok, ng = [0] * bins, [0] * bins
    where, params = bounds(lo, hi)
    rows = conn.execute(f"SELECT normalized_score, final_label FROM inspections{where}", params).fetchall()
    for x, label in rows:
        i = min(max(int((x - edges[0]) / width), 0), bins - 1)
        (ng if label == "NG" else ok)[i] += 1
    return ok, ng, [x for x, _l in rows]


PERIODS = [
    (None, None),
    (T0 + timedelta(days=1), T0 + timedelta(days=3)),  # whole days
    (T0 + timedelta(days=1, hours=5, minutes=17), T0 + timedelta(days=4, hours=2, seconds=3)),  # partial
    (T0 + timedelta(days=2, hours=3, minutes=10), T0 + timedelta(days=2, hours=3, minutes=50)),  # in an hour
    (T0 + timedelta(hours=30), None),
    (None, T0 + timedelta(days=2, minutes=1)),
    (T0 + timedelta(days=9), T0 + timedelta(days=10)),  # empty
]


def check_all(db: Database) -> None:
    conn = db._reader()
    for lo, hi in PERIODS:
        assert db.defect_count_distribution(lo, hi) == plain_defects(conn, lo, hi), (lo, hi)
        for bins in (1, 7, 40):
            h = db.score_histogram(lo, hi, bins=bins)
            ok, ng, xs = plain_histogram(conn, lo, hi, h.edges)
            assert (h.ok, h.ng) == (ok, ng), (lo, hi, bins)
            if xs:
                assert h.edges[0] <= min(xs) and max(xs) < h.edges[-1]
                assert h.edges[0] * FINE == int(h.edges[0] * FINE)
        for a, b in ((0.0, 2.0), (-0.5, 3.5), (0.1, 2.3)):  # on the grid, on the grid, off it (scan)
            h = db.score_histogram(lo, hi, bins=8, lo=a, hi=b)
            assert h.edges[0] == a and h.edges[-1] == pytest.approx(b)
            assert (h.ok, h.ng) == plain_histogram(conn, lo, hi, h.edges)[:2], (lo, hi, a, b)


def test_rewritten_statistics_equal_plain_sql_also_after_reviews(db):
    recs = history()
    for i in range(0, len(recs), 100):
        db.insert_many(recs[i:i + 100])
    check_all(db)
    rng = random.Random(5)
    for rid in rng.sample(range(1, len(recs) + 1), 60):
        db.set_review(rid, rng.choice(["OK", "NG", None]))
    check_all(db)


def test_histogram_is_read_from_the_daily_aggregate_not_the_rows(db):
    db.insert_many(history(n=300))
    conn = db._reader()
    total = conn.execute("SELECT sum(n) FROM insight_hourly WHERE kind = ?", (HIST_KIND,)).fetchone()[0]
    assert total == 300
    # the whole-day aggregate answers alone: with the rows' scores changed behind the trigger's
    # back (a direct write with the trigger dropped) the answer is still the aggregate's
    w = sqlite3.connect(db.path)
    w.execute("DROP TRIGGER trg_insight_review")
    w.execute("UPDATE inspections SET normalized_score = normalized_score + 100")
    w.commit()
    w.close()
    h = db.score_histogram(T0, T0 + timedelta(days=5), bins=10)
    assert h.edges[-1] < 10 and sum(h.ok) + sum(h.ng) > 0


@pytest.mark.parametrize(("lo", "hi"), [(2.5, 3.0), (-0.25, 0.1), (0.0, 0.0), (-1e308, 1e308), (1.0, None),
                                      (None, -0.2)])
def test_score_range_search_uses_the_score_index(db, lo, hi):
    db.insert_many(history(n=400))
    conn = db._reader()
    where, params = SearchFilters.build(score_min=lo, score_max=hi).where()
    plan = " ".join(r[-1] for r in conn.execute(f"EXPLAIN QUERY PLAN SELECT count(*) FROM inspections{where}",
                                                params))
    assert "idx_inspections_score_bucket" in plan
    plain = [r[0] for r in conn.execute(
        "SELECT id FROM inspections WHERE (? IS NULL OR score >= ?) AND (? IS NULL OR score <= ?) "
        "ORDER BY timestamp DESC, id DESC", (lo, lo, hi, hi))]
    page = db.search(score_min=lo, score_max=hi, limit=1000)
    assert page.total == len(plain) and [r.id for r in page.data] == plain


def test_migration_from_v10_keeps_rows_and_answers(tmp_path, monkeypatch):
    import storage.schema as schema

    path = tmp_path / "history.sqlite3"
    recs = history(seed=11, n=800)
    with monkeypatch.context() as m:  # the previous release: schema v10
        m.setattr(schema, "MIGRATIONS", MIGRATIONS[:10])
        m.setattr(schema, "SCHEMA_VERSION", 10)
        with Database(path) as old:
            assert old.schema_version == 10
            old.insert_many(recs)
            old.set_review(3, "OK")
            old.set_review(4, "NG")
            before = [(lo, hi, old.defect_count_distribution(lo, hi)) for lo, hi in PERIODS]
            rows_before = old._reader().execute("SELECT * FROM inspections ORDER BY id").fetchall()
    with Database(path) as db:
        assert db.schema_version == SCHEMA_VERSION >= 11
        assert any("v10-backup" in b.name for b in db.backups)
        assert db._reader().execute("SELECT * FROM inspections ORDER BY id").fetchall() == rows_before
        for lo, hi, dist in before:
            assert db.defect_count_distribution(lo, hi) == dist
        check_all(db)
        db.insert(make_record(T0 + timedelta(days=2), "NG", num=2, score=1.7))
        check_all(db)
