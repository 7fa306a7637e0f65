"""Runs the Live page's source: one ``CaptureWorker`` at a time, never a wait on the GUI thread.

Why a controller: starting, stopping, single-shot triggers, a source that dies and comes back
(SOURCE LOST with a reconnect countdown) and the station's machine state all follow from one
small state machine here; the page only draws what the signals say.

- ``stop()`` returns at once: the worker is asked to stop and forgotten; its thread ends in the
  background and ``stopped`` follows when it has (a stalled camera read cannot freeze the GUI).
- A source that fails (camera unplugged, folder vanished, unreadable video) is retried after a
  growing pause; ``lost(reason, seconds)`` says so, ``stop()`` gives up.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from camera import CaptureStats, CaptureWorker, FrameSource, SourceError
from station.errors import StationBusy
from station.machine_state import MachineState

log = logging.getLogger(__name__)

RETRY_S = (2.0, 5.0, 10.0, 30.0)  # pauses before the 1st, 2nd, 3rd, later reconnect attempts


class CaptureController(QObject):
    """``start(make_source)``, ``trigger()``, ``stop()``; signals arrive on the GUI thread."""

    changed = Signal()  # running / triggered / lost changed: redo buttons and the tile
    ended = Signal()  # a finite source played to its end
    lost = Signal(str, float)  # reason, seconds to the next attempt
    stopped = Signal(object)  # CaptureStats of a worker whose thread has ended
    _workerError = Signal(object, str)
    _workerFinished = Signal(object)

    def __init__(self, bridge: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.worker: CaptureWorker | None = None
        self.last_stats: CaptureStats | None = None
        self._make_source: Callable[[], FrameSource] | None = None
        self._triggered = False
        self._attempt = 0
        self._kind = "?"
        self._retry_at: float | None = None
        self.lost_reason: str | None = None
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._reconnect)
        self._workerError.connect(self._on_error)
        self._workerFinished.connect(self._on_finished)

    @property
    def machine(self) -> Any:
        return getattr(self.bridge.station, "machine", None)

    # -- state -----------------------------------------------------------------------------------
    def is_running(self) -> bool:
        """A worker runs, or a lost source waits for its next attempt (Stop gives up)."""
        return self.worker is not None or self.lost_reason is not None

    def is_streaming(self) -> bool:
        return self.is_running() and not self._triggered

    @property
    def triggered(self) -> bool:
        return self._triggered

    def retry_in(self) -> float | None:
        return None if self._retry_at is None else max(0.0, self._retry_at - time.monotonic())

    def stats(self) -> CaptureStats | None:
        return self.worker.stats() if self.worker is not None else self.last_stats

    # -- control ---------------------------------------------------------------------------------
    def start(self, make_source: Callable[[], FrameSource], *, triggered: bool = False) -> None:
        """Open a new source (``make_source`` is called now and again on each reconnect)."""
        self.stop()
        self._make_source, self._triggered, self._attempt = make_source, triggered, 0
        self._launch(make_source())

    def _launch(self, source: FrameSource) -> None:
        holder: list[CaptureWorker] = []  # callbacks name their worker: late ones from an old run are ignored
        worker = CaptureWorker(source, self._process, triggered=self._triggered,
                               on_error=lambda msg: self._workerError.emit(holder[0], msg),
                               on_finished=lambda: self._workerFinished.emit(holder[0]))
        holder.append(worker)
        self.worker = worker
        self._kind = source.kind
        self.lost_reason = None
        self._retry_at = None
        worker.start()
        if self.machine is not None:
            self.machine.source_started(source.kind)
        self.changed.emit()

    def trigger(self) -> None:
        if self.worker is not None and self._triggered:
            self.worker.trigger()

    def stop(self) -> None:
        """Never blocks: ask the worker to stop, forget it, give up any reconnect."""
        self._retry.stop()
        self._retry_at = None
        was = self.is_running()
        self.lost_reason = None
        worker, self.worker = self.worker, None
        if worker is not None:
            self.last_stats = worker.stats()
            worker.stop()  # returns at once; _on_finished follows from the thread's end
        if was:
            if self.machine is not None:
                self.machine.source_stopped()
            self.changed.emit()

    def _process(self, frame: Any) -> Any:
        """Capture thread: hand the frame to the station; a busy station drops it."""
        try:
            return self.bridge.inspect(frame.image, source=frame.source, name=frame.name, part_id=frame.part_id)
        except StationBusy:
            return None

    # -- worker callbacks (GUI thread) -----------------------------------------------------------
    def _on_error(self, worker: Any, message: str) -> None:
        if worker is not self.worker:
            return
        self.last_stats = worker.stats()
        self.worker = None
        if self.last_stats.captured:  # it ran for a while: start the pauses from the shortest again
            self._attempt = 0
        self._lose(message)

    def _lose(self, message: str) -> None:
        delay = RETRY_S[min(self._attempt, len(RETRY_S) - 1)]
        self._attempt += 1
        self.lost_reason = message
        self._retry_at = time.monotonic() + delay
        self._retry.start(int(delay * 1000))
        log.warning("source %s lost (%s); reconnecting in %.0f s", self._kind, message, delay)
        if self.machine is not None:
            self.machine.source_lost(self._kind, message, delay)
        self.lost.emit(message, delay)
        self.changed.emit()

    def _on_finished(self, worker: Any) -> None:
        self.stopped.emit(worker.stats())
        if worker is not self.worker:
            return  # stopped by the user (already forgotten) or failed (handled in _on_error)
        self.last_stats = worker.stats()
        self.worker = None
        if self.machine is not None:
            self.machine.source_stopped()
        if not worker.triggered:
            self.ended.emit()
        self.changed.emit()

    def _reconnect(self) -> None:
        if self._make_source is None or self.lost_reason is None:
            return
        try:
            source = self._make_source()
        except SourceError as exc:  # e.g. the folder is still gone: keep counting down
            self._lose(str(exc))
            return
        self._launch(source)

    def poll_camera(self) -> None:
        """A camera reconnects inside its own source: mirror that into the machine state."""
        worker = self.worker
        source = worker.source if worker is not None else None
        if getattr(source, "kind", "") != "camera" or self.machine is None:
            return
        status = str(getattr(source, "status", ""))
        if status.startswith("reconnecting"):
            try:
                secs = float(status.split()[2])
            except (IndexError, ValueError):
                secs = None
            self.machine.source_lost("camera", "camera lost", secs)
        elif status == "open" and self.machine.snapshot().state is MachineState.SOURCE_LOST:
            self.machine.source_started("camera")

    def shutdown(self) -> None:
        worker = self.worker
        self.stop()
        if worker is not None:
            worker.stop(2.0)  # closing the window: let the source close its device
