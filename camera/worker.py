"""One capture thread per active source; the newest frame wins when inference is slower.

Why this shape: a camera delivers 30 frames a second whatever the model does. Queueing them all
would grow memory and latency without bound, so at most one frame is being processed and at most
one waits; a newer frame replaces the waiting one and the replaced one is counted as dropped.
Sources that are not paced (a video "as fast as inference allows") are read only when the
consumer is free, so they lose nothing.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from camera.frames import Frame, FrameSource, SourceError

log = logging.getLogger(__name__)

# process(frame) -> Future when accepted, None when the consumer is busy (frame dropped);
# raising stops the run with that message (e.g. "no model loaded").
Process = Callable[[Frame], "Future | None"]


@dataclass(frozen=True)
class CaptureStats:
    captured: int  # frames read from the source
    processed: int  # frames whose processing finished
    dropped: int  # stale frames replaced by newer ones, or refused by a busy consumer
    capture_fps: float  # frames per second read from the source (last few seconds)


class CaptureWorker:
    """Reads ``source`` on its own thread and hands frames to ``process``.

    ``triggered=True`` reads one frame per :meth:`trigger` call instead of streaming (the
    single-shot button), keeping the source open between shots.
    """

    def __init__(self, source: FrameSource, process: Process, *, triggered: bool = False,
                 on_error: Callable[[str], None] | None = None,
                 on_finished: Callable[[], None] | None = None) -> None:
        self.source = source
        self._process = process
        self.triggered = triggered
        self._on_error = on_error
        self._on_finished = on_finished
        self._stop = threading.Event()
        self._cv = threading.Condition()
        self._in_flight = False
        self._pending: Frame | None = None
        self._triggers = 0
        self._captured = 0
        self._processed = 0
        self._dropped = 0
        self._stamps: deque[float] = deque(maxlen=60)
        self._thread: threading.Thread | None = None
        self.error: str | None = None

    # -- control ---------------------------------------------------------------------------------
    def start(self, supervise: Callable[[str, Callable[[], None]], Any] | None = None) -> CaptureWorker:
        """Start reading; ``supervise(name, loop)`` (``station.supervisor``; camera cannot import
        station) runs the loop supervised: whatever escapes its own error handling is logged,
        reported and restarted instead of ending the capture silently."""
        if supervise is not None:
            self._thread = supervise(f"capture-{self.source.kind}", self._run)
            return self
        self._thread = threading.Thread(target=self._run, name=f"qcs-capture-{self.source.kind}",
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float | None = None) -> bool:
        """Ask the thread to stop and return at once (the frame being processed still finishes).

        Never blocks by default: a stalled camera read must not freeze the caller (the GUI). The
        end is reported through ``on_finished`` (the GUI turns it into a "stopped" signal). With
        ``timeout`` (tests, shutdown) it waits that long; True when the thread has ended.
        """
        self._stop.set()
        with self._cv:
            self._pending = None
            self._cv.notify_all()
        if self._thread is not None and hasattr(self._thread, "request_stop"):
            self._thread.request_stop()
        if self._thread is None or self._thread is threading.current_thread():
            return True
        if timeout:
            self._thread.join(timeout)
        return not self.running

    @property
    def stopping(self) -> bool:
        """Stop was asked (or the source failed); the thread may still be winding down."""
        return self._stop.is_set()

    def trigger(self) -> None:
        """Ask a triggered worker for one more frame."""
        with self._cv:
            self._triggers += 1
            self._cv.notify_all()

    @property
    def running(self) -> bool:
        thread = self._thread
        if thread is None:
            return False
        return thread.alive if hasattr(thread, "alive") else thread.is_alive()

    def stats(self) -> CaptureStats:
        with self._cv:
            stamps = list(self._stamps)
            fps = (len(stamps) - 1) / (stamps[-1] - stamps[0]) if len(stamps) > 1 and stamps[-1] > stamps[0] \
                else 0.0
            return CaptureStats(self._captured, self._processed, self._dropped, fps)

    # -- thread ----------------------------------------------------------------------------------
    def _run(self) -> None:
        try:
            self.source.open()
            while not self._stop.is_set():
                if not self._wait_turn():
                    break
                frame = self.source.read(self._stop, wait=not self.triggered)
                if frame is None:
                    break
                with self._cv:
                    self._captured += 1
                    self._stamps.append(time.monotonic())
                self._offer(frame)
            self._drain()
        except SourceError as exc:
            self._fail(str(exc))
        except Exception as exc:  # noqa: BLE001 - a capture bug must reach the operator, not kill silently
            log.exception("capture from %s failed", self.source.describe())
            self._fail(f"{type(exc).__name__}: {exc}")
        finally:
            try:
                self.source.close()
            except Exception:  # noqa: BLE001
                log.exception("closing %s failed", self.source.describe())
            if self._on_finished is not None:
                self._on_finished()

    def _wait_turn(self) -> bool:
        """Triggered: wait for a trigger. Unpaced: wait until the consumer is free."""
        with self._cv:
            if self.triggered:
                while self._triggers == 0 and not self._stop.is_set():
                    self._cv.wait(0.5)
                if self._stop.is_set():
                    return False
                self._triggers -= 1
            elif not self.source.paced:
                while self._in_flight and not self._stop.is_set():
                    self._cv.wait(0.5)
            return not self._stop.is_set()

    def _drain(self) -> None:
        """A finite source ended: let the last frames finish before reporting the end."""
        with self._cv:
            deadline = time.monotonic() + 30
            while (self._in_flight or self._pending is not None) and not self._stop.is_set():
                if time.monotonic() > deadline:
                    break
                self._cv.wait(0.2)

    def _fail(self, message: str) -> None:
        self.error = message
        self._stop.set()
        if self._on_error is not None:
            self._on_error(message)

    # -- newest frame wins -----------------------------------------------------------------------
    def _offer(self, frame: Frame) -> None:
        with self._cv:
            if self._in_flight:
                if self._pending is not None:
                    self._dropped += 1
                self._pending = frame
                return
            self._in_flight = True
        self._dispatch(frame)

    def _dispatch(self, frame: Frame | None) -> None:
        while frame is not None:
            if self._stop.is_set():
                future = None
            else:
                try:
                    future = self._process(frame)
                except Exception as exc:  # noqa: BLE001 - e.g. no model: stop with the reason
                    with self._cv:
                        self._in_flight = False
                        self._pending = None
                        self._cv.notify_all()
                    self._fail(str(exc) or type(exc).__name__)
                    return
            if future is not None:
                future.add_done_callback(self._done)
                return
            with self._cv:  # refused (busy) or stopping: drop it and try the waiting one
                if not self._stop.is_set():
                    self._dropped += 1
                frame, self._pending = self._pending, None
                if frame is None:
                    self._in_flight = False
                    self._cv.notify_all()

    def _done(self, _future: Future) -> None:
        with self._cv:
            self._processed += 1
            frame, self._pending = self._pending, None
            if frame is None:
                self._in_flight = False
                self._cv.notify_all()
                return
        self._dispatch(frame)
