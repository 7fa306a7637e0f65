"""The seed-000 queries against hand-checked fixtures (see FIXTURE in conftest.py)."""

from __future__ import annotations

import random
import sqlite3
from datetime import date, datetime, timedelta

import pytest

from storage import InvalidQuery
from tests.storage.conftest import make_record


def ids(page):
    return [r.id for r in page.data]


def test_stat_by_date_counts_per_day_with_empty_days_as_zeros(fixture_db):
    assert fixture_db.stat_by_date("2024-03-01", "2024-03-04") == [
        {"stat_date": "2024-03-01", "record_count": 5, "total_num": 6, "ng_count": 3},
        {"stat_date": "2024-03-02", "record_count": 0, "total_num": 0, "ng_count": 0},
        {"stat_date": "2024-03-03", "record_count": 3, "total_num": 1, "ng_count": 1},
        {"stat_date": "2024-03-04", "record_count": 0, "total_num": 0, "ng_count": 0},
    ]


def test_stat_by_date_defaults_to_the_last_15_days_up_to_today(db):
    today = date.today()
    db.insert(make_record(datetime.combine(today, datetime.min.time()) + timedelta(hours=1), num=4))
    db.insert(make_record(datetime.combine(today - timedelta(days=15), datetime.min.time())))  # outside
    rows = db.stat_by_date()
    assert len(rows) == 15
    assert rows[0]["stat_date"] == (today - timedelta(days=14)).isoformat()
    assert rows[-1] == {"stat_date": today.isoformat(), "record_count": 1, "total_num": 4, "ng_count": 0}
    assert sum(r["record_count"] for r in rows) == 1


def test_stat_by_date_refuses_bad_ranges(fixture_db):
    with pytest.raises(InvalidQuery):
        fixture_db.stat_by_date("2024-03-05", "2024-03-01")
    with pytest.raises(InvalidQuery):
        fixture_db.stat_by_date("yesterday")
    with pytest.raises(InvalidQuery):
        fixture_db.stat_by_date("1900-01-01", "2024-01-01")


@pytest.mark.parametrize("filters, expected", [
    ({}, [8, 7, 6, 5, 4, 3, 2, 1]),
    ({"name": "bottle"}, [7, 6, 2, 1]),  # case-insensitive, via the trigram index
    ({"name": "_1_"}, [5]),  # "_" is literal, not a wildcard
    ({"name": "%"}, [4]),  # "%" is literal (short: LIKE scan)
    ({"name": "100%"}, [4]),
    ({"name": "瓶子"}, [3]),  # two CJK characters: LIKE scan
    ({"name": "瓶子_缺陷"}, [3]),  # trigram path
    ({"name": "nothing-like-this"}, []),
    ({"num": 0}, [8, 6, 4, 1]),
    ({"num": "1"}, [7, 3]),
    ({"label": "NG"}, [7, 5, 3, 2]),
    ({"label": "ok"}, [8, 6, 4, 1]),
    ({"start_date": "2024-03-03", "end_date": "2024-03-03"}, [8, 7, 6]),
    ({"start_date": "2024-03-02"}, [8, 7, 6]),
    ({"end_date": date(2024, 3, 1)}, [5, 4, 3, 2, 1]),
    ({"start_date": datetime(2024, 3, 1, 6), "end_date": datetime(2024, 3, 1, 22)}, [5, 4, 3, 2]),
    ({"start_date": "2024-03-01T06:00:00", "end_date": "2024-03-01T21:59:59"}, [3, 2]),
    ({"score_min": 1.1, "score_max": 1.5}, [7, 3, 2]),
    ({"score_min": 1.9}, [5]),
    ({"model_id": "m2"}, [4, 3]),
    ({"source": "camera"}, [7, 6, 5, 2, 1]),
    ({"part_id": "P1"}, [1]),
    ({"label": "NG", "start_date": "2024-03-01", "end_date": "2024-03-01"}, [5, 3, 2]),
    ({"name": "cap", "num": 3, "label": "NG"}, [5]),
])
def test_search_filters(fixture_db, filters, expected):
    page = fixture_db.search(limit=100, **filters)
    assert ids(page) == expected
    assert page.total == len(expected)


def test_paging_totals_and_pages_from_both_ends(fixture_db):
    expected = [8, 7, 6, 5, 4, 3, 2, 1]
    for limit in range(1, 10):
        got = []
        for page in range(1, 10):
            p = fixture_db.search(limit=limit, page=page)
            assert p.total == 8
            got += ids(p)
        assert got == expected, limit
    assert ids(fixture_db.search(limit=3, page=3)) == [2, 1]
    assert fixture_db.search(limit=3, page=4).data == []
    alias = fixture_db.get_paginated(limit=3, page=2)
    assert (alias.total, ids(alias)) == (8, [5, 4, 3])
    assert alias.to_seed()["data"][0]["figId"] == 5


@pytest.mark.parametrize("bad", [
    {"limit": 0}, {"limit": 5000}, {"page": 0}, {"page": "two"}, {"num": -1}, {"num": "x"},
    {"label": "maybe"}, {"start_date": "03/01/2024"}, {"start_date": "2024-03-05", "end_date": "2024-03-01"},
    {"score_min": 2, "score_max": 1}, {"score_min": "high"}, {"name": "x" * 300},
])
def test_search_refuses_bad_parameters(fixture_db, bad):
    with pytest.raises(InvalidQuery):
        fixture_db.search(**bad)


