"""The History page's filter bar: name, verdict, defect count, model, part id, dates, score.

Why apart from the page: the bar only turns its widgets into a ``station.history_filter.
HistoryFilter`` and back; it says ``changed`` on every edit and the page decides when to query
(debounced, off the GUI thread).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from station.history_filter import HistoryFilter
from widgets.date_range import DateRangeEdit


class HistoryFilterBar(QWidget):
    """Two rows of filters and "Clear filters"."""

    changed = Signal()  # the user edited a filter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        g = QGridLayout(self)
        g.setContentsMargins(0, 0, 0, 0)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("part of the file name"))
        self.name_edit.setClearButtonEnabled(True)
        self.verdict_combo = QComboBox()
        self.verdict_combo.addItem(self.tr("All"), None)
        self.verdict_combo.addItem(self.tr("OK"), "OK")
        self.verdict_combo.addItem(self.tr("NG"), "NG")
        self.defects_spin = QSpinBox()
        self.defects_spin.setRange(-1, 9999)
        self.defects_spin.setSpecialValueText(self.tr("any"))
        self.defects_spin.setValue(-1)
        self.model_combo = QComboBox()
        self.model_combo.setEditable(True)
        self.model_combo.setMinimumContentsLength(14)
        self.model_combo.addItem(self.tr("All models"), None)
        self.model_combo.lineEdit().setPlaceholderText(self.tr("model id"))

        self.date_check = QCheckBox(self.tr("Dates"))
        self.dates = DateRangeEdit(days=7)
        self.dates.setEnabled(False)
        self.score_check = QCheckBox(self.tr("Score"))
        self.score_min = QDoubleSpinBox()
        self.score_max = QDoubleSpinBox()
        for s, v in ((self.score_min, 0.0), (self.score_max, 10.0)):
            s.setDecimals(4)
            s.setRange(-1e9, 1e9)
            s.setSingleStep(0.1)
            s.setValue(v)
            s.setEnabled(False)
        self.reset_button = QPushButton(self.tr("Clear filters"))
        self.part_edit = QLineEdit()
        self.part_edit.setPlaceholderText(self.tr("part id / code"))
        self.part_edit.setClearButtonEnabled(True)

        row1 = QHBoxLayout()
        for label, widget, stretch in ((self.tr("Name"), self.name_edit, 3), (self.tr("Verdict"), self.verdict_combo, 0),
                                       (self.tr("Defects"), self.defects_spin, 0),
                                       (self.tr("Model"), self.model_combo, 1), (self.tr("Part"), self.part_edit, 1)):
            row1.addWidget(QLabel(label))
            row1.addWidget(widget, stretch)
        row2 = QHBoxLayout()
        row2.addWidget(self.date_check)
        row2.addWidget(self.dates)
        row2.addSpacing(16)
        row2.addWidget(self.score_check)
        row2.addWidget(self.score_min)
        row2.addWidget(QLabel("–"))
        row2.addWidget(self.score_max)
        row2.addStretch(1)
        row2.addWidget(self.reset_button)
        g.addLayout(row1, 0, 0)
        g.addLayout(row2, 1, 0)

        for signal in (self.name_edit.textChanged, self.part_edit.textChanged, self.verdict_combo.currentIndexChanged,
                       self.defects_spin.valueChanged, self.model_combo.currentTextChanged,
                       self.dates.changed,
                       self.score_min.valueChanged, self.score_max.valueChanged):
            signal.connect(self._edited)
        self.date_check.toggled.connect(self._on_date_toggled)
        self.score_check.toggled.connect(self._on_score_toggled)

    def _edited(self, *_args: Any) -> None:
        self.changed.emit()

    def _on_date_toggled(self, on: bool) -> None:
        self.dates.setEnabled(on)
        self.changed.emit()

    def _on_score_toggled(self, on: bool) -> None:
        self.score_min.setEnabled(on)
        self.score_max.setEnabled(on)
        self.changed.emit()

    def current_filter(self) -> HistoryFilter:
        model_text = self.model_combo.currentText().strip()
        idx = self.model_combo.currentIndex()
        if idx >= 0 and model_text == self.model_combo.itemText(idx):
            model_id = self.model_combo.itemData(idx)  # a listed model (None for "All models")
        else:
            model_id = model_text or None  # typed by the user: a model id
        start, end = self.dates.dates() if self.date_check.isChecked() else (None, None)
        return HistoryFilter(
            name=self.name_edit.text(),
            start_date=start,
            end_date=end,
            label=self.verdict_combo.currentData(),
            num=self.defects_spin.value() if self.defects_spin.value() >= 0 else None,
            score_min=self.score_min.value() if self.score_check.isChecked() else None,
            score_max=self.score_max.value() if self.score_check.isChecked() else None,
            model_id=model_id or None,
            part_id=self.part_edit.text(),
        )

    def show_filter(self, f: HistoryFilter) -> None:
        """Fill the widgets from ``f`` without a ``changed`` per widget."""
        widgets = (self.name_edit, self.verdict_combo, self.defects_spin, self.model_combo, self.date_check,
                   self.dates, self.score_check, self.score_min, self.score_max, self.part_edit)
        for w in widgets:
            w.blockSignals(True)
        try:
            self.name_edit.setText(f.name)
            self.part_edit.setText(f.part_id)
            self.verdict_combo.setCurrentIndex(max(0, self.verdict_combo.findData(f.label)) if f.label else 0)
            self.defects_spin.setValue(-1 if f.num is None else f.num)
            idx = self.model_combo.findData(f.model_id) if f.model_id else 0
            if idx >= 0:
                self.model_combo.setCurrentIndex(idx)
            else:
                self.model_combo.setEditText(f.model_id)
            has_dates = f.start_date is not None or f.end_date is not None
            self.date_check.setChecked(has_dates)
            self.dates.set_dates(f.start_date, f.end_date)
            has_score = f.score_min is not None or f.score_max is not None
            self.score_check.setChecked(has_score)
            if f.score_min is not None:
                self.score_min.setValue(f.score_min)
            if f.score_max is not None:
                self.score_max.setValue(f.score_max)
            self.dates.setEnabled(has_dates)
            for w in (self.score_min, self.score_max):
                w.setEnabled(has_score)
        finally:
            for w in widgets:
                w.blockSignals(False)

    def offer_model(self, model_id: str, text: str) -> None:
        """List ``model_id`` in the model filter as ``text`` (renamed in place when it is listed)."""
        idx = self.model_combo.findData(model_id)
        self.model_combo.blockSignals(True)
        if idx < 0:
            self.model_combo.addItem(text, model_id)
        elif self.model_combo.itemText(idx) != text:
            self.model_combo.setItemText(idx, text)
        self.model_combo.blockSignals(False)
