"""Decision thresholds from held-out images (documented in docs/engine.md).

OK only: the image threshold is the highest held-out OK score times (1 + margin): with a few dozen
images a high quantile is just the maximum, and the margin absorbs the bank being built without those
images. With NG images as well: the threshold that maximises F1 (NG = positive) over the held-out OK and
the NG scores - among equally good ones the one closest to the OK-only rule - never below the median
held-out OK score, with precision and recall reported.
The pixel threshold (where defect regions start) is a fixed fraction of the image threshold, so every NG
verdict has at least one region and the region outline covers the defect, not just its peak.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

PIXEL_FRACTION = 0.85


@dataclass(frozen=True)
class Calibration:
    threshold: float
    pixel_threshold: float
    stats: dict[str, Any]


def calibrate(ok_scores: np.ndarray, ng_scores: np.ndarray | None = None, margin: float = 0.1) -> Calibration:
    ok = np.asarray(ok_scores, dtype=np.float64)
    if ok.size == 0:
        raise ValueError("calibration needs at least one held-out OK image")
    stats: dict[str, Any] = {
        "calibration_ok_count": int(ok.size),
        "calibration_ok_max": float(ok.max()),
        "calibration_ok_mean": float(ok.mean()),
        "calibration_ok_std": float(ok.std()),
        "rule": f"max held-out OK score x {1 + margin:.3g}",
    }
    threshold = float(ok.max() * (1.0 + margin))
    ng = None if ng_scores is None else np.asarray(ng_scores, dtype=np.float64)
    if ng is not None and ng.size:
        threshold, fit = best_f1_threshold(ok, ng, prefer=threshold)
        floor = float(np.median(ok))
        if threshold < floor:  # NG examples that look normal must not turn half the good parts NG
            threshold, fit = floor, confusion(ok, ng, floor)
            stats["note"] = "NG examples score like OK ones; threshold kept at the median OK score"
        stats.update(fit)
        stats["rule"] = "F1-maximising threshold over held-out OK and NG scores"
        stats["calibration_ng_count"] = int(ng.size)
    threshold = max(threshold, 1e-6)
    return Calibration(threshold, threshold * PIXEL_FRACTION, stats)


def confusion(ok: np.ndarray, ng: np.ndarray, threshold: float) -> dict[str, Any]:
    tp = int((ng >= threshold).sum())
    fn = int(ng.size - tp)
    fp = int((ok >= threshold).sum())
    tn = int(ok.size - fp)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fn": fn, "fp": fp, "tn": tn, "precision": precision, "recall": recall, "f1": f1}


def best_f1_threshold(ok: np.ndarray, ng: np.ndarray, prefer: float | None = None) -> tuple[float, dict[str, Any]]:
    """Threshold with the best F1 on the given scores.

    Every threshold inside the same gap between two sorted scores has the same F1, so among the best
    ones we take ``prefer`` (the OK-only rule) when it is one of them, else the best threshold closest to
    it: a few NG examples then move the OK-based threshold only as far as they must.
    """
    values = np.unique(np.concatenate([ok, ng]))
    edges = np.concatenate([[values[0] - 1e-9], values, [values[-1] * 1.001 + 1e-9]])
    best_f1, intervals = -1.0, []
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        t = float((lo + hi) / 2) if lo < values[0] or hi > values[-1] else float(hi)  # NG if score >= t
        f1 = confusion(ok, ng, t)["f1"]
        if f1 > best_f1 + 1e-12:
            best_f1, intervals = f1, [(float(lo), float(hi))]
        elif abs(f1 - best_f1) <= 1e-12:
            intervals.append((float(lo), float(hi)))
    target = float(np.median(values)) if prefer is None else float(prefer)
    best_t = None
    for lo, hi in intervals:  # scores in (lo, hi]: any t in (lo, hi] gives the same confusion
        t = min(max(target, np.nextafter(lo, np.inf)), hi)
        if best_t is None or abs(t - target) < abs(best_t - target):
            best_t = float(t)
    assert best_t is not None
    return best_t, confusion(ok, ng, best_t)
