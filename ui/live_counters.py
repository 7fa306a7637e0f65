"""The Live page's shift counters over time: restored from the history after a restart, restarted
when the next shift begins, reset (after a question) with the moment remembered in the database."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject

from station.shift_counts import counting_since, remember_reset, shift_counts
from ui.workers import run_async

log = logging.getLogger(__name__)


class ShiftTracker(QObject):
    """Drives ``counters`` (``widgets.counters.ShiftCounters``) and ``label`` for the current shift."""

    def __init__(self, counters: Any, label: Any, settings: Any, database: Any,
                 message: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.counters = counters
        self.label = label
        self._initial_settings = settings
        self.database = database
        self._message = message
        self.shift: tuple[str, datetime, datetime] | None = None
        self.since = datetime.now()
        self.restored = False
        counters.resetClicked.connect(self._on_reset)

    @property
    def settings(self) -> Any:
        """The owning page's settings when it has them: the window replaces a page's settings when
        the store publishes new ones, so edited shifts apply at once; a copy would go stale."""
        owner = self.parent()
        return getattr(owner, "settings", None) or self._initial_settings

    def current_shift(self, now: datetime) -> tuple[str, datetime, datetime] | None:
        from storage.shifts import current_shift

        try:
            return current_shift(self.settings.shifts, now)
        except (ValueError, AttributeError, AssertionError):  # malformed shift times: no shift logic
            return None

    def restore(self) -> None:
        """Carry on from the history of the current shift (count queries run off the GUI thread)."""
        now = datetime.now()
        shift = self.current_shift(now)
        if shift is None or self.database is None:
            self.restored = True
            return
        self.shift = shift
        since = counting_since(self.database, shift[1])
        self.since = since
        self.check(now)

        def done(counts: tuple[int, int]) -> None:
            if self.since == since:  # no reset or new shift meanwhile
                total_now = sum(self.counters.counts()[1:])
                ok, ng = counts
                if total_now <= ok + ng:  # parts counted live meanwhile are in the history too
                    self.counters.set_counts(ok, ng)
            self.restored = True

        def failed(message: str) -> None:
            log.warning("shift counters not restored: %s", message)
            self.restored = True
        run_async(shift_counts, self.database, since, now, on_done=done, on_error=failed)

    def check(self, now: datetime | None = None) -> None:
        """When the next shift starts (settings' shift times) the counters restart."""
        now = now or datetime.now()
        shift = self.current_shift(now)
        if shift is not None and self.shift is not None and shift[1] != self.shift[1]:
            self.counters.reset()
            self.since = now
            self._message(self.tr("Shift %1 started: counters restarted.").replace("%1", shift[0]))
        self.shift = shift
        since = self.since.strftime("%H:%M")
        if shift is not None and shift[0]:
            self.label.setText(self.tr("Shift %1 · counting since %2").replace("%1", shift[0]).replace("%2", since))
        else:
            self.label.setText(self.tr("Counting since %1").replace("%1", since))

    def _on_reset(self) -> None:
        self.since = datetime.now()
        try:
            remember_reset(self.database, self.since, getattr(self.counters, "counts_before_reset", None))
        except Exception:  # noqa: BLE001 - the reset itself is done; the memory of it is lost
            log.exception("counter reset not remembered")
        self.check()
