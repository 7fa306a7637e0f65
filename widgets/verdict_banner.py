"""The large OK / NG verdict and the score against the threshold, readable from a few metres away."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

COLORS = {"OK": ("#1e8e3e", "white"), "NG": ("#d93025", "white"), None: ("#5f6368", "#e8eaed")}


class VerdictBanner(QLabel):
    """Green OK / red NG / grey idle; ``set_big`` for operator mode."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdictBanner")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._verdict: str | None = None
        self._big = False
        self._idle_text = "—"
        self._apply()

    def verdict(self) -> str | None:
        return self._verdict

    def set_verdict(self, verdict: str | None) -> None:
        self._verdict = verdict if verdict in ("OK", "NG") else None
        self._apply()

    def set_idle_text(self, text: str) -> None:
        self._idle_text = text
        self._apply()

    def set_big(self, big: bool) -> None:
        self._big = big
        self._apply()

    def _apply(self) -> None:
        bg, fg = COLORS[self._verdict]
        size = 96 if self._big else 56
        text = self._verdict or self._idle_text
        if self._verdict is None:
            size = size // 2
        self.setText(text)
        self.setFixedHeight(int((96 if self._big else 56) * 2.0))
        self.setStyleSheet(f"QLabel#verdictBanner {{ background: {bg}; color: {fg}; border-radius: 8px;"
                           f" font-size: {size}px; font-weight: bold; }}")


class ScoreBar(QWidget):
    """The anomaly score on a bar whose middle mark is the threshold (normalised score 1.0).

    The bar spans normalised scores 0 … 2, so OK parts fill the left half and NG parts pass
    the mark; anything beyond 2 pins the bar to the end. The exact figures sit in the text.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._normalized: float | None = None
        self._text = ""
        self.setMinimumHeight(34)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(240, 40)

    def set_big(self, big: bool) -> None:
        font = self.font()
        font.setPointSize(16 if big else max(9, QWidget().font().pointSize()))
        self.setFont(font)
        self.setMinimumHeight(52 if big else 34)
        self.update()

    def set_score(self, normalized: float | None, text: str = "") -> None:
        self._normalized = normalized
        self._text = text
        self.setToolTip(text)
        self.update()

    def text(self) -> str:
        return self._text

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        p.setPen(QPen(QColor("#80868b"), 1))
        p.setBrush(QColor("#303134"))
        p.drawRoundedRect(r, 4, 4)
        if self._normalized is not None:
            frac = max(0.0, min(1.0, self._normalized / 2.0))
            fill = QRectF(r.left(), r.top(), r.width() * frac, r.height())
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor("#d93025" if self._normalized >= 1.0 else "#1e8e3e"))
            p.drawRoundedRect(fill, 4, 4)
        mid = r.left() + r.width() / 2
        p.setPen(QPen(QColor("#fbbc04"), 3))
        p.drawLine(int(mid), int(r.top()), int(mid), int(r.bottom()))
        font = QFont(self.font())
        font.setBold(True)
        p.setFont(font)
        p.setPen(QColor("white"))
        p.drawText(r.adjusted(8, 0, -8, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self._text)
        p.end()
