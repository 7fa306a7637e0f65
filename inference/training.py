"""``train`` and ``load``: building an AnomalyModel from OK images, or from a bundle."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import torch

from inference.adaptor import Adaptor, fit_adaptor
from inference.algorithms import get_spec
from inference.algorithms.patchcore import PatchCore
from inference.alignment import fit_alignment
from inference.backbone import backbone_lock, get_backbone, resolve_device
from inference.bundle import info_from_manifest, read_bundle
from inference.calibration import calibrate_for, image_scores
from inference.errors import EngineError, ModelFileError, TrainingCancelled, TrainingError
from inference.features import (
    Prepared,
    feature_dim,
    group_by_shape,
    patch_features,
    prepare,
    roi_crop,
    to_batch,
)
from inference.imageio import load_bgr, read_image
from inference.model import DEFAULT_BATCH, AnomalyModel, _Core, finish_map
from inference.ng_fit import HeadFit
from inference.ng_head import NGHead
from inference.plausibility import check_model_values
from inference.selfcheck import synthetic_check
from inference.types import PredictParams

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
    ng_masks: Sequence[Any] | None = None,
    algorithm: str = "patchcore",
    parameters: dict[str, Any] | None = None,
    name: str | None = None,
    device: str = "auto",
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> AnomalyModel:
    """Learn "good" from OK images; calibrate on every OK image's unseen-part score (and NG, when given).

    ``ng_masks``: optional, one per NG image (a path, an array or None): where the defect is. With NG
    images and ``ng_head`` on, a small supervised head learns from them (inference.ng_head).
    """
    t_start = time.perf_counter()
    report: Progress = progress or (lambda stage, fraction: None)
    ok_images = list(ok_images)
    ng_images = list(ng_images or [])
    masks_in = list(ng_masks) if ng_masks is not None else [None] * len(ng_images)
    if len(masks_in) != len(ng_images):
        raise TrainingError(f"got {len(masks_in)} NG masks for {len(ng_images)} NG images")
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
    ng_mask_arrays = [_load_mask(m, im.shape[:2], i) for i, (m, im) in enumerate(zip(masks_in, ng, strict=True))]
    fx = get_backbone(cfg["backbone"], dev)

    align_stats: dict[str, Any] = {}
    if cfg.get("align") == "auto":  # decided once, from the OK parts; the bundle stores the decision
        decided, align_stats = fit_alignment([roi_crop(im, cfg) for im in ok])
        cfg.update(decided)
    held = _holdout_indices(len(ok), cfg["holdout_fraction"])
    if algorithm == "csflow":
        from inference.csflow_training import train_csflow

        return train_csflow(ok, ng, cfg, fx=fx, device=dev, held=held, name=name, report=report, cancel=cancel,
                            t_start=t_start, model_version=MODEL_VERSION)
    held_set = set(held)
    bank_imgs = [im for i, im in enumerate(ok) if i not in held_set]
    prepared = [prepare(im, cfg) for im in bank_imgs]
    if float(cfg.get("line_weight", 0.0)) > 0 and float(cfg.get("line_scale", 0.0)) <= 0:
        from inference.line_channels import fit_scale

        cfg["line_scale"] = round(fit_scale((p.tensor for p in prepared), cfg), 6)  # stored with the model
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

        adapting = cfg.get("adapt", "none") != "none"  # off by default (measured: docs/benchmarks.md)
        share = 0.6 if adapting else 0.0  # of the stage: the adaptor is part of building the bank

        def tick(f: float) -> None:
            _check_cancel(cancel)
            report("building memory bank", share + (1 - share) * f)

        adaptor: Adaptor | None = None
        adapt_stats: dict[str, Any] = {}
        if adapting:
            adaptor, adapt_stats = fit_adaptor(fx, bank_imgs, all_feats, owners, cfg, dev,
                                               tick=lambda f: report("building memory bank", share * f),
                                               check=lambda: _check_cancel(cancel))
        algo = PatchCore.fit(cfg, all_feats, owners=owners, tick=tick, adaptor=adaptor)
        report("building memory bank", 1.0)

        def feats_of(i: int) -> torch.Tensor:
            start, h, w = spans[i]
            return all_feats[start : start + h * w].T.reshape(-1, h, w)

        # every bank image scored as an unseen part: the position profile and the calibration both use it
        loo: dict[int, torch.Tensor] = {}
        loo_cal: dict[int, torch.Tensor] = {}  # with stand-ins: what calibration scores
        for n, i in enumerate(sorted(spans)):
            _check_cancel(cancel)
            m, m_cal = algo.leave_one_out_maps(feats_of(i), owner=i)
            if bool(torch.isfinite(m).all()):  # an image that owns the whole bank has no such score
                loo[i], loo_cal[i] = m, m_cal
            report("learning OK variation", 0.8 * (n + 1) / len(spans))
        algo.end_training()
    core = _Core(fx, algo, cfg, dev)
    held_prepared = [prepare(ok[i], cfg) for i in held]
    group_stats: dict[str, Any] = {}
    if int(cfg.get("appearance_clusters", 1)) > 1:  # per-appearance profiles and scales (inference.appearance)
        from inference.appearance_fit import OKPart, fit_groups, held_out_parts

        held_parts = held_out_parts(fx, algo, held_prepared, cfg, dev)
        if cfg.get("position_norm", "ratio") == "ratio":
            algo.set_profile(list(loo.values()) + [h.raw for h in held_parts])
        bank_parts = [OKPart(prepared[i], m, feats_of(i)) for i, m in loo.items()]
        group_stats = fit_groups(algo, bank_parts + held_parts, cfg)
    elif cfg.get("position_norm", "ratio") == "ratio":  # held-out OK images are unseen parts already
        held_raw = [torch.from_numpy(m) for m in core.patch_maps(held_prepared, DEFAULT_BATCH, raw=True)[0]]
        algo.set_profile(list(loo.values()) + held_raw)
    report("learning OK variation", 1.0)

    model = AnomalyModel.draft(core, name=name, algorithm=algorithm, version=MODEL_VERSION, cfg=cfg,
                               ok_count=len(ok), ng_count=len(ng))
    _check_cancel(cancel)
    report("calibrating", 0.0)
    head_stats: dict[str, Any] = {}
    fit: HeadFit | None = None
    if ng and not cfg.get("ng_head", True):
        head_stats = {"ng_head": False, "ng_head_note": "off (ng_head=false): NG images set the threshold only"}
    if ng and cfg.get("ng_head", True):  # on by default since the cross-fitted check (docs/engine.md)
        fit = _fit_ng_head(core, algo, ng, ng_mask_arrays, {i: (feats_of(i), m) for i, m in loo.items()},
                           prepared, cfg)
        core.head, head_stats = fit.head, fit.stats
    report("calibrating", 0.3)
    if core.head is not None and fit is not None:  # out-of-fold scores: the head never saw these images
        loo_scores = [fit.ok_scores[i] for i in loo]
    else:
        with torch.inference_mode():
            loo_scores = [float(finish_map(prepared[i], algo.apply_profile(loo_cal[i], feats_of(i)).float().cpu().numpy(),
                                           cfg).max()) for i in loo]
    held_scores = image_scores(model, [ok[i] for i in held])  # held out of the bank and of the head
    ok_scores = np.concatenate([np.asarray(loo_scores, dtype=np.float64), held_scores])
    report("calibrating", 0.5)
    if core.head is not None and fit is not None:
        ng_scores: np.ndarray | None = np.asarray(fit.ng_scores, dtype=np.float64)
    else:
        ng_scores = image_scores(model, ng) if ng else None
    _check_cancel(cancel)
    try:
        cal = calibrate_for(cfg, ok_scores, ng_scores)
    except ValueError as exc:
        raise TrainingError(f"calibration failed: {exc}") from None
    report("calibrating", 0.7)
    stats = dict(cal.stats)
    stats["memory_bank_size"] = int(algo.bank.shape[0])
    stats["holdout_scores"] = [round(float(s), 6) for s in held_scores]
    stats["leave_one_out_count"] = len(loo_scores)
    stats["calibration_scores"] = [round(float(s), 6) for s in ok_scores]
    stats.update(head_stats)
    stats.update(group_stats)
    stats.update(adapt_stats)
    stats.update(align_stats)
    if ng_scores is not None:
        stats["ng_scores"] = [round(float(s), 6) for s in ng_scores]
    params = PredictParams(threshold=cal.threshold, pixel_threshold=cal.pixel_threshold)
    if cfg.get("synthetic_check", True) and held:
        _check_cancel(cancel)
        checked = AnomalyModel(model.info, core, params)
        stats.update(synthetic_check(checked, [ok[i] for i in held], seed=int(cfg.get("seed", 0)), cancel=cancel))
    report("calibrating", 1.0)
    return model.calibrated(params, stats, t_start)


def _load_mask(source: Any, shape: tuple[int, int], i: int) -> np.ndarray | None:
    """A defect mask as a boolean array at the NG image's size, or None."""
    if source is None:
        return None
    try:
        m = source if isinstance(source, np.ndarray) else read_image(source)
    except EngineError as exc:
        raise TrainingError(f"NG mask #{i + 1}: {exc}") from None
    if m.ndim == 3:
        m = m.max(axis=2)
    if m.shape != shape:
        m = cv2.resize(m.astype(np.uint8), (shape[1], shape[0]), interpolation=cv2.INTER_NEAREST)
    return m > 0


