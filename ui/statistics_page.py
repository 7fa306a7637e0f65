"""Statistics page: how the line is doing — volume, NG rate per day and shift, score spread.

The seed's "data visualization analysis" (statByDate and recent records) as live charts. Numbers
come from the history's summary queries in one worker call (:func:`storage.period_stats.collect`);
while the line runs the page refreshes at most every 2 s and only while it is visible.
"""

from __future__ import annotations

import logging
import re
import time
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from storage.period_stats import Period, StatsSnapshot, collect, make_period
from ui.insights_view import InsightsPanel, attach_drift_banner, collect_insights, ui_language
from ui.workers import LatestOnly, run_async, wait_for_pool
from widgets.charts import BLUE, NG_COLOR, ChartWidget, GroupedBarChart, LineChart, ScoreHistogram
from widgets.date_range import DateRangeEdit
from widgets.rows import STRETCH, hrow

if TYPE_CHECKING:
    from station.settings import Settings
    from ui.station_bridge import StationBridge

log = logging.getLogger(__name__)

REFRESH_MS = 2000


def _rate(bucket: Any) -> float:
    return bucket.ng_rate * 100 if bucket.total else float("nan")


def _safe_name(text: str) -> str:
    return re.sub(r"[^\w.-]+", "_", text).strip("_") or "chart"


