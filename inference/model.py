"""The trained model: backbone + algorithm state + prediction parameters, and batched prediction."""

from __future__ import annotations

import math
import os
import threading
import time
import uuid
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

import cv2
import numpy as np
import torch

from inference.algorithms.patchcore import PatchCore
from inference.alignment import from_frame
from inference.backbone import FeatureExtractor, backbone_lock
from inference.embedding import embed
from inference.features import Prepared, backbone_channels, group_by_shape, patch_features, prepare, to_batch
from inference.imageio import load_bgr
from inference.ng_head import NGHead
from inference.regions import find_regions
from inference.types import InspectionResult, ModelInfo, PredictParams, Verdict
from inference.working_image import Geometry

if TYPE_CHECKING:
    from inference.algorithms.csflow import CSFlow

DEFAULT_BATCH = 8


def confidence_of(normalized: float) -> float:
    """How sure the verdict is: 0 on the threshold, → 1 far from it on either side (log scale)."""
    if normalized <= 0:
        return 1.0
    return float(math.tanh(2.5 * abs(math.log(normalized))))


def finish_map(p: Prepared, patch_map: np.ndarray, cfg: dict[str, Any], weight: float = 1.0) -> np.ndarray:
    """A patch-grid map → the anomaly map at the original image size (upsampled, smoothed, ROI placed).

    Shared by prediction and calibration (leave-one-out scores of training images), so both see the
    same image-score rule. ``score_rule=max_over_median`` divides the map by its median: a part whose
    whole surface is unusual (lighting) is then judged by its local peaks, not by its level.
    """
    ih, iw = p.input_shape
    up = cv2.resize(patch_map, (iw, ih), interpolation=cv2.INTER_LINEAR)
    sigma = float(cfg.get("smoothing_sigma", 4.0))
    if sigma > 0:
        up = cv2.GaussianBlur(up, (0, 0), sigma)
    if cfg.get("score_rule") == "max_over_median":
        up = up / np.float32(max(float(np.median(up)), 1e-6))
    h, w_ = p.original_shape
    rh, rw = (p.roi[3], p.roi[2]) if p.roi is not None else (h, w_)
    if p.warp is not None and p.frame is not None:  # the part's frame → where the part lies in the image
        fh, fw = p.frame
        up = cv2.resize(up, (fw, fh), interpolation=cv2.INTER_LINEAR) if (fh, fw) != (ih, iw) else up
        up = from_frame(up, p.warp, (rh, rw))
    elif (rh, rw) != (ih, iw):
        up = cv2.resize(up, (rw, rh), interpolation=cv2.INTER_LINEAR)
    if p.roi is None:
        amap = up
    else:  # outside the region of interest nothing is anomalous
        x, y = p.roi[0], p.roi[1]
        amap = np.zeros((h, w_), dtype=np.float32)
        amap[y : y + rh, x : x + rw] = up
    if weight != 1.0:
        amap = amap * np.float32(weight)
    return np.ascontiguousarray(amap, dtype=np.float32)


