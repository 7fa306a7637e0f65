"""Evaluating a model on a labelled folder: the seed-001 report (miss / over-detection) and AUROCs.

A labelled folder is either an MVTec category (``test/good`` = OK, every other ``test/<defect>`` = NG,
optional ``ground_truth/<defect>/<name>_mask.png``) or a seed-001 folder with ``OK/`` and ``NG/``.
"""

from __future__ import annotations

import csv
import os
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import cv2
import numpy as np

from common.fileio import atomic_write
from inference.errors import EngineError, ImageDecodeError, TrainingCancelled
from inference.imageio import list_images, read_image

if TYPE_CHECKING:
    from inference.model import AnomalyModel

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class LabelledImage:
    path: Path
    label: str  # "OK" | "NG"
    defect: str  # "good" or the defect folder's name
    mask_path: Path | None = None


@dataclass(frozen=True)
class LabelledSet:
    root: Path
    layout: str  # "mvtec" | "ok_ng"
    items: tuple[LabelledImage, ...]
    train_good: tuple[Path, ...] = ()  # MVTec train/good (for fit-eval)

    @property
    def n_ok(self) -> int:
        return sum(1 for i in self.items if i.label == "OK")

    @property
    def n_ng(self) -> int:
        return sum(1 for i in self.items if i.label == "NG")

    @property
    def has_masks(self) -> bool:
        return any(i.mask_path is not None for i in self.items)


def _find_dir(root: Path, *names: str) -> Path | None:
    for child in root.iterdir():
        if child.is_dir() and child.name.lower() in names:
            return child
    return None


def load_labelled_folder(path: str | os.PathLike[str]) -> LabelledSet:
    """Index a labelled folder; a missing folder or one without images raises EngineError."""
    root = Path(path)
    if not root.is_dir():
        raise EngineError(f"dataset folder not found: {root}")
    test = root / "test"
    if test.is_dir():
        items: list[LabelledImage] = []
        gt = root / "ground_truth"
        for sub in sorted(d for d in test.iterdir() if d.is_dir()):
            label = "OK" if sub.name == "good" else "NG"
            for img in list_images(sub):
                mask = gt / sub.name / f"{img.stem}_mask.png"
                items.append(LabelledImage(img, label, sub.name, mask if label == "NG" and mask.is_file() else None))
        train_dir = root / "train" / "good"
        train_good = tuple(list_images(train_dir)) if train_dir.is_dir() else ()
        if not items:
            raise EngineError(f"no images under {test}")
        return LabelledSet(root, "mvtec", tuple(items), train_good)
    ok_dir, ng_dir = _find_dir(root, "ok", "good"), _find_dir(root, "ng", "bad")
    if ok_dir is None and ng_dir is None:
        raise EngineError(f"{root} is neither an MVTec category (test/) nor an OK/ + NG/ folder")
    items = [LabelledImage(p, "OK", "good") for p in (list_images(ok_dir) if ok_dir else [])]
    items += [LabelledImage(p, "NG", "NG") for p in (list_images(ng_dir) if ng_dir else [])]
    if not items:
        raise EngineError(f"no images in {root}/OK or {root}/NG")
    return LabelledSet(root, "ok_ng", tuple(items))