class StatisticsPage(QWidget):
    def __init__(self, bridge: StationBridge, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.settings = settings
        self.snapshot: StatsSnapshot | None = None
        self._dirty = True
        self._last_refresh = 0.0
        self._last_cost = 0.0  # seconds the last statistics query took

        self.period_combo = QComboBox()
        for key, text in (("today", self.tr("Today")), ("shift", self.tr("Current shift")),
                          ("7d", self.tr("Last 7 days")), ("15d", self.tr("Last 15 days")),
                          ("custom", self.tr("Custom"))):
            self.period_combo.addItem(text, key)
        self.period_combo.setCurrentIndex(2)
        self.dates = DateRangeEdit(days=30)
        self.period_label = QLabel()
        self.summary = QLabel()
        self.summary.setObjectName("statsSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.export_button = QPushButton(self.tr("Export charts…"))
        self.export_button.setToolTip(self.tr("Write every chart as PNG and its numbers as CSV into a folder"))
        self.report_button = QPushButton(self.tr("Shift report…"))
        self.report_button.setToolTip(self.tr("A printable report (HTML or PDF) of the period"))
        self.refresh_button = QPushButton(self.tr("Refresh"))

        top = hrow(QLabel(self.tr("Period")), self.period_combo, self.dates, self.period_label, STRETCH,
                   self.refresh_button, self.export_button, self.report_button)

        self.daily_chart = GroupedBarChart(self.tr("Records and defects per day"))
        self.rate_chart = LineChart(self.tr("NG rate per day"))
        self.shift_chart = LineChart(self.tr("NG rate per shift"))
        self.hist_chart = ScoreHistogram(self.tr("Score distribution (1.0 = threshold)"))
        self.defect_chart = GroupedBarChart(self.tr("Defects per part"))
        self.charts: dict[str, ChartWidget] = {
            "per_day": self.daily_chart, "ng_rate": self.rate_chart, "ng_rate_shift": self.shift_chart,
            "score_histogram": self.hist_chart, "defect_counts": self.defect_chart,
        }
        grid = QGridLayout()
        grid.addWidget(self.daily_chart, 0, 0, 1, 3)
        grid.addWidget(self.rate_chart, 0, 3, 1, 3)
        grid.addWidget(self.shift_chart, 1, 0, 1, 2)
        grid.addWidget(self.hist_chart, 1, 2, 1, 2)
        grid.addWidget(self.defect_chart, 1, 4, 1, 2)
        self.insights_panel = InsightsPanel()
        self.insights: Any = None  # station.insights.Insights of the period shown
        grid.addWidget(self.insights_panel, 2, 0, 1, 6)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 3)
        grid.setRowStretch(2, 4)
        self.drift_banner = attach_drift_banner(bridge, settings)
        for chart in self.charts.values():
            chart.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            chart.customContextMenuRequested.connect(lambda pos, c=chart: self._chart_menu(c, pos))
            chart.setToolTip(self.tr("Right-click: save as PNG or CSV"))

        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.drift_banner)
        lay.addWidget(self.summary)
        lay.addLayout(grid, 1)

        self._query = LatestOnly(self)
        self._query.resultReady.connect(self._on_snapshot)
        self._query.failed.connect(self._on_failed)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

        self.period_combo.currentIndexChanged.connect(self._on_period_changed)
        self.dates.changed.connect(self._on_period_changed)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self._export_all)
        self.report_button.clicked.connect(self._report)
        bridge.resultReady.connect(self._on_result)
        self._on_period_changed()

    def title(self) -> str:
        return self.tr("Statistics")

    # -- period & refresh ---------------------------------------------------------------------------
    def period(self) -> Period:
        kind = self.period_combo.currentData()
        custom = self.dates.dates() if kind == "custom" else None
        return make_period(kind, list(self.settings.shifts), custom=custom)

    def set_period(self, kind: str, custom: tuple[date, date] | None = None) -> None:
        if custom is not None:
            self.dates.set_dates(*custom, quiet=True)
        self.period_combo.setCurrentIndex(self.period_combo.findData(kind))
        self._on_period_changed()

    def _on_period_changed(self, *_args: Any) -> None:
        custom = self.period_combo.currentData() == "custom"
        self.dates.setVisible(custom)
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def page_shown(self) -> None:
        if self._dirty or self.snapshot is None:
            self.refresh()

    def _on_result(self, _inspection: Any) -> None:
        self._dirty = True

    def _tick(self) -> None:
        # Throttled live update: at most one query per REFRESH_MS, only when something changed,
        # and never more than a fifth of the time busy (a long period on a big history).
        if not (self._dirty and self.isVisible()) or self._query.busy:
            return
        if time.monotonic() - self._last_refresh < 5 * self._last_cost:
            return
        self.refresh()

    def refresh(self) -> None:
        db = self.bridge.database
        if db is None:
            self.summary.setText(self.tr("No history database."))
            return
        try:
            period = self.period()
        except ValueError as exc:
            self.period_label.setText(str(exc))
            return
        self._dirty = False
        self.period_label.setText(period.label)
        self._last_refresh = time.monotonic()
        monitor = getattr(self.bridge.station, "drift", None)
        self._query.submit(self._timed_collect, db, period, list(self.settings.shifts),
                           ui_language(self.settings), monitor.status() if monitor is not None else None,
                           self.settings.data_dir)

    @staticmethod
    def _timed_collect(db: Any, period: Period, shifts: list[Any], lang: str = "en", drift: Any = None,
                       data_dir: Any = None) -> tuple[StatsSnapshot, float, Any]:
        t = time.monotonic()
        snap = collect(db, period, shifts)
        extra = collect_insights(db, period.start, period.end, shifts, lang, drift, Path(data_dir or "."))
        return snap, time.monotonic() - t, extra

    def _on_failed(self, _token: int, reason: str) -> None:
        self.summary.setText(self.tr("Statistics unavailable: {0}").format(reason))

    # -- drawing ------------------------------------------------------------------------------------
    def _on_snapshot(self, _token: int, result: tuple[StatsSnapshot, float, Any]) -> None:
        snap, self._last_cost, (self.insights, location_map) = result
        self.snapshot = snap
        self.insights_panel.set_insights(self.insights, location_map)
        yield_text = f"{snap.yield_rate * 100:.2f} %" if snap.yield_rate is not None else "–"
        ng_rate = f"{snap.ng / snap.total * 100:.2f} %" if snap.total else "–"
        inspected, ok, ng = self.tr("Inspected"), self.tr("OK"), self.tr("NG")
        yield_, found = self.tr("Yield"), self.tr("Defects found")
        self.summary.setText(
            f"<span style='font-size:13pt'>{inspected} <b>{snap.total:,}</b> &nbsp;&nbsp; "
            f"{ok} <b>{snap.ok:,}</b> &nbsp;&nbsp; {ng} <b>{snap.ng:,}</b> "
            f"({ng_rate}) &nbsp;&nbsp; {yield_} <b>{yield_text}</b> &nbsp;&nbsp; "
            f"{found} <b>{snap.defect_total:,}</b></span>")
        if snap.rate_bucket == "day":
            days = [row["stat_date"][5:] for row in snap.by_day]
            self.daily_chart.set_title(self.tr("Records and defects per day"))
            self.daily_chart.set_data(
                days, {self.tr("records"): [r["record_count"] for r in snap.by_day],
                       self.tr("defects"): [r["total_num"] for r in snap.by_day]},
                category_header=self.tr("date"))
        else:  # a shift or a day: hour by hour, like the NG-rate line beside it
            self.daily_chart.set_title(self.tr("Records and NG parts per hour"))
            self.daily_chart.set_data(
                [b.label[11:] or b.label for b in snap.rate],
                {self.tr("records"): [b.total for b in snap.rate], self.tr("NG"): [b.ng for b in snap.rate]},
                category_header=self.tr("hour"))
        if snap.rate_bucket == "day":
            self.rate_chart.set_title(self.tr("NG rate per day"))
            labels = [b.label[5:] for b in snap.rate]
        else:
            self.rate_chart.set_title(self.tr("NG rate per hour"))
            labels = [b.label[11:] or b.label for b in snap.rate]
        # an empty bucket has no NG rate (a gap in the line), not 0 %
        self.rate_chart.set_data(labels, {self.tr("NG %"): [_rate(b) for b in snap.rate]},
                                 y_label="%", category_header=self.tr("bucket"))
        self.shift_chart.set_data([b.label[5:] for b in snap.by_shift],
                                  {self.tr("NG %"): [_rate(b) for b in snap.by_shift]},
                                  colors=(BLUE,), y_label="%", category_header=self.tr("shift"))
        h = snap.histogram
        self.hist_chart.set_data(h.edges, {self.tr("OK"): h.ok, self.tr("NG"): h.ng}, threshold=1.0,
                                 x_label=self.tr("normalized score"))
        keys = sorted(snap.defects)
        self.defect_chart.set_data([str(k) for k in keys], {self.tr("parts"): [snap.defects[k] for k in keys]},
                                   colors=(NG_COLOR,), category_header=self.tr("defects per part"))

    # -- export -------------------------------------------------------------------------------------
    def _chart_menu(self, chart: ChartWidget, pos: QPoint) -> None:
        menu = QMenu(self)
        png = menu.addAction(self.tr("Save chart as PNG…"))
        csv_ = menu.addAction(self.tr("Save numbers as CSV…"))
        chosen = menu.exec(chart.mapToGlobal(pos))
        if chosen is png:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save chart"), _safe_name(chart.title) + ".png",
                                                  self.tr("PNG images (*.png)"))
            if path:
                self._try(lambda: chart.export_png(path))
        elif chosen is csv_:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save numbers"), _safe_name(chart.title) + ".csv",
                                                  self.tr("CSV files (*.csv)"))
            if path:
                self._try(lambda: chart.write_csv(path))

    def _try(self, fn) -> None:
        try:
            fn()
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export"), str(exc))

    def export_all(self, folder: str | Path) -> list[Path]:
        """Every chart as ``<key>.png`` plus ``<key>.csv`` into ``folder``; returns the files."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        out = []
        for key, chart in self.charts.items():
            out.append(chart.export_png(folder / f"{key}.png"))
            out.append(chart.write_csv(folder / f"{key}.csv"))
        if self.insights_panel.map_image is not None:
            out.append(self.insights_panel.export_png(folder / "defect_locations.png"))
        return out

    def _export_all(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export charts into folder"))
        if folder:
            try:
                files = self.export_all(folder)
            except OSError as exc:
                QMessageBox.warning(self, self.tr("Export"), str(exc))
                return
            self.period_label.setText(self.tr("{0} files written to {1}").format(len(files), folder))

    def _report(self) -> None:
        if self.snapshot is None:
            return
        default = f"qcstation-report-{datetime.now():%Y%m%d-%H%M}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save shift report"), str(Path.home() / default),
                                              self.tr("PDF (*.pdf);;HTML (*.html)"))
        if path:
            self.write_report_async(Path(path))

    def write_report_async(self, path: Path, on_done: Any = None) -> float:
        """Charts are drawn here (pyqtgraph lives on the GUI thread); NG images, layout and the
        PDF are built on a worker. Returns the seconds the GUI thread spent."""
        from ui.report import model_line, render_chart_pngs, report_job

        started = time.perf_counter()
        snap, insights, location_map = self.snapshot, self.insights, self.insights_panel.map_image
        charts = render_chart_pngs(self.charts, width=None)
        model = model_line(self.bridge.model_info(), self.bridge.params())
        self.report_button.setEnabled(False)

        def done(written: Path) -> None:
            self.report_button.setEnabled(True)
            self.period_label.setText(self.tr("Report written to {0}").format(written))
            if on_done is not None:
                on_done(written)

        def failed(reason: str) -> None:
            self.report_button.setEnabled(True)
            QMessageBox.warning(self, self.tr("Shift report"), reason)

        run_async(report_job, path, snap, charts, self.bridge.database, self.settings, insights, location_map,
                  model, on_done=done, on_error=failed)
        self.report_gui_s = time.perf_counter() - started
        return self.report_gui_s

    def shutdown(self) -> None:
        self._timer.stop()
        self._query.cancel()
        wait_for_pool(3000)  # reads must end before the station closes the database under them
