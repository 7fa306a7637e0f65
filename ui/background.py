"""Run slow calls (database queries, image decoding, evaluation) off the GUI thread.

The GUI thread only draws. Work goes to a small private ``QThreadPool`` (so a long evaluation in
the global pool never starves the history queries) and the result comes back as a queued Qt
signal. :class:`LatestOnly` drops results of superseded requests: when the user changes a filter
while a query is running, the old answer is discarded instead of overwriting the new one.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

log = logging.getLogger(__name__)

_POOL: QThreadPool | None = None


def query_pool() -> QThreadPool:
    """The pool for short reads (queries, thumbnails): a few threads, never the evaluation."""
    global _POOL
    if _POOL is None:
        _POOL = QThreadPool()
        _POOL.setMaxThreadCount(3)
        _POOL.setExpiryTimeout(30_000)
    return _POOL


class _Relay(QObject):
    """Lives in the GUI thread; signals emitted from a pool thread arrive queued."""

    done = Signal(object, object)  # token, result
    failed = Signal(object, str)  # token, readable reason


_LIVE: set[_Relay] = set()  # one-shot relays stay referenced until their answer is delivered


def _start(relay: _Relay, token: Any, fn: Callable[..., Any], args: tuple, kwargs: dict) -> None:
    def job() -> None:  # pool thread
        # Register the Qt pool thread with Python's threading module: storage.Database keeps one
        # reader connection per thread and closes those of threads it cannot see in
        # threading.enumerate(), which a bare Qt thread is not part of.
        threading.current_thread()
        try:
            result = fn(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - reported to the page as a readable message
            log.warning("background task failed: %s", exc, exc_info=True)
            relay.failed.emit(token, str(exc) or type(exc).__name__)
            return
        relay.done.emit(token, result)

    query_pool().start(job)


def run_async(
    fn: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[str], None] | None = None,
    **kwargs: Any,
) -> None:
    """Fire-and-forget: ``fn(*args, **kwargs)`` in the query pool, callbacks on the GUI thread."""
    relay = _Relay()
    _LIVE.add(relay)

    def _finish(value: Any, cb: Callable | None) -> None:
        _LIVE.discard(relay)
        relay.deleteLater()
        if cb is None:
            return
        try:
            cb(value)
        except RuntimeError as exc:  # the page was closed while its query ran: nobody to tell
            if "already deleted" not in str(exc) and "has been deleted" not in str(exc):
                raise
            log.debug("background answer for a deleted widget dropped: %s", exc)

    relay.done.connect(lambda _t, r: _finish(r, on_done))
    relay.failed.connect(lambda _t, e: _finish(e, on_error))
    _start(relay, None, fn, args, kwargs)


class LatestOnly(QObject):
    """Submits calls to the pool and delivers only the newest one's result.

    ``submit`` returns a token; ``resultReady(token, result)`` / ``failed(token, reason)`` fire for
    the latest token only. ``busy`` tells whether the latest request is still running.
    """

    resultReady = Signal(object, object)
    failed = Signal(object, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._relay.failed.connect(self._on_failed)
        self._lock = threading.Lock()
        self._latest = 0
        self._running: set[int] = set()

    @property
    def latest(self) -> int:
        return self._latest

    @property
    def busy(self) -> bool:
        return self._latest in self._running

    def submit(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> int:
        with self._lock:
            self._latest += 1
            token = self._latest
        self._running.add(token)
        _start(self._relay, token, fn, args, kwargs)
        return token

    def cancel(self) -> None:
        """Forget whatever is running: its result will be dropped."""
        with self._lock:
            self._latest += 1

    def _on_done(self, token: int, result: Any) -> None:
        self._running.discard(token)
        if token == self._latest:
            self.resultReady.emit(token, result)

    def _on_failed(self, token: int, reason: str) -> None:
        self._running.discard(token)
        if token == self._latest:
            self.failed.emit(token, reason)


def wait_for_pool(timeout_ms: int = 10_000) -> bool:
    """Tests and shutdown: wait until queued reads are done."""
    return query_pool().waitForDone(timeout_ms)