def auroc(labels: np.ndarray, scores: np.ndarray) -> float | None:
    """Area under the ROC curve (Mann-Whitney with tie correction); None with a single class."""
    labels = np.asarray(labels).astype(bool)
    scores = np.asarray(scores, dtype=np.float64)
    n_pos, n_neg = int(labels.sum()), int((~labels).sum())
    if n_pos == 0 or n_neg == 0:
        return None
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores), dtype=np.float64)
    sorted_scores = scores[order]
    # average ranks over ties
    _, first, counts = np.unique(sorted_scores, return_index=True, return_counts=True)
    avg = first + (counts - 1) / 2.0 + 1.0
    ranks[order] = np.repeat(avg, counts)
    return float((ranks[labels].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


CSV_HEADER = ("file name", "label", "prediction", "anomaly score", "normalized score", "defect count",
              "defect type")


@dataclass(frozen=True)
class Row:
    path: str
    name: str
    label: str
    defect: str
    prediction: str
    score: float
    normalized_score: float
    defect_count: int
    latency_ms: float


@dataclass
class EvaluationReport:
    dataset: str
    layout: str
    model: dict[str, Any]
    threshold: float
    rows: list[Row]
    pixel_auroc: float | None
    latencies_ms: list[float]
    extra: dict[str, Any] = field(default_factory=dict)  # e.g. train_seconds from fit-eval
    model_stats: dict[str, Any] = field(default_factory=dict)  # the model's own calibration / self-check

    def metrics(self, threshold: float | None = None) -> dict[str, Any]:
        """Image metrics at ``threshold`` (default: the model's); rows keep their original predictions."""
        t = self.threshold if threshold is None else float(threshold)
        labels = np.array([r.label == "NG" for r in self.rows])
        scores = np.array([r.score for r in self.rows])
        pred_ng = scores >= t
        tp = int((pred_ng & labels).sum())
        fn = int((~pred_ng & labels).sum())
        fp = int((pred_ng & ~labels).sum())
        tn = int((~pred_ng & ~labels).sum())
        n_ng, n_ok = tp + fn, fp + tn
        precision = tp / (tp + fp) if tp + fp else None
        recall = tp / n_ng if n_ng else None
        return {
            "image_auroc": auroc(labels, scores),
            "pixel_auroc": self.pixel_auroc,
            "miss_rate": fn / n_ng if n_ng else None,
            "over_detection_rate": fp / n_ok if n_ok else None,
            "accuracy": (tp + tn) / len(self.rows) if self.rows else None,
            "precision": precision,
            "recall": recall,
            "threshold": t,
            "confusion": {"tp": tp, "fn": fn, "fp": fp, "tn": tn},
            "n_ok": n_ok,
            "n_ng": n_ng,
        }

    def to_json(self) -> dict[str, Any]:
        """The stable report schema (docs/engine.md): top-level keys never change meaning."""
        m = self.metrics()
        lat = sorted(self.latencies_ms)
        out = {
            "schema_version": SCHEMA_VERSION,
            "dataset": self.dataset,
            "layout": self.layout,
            **{k: m[k] for k in ("image_auroc", "pixel_auroc", "miss_rate", "over_detection_rate", "threshold",
                                 "n_ok", "n_ng", "accuracy", "precision", "recall", "confusion")},
            "latency_ms_median": statistics.median(lat) if lat else None,
            "latency_ms_p95": lat[min(len(lat) - 1, int(round(0.95 * (len(lat) - 1))))] if lat else None,
            "train_seconds": self.extra.get("train_seconds"),
            # what the model expected of itself at training (null for models from before the self-check)
            "expected_over_detection": self.model_stats.get("expected_ok_reject_rate"),
            "expected_over_detection_interval": self.model_stats.get("expected_ok_reject_rate_interval"),
            "synthetic_catch_rate": self.model_stats.get("synthetic_catch_rate"),
            "model": self.model,
            "images": [
                {"name": r.name, "path": r.path, "label": r.label, "defect": r.defect, "prediction": r.prediction,
                 "score": r.score, "normalized_score": r.normalized_score, "defect_count": r.defect_count}
                for r in self.rows
            ],
        }
        for k, v in self.extra.items():
            out.setdefault(k, v)
        return out

    def write_csv(self, path: str | os.PathLike[str], threshold: float | None = None) -> Path:
        """One row per image in the seed-001 result format (the CLI's ``--csv`` and the Evaluate
        page's export are this file). ``threshold``: judge again at it (the page's slider)."""
        p = Path(path)
        t = self.threshold if threshold is None else float(threshold)
        with atomic_write(p, newline="") as fh:
            w = csv.writer(fh)
            w.writerow(CSV_HEADER)
            for r in self.rows:
                if threshold is None:  # as the engine judged (and normalised) each image
                    prediction, normalized = r.prediction, f"{r.normalized_score:.4f}"
                else:  # the Evaluate page's table does the same at its slider's threshold
                    prediction = "NG" if r.score >= t else "OK"
                    normalized = f"{r.score / t:.4f}" if t > 0 else ""
                w.writerow([r.name, r.label, prediction, f"{r.score:.6f}", normalized, r.defect_count, r.defect])
        return p


def _pixel_auroc(maps_and_masks: list[tuple[np.ndarray, np.ndarray]], max_pixels: int = 4_000_000) -> float | None:
    """Pixel AUROC over all evaluated images (OK images contribute all-negative masks)."""
    if not maps_and_masks or not any(m.any() for _, m in maps_and_masks):
        return None
    total = sum(a.size for a, _ in maps_and_masks)
    step = max(1, int(np.ceil(total / max_pixels)))
    scores = np.concatenate([a.ravel()[::step] for a, _ in maps_and_masks])
    labels = np.concatenate([m.ravel()[::step] for _, m in maps_and_masks])
    return auroc(labels, scores)


def evaluate(model: AnomalyModel, labelled_set: LabelledSet, progress: Callable[[str, float], None] | None = None,
             cancel: threading.Event | None = None, batch_size: int = 1) -> EvaluationReport:
    """Predict every image (batch 1 by default, as on the line) and collect the report."""
    report = progress or (lambda stage, fraction: None)
    rows: list[Row] = []
    latencies: list[float] = []
    pixel_pairs: list[tuple[np.ndarray, np.ndarray]] = []
    with_masks = labelled_set.has_masks
    items = labelled_set.items
    for start in range(0, len(items), batch_size):
        if cancel is not None and cancel.is_set():
            raise TrainingCancelled("evaluation cancelled")
        chunk = items[start : start + batch_size]
        images = [read_image(it.path) for it in chunk]
        t0 = time.perf_counter()
        results = model.predict(images)
        dt = (time.perf_counter() - t0) * 1000 / len(chunk)
        for it, res in zip(chunk, results, strict=True):
            latencies.append(dt)
            rows.append(Row(str(it.path), it.path.name, it.label, it.defect, res.verdict, res.score,
                            res.normalized_score, res.defect_count, dt))
            if with_masks:
                mask = _read_mask(it.mask_path, res.anomaly_map.shape) if it.mask_path else np.zeros(
                    res.anomaly_map.shape, dtype=bool)
                pixel_pairs.append((res.anomaly_map, mask))
        report("evaluating", min(1.0, (start + len(chunk)) / len(items)))
    info = model.info
    return EvaluationReport(
        dataset=str(labelled_set.root), layout=labelled_set.layout,
        model={"id": info.id, "name": info.name, "algorithm": info.algorithm, "parameters": info.parameters,
               "params": model.params.to_dict()},
        threshold=float(model.params.threshold), rows=rows,
        pixel_auroc=_pixel_auroc(pixel_pairs) if with_masks else None, latencies_ms=latencies,
        model_stats=dict(info.stats),
    )


def _read_mask(path: Path, shape: tuple[int, int]) -> np.ndarray:
    try:
        m = read_image(path)
    except ImageDecodeError:
        raise ImageDecodeError(f"unreadable mask {path}") from None
    if m.ndim == 3:
        m = m.max(axis=2)
    if m.shape != shape:
        m = cv2.resize(m, (shape[1], shape[0]), interpolation=cv2.INTER_NEAREST)
    return m > 0
