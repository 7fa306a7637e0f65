"""Similar inspections as a thumbnail grid: image, similarity and verdict; click to open one.

Only shows: the dialog that owns it finds the hits and decodes the thumbnails off the GUI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPixmap
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem

THUMB = 128


class SimilarGrid(QListWidget):
    recordActivated = Signal(int)  # record id

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(QSize(THUMB, THUMB))
        self.setGridSize(QSize(THUMB + 24, THUMB + 44))
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setWordWrap(True)
        self.setUniformItemSizes(True)
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)

    def set_hits(self, hits: list[Any], thumbs: dict[int, QImage | None]) -> None:
        """``hits``: objects with ``.record`` and ``.similarity`` (station.similar.SimilarHit)."""
        self.clear()
        for hit in hits:
            r = hit.record
            img = thumbs.get(r.id)
            if img is not None and not img.isNull():
                pix = QPixmap.fromImage(img.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                                   Qt.TransformationMode.SmoothTransformation))
            else:
                pix = QPixmap(THUMB, THUMB)
                pix.fill(QColor(70, 70, 70))
            item = QListWidgetItem(QIcon(pix), f"{hit.similarity:.3f}  {r.final_label}\n#{r.id} {r.name[:18]}")
            item.setData(Qt.ItemDataRole.UserRole, int(r.id))
            item.setToolTip(f"#{r.id} {r.name}\n{r.timestamp:%Y-%m-%d %H:%M:%S}  {r.final_label}")
            item.setForeground(QColor(230, 80, 70) if r.final_label == "NG" else QColor(110, 190, 90))
            self.addItem(item)

    def record_ids(self) -> list[int]:
        return [int(self.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.count())]

    def _clicked(self, item: QListWidgetItem) -> None:
        self.recordActivated.emit(int(item.data(Qt.ItemDataRole.UserRole)))
