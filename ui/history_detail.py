"""What the History page's detail panel does with the record it shows: load its images off the
GUI thread, save a review, copy an image, open its folder, find similar parts.

Why apart from the page: the page finds records (filters, paging, live refresh); this controller
only acts on the one selected, through ``widgets.detail_panel.RecordDetailPanel``'s requests.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QImage
from PySide6.QtWidgets import QMessageBox, QWidget

from storage.images import resolve_image_path
from ui.record_images import load_record_images
from ui.workers import run_async
from widgets.detail_panel import RecordDetailPanel

log = logging.getLogger(__name__)


class RecordDetailController(QObject):
    """Acts for ``detail`` over ``page``; ``say`` writes a short outcome on the page's status line."""

    def __init__(self, page: QWidget, detail: RecordDetailPanel, table_model: Any, bridge: Any, settings: Any,
                 database: Callable[[], Any], say: Callable[[str], None]) -> None:
        super().__init__(page)
        self.page = page
        self.detail = detail
        self.table_model = table_model
        self.bridge = bridge
        self.settings = settings
        self._database = database
        self._say = say
        self.images: dict[str, QImage | None] = {"original": None, "annotated": None}
        self.similar_dialog: Any = None
        detail.reviewRequested.connect(self.save_review)
        detail.copyImageRequested.connect(self.copy_image)
        detail.openFolderRequested.connect(self.open_folder)
        detail.findSimilarRequested.connect(self.find_similar)

    def show(self, record: Any) -> None:
        """Show ``record`` (None: nothing), its images once a worker has read them."""
        shown = self.detail.record
        if record is not None and shown is not None and record.id == shown.id and record == shown:
            return  # the same record re-selected after a live refresh: keep images, no flicker
        self.detail.show_record(record)
        self.images = {"original": None, "annotated": None}
        if record is None or record.image_pruned or not (record.image_path or record.result_path):
            return
        data_dir = self.settings.data_dir

        def done(result: tuple[int, QImage | None, QImage | None]) -> None:
            rid, original, annotated = result
            if self.detail.record is not None and self.detail.record.id == rid:
                self.images = {"original": original, "annotated": annotated}
                self.detail.set_images(rid, original, annotated)

        run_async(load_record_images, data_dir, record, on_done=done,
                  on_error=lambda reason: log.warning("images not loaded: %s", reason))

    def save_review(self, record_id: int, label: str, note: str) -> None:
        db = self._database()

        def done(record: Any) -> None:
            self.table_model.replace_record(record)
            if self.detail.record is not None and self.detail.record.id == record.id:
                images = dict(self.images)
                self.detail.show_record(record)
                self.detail.set_images(record.id, images["original"], images["annotated"])
                self.images = images

        from station.audit import set_review

        run_async(set_review, db, record_id, label, note or None, on_done=done,
                  on_error=self.detail.review_failed)

    def find_similar(self, record_id: int) -> None:
        from ui.similar_dialog import SimilarDialog

        self.similar_dialog = SimilarDialog(self.bridge, record_id, self.page)
        self.similar_dialog.show()

    def copy_image(self, which: str) -> None:
        image = self.images.get(which)
        if image is None:
            self._say(self.tr("No image to copy."))
            return
        QGuiApplication.clipboard().setImage(image)
        self._say(self.tr("Image copied to the clipboard."))

    def open_folder(self) -> None:
        record = self.detail.record
        if record is None:
            return
        path = resolve_image_path(self.settings.data_dir, record.image_path or record.result_path)
        if path is None or not path.parent.is_dir():
            QMessageBox.warning(self.page, self.tr("Open image folder"), self.tr("The image folder does not exist."))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
