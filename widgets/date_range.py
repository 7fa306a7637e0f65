"""A from–to pair of calendar dates, the day filter of the History, Audit trail and Statistics pages."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QWidget


class DateRangeEdit(QWidget):
    """Two calendar pop-up date fields (``yyyy-MM-dd``) around a dash, ending today and spanning
    ``days`` days at first. ``changed`` fires when either date changes; ``setEnabled`` and
    ``setVisible`` act on the pair."""

    changed = Signal()

    def __init__(self, days: int = 7, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(1 - days))
        self.date_to = QDateEdit(today)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        for i, edit in enumerate((self.date_from, self.date_to)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self.changed)
            if i:
                lay.addWidget(QLabel("–"))
            lay.addWidget(edit)

    def dates(self) -> tuple[date, date]:
        return self.date_from.date().toPython(), self.date_to.date().toPython()

    def set_dates(self, start: date | None, end: date | None, *, quiet: bool = False) -> None:
        """Set either date or both (None keeps that one); ``quiet``: without ``changed``."""
        blocked = self.blockSignals(True) if quiet else self.signalsBlocked()
        try:
            if start is not None:
                self.date_from.setDate(QDate(start))
            if end is not None:
                self.date_to.setDate(QDate(end))
        finally:
            self.blockSignals(blocked)
