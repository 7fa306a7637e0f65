"""History -> "Add to training set": reviewed parts on the line become training data.

Attached to the History page with one call: the table allows selecting several rows and a button
offers *as OK*, *as NG* (NG parts calibrate the threshold) or *as reviewed* (each record's final
verdict: the operator's review when there is one, else the machine's). The records' original
images are copied into the default target's training set (``station.machine``), where the Models
page and ``GET /api/v1/items?item_type=training`` show them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QMenu, QPushButton

from ui.workers import run_async


class HistoryTrainingAction(QObject):
    added = Signal(int)  # how many records were added

    def __init__(self, page: Any) -> None:
        super().__init__(page)
        self.page = page
        page.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.button = QPushButton(self.tr("Add to training set"))
        self.button.setObjectName("addToTrainingSet")
        self.button.setToolTip(self.tr("Copy the selected records' images into the training set of the "
                                       "current inspection target"))
        menu = QMenu(self.button)
        self.as_reviewed = QAction(self.tr("As reviewed (final verdict)"), menu)
        self.as_ok = QAction(self.tr("As OK"), menu)
        self.as_ng = QAction(self.tr("As NG (for calibration)"), menu)
        for action, good in ((self.as_reviewed, None), (self.as_ok, True), (self.as_ng, False)):
            action.triggered.connect(lambda _checked=False, g=good: self.add_selected(g))
            menu.addAction(action)
        self.button.setMenu(menu)
        self.status = QLabel()
        self.status.setObjectName("addToTrainingStatus")
        _status_row(page).insertWidget(2, self.status)
        _status_row(page).insertWidget(3, self.button)
        page.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self._update()

    def selected_records(self) -> list[Any]:
        rows = sorted({i.row() for i in self.page.table.selectionModel().selectedRows()})
        records = [self.page.model.record_at(r) for r in rows]
        return [r for r in records if r is not None]

    def _update(self) -> None:
        self.button.setEnabled(bool(self.page.table.selectionModel().selectedRows()))

    def add_selected(self, good: bool | None) -> None:
        from station.machine import services_for

        records = self.selected_records()
        if not records:
            return
        try:
            svc = services_for(self.page.bridge.station, self.page.settings)
        except Exception as exc:  # noqa: BLE001 - no database open: say so
            self.status.setText(self.tr("Not added: %1").replace("%1", str(exc)))
            return
        ids = [r.id for r in records]
        self.button.setEnabled(False)

        def done(item_ids: list[str]) -> None:
            self.status.setText(self.tr("%1 added to the training set").replace("%1", str(len(item_ids))))
            self._update()
            self.added.emit(len(item_ids))

        def failed(reason: str) -> None:
            self.status.setText(self.tr("Not added: %1").replace("%1", reason))
            self._update()

        run_async(svc.add_records_to_training, ids, good, "gui", on_done=done, on_error=failed)


def _status_row(page: Any) -> QHBoxLayout:
    """The row under the table that holds the export button."""
    layout = page.export_button.parentWidget().layout()
    for i in range(layout.count()):
        sub = layout.itemAt(i).layout()
        if sub is not None and sub.indexOf(page.export_button) >= 0:
            return sub
    raise RuntimeError("history page layout changed: no row with the export button")


def attach(page: Any) -> HistoryTrainingAction:
    page.training_action = HistoryTrainingAction(page)
    return page.training_action


__all__ = ["HistoryTrainingAction", "attach"]
