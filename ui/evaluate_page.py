"""Evaluate page: how good is this model on a labelled set, and where should its threshold sit?

The seed-001 simulator in the station: pick a labelled folder (MVTec category or ``OK/`` + ``NG/``)
and a model, run ``inference.evaluation.evaluate`` in a worker (progress, Cancel), then browse
every image with its overlay, read miss / over-detection rates, the confusion matrix and AUROCs,
and drag a threshold slider that recomputes the rates from the stored scores (no re-inference).
"Use this threshold" hands the value to the station for the active model.

The page owns the report and the current threshold and keeps its panels in step: the run bar
(``ui.evaluate_run``), the image table and overlay viewer (``ui.evaluate_browser``), the figures
and threshold bar (``ui.evaluate_results``). What needs no Qt lives below: the slider span
(``station.threshold_scale``), the exported summary (``station.evaluation_summary``).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox, QSplitter, QVBoxLayout, QWidget

from station.changeover import apply_params
from station.evaluation_summary import scores_by_label, write_summary
from station.threshold_scale import score_range
from station.validation import mark_validated
from ui.evaluate_browser import EvalTablePanel, OverlayViewer
from ui.evaluate_results import MetricsPanel, ThresholdBar
from ui.evaluate_run import EvaluateRunBar
from ui.evaluate_workers import thumbnails
from ui.role_guard import engineer_ok
from ui.workers import run_async, wait_for_pool
from widgets.charts import ScoreHistogram, histogram_bins

if TYPE_CHECKING:
    from station.settings import Settings
    from ui.station_bridge import StationBridge

log = logging.getLogger(__name__)


class EvaluatePage(QWidget):
    def __init__(self, bridge: StationBridge, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.settings = settings
        self.report: Any = None
        self.eval_model: Any = None  # what predicted the report (StationModel or AnomalyModel)
        self.labelled_set: Any = None
        self.current_metrics: dict[str, Any] | None = None
        self._threshold = 0.0

        self.run_bar = EvaluateRunBar(bridge, settings)
        self.run_bar.evaluated.connect(self._on_done)
        self.browser = EvalTablePanel(int(getattr(settings.ui, "folder_interval_ms", 1000)))
        self.browser.table.selectionModel().currentRowChanged.connect(self._on_row)
        self.browser.export_csv_button.clicked.connect(self._export_csv)
        self.browser.export_fig_button.clicked.connect(self._export_figures)
        self.overlay = OverlayViewer(float(settings.ui.heatmap_opacity), self._is_selected)
        self.metrics_box = MetricsPanel()
        self.threshold_bar = ThresholdBar()
        self.threshold_bar.slider.valueChanged.connect(self._on_slider)
        self.threshold_bar.threshold_spin.valueChanged.connect(self._on_spin)
        self.threshold_bar.reset_threshold.clicked.connect(
            lambda: self.set_threshold(self.report.threshold) if self.report else None)
        self.threshold_bar.use_button.clicked.connect(self._confirm_use_threshold)
        self.hist = ScoreHistogram(self.tr("Score per true label"))
        self.hist.setMinimumHeight(200)
        self._expose_widgets()

        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.setChildrenCollapsible(False)
        upper.addWidget(self.overlay)
        upper.addWidget(self.metrics_box)
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 1)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        right_split = QSplitter(Qt.Orientation.Vertical)
        right_split.addWidget(upper)
        right_split.addWidget(self.hist)
        right_split.setStretchFactor(0, 3)
        right_split.setStretchFactor(1, 2)
        rl.addWidget(right_split, 1)
        rl.addWidget(self.threshold_bar)
        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(self.browser)
        main.addWidget(right)
        main.setStretchFactor(0, 2)
        main.setStretchFactor(1, 5)
        main.setChildrenCollapsible(False)
        main.setSizes([360, 1100])

        lay = QVBoxLayout(self)
        lay.addWidget(self.run_bar)
        lay.addWidget(main, 1)

        bridge.modelChanged.connect(lambda _info: self._update_use_button())
        self._set_results_enabled(False)

    def _expose_widgets(self) -> None:
        """The panels' widgets under the page's names (tests and tools reach through the page)."""
        run, table, view, m, bar = self.run_bar, self.browser, self.overlay, self.metrics_box, self.threshold_bar
        self.folder_edit, self.model_combo, self.model_file = run.folder_edit, run.model_combo, run.model_file
        self.model_browse, self.run_button, self.cancel_button = run.model_browse, run.run_button, run.cancel_button
        self.progress, self.status = run.progress, run.status
        self.table_model, self.proxy, self.table = table.table_model, table.proxy, table.table
        self.play_button, self.interval, self.errors_only = table.play_button, table.interval, table.errors_only
        self.export_csv_button, self.export_fig_button = table.export_csv_button, table.export_fig_button
        self.viewer, self.original_view, self.viewer_caption = view.viewer, view.original_view, view.caption
        self.miss_label, self.over_label, self.acc_label = m.miss_label, m.over_label, m.acc_label
        self.auroc_label, self.pixel_label, self.confusion_cells = m.auroc_label, m.pixel_label, m.confusion_cells
        self.slider, self.threshold_spin = bar.slider, bar.threshold_spin
        self.reset_threshold, self.use_button = bar.reset_threshold, bar.use_button

    def title(self) -> str:
        return self.tr("Evaluate")

    # -- running ------------------------------------------------------------------------------------
    def start(self) -> bool:
        """Start an evaluation with the chosen folder and model; False (with a message) if not possible."""
        return self.run_bar.start()

    def cancel(self) -> None:
        self.run_bar.cancel()

    def is_running(self) -> bool:
        return self.run_bar.is_running()

    def _error(self, message: str) -> None:
        self.run_bar.show_error(message)

    def _on_done(self, result: tuple[Any, Any, Any]) -> None:
        report, model, labelled = result
        self.report, self.eval_model, self.labelled_set = report, model, labelled
        self.run_bar.show_done()
        self.threshold_bar.set_span(*score_range(np.array([r.score for r in report.rows], dtype=float),
                                                 report.threshold))
        self.table_model.set_rows(report.rows, report.threshold)
        self._set_results_enabled(True)
        self._draw_histogram()
        self.set_threshold(report.threshold)
        n_ok = sum(r.label == "OK" for r in report.rows)
        mark_validated(self.settings.data_dir, str(report.model.get("id", "")), dataset=str(report.dataset),
                       ng_count=len(report.rows) - n_ok)  # checked on NG parts: no longer "not validated"
        self.status.setText(self.tr("{0}: {1} images ({2} OK, {3} NG), model {4}").format(
            Path(report.dataset).name, len(report.rows), n_ok, len(report.rows) - n_ok, report.model.get("name")))
        if report.rows:
            self.select_source_row(0)
        run_async(thumbnails, [r.path for r in report.rows], on_done=self._on_thumbs)

    def _on_thumbs(self, thumbs: dict[int, QImage]) -> None:
        if self.report is not None and len(thumbs) <= len(self.report.rows):
            self.table_model.set_thumbnails(thumbs)

    def _set_results_enabled(self, on: bool) -> None:
        for w in (self.slider, self.threshold_spin, self.reset_threshold, self.export_csv_button,
                  self.export_fig_button, self.play_button):
            w.setEnabled(on)
        self._update_use_button()

    # -- threshold ----------------------------------------------------------------------------------
    @property
    def threshold(self) -> float:
        return self._threshold

    @property
    def _lo(self) -> float:
        return self.threshold_bar.scale.lo

    @property
    def _hi(self) -> float:
        return self.threshold_bar.scale.hi

    def _on_slider(self, value: int) -> None:
        if self.report is not None:
            self.set_threshold(self.threshold_bar.slider_value(value), from_slider=True)

    def _commit_typed(self) -> None:
        """A threshold still being typed is taken as it reads before it is used."""
        typed = self.threshold_bar.typed()
        if self.report is not None and abs(typed - self._threshold) > 10 ** -(self.threshold_spin.decimals() + 1):
            self.set_threshold(typed)

    def _on_spin(self, value: float) -> None:
        if self.report is not None and abs(value - self._threshold) > 1e-12:
            self.set_threshold(value)

    def set_threshold(self, t: float, from_slider: bool = False) -> dict[str, Any] | None:
        """Show the rates at threshold ``t`` (recomputed from the stored scores); returns the metrics."""
        if self.report is None:
            return None
        self._threshold = float(t)
        self.threshold_bar.show_threshold(t, from_slider)
        m = self.report.metrics(t)
        self.current_metrics = m
        self.metrics_box.show_metrics(m)
        self.browser.set_threshold(t)
        self.hist.set_threshold(t)
        self._update_use_button()
        return m

    def _draw_histogram(self) -> None:
        ok, ng = scores_by_label(self.report.rows)
        edges = histogram_bins(ok + ng, bins=30, extra=[self.report.threshold])
        self.hist.set_data(edges, {self.tr("true OK"): np.histogram(ok, edges)[0],
                                   self.tr("true NG"): np.histogram(ng, edges)[0]},
                           threshold=self.report.threshold, x_label=self.tr("anomaly score"))

    def _update_use_button(self) -> None:
        info = self.bridge.model_info()
        ok = (self.report is not None and info is not None and info.id == self.report.model.get("id"))
        self.use_button.setEnabled(ok)
        self.use_button.setToolTip(self.tr("Set the active model's threshold to this value") if ok else
                                   self.tr("Only for the active model: evaluate it (or load this model) first"))

    def _confirm_use_threshold(self) -> None:
        self._commit_typed()
        if not engineer_ok(self.bridge, self, self.use_button.text()):
            return
        answer = QMessageBox.question(
            self, self.tr("Use this threshold"),
            self.tr("Set the active model's threshold to {0:.4g}? The line judges with it from the next part.")
            .format(self._threshold))
        if answer == QMessageBox.StandardButton.Yes:
            self.apply_threshold()

    def apply_threshold(self) -> bool:
        """Give the active model the slider's threshold (``station.set_params``)."""
        params = self.bridge.params()
        if params is None or self.report is None:
            return False
        try:
            apply_params(self.bridge.station, params.with_(threshold=float(self._threshold)), confirmed=True)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            self._error(str(exc))
            return False
        self.status.setText(self.tr("The active model now uses threshold {0:.4g}.").format(self._threshold))
        return True

    # -- image overlay ------------------------------------------------------------------------------
    def _on_row(self, current: Any, _previous: Any) -> None:
        if not current.isValid() or self.report is None or self.eval_model is None:
            return
        src = self.proxy.mapToSource(current).row()
        self.overlay.show_image(self.eval_model, self.table_model.row(src).path, self._caption(src))

    def _is_selected(self, path: str) -> bool:
        row = self.browser.current_source_row()
        return row is not None and self.table_model.row(row).path == path

    def select_source_row(self, i: int) -> bool:
        """Select image ``i`` of the report (whatever the sorting); False when it is filtered out."""
        return self.browser.select_source_row(i)

    def _caption(self, i: int) -> str:
        return self.browser.caption(i)

    # -- export -------------------------------------------------------------------------------------
    def write_csv(self, path: str | Path) -> Path:
        """The seed-001 result file at the current threshold (the same file as the CLI's ``--csv``)."""
        return self.report.write_csv(path, threshold=self._threshold)

    def export_figures(self, folder: str | Path) -> list[Path]:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        files = [self.hist.export_png(folder / "score_histogram.png"), self.hist.write_csv(folder / "score_histogram.csv")]
        metrics_png = folder / "metrics.png"
        if not self.metrics_box.grab().save(str(metrics_png)):
            raise OSError(f"could not write {metrics_png}")
        files.append(metrics_png)
        files.append(write_summary(self.report, self._threshold, folder / "evaluation.json"))
        return files

    def _export_csv(self) -> None:
        if self.report is None:
            return
        name = f"{Path(self.report.dataset).name}_result.csv"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export per-image CSV"), name,
                                              self.tr("CSV files (*.csv)"))
        if path:
            try:
                self.write_csv(path)
                self.status.setText(self.tr("Written: {0}").format(path))
            except OSError as exc:
                QMessageBox.warning(self, self.tr("Export"), str(exc))

    def _export_figures(self) -> None:
        if self.report is None:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export figures into folder"))
        if folder:
            try:
                files = self.export_figures(folder)
                self.status.setText(self.tr("{0} files written to {1}").format(len(files), folder))
            except OSError as exc:
                QMessageBox.warning(self, self.tr("Export"), str(exc))

    def shortcut_help(self) -> list[tuple[str, str]]:
        return [(self.tr("Evaluate: ↑ / ↓"), self.tr("previous / next image"))]

    def shutdown(self) -> None:
        self.browser.shutdown()
        self.run_bar.shutdown()
        self.overlay.cancel()
        wait_for_pool(3000)
