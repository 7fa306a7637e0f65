"""One history record in full: images side by side, regions, the PEKAT-style context, the review.

The panel only shows and asks: it emits ``reviewRequested`` / ``copyImageRequested`` /
``openFolderRequested`` and the page does the work (database writes, file access) off the
GUI thread. Records are duck-typed ``storage.records.InspectionRecord``.
"""

from __future__ import annotations

import html
import json
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QImage
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from common.numbers import finite_or_none
from widgets.zoom_image import ZoomImageView


def _region_confidence(normalized_score: float) -> float:
    """Same mapping as the HTTP endpoint (api/context.py): 0.5 on the threshold, → 1 far above."""
    ns = float(normalized_score)
    return 0.0 if ns <= 0 else round(min(1.0, max(0.0, 1.0 - 0.5 / ns)), 4)



def _region_ratio(region: dict[str, Any], record: Any) -> str:
    """A region's score as a multiple of the image threshold: the number drawn on its box."""
    threshold = finite_or_none((record.extra or {}).get("threshold"))
    score = finite_or_none(region.get("score"))
    if threshold and score is not None:
        return f"{score / threshold:.2f}×"
    ns = finite_or_none(region.get("normalized_score"))
    return f"{ns:.2f}×" if ns is not None else ""


def pekat_context(record: Any, image_shape: tuple[int, int] | None = None) -> dict[str, Any]:
    """The context as PEKAT's ``analyze_image`` returns it, rebuilt from the stored record.

    A read-only view for the history, field for field like the endpoint's ``api.context`` (which
    the GUI may not import): PEKAT's names first, QC Station's own beside them. ``imageShape``
    comes from the saved original image when it could be read.
    """
    extra = dict(record.extra or {})
    rects = []
    for i, r in enumerate(record.regions or (), start=1):
        conf = _region_confidence(r.get("normalized_score", 0.0))
        rects.append({
            "x": int(r.get("x", 0)), "y": int(r.get("y", 0)),
            "width": int(r.get("width", 0)), "height": int(r.get("height", 0)),
            "confidence": conf, "id": i,
            "classNames": [{"id": 1, "label": "anomaly", "confidence": conf, "color": "#ff3b30"}],
            "area": int(r.get("area", 0)),
            "source": {"type": "UNSUPERVISED", "modelId": record.model_id, "moduleId": "anomaly"},
            "score": finite_or_none(r.get("score")), "normalized_score": finite_or_none(r.get("normalized_score")),
        })
    ctx: dict[str, Any] = {
        "result": record.label == "OK",
        "detectedRectangles": rects,
        "completeTime": round(float(record.processing_ms) / 1000.0, 6),
        "data": extra.get("data"),
        "production_mode": record.source == "http",
        "operatorInput": {},
    }
    if image_shape is not None:
        ctx["imageShape"] = {"height": int(image_shape[0]), "width": int(image_shape[1])}
    ctx.update({
        "score": finite_or_none(record.score),
        "threshold": finite_or_none(extra.get("threshold")),
        "record_id": record.id,
        "verdict": record.label,
        "defect_count": int(record.defect_count),
        "normalized_score": finite_or_none(record.normalized_score),
        "confidence": finite_or_none(record.confidence),
        "model_id": record.model_id,
        "model_version": record.model_version,
        "name": record.name,
        "timestamp": record.timestamp.isoformat(timespec="milliseconds"),
        "identifier": extra.get("identifier"),
        "identifier_type": extra.get("identifier_type"),
    })
    if record.review_label:
        ctx["review"] = {"label": record.review_label, "note": record.review_note,
                         "reviewed_at": record.reviewed_at.isoformat(timespec="seconds")
                         if record.reviewed_at else None}
    return ctx


