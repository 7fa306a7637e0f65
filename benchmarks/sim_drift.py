"""False-alarm rate and detection delay of the score drift rule (station/drift.py) on simulated data.

Stationary OK scores are log-normal around 0.6 of the threshold (those at or above 1.0 would be NG
and are dropped, as the monitor only sees OK parts); each run draws its own 12-image calibration
sample, so the reference is as uncertain as a real bundle's. Prints a Markdown table for
docs/insights.md.  Usage: python benchmarks/sim_drift.py [--parts 200000] [--runs 10]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from station.drift import DriftRule, Reference, simulate  # noqa: E402


def ok_scores(rng: np.random.Generator, n: int, median: float, log_sd: float) -> np.ndarray:
    s = np.exp(rng.normal(np.log(median), log_sd, n * 2 + 100))
    return s[s < 1.0][:n]


def reference(rng: np.random.Generator, log_sd: float, n: int = 12) -> Reference:
    cal = ok_scores(rng, n, 0.6, log_sd)
    return Reference(statistics.median(cal), statistics.stdev(cal), n)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--parts", type=int, default=200_000, help="OK parts per stationary run")
    ap.add_argument("--runs", type=int, default=10)
    args = ap.parse_args(argv)
    rule = DriftRule()
    rng = np.random.default_rng(7)
    print("| OK score spread (log sd) | stationary OK parts | false alarms | per 10^6 parts | runs with one |")
    print("| --- | --- | --- | --- | --- |")
    for log_sd in (0.10, 0.15, 0.25, 0.35):
        alarms = parts = runs_hit = 0
        for _ in range(args.runs):
            s = ok_scores(rng, args.parts, 0.6, log_sd)
            hits = sum(1 for _, e in simulate(s, reference(rng, log_sd), rule) if e == "raised")
            alarms, parts, runs_hit = alarms + hits, parts + len(s), runs_hit + (hits > 0)
        print(f"| {log_sd:.2f} | {parts:,} | {alarms} | {alarms / parts * 1e6:.1f} | {runs_hit}/{args.runs} |")
    print()
    print("| step of the OK median | log sd | detected | median delay (OK parts) | max delay |")
    print("| --- | --- | --- | --- | --- |")
    for log_sd in (0.15, 0.25):
        for step in (0.10, 0.15, 0.20, 0.30):
            delays = []
            for _ in range(40):
                ref = reference(rng, log_sd)
                s = np.concatenate([ok_scores(rng, 2000, 0.6, log_sd), ok_scores(rng, 3000, 0.6 + step, log_sd)])
                hits = [i - 2000 for i, e in simulate(s, ref, rule) if e == "raised" and i >= 2000]
                delays.append(hits[0] if hits else None)
            found = [d for d in delays if d is not None]
            med = f"{statistics.median(found):.0f}" if found else "–"
            mx = f"{max(found)}" if found else "–"
            print(f"| +{step:.2f} | {log_sd:.2f} | {len(found)}/40 | {med} | {mx} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
