"""The engine's command-line subcommands: train, evaluate, fit-eval, predict.

Each handler prints results on stdout, progress on stderr, and returns the process exit code:
0 success (whatever the verdicts), 2 bad input (with a one-line reason on stderr), 130 interrupted.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_BAD_INPUT = 2


class CommandError(Exception):
    """Bad input to a subcommand; the message is the one-line reason printed."""


class ProgressBar:
    """A one-line text progress bar on stderr (redrawn in place on a terminal, throttled otherwise)."""

    def __init__(self, stream=None, width: int = 28):
        self.stream = stream or sys.stderr
        self.width = width
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self._last: tuple[str, int] | None = None
        self._t0 = time.perf_counter()

    def __call__(self, stage: str, fraction: float) -> None:
        pct = int(max(0.0, min(1.0, fraction)) * 100)
        key = (stage, pct if self.tty else pct // 25)
        if key == self._last:
            return
        self._last = key
        filled = int(self.width * pct / 100)
        line = f"[{'#' * filled}{'.' * (self.width - filled)}] {pct:3d}% {stage} ({time.perf_counter() - self._t0:.1f}s)"
        if self.tty:
            self.stream.write("\r" + line.ljust(79))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.tty and self._last is not None:
            self.stream.write("\n")
            self.stream.flush()


def _params(pairs: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for pair in pairs or []:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise CommandError(f"--param expects KEY=VALUE, got {pair!r}")
        out[key.strip()] = value.strip()
    return out


def _image_folder(path: str | None, what: str) -> list[Path]:
    from inference.imageio import list_images

    if not path:
        raise CommandError(f"{what} folder is required")
    folder = Path(path)
    if not folder.is_dir():
        raise CommandError(f"{what} folder not found: {folder}")
    images = list_images(folder)
    if not images:
        raise CommandError(f"no images (png, jpg, bmp, tif, ...) in {what} folder {folder}")
    return images


def _device(args) -> str:
    return getattr(args, "device", None) or "auto"


def _setup_threads() -> None:
    from inference.runtime import configure_threads

    configure_threads()


def _describe_calibration(model) -> str:
    p, s = model.params, model.info.stats
    line = f"calibration: threshold {p.threshold:.4g}, pixel threshold {p.pixel_threshold:.4g} ({s.get('rule', '')})"
    line += f"; held-out OK: {s.get('calibration_ok_count', 0)} images, max score {s.get('calibration_ok_max', 0):.4g}"
    if "precision" in s:
        line += f"; on NG: precision {s['precision']:.3f}, recall {s['recall']:.3f}, F1 {s['f1']:.3f}"
    if "calibration_miss_rate" in s:
        line += (f"; on the calibration images: miss rate {s['calibration_miss_rate']:.3f}, "
                 f"over-detection {s['calibration_ok_reject_rate']:.3f}")
    if s.get("ng_head"):
        line += f"\nNG head: learned from {s.get('ng_head_positive_patches', 0)} defect patches"
    elif s.get("ng_head_note"):
        line += f"\nNG head: not used ({s['ng_head_note']})"
    if "expected_ok_reject_rate" in s:
        lo, hi = s.get("expected_ok_reject_rate_interval", [0.0, 0.0])
        line += (f"\nexpected over-detection {100 * s['expected_ok_reject_rate']:.1f} % "
                 f"(68 % interval {100 * lo:.1f}-{100 * hi:.1f} %)")
    if s.get("align_note"):
        line += (f"\npart alignment: {s['align_note']} ({s.get('align_located', 0)} of {s.get('align_images', 0)} "
                 "OK images showed one isolated part)")
    if "synthetic_catch_rate" in s:
        line += f"\nsynthetic self-check: {100 * s['synthetic_catch_rate']:.0f} % of pasted defects caught"
        if s.get("synthetic_warning"):
            line += f"\nwarning: {s['synthetic_warning']}"
    return line


def _ng_masks(ng: list[Path], folder: str | None) -> list[Path | None] | None:
    """Each NG image's mask in ``folder`` (``NAME_mask.png`` as in MVTec, or the same file name), if any."""
    if not folder:
        return None
    root = Path(folder)
    if not root.is_dir():
        raise CommandError(f"NG mask folder not found: {root}")
    out: list[Path | None] = []
    for img in ng:
        found = next((c for c in (root / f"{img.stem}_mask.png", root / img.name) if c.is_file()), None)
        out.append(found)
    if not any(out):
        raise CommandError(f"no mask in {root} matches an NG image (expected NAME_mask.png or NAME)")
    return out


def cmd_train(args) -> int:
    from inference import train
    from inference.algorithms import registry

    if getattr(args, "list_algorithms", False):
        print(json.dumps([a.to_dict() for a in registry()], indent=2))
        return EXIT_OK
    if not args.out:
        raise CommandError("--out MODEL.qcs is required")
    ok = _image_folder(args.ok, "OK")
    ng = _image_folder(args.ng, "NG") if args.ng else []
    masks = _ng_masks(ng, getattr(args, "ng_masks", None))
    _setup_threads()
    bar = ProgressBar()
    try:
        model = train(ok, ng_images=ng, ng_masks=masks, algorithm=args.algorithm, parameters=_params(args.param),
                      name=args.name or Path(args.ok).resolve().name, device=_device(args), progress=bar)
    finally:
        bar.close()
    path = model.save(args.out)
    info = model.info
    print(f"model saved to {path} ({path.stat().st_size / 1e6:.1f} MB)")
    print(f"id {info.id}, {info.algorithm} on {info.backbone}, {info.ok_img_count} OK / {info.ng_img_count} NG images, "
          f"trained in {info.training_seconds:.1f}s on {model.device}")
    print(_describe_calibration(model))
    return EXIT_OK


