"""Insights on generated histories with known effects: shifts, corners, significance, languages."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta

import pytest

from resources import resource_path
from station import insights
from station.insight_text import CONTEXT, MESSAGES, Catalogue
from station.settings import Shift
from station.significance import chi2_sf, fisher_exact, two_proportions
from storage import Database
from tests.station.insight_history import H, W, history

START = datetime(2026, 3, 2)
SHIFTS = [Shift("A", "06:00"), Shift("B", "14:00"), Shift("C", "22:00")]


@pytest.fixture
def db(tmp_path):
    d = Database(tmp_path / "history.sqlite3")
    yield d
    d.close()


def _night(t: datetime) -> bool:
    return t.hour >= 22 or t.hour < 6


def test_known_values_of_the_tests():
    assert fisher_exact(8, 10, 1, 10) == pytest.approx(0.005477, rel=1e-3)
    assert chi2_sf(3.84, 1) == pytest.approx(0.05004, rel=1e-3)
    assert chi2_sf(10, 3) == pytest.approx(0.018566, rel=1e-3)
    t = two_proportions(120, 3000, 60, 3000)
    assert t.method == "z" and t.p == pytest.approx(5.6e-6, rel=0.05)


def test_night_shift_with_twice_the_ng_rate_is_significant(db):
    db.import_records(history(START, 24 * 7, 40, ng_rate=lambda t: 0.06 if _night(t) else 0.03, seed=1))
    ins = insights.compute(db, START, START + timedelta(days=7), shifts=SHIFTS)
    shift = [f for f in ins.findings if f.kind == "shift"]
    assert len(shift) == 1 and shift[0].severity == "warning"
    fig = shift[0].figures
    assert fig["worst"] == "C" and fig["p_pair"] < 0.01
    assert fig["rate_a"] > 1.5 * fig["rate_b"]
    assert fig["parts_a"] + fig["parts_b"] > 4000
    assert "Shift C" in shift[0].text and "p <" in shift[0].text
    assert shift[0].text in ins.summary


def test_equal_shifts_are_not_reported(db):
    db.import_records(history(START, 24 * 7, 40, ng_rate=lambda t: 0.04, seed=2))
    ins = insights.compute(db, START, START + timedelta(days=7), shifts=SHIFTS)
    assert [f for f in ins.findings if f.kind in ("shift", "hour")] == []
    assert ins.figures["shift_test"]["p_pair"] > 0.01
    assert ins.figures["parts"] == 24 * 7 * 40
    assert [d["parts"] for d in ins.figures["ng_by_day"]] == [24 * 40] * 7


def test_ng_regions_in_one_corner_make_the_first_cluster(db):
    def corner(rng):  # 60 % bottom-right corner, the rest anywhere
        if rng.random() < 0.6:
            return rng.randrange(W - 50, W), rng.randrange(H - 40, H)
        return rng.randrange(W), rng.randrange(H)

    db.import_records(history(START, 48, 50, ng_rate=lambda t: 0.1, region=corner, seed=3))
    ins = insights.compute(db, START, START + timedelta(days=2), shifts=SHIFTS)
    first = ins.clusters[0]
    assert first.where == "bottom right" and first.x > 0.85 and first.y > 0.85
    assert 0.55 < first.share < 0.8 and first.p < 1e-6
    assert all(c.share < first.share for c in ins.clusters[1:])
    loc = [f for f in ins.findings if f.kind == "location"][0]
    assert loc.severity == "warning" and "bottom right" in loc.text
    grid = ins.location["m-1"]
    assert grid[-4:, -4:].sum() > grid[:4, :4].sum() * 5


def test_uniform_defects_name_no_location(db):
    db.import_records(history(START, 48, 50, ng_rate=lambda t: 0.1, seed=4))
    ins = insights.compute(db, START, START + timedelta(days=2))
    loc = [f for f in ins.findings if f.kind == "location"]
    assert loc and all(f.severity == "info" for f in loc)


def test_ng_rate_against_the_previous_period(db):
    db.import_records(history(START, 24 * 4, 40, ng_rate=lambda t: 0.02 if t < START + timedelta(days=2) else 0.05,
                              seed=5))
    ins = insights.compute(db, START + timedelta(days=2), START + timedelta(days=4))
    trend = [f for f in ins.findings if f.kind == "trend"]
    assert trend and trend[0].figures["p_value"] < 0.001 and trend[0].figures["rate_a"] > trend[0].figures["rate_b"]


def test_first_pass_yield_by_prefix(db):
    def prefix(i, rng):
        return f"{'BAD' if i % 4 == 0 else 'LOT'}-{i}"

    # parts of the BAD lot are NG far more often; each part id appears once, then a re-test
    records = list(history(START, 24, 100, ng_rate=lambda t: 0.03, part_prefix=prefix, seed=6))
    records = [r if not r.part_id.startswith("BAD") or i % 3 else
               type(r)(**{**r.__dict__, "label": "NG", "defect_count": 0, "regions": ()})
               for i, r in enumerate(records)]
    db.import_records(records)
    db.import_records(history(START + timedelta(days=1), 1, 10, part_prefix=lambda i, r: f"BAD-{i * 4}", seed=7))
    ins = insights.compute(db, START, START + timedelta(days=2))
    rows = {r["prefix"]: r for r in ins.figures["first_pass_yield"]}
    assert rows["BAD"]["parts"] == 600 and rows["LOT"]["parts"] == 1800  # re-tests are not first passes
    assert rows["BAD"]["first_pass_yield"] < rows["LOT"]["first_pass_yield"] - 0.2
    low = [f for f in ins.findings if f.kind == "fpy" and f.severity == "warning"]
    assert low and low[0].figures["prefix"] == "BAD"
    assert insights.prefix_of("BAD-17") == "BAD" and insights.prefix_of("X_1-2") == "X" and insights.prefix_of("ABCDEF") == "ABCD"


def test_paretos(db):
    db.import_records(history(START, 24, 50, ng_rate=lambda t: 0.2, seed=8))
    ins = insights.compute(db, START, START + timedelta(days=1))
    sizes = ins.figures["region_size_pareto"]
    assert sizes[0]["count"] >= sizes[-1]["count"] and sizes[-1]["cumulative"] == 1.0
    assert ins.figures["defect_count_pareto"][0]["category"] == "1"


def test_empty_period_says_so(db):
    ins = insights.compute(db, START, START + timedelta(days=1))
    assert ins.findings == [] and "No parts were inspected" in ins.summary


def test_summary_in_chinese(db):
    db.import_records(history(START, 24 * 7, 40, ng_rate=lambda t: 0.06 if _night(t) else 0.03, seed=1))
    ins = insights.compute(db, START, START + timedelta(days=7), shifts=SHIFTS, lang="zh_CN")
    assert ins.lang == "zh_CN" and "共检测" in ins.summary and "C 班" in ins.summary


def test_every_insight_template_is_translated_with_the_same_fields():
    root = ET.parse(resource_path("i18n", "qcstation_zh_CN.ts")).getroot()
    ctx = next(c for c in root.iter("context") if c.findtext("name") == CONTEXT)
    tr = {m.findtext("source"): m.findtext("translation") for m in ctx.iter("message")}
    fields = re.compile(r"\{(\w+)\}")
    for key, source in MESSAGES.items():
        assert source in tr and tr[source].strip(), key
        assert sorted(fields.findall(tr[source])) == sorted(fields.findall(source)), key
    assert Catalogue("zh-CN").text("banner.title") == "评分漂移"
    assert Catalogue("de").text("banner.title") == "Score drift"


def test_location_map_image(db):
    db.import_records(history(START, 24, 50, ng_rate=lambda t: 0.1, region=lambda r: (20, 20), seed=9))
    ins = insights.compute(db, START, START + timedelta(days=1))
    img = insights.render_location_map(db, ins, db.path.parent, max_side=320)
    assert img is not None and img.shape == (320, 320, 3)
    # hot (red) near the top-left corner, neutral grey far from it
    assert img[20, 20, 2] > 150 and abs(int(img[300, 300, 0]) - 90) < 5


def test_backfill_of_an_old_history_matches_the_trigger(db, tmp_path):
    """The v7 migration fills the aggregates of rows already stored exactly as the trigger would,
    and odd stored regions (not objects, no box) are skipped, not fatal."""
    import sqlite3

    from storage.insight_schema import BACKFILL

    db.import_records(history(START, 24, 30, ng_rate=lambda t: 0.2, part_prefix=lambda i, r: f"L{i % 3}-{i % 50}",
                              seed=10))
    db._write("INSERT INTO inspections (name, source, timestamp, label, defect_count, score, normalized_score, "
              "confidence, processing_ms, regions, extra, final_label) VALUES ('odd', 'cli', "
              "'2026-03-02 05:00:00.000000', 'NG', 2, 1, 1, 1, 1, '[1, {\"x\": 1}]', "
              "'{\"image_size\": [10, 10]}', 'NG')")
    conn = sqlite3.connect(db.path)
    by_trigger = sorted(conn.execute("SELECT * FROM insight_hourly").fetchall())
    conn.execute("DELETE FROM insight_hourly")
    for sql in BACKFILL:
        conn.execute(sql)
    assert sorted(conn.execute("SELECT * FROM insight_hourly").fetchall()) == by_trigger
    conn.close()


@pytest.mark.parametrize("lo_h, hi_h", [(0, 48), (22, 30), (5, 43), (3, 9)])
def test_location_counts_mix_days_and_edge_hours_exactly(db, lo_h, hi_h):
    from storage.insights_store import period_aggregates

    db.import_records(history(START, 48, 30, ng_rate=lambda t: 0.3, seed=12))
    lo, hi = START + timedelta(hours=lo_h), START + timedelta(hours=hi_h)
    grid = period_aggregates(db, lo, hi).cells["m-1"]
    expected = 0
    for r in db.iter_search(start_date=lo, end_date=hi - timedelta(microseconds=1)):
        if r.label == "NG":
            expected += len({(int((g["y"] + g["height"] / 2) * 32 / H), int((g["x"] + g["width"] / 2) * 32 / W))
                             for g in r.regions})
    assert int(grid.sum()) == expected > 0