def _fit_ng_head(core: _Core, algo: PatchCore, ng: list[np.ndarray], masks: list[np.ndarray | None],
                 ok_parts: dict[int, tuple[torch.Tensor, torch.Tensor]], prepared: list[Prepared],
                 cfg: dict[str, Any]) -> HeadFit:
    """Train the NG head; OK negatives are leave-one-out maps of the bank images (scored as unseen).

    Cross-fitted (inference.ng_fit): L2 and gain are chosen out of fold, the head is kept only when
    it separates unseen NG images better beyond its spread, and the scores the threshold is placed on
    are out-of-fold (in-sample scores put the tiles' threshold too low: docs/engine.md).
    """
    from inference.ng_fit import cross_fit, ng_parts, ok_part

    with torch.inference_mode():
        oks = [(i, ok_part(f, algo.apply_profile(raw, f), prepared[i])) for i, (f, raw) in ok_parts.items()]
    ngs, n_masked = ng_parts(core.fx, algo, core.device, ng, masks, cfg)
    fit = cross_fit(oks, ngs, cfg, seed=int(cfg.get("seed", 0)))
    fit.stats["ng_head_masked_images"] = n_masked
    return fit


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
    head_tensors = {k: tensors.pop(k) for k in list(tensors) if k.startswith("ng_head_")}
    try:
        if info.algorithm == "csflow":
            from inference.algorithms.csflow import CSFlow, channels_of

            algo: PatchCore | CSFlow = CSFlow.from_tensors(cfg, tensors, channels_of(fx, cfg), dev)
        else:
            algo = PatchCore.from_tensors(cfg, tensors, feature_dim(fx, cfg), dev)
        head = NGHead.from_tensors(head_tensors, feature_dim(fx, cfg), dev) if head_tensors else None
    except ValueError as exc:
        raise ModelFileError(f"{source}: {exc}") from None
    core = _Core(fx, algo, cfg, dev)
    core.head = head
    return AnomalyModel(info, core)
