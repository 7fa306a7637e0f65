"""The shift report: one A4 page, built off the GUI thread, names the model and threshold; legends
print dark on white; "current shift" charts hour by hour."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest

from tests.ui.gui_station import bridged_station, close_gui_station, shown
from tests.ui.part2_helpers import THREE_SHIFTS, varied_records
from ui.statistics_page import StatisticsPage

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def page(qtbot, tmp_path):
    _station, db, settings, bridge = bridged_station(tmp_path, settings=THREE_SHIFTS, start=False)
    start = datetime.now().replace(microsecond=0) - timedelta(days=3)
    db.insert_many([r for r in varied_records(500, start, step=timedelta(minutes=9), seed=5)
                    if r.timestamp < datetime.now()])
    p = shown(qtbot, StatisticsPage(bridge, settings), (1366 - 170, 720))
    yield p
    close_gui_station(bridge, db, p)


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def test_current_shift_charts_per_hour(qtbot, page):
    page.set_period("shift")
    qtbot.waitUntil(lambda: page.snapshot is not None and page.snapshot.period.kind == "shift", timeout=10_000)
    assert page.snapshot.rate_bucket == "hour"
    assert "hour" in page.daily_chart._title and page.daily_chart.table()[0][0] == "hour"
    page.set_period("7d")
    qtbot.waitUntil(lambda: page.snapshot.period.kind == "7d", timeout=10_000)
    assert "day" in page.daily_chart._title


def test_report_is_one_page_built_off_the_gui_thread(qtbot, page, tmp_path):
    page.set_period("7d")
    qtbot.waitUntil(lambda: page.snapshot is not None and page.snapshot.period.kind == "7d", timeout=10_000)
    written: list = []
    gui_s = page.write_report_async(tmp_path / "shift.pdf", on_done=written.append)
    assert not page.report_button.isEnabled()  # the PDF is still being built on the worker
    qtbot.waitUntil(lambda: bool(written), timeout=60_000)
    pdf = written[0].read_bytes()
    assert pdf[:5] == b"%PDF-" and _pages(pdf) == 1
    assert gui_s < 2.0 and page.report_button.isEnabled()
    html_path = tmp_path / "shift.html"
    page.write_report_async(html_path, on_done=written.append)
    qtbot.waitUntil(lambda: len(written) == 2, timeout=60_000)
    text = html_path.read_text(encoding="utf-8")
    assert "no model loaded" in text  # the header says which model judged (none here)
    assert text.count("<td width='50%'") == len(page.charts)  # two charts per row


def test_report_names_the_model_and_threshold():
    from types import SimpleNamespace

    from ui.report import model_line

    info = SimpleNamespace(name="bottle", version=3, id="abcdef123456")
    assert model_line(info, SimpleNamespace(threshold=1.35)) == "bottle v3 (abcdef12) · threshold 1.35"


def test_printed_legend_is_dark(qtbot, page, tmp_path):
    page.set_period("7d")
    qtbot.waitUntil(lambda: page.snapshot is not None, timeout=10_000)
    chart = page.daily_chart
    seen = []
    original = chart.legend.items[0][1].setText

    def spy(text, **opts):
        seen.append(opts.get("color"))
        return original(text, **opts)

    chart.legend.items[0][1].setText = spy
    chart.export_png(tmp_path / "c.png")
    assert seen and seen[0].name() == "#000000"  # the label is redrawn black for the page
