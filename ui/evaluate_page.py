"""Evaluate page: how good is this model on a labelled set, and where should its threshold sit?

The seed-001 simulator in the station: pick a labelled folder (MVTec category or ``OK/`` + ``NG/``)
and a model, run ``inference.evaluation.evaluate`` in a worker (progress, Cancel), then browse
every image with its overlay, read miss / over-detection rates, the confusion matrix and AUROCs,
and drag a threshold slider that recomputes the rates from the stored scores (no re-inference).
"Use this threshold" hands the value to the station for the active model.

The active model is evaluated through the station's own inference worker (``station.preview``),
so the one-thread-per-model rule holds while the line runs; a model file is loaded privately.

Why it stays one file for now (~620 lines): the run controls, the results table and the overlay
viewer will become panels (issue 11, item 5); this page is being edited on other branches, so the
split waits until that work has landed. The off-GUI-thread helpers already live in
``ui.evaluate_workers``.
"""

from __future__ import annotations

import html
import json
import logging
import random
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSlider,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from station.changeover import apply_params
from station.validation import mark_validated
from ui.evaluate_workers import StationModel, predict_one, thumbnails
from ui.role_guard import engineer_ok
from ui.workers import LatestOnly, Worker, create_worker, run_async, wait_for_pool
from widgets.charts import ScoreHistogram, histogram_bins
from widgets.eval_table import THUMB, ErrorFilterProxy, EvalTableModel
from widgets.image_view import ImageView

if TYPE_CHECKING:
    from station.settings import Settings
    from ui.station_bridge import StationBridge

log = logging.getLogger(__name__)

SLIDER_STEPS = 1000


def _fmt_rate(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f} %"


