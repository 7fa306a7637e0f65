"""Shift counters: total, OK, NG and yield, with a Reset the shift lead presses at hand-over."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QMessageBox, QPushButton, QWidget


class ShiftCounters(QFrame):
    """Counts verdicts since the last reset; ``counts()`` returns (total, ok, ng)."""

    resetClicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shiftCounters")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._ok = 0
        self._ng = 0
        # Set by the window: returns False when the engineer PIN is needed and not given (roles).
        self.guard: Callable[[], bool] | None = None
        self.counts_before_reset: tuple[int, int] | None = None
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setHorizontalSpacing(12)
        self.captions: list[QLabel] = []
        self.values: dict[str, QLabel] = {}
        for col, key in enumerate(("total", "ok", "ng", "yield")):
            cap = QLabel()
            cap.setAlignment(Qt.AlignmentFlag.AlignCenter)
            val = QLabel("0")
            val.setObjectName(f"counter_{key}")
            val.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(cap, 0, col)
            grid.addWidget(val, 1, col)
            self.captions.append(cap)
            self.values[key] = val
        self.reset_button = QPushButton()
        self.reset_button.clicked.connect(self._on_reset)
        grid.addWidget(self.reset_button, 0, 4, 2, 1)
        self._big = False
        self.retranslate()
        self._refresh()

    def retranslate(self) -> None:
        for cap, text in zip(self.captions, (self.tr("Total"), self.tr("OK"), self.tr("NG"), self.tr("Yield")),
                             strict=True):
            cap.setText(text)
        self.reset_button.setText(self.tr("Reset"))
        self.reset_button.setToolTip(self.tr("Start counting a new shift"))

    def add(self, verdict: str) -> None:
        if verdict == "OK":
            self._ok += 1
        else:
            self._ng += 1
        self._refresh()

    def counts(self) -> tuple[int, int, int]:
        return self._ok + self._ng, self._ok, self._ng

    def yield_percent(self) -> float | None:
        total = self._ok + self._ng
        return 100.0 * self._ok / total if total else None

    def set_counts(self, ok: int, ng: int) -> None:
        """Counts derived elsewhere (the history of the current shift after a restart)."""
        self._ok, self._ng = max(0, int(ok)), max(0, int(ng))
        self._refresh()

    def reset(self) -> None:
        self._ok = self._ng = 0
        self._refresh()

    def _on_reset(self) -> None:
        """Reset asks first: a slip of the mouse must not lose the shift's figures."""
        if self.guard is not None and not self.guard():
            return
        total, ok, ng = self.counts()
        self.counts_before_reset = (ok, ng)
        if total:
            answer = QMessageBox.question(
                self, self.tr("Reset the counters"),
                self.tr("Set the shift counters (%1 parts, %2 NG) back to zero?")
                .replace("%1", str(total)).replace("%2", str(ng)),
                QMessageBox.StandardButton.Reset | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Reset:
                return
        self.reset()
        self.resetClicked.emit()

    def set_big(self, big: bool) -> None:
        self._big = big
        self._refresh()

    def _refresh(self) -> None:
        total, ok, ng = self.counts()
        y = self.yield_percent()
        self.values["total"].setText(str(total))
        self.values["ok"].setText(str(ok))
        self.values["ng"].setText(str(ng))
        self.values["yield"].setText("—" if y is None else f"{y:.1f} %")
        size = 44 if self._big else 26
        colors = {"total": "palette(window-text)", "ok": "#34a853", "ng": "#ea4335", "yield": "palette(window-text)"}
        for key, label in self.values.items():
            label.setStyleSheet(f"font-size: {size}px; font-weight: bold; color: {colors[key]};")
        for cap in self.captions:
            cap.setStyleSheet(f"font-size: {18 if self._big else 13}px;")
