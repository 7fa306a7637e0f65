"""Upper-tail fits of OK scores: the threshold that rejects a stated fraction of good parts.

Why a fitted tail: with ~60 OK scores a 1 % false-reject threshold lies beyond the sample maximum, so
"max × margin" is a guess that lands far too high on some parts and too low on others. Peaks-over-
threshold (a generalised Pareto on the top scores, probability-weighted-moment estimates) extrapolates
the tail from the shape of its top quarter; with fewer scores a log-normal on all of them is used,
and with a handful only the old "max × (1 + margin)" rule remains. Bootstrap refits give the
uncertainty of the false-reject rate the chosen threshold will really have.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np

MIN_GPD = 20  # scores needed for a peaks-over-threshold fit
MIN_LOGNORMAL = 6
XI_RANGE = (-0.5, 0.5)  # shape clamp: PWM estimates from ~15 exceedances wander far beyond this


@dataclass(frozen=True)
class TailFit:
    """One fitted upper tail; ``exceedance(t)`` is the modelled P(OK score ≥ t)."""

    method: str  # "gpd" | "lognormal" | "max"
    n: int
    u: float = 0.0  # gpd: tail start
    k: int = 0  # gpd: scores above u
    sigma: float = 0.0
    xi: float = 0.0
    mu: float = 0.0  # lognormal: mean / sd of log scores
    sd: float = 0.0
    sample_max: float = 0.0
    margin: float = 0.05

    def exceedance(self, t: float) -> float:
        if self.method == "gpd":
            if t <= self.u:
                return self.k / self.n  # inside the body the empirical rate is as good as any model
            z = 1 + self.xi * (t - self.u) / self.sigma
            if z <= 0:
                return 0.0
            tail = math.exp(-(t - self.u) / self.sigma) if abs(self.xi) < 1e-6 else z ** (-1 / self.xi)
            return self.k / self.n * tail
        if self.method == "lognormal":
            if t <= 0:
                return 1.0
            return 1 - NormalDist(self.mu, max(self.sd, 1e-9)).cdf(math.log(t))
        return 1.0 / (self.n + 1) if t <= self.sample_max else 0.5 / (self.n + 1)

    def quantile(self, rate: float) -> float:
        """The score exceeded by OK parts with probability ``rate``."""
        if self.method == "gpd":
            frac = rate * self.n / self.k
            if frac >= 1:
                return self.u
            if abs(self.xi) < 1e-6:
                return self.u + self.sigma * math.log(1 / frac)
            return self.u + self.sigma / self.xi * (frac ** (-self.xi) - 1)
        if self.method == "lognormal":
            # predictive inflation: the mean and sd are themselves estimated from few scores
            z = NormalDist().inv_cdf(1 - rate) * math.sqrt(1 + 1 / self.n)
            return math.exp(self.mu + z * self.sd)
        return self.sample_max * (1 + self.margin)


def fit_tail(scores: np.ndarray, margin: float = 0.05) -> TailFit:
    x = np.sort(np.asarray(scores, dtype=np.float64))
    x = x[np.isfinite(x)]
    n = int(x.size)
    if n == 0:
        raise ValueError("no finite scores to fit")
    if n >= MIN_GPD:
        k = int(min(50, max(10, round(0.25 * n))))
        u = float(x[n - k - 1])
        y = x[n - k :] - u
        y = np.clip(y, 0, None)
        a0 = float(y.mean())
        p = (np.arange(1, k + 1) - 0.35) / k
        a1 = float(((1 - p) * y).mean())
        if a0 > 1e-12 and a0 - 2 * a1 > 1e-12:
            xi = 2 - a0 / (a0 - 2 * a1)
            sigma = 2 * a0 * a1 / (a0 - 2 * a1)
            xi = float(min(max(xi, XI_RANGE[0]), XI_RANGE[1]))
            if sigma > 1e-12:
                return TailFit("gpd", n, u=u, k=k, sigma=float(sigma), xi=xi, sample_max=float(x[-1]), margin=margin)
    if n >= MIN_LOGNORMAL and x[0] > 0:
        lx = np.log(x)
        sd = float(lx.std(ddof=1))
        if sd > 1e-9:
            return TailFit("lognormal", n, mu=float(lx.mean()), sd=sd, sample_max=float(x[-1]), margin=margin)
    return TailFit("max", n, sample_max=float(x[-1]), margin=margin)


@dataclass(frozen=True)
class TailThreshold:
    threshold: float
    method: str
    expected_rate: float  # mean over bootstrap refits of P(OK score ≥ threshold)
    rate_sd: float
    rate_interval: tuple[float, float]  # 16th-84th percentile of the bootstrap


def tail_threshold(scores: np.ndarray, rate: float, margin: float = 0.05, n_boot: int = 200,
                   seed: int = 0) -> TailThreshold:
    """Threshold for a target false-reject ``rate`` and the false-reject rate to expect from it."""
    if not 0 < rate < 1:
        raise ValueError(f"ok_reject_rate must be in (0, 1) (got {rate})")
    x = np.asarray(scores, dtype=np.float64)
    fit = fit_tail(x, margin)
    t = float(fit.quantile(rate))
    if fit.method == "max":
        t = max(t, 1e-9)
    rng = np.random.default_rng(seed)
    rates = []
    for _ in range(n_boot if x.size >= MIN_LOGNORMAL else 0):
        b = fit_tail(rng.choice(x, size=x.size, replace=True), margin)
        rates.append(b.exceedance(t))
    if rates:
        r = np.asarray(rates)
        exp_rate, sd = float(r.mean()), float(r.std())
        lo, hi = (float(v) for v in np.percentile(r, [16, 84]))
    else:  # a handful of scores: all one can say is "about one in n + 1"
        exp_rate, sd, lo, hi = 1.0 / (x.size + 1), 1.0 / (x.size + 1), 0.0, 2.0 / (x.size + 1)
    return TailThreshold(t, fit.method, exp_rate, sd, (lo, hi))
