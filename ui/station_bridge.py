"""The GUI's one handle on the station core: station events and futures become queued Qt signals.

Why: the station publishes plain-Python events from its inference worker and answers with
``concurrent.futures.Future`` objects. Widgets must only be touched on the GUI thread, and the
GUI thread must never wait on a future. Work of its own (model loads) runs in a
``ui.workers`` worker like every page's. Every signal below is emitted from whatever thread
finished the work; Qt queues it to the receivers living on the GUI thread (auto connection).

Pages use the bridge, never ``station.events`` directly:

- ``resultReady(inspection)``   every recorded inspection (live sources, HTTP, batch), a
  ``station.core.Inspection`` (``.record``, ``.result``, ``.image``)
- ``modelChanged(info)``        the active model changed (``ModelInfo`` or ``None``)
- ``queueDepth(depth, capacity)`` the inference queue's fill level
- ``storageWarning(message)``   disk quota / free space problems, shown to the user
- ``inspectionFailed(message)`` an ``inspect()`` future failed (bad image, engine error)
- ``previewReady(result)``      the latest ``preview()`` answer (stale answers are dropped)
- ``previewFailed(message)``
- ``modelLoadFailed(message)``  ``load_model_async()`` could not open the bundle
- ``settingsChanged(settings)`` the settings store has a new (frozen) ``Settings``

``settings_store`` is where pages change settings (``store.update({"ui.theme": "light"})``);
``settings`` is always the newest value.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QObject, Signal

from station.drift import DriftChanged
from station.events import ModelChanged, QueueDepth, ResultReady, StorageWarning
from station.settings import Settings, SettingsStore

if TYPE_CHECKING:
    from inference.model import AnomalyModel
    from inference.types import ModelInfo, PredictParams
    from station.core import Inspection, Station

log = logging.getLogger(__name__)


class StationBridge(QObject):
    """Wraps a ``station.core.Station`` (or anything with its interface) for the GUI."""

    resultReady = Signal(object)
    modelChanged = Signal(object)
    queueDepth = Signal(int, int)
    storageWarning = Signal(str)
    inspectionFailed = Signal(str)
    previewReady = Signal(object)
    previewFailed = Signal(str)
    modelLoadFailed = Signal(str)
    settingsChanged = Signal(object)
    driftChanged = Signal(object)  # station.drift.DriftStatus

    def __init__(self, station: Station, settings: Settings | SettingsStore, parent: QObject | None = None) -> None:
        """``settings``: the running store (``composition`` passes it), or plain settings (tests,
        tools), which get a store on the default settings file."""
        super().__init__(parent)
        self._station = station
        self._store = settings if isinstance(settings, SettingsStore) else SettingsStore(settings)
        self._unsubscribe_settings: Callable[[], None] | None = self._store.subscribe(self.settingsChanged.emit)
        self._lock = threading.Lock()
        self._preview_seq = 0
        self.last_inspection: Inspection | None = None  # the newest Inspection seen (Models page previews on it)
        self._unsubscribe: Callable[[], None] | None = station.events.subscribe(self._on_event)
        self.resultReady.connect(self._remember)

    # -- accessors -------------------------------------------------------------------------------
    @property
    def station(self) -> Station:
        return self._station

    @property
    def settings(self) -> Settings:
        return self._store.current

    @property
    def settings_store(self) -> SettingsStore:
        return self._store

    @property
    def database(self) -> Any:
        """``storage.Database`` of the station (reads are safe from any thread)."""
        return self._station.database

    def model_info(self) -> ModelInfo | None:
        return self._station.model_info

    def params(self) -> PredictParams | None:
        """The active model's ``PredictParams`` or ``None`` without a model."""
        model = self._station.model
        return model.params if model is not None else None

    # -- actions ---------------------------------------------------------------------------------
    def inspect(self, image: np.ndarray, *, source: str, name: str, part_id: str | None = None) -> Future:
        """Queue one image; the result arrives as ``resultReady`` (the station publishes it).

        Raises ``StationBusy`` / ``NoModelLoaded`` / ``StationStopped`` at once (never later),
        so a caller can count a dropped frame. Later failures come as ``inspectionFailed``.
        """
        future = self._station.inspect(image, source=source, name=name, part_id=part_id)
        future.add_done_callback(self._inspect_done)
        return future

    def _inspect_done(self, future: Future) -> None:
        if future.cancelled():
            return
        exc = future.exception()
        if exc is not None:
            log.warning("inspection failed: %s", exc)
            self.inspectionFailed.emit(str(exc) or type(exc).__name__)

    def preview(self, image: np.ndarray, params: PredictParams | None) -> int:
        """Judge ``image`` with ``params`` without recording; answers come as ``previewReady``.

        Only the newest request's answer is emitted, so dragging a slider never shows an old result.
        Returns the request number.
        """
        with self._lock:
            self._preview_seq += 1
            seq = self._preview_seq
        try:
            future = self._station.preview(image, params)
        except Exception as exc:  # noqa: BLE001 - shown to the user, never raised into a slot
            self.previewFailed.emit(str(exc) or type(exc).__name__)
            return seq
        future.add_done_callback(lambda f, seq=seq: self._preview_done(seq, f))
        return seq

    def _preview_done(self, seq: int, future: Future) -> None:
        with self._lock:
            if seq != self._preview_seq:
                return
        if future.cancelled():
            return
        exc = future.exception()
        if exc is not None:
            self.previewFailed.emit(str(exc) or type(exc).__name__)
        else:
            self.previewReady.emit(future.result())

    def set_params(self, params: PredictParams) -> None:
        self._station.set_params(params)

    def set_model(self, model: AnomalyModel | None) -> None:
        self._station.set_model(model)

    def load_model(self, path: str | Path) -> ModelInfo:
        """Load a bundle synchronously (tests, start-up); raises the engine's ``ModelFileError``."""
        return self._station.load_model(path)

    def load_model_async(self, path: str | Path, *, confirmed: bool = False) -> None:
        """Load on a worker thread: success shows as ``modelChanged``, failure as ``modelLoadFailed``.

        Goes through ``station.changeover`` (CHANGEOVER while loading, atomic switch, recorded).
        """
        from station.changeover import load_and_switch
        from ui.workers import create_worker

        create_worker(load_and_switch, self._station, path, confirmed=confirmed, _long=True,
                      _name="qcs-load-model", _connect={"errored": self.modelLoadFailed.emit})

    def close(self) -> None:
        """Stop listening to the station (call before the station stops)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if self._unsubscribe_settings is not None:
            self._unsubscribe_settings()
            self._unsubscribe_settings = None

    # -- events ----------------------------------------------------------------------------------
    def _remember(self, inspection: Inspection) -> None:
        self.last_inspection = inspection

    def _on_event(self, event: object) -> None:
        # Runs on the publishing thread: only emit, never touch widgets.
        if isinstance(event, ResultReady):
            self.resultReady.emit(event.inspection)
        elif isinstance(event, ModelChanged):
            self.modelChanged.emit(event.info)
        elif isinstance(event, QueueDepth):
            self.queueDepth.emit(int(event.depth), int(event.capacity))
        elif isinstance(event, StorageWarning):
            self.storageWarning.emit(str(event.message))
        elif isinstance(event, DriftChanged):
            self.driftChanged.emit(event.status)
