"""Tests on counts for the insights: two proportions (z or Fisher's exact), chi-square, binomial tail.

Pure Python (scipy is not a dependency); accurate to well under 1 % relative for the p-values
that matter (0.0001–0.5), which tests/station/test_significance.py checks against known values.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class ProportionTest:
    """NG a/n vs b/m: which test ran, its two-sided p-value and the two rates."""

    a: int
    n: int
    b: int
    m: int
    p: float
    method: str  # "z" | "fisher"

    @property
    def rate_a(self) -> float:
        return self.a / self.n if self.n else 0.0

    @property
    def rate_b(self) -> float:
        return self.b / self.m if self.m else 0.0

    def to_dict(self) -> dict:
        return {"ng_a": self.a, "parts_a": self.n, "ng_b": self.b, "parts_b": self.m,
                "rate_a": round(self.rate_a, 6), "rate_b": round(self.rate_b, 6),
                "p_value": float(f"{self.p:.4g}"), "test": self.method}


def _log_comb(n: int, k: int) -> float:
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


def fisher_exact(a: int, n: int, b: int, m: int) -> float:
    """Two-sided Fisher exact p for NG a of n vs b of m (sum of tables as unlikely as the observed)."""
    k = a + b
    total = n + m
    lo, hi = max(0, k - m), min(k, n)
    base = _log_comb(total, k)

    def logp(x: int) -> float:
        return _log_comb(n, x) + _log_comb(m, k - x) - base

    observed = logp(a)
    p = sum(math.exp(lp) for x in range(lo, hi + 1) if (lp := logp(x)) <= observed + 1e-7)
    return min(1.0, p)


def two_proportions(a: int, n: int, b: int, m: int) -> ProportionTest:
    """Two-sided test that the NG rates a/n and b/m are equal: Fisher's exact test when an expected
    cell is under 5 (or the sample is small enough to afford it), else the pooled z-test."""
    if n <= 0 or m <= 0:
        return ProportionTest(a, n, b, m, 1.0, "none")
    pooled = (a + b) / (n + m)
    expected = min(n * pooled, n * (1 - pooled), m * pooled, m * (1 - pooled))
    if expected < 5 or n + m <= 2000:
        return ProportionTest(a, n, b, m, fisher_exact(a, n, b, m), "fisher")
    se = math.sqrt(pooled * (1 - pooled) * (1 / n + 1 / m))
    if se == 0:
        return ProportionTest(a, n, b, m, 1.0, "z")
    z = (a / n - b / m) / se
    return ProportionTest(a, n, b, m, math.erfc(abs(z) / math.sqrt(2)), "z")


def _gammq(s: float, x: float) -> float:
    """Regularised upper incomplete gamma Q(s, x) (series below s + 1, continued fraction above)."""
    if x <= 0:
        return 1.0
    gln = math.lgamma(s)
    if x < s + 1:
        term = total = 1.0 / s
        ap = s
        for _ in range(10_000):
            ap += 1
            term *= x / ap
            total += term
            if abs(term) < abs(total) * 1e-15:
                break
        return max(0.0, 1.0 - total * math.exp(-x + s * math.log(x) - gln))
    b = x + 1 - s
    c = 1.0 / 1e-300
    d = 1.0 / b
    h = d
    for i in range(1, 10_000):
        an = -i * (i - s)
        b += 2
        d = an * d + b
        d = 1e-300 if abs(d) < 1e-300 else d
        c = b + an / c
        c = 1e-300 if abs(c) < 1e-300 else c
        d = 1.0 / d
        delta = d * c
        h *= delta
        if abs(delta - 1) < 1e-15:
            break
    return min(1.0, math.exp(-x + s * math.log(x) - gln) * h)


def chi2_sf(x: float, df: int) -> float:
    """P(X² ≥ x) for ``df`` degrees of freedom."""
    return _gammq(df / 2, x / 2) if df > 0 else 1.0


def chi_square_rates(groups: list[tuple[int, int]]) -> tuple[float, float, int]:
    """Homogeneity of NG rates over groups ``(ng, parts)``: (statistic, p, df); empty groups skipped."""
    groups = [(ng, n) for ng, n in groups if n > 0]
    if len(groups) < 2:
        return 0.0, 1.0, 0
    total = sum(n for _, n in groups)
    pooled = sum(ng for ng, _ in groups) / total
    if pooled in (0.0, 1.0):
        return 0.0, 1.0, len(groups) - 1
    stat = sum((ng - n * pooled) ** 2 / (n * pooled * (1 - pooled)) for ng, n in groups)
    df = len(groups) - 1
    return stat, chi2_sf(stat, df), df


def binomial_excess(k: int, n: int, p0: float) -> float:
    """One-sided p that k of n or more happen when each happens with probability p0 (normal
    approximation with continuity correction; exact sum for small n)."""
    if n <= 0 or k <= n * p0:
        return 1.0
    if p0 <= 0:
        return 0.0
    if n <= 500:
        return min(1.0, sum(math.exp(_log_comb(n, i) + i * math.log(p0) + (n - i) * math.log1p(-p0))
                            for i in range(k, n + 1)))
    sd = math.sqrt(n * p0 * (1 - p0))
    z = (k - 0.5 - n * p0) / sd
    return 0.5 * math.erfc(z / math.sqrt(2))
