"""The drift banner on the Live page follows the station's events; the shift report opens with the
insights summary and the location map; Statistics exports the map with the charts."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from station.drift import DriftChanged, DriftStatus
from tests.station.insight_history import history
from tests.ui.gui_station import bridged_station, close_gui_station, shown
from ui.live_page import LivePage
from ui.statistics_page import StatisticsPage

pytestmark = pytest.mark.timeout(120)


def _status(state: str) -> DriftStatus:
    return DriftStatus(model_id="m-1", model_name="bottle", state=state, reference=0.61, median=0.82,
                       since=datetime(2026, 5, 4, 10, 30), parts=120, event_id=1)


def test_live_page_banner_follows_drift_events(qtbot, tmp_path):
    station, db, settings, bridge = bridged_station(tmp_path, start=False)
    page = shown(qtbot, LivePage(bridge, settings))
    try:
        assert not page.drift_banner.isVisible()
        station.events.publish(DriftChanged(_status("drift_up"), raised=True))
        qtbot.waitUntil(page.drift_banner.isVisible, timeout=5000)
        text = page.drift_banner.text()
        assert "0.82 of the threshold against 0.61 at calibration" in text and "over-detection" in text
        station.events.publish(DriftChanged(_status("ok"), raised=False))
        qtbot.waitUntil(lambda: not page.drift_banner.isVisible(), timeout=5000)
    finally:
        close_gui_station(bridge, db, page)


def test_statistics_insights_export_and_report(qtbot, tmp_path):
    from ui.report import build_html

    _station, db, settings, bridge = bridged_station(tmp_path, start=False)
    start = datetime.combine(datetime.now().date(), datetime.min.time())
    # a day's history squeezed into the part of today already gone, so "today" holds all of it at
    # any hour (right after midnight too: the period must not depend on when the suite runs)
    squeeze = (datetime.now() - start) / timedelta(days=1)
    db.import_records(replace(r, timestamp=start + (r.timestamp - start) * squeeze)
                      for r in history(start, 24, 20, ng_rate=lambda t: 0.2, region=lambda r: (20, 20), seed=2))
    page = shown(qtbot, StatisticsPage(bridge, settings), (1400, 900))
    try:
        page.set_period("today")
        qtbot.waitUntil(lambda: page.insights is not None and page.insights_panel.map_image is not None,
                        timeout=20_000)
        assert page.insights_panel.save_map_button.isEnabled()
        text = page.insights_panel.text.toPlainText()
        assert "parts were inspected" in text and "top left" in text
        assert "centre x 0.0" in page.insights_panel.clusters.text()
        files = page.export_all(tmp_path / "out")
        assert tmp_path / "out" / "defect_locations.png" in files
        html = build_html(page.snapshot, [], [], settings, insights=page.insights,
                          location_map=page.insights_panel.map_image)
        assert html.index("Summary") < html.index("Counts")
        assert page.insights.summary.split("\n")[0] in html and "data:image/png;base64," in html
    finally:
        close_gui_station(bridge, db, page)
