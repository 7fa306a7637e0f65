"""The Evaluate page's figures: the rates and confusion matrix at a threshold, and the threshold
bar that moves them.

Why apart from the page: these widgets only *show* ``EvaluationReport.metrics(t)`` and hold the
slider/spin pair in step (``station.threshold_scale``); which threshold is current and what
"Use this threshold" does stays with the page, which owns the report.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QWidget,
)

from station.threshold_scale import SliderScale

SLIDER_STEPS = 1000


def fmt_rate(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f} %"


def fmt_auc(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


class MetricsPanel(QGroupBox):
    """Miss / over-detection rates (large), accuracy, AUROCs and the confusion matrix."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Results"))
        form = QFormLayout(self)
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
        self.setMinimumWidth(280)

    def show_metrics(self, m: dict[str, Any]) -> None:
        """Show one ``EvaluationReport.metrics`` result."""
        self.miss_label.setText(fmt_rate(m["miss_rate"]))
        self.over_label.setText(fmt_rate(m["over_detection_rate"]))
        self.acc_label.setText(fmt_rate(m["accuracy"]))
        self.auroc_label.setText(fmt_auc(m["image_auroc"]))
        self.pixel_label.setText(fmt_auc(m["pixel_auroc"]) if m["pixel_auroc"] is not None
                                 else self.tr("– no masks"))
        for key, cell in self.confusion_cells.items():
            cell.setText(str(m["confusion"][key]))


class ThresholdBar(QWidget):
    """Slider and spin box over the evaluated scores, "Model's threshold", "Use this threshold"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scale = SliderScale(0.0, 1.0, SLIDER_STEPS)
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
        thr = QHBoxLayout(self)
        thr.setContentsMargins(0, 0, 0, 0)
        thr.addWidget(QLabel(self.tr("Threshold")))
        thr.addWidget(self.slider, 1)
        thr.addWidget(self.threshold_spin)
        thr.addWidget(self.reset_threshold)
        thr.addWidget(self.use_button)

    def set_span(self, lo: float, hi: float) -> None:
        """The scores' span (``station.threshold_scale.score_range``): slider and spin cover it."""
        self.scale = SliderScale(lo, hi, SLIDER_STEPS)
        self.threshold_spin.blockSignals(True)
        self.threshold_spin.setRange(lo, hi)
        self.threshold_spin.setSingleStep((hi - lo) / 200)
        self.threshold_spin.blockSignals(False)

    def slider_value(self, position: int) -> float:
        return self.scale.to_value(position)

    def show_threshold(self, t: float, from_slider: bool = False) -> None:
        """Both controls show ``t`` without echoing it back as a change."""
        if not from_slider:
            self.slider.blockSignals(True)
            self.slider.setValue(self.scale.to_position(t))
            self.slider.blockSignals(False)
        if abs(self.threshold_spin.value() - t) > 10 ** -(self.threshold_spin.decimals() + 1):
            self.threshold_spin.blockSignals(True)
            self.threshold_spin.setValue(t)
            self.threshold_spin.blockSignals(False)

    def typed(self) -> float:
        """The spin box's value as it reads now (a value still being typed included)."""
        self.threshold_spin.interpretText()
        return float(self.threshold_spin.value())
