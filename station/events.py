"""Events the station publishes. The GUI adapts them to Qt signals; tests subscribe directly.

Callbacks run on the thread that publishes (the inference worker, usually): they must be quick
and must not touch Qt widgets — the GUI's adapter re-emits them as queued Qt signals.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ResultReady:
    inspection: Any  # station.core.Inspection (record + result + image)


@dataclass(frozen=True)
class ModelChanged:
    info: Any  # inference.ModelInfo | None


@dataclass(frozen=True)
class QueueDepth:
    depth: int
    capacity: int


@dataclass(frozen=True)
class StorageWarning:
    message: str


@dataclass(frozen=True)
class WorkerHealth(StorageWarning):
    """A supervised worker crashed, restarted or gave up (``station.supervisor``). A subclass of
    StorageWarning so every status bar that shows warnings shows this too; ``worker`` and ``state``
    let a GUI tell them apart."""

    worker: str = ""
    state: str = ""  # running | restarting | failed


Event = ResultReady | ModelChanged | QueueDepth | StorageWarning


class EventBus:
    """Thread-safe publish/subscribe; a failing subscriber is logged, never breaks the publisher."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscribers: list[Callable[[Event], None]] = []

    def subscribe(self, callback: Callable[[Event], None]) -> Callable[[], None]:
        with self._lock:
            self._subscribers.append(callback)

        def unsubscribe() -> None:
            with self._lock:
                if callback in self._subscribers:
                    self._subscribers.remove(callback)

        return unsubscribe

    def publish(self, event: Event) -> None:
        with self._lock:
            subscribers = list(self._subscribers)
        for callback in subscribers:
            try:
                callback(event)
            except Exception:  # noqa: BLE001 - a subscriber's bug must not stop inspection
                log.exception("event subscriber failed on %s", type(event).__name__)
