"""*Find similar*: earlier inspections that look like this one (same defect), as a thumbnail grid.

Asked from the History detail panel (a stored record) and from a held NG part on the Live page.
The search (``station.similar``) and the thumbnail decoding run in the background pool; clicking
a thumbnail shows that record in full below the grid.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui.background import run_async
from widgets.detail_panel import RecordDetailPanel
from widgets.similar_grid import SimilarGrid

log = logging.getLogger(__name__)


def _search(station: Any, data_dir: Any, record_id: int, k: int, verdict: str | None) -> tuple[list, dict]:
    """Pool thread: the hits and their thumbnails (annotated image when saved, else the original)."""
    from station.similar import find_similar, record_vector
    from storage.image_paths import resolve_image_path

    hits = find_similar(station, record_vector(station, record_id), k, verdict=verdict, exclude=record_id)
    thumbs: dict[int, QImage | None] = {}
    for h in hits:
        r = h.record
        path = None if r.image_pruned else resolve_image_path(data_dir, r.result_path or r.image_path)
        img = QImage(str(path)) if path is not None and path.is_file() else None
        thumbs[r.id] = img.scaled(160, 160, Qt.AspectRatioMode.KeepAspectRatio) if img and not img.isNull() else None
    return hits, thumbs


class SimilarDialog(QDialog):
    def __init__(self, bridge: Any, record_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.record_id = int(record_id)
        self.hits: list[Any] = []
        self.setWindowTitle(self.tr("Similar inspections to #%1").replace("%1", str(self.record_id)))
        self.resize(900, 700)
        self.limit_spin = QSpinBox()
        self.limit_spin.setRange(1, 200)
        self.limit_spin.setValue(20)
        self.verdict_combo = QComboBox()
        self.verdict_combo.addItem(self.tr("All"), None)
        self.verdict_combo.addItem(self.tr("NG"), "NG")
        self.verdict_combo.addItem(self.tr("OK"), "OK")
        self.status = QLabel()
        self.grid = SimilarGrid()
        self.grid.recordActivated.connect(self.show_record)
        self.detail = RecordDetailPanel()
        self.detail.findSimilarRequested.connect(self.search_like)  # follow the trail from a hit
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.limit_spin)
        top.addWidget(QLabel(self.tr("Verdict")))
        top.addWidget(self.verdict_combo)
        top.addWidget(self.status, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.grid)
        split.addWidget(self.detail)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(split, 1)
        self.limit_spin.valueChanged.connect(self.search)
        self.verdict_combo.currentIndexChanged.connect(self.search)
        self.search()

    def search(self, *_args: Any) -> None:
        self.status.setText(self.tr("Searching…"))
        k, verdict = self.limit_spin.value(), self.verdict_combo.currentData()
        asked = (k, verdict)
        self._asked = asked

        def done(result: tuple[list, dict]) -> None:
            if self._asked != asked:
                return  # the user changed the question meanwhile
            self.hits, thumbs = result
            self.grid.set_hits(self.hits, thumbs)
            self.status.setText(self.tr("%1 similar inspections, best first").replace("%1", str(len(self.hits))))

        run_async(_search, self.bridge.station, self.bridge.settings.data_dir, self.record_id, k, verdict,
                  on_done=done, on_error=lambda reason: self.status.setText(
                      self.tr("Search failed: %1").replace("%1", reason)))

    def search_like(self, record_id: int) -> None:
        self.record_id = int(record_id)
        self.setWindowTitle(self.tr("Similar inspections to #%1").replace("%1", str(self.record_id)))
        self.search()

    def show_record(self, record_id: int) -> None:
        from ui.record_images import load_images as _load_images

        hit = next((h for h in self.hits if h.record.id == record_id), None)
        if hit is None:
            return
        self.detail.show_record(hit.record)
        run_async(_load_images, self.bridge.settings.data_dir, hit.record,
                  on_done=lambda res: self.detail.set_images(*res))


class _HeldPartSimilarButton(QPushButton):
    """*Find similar* for the part the Live page holds; shown exactly while its "Back to live" is."""

    def __init__(self, bridge: Any, record_of: Callable[[], Any], follow: QWidget) -> None:
        super().__init__(follow.parentWidget())
        self._bridge = bridge
        self._record_of = record_of
        self.dialog: SimilarDialog | None = None
        self.clicked.connect(self.open_dialog)
        self.setVisible(follow.isVisibleTo(follow.parentWidget()) if follow.parentWidget() else False)
        follow.installEventFilter(self)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setText(self.tr("Find similar"))
        self.setToolTip(self.tr("Earlier parts with a defect like the held one"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Show:
            self.show()
        elif event.type() == QEvent.Type.Hide:
            self.hide()
        return False

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def open_dialog(self) -> SimilarDialog | None:
        record = self._record_of()
        if record is None or record.id is None:
            return None
        self.dialog = SimilarDialog(self._bridge, int(record.id), self.window())
        self.dialog.show()
        return self.dialog


def held_part_similar_button(bridge: Any, record_of: Callable[[], Any], follow: QWidget) -> QPushButton:
    """The Live page's one hook: a button beside ``follow`` (its "Back to live"), visible with it."""
    return _HeldPartSimilarButton(bridge, record_of, follow)
