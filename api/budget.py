"""A memory budget for decoded images: at most ``limits.memory_budget_mb`` of them in flight.

Four concurrent 190 MB bodies took the server from 507 to 1,582 MB, and a 143 KB PNG declaring
7000² from 372 to 1,155 MB. Every HTTP image now reserves its decoded size (read from the header
or the query, before decoding) and holds it until its verdict is recorded; requests that do not
fit wait (up to the request timeout, then 503 ``busy``), one that alone exceeds the budget is 413.

Request bodies count too, from a second pool (:func:`reserve_body`): a body is reserved before
it is read (twice its declared length: the received chunks and the joined body exist together for
a moment), then its own length until the answer; a multipart file (``/api/detect``, the machine
API's uploads) is reserved before it is read from its spool (:func:`reserve_upload`); so four
190 MB bodies cannot all sit in memory beside their decodes. The two pools share the budget half and half: a request holds its body
while it waits for decode room, and decodes never wait for bodies, so the waits cannot deadlock.
"""

from __future__ import annotations

import threading
import time

from api.errors import ApiError, too_large

BIG = 32 << 20  # a reservation this large is a huge image (a 1280×1024 PNG reserves ~8 MB)
TRIM_AFTER = 64 << 20


class ByteBudget:
    """One pool of reserved bytes; waiters block (off the event loop) until there is room."""

    def __init__(self, limit_bytes: int) -> None:
        self.limit = int(limit_bytes)
        self._used = 0
        self.peak = 0
        self.waiting = 0  # callers blocked for room now
        self._big_released = 0  # bytes of big reservations given back since the last trim
        self._cv = threading.Condition()

    @property
    def used(self) -> int:
        return self._used

    def acquire(self, n: int, timeout: float, *, what: str = "to decode") -> int:
        """Reserve ``n`` bytes (blocking); returns what to :meth:`release`. 0 = no budget set."""
        if self.limit <= 0 or n <= 0:
            return 0
        if n > self.limit:
            raise too_large(f"this image needs about {n // 2**20} MB {what}, more than the memory budget "
                            f"of {self.limit // 2**20} MB for that (half of limits.memory_budget_mb)")
        deadline = time.monotonic() + (timeout if timeout and timeout > 0 else 30.0)
        with self._cv:
            while self._used + n > self.limit:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise ApiError(503, "busy", "the memory budget for images being decoded and judged "
                                   "is in use; retry later (settings: limits.memory_budget_mb)")
                self.waiting += 1
                try:
                    self._cv.wait(left)
                finally:
                    self.waiting -= 1
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
            if n >= BIG:
                self._big_released += n
            self._cv.notify_all()

    def take_idle_release(self) -> int:
        """Bytes of big reservations given back since the last call, when nothing is reserved now
        (else 0): the moment to hand freed heap back to the OS."""
        with self._cv:
            if self._used or not self._big_released:
                return 0
            n, self._big_released = self._big_released, 0
            return n


def pools(memory_budget_mb: int) -> tuple[ByteBudget, ByteBudget]:
    """(decodes, bodies): the memory budget split in two halves (see the module docstring)."""
    half = (int(memory_budget_mb) << 20) // 2
    return ByteBudget(half), ByteBudget(half)


def frame_cost(width: int, height: int) -> int:
    """A raw or shared-memory BGR frame: its copy plus one conversion."""
    return int(width) * int(height) * 3 * 2


async def reserve_body(budget: ByteBudget, declared: str | None, timeout: float) -> int:
    """Before reading a body: reserve twice its declared length (chunks + joined copy), waiting
    off the event loop; 0 without a Content-Length (the body limit still caps it)."""
    from starlette.concurrency import run_in_threadpool

    n = int(declared) if declared and declared.isdigit() else 0
    if n <= 0:
        return 0
    return await run_in_threadpool(budget.acquire, 2 * n, timeout, what="to receive")


async def reserve_upload(budget: ByteBudget, size: int | None, cap: int, timeout: float) -> int:
    """Before reading one spooled multipart file into memory: reserve its size (known from the
    streaming parser), or the per-file cap when it is unknown, waiting off the event loop."""
    from starlette.concurrency import run_in_threadpool

    n = int(size) if size is not None and size > 0 else int(cap)
    if budget.limit > 0 and size is None:
        n = min(n, budget.limit)  # unknown size: the cap, but never a 413 for a small file
    return await run_in_threadpool(budget.acquire, n, timeout, what="to read")


def trim_when_idle(*pools: ByteBudget) -> bool:
    """After huge images, once no image memory is reserved: hand the freed heap back to the OS
    (``inference.runtime.tune_malloc`` keeps it otherwise: RSS stayed near 1 GB after one 7000² PNG).
    Ordinary images (reservations under ``BIG``) never trigger it, so the malloc tuning's speed stays."""
    if any(p.used for p in pools) or sum(p.take_idle_release() for p in pools) < TRIM_AFTER:
        return False
    from inference.runtime import release_free_memory

    return release_free_memory()
