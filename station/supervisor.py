"""Long-lived worker threads that cannot die silently (no Qt: used by station, storage, camera, api).

Before (issue 12): one storage error escaped the recorder loop, the thread ended, ``running``
stayed true, new images answered ``busy`` and queued requests never resolved. A
:class:`Supervisor` runs a worker's loop function in a daemon thread and watches it:

* an exception that escapes the loop is logged with its traceback, ``on_crash(exc)`` fails the
  item(s) that loop was holding, and the loop is started again after a back-off
  (``backoff_s`` doubling up to ``max_backoff_s``), at most ``max_restarts`` times in a row
  (a loop that ran ``healthy_after_s`` without crashing earns its restarts back);
* after the last restart the worker is ``failed`` and ``on_give_up(exc)`` lets the owner refuse
  work (the station answers 503 ``stopped``) instead of letting callers wait forever;
* every state change goes to ``on_state(WorkerStatus)`` (the station publishes it as an event and
  shows it in ``/api/status``).

Exceptions of one *item* are the worker's own business (it fails that item and goes on); the
supervisor is the net for the loop itself.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)

RUNNING, RESTARTING, FAILED, STOPPED = "running", "restarting", "failed", "stopped"


@dataclass(frozen=True)
class WorkerStatus:
    name: str
    state: str  # running | restarting | failed | stopped
    restarts: int = 0  # crashes so far (all time)
    last_error: str | None = None
    since: float = 0.0  # time.time() of this state

    def to_dict(self) -> dict:
        return {"name": self.name, "state": self.state, "restarts": self.restarts,
                "last_error": self.last_error, "since": self.since}


class Supervisor:
    """Run ``target()`` in a supervised daemon thread; see the module docstring."""

    def __init__(self, name: str, target: Callable[[], None], *, max_restarts: int = 5,
                 backoff_s: float = 0.2, max_backoff_s: float = 5.0, healthy_after_s: float = 60.0,
                 on_crash: Callable[[BaseException], None] | None = None,
                 on_give_up: Callable[[BaseException], None] | None = None,
                 on_state: Callable[[WorkerStatus], None] | None = None,
                 thread_name: str | None = None) -> None:
        self.name = name
        self._target = target
        self.max_restarts = max_restarts
        self.backoff_s = backoff_s
        self.max_backoff_s = max_backoff_s
        self.healthy_after_s = healthy_after_s
        self._on_crash = on_crash
        self._on_give_up = on_give_up
        self._on_state = on_state
        self._thread_name = thread_name or f"qcs-{name}"
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._status = WorkerStatus(name, STOPPED, since=time.time())

    # ------------------------------------------------------------------ control
    def start(self) -> Supervisor:
        with self._lock:
            if self._thread is not None and self._thread.is_alive():
                return self
            self._stop.clear()
            self._thread = threading.Thread(target=self._supervise, name=self._thread_name, daemon=True)
        self._set(RUNNING)
        self._thread.start()
        return self

    def request_stop(self) -> None:
        """No more restarts; a back-off wait ends at once (the loop itself is told by its owner)."""
        self._stop.set()

    def join(self, timeout: float | None = None) -> bool:
        """True when the thread has ended."""
        thread = self._thread
        if thread is None or thread is threading.current_thread():
            return True
        thread.join(timeout)
        return not thread.is_alive()

    @property
    def alive(self) -> bool:
        thread = self._thread
        return thread is not None and thread.is_alive()

    @property
    def status(self) -> WorkerStatus:
        status = self._status
        if status.state in (RUNNING, RESTARTING) and not self.alive and self._thread is not None:
            return WorkerStatus(self.name, FAILED, status.restarts, status.last_error or "thread ended",
                                time.time())
        return status

    # ------------------------------------------------------------------ thread
    def _set(self, state: str, error: str | None = None, *, crashed: bool = False) -> None:
        old = self._status
        restarts = old.restarts + (1 if crashed else 0)
        new = WorkerStatus(self.name, state, restarts, error if error is not None else old.last_error, time.time())
        self._status = new
        if self._on_state is not None:
            try:
                self._on_state(new)
            except Exception:  # noqa: BLE001 - a listener must not break supervision
                log.exception("worker status listener failed for %s", self.name)

    def _supervise(self) -> None:
        streak = 0
        delay = self.backoff_s
        while True:
            started = time.monotonic()
            try:
                self._target()
            except BaseException as exc:  # noqa: BLE001 - the whole point: nothing ends a worker silently
                error = f"{type(exc).__name__}: {exc}"
                log.error("worker %s crashed: %s", self.name, error, exc_info=exc)
                if self._on_crash is not None:
                    try:
                        self._on_crash(exc)
                    except Exception:  # noqa: BLE001
                        log.exception("on_crash of worker %s failed", self.name)
                if time.monotonic() - started >= self.healthy_after_s:
                    streak, delay = 0, self.backoff_s
                if self._stop.is_set() or streak >= self.max_restarts:
                    self._set(FAILED, error, crashed=True)
                    log.error("worker %s gave up after %d restart(s)", self.name, streak)
                    if self._on_give_up is not None:
                        try:
                            self._on_give_up(exc)
                        except Exception:  # noqa: BLE001
                            log.exception("on_give_up of worker %s failed", self.name)
                    return
                streak += 1
                self._set(RESTARTING, error, crashed=True)
                if self._stop.wait(delay):
                    self._set(STOPPED)
                    return
                delay = min(delay * 2, self.max_backoff_s)
                self._set(RUNNING)
                continue
            self._set(STOPPED)
            return
