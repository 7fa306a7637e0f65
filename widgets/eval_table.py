"""Per-image evaluation results as a table: name, true label, prediction, score, thumbnail.

The prediction column follows a threshold the user can move (``set_threshold``), so misses and
over-detections light up as the slider goes — no re-inference. Rows are duck-typed
``inference.evaluation.Row`` (``name``, ``label``, ``score``, ``normalized_score``, ``defect``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QImage

from widgets.table_model import TitledColumnsModel

ModelIndex = QModelIndex | QPersistentModelIndex

MISS_BRUSH = QBrush(QColor(220, 60, 60, 90))
OVER_BRUSH = QBrush(QColor(240, 170, 40, 90))
THUMB = 48


class EvalTableModel(TitledColumnsModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._threshold = 0.0
        self._thumbs: dict[int, QImage] = {}
        self._headers = (self.tr("Image"), self.tr("True label"), self.tr("Prediction"), self.tr("Score"),
                         self.tr("Defect type"))

    def set_rows(self, rows: list[Any], threshold: float) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._threshold = float(threshold)
        self._thumbs = {}
        self.endResetModel()

    def set_threshold(self, threshold: float) -> None:
        self._threshold = float(threshold)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self._headers) - 1))

    def set_thumbnails(self, thumbs: dict[int, QImage]) -> None:
        self._thumbs.update(thumbs)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    def row(self, i: int) -> Any:
        return self._rows[i]

    def rows(self) -> list[Any]:
        return list(self._rows)

    def prediction(self, i: int) -> str:
        """The verdict at the current threshold (NG when score >= threshold, as the engine does)."""
        return "NG" if self._rows[i].score >= self._threshold else "OK"

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        pred = self.prediction(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return (r.name, r.label, pred, f"{r.score:.4g}", r.defect)[col]
        if role == Qt.ItemDataRole.UserRole:  # sort key: scores as numbers
            return (r.name, r.label, pred, float(r.score), r.defect)[col]
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return self._thumbs.get(index.row())
        if role == Qt.ItemDataRole.SizeHintRole and col == 0 and self._thumbs:
            return QSize(THUMB + 110, THUMB + 4)
        if role == Qt.ItemDataRole.BackgroundRole and pred != r.label:
            return MISS_BRUSH if r.label == "NG" else OVER_BRUSH
        if role == Qt.ItemDataRole.ToolTipRole:
            if pred != r.label:
                kind = self.tr("missed defect") if r.label == "NG" else self.tr("over-detection")
                return f"{kind} — {r.path}"
            return r.path
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ErrorFilterProxy(QSortFilterProxyModel):
    """Sorting by any column (scores as numbers) and an optional "errors only" view."""

    def __init__(self, source: EvalTableModel, parent=None) -> None:
        super().__init__(parent)
        self._source = source
        self._errors_only = False
        self.setSourceModel(source)
        self.setSortRole(Qt.ItemDataRole.UserRole)

    def _refilter(self, change=None) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.10; invalidateFilter() is deprecated there
            self.beginFilterChange()
            if change:
                change()
            self.endFilterChange()
        else:
            if change:
                change()
            self.invalidateFilter()

    def set_errors_only(self, on: bool) -> None:
        self._refilter(lambda: setattr(self, "_errors_only", bool(on)))

    def threshold_changed(self) -> None:
        if self._errors_only:
            self._refilter()

    def filterAcceptsRow(self, row: int, parent: Any) -> bool:  # noqa: N802 - Qt override
        if not self._errors_only:
            return True
        return self._source.prediction(row) != self._source.row(row).label
