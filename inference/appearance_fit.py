"""Training side of appearance-conditional calibration (``appearance_clusters`` > 1; docs/engine.md).

The OK images (bank images scored leave-one-out, and the held-out ones) are grouped by appearance
(:mod:`inference.appearance`); when a clear grouping exists each group gets its own position profile
and score scale, so the one image threshold the calibration then fits means "as unusual as OK parts
of this look" in every group. Without a clear grouping nothing is set: the model is the plain one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch

from inference.algorithms.patchcore import PROFILE_GRID, PatchCore, profile_from_maps
from inference.appearance import (
    MIN_CLUSTER_IMAGES,
    SCALE_RANGE,
    AppearanceGroups,
    find_groups,
    nearest,
    pooled,
)
from inference.backbone import FeatureExtractor, backbone_lock
from inference.features import Prepared, group_by_shape, patch_features, to_batch
from inference.model import DEFAULT_BATCH, finish_map


@dataclass(frozen=True)
class OKPart:
    """One OK image as an unseen part: its preparation, raw patch distances and patch features."""

    prepared: Prepared
    raw: torch.Tensor  # (h, w) distances to the bank (own rows left out for bank images)
    feats: torch.Tensor  # (D, h, w)


def held_out_parts(fx: FeatureExtractor, algo: PatchCore, prepared: Sequence[Prepared], cfg: dict[str, Any],
                   device: str) -> list[OKPart]:
    """Raw maps and features of the held-out OK images (the same computation as predict, raw)."""
    out: list[OKPart | None] = [None] * len(prepared)
    with backbone_lock(fx), torch.inference_mode():
        for idx in group_by_shape(prepared, DEFAULT_BATCH):
            feats = patch_features(fx, to_batch(prepared, idx, device), cfg)
            raw, _ = algo.patch_scores(feats, raw=True)
            for j, i in enumerate(idx):
                out[i] = OKPart(prepared[i], raw[j].float(), feats[j].float())
    return [p for p in out if p is not None]


def fit_groups(algo: PatchCore, parts: Sequence[OKPart], cfg: dict[str, Any]) -> dict[str, Any]:
    """Group the OK parts; with a clear grouping set ``algo.groups``. Returns stats for the model."""
    max_k = int(cfg.get("appearance_clusters", 1))
    usable = [p for p in parts if bool(torch.isfinite(p.raw).all())]
    descs = torch.stack([pooled(p.feats[None])[0] for p in usable]) if usable else torch.zeros(0, 1)
    grouping = find_groups(descs.cpu().numpy(), max_k, seed=int(cfg.get("seed", 0)),
                           min_silhouette=float(cfg.get("appearance_separation", 0.35)))
    stats: dict[str, Any] = {"appearance_groups": 1, "appearance_silhouette": grouping.silhouette,
                             "appearance_tried_k": grouping.tried_k}
    algo.groups = None
    if grouping.k < 2:
        return stats
    centroids = torch.from_numpy(grouping.centroids).to(algo.bank.device)
    labels = nearest(centroids, descs.to(algo.bank.device)).cpu().numpy()  # exactly as predict routes
    sizes = np.bincount(labels, minlength=grouping.k)
    if int(sizes.min()) < MIN_CLUSTER_IMAGES:
        stats["appearance_note"] = "a group fell below the minimum size when routed; one group kept"
        return stats
    ratio = cfg.get("position_norm", "ratio") == "ratio"
    profiles = []
    for g in range(grouping.k):
        prof = profile_from_maps([p.raw for p, lab in zip(usable, labels, strict=True) if lab == g]) if ratio else None
        profiles.append(prof if prof is not None else torch.ones(PROFILE_GRID, PROFILE_GRID, device=algo.bank.device))
    prof_t = torch.stack(profiles).to(algo.bank.device)
    unit = AppearanceGroups(centroids, prof_t, torch.ones(grouping.k, device=algo.bank.device))
    with torch.inference_mode():
        scores = np.array([float(finish_map(p.prepared, unit.normalise(p.raw[None], p.feats[None])[0].cpu().numpy(),
                                            cfg).max()) for p in usable])
    scales = np.array([float(np.median(scores[labels == g])) for g in range(grouping.k)])
    lo, hi = SCALE_RANGE
    if not np.isfinite(scales).all() or (scales < lo).any() or (scales > hi).any():
        stats["appearance_note"] = "a group's OK scores are degenerate; one group kept"
        return stats
    algo.groups = AppearanceGroups(centroids, prof_t, torch.from_numpy(scales.astype(np.float32)).to(algo.bank.device))
    stats.update({"appearance_groups": grouping.k, "appearance_group_sizes": [int(s) for s in sizes],
                  "appearance_group_scales": [round(float(s), 6) for s in scales]})
    return stats
