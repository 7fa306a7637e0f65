"""Prediction callbacks: deliver each item's result to the client's URL, with retries and back-off.

One daemon thread with a due-time heap: a failing receiver waits its back-off without holding up
the others, and nothing here ever runs on the inference or recorder threads, so a slow or dead
receiver cannot stall the line. Each attempt's outcome is stored on the assessment
(``pending`` -> ``delivered`` / ``failed``, attempts, last error).
"""

from __future__ import annotations

import heapq
import itertools
import json
import logging
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
FIRST_BACKOFF_S = 0.5
MAX_BACKOFF_S = 30.0
TIMEOUT_S = 5.0
MAX_PENDING = 10_000
METHODS = ("post", "get")


def check_url(url: str) -> str:
    """A callback URL must be absolute http(s) with a host; ValueError says why not."""
    parts = urllib.parse.urlsplit(url or "")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("callback_url must be an absolute http:// or https:// URL")
    if len(url) > 2000:
        raise ValueError("callback_url is longer than 2000 characters")
    return url


@dataclass(order=True)
class _Delivery:
    due: float
    seq: int
    assessment_id: int = field(compare=False)
    url: str = field(compare=False)
    method: str = field(compare=False)
    payload: dict[str, Any] = field(compare=False)
    attempts: int = field(default=0, compare=False)


class CallbackDelivery:
    """``submit()`` returns at once; ``on_state(assessment_id, state, attempts, error)`` records progress."""

    def __init__(self, on_state: Callable[[int, str, int, str | None], None], *,
                 max_attempts: int = MAX_ATTEMPTS, first_backoff_s: float = FIRST_BACKOFF_S) -> None:
        self.on_state = on_state
        self.max_attempts = max_attempts
        self.first_backoff_s = first_backoff_s
        self._heap: list[_Delivery] = []
        self._seq = itertools.count()
        self._cond = threading.Condition()
        self._stop = False
        self._thread: threading.Thread | None = None

    def start(self) -> CallbackDelivery:
        with self._cond:
            if self._thread is None:
                self._stop = False
                self._thread = threading.Thread(target=self._run, name="qcs-callbacks", daemon=True)
                self._thread.start()
        return self

    def stop(self, timeout: float = 2.0) -> None:
        with self._cond:
            self._stop = True
            self._cond.notify_all()
            thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout)

    def abandon(self) -> None:
        """Stop without waiting (callable from the delivery thread itself, e.g. the database closed)."""
        with self._cond:
            self._stop = True
            self._heap.clear()
            self._thread = None
            self._cond.notify_all()

    @property
    def pending(self) -> int:
        with self._cond:
            return len(self._heap)

    def submit(self, assessment_id: int, url: str, method: str, payload: dict[str, Any]) -> bool:
        with self._cond:
            if len(self._heap) >= MAX_PENDING:
                full = True
            else:
                full = False
                heapq.heappush(self._heap, _Delivery(time.monotonic(), next(self._seq), assessment_id, url,
                                                     method.lower(), payload))
                self._cond.notify()
        if full:
            self._state(assessment_id, "failed", 0, f"{MAX_PENDING} callbacks already waiting")
            return False
        self.start()
        return True

    def _state(self, *args: Any) -> None:
        try:
            self.on_state(*args)
        except Exception:  # noqa: BLE001 - a storage hiccup must not kill the delivery thread
            log.exception("could not record a callback state")

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._stop and (not self._heap or self._heap[0].due > time.monotonic()):
                    wait = self._heap[0].due - time.monotonic() if self._heap else None
                    self._cond.wait(wait)
                if self._stop:
                    return
                job = heapq.heappop(self._heap)
            job.attempts += 1
            error = self._send(job)
            if error is None:
                self._state(job.assessment_id, "delivered", job.attempts, None)
                continue
            if job.attempts >= self.max_attempts:
                log.warning("callback to %s failed %d times: %s", job.url, job.attempts, error)
                self._state(job.assessment_id, "failed", job.attempts, error)
                continue
            self._state(job.assessment_id, "pending", job.attempts, error)
            job.due = time.monotonic() + min(MAX_BACKOFF_S, self.first_backoff_s * 2 ** (job.attempts - 1))
            with self._cond:
                heapq.heappush(self._heap, job)

    @staticmethod
    def _send(job: _Delivery) -> str | None:
        body = json.dumps(job.payload, allow_nan=False).encode("utf-8")
        if job.method == "get":
            sep = "&" if urllib.parse.urlsplit(job.url).query else "?"
            req = urllib.request.Request(job.url + sep + urllib.parse.urlencode({"data": body.decode("utf-8")}),
                                         method="GET")
        else:
            req = urllib.request.Request(job.url, data=body, method="POST",
                                         headers={"Content-Type": "application/json"})
        req.add_header("User-Agent", "QC-Station-callback")
        try:
            with urllib.request.urlopen(req, timeout=TIMEOUT_S) as resp:  # noqa: S310 - http(s) checked
                resp.read(65536)
                if 200 <= resp.status < 300:
                    return None
                return f"HTTP {resp.status}"
        except urllib.error.HTTPError as exc:
            return f"HTTP {exc.code}"
        except (urllib.error.URLError, OSError, ValueError) as exc:
            return str(getattr(exc, "reason", exc))


__all__ = ["CallbackDelivery", "METHODS", "check_url"]
