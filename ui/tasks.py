"""Run a slow function (training, evaluation, export) off the GUI thread with progress and Cancel.

Why: the window must never freeze. A ``BackgroundTask`` runs ``fn(progress, cancel)`` on a plain
Python thread and reports through queued Qt signals; ``cancel`` is a ``threading.Event`` the
function polls (the engine's ``train``/``evaluate`` take it directly).

    task = BackgroundTask(lambda progress, cancel: inference.train(..., progress=progress,
                                                                  cancel=cancel), parent=self)
    task.progress.connect(on_progress)      # (stage: str, fraction: float)
    task.succeeded.connect(on_result)       # the function's return value
    task.failed.connect(on_error)           # readable message
    task.cancelled.connect(on_cancelled)
    task.start()
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

_running: set[BackgroundTask] = set()  # keeps tasks alive until their thread ends


class BackgroundTask(QObject):
    progress = Signal(str, float)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    finished = Signal()  # after any of the three outcomes

    def __init__(self, fn: Callable[[Callable[[str, float], None], threading.Event], Any],
                 parent: QObject | None = None, name: str = "qcs-task") -> None:
        super().__init__(parent)
        self._fn = fn
        self._name = name
        self.cancel_event = threading.Event()
        self._thread: threading.Thread | None = None
        self._ended = False  # set on the GUI thread when ``finished`` arrives there
        self.finished.connect(self._mark_ended)

    def start(self) -> None:
        _running.add(self)
        self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        self.cancel_event.set()

    def is_running(self) -> bool:
        """GUI-side state: True until the ``finished`` signal has been delivered to this object's thread,
        so whoever sees False also sees the outcome signal's effects (the worker thread itself ends
        a little earlier)."""
        return self._thread is not None and not self._ended

    def _mark_ended(self) -> None:
        self._ended = True

    def wait(self, timeout: float | None = None) -> bool:
        """Join the worker thread (shutdown); True when it has ended."""
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _report(self, stage: str, fraction: float) -> None:
        self.progress.emit(str(stage), float(fraction))

    def _run(self) -> None:
        try:
            result = self._fn(self._report, self.cancel_event)
        except Exception as exc:  # noqa: BLE001 - every failure becomes a readable message
            if self.cancel_event.is_set() or type(exc).__name__ == "TrainingCancelled":
                self.cancelled.emit()
            else:
                log.exception("%s failed", self._name)
                self.failed.emit(str(exc) or type(exc).__name__)
        else:
            if self.cancel_event.is_set() and result is None:
                self.cancelled.emit()
            else:
                self.succeeded.emit(result)
        finally:
            self.finished.emit()
            _running.discard(self)


def running_tasks() -> list[BackgroundTask]:
    return list(_running)


def cancel_all(timeout: float = 5.0) -> None:
    """Ask every running task to stop and wait a little (window close)."""
    tasks = running_tasks()
    for task in tasks:
        task.cancel()
    for task in tasks:
        task.wait(timeout)
