"""Editors for an engine algorithm's parameters, built from its ``ParamSpec`` list.

Why apart from the train dialog: the form knows only the registry's types, ranges and defaults
(``inference.algorithms``), nothing of training; the dialog shows it under "Set the algorithm
parameters myself" and reads back what differs from the defaults. The registry is Qt-free, so its
texts are translated here in the ``AlgorithmRegistry`` context.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QLabel, QSpinBox, QWidget


def registry_text(text: str) -> str:
    """Algorithm titles and descriptions come from the (Qt-free) engine registry; translate them here."""
    return QCoreApplication.translate("AlgorithmRegistry", text)


class ParamForm(QWidget):
    """Editors for an algorithm's ``ParamSpec`` list: types, ranges and defaults from the registry."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._form = QFormLayout(self)
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.editors: dict[str, QWidget] = {}
        self._specs: dict[str, Any] = {}

    def set_spec(self, spec: Any) -> None:
        while self._form.rowCount():
            self._form.removeRow(0)
        self.editors.clear()
        self._specs = {p.name: p for p in spec.parameters}
        for p in spec.parameters:
            editor = self._editor_for(p)
            editor.setToolTip(registry_text(p.description))
            label = QLabel(p.name.replace("_", " "))  # the key, as in `--param KEY=VALUE`
            label.setToolTip(registry_text(p.description))
            self._form.addRow(label, editor)
            self.editors[p.name] = editor

    @staticmethod
    def _editor_for(p: Any) -> QWidget:
        if p.type == "bool":
            box = QCheckBox()
            box.setChecked(bool(p.default))
            return box
        if p.type == "choice":
            combo = QComboBox()
            combo.addItems(list(p.choices))
            combo.setCurrentText(str(p.default))
            return combo
        if p.type == "int":
            spin = QSpinBox()
            spin.setRange(int(p.minimum) if p.minimum is not None else -(2**31),
                          int(p.maximum) if p.maximum is not None else 2**31 - 1)
            spin.setValue(int(p.default))
            return spin
        dspin = QDoubleSpinBox()
        dspin.setDecimals(4)
        dspin.setRange(float(p.minimum) if p.minimum is not None else -1e9,
                       float(p.maximum) if p.maximum is not None else 1e9)
        dspin.setSingleStep(0.01)
        dspin.setValue(float(p.default))
        return dspin

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, editor in self.editors.items():
            if isinstance(editor, QCheckBox):
                out[name] = editor.isChecked()
            elif isinstance(editor, QComboBox):
                out[name] = editor.currentText()
            elif isinstance(editor, (QSpinBox, QDoubleSpinBox)):
                out[name] = editor.value()
        return out

    def changed_values(self) -> dict[str, Any]:
        """Only what differs from the defaults (the bundle's manifest records the full resolved set)."""
        return {k: v for k, v in self.values().items() if v != self._specs[k].default}

    def reset(self) -> None:
        for name, p in self._specs.items():
            editor = self.editors[name]
            if isinstance(editor, QCheckBox):
                editor.setChecked(bool(p.default))
            elif isinstance(editor, QComboBox):
                editor.setCurrentText(str(p.default))
            elif isinstance(editor, (QSpinBox, QDoubleSpinBox)):
                editor.setValue(p.default)
