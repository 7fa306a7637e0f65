"""The large verdict tile and the score bar, readable from three metres away.

The tile shows the machine state, one distinct full-tile look each, so it never shows a verdict
that is no longer true: RUNNING (green OK / red NG / grey "waiting"), REVIEWING (hatched grey
with the reviewed part's verdict), STOPPED, SOURCE_LOST (amber, reason + countdown), NO_MODEL,
CHANGEOVER (blue). The page says which state and what to write; the tile only draws.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

COLORS = {"OK": ("#1e8e3e", "white"), "NG": ("#d93025", "white"), None: ("#5f6368", "#e8eaed")}
# state -> (background, text colour); RUNNING uses COLORS by verdict
STATE_LOOKS = {
    "REVIEWING": ("#3c4043", "#e8eaed"),
    "STOPPED": ("#202124", "#bdc1c6"),
    "SOURCE_LOST": ("#e37400", "white"),
    "NO_MODEL": ("#5e35b1", "white"),
    "CHANGEOVER": ("#1a73e8", "white"),
}


class VerdictBanner(QWidget):
    """``set_verdict`` for live parts, ``set_state`` for everything else; ``set_big`` for operator mode."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdictBanner")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._verdict: str | None = None
        self._state = "RUNNING"
        self._title = ""
        self._subtitle = ""
        self._big = False
        self._idle_text = "—"
        self._apply_size()

    # -- what to show ----------------------------------------------------------------------------
    def verdict(self) -> str | None:
        """The verdict on the tile (RUNNING or REVIEWING), None when the tile shows a state."""
        return self._verdict if self._state in ("RUNNING", "REVIEWING") else None

    def state(self) -> str:
        return self._state

    def title(self) -> str:
        return self._title

    def subtitle(self) -> str:
        return self._subtitle

    def text(self) -> str:
        return f"{self._title}\n{self._subtitle}".strip()

    def set_verdict(self, verdict: str | None, subtitle: str = "") -> None:
        """A live verdict (RUNNING); None = waiting for the first part."""
        verdict = verdict if verdict in ("OK", "NG") else None
        self._show("RUNNING", verdict, verdict or self._idle_text, subtitle)

    def set_state(self, state: str, title: str, subtitle: str = "", verdict: str | None = None) -> None:
        """A machine state other than live verdicts (REVIEWING keeps the reviewed part's verdict)."""
        self._show(state, verdict if verdict in ("OK", "NG") else None, title, subtitle)

    def _show(self, state: str, verdict: str | None, title: str, subtitle: str) -> None:
        """Repaint only on a change: the page re-applies the state 4 times a second, and drawing the
        tile's huge text costs milliseconds of GUI-thread time each time."""
        if (state, verdict, title, subtitle) == (self._state, self._verdict, self._title, self._subtitle):
            return
        self._state, self._verdict, self._title, self._subtitle = state, verdict, title, subtitle
        self.update()

    def set_idle_text(self, text: str) -> None:
        self._idle_text = text
        if self._state == "RUNNING" and self._verdict is None:
            self._title = text
            self.update()

    def set_big(self, big: bool) -> None:
        self._big = big
        self._apply_size()
        self.update()

    def is_big(self) -> bool:
        return self._big

    def _apply_size(self) -> None:
        if self._big:
            # 26 % of a 1080p screen comes from growing into the room there is (the panel's stretch);
            # the minimum stays low: when a drift banner or messages take height, a minimum the
            # column cannot honour made the layout lay the score bar over the tile's last line
            self.setMinimumSize(990, 320)
            self.setMaximumSize(16777215, 16777215)
        else:
            self.setMinimumSize(300, 160)
            self.setMaximumSize(16777215, 300)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(1000, 600) if self._big else QSize(360, 180)

    def colors(self) -> tuple[str, str]:
        if self._state == "RUNNING":
            return COLORS[self._verdict]
        return STATE_LOOKS.get(self._state, COLORS[None])

    # -- drawing ---------------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        bg, fg = self.colors()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect())
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(bg))
        p.drawRoundedRect(r, 10, 10)
        if self._state == "REVIEWING":  # hatched: this is not the live part
            hatch = QBrush(QColor(255, 255, 255, 38), Qt.BrushStyle.BDiagPattern)
            hatch.setTransform(hatch.transform().scale(3, 3))
            p.setBrush(hatch)
            p.drawRoundedRect(r, 10, 10)
            p.setPen(QPen(QColor(COLORS[self._verdict][0] if self._verdict else "#9aa0a6"), 8))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(r.adjusted(4, 4, -4, -4), 8, 8)
        sub_h = r.height() * (0.22 if self._subtitle else 0.0)
        title_rect = r.adjusted(12, 8, -12, -sub_h - 4)
        p.setPen(QColor(fg))
        p.setFont(self._fit_font(self._title, title_rect, 0.62 if self._verdict else 0.34))
        p.drawText(title_rect, Qt.AlignmentFlag.AlignCenter, self._title)
        if self._subtitle:
            sub_rect = QRectF(r.left() + 12, r.bottom() - sub_h - 8, r.width() - 24, sub_h)
            p.setFont(self._fit_font(self._subtitle, sub_rect, 0.36, bold=False, wrap=True))
            p.drawText(sub_rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._subtitle)
        p.end()

    def _fit_font(self, text: str, rect: QRectF, height_share: float, bold: bool = True,
                  wrap: bool = False) -> QFont:
        """The largest font (up to ``height_share`` of the rect's height) whose text fits the rect,
        wrapped at word boundaries when ``wrap`` (a long path must never run out of the tile)."""
        font = QFont(self.font())
        font.setBold(bold)
        px = max(8, int(rect.height() * height_share))
        flags = int(Qt.AlignmentFlag.AlignCenter | (Qt.TextFlag.TextWordWrap if wrap else 0))
        box = rect.toRect()
        while px > 8:
            font.setPixelSize(px)
            used = QFontMetrics(font).boundingRect(box, flags, text or " ")
            if used.width() <= rect.width() and used.height() <= rect.height():
                break
            px = int(px * 0.9)
        font.setPixelSize(px)
        return font


