"""Values a model file may carry, beyond their types: a hostile or broken manifest must not load.

Seen in issue 12: threshold 1e308 (every part then passes), ``format_version: true`` (a bool is an
int to Python), a 200,000-row memory bank (1.3 GB per predict), a manifest nested thousands deep
(RecursionError and a traceback instead of a refusal). The threshold is judged against the
held-out OK scores the manifest stores from training, so the bound follows the model's own scale.
"""

from __future__ import annotations

import math
from typing import Any

from inference.errors import ModelFileError

MAX_DEPTH = 32  # the real manifest nests 3 deep
THRESHOLD_FACTOR = 1000.0  # a threshold beyond 1000 × (or below 1/1000 of) the OK scores is not a choice
ABSOLUTE_MAX_THRESHOLD = 1e9  # models without stored held-out scores


def check_depth(obj: Any, source: str, limit: int = MAX_DEPTH) -> None:
    """Iterative nesting check (recursion is what a deep manifest attacks)."""
    stack = [(obj, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            raise ModelFileError(f"{source}: manifest is nested more than {limit} levels deep")
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)


def reference_score(stats: dict[str, Any]) -> float | None:
    """The highest held-out OK score the training stored, if any (finite, positive)."""
    scores = stats.get("holdout_scores")
    values: list[float] = []
    if isinstance(scores, list):
        values = [float(s) for s in scores if isinstance(s, (int, float)) and not isinstance(s, bool)]
    ok_max = stats.get("calibration_ok_max")
    if isinstance(ok_max, (int, float)) and not isinstance(ok_max, bool):
        values.append(float(ok_max))
    values = [v for v in values if math.isfinite(v) and v > 0]
    return max(values) if values else None


def threshold_range(stats: dict[str, Any]) -> tuple[float, float]:
    """``(lowest, highest)`` plausible threshold for a model with these stats (exclusive of 0)."""
    ref = reference_score(stats)
    if ref is None:
        return 0.0, ABSOLUTE_MAX_THRESHOLD
    return ref / THRESHOLD_FACTOR, ref * THRESHOLD_FACTOR


def check_thresholds(stats: dict[str, Any], values: dict[str, float]) -> None:
    """ValueError naming the first threshold outside :func:`threshold_range`."""
    lo, hi = threshold_range(stats)
    for name, value in values.items():
        v = float(value)
        if not math.isfinite(v) or v <= lo or v > hi:
            raise ValueError(f"{name} {value!r} is outside the plausible range for this model "
                             f"({lo:.6g} .. {hi:.6g}, from its held-out OK scores)")


def check_model_values(info: Any, cfg: dict[str, Any], tensors: dict[str, Any], source: str) -> None:
    """Ranges a loaded model must meet; ModelFileError with the reason otherwise."""
    try:
        check_thresholds(info.stats, {"threshold": info.params.threshold,
                                      "pixel_threshold": info.params.pixel_threshold})
    except ValueError as exc:
        raise ModelFileError(f"{source}: {exc}") from None
    bank = tensors.get("memory_bank")
    limit = cfg.get("max_bank")
    if bank is not None and isinstance(limit, int) and bank.shape[0] > limit:
        raise ModelFileError(f"{source}: memory bank has {bank.shape[0]:,} rows, more than its "
                             f"max_bank of {limit:,}")
