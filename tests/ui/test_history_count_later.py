"""A broad name search shows its first page at once with "More than N records (counting…)"; the
exact total follows from a background count and the table grows to it, keeping the selection."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

import pytest

import storage.db_reads as db_reads
from tests.ui.part2_helpers import station_with_db, varied_records
from ui.history_page import PAGE_SIZE, HistoryFilter, HistoryPage
from ui.station_bridge import StationBridge
from ui.workers import wait_for_pool

pytestmark = pytest.mark.timeout(60)


def test_total_is_counted_after_the_first_page(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(db_reads, "COUNT_CAP", PAGE_SIZE)  # 500 matches: "more than 200" first
    station, db, settings = station_with_db(tmp_path)
    db.insert_many(varied_records(500, datetime(2024, 5, 1), step=timedelta(minutes=8)))
    gate = threading.Event()
    exact_count = db.count_search

    def slow_count(**filters):  # the exact count waits until the test has seen the first state
        assert gate.wait(20)
        return exact_count(**filters)

    monkeypatch.setattr(db, "count_search", slow_count)
    bridge = StationBridge(station, settings)
    p = HistoryPage(bridge, settings)
    qtbot.addWidget(p)
    p.resize(1400, 800)
    p.show()
    p.page_shown()
    try:
        qtbot.waitUntil(lambda: p.model.total == 500, timeout=10_000)  # no name: the summary is exact
        db._planner.invalidate()
        p.set_filter(HistoryFilter(name="part_"))
        qtbot.waitUntil(lambda: "More than" in p.total_label.text(), timeout=10_000)
        assert p.total_label.text() == "More than 200 records (counting…)"
        assert p.model.rowCount() == PAGE_SIZE
        assert p.model.index(0, 1).data() == "part_00499.png"  # newest first, exact rows
        p.table.selectRow(3)
        gate.set()
        qtbot.waitUntil(lambda: p.model.rowCount() == 500, timeout=10_000)
        assert p.total_label.text() == "500 records"
        assert p.table.selectionModel().selectedRows()[0].row() == 3  # the table grew, not reset
        p.table.scrollToBottom()
        qtbot.waitUntil(lambda: p.model.index(499, 1).data() == "part_00000.png", timeout=10_000)
    finally:
        gate.set()
        p.shutdown()
        wait_for_pool()
        bridge.close()
        db.close()
