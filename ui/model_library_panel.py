"""The Models page's library table: one row per model file, the action buttons, a status line.

Why a panel of its own: it only shows the library (read off the GUI thread) and what is selected;
what the buttons *do* (activate, rename, delete, import, export, train) is ``ui.model_actions``,
so the table can be redrawn (a new active model, a rename) without touching any action.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station import model_library as lib
from station.library_rows import LibraryRow, fmt_float, library_row
from ui.workers import run_async

COLUMNS = ("active", "name", "created", "algorithm", "ok", "ng", "training", "threshold",
           "precision", "recall", "file")


class ModelLibraryPanel(QGroupBox):
    """The table of the models folder with Train / Activate / Rename / Delete / Export / Import."""

    refreshed = Signal()  # the table shows the library's current content

    def __init__(self, settings: Any, active_path: Callable[[], Path | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Model library"))
        self.settings = settings
        self._active_path = active_path
        self.entries: list[lib.ModelEntry] = []
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([
            "", self.tr("Name"), self.tr("Created"), self.tr("Algorithm"), self.tr("OK imgs"), self.tr("NG imgs"),
            self.tr("Training"), self.tr("Threshold"), self.tr("Precision"), self.tr("Recall"), self.tr("File"),
        ])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self.update_buttons)

        self.train_button = QPushButton(self.tr("Train new model…"))
        self.activate_button = QPushButton(self.tr("Activate"))
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.import_button = QPushButton(self.tr("Import…"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.status = QLabel()
        self.status.setWordWrap(True)

        buttons = QHBoxLayout()
        for b in (self.train_button, self.activate_button, self.rename_button, self.delete_button,
                  self.export_button, self.import_button, None, self.refresh_button):
            if b is None:
                buttons.addStretch(1)
            else:
                buttons.addWidget(b)
        lay = QVBoxLayout(self)
        lay.addLayout(buttons)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.status)
        self.update_buttons()

    def add_shortcut(self, key: Any, slot: Callable[[], Any]) -> None:
        """A key that acts on the table's selection while the table has the focus."""
        shortcut = QShortcut(QKeySequence(key), self.table)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(slot)

    def set_status(self, text: str) -> None:
        self.status.setText(text)

    # -- reading -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the manifests in the models folder (worker thread), then redraw the table."""
        run_async(lib.library_entries, self.settings.models_dir, self._active_path(),
                  on_done=self._entries_read,
                  on_error=lambda msg: self.set_status(self.tr("Cannot read the models folder: %1").replace("%1", msg)))

    def _entries_read(self, entries: list[lib.ModelEntry]) -> None:
        self.show_entries(entries)
        self.refreshed.emit()

    def show_entries(self, entries: list[lib.ModelEntry]) -> None:
        """Redraw the rows (the selection stays on the same file, else goes to the active model)."""
        selected = self.selected_entry()
        keep = selected.path if selected else None
        self.entries = list(entries)
        active = self._active_path()
        self.table.setRowCount(len(self.entries))
        for row, e in enumerate(self.entries):
            shown = library_row(e, active, self.settings.data_dir)
            for col, item in enumerate(self._items(shown, e)):
                self.table.setItem(row, col, item)
            if (keep is not None and e.path == keep) or (keep is None and shown.active):
                self.table.selectRow(row)
        if not self.entries:
            self.set_status(self.tr("No models in %1 yet: train one or import a .qcs file.")
                            .replace("%1", str(self.settings.models_dir)))
        self.update_buttons()

    def _items(self, row: LibraryRow, entry: lib.ModelEntry) -> list[QTableWidgetItem]:
        if not row.readable:
            cells = ["", self.tr("(unreadable)"), "", "", "", "", "", "", "", "", row.file]
        else:
            unchecked = self.tr("not validated")
            cells = ["●" if row.active else "", row.name if row.validated else f"{row.name}  ⚠ {unchecked}",
                     row.created, row.algorithm, row.ok_images, row.ng_images, row.training, row.threshold,
                     row.precision, row.recall, row.file]
        items = []
        for col, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if col == 0:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if not row.readable:
                item.setToolTip(row.error)
            elif col == 1:
                item.setToolTip(self._details(entry.info) + ("" if row.validated else "\n\n" + self.tr(
                    "Not validated: its threshold comes from OK images only and may pass defects. "
                    "Evaluate it on a labelled folder (Evaluate page) or retrain with NG images.")))
            if row.readable and row.active:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
                item.setToolTip(self.tr("Active model") + ("\n" + item.toolTip() if item.toolTip() else ""))
            items.append(item)
        return items

    def _details(self, info: Any) -> str:
        """Tooltip of a model's name: what it was trained with and what calibration said."""
        stats = info.stats or {}
        lines = [f"{info.name}  ({info.id[:12]})",
                 self.tr("Backbone: %1, input %2 px").replace("%1", info.backbone).replace("%2", str(info.input_size)),
                 self.tr("Pixel threshold: %1").replace("%1", fmt_float(info.params.pixel_threshold, 4)),
                 self.tr("Min. defect area: %1 px, ignore border: %2 px")
                 .replace("%1", str(info.params.min_detected_area)).replace("%2", str(info.params.ignore_outer))]
        for key in ("memory_bank_size", "f1", "rule", "note"):
            if key in stats:
                lines.append(f"{key}: {stats[key]}")
        return "\n".join(lines)

    # -- selection ---------------------------------------------------------------------------------
    def selected_entry(self) -> lib.ModelEntry | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        row = rows[0].row()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def entry_for(self, path: Path) -> lib.ModelEntry | None:
        return next((e for e in self.entries if lib.is_active(e.path, path)), None)

    def select_path(self, path: Path) -> bool:
        for row, e in enumerate(self.entries):
            if lib.is_active(e.path, path):
                self.table.selectRow(row)
                return True
        return False

    def update_buttons(self) -> None:
        e = self.selected_entry()
        has = e is not None
        readable = has and e.info is not None  # type: ignore[union-attr]
        self.activate_button.setEnabled(bool(readable))
        self.rename_button.setEnabled(bool(readable))
        self.export_button.setEnabled(bool(readable))
        self.delete_button.setEnabled(has)