def test_injection_finds_nothing_and_drops_nothing(fixture_db):
    for evil in ("%'; DROP TABLE inspections; --", "%'; DROP TABLE --", '" OR 1=1 --', "') OR ('1'='1",
                 'name:*', "NEAR(a b)", "\\"):
        page = fixture_db.search(name=evil)
        assert page.total == 0 and page.data == []
    for field in ("model_id", "source", "part_id"):
        assert fixture_db.search(**{field: "x' OR '1'='1"}).total == 0
    conn = sqlite3.connect(fixture_db.path)
    assert conn.execute("SELECT count(*) FROM inspections").fetchone()[0] == 8
    conn.close()
    fixture_db.insert(make_record(datetime(2024, 3, 4), name="%'; DROP TABLE --.png"))
    assert [r.name for r in fixture_db.search(name="%'; DROP TABLE --").data] == ["%'; DROP TABLE --.png"]


def test_search_agrees_with_a_plain_python_filter_on_random_data(db):
    """Every count strategy (summary, index, FTS) and both paging directions against a reference."""
    rng = random.Random(7)
    t0 = datetime(2024, 1, 1)
    recs = []
    for _ in range(600):
        ts = t0 + timedelta(seconds=rng.randrange(0, 10 * 86400))
        label = rng.choice(["OK", "OK", "NG"])
        recs.append(make_record(ts, label, name=f"{rng.choice(['cam', 'Cam', 'lot', '瓶子', '磁瓦'])}_{rng.randrange(100):02d}.png",
                                num=rng.randrange(4) if label == "NG" else 0, score=rng.random() * 2,
                                source=rng.choice(["camera", "http"])))
    db.insert_many(recs)
    stored = db.search(limit=1000).data
    assert len(stored) == 600
    db.insert_many(recs[:5])  # a few names not yet in the name indexes (matched by LIKE)
    stored = db.search(limit=1000).data
    assert len(stored) == 605
    for _ in range(80):
        f = {}
        if rng.random() < 0.5:
            a = t0 + timedelta(days=rng.randrange(10))
            f["start_date"] = a.date().isoformat()
            f["end_date"] = (a + timedelta(days=rng.randrange(4))).date().isoformat()
        if rng.random() < 0.4:
            f["label"] = rng.choice(["OK", "NG"])
        if rng.random() < 0.3:
            f["name"] = rng.choice(["cam", "m_1", "lot_0", "7", "瓶子", "子_", "瓦_1", "瓦"])
        if rng.random() < 0.2:
            f["num"] = rng.randrange(3)
        if rng.random() < 0.2:
            f["source"] = "http"

        def keep(r, f=f):
            return ((not f.get("start_date") or r.date >= f["start_date"])
                    and (not f.get("end_date") or r.date <= f["end_date"])
                    and (not f.get("label") or r.final_label == f["label"])
                    and (not f.get("name") or f["name"].lower() in r.name.lower())
                    and (f.get("num") is None or r.defect_count == f["num"])
                    and (not f.get("source") or r.source == f["source"]))

        expected = [r.id for r in stored if keep(r)]
        limit = rng.choice([7, 20, 50])
        got = []
        page = 1
        while True:
            p = db.search(limit=limit, page=page, **f)
            assert p.total == len(expected), f
            if not p.data:
                break
            got += ids(p)
            page += 1
        assert got == expected, f



def test_cached_counts_follow_new_records_and_reviews(fixture_db):
    db = fixture_db
    assert db.search(name="bottle", label="NG").total == 2  # counted, then cached
    assert db.search(name="bottle", label="NG", page=2).total == 2  # served from the cache
    db.insert(make_record(datetime(2024, 3, 4, 8), "NG", name="bottle_005.png"))
    page = db.search(name="bottle", label="NG")
    assert page.total == 3 and ids(page)[0] == 9  # only the new record was counted
    db.set_review(9, "OK")
    assert db.search(name="bottle", label="NG").total == 2
    assert db.search(name="bottle", label="OK").total == 3  # 1, 6 and the reviewed 9


def test_cached_counts_see_records_written_by_another_process(fixture_db, tmp_path):
    from storage import Database

    assert fixture_db.search(num=0, source="camera").total == 2
    with Database(fixture_db.path) as other:  # e.g. a command-line import while the GUI runs
        other.insert(make_record(datetime(2024, 3, 5), num=0))
        other.set_review(1, "NG")
    assert fixture_db.search(num=0, source="camera").total == 3
    assert fixture_db.search(num=0, source="camera", label="OK").total == 2


def test_two_character_cjk_names_use_the_bigram_index(fixture_db):
    from storage.filters import SearchFilters, bigram_token

    assert SearchFilters.build(name="瓶子").name_index(True)[0] == "names_bigram"
    assert SearchFilters.build(name="ab").name_index(True) is None  # ASCII pairs: LIKE scan
    conn = sqlite3.connect(fixture_db.path)
    hits = conn.execute("SELECT rowid FROM names_bigram WHERE names_bigram MATCH ?",
                        (f'"{bigram_token("瓶子")}"',)).fetchall()
    conn.close()
    indexed = fixture_db.get_meta("fts_indexed_id") == "8"
    assert hits == ([(3,)] if indexed else [])
    assert ids(fixture_db.search(name="子_")) == [3]  # pairs mixing CJK and ASCII too
    assert ids(fixture_db.search(name="缺")) == [3]  # one character: LIKE