class _Core:
    """What copies made by ``with_params`` share: backbone, algorithm state, a lock."""

    def __init__(self, fx: FeatureExtractor, algo: PatchCore | CSFlow, cfg: dict[str, Any], device: str):
        self.fx = fx
        self.algo = algo
        self.cfg = cfg
        self.device = device
        self.lock = threading.Lock()
        self.head: NGHead | None = None  # optional NG-aware head on the algorithm's patch map

    def patch_maps(self, prepared: Sequence[Prepared], batch_size: int, raw: bool = False,
                   embeddings: list[Any] | None = None) -> tuple[list[np.ndarray], list[float], float, float]:
        """Patch anomaly maps (h/8 × w/8), reweighting factors, backbone ms and search ms (whole batch).

        ``raw``: plain distances to the bank (no position profile, no reweighting), for training.
        ``embeddings``: a list filled with one similarity vector per image, from the same features.
        """
        if embeddings is not None:
            embeddings[:] = [None] * len(prepared)
        maps: list[np.ndarray | None] = [None] * len(prepared)
        weights = [1.0] * len(prepared)
        t_fx = t_nn = 0.0
        with backbone_lock(self.fx), self.lock, torch.inference_mode():
            for idx in group_by_shape(prepared, batch_size):
                t0 = time.perf_counter()
                batch = to_batch(prepared, idx, self.device)
                own = getattr(self.algo, "features", None)  # an algorithm with its own feature layout
                # one (B, D, h, w) tensor, or a list of them (csflow: one per scale)
                feats: Any = own(self.fx, batch, self.cfg) if own else patch_features(self.fx, batch, self.cfg)
                t1 = time.perf_counter()
                scored, w = self.algo.patch_scores(feats, raw=raw)
                if self.head is not None and not raw:
                    scored = self.head.combine(feats, scored)
                scores = scored.float().cpu().numpy()
                t_fx += t1 - t0
                t_nn += time.perf_counter() - t1
                if embeddings is not None:
                    vecs = embed(feats if own else backbone_channels(feats, self.cfg), torch.from_numpy(scores))
                for j, i in enumerate(idx):
                    maps[i] = scores[j]
                    if embeddings is not None:
                        embeddings[i] = vecs[j]
                    if w is not None:
                        weights[i] = float(w[j])
        return maps, weights, t_fx * 1000, t_nn * 1000  # type: ignore[return-value]


