"""``train`` and ``load``: building an AnomalyModel from OK images, or from a bundle."""

from __future__ import annotations

import os
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np
import torch

from inference.algorithms import get_spec
from inference.algorithms.patchcore import PatchCore
from inference.backbone import backbone_lock, get_backbone, resolve_device
from inference.bundle import info_from_manifest, read_bundle
from inference.calibration import calibrate
from inference.errors import EngineError, ModelFileError, TrainingCancelled, TrainingError
from inference.features import feature_dim, group_by_shape, patch_features, prepare, to_batch
from inference.imageio import load_bgr
from inference.model import DEFAULT_BATCH, AnomalyModel, _Core
from inference.plausibility import check_model_values
from inference.types import ModelInfo, PredictParams

Progress = Callable[[str, float], None]
MIN_OK_IMAGES = 2
MODEL_VERSION = 1


def _holdout_indices(n: int, fraction: float) -> list[int]:
    """Evenly spread held-out indices (deterministic; spreads over capture order/lighting)."""
    k = max(1, min(n - 1, int(round(n * fraction))))
    return sorted({int(round(i * (n - 1) / max(1, k - 1))) if k > 1 else n // 2 for i in range(k)})


def _check_cancel(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise TrainingCancelled("training cancelled")


def _name_of(source: Any, i: int) -> str:
    return Path(source).name if isinstance(source, (str, os.PathLike)) else f"image #{i + 1}"


def _load_all(images: Sequence[Any], what: str, cancel: threading.Event | None, report: Callable[[float], None]) -> list[np.ndarray]:
    out = []
    for i, src in enumerate(images):
        _check_cancel(cancel)
        try:
            out.append(load_bgr(src))
        except EngineError as exc:
            raise TrainingError(f"{what} {_name_of(src, i)}: {exc}") from None
        report((i + 1) / len(images))
    return out


def train(
    ok_images: Sequence[Any],
    *,
    ng_images: Sequence[Any] | None = None,
    algorithm: str = "patchcore",
    parameters: dict[str, Any] | None = None,
    name: str | None = None,
    device: str = "auto",
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> AnomalyModel:
    """Learn "good" from OK images; calibrate on held-out OK (and NG, when given) images."""
    t_start = time.perf_counter()
    report: Progress = progress or (lambda stage, fraction: None)
    ok_images = list(ok_images)
    ng_images = list(ng_images or [])
    if len(ok_images) < MIN_OK_IMAGES:
        raise TrainingError(f"need at least {MIN_OK_IMAGES} OK images to train (got {len(ok_images)})")
    try:
        spec = get_spec(algorithm)
        cfg = spec.resolve(parameters)
        dev = resolve_device(device)
    except ValueError as exc:
        raise TrainingError(str(exc)) from None

    report("loading images", 0.0)
    ok = _load_all(ok_images, "OK image", cancel, lambda f: report("loading images", 0.5 * f))
    ng = _load_all(ng_images, "NG image", cancel, lambda f: report("loading images", 0.5 + 0.5 * f))
    fx = get_backbone(cfg["backbone"], dev)

    held = _holdout_indices(len(ok), cfg["holdout_fraction"])
    if algorithm == "csflow":
        from inference.csflow_training import train_csflow

        return train_csflow(ok, ng, cfg, fx=fx, device=dev, held=held, name=name, report=report, cancel=cancel,
                            t_start=t_start, model_version=MODEL_VERSION)
    bank_imgs = [im for i, im in enumerate(ok) if i not in set(held)]
    prepared = [prepare(im, cfg) for im in bank_imgs]
    chunks: list[torch.Tensor] = []
    owner_chunks: list[torch.Tensor] = []
    spans: dict[int, tuple[int, int, int]] = {}  # image -> (first row, h, w) in all_feats
    done = rows = 0
    with torch.inference_mode():
        for idx in group_by_shape(prepared, DEFAULT_BATCH):
            _check_cancel(cancel)
            with backbone_lock(fx):  # shared with the running line's model: one batch at a time
                feats = patch_features(fx, to_batch(prepared, idx, dev), cfg)
            _, d, h, w = feats.shape
            chunks.append(feats.permute(0, 2, 3, 1).reshape(-1, d).float())
            owner_chunks.append(torch.tensor(idx, device=feats.device).repeat_interleave(h * w))
            for i in idx:
                spans[i] = (rows, h, w)
                rows += h * w
            done += len(idx)
            report("extracting features", done / len(prepared))
        all_feats = torch.cat(chunks)
        owners = torch.cat(owner_chunks)
        del chunks, owner_chunks

        def tick(f: float) -> None:
            _check_cancel(cancel)
            report("building memory bank", f)

        algo = PatchCore.fit(cfg, all_feats, owners=owners, tick=tick)
        report("building memory bank", 1.0)
        ok_maps = []
        if cfg.get("position_norm", "ratio") == "ratio":
            for n, (i, (start, h, w)) in enumerate(sorted(spans.items())):
                _check_cancel(cancel)
                part = all_feats[start : start + h * w].T.reshape(-1, h, w)
                ok_maps.append(algo.leave_one_out_map(part, owner=i))
                report("learning OK variation", 0.8 * (n + 1) / len(spans))
        del all_feats
        algo.owners = None
    core = _Core(fx, algo, cfg, dev)
    if ok_maps:  # held-out OK images are unseen parts already: their raw maps join the profile
        held_prepared = [prepare(ok[i], cfg) for i in held]
        ok_maps += [torch.from_numpy(m) for m in core.patch_maps(held_prepared, DEFAULT_BATCH, raw=True)[0]]
        algo.set_profile(ok_maps)
        report("learning OK variation", 1.0)

    draft = ModelInfo(
        id=uuid.uuid4().hex, name=name or "model", algorithm=algorithm, version=MODEL_VERSION,
        backbone=cfg["backbone"], input_size=int(cfg["input_size"]), parameters=dict(cfg),
        params=PredictParams(threshold=1.0, pixel_threshold=1.0), ok_img_count=len(ok), ng_img_count=len(ng),
        training_seconds=0.0,
    )
    model = AnomalyModel(draft, core)
    _check_cancel(cancel)
    report("calibrating", 0.0)
    ok_scores = _max_scores(model, [ok[i] for i in held])
    report("calibrating", 0.5)
    ng_scores = _max_scores(model, ng) if ng else None
    _check_cancel(cancel)
    cal = calibrate(ok_scores, ng_scores, margin=cfg["threshold_margin"])
    report("calibrating", 1.0)
    stats = dict(cal.stats)
    stats["memory_bank_size"] = int(algo.bank.shape[0])
    stats["holdout_scores"] = [round(float(s), 6) for s in ok_scores]
    if ng_scores is not None:
        stats["ng_scores"] = [round(float(s), 6) for s in ng_scores]
    info = ModelInfo(
        id=draft.id, name=draft.name, algorithm=algorithm, version=MODEL_VERSION, backbone=draft.backbone,
        input_size=draft.input_size, parameters=dict(cfg),
        params=PredictParams(threshold=cal.threshold, pixel_threshold=cal.pixel_threshold),
        ok_img_count=len(ok), ng_img_count=len(ng), training_seconds=round(time.perf_counter() - t_start, 3),
        stats=stats, created_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
    )
    return AnomalyModel(info, core)


def _max_scores(model: AnomalyModel, images: Sequence[np.ndarray]) -> np.ndarray:
    maps = model.anomaly_maps(images)
    return np.array([float(m.max()) for m in maps], dtype=np.float64)


def load(path: str | os.PathLike[str], device: str = "auto") -> AnomalyModel:
    """Open a ``.qcs`` bundle; any problem with the file raises ModelFileError with the reason."""
    source = Path(path).name
    manifest, tensors = read_bundle(path)
    info = info_from_manifest(manifest, source)
    try:
        spec = get_spec(info.algorithm)
        cfg = spec.resolve(info.parameters)
    except ValueError as exc:
        raise ModelFileError(f"{source}: {exc}") from None
    if cfg["backbone"] != info.backbone or cfg["input_size"] != info.input_size:
        raise ModelFileError(f"{source}: manifest backbone/input size disagree with its parameters")
    check_model_values(info, cfg, tensors, source)  # threshold scale, bank size: before any tensor work
    try:
        dev = resolve_device(device)
    except ValueError as exc:
        raise ModelFileError(str(exc)) from None
    if info.algorithm == "patchcore" and "position_profile" not in tensors:  # written before the profile
        cfg["position_norm"] = "none"
    fx = get_backbone(cfg["backbone"], dev)
    try:
        if info.algorithm == "csflow":
            from inference.algorithms.csflow import CSFlow, channels_of

            algo = CSFlow.from_tensors(cfg, tensors, channels_of(fx, cfg), dev)
        else:
            algo = PatchCore.from_tensors(cfg, tensors, feature_dim(fx, cfg), dev)
    except ValueError as exc:
        raise ModelFileError(f"{source}: {exc}") from None
    return AnomalyModel(info, _Core(fx, algo, cfg, dev))
