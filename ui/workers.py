"""The GUI's one way to run slow work off the GUI thread (shaped like napari's ``create_worker``).

Why: the window must never freeze, and widgets may only be touched on the GUI thread. A
:class:`Worker` runs a function on another thread and reports through queued Qt signals, so every
slot runs on the GUI thread; nothing here ever joins a thread on the GUI thread (``wait`` spins a
local event loop, so the window keeps painting while shutdown waits).

    worker = create_worker(db.query, flt, _connect={"returned": self._show, "errored": self._oops})

    worker = create_worker(train_fn, ok_dir, _progress=True, _long=True, _start=False)
    worker.progress.connect(on_progress)      # (stage: str, fraction: float)
    worker.returned.connect(on_result)        # the function's return value
    worker.errored.connect(on_error)          # readable message
    worker.cancelled.connect(on_cancelled)    # cancel() was asked and the function gave up
    worker.finished.connect(on_finished)      # after any of the three outcomes
    worker.start()
    ...
    worker.cancel()                            # sets worker.cancel_event; returns at once

With ``_progress=True`` the function is called as ``fn(progress, cancel, *args, **kwargs)``:
``progress(stage, fraction)`` emits ``progress``; ``cancel`` is a ``threading.Event`` it polls (the
engine's ``train``/``evaluate`` take both directly). Short reads (queries, thumbnails) share a
small private pool, so a history filter never waits behind a thumbnail storm; ``_long=True``
(training, evaluation, model loads) gets its own thread so it never starves those reads.

:class:`LatestOnly` delivers only the newest of several submitted calls (a filter changed while a
query ran: the old answer is dropped); :func:`run_async` is the fire-and-forget shorthand.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, QThreadPool, QTimer, Signal

log = logging.getLogger(__name__)

_POOL: QThreadPool | None = None
_LIVE: set[Worker] = set()  # started workers stay referenced until ``finished`` reached the GUI


def query_pool() -> QThreadPool:
    """The pool for short reads (queries, thumbnails): a few threads, never the long jobs."""
    global _POOL
    if _POOL is None:
        _POOL = QThreadPool()
        _POOL.setMaxThreadCount(3)
        _POOL.setExpiryTimeout(30_000)
    return _POOL


def _is_cancellation(exc: BaseException) -> bool:
    return type(exc).__name__ in ("TrainingCancelled", "EvaluationCancelled", "Cancelled")


class Worker(QObject):
    """One call on another thread; every signal is delivered on the thread the worker lives on
    (the GUI thread). ``is_running`` turns False only when ``finished`` has been delivered, so
    whoever sees False has also seen the outcome's effects."""

    started = Signal()
    progress = Signal(str, float)
    returned = Signal(object)
    errored = Signal(str)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, fn: Callable[..., Any], args: tuple = (), kwargs: dict | None = None, *,
                 with_progress: bool = False, long: bool = False, name: str = "qcs-worker") -> None:
        super().__init__()
        self._fn = fn
        self._args = args
        self._kwargs = kwargs or {}
        self._with_progress = with_progress
        self._long = long
        self._name = name
        self.cancel_event = threading.Event()
        self._state = "new"  # new → running → ended (GUI-side, set when ``finished`` arrives)
        self.finished.connect(self._on_finished)

    # -- GUI side ----------------------------------------------------------------------------------
    def start(self) -> None:
        if self._state != "new":
            raise RuntimeError(f"{self._name}: a worker runs once")
        self._state = "running"
        _LIVE.add(self)
        if self._long:
            threading.Thread(target=self._run, name=self._name, daemon=True).start()
        else:
            query_pool().start(self._run)

    def cancel(self) -> None:
        """Ask the function to stop (it polls ``cancel_event``); a later result is still delivered
        as ``cancelled`` when the function returns ``None``. Returns at once."""
        self.cancel_event.set()

    def is_running(self) -> bool:
        return self._state == "running"

    @property
    def long(self) -> bool:
        return self._long

    def wait(self, timeout: float | None = None) -> bool:
        """Until ``finished`` has been delivered or ``timeout`` seconds passed; True when ended.

        Spins a local event loop (window close, tests): the GUI keeps drawing, no thread is joined.
        """
        if self._state != "running":
            return True
        loop = QEventLoop()
        self.finished.connect(loop.quit)
        if timeout is not None:
            QTimer.singleShot(max(0, int(timeout * 1000)), loop.quit)
        if self._state == "running":
            loop.exec()
        self.finished.disconnect(loop.quit)
        return self._state != "running"

    def _on_finished(self) -> None:
        self._state = "ended"
        _LIVE.discard(self)

    # -- worker thread -----------------------------------------------------------------------------
    def _report(self, stage: str, fraction: float) -> None:
        self.progress.emit(str(stage), float(fraction))

    def _run(self) -> None:
        # Register a Qt pool thread with Python's threading module: storage.Database keeps one
        # reader connection per thread and closes those of threads it cannot see in
        # threading.enumerate(), which a bare Qt thread is not part of.
        threading.current_thread()
        self.started.emit()
        try:
            if self._with_progress:
                result = self._fn(self._report, self.cancel_event, *self._args, **self._kwargs)
            else:
                result = self._fn(*self._args, **self._kwargs)
        except Exception as exc:  # noqa: BLE001 - every failure becomes a readable message
            if self.cancel_event.is_set() or _is_cancellation(exc):
                self.cancelled.emit()
            else:
                log.warning("%s failed: %s", self._name, exc, exc_info=True)
                self.errored.emit(str(exc) or type(exc).__name__)
        else:
            if self.cancel_event.is_set() and result is None:
                self.cancelled.emit()
            else:
                self.returned.emit(result)
        finally:
            self.finished.emit()


