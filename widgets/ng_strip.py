"""A strip of the last NG parts as thumbnails, newest first; clicking one asks to show that part."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QWidget

KEY_ROLE = Qt.ItemDataRole.UserRole


class NgStrip(QListWidget):
    """Holds at most ``capacity`` thumbnails; ``partClicked(key)`` carries the caller's key."""

    partClicked = Signal(object)

    def __init__(self, capacity: int = 20, thumb: int = 96, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ngStrip")
        self.capacity = capacity
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSpacing(4)
        self.set_thumb_size(thumb)
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)

    def set_thumb_size(self, thumb: int) -> None:
        self.thumb = thumb
        self.setIconSize(QSize(thumb, thumb))
        self.setFixedHeight(thumb + 44)

    def add_part(self, key: Any, image: QImage, caption: str, tooltip: str = "") -> None:
        """``image`` at least as large as the largest thumb size used (the icon scales it down)."""
        item = QListWidgetItem(QIcon(QPixmap.fromImage(image)), caption)
        item.setData(KEY_ROLE, key)
        item.setToolTip(tooltip or caption)
        item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.insertItem(0, item)
        while self.count() > self.capacity:
            self.takeItem(self.count() - 1)

    def clear_highlight(self) -> None:
        """No thumbnail marked: the main view is back on the live part."""
        self.clearSelection()
        self.setCurrentItem(None)

    def icon_sizes(self) -> set[int]:
        """Long sides the thumbnails are drawn at (one size per strip, whatever mode added them)."""
        out = set()
        for i in range(self.count()):
            pix = self.item(i).icon().pixmap(self.iconSize())
            out.add(max(pix.width(), pix.height()))
        return out

    def keys(self) -> list[Any]:
        return [self.item(i).data(KEY_ROLE) for i in range(self.count())]

    def _clicked(self, item: QListWidgetItem) -> None:
        self.partClicked.emit(item.data(KEY_ROLE))