class RecordDetailPanel(QWidget):
    reviewRequested = Signal(int, str, str)  # record id, label, note
    copyImageRequested = Signal(str)  # "original" | "annotated"
    openFolderRequested = Signal()
    findSimilarRequested = Signal(int)  # record id: earlier parts with a defect like this one

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._record: Any = None
        self._shape: tuple[int, int] | None = None
        self.model_names: dict[str, str] = {}  # model id -> name, filled by the page

        self.header = QLabel(self.tr("Select a record to see its details."))
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.original = ZoomImageView()  # wheel zooms, drag pans, double-click fits
        self.annotated = ZoomImageView()
        self.original.setToolTip(self.tr("Original image"))
        self.annotated.setToolTip(self.tr("Annotated: heatmap and defect boxes"))
        images = QSplitter(Qt.Orientation.Horizontal)
        images.addWidget(self._titled(self.tr("Original"), self.original))
        images.addWidget(self._titled(self.tr("Annotated"), self.annotated))

        self.regions = QTableWidget(0, 6)
        self.regions.setHorizontalHeaderLabels(
            [self.tr("x"), self.tr("y"), self.tr("width"), self.tr("height"), self.tr("area"), self.tr("score")])
        self.regions.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.regions.verticalHeader().setVisible(False)
        self.regions.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.context = QPlainTextEdit()
        self.context.setReadOnly(True)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.TypeWriter)
        self.context.setFont(mono)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.regions, self.tr("Regions"))
        self.tabs.addTab(self.context, self.tr("Context (PEKAT)"))
        self.tabs.addTab(self._build_review(), self.tr("Review"))

        self.copy_original = QPushButton(self.tr("Copy image"))
        self.copy_annotated = QPushButton(self.tr("Copy annotated"))
        self.open_folder = QPushButton(self.tr("Open image folder"))
        self.copy_original.clicked.connect(lambda: self.copyImageRequested.emit("original"))
        self.copy_annotated.clicked.connect(lambda: self.copyImageRequested.emit("annotated"))
        self.open_folder.clicked.connect(self.openFolderRequested.emit)
        self.find_similar = QPushButton(self.tr("Find similar"))
        self.find_similar.clicked.connect(
            lambda: self._record is not None and self.findSimilarRequested.emit(int(self._record.id)))
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_original)
        buttons.addWidget(self.copy_annotated)
        buttons.addWidget(self.open_folder)
        buttons.addWidget(self.find_similar)
        buttons.addStretch(1)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(images)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([640, 260])  # the images get most of the height
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.header)
        lay.addWidget(split, 1)
        lay.addLayout(buttons)
        self.show_record(None)

    @staticmethod
    def _titled(title: str, widget: QWidget) -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lab = QLabel(title)
        lab.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(lab)
        lay.addWidget(widget, 1)
        return box

    def _build_review(self) -> QWidget:
        box = QGroupBox(self.tr("Operator review"))
        self.review_ok = QRadioButton(self.tr("OK"))
        self.review_ng = QRadioButton(self.tr("NG"))
        self.review_group = QButtonGroup(self)
        self.review_group.addButton(self.review_ok)
        self.review_group.addButton(self.review_ng)
        self.review_note = QLineEdit()
        self.review_note.setPlaceholderText(self.tr("Note (optional): why, who, batch…"))
        self.review_note.setMaxLength(500)
        self.review_save = QPushButton(self.tr("Save review"))
        self.review_save.clicked.connect(self._save_review)
        self.review_state = QLabel()
        self.review_state.setWordWrap(True)
        grid = QGridLayout(box)
        grid.addWidget(QLabel(self.tr("Verdict:")), 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.review_ok)
        row.addWidget(self.review_ng)
        row.addStretch(1)
        grid.addLayout(row, 0, 1)
        grid.addWidget(QLabel(self.tr("Note:")), 1, 0)
        grid.addWidget(self.review_note, 1, 1)
        grid.addWidget(self.review_save, 2, 1, alignment=Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.review_state, 3, 0, 1, 2)
        grid.setRowStretch(4, 1)
        return box

    # -- showing ------------------------------------------------------------------------------------
    @property
    def record(self) -> Any:
        return self._record

    def show_record(self, record: Any) -> None:
        self._record = record
        self._shape = None
        enabled = record is not None
        for w in (self.tabs, self.copy_original, self.copy_annotated, self.open_folder, self.find_similar):
            w.setEnabled(enabled)
        if record is None:
            self.header.setText(self.tr("Select a record to see its details."))
            self.original.set_image(None, "")
            self.annotated.set_image(None, "")
            self.regions.setRowCount(0)
            self.context.setPlainText("")
            self.review_state.setText("")
            return
        t_score, t_defects = self.tr("score"), self.tr("defects")
        t_source, t_model = self.tr("source"), self.tr("model")
        model_name = self.model_names.get(record.model_id or "", (record.model_id or "")[:10])
        model = html.escape(f"{model_name} v{record.model_version}") if record.model_id else "-"
        self.header.setText(
            f"<b>#{record.id} {html.escape(record.name)}</b> &nbsp; {record.timestamp:%Y-%m-%d %H:%M:%S} &nbsp; "
            f"<b>{record.final_label}</b> &nbsp; {t_score} {record.score:.4g} "
            f"({record.normalized_score:.2f}×) &nbsp; {t_defects} {record.defect_count} &nbsp; "
            f"{t_source} {html.escape(record.source)} &nbsp; {t_model} {model}")
        loading = self.tr("loading…")
        if record.image_pruned:
            msg = self.tr("Image pruned by quota")
            self.original.set_image(None, msg)
            self.annotated.set_image(None, msg)
        elif not record.image_path and not record.result_path:
            msg = self.tr("Image not saved (saving rule)")
            self.original.set_image(None, msg)
            self.annotated.set_image(None, msg)
        else:
            self.original.set_image(None, loading if record.image_path else self.tr("not saved"))
            self.annotated.set_image(None, loading if record.result_path else self.tr("not saved"))
        has_files = bool(record.image_path or record.result_path) and not record.image_pruned
        self.copy_original.setEnabled(has_files)
        self.copy_annotated.setEnabled(has_files)
        self.open_folder.setEnabled(has_files)
        self.regions.setRowCount(len(record.regions or ()))
        for i, r in enumerate(record.regions or ()):
            values = [r.get("x", ""), r.get("y", ""), r.get("width", ""), r.get("height", ""), r.get("area", ""),
                      _region_ratio(r, record)]
            for j, v in enumerate(values):
                self.regions.setItem(i, j, QTableWidgetItem(str(v)))
        self._refresh_context()
        self._show_review(record)

    def set_images(self, record_id: int, original: QImage | None, annotated: QImage | None) -> None:
        """Images decoded by the page's worker; ignored when the user moved on meanwhile."""
        if self._record is None or self._record.id != record_id:
            return
        missing = self.tr("image file missing")
        if self._record.image_path:
            self.original.set_image(original, missing)
        if self._record.result_path:
            self.annotated.set_image(annotated, missing)
        if original is not None and not original.isNull():
            self._shape = (original.height(), original.width())
            self._refresh_context()

    def _refresh_context(self) -> None:
        if self._record is not None:
            self.context.setPlainText(json.dumps(pekat_context(self._record, self._shape), indent=2,
                                                 ensure_ascii=False, default=str))

    def _show_review(self, record: Any) -> None:
        (self.review_ng if record.final_label == "NG" else self.review_ok).setChecked(True)
        self.review_note.setText(record.review_note or "")
        if record.review_label:
            when = f"{record.reviewed_at:%Y-%m-%d %H:%M}" if record.reviewed_at else ""
            self.review_state.setText(self.tr("Reviewed {0}: {1} (machine said {2})")
                                      .format(when, record.review_label, record.label))
        else:
            self.review_state.setText(self.tr("Not reviewed yet (machine verdict {0}).").format(record.label))
        self.review_save.setEnabled(True)

    def _save_review(self) -> None:
        if self._record is None or self._record.id is None:
            return
        label = "NG" if self.review_ng.isChecked() else "OK"
        self.review_save.setEnabled(False)
        self.review_state.setText(self.tr("Saving…"))
        self.reviewRequested.emit(int(self._record.id), label, self.review_note.text().strip())

    def review_failed(self, message: str) -> None:
        self.review_save.setEnabled(True)
        self.review_state.setText(self.tr("Review not saved: {0}").format(message))
