"""The history table's paging over a million-row result: bounded memory, few queries, stale answers
dropped. A stand-in database generates the rows of any page on demand (the real one is timed in
benchmarks/bench_history_page.py)."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from station.settings import Settings
from tests.ui.part2_helpers import make_record
from ui.history_page import HistoryFilter, HistoryPage
from ui.workers import wait_for_pool

pytestmark = pytest.mark.timeout(60)
N = 1_000_000
T0 = datetime(2024, 1, 1)


@dataclass
class Page:
    total: int
    data: list


class MillionRows:
    """``storage.Database.search`` semantics over N virtual records, newest first."""

    def __init__(self) -> None:
        self.calls: list[dict] = []
        self.delay: dict[str, float] = {}  # name filter -> seconds to sleep (a slow query)
        self.lock = threading.Lock()
        self.answered: list[str] = []  # name filters whose query has returned

    def search(self, limit=20, page=1, **filters):
        with self.lock:
            self.calls.append({"page": page, **filters})
        time.sleep(self.delay.get(filters.get("name") or "", 0.0))  # a slow query (not a test wait)
        with self.lock:
            self.answered.append(filters.get("name") or "")
        total = N // 4 if filters.get("label") == "NG" else N
        first = (page - 1) * limit
        rows = [replace(make_record(i, T0 + timedelta(seconds=N - i), name=f"rec_{i:07d}.png"), id=i + 1)
                for i in range(first, min(total, first + limit))]
        return Page(total=total, data=rows)


class FakeBridge(QObject):
    resultReady = Signal(object)
    modelChanged = Signal(object)

    def __init__(self, db):
        super().__init__()
        self.database = db

    def model_info(self):
        return None


@pytest.fixture
def page(qtbot, tmp_path):
    db = MillionRows()
    settings = Settings().override(**{"storage.data_dir": str(tmp_path)})
    p = HistoryPage(FakeBridge(db), settings)
    qtbot.addWidget(p)
    p.resize(1200, 700)
    p.show()
    p.page_shown()
    qtbot.waitUntil(lambda: p.model.total == N, timeout=10_000)
    yield p, db
    p.shutdown()
    wait_for_pool()


def test_scrolling_a_million_rows_holds_few_pages(qtbot, page):
    p, db = page
    assert p.model.rowCount() == N and p.model.cached_rows() == 200
    for k in range(1, 31):  # drag the scroll bar over the whole table
        row = N * k // 31
        p.table.scrollTo(p.model.index(row, 0))
        qtbot.wait(5)
    p.table.scrollToBottom()
    qtbot.waitUntil(lambda: p.model.index(N - 1, 1).data() == f"rec_{N - 1:07d}.png", timeout=10_000)
    assert p.model.cached_rows() <= 40 * 200  # a bounded cache, never the table
    assert len(db.calls) < 40  # pages of rows passed over while dragging were not all fetched
    assert p.model.index(N // 2, 1).data() in ("…", f"rec_{N // 2:07d}.png")


def test_stale_answers_are_dropped(qtbot, page):
    p, db = page
    db.delay["slow"] = 0.8
    p.set_filter(HistoryFilter(name="slow"))  # slow query, superseded at once
    p.set_filter(HistoryFilter(label="NG"))
    qtbot.waitUntil(lambda: p.model.total == N // 4, timeout=10_000)
    qtbot.waitUntil(lambda: "slow" in db.answered, timeout=10_000)  # the slow answer exists now ...
    assert wait_for_pool(10_000)
    QApplication.processEvents()  # ... and its queued delivery has been handled: it must not win
    assert p.model.total == N // 4
    assert "250,000" in p.total_label.text()


def test_window_keeps_running_during_a_slow_query(qtbot, page):
    p, db = page
    db.delay["slow"] = 1.0
    ticks = []
    from PySide6.QtCore import QTimer

    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(10)
    p.set_filter(HistoryFilter(name="slow"))
    qtbot.waitUntil(lambda: not p._query.busy, timeout=10_000)
    timer.stop()
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    assert len(ticks) > 30 and max(gaps) < 0.5  # the event loop ran all along
