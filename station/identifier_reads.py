"""Part identifiers read beside the model, not after it.

Reading the QR / DataMatrix / barcode serial of a 1280×1024 frame (``inference.identifiers``)
costs 7-15 ms of CPU. Read by the recorder before the row was inserted, it sat on every answer's
path: ``bench_api`` measured the HTTP overhead at 21.5 ms instead of 6.9 ms (18 % of p50). The
read only needs the image, not the verdict, so it is started when the image is queued and runs
on its own thread while the image waits and is judged (zxing-cpp and OpenCV release the GIL);
the recorder then takes the finished result. When the reader has not started on an image yet
(it fell behind, or it was stopped) the recorder cancels that read and reads the code itself,
so a record never waits on a queue and never loses its identifier.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import CancelledError, Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

# A read that takes longer than this is abandoned for that record (logged): the recorder, and the
# answers behind it, must not hang on one pathological image. Normal reads take milliseconds.
WAIT_S = 10.0


def _default_read(image: np.ndarray) -> Any:
    from inference.identifiers import read_identifier

    return read_identifier(image)


class IdentifierReads:
    """One reader thread for the whole station (never one per image): ``submit`` when an image
    is queued, ``result`` when its record is built. Thread-safe; ``read`` never raises."""

    def __init__(self, read: Callable[[np.ndarray], Any] | None = None, *, wait_s: float = WAIT_S) -> None:
        self._read = read or _default_read
        self.wait_s = float(wait_s)
        self._pool: ThreadPoolExecutor | None = None

    def start(self) -> IdentifierReads:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="qcs-identifiers")
        return self

    def stop(self) -> None:
        """Drop reads not started (their records read inline); the running one finishes."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

    def submit(self, image: np.ndarray) -> Future[Any] | None:
        """Start reading ``image`` now; None when the reader is stopped (``result`` reads inline)."""
        pool = self._pool
        if pool is None:
            return None
        try:
            return pool.submit(self._read, image)
        except RuntimeError:  # shut down meanwhile
            return None

    def result(self, pending: Future[Any] | None, image: np.ndarray) -> Any:
        """The identifier of ``image``: the reader's, or read here when it had not started."""
        if pending is None or pending.cancel():
            return self._read(image)
        try:
            return pending.result(timeout=self.wait_s)
        except FutureTimeout:
            log.warning("identifier reading took more than %g s: this record has no identifier", self.wait_s)
            return None
        except CancelledError:  # cancelled by the stop between the check and the wait
            return self._read(image)
        except Exception:  # noqa: BLE001 - the default reader never raises; a custom one must not cost the record
            log.exception("identifier reading failed")
            return None