def _fmt(v: Any, spec: str = ".3f") -> str:
    return "n/a" if v is None else format(v, spec)


def _print_report(rep: dict[str, Any]) -> None:
    c = rep["confusion"]
    print(f"dataset {rep['dataset']} ({rep['n_ok']} OK, {rep['n_ng']} NG)")
    print(f"image AUROC {_fmt(rep['image_auroc'])}, pixel AUROC {_fmt(rep['pixel_auroc'])}")
    print(f"threshold {rep['threshold']:.4g}: miss rate {_fmt(rep['miss_rate'])}, "
          f"over-detection rate {_fmt(rep['over_detection_rate'])}, accuracy {_fmt(rep['accuracy'])}")
    print(f"confusion: NG caught {c['tp']}, NG missed {c['fn']}, OK rejected {c['fp']}, OK passed {c['tn']}")
    print(f"latency median {_fmt(rep['latency_ms_median'], '.1f')} ms, p95 {_fmt(rep['latency_ms_p95'], '.1f')} ms")
    if rep.get("expected_over_detection") is not None or rep.get("synthetic_catch_rate") is not None:
        print(f"model's own estimate: over-detection {_fmt(rep.get('expected_over_detection'))}, "
              f"synthetic catch rate {_fmt(rep.get('synthetic_catch_rate'))}")
    if rep.get("train_seconds") is not None:
        print(f"training {rep['train_seconds']:.1f}s")


def _write_outputs(report, rep: dict[str, Any], args) -> None:
    if getattr(args, "json_out", None):
        p = Path(args.json_out)
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(json.dumps(rep, indent=2), encoding="utf-8")
        print(f"report written to {p}")
    if getattr(args, "csv_out", None):
        print(f"rows written to {report.write_csv(args.csv_out)}")


def _load_model(path: str, device: str):
    from inference import load

    if not Path(path).is_file():
        raise CommandError(f"model file not found: {path}")
    return load(path, device=device)


def _labelled(path: str):
    from inference.evaluation import load_labelled_folder

    return load_labelled_folder(path)


def cmd_evaluate(args) -> int:
    from inference.evaluation import evaluate

    model = _load_model(args.model, _device(args))
    data = _labelled(args.dataset)
    _setup_threads()
    bar = ProgressBar()
    try:
        report = evaluate(model, data, progress=bar)
    finally:
        bar.close()
    rep = report.to_json()
    _print_report(rep)
    _write_outputs(report, rep, args)
    return EXIT_OK


def cmd_fit_eval(args) -> int:
    from inference import train
    from inference.evaluation import evaluate

    data = _labelled(args.dataset)
    if data.layout != "mvtec" or not data.train_good:
        raise CommandError(f"fit-eval needs an MVTec-style folder with train/good images: {args.dataset}")
    _setup_threads()
    bar = ProgressBar()
    try:
        model = train(data.train_good, algorithm=args.algorithm, parameters=_params(args.param),
                      name=Path(args.dataset).resolve().name, device=_device(args), progress=bar)
        report = evaluate(model, data, progress=bar)
    finally:
        bar.close()
    report.extra["train_seconds"] = model.info.training_seconds
    if args.out:
        path = model.save(args.out)
        report.extra["model_file"] = str(path)
        report.extra["model_bytes"] = path.stat().st_size
        print(f"model saved to {path}")
    rep = report.to_json()
    _print_report(rep)
    print(_describe_calibration(model))
    _write_outputs(report, rep, args)
    return EXIT_OK


def cmd_predict(args) -> int:
    from inference.errors import ImageDecodeError
    from inference.imageio import read_image

    model = _load_model(args.model, _device(args))
    _setup_threads()
    images = []
    for name in args.images:
        if not Path(name).is_file():
            raise CommandError(f"image not found: {name}")
        try:
            images.append(read_image(name))
        except ImageDecodeError as exc:
            raise CommandError(str(exc)) from None
    results = model.predict(images)
    rows = [
        {"file": name, "verdict": r.verdict, "score": r.score, "normalized_score": r.normalized_score,
         "confidence": r.confidence, "defect_count": r.defect_count,
         "regions": [reg.to_dict() for reg in r.regions], "width": r.image_shape[1], "height": r.image_shape[0],
         "latency_ms": r.timings.get("total")}
        for name, r in zip(args.images, results, strict=True)
    ]
    if args.json:
        print(json.dumps({"model": {"id": model.info.id, "name": model.info.name,
                                    "threshold": model.params.threshold}, "results": rows}, indent=2))
    else:
        width = max(4, *(len(r["file"]) for r in rows))
        print(f"{'file':<{width}}  verdict  score     norm   conf  defects")
        for r in rows:
            print(f"{r['file']:<{width}}  {r['verdict']:<7}  {r['score']:<8.4g}  {r['normalized_score']:5.2f}  "
                  f"{r['confidence']:4.2f}  {r['defect_count']}")
    return EXIT_OK


HANDLERS = {"train": cmd_train, "evaluate": cmd_evaluate, "fit-eval": cmd_fit_eval, "predict": cmd_predict}


def run_engine_command(args) -> int:
    """Dispatch one engine subcommand; bad input becomes exit code 2 and a one-line reason on stderr."""
    from inference.errors import EngineError, TrainingCancelled

    handler = HANDLERS.get(args.command)
    if handler is None:
        print(f"error: unknown command {args.command!r}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        return handler(args)
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
    except TrainingCancelled as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 130
    except (CommandError, EngineError, ValueError) as exc:
        print(f"error: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:
        print(f"error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return EXIT_BAD_INPUT
