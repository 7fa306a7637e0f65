"""A memory budget for decoded images: at most ``limits.memory_budget_mb`` of them in flight.

Four concurrent 190 MB bodies took the server from 507 to 1,582 MB, and a 143 KB PNG declaring
7000² from 372 to 1,155 MB. Every HTTP image now reserves its decoded size (read from the header
or the query, before decoding) and holds it until its verdict is recorded; requests that do not
fit wait (up to the request timeout, then 503 ``busy``), one that alone exceeds the budget is 413.
"""

from __future__ import annotations

import threading
import time

from api.errors import ApiError, too_large


class ByteBudget:
    def __init__(self, limit_bytes: int) -> None:
        self.limit = int(limit_bytes)
        self._used = 0
        self.peak = 0
        self._cv = threading.Condition()

    @property
    def used(self) -> int:
        return self._used

    def acquire(self, n: int, timeout: float) -> int:
        """Reserve ``n`` bytes (blocking); returns what to :meth:`release`. 0 = no budget set."""
        if self.limit <= 0 or n <= 0:
            return 0
        if n > self.limit:
            raise too_large(f"this image needs about {n // 2**20} MB to decode, more than the memory "
                            f"budget of {self.limit // 2**20} MB (settings: limits.memory_budget_mb)")
        deadline = time.monotonic() + (timeout if timeout and timeout > 0 else 30.0)
        with self._cv:
            while self._used + n > self.limit:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise ApiError(503, "busy", "the memory budget for images being decoded and judged "
                                   "is in use; retry later (settings: limits.memory_budget_mb)")
                self._cv.wait(left)
            self._used += n
            self.peak = max(self.peak, self._used)
        return n

    def shrink(self, held: int, keep: int) -> int:
        """Give back all of a reservation ``held`` but ``keep`` bytes; returns what is held now."""
        keep = max(0, min(int(held), int(keep)))
        self.release(int(held) - keep)
        return keep

    def release(self, n: int) -> None:
        if n <= 0:
            return
        with self._cv:
            self._used = max(0, self._used - n)
            self._cv.notify_all()


def frame_cost(width: int, height: int) -> int:
    """A raw or shared-memory BGR frame: its copy plus one conversion."""
    return int(width) * int(height) * 3 * 2
