"""History → Audit trail: who did what and when, filtered by day and kind, exported as CSV.

Reads ``storage.audit_query`` off the GUI thread (the same rows ``GET /api/data/audit`` serves);
shows the newest 500 matching rows with the total, and exports every matching row.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.workers import run_async
from widgets.date_range import DateRangeEdit
from widgets.rows import STRETCH, hrow

log = logging.getLogger(__name__)
SHOWN = 500


class AuditView(QWidget):
    def __init__(self, database: Callable[[], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self.total = 0
        self.rows: list[dict[str, Any]] = []
        self.kind_combo = QComboBox()
        for text, value in ((self.tr("All actions"), None), (self.tr("Models"), "model."),
                            (self.tr("Thresholds"), "threshold."), (self.tr("Settings"), "settings."),
                            (self.tr("Roles"), "roles."), (self.tr("Counters"), "counters."),
                            (self.tr("Reviews"), "review."), (self.tr("Sources"), "source."),
                            (self.tr("Endpoint key"), "endpoint.")):
            self.kind_combo.addItem(text, value)
        self.date_check = QCheckBox(self.tr("Dates (UTC)"))
        self.dates = DateRangeEdit(days=7)
        self.dates.setEnabled(False)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.status = QLabel()
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("When (UTC)"), self.tr("Who"), self.tr("What"),
                                              self.tr("Details")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        lay = QVBoxLayout(self)
        lay.addLayout(hrow(self.kind_combo, self.date_check, self.dates, STRETCH, self.status,
                           self.refresh_button, self.export_button))
        lay.addWidget(self.table, 1)

        self.kind_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.date_check.toggled.connect(self._dates_toggled)
        self.dates.changed.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self._ask_export)
        self._generation = 0
        self.loaded = False

    def _dates_toggled(self, on: bool) -> None:
        self.dates.setEnabled(on)
        self.refresh()

    def filters(self) -> dict[str, Any]:
        out: dict[str, Any] = {"action": self.kind_combo.currentData()}
        if self.date_check.isChecked():
            start, end = self.dates.dates()
            out["start_date"], out["end_date"] = start.isoformat(), end.isoformat()
        return out

    def refresh(self) -> None:
        db = self._database()
        if db is None:
            self.status.setText(self.tr("No history database."))
            return
        from storage.audit_query import audit_page

        self._generation += 1
        generation = self._generation

        def done(result: tuple[int, list[dict[str, Any]]]) -> None:
            if generation == self._generation:
                self.show_rows(*result)

        def failed(message: str) -> None:
            if generation == self._generation:
                self.status.setText(message)

        self.loaded = False
        run_async(audit_page, db, limit=SHOWN, page=1, **self.filters(), on_done=done, on_error=failed)

    def show_rows(self, total: int, rows: list[dict[str, Any]]) -> None:
        self.total, self.rows = total, rows
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            detail = row["detail"]
            text = detail if isinstance(detail, str) else json.dumps(detail, ensure_ascii=False, default=str)
            values = (row["at"].replace("T", " ").rstrip("Z"), row["actor"], self.action_text(row["action"]), text)
            for j, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if j == 3:
                    item.setToolTip(text)
                if j == 2:
                    item.setData(Qt.ItemDataRole.UserRole, row["action"])
                self.table.setItem(i, j, item)
        shown = self.tr("%1 entries").replace("%1", str(total))
        if total > len(rows):
            shown = self.tr("newest %1 of %2 entries").replace("%1", str(len(rows))).replace("%2", str(total))
        self.status.setText(shown)
        self.loaded = True

    def action_text(self, action: str) -> str:
        names = {
            "model.activated": self.tr("model activated"), "model.trained": self.tr("model trained"),
            "model.imported": self.tr("model imported"), "model.deleted": self.tr("model deleted"),
            "model.renamed": self.tr("model renamed"), "model.params_changed": self.tr("parameters changed"),
            "threshold.applied": self.tr("threshold applied"), "settings.saved": self.tr("settings saved"),
            "endpoint.key_changed": self.tr("endpoint key changed"), "roles.pin_changed": self.tr("PIN changed"),
            "roles.unlocked": self.tr("engineer unlocked"), "roles.locked": self.tr("back to operator"),
            "counters.reset": self.tr("counters reset"), "review.given": self.tr("review given"),
            "source.started": self.tr("source started"), "source.stopped": self.tr("source stopped"),
            "source.lost": self.tr("source lost"),
        }
        return names.get(action, action)

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the audit trail"),
                                              str(Path.home() / "qcstation-audit.csv"), self.tr("CSV (*.csv)"))
        if path:
            self.export(Path(path))

    def export(self, path: Path, on_done: Callable[[int], None] | None = None) -> None:
        db = self._database()
        if db is None:
            return
        from storage.audit_query import export_audit_csv

        def done(n: int) -> None:
            self.status.setText(self.tr("%1 entries written to %2").replace("%1", str(n)).replace("%2", str(path)))
            if on_done is not None:
                on_done(n)

        run_async(export_audit_csv, db, path, **self.filters(), on_done=done,
                  on_error=lambda m: self.status.setText(self.tr("Export failed: %1").replace("%1", m)))
