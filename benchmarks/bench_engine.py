"""Engine benchmark: fit-eval on every category of the development set, accuracy and speed.

    .venv/bin/python benchmarks/bench_engine.py [--datasets DIR] [--categories a,b] [--param K=V ...]
                                                [--no-sweep] [--no-write]

Per category: image AUROC, pixel AUROC (where masks exist), miss / over-detection at the calibrated
threshold, training time, model file size, and predict latency per image (median and p95 over repeated
runs, batch 1 and batch 8, preprocessing and regions included, torch threads = cores). Then a small
trade-off sweep (coreset ratio, input size) on the masked categories. Writes the engine section of
docs/benchmarks.md (between the engine markers) and prints it. Self-contained; < 10 min on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from report import replace_section  # benchmarks/report.py (the script's own folder)

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from inference.runtime import configure_threads, tune_malloc  # noqa: E402

MALLOC_TUNED = tune_malloc()  # before torch allocates anything

START, END = "<!-- engine:start -->", "<!-- engine:end -->"
DEFAULT_DATASETS = ROOT.parent / "shared" / "datasets" / "real_industrial"
TARGETS = {"bottle": 0.99, "magnetic_tile": 0.95, "kolektor_commutator": 0.95}


def _pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


def latency(model, images, batch: int, repeats: int) -> tuple[float, float]:
    """Per-image ms (median, p95): `repeats` calls of predict on `batch` images, warm-up excluded."""
    model.predict(images[:batch])
    per_image = []
    for r in range(repeats):
        chunk = [images[(r * batch + i) % len(images)] for i in range(batch)]
        t0 = time.perf_counter()
        model.predict(chunk)
        per_image.append((time.perf_counter() - t0) * 1000 / batch)
    return statistics.median(per_image), _pct(per_image, 0.95)


def run_category(root: Path, params: dict, repeats: int) -> dict:
    from inference import train
    from inference.evaluation import evaluate, load_labelled_folder
    from inference.imageio import read_image

    data = load_labelled_folder(root)
    t0 = time.perf_counter()
    model = train(data.train_good, parameters=params, name=root.name, device="cpu")
    train_s = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        size = model.save(Path(tmp) / "m.qcs").stat().st_size
    rep = evaluate(model, data).to_json()
    images = [read_image(it.path) for it in data.items[:16]]
    b1 = latency(model, images, 1, repeats)
    b8 = latency(model, images, 8, max(3, repeats // 6))
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # contention-robust figure: one thread never waits for a descheduled peer
    try:
        b1_1t = latency(model, images, 1, max(5, repeats // 2))
    finally:
        torch.set_num_threads(threads)
    shapes = sorted({f"{im.shape[1]}×{im.shape[0]}" for im in images})
    return {"category": root.name, "image_auroc": rep["image_auroc"], "pixel_auroc": rep["pixel_auroc"],
            "miss_rate": rep["miss_rate"], "over_detection_rate": rep["over_detection_rate"],
            "n_train": len(data.train_good), "n_ok": rep["n_ok"], "n_ng": rep["n_ng"], "train_s": train_s,
            "size_mb": size / 1e6, "b1": b1, "b8": b8, "b1_1t": b1_1t, "bank": model.info.stats.get("memory_bank_size"),
            "shapes": shapes[0] if len(shapes) == 1 else f"{len(shapes)} sizes"}


def sweep(roots: list[Path], base: dict, grid: list[dict], repeats: int) -> list[dict]:
    rows = []
    for over in grid:
        params = {**base, **over}
        for root in roots:
            r = run_category(root, params, repeats)
            r["setting"] = ", ".join(f"{k}={v}" for k, v in over.items())
            rows.append(r)
            print(f"  sweep {r['setting']} {root.name}: img {r['image_auroc']:.3f} pix {_f(r['pixel_auroc'])} "
                  f"b1 {r['b1'][0]:.0f} ms train {r['train_s']:.0f}s", file=sys.stderr)
    return rows


def _f(v, spec=".3f") -> str:
    return "—" if v is None else format(v, spec)


def render(rows: list[dict], sweep_rows: list[dict], params: dict, load: tuple[float, float], secs: float,
           threads: int) -> str:
    from inference.algorithms import get_spec

    cfg = get_spec("patchcore").resolve(params)
    lines = [
        START,
        "## Inspection engine (`benchmarks/bench_engine.py`)",
        "",
        f"{platform.machine()}, {os.cpu_count()} CPU cores, torch threads {threads}, glibc malloc tuned: "
        f"{MALLOC_TUNED}; load average {load[0]:.1f} → {load[1]:.1f} during the run "
        "(the machine is shared: latencies are medians of repeated runs; with other processes on the cores a "
        "2-thread op waits for its descheduled peer, so the 1-thread column is the steadier figure under load). "
        f"Settings: patchcore, {cfg['backbone']}, input {cfg['input_size']} ({cfg['resize']}), pad {cfg['pad']}, "
        f"layers {cfg['layers']}, position norm {cfg['position_norm']}, coreset {cfg['coreset_ratio']} (≤ {cfg['max_bank']}), score rule "
        f"{cfg['score_rule']}{', overrides ' + str(params) if params else ''}.",
        "",
        "| category | train imgs | test OK/NG | image AUROC (target) | pixel AUROC | miss / over-detection | "
        "train s | bank | model MB | b1 median / p95 ms | b8 median / p95 ms per image | b1 1 thread median ms | "
        "image size |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in rows:
        target = TARGETS.get(r["category"])
        lines.append(
            f"| {r['category']} | {r['n_train']} | {r['n_ok']}/{r['n_ng']} | {_f(r['image_auroc'])}"
            f"{f' (≥ {target})' if target else ''} | {_f(r['pixel_auroc'])} | {_f(r['miss_rate'], '.2f')} / "
            f"{_f(r['over_detection_rate'], '.2f')} | {r['train_s']:.1f} | {r['bank']} | {r['size_mb']:.1f} | "
            f"{r['b1'][0]:.0f} / {r['b1'][1]:.0f} | {r['b8'][0]:.0f} / {r['b8'][1]:.0f} | {r['b1_1t'][0]:.0f} | "
            f"{r['shapes']} |")
    lines += ["", "Targets: predict ≤ 60 ms median at batch 1, training on 60 OK images ≤ 30 s, model ≤ 40 MB, "
              "pixel AUROC ≥ 0.95 where masks exist."]
    if sweep_rows:
        lines += ["", "Trade-off sweep (same run, other settings on top of the defaults):", "",
                  "| setting | category | image AUROC | pixel AUROC | train s | bank | b1 median ms |",
                  "| --- | --- | ---: | ---: | ---: | ---: | ---: |"]
        for r in sweep_rows:
            lines.append(f"| {r['setting']} | {r['category']} | {_f(r['image_auroc'])} | {_f(r['pixel_auroc'])} | "
                         f"{r['train_s']:.1f} | {r['bank']} | {r['b1'][0]:.0f} |")
    lines += ["", f"Written by `benchmarks/bench_engine.py` on "
              f"{datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M')} UTC in {secs / 60:.1f} min.", END]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    ap.add_argument("--categories", help="comma-separated subset (default: every category folder)")
    ap.add_argument("--param", action="append", default=[], metavar="KEY=VALUE")
    ap.add_argument("--repeats", type=int, default=30, help="batch-1 latency repeats")
    ap.add_argument("--no-sweep", action="store_true")
    ap.add_argument("--no-write", action="store_true", help="print only, leave docs/benchmarks.md alone")
    args = ap.parse_args(argv)
    if not args.datasets.is_dir():
        print(f"error: dataset folder not found: {args.datasets}", file=sys.stderr)
        return 2
    threads = configure_threads()
    params = dict(p.split("=", 1) for p in args.param)
    roots = sorted(d for d in args.datasets.iterdir() if (d / "train" / "good").is_dir())
    if args.categories:
        wanted = set(args.categories.split(","))
        roots = [d for d in roots if d.name in wanted]
    t0 = time.perf_counter()
    load0 = os.getloadavg()[0]
    rows = []
    for root in roots:
        r = run_category(root, params, args.repeats)
        rows.append(r)
        print(f"{root.name}: img {r['image_auroc']:.3f} pix {_f(r['pixel_auroc'])} train {r['train_s']:.1f}s "
              f"b1 {r['b1'][0]:.0f} ms b8 {r['b8'][0]:.0f} ms/img", file=sys.stderr)
    sweep_rows: list[dict] = []
    masked = [r for r in roots if (r / "ground_truth").is_dir()]
    if not args.no_sweep and masked:
        grid = [{"coreset_ratio": 0.01}, {"coreset_ratio": 0.1, "max_bank": 16384}, {"input_size": 192},
                {"input_size": 320}, {"position_norm": "none"}, {"resize": "square", "pad": 16}]
        sweep_rows = sweep(masked, params, grid, max(5, args.repeats // 3))
    text = render(rows, sweep_rows, params, (load0, os.getloadavg()[0]), time.perf_counter() - t0, threads)
    print(text)
    if not args.no_write:
        replace_section(ROOT / "docs" / "benchmarks.md", START, END, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
