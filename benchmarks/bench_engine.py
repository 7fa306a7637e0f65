"""Engine benchmark: the measurement protocol - every category, several seeds, mean ± spread.

    .venv/bin/python benchmarks/bench_engine.py [CONFIG ...] [--compare A B] [--seeds 3]
        [--categories a,b] [--datasets DIR ...] [--ng-shots 0,5,10] [--rates 0.01,0.02]
        [--repeats 20] [--threads N] [--json-out FILE [--keep-scores]] [--no-write]

A CONFIG is ``algorithm[:key=value,...]`` resolved through the algorithm registry, e.g. ``patchcore``,
``patchcore:score_rule=max_over_median``, ``csflow``. Every category folder (one with ``train/good``
and ``test/``) under the dataset roots (default: every folder of ../shared/datasets) is run with
``--seeds`` splits: seed s shuffles the OK training images (so a different subset is held out of the
bank for calibration and the synthetic self-check) and seeds the algorithm. Per category and
configuration: image AUROC, pixel AUROC (where masks exist), miss and over-detection rate at the
calibrated threshold, the model's own synthetic catch rate and expected over-detection, train time,
and predict latency (batch 1, median of repeated runs, first seed); for categories with several
defect kinds (test folders), AUROC and miss per kind. ``--compare A B`` runs both in the
same run on the same splits and prints B − A per category (mean ± spread over seeds) and the adoption
rule: B raises the mean over categories and lowers no category by more than its spread. With
``--merge``, every configuration in the files is compared with A (runs of one configuration on the
same seeds give the same scores, so a baseline measured once serves several comparisons).
``--ng-shots K`` also trains with K NG images drawn (per seed) from each category's test set, which are
then left out of the test. ``--keep-scores`` stores each model's calibration (OK, NG) and test scores
in the JSON rows, so threshold rules can be compared offline on the same models (only the threshold
moves). Spread = sample standard deviation over seeds. Writes the engine section
of docs/benchmarks.md unless ``--no-write``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

from report import replace_section  # benchmarks/report.py (the script's own folder)

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from inference.runtime import configure_threads, tune_malloc  # noqa: E402

MALLOC_TUNED = tune_malloc()  # before torch allocates anything

START, END = "<!-- engine:start -->", "<!-- engine:end -->"
DEFAULT_DATASETS = ROOT.parent / "shared" / "datasets"
METRICS = ("image_auroc", "pixel_auroc", "miss_rate", "over_detection_rate", "synthetic_catch_rate",
           "expected_over_detection", "train_s")


# -- configurations and categories ---------------------------------------------------------------------
def parse_config(text: str) -> tuple[str, dict]:
    """``algorithm[:k=v,...]`` → (algorithm, validated parameter overrides); ValueError says why."""
    from inference.algorithms import get_spec

    algo, _, rest = text.partition(":")
    spec = get_spec(algo.strip())
    overrides = {}
    for pair in filter(None, (p.strip() for p in rest.split(","))):
        key, sep, value = pair.partition("=")
        if not sep:
            raise ValueError(f"{text!r}: expected key=value, got {pair!r}")
        overrides[key.strip()] = value.strip()
    spec.resolve(overrides)  # validates names and values now, not after an hour of runs
    return spec.name, overrides


def discover(roots: list[Path]) -> list[Path]:
    """Category folders (train/good + test/) directly under each root, or the roots themselves."""
    found = []
    for root in roots:
        if (root / "train" / "good").is_dir() and (root / "test").is_dir():
            found.append(root)
            continue
        for sub in sorted(p for p in root.iterdir() if p.is_dir()):
            if (sub / "train" / "good").is_dir() and (sub / "test").is_dir():
                found.append(sub)
            elif sub.is_dir():  # one more level: ../shared/datasets/<set>/<category>
                found += [c for c in sorted(p for p in sub.iterdir() if p.is_dir())
                          if (c / "train" / "good").is_dir() and (c / "test").is_dir()]
    return found


# -- one run ---------------------------------------------------------------------------------------------
def _pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


def latency(model, images, repeats: int) -> tuple[tuple[float, float], float]:
    """Per-image ms at batch 1: wall (median, p95) and process CPU time (median), warm-up excluded.

    Why CPU time too: on a shared PC the wall time measures the other users; the CPU time per
    predict is what the algorithm costs (with 1 torch thread it is the single-core latency)."""
    model.predict(images[:1])
    per, cpu = [], []
    for r in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        model.predict([images[r % len(images)]])
        cpu.append((time.process_time() - c0) * 1000)
        per.append((time.perf_counter() - t0) * 1000)
    return (statistics.median(per), _pct(per, 0.95)), statistics.median(cpu)


def split(data, seed: int, ng_shots: int):
    """(OK training paths in seed order, NG training paths, the labelled set that is tested)."""
    rng = random.Random(seed)
    train = list(data.train_good)
    rng.shuffle(train)
    if ng_shots <= 0:
        return train, [], data
    ng_items = [it for it in data.items if it.label == "NG"]
    picked = set(random.Random(1000 + seed).sample(range(len(ng_items)), min(ng_shots, len(ng_items) - 1)))
    chosen = [ng_items[i] for i in sorted(picked)]
    rest = tuple(it for it in data.items if it not in chosen)
    return train, chosen, replace(data, items=rest)


def run_one(root: Path, algo: str, overrides: dict, seed: int, ng_shots: int, rates: list[float],
            repeats: int, cache: dict, keep_scores: bool = False) -> dict:
    from inference import train
    from inference.calibration import calibrate
    from inference.evaluation import evaluate, load_labelled_folder
    from inference.imageio import read_image

    data = cache.setdefault(("data", root), None) or load_labelled_folder(root)
    cache[("data", root)] = data
    ok, ng, test = split(data, seed, ng_shots)
    params = {"seed": seed, **overrides}
    t0, c0 = time.perf_counter(), time.process_time()
    extra = {"ng_images": [it.path for it in ng], "ng_masks": [it.mask_path for it in ng]} if ng else {}
    model = train(ok, algorithm=algo, parameters=params, name=root.name, device="cpu", **extra)
    train_s, train_cpu_s = time.perf_counter() - t0, time.process_time() - c0
    report = evaluate(model, test, batch_size=8)  # same scores as batch 1; latency is measured below
    m = report.metrics()
    stats = model.info.stats
    out = {"category": root.name, "seed": seed, "ng_shots": ng_shots, "image_auroc": m["image_auroc"],
           "pixel_auroc": report.pixel_auroc, "miss_rate": m["miss_rate"],
           "over_detection_rate": m["over_detection_rate"], "train_s": train_s,
           "train_cpu_s": train_cpu_s, "memory_bank_size": stats.get("memory_bank_size"),
           "synthetic_catch_rate": stats.get("synthetic_catch_rate"),
           "expected_over_detection": stats.get("expected_ok_reject_rate"), "threshold": m["threshold"],
           "n_ok": m["n_ok"], "n_ng": m["n_ng"], "n_train": len(ok)}
    out["by_defect"] = defect_breakdown(report.rows, m["threshold"])
    scores = stats.get("calibration_scores")
    if keep_scores:  # every score the threshold rule sees, and the test scores: rules compared offline
        out["scores"] = {"calibration_ok": scores, "calibration_ng": stats.get("ng_scores"),
                         "test": [round(float(r.score), 6) for r in report.rows],
                         "test_ng": [r.label == "NG" for r in report.rows], "ng_head": stats.get("ng_head"),
                         "ng_head_check_auroc": stats.get("ng_head_check_auroc"),
                         "ng_head_gain": stats.get("ng_head_gain"), "ng_head_l2": stats.get("ng_head_l2")}
    if rates and scores and not ng:
        for r in rates:  # the same model at other target false-reject rates: only the threshold moves
            t = calibrate(scores, ok_reject_rate=r).threshold
            mm = report.metrics(threshold=t)
            out[f"rate_{r:g}"] = {"miss_rate": mm["miss_rate"], "over_detection_rate": mm["over_detection_rate"]}
    if repeats > 0:  # the caller asks on the first seed only
        key = ("images", root)
        if key not in cache:
            cache[key] = [read_image(it.path) for it in data.items[:12]]
        out["latency_b1"], out["latency_b1_cpu_ms"] = latency(model, cache[key], repeats)
    return out


def defect_breakdown(rows, threshold: float) -> dict[str, dict]:
    """Per defect kind (the test folder's name): AUROC against every OK test image, and the miss rate.

    Why: a category mean hides which kind a line would let through (on the tiles the cracks, not the breaks).
    """
    import numpy as np

    from inference.evaluation import auroc

    ok = [r.score for r in rows if r.label == "OK"]
    out: dict[str, dict] = {}
    for kind in sorted({r.defect for r in rows if r.label == "NG"}):
        ng = [r.score for r in rows if r.label == "NG" and r.defect == kind]
        labels = np.array([False] * len(ok) + [True] * len(ng))
        out[kind] = {"n": len(ng), "auroc": auroc(labels, np.array(ok + ng)) if ok else None,
                     "miss_rate": sum(s < threshold for s in ng) / len(ng)}
    return out


# -- aggregation ------------------------------------------------------------------------------------------
def mean_sd(values: list) -> tuple[float | None, float | None]:
    v = [x for x in values if x is not None]
    if not v:
        return None, None
    return statistics.fmean(v), (statistics.stdev(v) if len(v) > 1 else 0.0)


def _ms(values: list, spec: str = ".3f") -> str:
    m, s = mean_sd(values)
    return "—" if m is None else f"{m:{spec}} ± {s:{spec.lstrip('+')}}"


def spearman(x: list[float], y: list[float]) -> float | None:
    """Rank correlation (average ranks for ties); None when undefined."""
    if len(x) < 3 or len(x) != len(y):
        return None

    def ranks(v):
        order = sorted(range(len(v)), key=lambda i: v[i])
        r = [0.0] * len(v)
        i = 0
        while i < len(v):
            j = i
            while j + 1 < len(v) and v[order[j + 1]] == v[order[i]]:
                j += 1
            for k in range(i, j + 1):
                r[order[k]] = (i + j) / 2
            i = j + 1
        return r

    rx, ry = ranks(x), ranks(y)
    mx, my = statistics.fmean(rx), statistics.fmean(ry)
    num = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    den = (sum((a - mx) ** 2 for a in rx) * sum((b - my) ** 2 for b in ry)) ** 0.5
    return None if den == 0 else num / den


def by_cat(rows: list[dict], cfg: str, shots: int) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for r in rows:
        if r["config"] == cfg and r["ng_shots"] == shots:
            out.setdefault(r["category"], []).append(r)
    return out


def overall(groups: dict[str, list[dict]], key: str) -> tuple[float | None, float | None]:
    """Mean over categories, with the spread of that mean over seeds."""
    means = [mean_sd([r[key] for r in rs])[0] for rs in groups.values()]
    means = [m for m in means if m is not None]
    per_seed: dict[int, list[float]] = {}
    for rs in groups.values():
        for r in rs:
            if r[key] is not None:
                per_seed.setdefault(r["seed"], []).append(r[key])
    seed_means = [statistics.fmean(v) for v in per_seed.values() if len(v) == len(groups)]
    if not means:
        return None, None
    return statistics.fmean(means), (statistics.stdev(seed_means) if len(seed_means) > 1 else 0.0)


def table(rows: list[dict], cfg: str, shots: int) -> list[str]:
    groups = by_cat(rows, cfg, shots)
    lines = ["| category | image AUROC | pixel AUROC | miss | over-detection | synthetic catch | expected over-det. "
             "| train s | b1 median / p95 ms |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for cat, rs in groups.items():
        lat = next((r["latency_b1"] for r in rs if "latency_b1" in r), None)
        lines.append(f"| {cat} | {_ms([r['image_auroc'] for r in rs])} | {_ms([r['pixel_auroc'] for r in rs])} | "
                     f"{_ms([r['miss_rate'] for r in rs], '.2f')} | {_ms([r['over_detection_rate'] for r in rs], '.2f')} | "
                     f"{_ms([r['synthetic_catch_rate'] for r in rs], '.2f')} | "
                     f"{_ms([r['expected_over_detection'] for r in rs], '.3f')} | {_ms([r['train_s'] for r in rs], '.1f')} | "
                     f"{'—' if lat is None else f'{lat[0]:.0f} / {lat[1]:.0f}'} |")
    cells = []
    for key, spec in (("image_auroc", ".3f"), ("pixel_auroc", ".3f"), ("miss_rate", ".2f"),
                      ("over_detection_rate", ".2f"), ("synthetic_catch_rate", ".2f"),
                      ("expected_over_detection", ".3f"), ("train_s", ".1f")):
        m, s = overall(groups, key)
        cells.append("—" if m is None else f"**{m:{spec}} ± {s:{spec}}**")
    lines.append(f"| **mean over categories** | {' | '.join(cells)} | |")
    return lines


def defect_table(rows: list[dict], cfg: str, shots: int) -> list[str]:
    """Categories with several defect kinds: AUROC and miss per kind, mean ± spread over seeds."""
    lines = ["| category | defect kind | n | image AUROC (vs all OK) | miss |", "| --- | --- | ---: | ---: | ---: |"]
    for cat, rs in by_cat(rows, cfg, shots).items():
        kinds = sorted({k for r in rs for k in r.get("by_defect", {})})
        if len(kinds) < 2:
            continue
        for k in kinds:
            got = [r["by_defect"][k] for r in rs if k in r.get("by_defect", {})]
            lines.append(f"| {cat} | {k} | {got[0]['n']} | {_ms([g['auroc'] for g in got])} | "
                         f"{_ms([g['miss_rate'] for g in got], '.2f')} |")
    return lines if len(lines) > 2 else []


def rate_table(rows: list[dict], cfg: str, rates: list[float]) -> list[str]:
    groups = by_cat(rows, cfg, 0)
    lines = ["| target false-reject rate | " + " | ".join(groups) + " | mean |",
             "| --- |" + " ---: |" * (len(groups) + 1)]
    for r in rates:
        k = f"rate_{r:g}"
        cells, misses, overs = [], [], []
        for rs in groups.values():
            mi = [x[k]["miss_rate"] for x in rs if k in x]
            ov = [x[k]["over_detection_rate"] for x in rs if k in x]
            cells.append(f"{_ms(mi, '.2f')} / {_ms(ov, '.2f')}")
            misses.append(mean_sd(mi)[0])
            overs.append(mean_sd(ov)[0])
        mm = [m for m in misses if m is not None]
        oo = [o for o in overs if o is not None]
        lines.append(f"| {r:g} | " + " | ".join(cells) +
                     (f" | {statistics.fmean(mm):.2f} / {statistics.fmean(oo):.2f} |" if mm and oo else " | — |"))
    return lines


def paired(rows: list[dict], a: str, b: str, shots: int) -> tuple[list[str], bool]:
    """B − A per category over the same seeds; and whether B passes the adoption rule on image AUROC."""
    ga, gb = by_cat(rows, a, shots), by_cat(rows, b, shots)
    lines = ["| category | Δ image AUROC | Δ pixel AUROC | Δ miss | Δ over-detection |",
             "| --- | ---: | ---: | ---: | ---: |"]
    ok = True
    cat_means = []
    for cat in ga:
        if cat not in gb:
            continue
        sa = {r["seed"]: r for r in ga[cat]}
        sb = {r["seed"]: r for r in gb[cat]}
        seeds = sorted(set(sa) & set(sb))
        cells = []
        for key in ("image_auroc", "pixel_auroc", "miss_rate", "over_detection_rate"):
            d = [sb[s][key] - sa[s][key] for s in seeds if sb[s][key] is not None and sa[s][key] is not None]
            cells.append(_ms(d, "+.3f"))
            if key == "image_auroc" and d:
                m, sd = mean_sd(d)
                cat_means.append(m)
                spread = max(sd, mean_sd([sa[s][key] for s in seeds])[1] or 0.0)
                if m < -max(spread, 0.005):
                    ok = False
        lines.append(f"| {cat} | " + " | ".join(cells) + " |")
    mean = statistics.fmean(cat_means) if cat_means else 0.0
    verdict = ok and mean > 1e-3  # rounding of identical scores is not an improvement
    lines.append(f"| **mean over categories** | **{mean:+.3f}** | | | |")
    lines += ["", f"Adoption rule (mean Δ image AUROC > 0 and no category below −its spread): "
              f"**{'passes' if verdict else 'fails'}** for `{b}` over `{a}`."]
    return lines, verdict


def correlation_line(rows: list[dict], cfg: str) -> str:
    groups = by_cat(rows, cfg, 0)
    catch, miss, names = [], [], []
    for cat, rs in groups.items():
        c, m = mean_sd([r["synthetic_catch_rate"] for r in rs])[0], mean_sd([r["miss_rate"] for r in rs])[0]
        if c is not None and m is not None:
            catch.append(1 - c)
            miss.append(m)
            names.append(cat)
    rho = spearman(catch, miss)
    return (f"Synthetic self-check vs reality (`{cfg}`): Spearman rank correlation between the synthetic miss "
            f"rate (1 − catch) and the real miss rate over {len(names)} categories: "
            f"**{'n/a' if rho is None else f'{rho:+.2f}'}**.")


def render(rows: list[dict], configs: list[str], shots: list[int], rates: list[float], compare: bool,
           load: tuple[float, float], secs: float, threads: int, seeds: int, note: str = "") -> str:
    lines = [START, "## Inspection engine (`benchmarks/bench_engine.py`)", "",
             f"{platform.machine()}, {os.cpu_count()} CPU cores (shared), torch threads {threads}, glibc malloc tuned: "
             f"{MALLOC_TUNED}; load average {load[0]:.1f} → {load[1]:.1f}. Protocol: every category, {seeds} seeds "
             "(seed s shuffles which OK training images are held out of the bank and seeds the algorithm); "
             "figures are mean ± standard deviation over seeds; the last row is the mean over categories "
             "with the spread of that mean over seeds. Miss and over-detection are at the model's own "
             "calibrated threshold. Latency: batch 1, predict incl. preprocessing and regions, first seed."
             + (f" {note}" if note else "")]
    for cfg in configs:
        for k in shots:
            if not by_cat(rows, cfg, k):
                continue
            lines += ["", f"### `{cfg}`" + (f", trained with {k} NG images from the test set (not tested)" if k else ""),
                      ""] + table(rows, cfg, k)
            kinds = defect_table(rows, cfg, k)
            if kinds:
                lines += ["", f"Per defect kind (`{cfg}`" + (f", {k} NG" if k else "") + "):", ""] + kinds
        if 0 in shots and any(r["synthetic_catch_rate"] is not None for rs in by_cat(rows, cfg, 0).values()
                              for r in rs):
            lines += ["", correlation_line(rows, cfg)]
            if rates and any(k.startswith("rate_") for r in rows if r["config"] == cfg for k in r):
                lines += ["", f"Miss / over-detection of `{cfg}` at other target false-reject rates "
                          "(same models, only the threshold moves):", ""] + rate_table(rows, cfg, rates)
    if compare and len(configs) >= 2:  # every other configuration against the first (the baseline)
        for other in configs[1:]:
            for k in shots:
                if not (by_cat(rows, configs[0], k) and by_cat(rows, other, k)):
                    continue
                diff, _ = paired(rows, configs[0], other, k)
                lines += ["", f"### Paired difference `{other}` − `{configs[0]}`" + (f" ({k} NG)" if k else ""),
                          ""] + diff
    lines += ["", f"Written by `benchmarks/bench_engine.py` on {datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M')} "
              f"UTC in {secs / 60:.1f} min.", END]
    return "\n".join(lines)


def merge(args) -> int:
    rows = [r for f in args.merge for r in json.loads(f.read_text(encoding="utf-8"))]
    configs = list(dict.fromkeys([*(args.compare or []), *(r["config"] for r in rows)]))
    shots = sorted({r["ng_shots"] for r in rows})
    rates = sorted({float(k[5:]) for r in rows for k in r if k.startswith("rate_")})
    seeds = len({r["seed"] for r in rows})
    loads = [float(r["load"]) for r in rows if isinstance(r.get("load"), (int, float))]
    span = (min(loads), max(loads)) if loads else os.getloadavg()[:2]  # during the runs, when recorded
    text = render(rows, configs, shots, rates, bool(args.compare), span, 0.0, args.threads or 1, seeds, args.note)
    text = text.replace(" in 0.0 min.", f" from {len(rows)} runs merged from {len(args.merge)} files.")
    print(text)
    if not args.no_write:
        replace_section(ROOT / "docs" / "benchmarks.md", START, END, text)
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("configs", nargs="*", help="algorithm[:key=value,...] (default: patchcore)")
    ap.add_argument("--compare", nargs=2, metavar=("A", "B"), help="run both, print B − A paired by seed")
    ap.add_argument("--datasets", type=Path, action="append", help="dataset root(s); default ../shared/datasets")
    ap.add_argument("--categories", help="comma-separated subset of category names")
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--first-seed", type=int, default=0,
                    help="seeds run first-seed … first-seed + seeds − 1: confirm a setting on splits it was not chosen on")
    ap.add_argument("--ng-shots", default="0", help="comma-separated NG training counts, e.g. 0,5,10")
    ap.add_argument("--rates", default="", help="also report miss/over-detection at these ok_reject_rate targets")
    ap.add_argument("--repeats", type=int, default=20, help="batch-1 latency repeats (0: skip)")
    ap.add_argument("--json-out", type=Path, help="write every per-seed row here")
    ap.add_argument("--threads", type=int, default=0, help="torch threads (default: cores; 1 is steadier on a busy PC)")
    ap.add_argument("--no-write", action="store_true", help="print only, leave docs/benchmarks.md alone")
    ap.add_argument("--keep-scores", action="store_true",
                    help="store calibration and test scores in the --json-out rows (compare threshold rules offline)")
    ap.add_argument("--note", default="", help="a sentence added to the section (e.g. what else loaded the machine)")
    ap.add_argument("--merge", type=Path, nargs="+", metavar="JSON",
                    help="render rows saved by earlier runs (--json-out), e.g. categories split over processes")
    args = ap.parse_args(argv)
    if args.merge:
        return merge(args)
    configs = list(args.compare) if args.compare else (args.configs or ["patchcore"])
    try:
        parsed = {c: parse_config(c) for c in configs}
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    roots_in = args.datasets or [DEFAULT_DATASETS]
    missing = [r for r in roots_in if not r.is_dir()]
    if missing:
        print(f"error: dataset folder not found: {missing[0]}", file=sys.stderr)
        return 2
    roots = discover(roots_in)
    if args.categories:
        wanted = [c.strip() for c in args.categories.split(",")]
        roots = sorted((d for d in roots if d.name in wanted), key=lambda d: wanted.index(d.name))  # given order
    if not roots:
        print("error: no category folders (train/good + test/) found", file=sys.stderr)
        return 2
    shots = [int(s) for s in args.ng_shots.split(",") if s.strip()]
    rates = [float(r) for r in args.rates.split(",") if r.strip()]
    threads = configure_threads(args.threads)
    t0, load0 = time.perf_counter(), os.getloadavg()[0]
    rows: list[dict] = []
    cache: dict = {}
    for root in roots:
        for seed in range(args.first_seed, args.first_seed + args.seeds):
            for k in shots:
                for cfg in configs:
                    algo, over = parsed[cfg]
                    try:
                        r = run_one(root, algo, over, seed, k, rates, args.repeats if k == 0 and seed == args.first_seed else 0, cache,
                                    args.keep_scores)
                    except Exception as exc:  # noqa: BLE001 - one broken run must not lose an hour of others
                        print(f"{root.name} seed {seed} ng {k} {cfg}: FAILED {exc!r}", file=sys.stderr, flush=True)
                        continue
                    r["config"] = cfg
                    r["load"] = round(os.getloadavg()[0], 1)  # the machine is shared: say how busy it was
                    rows.append(r)
                    if args.json_out:  # after every run: a sweep stopped early keeps what it measured
                        args.json_out.write_text(json.dumps(rows, indent=1), encoding="utf-8")
                    print(f"{root.name} seed {seed} ng {k} {cfg}: img {r['image_auroc']:.3f} pix "
                          f"{'—' if r['pixel_auroc'] is None else format(r['pixel_auroc'], '.3f')} miss "
                          f"{r['miss_rate']:.2f} over {r['over_detection_rate']:.2f} synth "
                          f"{r['synthetic_catch_rate']} train {r['train_s']:.1f}s"
                          + (f" b1 {r['latency_b1'][0]:.0f} ms (cpu {r['latency_b1_cpu_ms']:.0f})"
                             if "latency_b1" in r else ""), file=sys.stderr,
                          flush=True)
        cache.pop(("images", root), None)
        cache.pop(("data", root), None)
    if args.json_out:
        args.json_out.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    text = render(rows, configs, shots, rates, bool(args.compare), (load0, os.getloadavg()[0]),
                  time.perf_counter() - t0, threads, args.seeds, args.note)
    print(text)
    if not args.no_write:
        replace_section(ROOT / "docs" / "benchmarks.md", START, END, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