def _fmt_auc(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


class EvaluatePage(QWidget):
    def __init__(self, bridge: StationBridge, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.settings = settings
        self.report: Any = None
        self.eval_model: Any = None  # what predicted the report (StationModel or AnomalyModel)
        self.labelled_set: Any = None
        self._task: Worker | None = None
        self._threshold = 0.0
        self._lo, self._hi = 0.0, 1.0
        self._order: list[int] = []

        # -- inputs
        self.folder_edit = QLineEdit()
        self.folder_edit.setPlaceholderText(self.tr("labelled folder: MVTec category (test/…) or OK/ + NG/"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse_folder)
        self.model_combo = QComboBox()
        self.model_combo.addItem(self.tr("Active model"), "active")
        self.model_combo.addItem(self.tr("Model file…"), "file")
        self.model_file = QLineEdit()
        self.model_file.setPlaceholderText(self.tr("model file (.qcs)"))
        self.model_browse = QPushButton(self.tr("Browse…"))
        self.model_browse.clicked.connect(self._browse_model)
        self.run_button = QPushButton(self.tr("Evaluate"))
        self.run_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(True)
        self.progress.setFormat("")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.run_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.model_combo.currentIndexChanged.connect(self._on_model_choice)

        top = QGridLayout()
        top.addWidget(QLabel(self.tr("Dataset")), 0, 0)
        top.addWidget(self.folder_edit, 0, 1)
        top.addWidget(browse, 0, 2)
        top.addWidget(QLabel(self.tr("Model")), 0, 3)
        top.addWidget(self.model_combo, 0, 4)
        top.addWidget(self.model_file, 0, 5)
        top.addWidget(self.model_browse, 0, 6)
        top.addWidget(self.run_button, 0, 7)
        top.addWidget(self.cancel_button, 0, 8)
        top.addWidget(self.progress, 1, 0, 1, 5)
        top.addWidget(self.status, 1, 5, 1, 4)
        top.setColumnStretch(1, 3)
        top.setColumnStretch(5, 2)

        # -- per-image table
        self.table_model = EvalTableModel(self)
        self.proxy = ErrorFilterProxy(self.table_model, self)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # report order first
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(THUMB + 6)
        self.table.setIconSize(QSize(THUMB, THUMB))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        self.play_button = QPushButton(self.tr("▶ Play shuffled"))
        self.play_button.setCheckable(True)
        self.play_button.toggled.connect(self._toggle_play)
        self.interval = QSpinBox()
        self.interval.setRange(100, 10_000)
        self.interval.setSingleStep(100)
        self.interval.setSuffix(" ms")
        self.interval.setValue(max(100, int(getattr(settings.ui, "folder_interval_ms", 1000)) or 1000))
        self.export_csv_button = QPushButton(self.tr("Export CSV…"))
        self.export_fig_button = QPushButton(self.tr("Export figures…"))
        self.export_csv_button.clicked.connect(self._export_csv)
        self.export_fig_button.clicked.connect(self._export_figures)
        table_box = QWidget()
        tl = QVBoxLayout(table_box)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.errors_only = QCheckBox(self.tr("Errors only"))
        self.errors_only.setToolTip(self.tr("Show only missed defects and over-detections at this threshold"))
        self.errors_only.toggled.connect(self.proxy.set_errors_only)
        row.addWidget(self.play_button)
        row.addWidget(self.interval)
        row.addWidget(self.errors_only)
        row.addStretch(1)
        row.addWidget(self.export_csv_button)
        row.addWidget(self.export_fig_button)
        tl.addLayout(row)

        # -- image with overlay
        self.viewer = ImageView()  # part 1's zoomable view: heatmap overlay + boxes with scores
        self.viewer.set_placeholder(self.tr("Run an evaluation, then pick an image."))
        self.viewer.set_heatmap_opacity(float(settings.ui.heatmap_opacity))
        self.viewer.setToolTip(self.tr("Heatmap and defect boxes"))
        self.original_view = ImageView()
        self.original_view.setToolTip(self.tr("Original image"))
        self.viewer_caption = QLabel()
        self.viewer_caption.setWordWrap(True)
        self.viewer_caption.setTextFormat(Qt.TextFormat.RichText)
        viewer_box = QWidget()
        vl = QVBoxLayout(viewer_box)
        vl.setContentsMargins(0, 0, 0, 0)
        pair = QSplitter(Qt.Orientation.Horizontal)
        pair.addWidget(self.original_view)
        pair.addWidget(self.viewer)
        pair.setChildrenCollapsible(False)  # the annotated half never disappears on a small screen
        pair.setStretchFactor(0, 1)
        pair.setStretchFactor(1, 1)
        pair.setSizes([1000, 1000])  # equal halves
        vl.addWidget(pair, 1)
        vl.addWidget(self.viewer_caption)

        # -- metrics
        self.metrics_box = QGroupBox(self.tr("Results"))
        form = QFormLayout(self.metrics_box)
        self.miss_label = QLabel("–")
        self.over_label = QLabel("–")
        self.acc_label = QLabel("–")
        self.auroc_label = QLabel("–")
        self.pixel_label = QLabel("–")
        for lab in (self.miss_label, self.over_label):
            lab.setStyleSheet("font-size: 16pt; font-weight: bold;")
        form.addRow(self.tr("Miss rate"), self.miss_label)
        form.addRow(self.tr("Over-detection rate"), self.over_label)
        self.miss_label.setToolTip(self.tr("Share of true NG images judged OK"))
        self.over_label.setToolTip(self.tr("Share of true OK images judged NG"))
        form.addRow(self.tr("Accuracy"), self.acc_label)
        form.addRow(self.tr("Image AUROC"), self.auroc_label)
        form.addRow(self.tr("Pixel AUROC"), self.pixel_label)
        self.confusion = QGridLayout()
        self.confusion_cells: dict[str, QLabel] = {}
        self.confusion.addWidget(QLabel(""), 0, 0)
        self.confusion.addWidget(QLabel(self.tr("judged OK")), 0, 1, alignment=Qt.AlignmentFlag.AlignCenter)
        self.confusion.addWidget(QLabel(self.tr("judged NG")), 0, 2, alignment=Qt.AlignmentFlag.AlignCenter)
        self.confusion.addWidget(QLabel(self.tr("true OK")), 1, 0)
        self.confusion.addWidget(QLabel(self.tr("true NG")), 2, 0)
        for key, (r, c) in {"tn": (1, 1), "fp": (1, 2), "fn": (2, 1), "tp": (2, 2)}.items():
            cell = QLabel("–")
            cell.setAlignment(Qt.AlignmentFlag.AlignCenter)
            cell.setMinimumWidth(60)
            cell.setStyleSheet("border: 1px solid gray; padding: 6px; font-size: 13pt;")
            self.confusion.addWidget(cell, r, c)
            self.confusion_cells[key] = cell
        form.addRow(self.tr("Confusion matrix"), QWidget())
        form.addRow(self.confusion)
        self.metrics_box.setMinimumWidth(280)

        # -- threshold
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, SLIDER_STEPS)
        self.slider.setEnabled(False)
        self.threshold_spin = QDoubleSpinBox()
        self.threshold_spin.setDecimals(4)
        self.threshold_spin.setRange(-1e9, 1e9)
        self.threshold_spin.setEnabled(False)
        # Typed values count when finished (Enter, focus out): a value per keystroke re-wrote
        # the text under the cursor (1.35 became 1.30) and left a half-typed threshold applied.
        self.threshold_spin.setKeyboardTracking(False)
        self.reset_threshold = QPushButton(self.tr("Model's threshold"))
        self.use_button = QPushButton(self.tr("Use this threshold"))
        self.use_button.setEnabled(False)
        self.reset_threshold.setEnabled(False)
        self.slider.valueChanged.connect(self._on_slider)
        self.threshold_spin.valueChanged.connect(self._on_spin)
        self.reset_threshold.clicked.connect(lambda: self.set_threshold(self.report.threshold) if self.report else None)
        self.use_button.clicked.connect(self._confirm_use_threshold)
        thr = QHBoxLayout()
        thr.addWidget(QLabel(self.tr("Threshold")))
        thr.addWidget(self.slider, 1)
        thr.addWidget(self.threshold_spin)
        thr.addWidget(self.reset_threshold)
        thr.addWidget(self.use_button)

        self.hist = ScoreHistogram(self.tr("Score per true label"))
        self.hist.setMinimumHeight(200)

        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.setChildrenCollapsible(False)
        upper.addWidget(viewer_box)
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
        rl.addLayout(thr)
        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(table_box)
        main.addWidget(right)
        main.setStretchFactor(0, 2)
        main.setStretchFactor(1, 5)
        main.setChildrenCollapsible(False)
        main.setSizes([360, 1100])

        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(main, 1)

        self._overlay = LatestOnly(self)
        self._overlay.resultReady.connect(self._on_overlay)
        self._overlay.failed.connect(self._on_overlay_failed)
        self._play_timer = QTimer(self)
        self._play_timer.timeout.connect(self._play_step)
        self.interval.valueChanged.connect(self._play_timer.setInterval)
        bridge.modelChanged.connect(lambda _info: self._update_use_button())
        self._on_model_choice()
        self._set_results_enabled(False)

    def title(self) -> str:
        return self.tr("Evaluate")

    # -- inputs -------------------------------------------------------------------------------------
    def _browse_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Labelled folder"), self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def _browse_model(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Model file"), str(self.settings.models_dir),
                                              self.tr("QC Station models (*.qcs)"))
        if path:
            self.model_file.setText(path)
            self.model_combo.setCurrentIndex(self.model_combo.findData("file"))

    def _on_model_choice(self, *_args: Any) -> None:
        from_file = self.model_combo.currentData() == "file"
        self.model_file.setEnabled(from_file)
        self.model_browse.setEnabled(from_file)
        if from_file and not self.model_file.text() and self.isVisible():
            self._browse_model()

    # -- running ------------------------------------------------------------------------------------
    def start(self) -> bool:
        """Start an evaluation with the chosen folder and model; False (with a message) if not possible."""
        if self._task is not None and self._task.is_running():
            return False
        folder = self.folder_edit.text().strip()
        if not folder or not Path(folder).is_dir():
            self._error(self.tr("Choose a labelled folder that exists."))
            return False
        use_file = self.model_combo.currentData() == "file"
        model_path = self.model_file.text().strip()
        if use_file and not Path(model_path).is_file():
            self._error(self.tr("Choose a model file (.qcs) that exists."))
            return False
        if not use_file and self.bridge.station.model is None:
            self._error(self.tr("No active model: load or train one, or choose a model file."))
            return False
        device = self.settings.inference.device
        station = self.bridge.station

        def work(progress, cancel: threading.Event):
            from inference import load
            from inference.evaluation import evaluate, load_labelled_folder

            progress("indexing", 0.0)
            labelled = load_labelled_folder(folder)
            if use_file:
                progress("loading model", 0.0)
                model = load(model_path, device=device)
            else:
                model = StationModel(station) if station.running else station.model
            report = evaluate(model, labelled, progress=progress, cancel=cancel)
            return report, model, labelled

        self._task = create_worker(work, _progress=True, _long=True, _start=False,
                                   _name="qcs-evaluate")
        self._task.progress.connect(self._on_progress)
        self._task.returned.connect(self._on_done)
        self._task.errored.connect(self._on_failed)
        self._task.cancelled.connect(self._on_cancelled)
        self._task.finished.connect(self._on_finished)
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("starting…"))
        self.status.setText("")
        self._task.start()
        return True

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.status.setText(self.tr("Cancelling…"))

    def is_running(self) -> bool:
        return self._task is not None and self._task.is_running()

    def _on_progress(self, stage: str, fraction: float) -> None:
        stages = {"indexing": self.tr("indexing the folder"), "loading model": self.tr("loading the model"),
                  "evaluating": self.tr("evaluating")}
        self.progress.setValue(int(fraction * 1000))
        self.progress.setFormat(f"{stages.get(stage, stage)} %p%")

    def _on_finished(self) -> None:
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _on_failed(self, message: str) -> None:
        self.progress.setFormat(self.tr("failed"))
        self._error(message)

    def _on_cancelled(self) -> None:
        self.progress.setFormat(self.tr("cancelled"))
        self.status.setText(self.tr("Evaluation cancelled; the previous results stay."))

    def _error(self, message: str) -> None:
        self.status.setText(f"<span style='color:#d33'>{message}</span>")

    def _on_done(self, result: tuple[Any, Any, Any]) -> None:
        report, model, labelled = result
        self.report, self.eval_model, self.labelled_set = report, model, labelled
        self.progress.setValue(1000)
        self.progress.setFormat(self.tr("done"))
        scores = np.array([r.score for r in report.rows], dtype=float)
        lo = float(min(scores.min(), report.threshold)) if len(scores) else 0.0
        hi = float(max(scores.max(), report.threshold)) if len(scores) else 1.0
        pad = (hi - lo) * 0.05 or 0.5
        self._lo, self._hi = lo - pad, hi + pad
        self.threshold_spin.blockSignals(True)
        self.threshold_spin.setRange(self._lo, self._hi)
        self.threshold_spin.setSingleStep((self._hi - self._lo) / 200)
        self.threshold_spin.blockSignals(False)
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

    def _to_slider(self, t: float) -> int:
        return int(round((t - self._lo) / (self._hi - self._lo) * SLIDER_STEPS)) if self._hi > self._lo else 0

    def _from_slider(self, v: int) -> float:
        return self._lo + (self._hi - self._lo) * v / SLIDER_STEPS

    def _on_slider(self, value: int) -> None:
        if self.report is not None:
            self.set_threshold(self._from_slider(value), from_slider=True)

    def _commit_typed(self) -> None:
        """A threshold still being typed is taken as it reads before it is used."""
        spin = self.threshold_spin
        spin.interpretText()
        if self.report is not None and abs(spin.value() - self._threshold) > 10 ** -(spin.decimals() + 1):
            self.set_threshold(spin.value())

    def _on_spin(self, value: float) -> None:
        if self.report is not None and abs(value - self._threshold) > 1e-12:
            self.set_threshold(value)

    def set_threshold(self, t: float, from_slider: bool = False) -> dict[str, Any] | None:
        """Show the rates at threshold ``t`` (recomputed from the stored scores); returns the metrics."""
        if self.report is None:
            return None
        self._threshold = float(t)
        if not from_slider:
            self.slider.blockSignals(True)
            self.slider.setValue(self._to_slider(t))
            self.slider.blockSignals(False)
        if abs(self.threshold_spin.value() - t) > 10 ** -(self.threshold_spin.decimals() + 1):
            self.threshold_spin.blockSignals(True)
            self.threshold_spin.setValue(t)
            self.threshold_spin.blockSignals(False)
        m = self.report.metrics(t)
        self.current_metrics = m
        self.miss_label.setText(_fmt_rate(m["miss_rate"]))
        self.over_label.setText(_fmt_rate(m["over_detection_rate"]))
        self.acc_label.setText(_fmt_rate(m["accuracy"]))
        self.auroc_label.setText(_fmt_auc(m["image_auroc"]))
        self.pixel_label.setText(_fmt_auc(m["pixel_auroc"]) if m["pixel_auroc"] is not None
                                 else self.tr("– no masks"))
        for key, cell in self.confusion_cells.items():
            cell.setText(str(m["confusion"][key]))
        self.table_model.set_threshold(t)
        self.proxy.threshold_changed()
        self.hist.set_threshold(t)
        self._update_use_button()
        return m

    def _draw_histogram(self) -> None:
        rows = self.report.rows
        ok = [r.score for r in rows if r.label == "OK"]
        ng = [r.score for r in rows if r.label == "NG"]
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

    # -- image overlay & playback -------------------------------------------------------------------
    def _on_row(self, current: Any, _previous: Any) -> None:
        if not current.isValid() or self.report is None or self.eval_model is None:
            return
        src = self.proxy.mapToSource(current).row()
        row = self.table_model.row(src)
        self.viewer_caption.setText(self._caption(src))
        self._overlay.submit(predict_one, self.eval_model, row.path)

    def select_source_row(self, i: int) -> bool:
        """Select image ``i`` of the report (whatever the sorting); False when it is filtered out."""
        index = self.proxy.mapFromSource(self.table_model.index(i, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        return True

    def _caption(self, i: int) -> str:
        r = self.table_model.row(i)
        pred = self.table_model.prediction(i)
        # the verdict in its own colour (OK green, NG red); right or wrong is a mark beside it
        color = "#2a2" if pred == "OK" else "#d33"
        mark = "✓" if pred == r.label else "✗"
        true_, judged, score = self.tr("true"), self.tr("judged"), self.tr("score")
        return (f"<b>{html.escape(r.name)}</b> &nbsp; {true_} <b>{r.label}</b> ({html.escape(r.defect)}) &nbsp; "
                f"{judged} <b style='color:{color}'>{pred}</b> {mark} &nbsp; {score} {r.score:.4g}")

    def _on_overlay(self, _token: int, result: tuple[str, np.ndarray, Any]) -> None:
        path, image, res = result
        current = self.proxy.mapToSource(self.table.currentIndex())
        if current.isValid() and self.table_model.row(current.row()).path == path:
            self.original_view.set_image(image)
            self.viewer.show_result(image, res)

    def _on_overlay_failed(self, _token: int, reason: str) -> None:
        self.viewer.clear()
        self.original_view.clear()
        self.viewer.set_placeholder(reason)

    def _toggle_play(self, on: bool) -> None:
        if on and self.report is not None and self.report.rows:
            self._order = list(range(len(self.report.rows)))
            random.shuffle(self._order)
            self._play_timer.setInterval(self.interval.value())
            self._play_timer.start()
            self.play_button.setText(self.tr("■ Stop"))
            self._play_step()
        else:
            self._play_timer.stop()
            self.play_button.setText(self.tr("▶ Play shuffled"))
            if self.play_button.isChecked():
                self.play_button.setChecked(False)

    def _play_step(self) -> None:
        if not self._order:
            self._toggle_play(False)
            return
        while self._order and not self.select_source_row(self._order.pop(0)):
            pass  # hidden by "errors only": go to the next one

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
        report = self.report.to_json()
        report["at_selected_threshold"] = self.report.metrics(self._threshold)
        summary = folder / "evaluation.json"
        summary.write_text(json.dumps(report, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
        files.append(summary)
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
        self._play_timer.stop()
        if self._task is not None:
            self._task.cancel()
            self._task.wait(5)  # an event loop, not a join: the window keeps drawing
        self._overlay.cancel()
        wait_for_pool(3000)
