"""False-alarm rate and detection delay of the score drift rule (station/drift.py) on simulated data.

Stationary OK scores are log-normal around a median ``m`` of the threshold (0.6: a roomy model,
0.9: a tight one); parts at or above 1.0 are judged NG and enter as censored (1.0), as in the
monitor. Each run draws its own calibration sample (12 images), so the reference is as uncertain
as a real bundle's. Prints a Markdown table for
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
    return np.minimum(np.exp(rng.normal(np.log(median), log_sd, n)), 1.0)


def reference(rng: np.random.Generator, median: float, log_sd: float, n: int = 12) -> Reference:
    cal = ok_scores(rng, n, median, log_sd)  # calibration images are OK parts
    return Reference(statistics.median(cal), statistics.stdev(cal), n)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--parts", type=int, default=200_000, help="OK parts per stationary run")
    ap.add_argument("--runs", type=int, default=10)
    args = ap.parse_args(argv)
    rule = DriftRule()
    rng = np.random.default_rng(7)
    print("| OK median m | OK score spread (log sd) | stationary parts | false alarms | per 10^6 parts "
          "| runs with one |")
    print("| --- | --- | --- | --- | --- | --- |")
    for median, log_sd in ((0.6, 0.10), (0.6, 0.15), (0.6, 0.25), (0.6, 0.35), (0.9, 0.03), (0.9, 0.06)):
        alarms = parts = runs_hit = 0
        for _ in range(args.runs):
            s = ok_scores(rng, args.parts, median, log_sd)
            hits = sum(1 for _, e in simulate(s, reference(rng, median, log_sd), rule) if e == "raised")
            alarms, parts, runs_hit = alarms + hits, parts + len(s), runs_hit + (hits > 0)
        print(f"| {median} | {log_sd:.2f} | {parts:,} | {alarms} | {alarms / parts * 1e6:.1f} "
              f"| {runs_hit}/{args.runs} |")
    print()
    print("| OK median m | step of the OK median | log sd | detected | median delay (parts) | max delay |")
    print("| --- | --- | --- | --- | --- | --- |")
    for median, log_sd, steps in ((0.6, 0.15, (0.10, 0.15, 0.20, 0.30)), (0.6, 0.25, (0.15, 0.30)),
                                  (0.9, 0.03, (0.03, 0.05, 0.08)), (0.9, 0.06, (0.05, 0.08))):
        for step in steps:
            delays = []
            for _ in range(40):
                ref = reference(rng, median, log_sd)
                s = np.concatenate([ok_scores(rng, 2000, median, log_sd),
                                    ok_scores(rng, 3000, median + step, log_sd)])
                hits = [i - 2000 for i, e in simulate(s, ref, rule) if e == "raised" and i >= 2000]
                delays.append(hits[0] if hits else None)
            found = [d for d in delays if d is not None]
            med = f"{statistics.median(found):.0f}" if found else "–"
            mx = f"{max(found)}" if found else "–"
            print(f"| {median} | +{step:.2f} | {log_sd:.2f} | {len(found)}/40 | {med} | {mx} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