def _guarded(cb: Callable[[Any], None]) -> Callable[..., None]:
    """A callback whose widget may have been closed while the work ran: nobody to tell then."""

    def call(*value: Any) -> None:
        try:
            cb(*value)
        except RuntimeError as exc:
            if "already deleted" not in str(exc) and "has been deleted" not in str(exc):
                raise
            log.debug("worker answer for a deleted widget dropped: %s", exc)

    return call


def create_worker(fn: Callable[..., Any], *args: Any, _progress: bool = False, _long: bool = False,
                  _start: bool = True, _connect: dict[str, Callable[..., Any]] | None = None,
                  _name: str = "qcs-worker", **kwargs: Any) -> Worker:
    """A :class:`Worker` for ``fn(*args, **kwargs)``; started at once unless ``_start=False``.

    ``_connect`` maps signal names (``returned``, ``errored``, ``progress``, ``cancelled``,
    ``finished``, ``started``) to callbacks, connected before the start so none is missed; those
    callbacks tolerate a widget deleted in the meantime. A worker has no Qt parent on purpose: a
    page closed mid-run must not delete the object its thread still reports through (the module
    keeps it alive until ``finished`` was delivered; the page's reference keeps it after).
    """
    worker = Worker(fn, args, kwargs, with_progress=_progress, long=_long, name=_name)
    for signal, cb in (_connect or {}).items():
        if cb is not None:
            getattr(worker, signal).connect(_guarded(cb))
    if _start:
        worker.start()
    return worker


def run_async(fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
              on_error: Callable[[str], None] | None = None, **kwargs: Any) -> Worker:
    """Fire-and-forget short read: ``fn(*args, **kwargs)`` in the query pool, callbacks on the GUI."""
    return create_worker(fn, *args, _connect={"returned": on_done, "errored": on_error}, **kwargs)


class LatestOnly(QObject):
    """Submits calls and delivers only the newest one's outcome.

    ``submit`` returns a token; ``resultReady(token, result)`` / ``failed(token, reason)`` fire for
    the latest token only. ``busy`` tells whether the latest request is still running.
    """

    resultReady = Signal(object, object)
    failed = Signal(object, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._latest = 0
        self._running: dict[int, Worker] = {}

    @property
    def latest(self) -> int:
        return self._latest

    @property
    def busy(self) -> bool:
        return self._latest in self._running

    def submit(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> int:
        self._latest += 1
        token = self._latest
        worker = create_worker(fn, *args, _start=False, **kwargs)
        # guarded: the LatestOnly may belong to a page closed while the call ran
        worker.returned.connect(_guarded(lambda result, t=token: self._deliver(t, result, None)))
        worker.errored.connect(_guarded(lambda reason, t=token: self._deliver(t, None, reason)))
        worker.finished.connect(_guarded(lambda t=token: self._running.pop(t, None)))
        self._running[token] = worker
        worker.start()
        return token

    def cancel(self) -> None:
        """Forget whatever is running: its result will be dropped."""
        for worker in self._running.values():
            worker.cancel()
        self._latest += 1

    def _deliver(self, token: int, result: Any, reason: str | None) -> None:
        self._running.pop(token, None)  # not busy any more by the time the page hears the answer
        if token != self._latest:
            return
        if reason is None:
            self.resultReady.emit(token, result)
        else:
            self.failed.emit(token, reason)


def running_workers() -> list[Worker]:
    return list(_LIVE)


def cancel_all(timeout: float = 5.0) -> bool:
    """Window close: ask every worker to stop and wait (event loop, not a join) until their
    ``finished`` arrived or ``timeout`` passed; True when all ended."""
    import time

    workers = running_workers()
    for worker in workers:
        worker.cancel()
    deadline = time.monotonic() + timeout
    ok = True
    for worker in workers:
        ok = worker.wait(max(0.0, deadline - time.monotonic())) and ok
    return ok


def wait_for_pool(timeout_ms: int = 10_000) -> bool:
    """Tests and shutdown: until every started short read has delivered its outcome."""
    import time

    deadline = time.monotonic() + timeout_ms / 1000
    ok = True
    for worker in [w for w in running_workers() if not w.long]:
        ok = worker.wait(max(0.0, deadline - time.monotonic())) and ok
    return query_pool().waitForDone(max(0, int((deadline - time.monotonic()) * 1000))) and ok
