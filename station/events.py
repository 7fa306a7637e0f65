"""Events the station publishes. The GUI adapts them to Qt signals; tests subscribe directly.

Callbacks run on the thread that publishes (the inference worker, usually): they must be quick
and must not touch Qt widgets — the GUI's adapter re-emits them as queued Qt signals.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

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


T = TypeVar("T")


class Subscribers(Generic[T]):
    """A thread-safe list of callbacks: the event bus and the settings store both keep one."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._callbacks: list[Callable[[T], object]] = []

    def subscribe(self, callback: Callable[[T], object]) -> Callable[[], None]:
        """Add ``callback``; returns the function that removes it again."""
        with self._lock:
            self._callbacks.append(callback)

        def unsubscribe() -> None:
            with self._lock:
                if callback in self._callbacks:
                    self._callbacks.remove(callback)

        return unsubscribe

    def call_all(self, value: T) -> list[Exception]:
        """Call every callback with ``value``; one failing is logged and does not stop the others."""
        with self._lock:
            callbacks = list(self._callbacks)
        failures: list[Exception] = []
        for callback in callbacks:
            try:
                callback(value)
            except Exception as exc:  # noqa: BLE001 - a subscriber's bug must not stop the publisher
                log.exception("subscriber failed on %s", type(value).__name__)
                failures.append(exc)
        return failures


class EventBus:
    """Thread-safe publish/subscribe; a failing subscriber is logged, never breaks the publisher."""

    def __init__(self) -> None:
        self._subscribers: Subscribers[Event] = Subscribers()

    def subscribe(self, callback: Callable[[Event], None]) -> Callable[[], None]:
        return self._subscribers.subscribe(callback)

    def publish(self, event: Event) -> None:
        self._subscribers.call_all(event)
