"""A table model over a paged query: holds a few pages, never the whole result set.

With a million records the history cannot be a list in memory, and the query cannot run on the
GUI thread. The model therefore knows only the total row count and an LRU cache of pages. When
the view paints a row whose page is missing it shows a placeholder and asks for the page through
:attr:`RecordTableModel.pageRequested`; whoever runs the query (off the GUI thread) hands the rows
back with :meth:`RecordTableModel.deliver_page`. One page is in flight at a time and only the
pages most recently looked at are kept wanted, so dragging the scroll bar over a million rows
does not queue a thousand queries. Every reset starts a new *generation*: pages of an older
query (the filter changed meanwhile) are ignored.

Records are duck-typed (``storage.records.InspectionRecord``): this widget imports no room.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor

from widgets.table_model import TitledColumnsModel

ModelIndex = QModelIndex | QPersistentModelIndex

COLUMN_KEYS = ("time", "name", "source", "part_id", "verdict", "defects", "score", "model")
NG_BRUSH = QBrush(QColor(220, 60, 60, 70))
REVIEWED_BRUSH = QBrush(QColor(240, 180, 40, 70))
_R = Qt.ItemDataRole
_ROLES = frozenset({_R.DisplayRole, _R.BackgroundRole, _R.ToolTipRole, _R.TextAlignmentRole, _R.UserRole})


class RecordTableModel(TitledColumnsModel):
    """Rows = records of the current query, newest first (the order ``storage.search`` returns)."""

    pageRequested = Signal(int, int)  # generation, page number (1-based, as storage.search)

    def __init__(self, page_size: int = 200, max_cached_pages: int = 40, parent=None) -> None:
        super().__init__(parent)
        if page_size < 1:
            raise ValueError("page_size must be >= 1")
        self.page_size = page_size
        self._max_pages = max(2, max_cached_pages)
        self._generation = 0
        self._total = 0
        self._pages: OrderedDict[int, list[Any]] = OrderedDict()
        self._wanted: OrderedDict[int, None] = OrderedDict()
        self._failed: set[int] = set()
        self._inflight: int | None = None
        self._pump_timer = QTimer(self)  # owned: never fires after the model is gone
        self._pump_timer.setSingleShot(True)
        self._pump_timer.setInterval(0)
        self._pump_timer.timeout.connect(self._pump)
        self._model_names: dict[str, str] = {}
        self._last_page = 0
        self._headers = (
            self.tr("Time"), self.tr("Name"), self.tr("Source"), self.tr("Part ID"),
            self.tr("Verdict"), self.tr("Defects"), self.tr("Score"), self.tr("Model"),
        )

    # -- query lifecycle ----------------------------------------------------------------------------
    @property
    def generation(self) -> int:
        return self._generation

    @property
    def total(self) -> int:
        return self._total

    def reset(self, total: int, first_page: list[Any] | None = None) -> int:
        """Show a new query's result: its total and (optionally) page 1. Returns the new generation."""
        self.beginResetModel()
        self._generation += 1
        self._total = max(0, int(total))
        self._pages.clear()
        self._wanted.clear()
        self._failed.clear()
        self._inflight = None
        if first_page is not None:
            self._pages[1] = list(first_page)
        self.endResetModel()
        return self._generation

    def grow(self, generation: int, total: int) -> None:
        """Query ``generation`` has ``total`` rows, more than said at its reset (an exact count that
        came after the first page): rows are appended; loaded pages and the selection stay."""
        if generation != self._generation or int(total) <= self._total:
            return
        self.beginInsertRows(QModelIndex(), self._total, int(total) - 1)
        self._total = int(total)
        self.endInsertRows()

    def deliver_page(self, generation: int, page: int, records: list[Any], total: int | None = None) -> None:
        """Rows of ``page`` for query ``generation``; stale generations are dropped."""
        if generation != self._generation:
            return
        if self._inflight == page:
            self._inflight = None
        self._pages[page] = list(records)
        self._pages.move_to_end(page)
        while len(self._pages) > self._max_pages:
            self._pages.popitem(last=False)
        if total is not None and int(total) != self._total:
            # The table grew or shrank under us (new inspections): re-read from a clean state.
            self.reset(int(total), self._pages.get(1) if page == 1 else None)
            return
        first = (page - 1) * self.page_size
        last = min(self._total, first + self.page_size) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMN_KEYS) - 1))
        self._schedule_pump()

    def page_failed(self, generation: int, page: int) -> None:
        """The query for ``page`` failed: stop asking for it until the next reset."""
        if generation != self._generation:
            return
        self._failed.add(page)
        if self._inflight == page:
            self._inflight = None
        self._schedule_pump()

    def set_model_names(self, names: dict[str, str]) -> None:
        """Model id -> name, so the table shows "bottle v3" rather than a hash."""
        self._model_names.update(names)
        if self._total:
            col = COLUMN_KEYS.index("model")
            self.dataChanged.emit(self.index(0, col), self.index(self._total - 1, col))

    def cached_rows(self) -> int:
        return sum(len(p) for p in self._pages.values())

    # -- record access ------------------------------------------------------------------------------
    def record_at(self, row: int) -> Any | None:
        """The record on ``row`` if its page is loaded (else None and the page is requested)."""
        if row < 0 or row >= self._total:
            return None
        page, offset = divmod(row, self.page_size)
        rows = self._pages.get(page + 1)
        if rows is None:
            self._want(page + 1)
            return None
        if page + 1 != self._last_page:  # LRU bookkeeping once per page switch, not per cell
            self._last_page = page + 1
            self._pages.move_to_end(page + 1)
        return rows[offset] if offset < len(rows) else None

    def row_of(self, record_id: int) -> int | None:
        for page, rows in self._pages.items():
            for i, rec in enumerate(rows):
                if getattr(rec, "id", None) == record_id:
                    return (page - 1) * self.page_size + i
        return None

    def replace_record(self, record: Any) -> None:
        """Swap in an updated record (after a review) wherever it is cached."""
        row = self.row_of(record.id)
        if row is None:
            return
        page, offset = divmod(row, self.page_size)
        self._pages[page + 1][offset] = record
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMN_KEYS) - 1))

    # -- paging -------------------------------------------------------------------------------------
    def _want(self, page: int) -> None:
        if page in self._failed or page == self._inflight:
            return
        self._wanted[page] = None
        self._wanted.move_to_end(page)
        while len(self._wanted) > 4:  # only what the user looked at last
            self._wanted.popitem(last=False)
        self._schedule_pump()

    def _schedule_pump(self) -> None:
        if not self._pump_timer.isActive():
            self._pump_timer.start()

    def _pump(self) -> None:
        if self._inflight is not None:
            return
        while self._wanted:
            page, _ = self._wanted.popitem(last=True)
            if page not in self._pages and page not in self._failed:
                self._inflight = page
                self.pageRequested.emit(self._generation, page)
                return

    # -- Qt model API -------------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMN_KEYS)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in _ROLES or not index.isValid():  # the view asks ~10 roles per cell: be quick
            return None
        rec = self.record_at(index.row())
        key = COLUMN_KEYS[index.column()]
        if rec is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole and index.column() == 1 else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(rec, key)
        if role == Qt.ItemDataRole.BackgroundRole:
            if rec.review_label and rec.review_label != rec.label:
                return REVIEWED_BRUSH
            return NG_BRUSH if rec.final_label == "NG" else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(rec, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("defects", "score"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return rec
        return None

    def _display(self, rec: Any, key: str) -> str:
        if key == "time":
            return rec.timestamp.strftime("%Y-%m-%d %H:%M:%S")
        if key == "name":
            return rec.name
        if key == "source":
            return rec.source
        if key == "part_id":
            return rec.part_id or ""
        if key == "verdict":
            if rec.review_label and rec.review_label != rec.label:
                return self.tr("{0} (was {1})").format(rec.review_label, rec.label)
            return f"{rec.label} ✓" if rec.review_label else rec.label
        if key == "defects":
            return str(rec.defect_count)
        if key == "score":  # one scale everywhere: 1.0 = the image threshold; raw in the tooltip
            return f"{rec.normalized_score:.2f}×"
        if key == "model":
            if not rec.model_id:
                return ""
            name = self._model_names.get(rec.model_id, rec.model_id[:10])
            return f"{name} v{rec.model_version}" if rec.model_version is not None else name
        return ""

    def _tooltip(self, rec: Any, key: str) -> str | None:
        if key == "verdict" and rec.review_label:
            note = f"\n{rec.review_note}" if rec.review_note else ""
            return self.tr("Reviewed by the operator: {0}").format(rec.review_label) + note
        if key == "score":
            return self.tr("{0:.3f} × the threshold (1.0 = threshold); raw score {1:.4g}").format(
                rec.normalized_score, rec.score)
        if key == "model" and rec.model_id:
            return rec.model_id
        return None
