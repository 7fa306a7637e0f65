"""Hand one decoded image to the station and await its verdict without blocking the event loop.

Decoding and ``station.inspect`` run in a worker thread; the returned concurrent Future is
awaited with ``asyncio.wrap_future`` under the configured timeout. A request that times out
before its image reached the model is cancelled there (no compute spent on an abandoned call);
one already being judged is still recorded.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

import numpy as np
from starlette.concurrency import run_in_threadpool

from api.errors import ApiError, from_station_error
from station.errors import NoModelLoaded, StationError

if TYPE_CHECKING:
    from station.core import Station

SOURCE = "http"


def ensure_model(station: Station) -> None:
    """Answer 503 before reading a big body when nothing could judge it anyway."""
    if station.model is None:
        raise from_station_error(NoModelLoaded("no model loaded: open or train a model in the station first"))


def default_name(prefix: str = "http") -> str:
    return f"{prefix}-{datetime.now():%Y%m%d-%H%M%S-%f}"[:-3]


def submit(station: Station, make_image: Callable[[], Any], *, name: str, part_id: str | None,
           tags: dict | None = None, budget: Any = None, cost: Callable[[], int] | None = None,
           wait_s: float = 30.0):
    """Thread-side: reserve the decoded size in the memory budget, decode, then queue (the station
    refuses at once when busy / no model). The reservation ends when the verdict is recorded."""
    held = budget.acquire(cost(), wait_s) if budget is not None and cost is not None else 0
    try:
        from inference.working_image import Decoded

        made = make_image()
        image, original = (made.image, made.source) if isinstance(made, Decoded) else (made, None)
        if held and original is not None:  # the full-size decode is over: keep what stays in flight
            held = budget.shrink(held, retained_cost(image))
        shape = original.shape if original is not None else image.shape
        if tags:  # a replayed answer needs the image size without the image
            tags = {**tags, "image_shape": [int(shape[0]), int(shape[1])]}
        future = station.inspect(image, source=SOURCE, name=name, part_id=part_id, tags=tags, original=original)
    except StationError as exc:
        budget.release(held) if held else None
        raise from_station_error(exc) from None
    except BaseException:
        budget.release(held) if held else None
        raise
    if held:
        future.add_done_callback(lambda _f: budget.release(held))
    return future


def retained_cost(image: np.ndarray) -> int:
    """What a working image costs while it is judged (``inference.working_image.retained_bytes``)."""
    from inference.working_image import retained_bytes

    return retained_bytes(image)


async def await_inspection(future: Any, timeout: float) -> Any:
    try:
        return await asyncio.wait_for(asyncio.wrap_future(future), timeout=timeout or None)
    except asyncio.TimeoutError:
        raise ApiError(504, "timeout", f"no verdict within {timeout:g} s (settings: server.request_timeout_s)") from None
    except StationError as exc:
        raise from_station_error(exc) from None


async def inspect(station: Station, make_image: Callable[[], Any], *, name: str,
                  part_id: str | None, timeout: float, timing: dict[str, float] | None = None,
                  tags: dict | None = None, cost: Callable[[], int] | None = None,
                  budget: Any = None) -> Any:
    """``timing["station"]``: ms from queueing to the recorded verdict (queue + model + row)."""

    def queue() -> Any:
        future = submit(station, make_image, name=name, part_id=part_id, tags=tags,
                        budget=budget, cost=cost, wait_s=timeout)
        if timing is not None:
            queued = time.perf_counter()
            future.add_done_callback(
                lambda _f: timing.__setitem__("station", (time.perf_counter() - queued) * 1000))
        return future

    future = await run_in_threadpool(queue)
    return await await_inspection(future, timeout)
