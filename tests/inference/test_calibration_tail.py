"""Calibration on score distributions with known tails: the fitted threshold's real false-reject rate.

Tolerance (stated in docs/engine.md): with 60 OK scores, over repeated samples the median true
false-reject rate of the fitted threshold lies within [0.5, 2] × the target and its mean below 2× the
target, for light (normal), medium (Gumbel, log-normal) and heavy (Pareto) tails.
"""

from __future__ import annotations

import math
from statistics import NormalDist

import numpy as np
import pytest

from inference.calibration import calibrate, min_cost_threshold
from inference.tail import fit_tail, tail_threshold

DISTS = {
    "normal": (lambda r, n: r.normal(1.0, 0.1, n), lambda t: 1 - NormalDist(1.0, 0.1).cdf(t)),
    "lognormal": (lambda r, n: np.exp(r.normal(0.0, 0.3, n)), lambda t: 1 - NormalDist(0.0, 0.3).cdf(math.log(t))),
    "gumbel": (lambda r, n: 1 + 0.1 * r.gumbel(0, 1, n), lambda t: 1 - math.exp(-math.exp(-(t - 1) / 0.1))),
    "pareto": (lambda r, n: 1 + r.pareto(5, n), lambda t: t ** -5.0),
}


@pytest.mark.parametrize("name", sorted(DISTS))
@pytest.mark.parametrize("rate", [0.01, 0.02, 0.05])
def test_fitted_threshold_gives_the_target_false_reject_rate(name, rate):
    gen, survival = DISTS[name]
    rng = np.random.default_rng(7)
    true = np.array([survival(tail_threshold(gen(rng, 60), rate, n_boot=0).threshold) for _ in range(120)])
    assert 0.5 * rate <= float(np.median(true)) <= 2 * rate, (name, rate, np.median(true))
    assert float(true.mean()) <= 2 * rate


def test_expected_rate_and_its_uncertainty_are_reported():
    rng = np.random.default_rng(0)
    cal = calibrate(rng.normal(1.0, 0.1, 60), ok_reject_rate=0.02)
    s = cal.stats
    lo, hi = s["expected_ok_reject_rate_interval"]
    assert s["tail_method"] == "gpd" and s["calibration_ok_count"] == 60
    assert 0 <= lo <= s["expected_ok_reject_rate"] <= hi <= 0.2
    assert s["expected_ok_reject_rate_sd"] > 0
    assert cal.pixel_threshold < cal.threshold


def test_small_samples_fall_back_safely():
    few = np.array([1.0, 1.1, 1.2])
    cal = calibrate(few, margin=0.05)
    assert cal.stats["tail_method"] == "max"
    assert cal.threshold == pytest.approx(1.2 * 1.05)
    mid = np.array([1.0, 1.05, 1.1, 1.12, 1.2, 1.22, 1.3, 1.31])
    assert fit_tail(mid).method == "lognormal"
    assert calibrate(mid).threshold > mid.max()  # 1 % of 8 scores lies beyond the sample
    with pytest.raises(ValueError):
        calibrate(np.array([]))
    with pytest.raises(ValueError):
        tail_threshold(mid, 0.0)


def test_cost_rule_trades_misses_against_false_rejects():
    ok = np.linspace(1.0, 2.0, 50)
    ng = np.array([1.95, 3.0, 3.5, 4.0])  # one defect hides among the top two OK scores
    t10, fit10 = min_cost_threshold(ok, ng, 10.0)
    assert fit10["fn"] == 0 and fit10["fp"] == 3  # catching it costs 3 false rejects: worth it at 10×
    t1, fit1 = min_cost_threshold(ok, ng, 1.0, prefer=2.5)
    assert fit1["fn"] + fit1["fp"] <= fit10["fn"] * 1 + fit10["fp"]
    assert t1 > t10
    cal = calibrate(ok, ng, miss_cost=10.0, max_ok_reject_rate=0.1)
    assert cal.stats["calibration_miss_rate"] == 0.0 and "calibration_ok_reject_rate" in cal.stats
    assert "expected_ok_reject_rate" in cal.stats
    capped = calibrate(ok, ng, miss_cost=10.0)  # 6 % false rejects is beyond the default 5 % limit
    assert capped.stats["calibration_miss_rate"] == 0.25 and capped.threshold > cal.threshold
    assert "max_ok_reject_rate" in capped.stats["note"]


@pytest.mark.parametrize("name", ["normal", "lognormal", "gumbel"])
def test_ng_images_lower_the_threshold_only_down_to_the_stated_reject_rate(name):
    """NG scores overlapping the OK ones would drag the cost rule deep into the OK scores (tiles:
    65 % over-detection); the true false-reject rate of the threshold stays near the 5 % limit
    (median within [0.5, 2] × 5 % over 100 draws of 60 OK + 10 NG), and never above the OK-only rule."""
    gen, survival = DISTS[name]
    rng = np.random.default_rng(3)
    true, uncapped = [], []
    for _ in range(100):
        ok = gen(rng, 60)
        ng = np.quantile(ok, rng.uniform(0.2, 1.0, 10))  # defects that look like good parts
        cal = calibrate(ok, ng)
        assert cal.threshold <= calibrate(ok).threshold
        true.append(survival(cal.threshold))
        uncapped.append(survival(calibrate(ok, ng, max_ok_reject_rate=0.5).threshold))
    assert 0.025 <= float(np.median(true)) <= 0.1, np.median(true)
    assert float(np.median(uncapped)) > 0.15  # what the cost rule alone would reject


def test_ng_images_never_raise_the_ok_only_threshold():
    ok = np.linspace(1.0, 2.0, 60)
    ok_only = calibrate(ok).threshold
    cal = calibrate(ok, np.array([3.0, 4.0]), miss_cost=10.0)  # every defect far above: no reason to move
    assert cal.threshold == pytest.approx(ok_only)


def test_ng_that_look_normal_do_not_drag_the_threshold_below_the_median():
    ok = np.linspace(1.0, 2.0, 40)
    cal = calibrate(ok, np.array([0.5, 0.6]), miss_cost=1000.0)
    assert cal.threshold >= np.median(ok)
