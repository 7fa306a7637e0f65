"""Decision thresholds from OK (and optional NG) scores (documented in docs/engine.md).

OK only: the threshold rejects a stated fraction of good parts (``ok_reject_rate``) according to an
upper tail fitted to the OK scores (``inference.tail``): every training image scored leave-one-out
plus the held-out ones, ~60 scores instead of the 12 held-out maxima the old "max × (1 + margin)"
rule saw. The false-reject rate to expect, with its bootstrap spread, goes into the stats.
With NG images as well: the threshold with the lowest cost, a missed defect costing ``miss_cost``
rejected good parts (counts on the calibration scores); among equally cheap ones the one closest to
the OK-only rule. NG images only ever lower the OK-only threshold, and only down to the score the
fitted OK tail expects ``max_ok_reject_rate`` of good parts to exceed (never below the median OK
score): below the top of the OK scores their counts say little about unseen good parts (measured:
30 % rejected calibration images became 65 % on unseen tiles, docs/engine.md). Both rates are reported.
The pixel threshold (where defect regions start) is a fixed fraction of the image threshold, so every
NG verdict has at least one region and the region outline covers the defect, not just its peak.
Algorithm-agnostic: it sees image scores only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from inference.tail import tail_threshold

PIXEL_FRACTION = 0.85
DEFAULT_OK_REJECT_RATE = 0.02  # chosen by the protocol (docs/engine.md): 1 % missed more at the same over-detection
DEFAULT_MISS_COST = 10.0
DEFAULT_MAX_OK_REJECT_RATE = 0.05  # how far NG images may pull the threshold down (fitted OK tail)


@dataclass(frozen=True)
class Calibration:
    threshold: float
    pixel_threshold: float
    stats: dict[str, Any]


def image_scores(model: Any, images: Any) -> np.ndarray:
    """Each image's score for calibration: the maximum of the model's anomaly map (any algorithm
    with ``anomaly_maps``; PatchCore and CS-Flow training both calibrate on it)."""
    return np.array([float(m.max()) for m in model.anomaly_maps(images)], dtype=np.float64)


def calibrate_for(cfg: dict[str, Any], ok_scores: ArrayLike, ng_scores: ArrayLike | None = None) -> Calibration:
    """``calibrate`` with an algorithm's resolved parameters (the shared calibration knobs, their
    defaults when a bundle predates them): what every trainer calls."""
    return calibrate(ok_scores, ng_scores,
                     ok_reject_rate=float(cfg.get("ok_reject_rate", DEFAULT_OK_REJECT_RATE)),
                     miss_cost=float(cfg.get("miss_cost", DEFAULT_MISS_COST)),
                     max_ok_reject_rate=float(cfg.get("max_ok_reject_rate", DEFAULT_MAX_OK_REJECT_RATE)),
                     margin=float(cfg.get("threshold_margin", 0.05)))


def calibrate(ok_scores: ArrayLike, ng_scores: ArrayLike | None = None, *,
              ok_reject_rate: float = DEFAULT_OK_REJECT_RATE, miss_cost: float = DEFAULT_MISS_COST, margin: float = 0.05,
              max_ok_reject_rate: float = DEFAULT_MAX_OK_REJECT_RATE) -> Calibration:
    ok = np.asarray(ok_scores, dtype=np.float64)
    ok = ok[np.isfinite(ok)]
    if ok.size == 0:
        raise ValueError("calibration needs at least one OK score")
    tail = tail_threshold(ok, ok_reject_rate, margin=margin)
    threshold = tail.threshold
    stats: dict[str, Any] = {
        "calibration_ok_count": int(ok.size),
        "calibration_ok_max": float(ok.max()),
        "calibration_ok_mean": float(ok.mean()),
        "calibration_ok_std": float(ok.std()),
        "ok_reject_rate_target": float(ok_reject_rate),
        "tail_method": tail.method,
        "rule": (f"fitted OK-score tail ({tail.method}) at {ok_reject_rate:.3g} false rejects"
                 if tail.method != "max" else f"max OK score x {1 + margin:.3g} (too few OK scores to fit a tail)"),
    }
    ng = None if ng_scores is None else np.asarray(ng_scores, dtype=np.float64)
    if ng is not None and ng.size:
        cost_t, _ = min_cost_threshold(ok, ng, miss_cost, prefer=threshold)
        # NG never raise the OK-only threshold (that would only fit the few calibration OK scores above it)
        ok_only = threshold
        threshold = min(cost_t, ok_only)
        cap_rate = max(float(max_ok_reject_rate), float(ok_reject_rate))
        limit = tail_threshold(ok, cap_rate, margin=margin, n_boot=0).threshold if cap_rate < 1 else -np.inf
        limit = min(limit, ok_only)
        if threshold < limit:
            threshold = limit
            stats["note"] = (f"NG examples would pull the threshold below the score {cap_rate:.3g} of good parts "
                             "are expected to exceed; kept there (max_ok_reject_rate)")
        floor = float(np.median(ok))
        if threshold < floor:  # NG examples that look normal must not turn half the good parts NG
            threshold = floor
            stats["note"] = "NG examples score like OK ones; threshold kept at the median OK score"
        fit = confusion(ok, ng, threshold)
        stats.update(fit)
        stats["rule"] = (f"lowest cost over OK and NG scores (a missed defect costs {miss_cost:g} rejected good parts), "
                         f"at most the OK-only threshold, down to {cap_rate:.3g} expected false rejects")
        stats["max_ok_reject_rate"] = cap_rate
        stats["miss_cost"] = float(miss_cost)
        stats["calibration_ng_count"] = int(ng.size)
        stats["calibration_miss_rate"] = fit["fn"] / ng.size
        stats["calibration_ok_reject_rate"] = fit["fp"] / ok.size
    threshold = max(float(threshold), 1e-6)
    exp_rate, lo, hi, sd = _expected_rate(ok, threshold, ok_reject_rate, margin, tail)
    stats.update({"expected_ok_reject_rate": exp_rate, "expected_ok_reject_rate_sd": sd,
                  "expected_ok_reject_rate_interval": [lo, hi]})
    return Calibration(threshold, threshold * PIXEL_FRACTION, stats)


def _expected_rate(ok: np.ndarray, threshold: float, rate: float, margin: float, tail: Any,
                   ) -> tuple[float, float, float, float]:
    if abs(threshold - tail.threshold) <= 1e-12 * max(1.0, abs(threshold)):
        return tail.expected_rate, tail.rate_interval[0], tail.rate_interval[1], tail.rate_sd
    # NG moved the threshold: the same bootstrap, evaluated at the new place
    from inference.tail import MIN_LOGNORMAL, fit_tail

    rng = np.random.default_rng(0)
    if ok.size < MIN_LOGNORMAL:
        r = float((ok >= threshold).mean())
        return r, 0.0, min(1.0, r + 1.0 / (ok.size + 1)), 1.0 / (ok.size + 1)
    rates = np.array([fit_tail(rng.choice(ok, ok.size, replace=True), margin).exceedance(threshold)
                      for _ in range(200)])
    lo, hi = np.percentile(rates, [16, 84])
    return float(rates.mean()), float(lo), float(hi), float(rates.std())


def confusion(ok: np.ndarray, ng: np.ndarray, threshold: float) -> dict[str, Any]:
    tp = int((ng >= threshold).sum())
    fn = int(ng.size - tp)
    fp = int((ok >= threshold).sum())
    tn = int(ok.size - fp)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fn": fn, "fp": fp, "tn": tn, "precision": precision, "recall": recall, "f1": f1}


def min_cost_threshold(ok: np.ndarray, ng: np.ndarray, miss_cost: float, prefer: float | None = None,
                       ) -> tuple[float, dict[str, Any]]:
    """Threshold with the lowest ``miss_cost × missed NG + rejected OK`` on the given scores.

    Every threshold inside the same gap between two sorted scores has the same cost, so among the
    cheapest ones we take ``prefer`` (the OK-only rule) when it is one of them, else the cheapest
    threshold closest to it: a few NG examples move the OK-based threshold only as far as they must.
    """
    values = np.unique(np.concatenate([ok, ng]))
    edges = np.concatenate([[values[0] - 1e-9], values, [values[-1] * 1.001 + 1e-9]])
    best, intervals = float("inf"), []
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        t = float(hi)  # NG if score >= t: the gap (lo, hi] behaves like hi
        c = confusion(ok, ng, t)
        cost = miss_cost * c["fn"] + c["fp"]
        if cost < best - 1e-12:
            best, intervals = cost, [(float(lo), float(hi))]
        elif abs(cost - best) <= 1e-12:
            intervals.append((float(lo), float(hi)))
    target = float(np.median(values)) if prefer is None else float(prefer)
    best_t = None
    for lo, hi in intervals:  # scores in (lo, hi]: any t in (lo, hi] gives the same confusion
        t = min(max(target, float(np.nextafter(lo, np.inf))), hi)
        if best_t is None or abs(t - target) < abs(best_t - target):
            best_t = float(t)
    assert best_t is not None
    return best_t, confusion(ok, ng, best_t)
