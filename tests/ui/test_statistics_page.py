"""Statistics page on a real history: the charts hold the database's numbers (read back from the
plot items), live updates arrive, charts export as PNG/CSV, the shift report is self-contained."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import date, datetime, time, timedelta

import numpy as np
import pytest

from station.core import Inspection
from tests.ui.gui_station import bridged_station, close_gui_station, shown
from tests.ui.part2_helpers import THREE_SHIFTS, make_record, varied_records
from ui.report import build_html, write_report
from ui.statistics_page import StatisticsPage

pytestmark = pytest.mark.timeout(90)


@pytest.fixture
def page(qtbot, tmp_path):
    _station, db, settings, bridge = bridged_station(tmp_path, settings=THREE_SHIFTS, start=False)
    start = datetime.combine(date.today() - timedelta(days=5), time(0, 3))
    records = varied_records(600, start, step=timedelta(minutes=13), seed=3)
    records = [r for r in records if r.timestamp < datetime.now()]
    db.insert_many(records)
    p = shown(qtbot, StatisticsPage(bridge, settings), (1500, 900))
    p.set_period("7d")
    qtbot.waitUntil(lambda: p.snapshot is not None and p.snapshot.period.kind == "7d", timeout=10_000)
    yield p, db, records
    close_gui_station(bridge, db, p)


def test_charts_hold_the_history_numbers(page):
    p, _db, records = page
    days = [(date.today() - timedelta(days=6 - i)) for i in range(7)]
    per_day = Counter(r.timestamp.date() for r in records)
    defects_day = Counter()
    ng_day = Counter()
    for r in records:
        defects_day[r.timestamp.date()] += r.defect_count
        ng_day[r.timestamp.date()] += r.label == "NG"

    bars = p.daily_chart.bars
    assert list(bars["records"].opts["height"]) == [per_day[d] for d in days]
    assert list(bars["defects"].opts["height"]) == [defects_day[d] for d in days]

    _x, rate = p.rate_chart.lines["NG %"].getData()
    want = [100.0 * ng_day[d] / per_day[d] if per_day[d] else np.nan for d in days]
    np.testing.assert_allclose(rate, want, rtol=1e-9)

    ok_curve, ng_curve = p.hist_chart.curves["OK"], p.hist_chart.curves["NG"]
    assert ok_curve.getData()[1].sum() == sum(r.label == "OK" for r in records)
    assert ng_curve.getData()[1].sum() == sum(r.label == "NG" for r in records)
    assert p.hist_chart.threshold_line.value() == pytest.approx(1.0)
    # every NG record of the fixture scores above the threshold: no NG mass below 1.0
    edges = p.hist_chart.curves["NG"].getData()[0]
    below = edges[1:] <= 1.0
    assert ng_curve.getData()[1][below].sum() == 0

    dist = Counter(r.defect_count for r in records)
    heights = list(p.defect_chart.bars["parts"].opts["height"])
    assert heights == [dist[k] for k in sorted(dist)]

    _x, shift_rates = p.shift_chart.lines["NG %"].getData()
    assert len(shift_rates) >= 7 * 3 - 1  # three shifts a day over the period
    total = len(records)
    assert f"{total:,}" in p.summary.text()


def test_shift_rates_match_records(page):
    p, _db, records = page
    _x, y = p.shift_chart.lines["NG %"].getData()
    buckets = p.snapshot.by_shift
    for b, rate in zip(buckets, y, strict=True):
        inside = [r for r in records if b.start <= r.timestamp < b.end]
        want = 100.0 * sum(r.label == "NG" for r in inside) / len(inside) if inside else np.nan
        assert rate == pytest.approx(want, nan_ok=True)


def test_live_update_is_throttled_and_arrives(qtbot, page):
    p, db, records = page
    p.set_period("today")
    qtbot.waitUntil(lambda: p.snapshot.period.kind == "today", timeout=10_000)
    before = p.snapshot.total
    rec = make_record(1, datetime.now().replace(microsecond=0), label="NG", defects=2, score=1.7)
    rid = db.insert(rec)
    p.bridge.resultReady.emit(Inspection(record=replace(rec, id=rid), result=None, image=None))
    assert p.snapshot.total == before  # not redrawn synchronously
    qtbot.waitUntil(lambda: p.snapshot.total == before + 1, timeout=6_000)


def test_export_and_report(qtbot, page, tmp_path):
    p, _db, _records = page
    files = p.export_all(tmp_path / "charts")
    assert len(files) == 10 and all(f.stat().st_size > 0 for f in files)
    assert (tmp_path / "charts" / "per_day.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    csv_text = (tmp_path / "charts" / "per_day.csv").read_text(encoding="utf-8-sig")
    assert csv_text.splitlines()[0] == "date,records,defects"

    from ui.report import gather_ng_images, render_chart_pngs

    charts = render_chart_pngs(p.charts)
    ng = gather_ng_images(p.bridge.database, p.snapshot.period, p.settings.data_dir)
    assert len(ng) == 8 and all(rec.label == "NG" for rec, _ in ng)
    html_path = write_report(tmp_path / "report.html", p.snapshot, charts, ng)
    text = html_path.read_text(encoding="utf-8")
    assert text.count("data:image/png;base64,") == len(p.charts)
    assert not re.search(r"(src|href)=['\"]https?:", text)
    assert f"{p.snapshot.total:,}" in text
    pdf = write_report(tmp_path / "report.pdf", p.snapshot, charts, ng)
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 20_000
    assert "No NG parts" in build_html(p.snapshot, [], [])

