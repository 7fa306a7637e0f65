"""search(exact_total=False): the first page of a broad name at once, the exact count after.

Checked against a plain Python filter over every row: the records of each page are exact; the
total is either exact or, with ``total_exact=False``, a true lower bound; ``count_search`` gives
the exact figure and fills the cache for the pages that follow.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest

import storage.db_reads as db_reads
from tests.storage.conftest import make_record

CAP = 40


def _expected(records, name):
    hits = [r for r in records if name.lower() in r.name.lower()]
    return [r.id for r in sorted(hits, key=lambda r: (r.timestamp, r.id), reverse=True)]


@pytest.fixture
def history(db, monkeypatch):
    monkeypatch.setattr(db_reads, "COUNT_CAP", CAP)
    rng = random.Random(4)
    t0 = datetime(2024, 7, 1)
    recs = [make_record(t0 + timedelta(minutes=rng.randrange(50_000)),
                        name=rng.choice(["cam1_{}.png", "cam2_{}.png", "lot_{}.bmp"]).format(i))
            for i in range(400)]
    db.import_records(recs[:300])
    for r in recs[300:]:
        db.insert(r)  # the newest names wait for the trigram index: the LIKE tail counts them
    return db, db.iter_search()


@pytest.mark.parametrize("name", ["cam1_", "cam", "lot_", "2_1", "cam2_39", "nothing"])
def test_pages_exact_totals_exact_or_a_true_lower_bound(history, name):
    db, rows = history
    stored = list(rows)
    expected = _expected(stored, name)
    db._planner.invalidate()
    first = db.search(limit=15, name=name, exact_total=False)
    assert [r.id for r in first.data] == expected[:15]
    if len(expected) > CAP:
        assert (first.total, first.total_exact) == (CAP, False)
    else:
        assert (first.total, first.total_exact) == (len(expected), True)
    # a page past the cap: the count goes as far as that page, so the page is still right
    deep = db.search(limit=15, page=4, name=name, exact_total=False)
    assert [r.id for r in deep.data] == expected[45:60]
    assert deep.total_exact or deep.total == 60 < len(expected)
    # the exact count, then the same search answers exactly from the cache
    assert db.count_search(name=name) == len(expected)
    again = db.search(limit=15, page=2, name=name, exact_total=False)
    assert (again.total, again.total_exact) == (len(expected), True)
    assert [r.id for r in again.data] == expected[15:30]
    last = -(-len(expected) // 15) if expected else 1
    assert [r.id for r in db.search(limit=15, page=last, name=name).data] == expected[(last - 1) * 15:last * 15]


def test_the_default_stays_exact_and_other_filters_are_never_capped(history):
    db, rows = history
    stored = list(rows)
    db._planner.invalidate()
    page = db.search(limit=5, name="cam")
    assert page.total_exact and page.total == len(_expected(stored, "cam")) > CAP
    db._planner.invalidate()
    page = db.search(limit=5, name="cam", label="OK", exact_total=False)  # not a name alone
    assert page.total_exact and page.total == len(_expected(stored, "cam"))
    assert db.search(limit=5, exact_total=False).total == 400  # the hourly summary is exact
