"""Long-running work (a video analysis, an import, an evaluation) as jobs: progress, result, cancel.

Generic and Qt-free: a job is a function ``fn(job)`` run on its own daemon thread; it reports with
``job.progress(done, total, message)``, checks ``job.cancelled`` (a ``threading.Event``) and
returns its result (or raises). The registry keeps finished jobs for ``keep_s`` so a client that
polls late still reads the outcome, and bounds how many run at once (the station has one inference
queue; two videos at a time would only interleave).
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

STATES = ("queued", "running", "done", "failed", "cancelled")


class TooManyJobs(Exception):
    """The registry already runs its maximum number of jobs."""


@dataclass(frozen=True)
class JobStatus:
    id: str
    kind: str
    state: str  # queued | running | done | failed | cancelled
    done: int
    total: int
    message: str
    error: str | None
    result: Any  # the function's return value (also a partial one for a cancelled job)
    created: float
    finished: float | None

    @property
    def fraction(self) -> float:
        return min(1.0, self.done / self.total) if self.total > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        result = self.result.to_dict() if hasattr(self.result, "to_dict") else self.result
        return {"job_id": self.id, "kind": self.kind, "state": self.state, "done": self.done,
                "total": self.total, "progress": round(self.fraction, 4), "message": self.message,
                "error": self.error, "result": result}


class Job:
    """Handle given to the job's function (and kept by the registry)."""

    def __init__(self, kind: str, fn: Callable[[Job], Any]) -> None:
        self.id = uuid.uuid4().hex[:12]
        self.kind = kind
        self.cancelled = threading.Event()
        self._fn = fn
        self._lock = threading.Lock()
        self._state = "queued"
        self._done = 0
        self._total = 0
        self._message = ""
        self._error: str | None = None
        self._result: Any = None
        self._created = time.time()
        self._finished: float | None = None
        self._ended = threading.Event()
        self._listeners: list[Callable[[JobStatus], None]] = []

    # -- called by the job's function ------------------------------------------------------------
    def progress(self, done: int, total: int | None = None, message: str | None = None) -> None:
        with self._lock:
            self._done = int(done)
            if total is not None:
                self._total = int(total)
            if message is not None:
                self._message = message
        self._notify()

    def set_partial(self, result: Any) -> None:
        """What is known so far: kept as the result when the job is cancelled or fails."""
        with self._lock:
            self._result = result

    # -- control ---------------------------------------------------------------------------------
    def cancel(self) -> bool:
        """Ask the job to stop; True when it was still queued or running."""
        with self._lock:
            if self._state in ("done", "failed", "cancelled"):
                return False
        self.cancelled.set()
        return True

    def wait(self, timeout: float | None = None) -> bool:
        return self._ended.wait(timeout)

    def subscribe(self, listener: Callable[[JobStatus], None]) -> None:
        """``listener(status)`` after each progress step and at the end (from the job's thread)."""
        self._listeners.append(listener)

    def status(self) -> JobStatus:
        with self._lock:
            return JobStatus(self.id, self.kind, self._state, self._done, self._total, self._message,
                             self._error, self._result, self._created, self._finished)

    @property
    def finished(self) -> bool:
        return self._ended.is_set()

    # -- thread ----------------------------------------------------------------------------------
    def _run(self) -> None:
        with self._lock:
            self._state = "running"
        state, error, result = "done", None, None
        try:
            result = self._fn(self)
            if self.cancelled.is_set():
                state = "cancelled"
        except Exception as exc:  # noqa: BLE001 - the reason goes to whoever polls the job
            if self.cancelled.is_set():
                state = "cancelled"
            else:
                log.exception("job %s (%s) failed", self.id, self.kind)
                state, error = "failed", str(exc) or type(exc).__name__
        with self._lock:
            self._state = state
            self._error = error
            if result is not None:
                self._result = result
            self._finished = time.time()
        self._ended.set()
        self._notify()

    def _notify(self) -> None:
        if not self._listeners:
            return
        status = self.status()
        for listener in list(self._listeners):
            try:
                listener(status)
            except Exception:  # noqa: BLE001 - a broken listener must not stop the job
                log.exception("job listener failed")


class JobRegistry:
    """Starts jobs on daemon threads and finds them again by id."""

    def __init__(self, *, max_running: int = 1, keep_s: float = 3600.0, max_kept: int = 100) -> None:
        self.max_running = int(max_running)
        self.keep_s = float(keep_s)
        self.max_kept = int(max_kept)
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._seq = itertools.count()

    def submit(self, kind: str, fn: Callable[[Job], Any],
               listener: Callable[[JobStatus], None] | None = None) -> Job:
        """Start ``fn`` as a job; raises :class:`TooManyJobs` when the maximum already runs.

        ``listener`` is subscribed before the thread starts, so even a job that fails at once is
        reported to it (subscribing afterwards could miss the end)."""
        with self._lock:
            self._prune()
            running = sum(1 for j in self._jobs.values() if not j.finished)
            if running >= self.max_running:
                raise TooManyJobs(f"{running} job(s) already running; wait for them or cancel one")
            job = Job(kind, fn)
            if listener is not None:
                job.subscribe(listener)
            self._jobs[job.id] = job
        threading.Thread(target=job._run, name=f"qcs-job-{kind}-{next(self._seq)}", daemon=True).start()
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def jobs(self) -> list[Job]:
        with self._lock:
            return list(self._jobs.values())

    def cancel_all(self, timeout: float = 5.0) -> None:
        for job in self.jobs():
            job.cancel()
        for job in self.jobs():
            job.wait(timeout)

    def _prune(self) -> None:
        now = time.time()
        ended = sorted((j for j in self._jobs.values() if j.finished), key=lambda j: j.status().finished or 0)
        for job in ended:
            fin = job.status().finished or now
            if now - fin > self.keep_s or len(self._jobs) > self.max_kept:
                self._jobs.pop(job.id, None)
