"""History page with 1,000,000 records: does the window stay responsive while filtering and scrolling?

    .venv/bin/python benchmarks/bench_history_page.py --db /tmp/qcs-1m.sqlite3   # build once, reuse
    .venv/bin/python benchmarks/bench_history_page.py --records 100000 --no-write  # quick look

A 5 ms heartbeat timer runs on the GUI thread; the longest gap between its ticks is the longest
time the window was frozen. Baseline in the same run: the same ``storage.search`` calls made
synchronously on the GUI thread (what a naive page would do) — the freeze they cause. Figures are
medians over the repeated actions; the freezes include repainting the 1600×900 page in software
(offscreen), 20-80 ms on this CPU, and whatever the other processes on the machine take. The database is built with ``benchmarks/bench_storage.py``'s
generator (60 days, 8 % NG, two models).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from report import replace_section  # benchmarks/report.py (the script's own folder)

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_storage import build  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

START, END = "<!-- gui-history:start -->", "<!-- gui-history:end -->"


class Heartbeat:
    """Measures the longest stall of the GUI event loop."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.last = 0
        self.worst = 0.0

    def _tick(self) -> None:
        now = self.clock.elapsed()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def start(self) -> None:
        self.clock.start()
        self.last = 0
        self.worst = 0.0
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return self.worst


def spin_until(pred, timeout_s: float = 60.0) -> float:
    """Run the event loop until ``pred()``; returns the seconds waited."""
    t = time.perf_counter()
    while not pred():
        if time.perf_counter() - t > timeout_s:
            raise TimeoutError("condition not met")
        loop = QEventLoop()
        QTimer.singleShot(2, loop.quit)
        loop.exec()
    return time.perf_counter() - t