class AnomalyModel:
    """A trained anomaly model. ``predict`` is thread-safe; copies from ``with_params`` share tensors."""

    def __init__(self, info: ModelInfo, core: _Core, params: PredictParams | None = None):
        self.info = info
        self.params = params or info.params
        self._core = core

    @classmethod
    def draft(cls, core: _Core, *, name: str | None, algorithm: str, version: int, cfg: dict[str, Any],
              ok_count: int, ng_count: int) -> AnomalyModel:
        """A model fresh from training, before calibration: a new id, its training configuration, and
        provisional thresholds of 1.0 that the calibration replaces."""
        info = ModelInfo(
            id=uuid.uuid4().hex, name=name or "model", algorithm=algorithm, version=version,
            backbone=cfg["backbone"], input_size=int(cfg["input_size"]), parameters=dict(cfg),
            params=PredictParams(threshold=1.0, pixel_threshold=1.0), ok_img_count=ok_count,
            ng_img_count=ng_count, training_seconds=0.0,
        )
        return cls(info, core)

    def calibrated(self, params: PredictParams, stats: dict[str, Any], started: float) -> AnomalyModel:
        """The finished model: this draft's identity with the calibrated thresholds, the training
        statistics, the time since ``started`` (``time.perf_counter``) and the creation time (UTC)."""
        info = replace(self.info, params=params, stats=stats,
                       training_seconds=round(time.perf_counter() - started, 3),
                       created_at=datetime.now(timezone.utc).isoformat(timespec="seconds"))
        return AnomalyModel(info, self._core)

    @property
    def device(self) -> str:
        return "cuda" if self._core.device.startswith("cuda") else "cpu"

    @property
    def config(self) -> dict[str, Any]:
        return dict(self._core.cfg)

    def __repr__(self) -> str:
        return f"AnomalyModel(id={self.info.id!r}, name={self.info.name!r}, algorithm={self.info.algorithm!r})"

    def with_params(self, params: PredictParams) -> AnomalyModel:
        """Same model, other prediction parameters; no retraining, tensors shared."""
        if not isinstance(params, PredictParams):
            raise TypeError("params must be a PredictParams")
        _check_params(params)
        return AnomalyModel(self.info, self._core, params)

    def save(self, path: str | os.PathLike[str]) -> Path:
        from inference.bundle import save_bundle

        info = replace(self.info, params=self.params)
        tensors = dict(self._core.algo.tensors())
        if self._core.head is not None:
            tensors.update(self._core.head.tensors())
        return save_bundle(Path(path), info, tensors)

    # -- prediction ------------------------------------------------------------------------------------
    def anomaly_maps(self, images: Sequence[Any], batch_size: int = DEFAULT_BATCH) -> list[np.ndarray]:
        """Anomaly maps at the original sizes (no thresholds applied): calibration and evaluation use it."""
        return [m for m, _ in self._maps([load_bgr(im) for im in images], batch_size)[0]]

    def _maps(self, bgrs: Sequence[np.ndarray], batch_size: int, embeddings: list[Any] | None = None,
              geometries: Sequence[Geometry | None] | None = None,
              ) -> tuple[list[tuple[np.ndarray, float]], dict[str, float]]:
        t0 = time.perf_counter()
        cfg = self._core.cfg
        geos = geometries or [None] * len(bgrs)
        prepared = [prepare(im, g.cfg(cfg) if g is not None else cfg) for im, g in zip(bgrs, geos, strict=True)]
        t1 = time.perf_counter()
        patch, weights, t_fx, t_nn = self._core.patch_maps(prepared, batch_size, embeddings=embeddings)
        t2 = time.perf_counter()
        out = []
        for p, m, w in zip(prepared, patch, weights, strict=True):
            amap = finish_map(p, m, self._core.cfg, w)
            out.append((amap, w))
        t3 = time.perf_counter()
        timing = {"preprocess": (t1 - t0) * 1000, "backbone": t_fx, "search": t_nn, "map": (t3 - t2) * 1000}
        return out, timing

    def predict(self, images: Sequence[Any], params: PredictParams | None = None,
                batch_size: int = DEFAULT_BATCH,
                original_shapes: Sequence[tuple[int, int] | None] | None = None) -> list[InspectionResult]:
        """Judge images (arrays in any supported mode, or paths); one result per image, same order.

        ``original_shapes``: per image, the (H, W) it was reduced from (``inference.working_image``),
        or None. ROI, ``min_detected_area`` and ``ignore_outer`` then act in original pixels, regions
        and ``image_shape`` are original pixels, and the anomaly map stays at the working size.
        """
        if isinstance(images, (np.ndarray, str, os.PathLike)):
            images = [images]
        params = params or self.params
        _check_params(params)
        t_start = time.perf_counter()
        bgrs = [load_bgr(im) for im in images]
        if not bgrs:
            return []
        t_load = (time.perf_counter() - t_start) * 1000
        shapes = list(original_shapes) if original_shapes is not None else [None] * len(bgrs)
        if len(shapes) != len(bgrs):
            raise ValueError(f"{len(shapes)} original shapes for {len(bgrs)} images")
        geos = [Geometry.between(bgr.shape[:2], shape) for bgr, shape in zip(bgrs, shapes, strict=True)]
        vectors: list[Any] = []
        maps, timing = self._maps(bgrs, batch_size, embeddings=vectors, geometries=geos)
        n = len(bgrs)
        results = []
        for bgr, geo, (amap, _), vector in zip(bgrs, geos, maps, vectors, strict=True):
            t0 = time.perf_counter()
            if geo is None:
                regions, score = find_regions(amap, params)
                shape = (int(bgr.shape[0]), int(bgr.shape[1]))
            else:
                found, score = find_regions(amap, geo.params(params))
                regions, shape = tuple(geo.region(r) for r in found), geo.original
            norm = score / params.threshold if params.threshold > 0 else float("inf")
            verdict: Verdict = "NG" if score >= params.threshold else "OK"
            t_reg = (time.perf_counter() - t0) * 1000
            shared = {k: v / n for k, v in timing.items()}
            shared["load"] = t_load / n
            shared["regions"] = t_reg
            shared["total"] = sum(shared.values())
            results.append(InspectionResult(
                verdict=verdict, score=float(score), normalized_score=float(norm),
                confidence=confidence_of(norm), threshold=float(params.threshold), anomaly_map=amap,
                regions=regions, image_shape=shape,
                model_id=self.info.id, timings=shared, embedding=vector,
            ))
        return results


def _check_params(p: PredictParams) -> None:
    for name in ("threshold", "pixel_threshold"):
        v = getattr(p, name)
        if not isinstance(v, (int, float)) or not math.isfinite(v) or v <= 0:
            raise ValueError(f"{name} must be a positive number (got {v!r})")
    if p.min_detected_area < 0 or p.ignore_outer < 0:
        raise ValueError("min_detected_area and ignore_outer must be >= 0")