class ScoreBar(QWidget):
    """The normalised score (1.0 = the image threshold) on a bar whose middle mark is the threshold.

    The bar spans 0 … 2 × threshold, so OK parts fill the left half and NG parts pass the mark;
    anything beyond pins the bar to the end. The figures sit on a line of their own under the
    bar, so the threshold mark never crosses them.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._normalized: float | None = None
        self._text = ""
        self._big = False
        self._stale = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._apply_size()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(240, self.minimumHeight())

    def set_big(self, big: bool) -> None:
        self._big = big
        font = self.font()
        font.setPointSize(16 if big else max(9, QWidget().font().pointSize()))
        self.setFont(font)
        self._apply_size()
        self.update()

    def _apply_size(self) -> None:
        self.setFixedHeight(self.bar_height() + QFontMetrics(self.font()).height() + 8)

    def bar_height(self) -> int:
        return 26 if self._big else 14

    def set_stale(self, stale: bool) -> None:
        """Grey fill: the figure is the last part's, not a live verdict (stopped, source lost …)."""
        if stale != self._stale:
            self._stale = stale
            self.update()

    def is_stale(self) -> bool:
        return self._stale

    def set_score(self, normalized: float | None, text: str = "") -> None:
        self._normalized = normalized
        self._text = text
        self.setToolTip(text)
        self.update()

    def normalized(self) -> float | None:
        return self._normalized

    def text(self) -> str:
        return self._text

    def bar_rect(self) -> QRectF:
        return QRectF(1, 1, self.width() - 2, self.bar_height())

    def text_rect(self) -> QRectF:
        top = self.bar_height() + 4
        return QRectF(2, top, self.width() - 4, self.height() - top)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = self.bar_rect()
        p.setPen(QPen(QColor("#80868b"), 1))
        p.setBrush(QColor("#303134"))
        p.drawRoundedRect(r, 4, 4)
        if self._normalized is not None:
            frac = max(0.0, min(1.0, self._normalized / 2.0))
            fill = QRectF(r.left(), r.top(), r.width() * frac, r.height())
            p.setPen(Qt.PenStyle.NoPen)
            color = "#d93025" if self._normalized >= 1.0 else "#1e8e3e"
            p.setBrush(QColor("#5f6368" if self._stale else color))
            p.drawRoundedRect(fill, 4, 4)
        mid = r.left() + r.width() / 2
        p.setPen(QPen(QColor("#fbbc04"), 3))
        p.drawLine(int(mid), int(r.top()), int(mid), int(r.bottom()))
        font = QFont(self.font())
        font.setBold(True)
        p.setFont(font)
        p.setPen(self.palette().windowText().color())
        p.drawText(self.text_rect(), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self._text)
        p.end()
