"""Generated inspection histories with known effects, for the insight tests and the benchmark."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta

from storage import InspectionRecord

W, H = 400, 300  # image size of the generated parts


def history(start: datetime, hours: int, per_hour: int, *, ng_rate: Callable[[datetime], float] = lambda t: 0.03,
            ok_score: Callable[[datetime, random.Random], float] | None = None,
            region: Callable[[random.Random], tuple[int, int]] | None = None, model_id: str = "m-1",
            part_prefix: Callable[[int, random.Random], str] | None = None, seed: int = 0,
            threshold: float = 2.0) -> Iterator[InspectionRecord]:
    """``per_hour`` parts each hour; NG with probability ``ng_rate(t)``; NG regions centred where
    ``region(rng)`` says (default: anywhere); OK raw scores from ``ok_score`` (default 0.6·threshold)."""
    rng = random.Random(seed)
    step = timedelta(hours=1) / per_hour
    i = 0
    for h in range(hours):
        for j in range(per_hour):
            t = start + timedelta(hours=h) + j * step
            ng = rng.random() < ng_rate(t)
            regions: tuple = ()
            if ng:
                cx, cy = region(rng) if region else (rng.randrange(W), rng.randrange(H))
                regions = ({"x": max(0, cx - 5), "y": max(0, cy - 5), "width": 10, "height": 10,
                            "area": rng.choice([30, 80, 300]), "score": 3.0, "normalized_score": 1.4},)
                score = threshold * rng.uniform(1.05, 2.0)
            else:
                score = ok_score(t, rng) if ok_score else threshold * min(0.99, max(0.05, rng.gauss(0.6, 0.08)))
            part = part_prefix(i, rng) if part_prefix else None
            yield InspectionRecord(
                id=None, name=f"p{i:07d}.png", source="http", part_id=part, timestamp=t,
                label="NG" if ng else "OK", defect_count=len(regions), score=score,
                normalized_score=score / threshold, confidence=0.9, model_id=model_id, model_version=1,
                processing_ms=40.0, regions=regions, extra={"threshold": threshold, "image_size": [W, H]})
            i += 1
