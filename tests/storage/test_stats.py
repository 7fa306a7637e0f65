"""Yield per hour / day / shift (shifts crossing midnight), defect distribution, score histogram."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from storage import InvalidQuery
from tests.storage.conftest import make_record

SHIFTS = [("A", "06:00"), ("B", "14:00"), ("C", "22:00")]


def table(buckets):
    return [(b.label, b.ok, b.ng) for b in buckets]


def test_shifts_cross_midnight_and_belong_to_the_day_they_start(fixture_db):
    got = fixture_db.yield_stats("2024-03-01", "2024-03-03", "shift", SHIFTS)
    assert table(got) == [
        ("2024-02-29 C", 1, 0),  # 05:59:59 on 03-01 is still the night shift of 02-29
        ("2024-03-01 A", 0, 2),
        ("2024-03-01 B", 1, 0),  # 21:59:59.999999
        ("2024-03-01 C", 0, 1),  # 22:00:00 sharp
        ("2024-03-02 A", 0, 0),
        ("2024-03-02 B", 0, 0),
        ("2024-03-02 C", 1, 1),  # 00:30 and 05:00 on 03-03
        ("2024-03-03 A", 0, 0),
        ("2024-03-03 B", 0, 0),
        ("2024-03-03 C", 1, 0),  # cut at the end of the period (03-04 00:00)
    ]
    night = got[6]
    assert (night.start, night.end) == (datetime(2024, 3, 2, 22), datetime(2024, 3, 3, 6))
    assert night.total == 2 and night.ng_rate == 0.5
    assert got[4].ng_rate == 0.0


def test_shift_starts_off_the_hour_are_exact(fixture_db):
    # Plain tuples in any order; objects with .name/.start (like station.settings.Shift) work too.
    class Shift:
        def __init__(self, name, start):
            self.name, self.start = name, start

    got = fixture_db.yield_stats("2024-03-01", "2024-03-01", "shift",
                                 [Shift("night", "18:30"), Shift("day", "06:30")])
    assert table(got) == [("2024-02-29 night", 1, 1), ("2024-03-01 day", 0, 1), ("2024-03-01 night", 1, 1)]


def test_hour_and_day_buckets_include_empty_ones(fixture_db):
    hours = fixture_db.yield_stats("2024-03-01", "2024-03-01", "hour")
    assert len(hours) == 24
    nonzero = [(b.label, b.ok, b.ng) for b in hours if b.total]
    assert nonzero == [("2024-03-01 05:00", 1, 0), ("2024-03-01 06:00", 0, 1), ("2024-03-01 13:00", 0, 1),
                       ("2024-03-01 21:00", 1, 0), ("2024-03-01 22:00", 0, 1)]
    days = fixture_db.yield_stats("2024-03-01", "2024-03-03", "day")
    assert table(days) == [("2024-03-01", 2, 3), ("2024-03-02", 0, 0), ("2024-03-03", 2, 1)]
    assert days[0].to_dict()["ng_rate"] == 0.6


def test_a_period_inside_an_hour_counts_rows_exactly(fixture_db):
    got = fixture_db.yield_stats(datetime(2024, 3, 1, 5, 59), datetime(2024, 3, 1, 6, 0, 0, 1), "hour")
    assert table(got) == [("2024-03-01 05:00", 1, 0), ("2024-03-01 06:00", 0, 1)]


def test_yield_follows_operator_review(fixture_db):
    fixture_db.set_review(2, "OK", "false alarm")
    got = fixture_db.yield_stats("2024-03-01", "2024-03-01", "day")
    assert table(got) == [("2024-03-01", 3, 2)]


@pytest.mark.parametrize("args", [
    ("2024-03-02", "2024-03-01", "day", None),
    ("2024-03-01", "2024-03-02", "week", None),
    ("2024-03-01", "2024-03-02", "shift", None),
    ("2024-03-01", "2024-03-02", "shift", [("A", "25:00")]),
    ("2024-03-01", "2024-03-02", "shift", [("A", "06:00"), ("B", "6:00")]),
    ("2000-01-01", "2024-03-02", "hour", None),
    (None, "2024-03-02", "hour", None),
])
def test_yield_refuses_bad_arguments(fixture_db, args):
    with pytest.raises(InvalidQuery):
        fixture_db.yield_stats(*args)


def test_defect_count_distribution(fixture_db):
    assert fixture_db.defect_count_distribution() == {0: 4, 1: 2, 2: 1, 3: 1}
    assert fixture_db.defect_count_distribution("2024-03-03", "2024-03-03") == {0: 2, 1: 1}
    assert fixture_db.defect_count_distribution("2024-03-02", "2024-03-02") == {}


def test_score_histogram_splits_ok_and_ng(fixture_db):
    h = fixture_db.score_histogram(bins=4, lo=0.0, hi=2.0)
    assert h.edges == [0.0, 0.5, 1.0, 1.5, 2.0]
    # OK scores 0.2 0.3 0.1 0.4 ; NG scores 1.5 1.1 2.0 1.2 (2.0 = hi falls in the last bin)
    assert h.ok == [4, 0, 0, 0]
    assert h.ng == [0, 0, 2, 2]
    auto = fixture_db.score_histogram(bins=19)
    # the data's range (0.1 .. 2.0) widened to the 1/128 grid of the daily pre-aggregates
    assert auto.edges[0] == 12 / 128 and 2.0 < auto.edges[-1] <= 2.0 + 19 / 128
    widths = {round(b - a, 12) for a, b in zip(auto.edges, auto.edges[1:], strict=False)}
    assert widths == {13 / 128}
    assert sum(auto.ok) == 4 and sum(auto.ng) == 4
    empty = fixture_db.score_histogram("2024-03-02", "2024-03-02", bins=5)
    assert sum(empty.ok) + sum(empty.ng) == 0 and len(empty.edges) == 6
    with pytest.raises(InvalidQuery):
        fixture_db.score_histogram(bins=0)
    with pytest.raises(InvalidQuery):
        fixture_db.score_histogram(field="name; DROP TABLE x")


def test_yield_sums_match_stat_by_date(db):
    for h in range(0, 48, 1):
        db.insert(make_record(datetime(2024, 6, 1) + timedelta(minutes=37 * h),
                              "NG" if h % 4 == 0 else "OK"))
    days = db.yield_stats("2024-06-01", "2024-06-02", "day")
    stat = db.stat_by_date("2024-06-01", "2024-06-02")
    assert [b.total for b in days] == [s["record_count"] for s in stat]
    assert [b.ng for b in days] == [s["ng_count"] for s in stat]
    shifts = db.yield_stats("2024-06-01", "2024-06-02", "shift", SHIFTS)
    assert sum(b.total for b in shifts) == 48


def test_defect_distribution_with_many_distinct_counts(db):
    db.insert_many([make_record(datetime(2024, 6, 1, 8) + timedelta(seconds=i), "NG", num=i) for i in range(250)])
    db.insert(make_record(datetime(2024, 6, 1, 9), "NG", num=3))
    dist = db.defect_count_distribution("2024-06-01", "2024-06-01")
    assert len(dist) == 250 and dist[3] == 2 and sum(dist.values()) == 251
    assert db.defect_count_distribution(datetime(2024, 6, 1, 8, 0, 10), datetime(2024, 6, 1, 8, 0, 13)) == {  # end exclusive
        10: 1, 11: 1, 12: 1}
