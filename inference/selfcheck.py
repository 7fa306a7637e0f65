"""Synthetic-defect self-check: how many pasted defects a trained model catches at its threshold.

Runs on OK images the model never learned from (the held-out ones), through the model's public
``predict``, so it works for any registered algorithm. The catch rate is a warning light for a line
with no NG examples yet, not a substitute for real NG images: docs/engine.md says how well it
predicted the real miss rate across the development categories.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from inference.synthetic import KINDS, defective_copies

if TYPE_CHECKING:
    from inference.model import AnomalyModel

WARN_BELOW = 0.8
WARNING = ("this model will likely miss small defects on this part: add NG examples or more OK images")


def synthetic_check(model: AnomalyModel, ok_images: Sequence[np.ndarray], per_image: int = 3, seed: int = 0,
                    cancel: threading.Event | None = None) -> dict[str, Any]:
    """Catch rate overall and per kind; ``per_image`` defects (one per copy) on each OK image."""
    rng = np.random.default_rng(seed)
    images: list[np.ndarray] = []
    kinds: list[str] = []
    for _, kind, defective, _ in defective_copies(ok_images, per_image, rng):
        images.append(defective)
        kinds.append(kind)
    if not images:
        return {}
    if cancel is not None and cancel.is_set():
        return {}
    results = model.predict(images)
    caught = np.array([r.verdict == "NG" for r in results])
    by_kind = {k: round(float(caught[[i for i, kk in enumerate(kinds) if kk == k]].mean()), 4)
               for k in KINDS if k in kinds}
    rate = float(caught.mean())
    out: dict[str, Any] = {"synthetic_catch_rate": round(rate, 4), "synthetic_catch_by_kind": by_kind,
           "synthetic_count": len(images)}
    if rate < WARN_BELOW:
        out["synthetic_warning"] = WARNING
    return out
