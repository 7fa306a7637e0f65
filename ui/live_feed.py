"""Turns the Live page's inspections into drawable parts off the GUI thread, newest first.

One preparation in flight for the main view, made at the view's size (``box``): parts that arrive meanwhile only count and the
newest waiting one is prepared next. NG parts for the strip are all prepared (scaled to
``SNAPSHOT_SIDE``, with a thumbnail) and delivered in arrival order.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from ui.live_shown import SNAPSHOT_SIDE, Shown
from ui.workers import run_async
from widgets.image_convert import thumbnail

log = logging.getLogger(__name__)


class PartFeed(QObject):
    partReady = Signal(object)  # Shown for the main view
    ngReady = Signal(int, object, object)  # key, Shown (scaled), thumbnail QImage

    def __init__(self, thumb_side: int, parent: QObject | None = None,
                 box: Callable[[], tuple[int, int]] | None = None,
                 zoomed: Callable[[], bool] | None = None) -> None:
        super().__init__(parent)
        self.thumb_side = thumb_side
        self.box = box  # the view's size in device pixels, read when a part is submitted (GUI thread)
        self.zoomed = zoomed  # whether the view is zoomed in: full-resolution frames converted ahead
        self._pending: Any = None
        self._preparing = False
        self._seq = 0
        self._ng_waiting: OrderedDict[int, Any] = OrderedDict()

    def busy(self) -> bool:
        return self._preparing or self._pending is not None or bool(self._ng_waiting)

    # -- main view -------------------------------------------------------------------------------
    def submit(self, insp: Any) -> None:
        self._pending = insp
        self._next()

    def _next(self) -> None:
        if self._preparing or self._pending is None:
            return
        insp, self._pending = self._pending, None
        self._preparing = True
        run_async(Shown.from_inspection, insp, fit=self.box() if self.box is not None else None,
                  eager_detail=self.zoomed() if self.zoomed is not None else True, on_done=self._done, on_error=self._failed)

    def _done(self, shown: Shown) -> None:
        self._preparing = False
        self.partReady.emit(shown)
        self._next()

    def _failed(self, message: str) -> None:
        self._preparing = False
        log.warning("could not prepare a part for the view: %s", message)
        self._next()

    # -- NG strip --------------------------------------------------------------------------------
    def submit_ng(self, insp: Any) -> int:
        self._seq += 1
        key = self._seq
        side = self.thumb_side

        def prepare() -> tuple[Shown, Any]:
            shown = Shown.from_inspection(insp, SNAPSHOT_SIDE)
            return shown, thumbnail(shown.image, side)

        self._ng_waiting[key] = None
        run_async(prepare, on_done=lambda out, key=key: self._ng_done(key, out),
                  on_error=lambda _m, key=key: self._ng_done(key, False))
        return key

    def _ng_done(self, key: int, out: Any) -> None:
        """Deliver in arrival order, whichever pool thread finished first."""
        self._ng_waiting[key] = out
        while self._ng_waiting:
            first = next(iter(self._ng_waiting))
            ready = self._ng_waiting[first]
            if ready is None:
                return
            del self._ng_waiting[first]
            if ready is not False:
                self.ngReady.emit(first, ready[0], ready[1])