class _Bridge:
    """Just enough of ui.station_bridge.StationBridge for the page (no station threads)."""

    def __init__(self, db):
        from PySide6.QtCore import QObject, Signal

        class S(QObject):
            resultReady = Signal(object)
            modelChanged = Signal(object)

        self._s = S()
        self.resultReady = self._s.resultReady
        self.modelChanged = self._s.modelChanged
        self.database = db

    def model_info(self):
        return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=1_000_000)
    ap.add_argument("--db", type=Path, help="reuse/keep this database file (built when missing)")
    ap.add_argument("--no-write", action="store_true", help="do not update docs/benchmarks.md")
    args = ap.parse_args(argv)

    tmp = tempfile.TemporaryDirectory(prefix="qcs-bench-gui-")
    path = args.db or Path(tmp.name) / "history.sqlite3"
    if not path.exists():
        print(f"building {args.records:,} records in {path} ...")
        build(path, args.records)

    app = QApplication.instance() or QApplication([])
    from station.settings import Settings
    from storage import Database
    from ui.history_page import HistoryFilter, HistoryPage
    from ui.workers import wait_for_pool

    db = Database(path)
    n = db.count()
    settings = Settings().override(**{"storage.data_dir": tmp.name})
    page = HistoryPage(_Bridge(db), settings)
    page.resize(1600, 900)
    page.show()
    hb = Heartbeat()
    rows: list[tuple[str, str]] = []

    def report(what: str, fig: str) -> None:
        rows.append((what, fig))
        print(f"{what:<72} {fig:>18}")

    # 1. open: first query
    hb.start()
    page.apply_filters()
    first = spin_until(lambda: page.model.total == n)
    report("open the page: rows on screen", f"{first * 1000:,.0f} ms")
    report("open the page: longest GUI freeze", f"{hb.stop():,.0f} ms")

    today = date.today()
    filters = [
        HistoryFilter(label="NG"), HistoryFilter(name="_0042"), HistoryFilter(score_min=0.5, score_max=0.6),
        HistoryFilter(start_date=today - timedelta(days=9), end_date=today - timedelta(days=3)),
        HistoryFilter(label="NG", num=2, model_id="bottle-v1"), HistoryFilter(name="瓶子"), HistoryFilter(),
    ]
    # 2. filter changes, async (the page) vs sync on the GUI thread (baseline)
    waits, freezes, sync = [], [], []
    for f in filters:
        want = db.search(limit=1, page=1, **f.to_kwargs()).total
        hb.start()
        page.set_filter(f)
        waits.append(spin_until(lambda w=want: page.model.total == w and not page._query.busy) * 1000)
        freezes.append(hb.stop())
        # baseline: the same query, result handling and repaint, all on the GUI thread
        t = time.perf_counter()
        result = db.search(limit=200, page=1, **f.to_kwargs())
        page._on_query_result(page._query.latest, (f, result))
        app.processEvents()
        sync.append((time.perf_counter() - t) * 1000)
    report(f"filter change → rows shown, median of {len(filters)}", f"{statistics.median(waits):,.0f} ms")
    report("filter change: longest GUI freeze, page (worker thread)", f"{max(freezes):,.0f} ms")
    report("filter change: GUI freeze if queried on the GUI thread (baseline), max",
           f"{max(sync):,.0f} ms")
    report("filter change: GUI freeze, page / baseline, medians",
           f"{statistics.median(freezes):,.0f} / {statistics.median(sync):,.0f} ms")

    # 3. rapid typing: 8 filter changes 30 ms apart; only the last answer may be shown
    hb.start()
    for i in range(8):
        page.name_edit.setText(f"cam{i % 4}_2")
        loop = QEventLoop()
        QTimer.singleShot(30, loop.quit)
        loop.exec()
    want = db.search(limit=1, page=1, name="cam3_2").total
    spin_until(lambda: page.model.total == want and not page._query.busy)
    report("typing 8 characters: longest GUI freeze", f"{hb.stop():,.0f} ms")
    page.set_filter(HistoryFilter())
    spin_until(lambda: page.model.total == n and not page._query.busy)

    # 4. scrolling: jump to 15 places across the million rows
    bar = page.table.verticalScrollBar()
    loads = []
    hb.start()
    for k in range(1, 16):
        row = int(n * k / 16)
        page.table.scrollTo(page.model.index(row, 0))
        loads.append(spin_until(lambda r=row: page.model.record_at(r) is not None) * 1000)
    report("scroll bar jump → rows shown, median of 15", f"{statistics.median(loads):,.0f} ms")
    report("scroll bar jumps: longest GUI freeze", f"{hb.stop():,.0f} ms")
    deep = []
    for k in range(1, 16):
        t = time.perf_counter()
        db.search(limit=200, page=max(1, int(n * k / 16) // 200))
        deep.append((time.perf_counter() - t) * 1000)
    report("baseline: the same 15 pages queried on the GUI thread, max freeze (query alone)",
           f"{max(deep):,.0f} ms")
    report("rows held in memory after all that", f"{page.model.cached_rows():,} of {n:,}")
    _ = bar

    page.shutdown()
    wait_for_pool()
    db.close()
    env = (f"{n:,} records; {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
           f"Python {platform.python_version()}, Qt offscreen, load average {os.getloadavg()[0]:.1f} (shared machine)")
    if not args.no_write:
        write_section(ROOT / "docs" / "benchmarks.md", rows, env)
    app.quit()
    return 0


def write_section(path: Path, rows: list[tuple[str, str]], env: str) -> None:
    lines = [START, "## History page responsiveness (`benchmarks/bench_history_page.py`)", "", env + ".", "",
             "| measurement | figure |", "| --- | ---: |"]
    lines += [f"| {w} | {f} |" for w, f in rows]
    lines += ["", f"Written by `benchmarks/bench_history_page.py` on {datetime.now():%Y-%m-%d %H:%M}.", END]
    replace_section(path, START, END, "\n".join(lines))


if __name__ == "__main__":
    raise SystemExit(main())
