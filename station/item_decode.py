"""Machine-API images decoded like the PEKAT routes': at the working size, within the memory budget.

Before, ``POST /api/v1/items`` decoded every uploaded file in full just to check it and read its
size, and a prediction job decoded every stored image in full and judged it at full size (a 7000²
item: a 147 MB frame, a full-size anomaly map and labels), none of it within
``limits.memory_budget_mb``. Now:

* an upload is *checked*, not judged: header first (allow-list, pixel limit), then a decode at the
  least memory the format allows (JPEG at 1/8, others as is and dropped), its bytes reserved in
  the body pool before they are read and its decode in the decode pool. The bytes are stored as
  posted: a training set keeps its originals, and training decodes them later (it alone knows the
  model's input size and region of interest then, and a later model may need more pixels);
* a prediction decodes at the working size for the job's model (``inference.working_image``),
  reserves it like an HTTP image and passes the original shape on, so regions and
  ``image_shape`` come back in original pixels exactly as on ``/analyze_image``.

The pools are the endpoint's (``api.budget.ByteBudget``: ``acquire``/``shrink``/``release``);
without an endpoint (the GUI) nothing is reserved.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

RETRY_S = 0.05


@dataclass(frozen=True)
class Budgets:
    """The endpoint's two pools and how long to wait for room (``None`` pools: reserve nothing)."""

    decodes: Any = None
    bodies: Any = None
    wait_s: float = 30.0

    @contextmanager
    def held(self, pool: Any, n: int, what: str) -> Iterator[None]:
        got = pool.acquire(int(n), self.wait_s, what=what) if pool is not None and n > 0 else 0
        try:
            yield
        finally:
            if got:
                pool.release(got)


NO_BUDGETS = Budgets()


def check_upload(data: bytes, *, max_pixels: int, budgets: Budgets = NO_BUDGETS) -> Any:
    """The header of bytes that decode (``ImageDecodeError`` otherwise), decoded at least cost."""
    from inference.working_image import verify_decodable, verify_plan

    plan = verify_plan(data, max_pixels)
    with budgets.held(budgets.decodes, plan.peak_bytes, "to decode"):
        verify_decodable(data, plan)
    return plan.header


def submit_working(station: Any, model: Any, path: Path, *, name: str, min_side: int, max_pixels: int,
                   budgets: Budgets = NO_BUDGETS) -> Any:
    """Decode one stored image at ``model``'s working size within the decode pool and queue it
    (unrecorded) through the station; waits while the station's queue is full (the line first).
    The reservation ends when the verdict is in; returns the station's Future."""
    from inference.imageio import to_bgr
    from inference.working_image import decode_planned, plan_decode, retained_bytes
    from station.errors import StationBusy

    data = Path(path).read_bytes()
    cfg = getattr(model, "config", None)
    plan = plan_decode(data, cfg=cfg if isinstance(cfg, dict) else None, min_side=min_side, max_pixels=max_pixels)
    pool = budgets.decodes
    kept = len(data)  # the file's bytes stay beside the image until the verdict
    held = pool.acquire(plan.peak_bytes + kept, budgets.wait_s) if pool is not None else 0
    try:
        decoded = decode_planned(data, plan, max_pixels)
        del data
        image = to_bgr(decoded.image)
        if held:
            held = pool.shrink(held, retained_bytes(image) + (kept if decoded.source is not None else 0))
        while True:
            try:
                future = station.inspect(image, source="http", name=name, record=False, model=model,
                                         original=decoded.source)
                break
            except StationBusy:
                time.sleep(RETRY_S)  # the line comes first; our images wait their turn
    except BaseException:
        if held:
            pool.release(held)
        raise
    if held:
        future.add_done_callback(lambda _f: pool.release(held))
    return future


__all__ = ["NO_BUDGETS", "Budgets", "check_upload", "submit_working"]
