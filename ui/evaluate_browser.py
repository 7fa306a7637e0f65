"""The Evaluate page's per-image browsing: the table of evaluated images (sorting, "errors only",
shuffled playback, the export buttons) and the viewer that shows the selected image with its
heatmap and boxes.

Why two panels, one file: they sit in different halves of the page but do one job together, going
through the evaluated images one by one. The overlay is predicted again for the selected image on
a worker (latest request wins), by the same model that made the report.
"""

from __future__ import annotations

import html
import random
from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.evaluate_workers import predict_one
from ui.workers import LatestOnly
from widgets.eval_table import THUMB, ErrorFilterProxy, EvalTableModel
from widgets.image_view import ImageView


class EvalTablePanel(QWidget):
    """One row per evaluated image; the play / errors-only / export row under it."""

    def __init__(self, interval_ms: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        self.play_button = QPushButton(self.tr("▶ Play shuffled"))
        self.play_button.setCheckable(True)
        self.play_button.toggled.connect(self._toggle_play)
        self.interval = QSpinBox()
        self.interval.setRange(100, 10_000)
        self.interval.setSingleStep(100)
        self.interval.setSuffix(" ms")
        self.interval.setValue(max(100, int(interval_ms) or 1000))
        self.export_csv_button = QPushButton(self.tr("Export CSV…"))
        self.export_fig_button = QPushButton(self.tr("Export figures…"))
        self.errors_only = QCheckBox(self.tr("Errors only"))
        self.errors_only.setToolTip(self.tr("Show only missed defects and over-detections at this threshold"))
        self.errors_only.toggled.connect(self.proxy.set_errors_only)
        tl = QVBoxLayout(self)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.table, 1)
        row = QHBoxLayout()
        for w in (self.play_button, self.interval, self.errors_only, None, self.export_csv_button,
                  self.export_fig_button):
            if w is None:
                row.addStretch(1)
            else:
                row.addWidget(w)
        tl.addLayout(row)

        self._order: list[int] = []
        self._play_timer = QTimer(self)
        self._play_timer.timeout.connect(self._play_step)
        self.interval.valueChanged.connect(self._play_timer.setInterval)

    def set_threshold(self, t: float) -> None:
        self.table_model.set_threshold(t)
        self.proxy.threshold_changed()

    def current_source_row(self) -> int | None:
        """The report row of the selected line (whatever the sorting), None without one."""
        current = self.proxy.mapToSource(self.table.currentIndex())
        return current.row() if current.isValid() else None

    def select_source_row(self, i: int) -> bool:
        """Select image ``i`` of the report (whatever the sorting); False when it is filtered out."""
        index = self.proxy.mapFromSource(self.table_model.index(i, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        return True

    def caption(self, i: int) -> str:
        """Rich text under the viewer: name, true label (defect), the verdict in its colour, score."""
        r = self.table_model.row(i)
        pred = self.table_model.prediction(i)
        # the verdict in its own colour (OK green, NG red); right or wrong is a mark beside it
        color = "#2a2" if pred == "OK" else "#d33"
        mark = "✓" if pred == r.label else "✗"
        true_, judged, score = self.tr("true"), self.tr("judged"), self.tr("score")
        return (f"<b>{html.escape(r.name)}</b> &nbsp; {true_} <b>{r.label}</b> ({html.escape(r.defect)}) &nbsp; "
                f"{judged} <b style='color:{color}'>{pred}</b> {mark} &nbsp; {score} {r.score:.4g}")

    # -- playback ----------------------------------------------------------------------------------
    def _toggle_play(self, on: bool) -> None:
        if on and self.table_model.rowCount() > 0:
            self._order = list(range(self.table_model.rowCount()))
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

    def shutdown(self) -> None:
        self._play_timer.stop()


class OverlayViewer(QWidget):
    """The original image and the annotated one side by side, with the caption under them."""

    def __init__(self, heatmap_opacity: float, is_current: Callable[[str], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._is_current = is_current  # a result is drawn only while its image is still selected
        self.viewer = ImageView()  # part 1's zoomable view: heatmap overlay + boxes with scores
        self.viewer.set_placeholder(self.tr("Run an evaluation, then pick an image."))
        self.viewer.set_heatmap_opacity(float(heatmap_opacity))
        self.viewer.setToolTip(self.tr("Heatmap and defect boxes"))
        self.original_view = ImageView()
        self.original_view.setToolTip(self.tr("Original image"))
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.TextFormat.RichText)
        vl = QVBoxLayout(self)
        vl.setContentsMargins(0, 0, 0, 0)
        pair = QSplitter(Qt.Orientation.Horizontal)
        pair.addWidget(self.original_view)
        pair.addWidget(self.viewer)
        pair.setChildrenCollapsible(False)  # the annotated half never disappears on a small screen
        pair.setStretchFactor(0, 1)
        pair.setStretchFactor(1, 1)
        pair.setSizes([1000, 1000])  # equal halves
        vl.addWidget(pair, 1)
        vl.addWidget(self.caption)
        self._overlay = LatestOnly(self)
        self._overlay.resultReady.connect(self._on_overlay)
        self._overlay.failed.connect(self._on_overlay_failed)

    def show_image(self, model: Any, path: str, caption: str) -> None:
        """Predict ``path`` with ``model`` on a worker; drawn if it is still selected then."""
        self.caption.setText(caption)
        self._overlay.submit(predict_one, model, path)

    def _on_overlay(self, _token: int, result: tuple[str, np.ndarray, Any]) -> None:
        path, image, res = result
        if self._is_current(path):
            self.original_view.set_image(image)
            self.viewer.show_result(image, res)

    def _on_overlay_failed(self, _token: int, reason: str) -> None:
        self.viewer.clear()
        self.original_view.clear()
        self.viewer.set_placeholder(reason)

    def cancel(self) -> None:
        self._overlay.cancel()
