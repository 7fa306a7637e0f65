"""A slim amber strip that says the OK scores have drifted from calibration; hidden otherwise.

Reusable by any page: it shows the text it is given (the station builds the sentence in the UI
language), so the widget knows nothing of the station.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

STYLE = ("QWidget#driftBanner {background: #f9ab00; border-radius: 4px;}"
         " QWidget#driftBanner QLabel {color: #202124;}")


class DriftBanner(QWidget):
    """``show_drift(text)`` shows it; ``clear()`` hides it. ``text()`` is what it says."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("driftBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(10, 6, 10, 6)
        lay.addWidget(self.title)
        lay.addWidget(self.message, 1)
        self.setVisible(False)

    def show_drift(self, title: str, text: str) -> None:
        self.title.setText("⚠ " + title)
        self.message.setText(text)
        self.setToolTip(text)
        self.setVisible(True)

    def clear(self) -> None:
        self.message.clear()
        self.setVisible(False)

    def text(self) -> str:
        return self.message.text() if not self.isHidden() else ""
