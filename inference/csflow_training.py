"""Training a ``csflow`` model: features once per augmented view, the flow for a bounded time, calibration.

Called by ``inference.training.train`` after the images are loaded; calibration is the same module and
rule as PatchCore's (held-out OK images, optional NG), so thresholds and regions work unchanged.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import torch

from inference.algorithms.csflow import CSFlow, channels_of, scale_features
from inference.backbone import FeatureExtractor
from inference.calibration import calibrate_for, image_scores
from inference.errors import TrainingCancelled, TrainingError
from inference.features import group_by_shape, prepare, to_batch
from inference.model import DEFAULT_BATCH, AnomalyModel, _Core
from inference.selfcheck import synthetic_check
from inference.types import PredictParams

Progress = Callable[[str, float], None]


def jitter(bgr: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A brightness/contrast-jittered copy (±10 % gain, ±8 grey levels): lighting drift on a line."""
    gain = rng.uniform(0.9, 1.1)
    offset = rng.uniform(-8.0, 8.0)
    mean = float(bgr.mean())
    out = (bgr.astype(np.float32) - mean) * gain + mean + offset
    return np.clip(out, 0, 255).astype(np.uint8)


def _check(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise TrainingCancelled("training cancelled")


def train_csflow(ok: list[np.ndarray], ng: list[np.ndarray], cfg: dict[str, Any], *, fx: FeatureExtractor,
                 device: str, held: list[int], name: str | None, report: Progress,
                 cancel: threading.Event | None, t_start: float, model_version: int) -> AnomalyModel:
    held_set = set(held)
    train_imgs = [im for i, im in enumerate(ok) if i not in held_set]
    rng = np.random.default_rng(int(cfg["seed"]))
    views = list(train_imgs)
    for _ in range(int(cfg["augment_views"]) - 1):
        views += [jitter(im, rng) for im in train_imgs]
    prepared = [prepare(im, cfg) for im in views]
    samples: list[list[torch.Tensor] | None] = [None] * len(prepared)
    done = 0
    with torch.inference_mode():
        for idx in group_by_shape(prepared, DEFAULT_BATCH):
            _check(cancel)
            feats = scale_features(fx, to_batch(prepared, idx, device), cfg)
            for j, i in enumerate(idx):
                samples[i] = [f[j].clone() for f in feats]
            done += len(idx)
            report("extracting features", done / len(prepared))
    # inference-mode tensors cannot enter autograd; plain copies can
    samples_ = [[t.clone() for t in s] for s in samples if s is not None]

    def tick(f: float) -> None:
        _check(cancel)
        report("training flow", f)

    report("training flow", 0.0)
    t_flow = time.perf_counter()
    try:
        algo = CSFlow.fit(cfg, samples_, channels_of(fx, cfg), tick=tick)
    except FloatingPointError as exc:
        raise TrainingError(str(exc)) from None
    flow_s = time.perf_counter() - t_flow
    report("training flow", 1.0)
    del samples_, samples

    core = _Core(fx, algo, cfg, device)
    model = AnomalyModel.draft(core, name=name, algorithm="csflow", version=model_version, cfg=cfg,
                               ok_count=len(ok), ng_count=len(ng))
    _check(cancel)
    report("calibrating", 0.0)
    ok_scores = image_scores(model, [ok[i] for i in held])
    report("calibrating", 0.5)
    ng_scores = image_scores(model, ng) if ng else None
    _check(cancel)
    try:
        cal = calibrate_for(cfg, ok_scores, ng_scores)
    except ValueError as exc:
        raise TrainingError(f"calibration failed: {exc}") from None
    report("calibrating", 0.7)
    stats = dict(cal.stats)
    stats["holdout_scores"] = [round(float(s), 6) for s in ok_scores]
    if ng_scores is not None:
        stats["ng_scores"] = [round(float(s), 6) for s in ng_scores]
    stats["flow_epochs"] = algo.epochs_done
    stats["flow_seconds"] = round(flow_s, 2)
    stats["flow_final_loss"] = round(algo.final_loss, 6) if np.isfinite(algo.final_loss) else None
    stats["training_views"] = len(prepared)
    params = PredictParams(threshold=cal.threshold, pixel_threshold=cal.pixel_threshold)
    if cfg.get("synthetic_check", True) and held:  # the same self-check as PatchCore's, through predict
        _check(cancel)
        checked = AnomalyModel(model.info, core, params)
        stats.update(synthetic_check(checked, [ok[i] for i in held], seed=int(cfg.get("seed", 0)), cancel=cancel))
    report("calibrating", 1.0)
    return model.calibrated(params, stats, t_start)
