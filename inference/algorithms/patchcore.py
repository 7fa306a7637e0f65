"""PatchCore: a memory bank of normal patch features; a patch's anomaly is its distance to the bank.

Roth et al., "Towards Total Recall in Industrial Anomaly Detection" (CVPR 2022), on an
EfficientNet-Lite backbone so it runs in tens of milliseconds on a 2-core CPU.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F

from inference.adaptor import Adaptor
from inference.algorithms import CALIBRATION_PARAMS, AlgorithmSpec, ParamSpec
from inference.algorithms.adaptor_params import ADAPTOR_PARAMS
from inference.appearance import MAX_CLUSTERS, MIN_SILHOUETTE, AppearanceGroups
from inference.coreset import greedy_coreset

DEFAULT_APPEARANCE_CLUSTERS = 4  # adopted by the protocol (docs/engine.md): one group = the plain model

SPEC = AlgorithmSpec(
    name="patchcore",
    title="PatchCore (memory bank of normal patches)",
    description=(
        "Learns from OK images only. Each image patch is compared with the closest normal patch seen in "
        "training; tolerant to small shifts, good for textures and for parts that are not aligned."
    ),
    parameters=(
        ParamSpec("backbone", "choice", "efficientnet-lite0", "ImageNet feature extractor",
                  choices=("efficientnet-lite0", "efficientnet-lite1", "efficientnet-lite2")),
        ParamSpec("roi_x", "int", 0, "region of interest: left edge (px of the original image)", 0, 100000),
        ParamSpec("roi_y", "int", 0, "region of interest: top edge (px)", 0, 100000),
        ParamSpec("roi_width", "int", 0, "region of interest: width (px); 0 = the whole image", 0, 100000),
        ParamSpec("roi_height", "int", 0, "region of interest: height (px); 0 = the whole image", 0, 100000),
        ParamSpec("input_size", "int", 256, "analysed size: about input_size² pixels (area), the long side "
                  "(long_side, cap) or both sides (square)", 64, 1024),
        ParamSpec("resize", "choice", "area", "area: keep the aspect ratio, scale to about input_size² pixels; "
                  "square: squash to input_size²; long_side: long side = input_size; cap: keep native scale, "
                  "shrink only above input_size", choices=("area", "square", "long_side", "cap")),
        ParamSpec("pad", "int", 32, "mirrored border added before the network, cropped after (px, multiple of 8)",
                  0, 64),
        ParamSpec("layers", "choice", "s8+s16_last", "backbone stages merged into a patch feature",
                  choices=("s8+s16_last", "s8+s16_mid", "s8+s16_mid+s16_last")),
        ParamSpec("neighbourhood", "int", 3, "local aggregation window (patches)", 1, 7),
        ParamSpec("contrast", "choice", "none", "contrast normalisation before the network",
                  choices=("none", "standardize", "clahe")),
        ParamSpec("coreset_ratio", "float", 0.05, "fraction of training patches kept in the memory bank",
                  0.001, 1.0),
        ParamSpec("max_bank", "int", 4096, "upper bound on memory-bank size (latency grows with it)", 64, 200000),
        ParamSpec("position_norm", "choice", "ratio", "divide each patch's distance by the typical OK distance at "
                  "that place in the image (learned leave-one-out from the OK images): edges and corners that "
                  "always vary stop dominating the score", choices=("ratio", "none")),
        ParamSpec("score_rule", "choice", "max", "image score: most anomalous patch, PatchCore reweighting, or the "
                  "map divided by its median (max_over_median)", choices=("max", "reweight", "max_over_median")),
        ParamSpec("smoothing_sigma", "float", 4.0, "Gaussian smoothing of the anomaly map (input px)", 0.0, 16.0),
        ParamSpec("holdout_fraction", "float", 0.2, "OK images held out of the bank (calibration, synthetic self-check)",
                  0.05, 0.5),
        ParamSpec("threshold_margin", "float", 0.05, "with fewer than 6 OK scores: threshold = max OK score × (1 + margin)",
                  0.0, 2.0),
        ParamSpec("seed", "int", 0, "random seed (coreset start, projection)", 0, 2**31 - 1),
        *CALIBRATION_PARAMS,
        # appended, not inserted: the machine API numbers parameters by position
        ParamSpec("appearance_clusters", "int", DEFAULT_APPEARANCE_CLUSTERS, "calibrate OK images that look "
                  "different (lightings, finishes) apart: up to this many appearance groups, each with its own position profile and score scale, "
                  "used only when the groups are clearly distinct; 1 = off", 1, MAX_CLUSTERS),
        ParamSpec("appearance_separation", "float", MIN_SILHOUETTE, "how distinct appearance groups must be to be "
                  "calibrated apart (mean silhouette of the grouping, 0-1)", 0.0, 1.0),
        *ADAPTOR_PARAMS,  # the machine API numbers parameters by position: new ones go last, earlier ids stay put
        ParamSpec("align", "choice", "auto", "locate the part before the network (inference.alignment): auto = "
                  "decided from the OK images at training (stored as one of the others; bundles without it load "
                  "as none); translate = centre the "
                  "part and crop the frame to it; rotate = also turn it to its principal axis; none = the image as it is",
                  choices=("auto", "none", "translate", "rotate")),
        ParamSpec("align_width", "float", 1.0, "width of the part's frame when aligning, as a fraction of the "
                  "image width (fitted at training with align=auto)", 0.01, 1.5),
        ParamSpec("align_height", "float", 1.0, "height of the part's frame when aligning, as a fraction of the "
                  "image height (fitted at training with align=auto)", 0.01, 1.5),
        ParamSpec("line_weight", "float", 0.0, "weight of the long dark-line channels added to each patch feature: "
                  "thin cracks and scratches that the texture features confuse with the surface; 0 = off (default; "
                  "8 = the measured setting)", 0.0, 100.0),
        ParamSpec("line_scale", "float", 0.0, "the part's strong-line level the line channels are measured in "
                  "(fitted at training; 0 = fit; bundles without it have no line channels)", 0.0, 1e6),
        ParamSpec("line_length", "int", 15, "length of the lines the line channels integrate along (px of the "
                  "analysed image)", 5, 63),
    ),
)

REWEIGHT_K = 9
PROFILE_GRID = 16  # the position profile is a 16×16 grid over relative image coordinates


class PatchCore:
    """The fitted state: the memory bank (float32, on the model's device)."""

    name = "patchcore"

    def __init__(self, cfg: dict[str, Any], bank: torch.Tensor, profile: torch.Tensor | None = None,
                 adaptor: Adaptor | None = None):
        self.cfg = cfg
        self.adaptor = adaptor  # backbone features → bank space (inference.adaptor); None = identity
        self.bank = bank.float().contiguous()
        self.bank_sq = (self.bank * self.bank).sum(1)
        self.profile = profile  # (G, G) typical OK patch distance by relative position, or None
        self.groups: AppearanceGroups | None = None  # per-appearance profiles and scales (take precedence)
        self.owners: torch.Tensor | None = None  # training only: source image of each bank row
        # training only: for bank rows, a stand-in patch of another image (``_stand_ins``)
        self.stand_in_rows: torch.Tensor | None = None
        self.stand_in_of: torch.Tensor | None = None

    # -- fitting -------------------------------------------------------------------------------------
    @classmethod
    def fit(cls, cfg: dict[str, Any], features: torch.Tensor, *, owners: torch.Tensor | None = None,
            tick: Callable[[float], None] | None = None, adaptor: Adaptor | None = None) -> PatchCore:
        """``features``: (N, D) all training patches; ``owners``: (N,) index of each one's image."""
        if adaptor is not None:
            features = adaptor.project(features)
        n = features.shape[0]
        k = int(min(cfg["max_bank"], max(1, round(n * cfg["coreset_ratio"]))))
        idx = greedy_coreset(features, k, seed=cfg["seed"], tick=tick)
        algo = cls(cfg, features[idx].clone(), adaptor=adaptor)
        if owners is not None:
            algo.owners = owners[idx].to(algo.bank.device)
            algo._stand_ins(features, owners.to(algo.bank.device))
        return algo

    @torch.no_grad()
    def _stand_ins(self, features: torch.Tensor, owners: torch.Tensor, chunk: int = 4096) -> None:
        """For each bank row, the closest patch of *another* image among the training patches it covers.

        Why: the coreset keeps one row for patches many images share; when a training image is scored
        leave-one-out, removing its rows also removes that only representative, so the image looks
        less normal than an unseen part does (bottle: leave-one-out scores up to 2.6-2.9 where unseen
        OK parts reach 1.6, and a threshold far above both). The stand-in is the row a coreset built
        without that image would most likely have kept."""
        assert self.owners is not None
        n = features.shape[0]
        nearest = torch.empty(n, dtype=torch.long, device=self.bank.device)
        dist = torch.empty(n, dtype=torch.float32, device=self.bank.device)
        for start in range(0, n, chunk):
            q = features[start : start + chunk].float()
            d2 = torch.addmm(self.bank_sq.unsqueeze(0), q, self.bank.T, beta=1, alpha=-2)
            d2.add_((q * q).sum(1, keepdim=True))
            dist[start : start + chunk], nearest[start : start + chunk] = d2.min(dim=1)
        other = owners != self.owners[nearest]
        key = torch.where(other, dist, torch.full_like(dist, float("inf")))
        best = torch.full((self.bank.shape[0],), float("inf"), device=dist.device).scatter_reduce(
            0, nearest, key, reduce="amin")
        rows = torch.nonzero(other & (key == best[nearest])).reshape(-1)
        of = nearest[rows]
        order = torch.argsort(of * (n + 1) + rows)  # one stand-in per bank row: the first of equal ones
        rows, of = rows[order], of[order]
        first = torch.ones_like(of, dtype=torch.bool)
        first[1:] = of[1:] != of[:-1]
        self.stand_in_rows = features[rows[first]].float().clone()
        self.stand_in_of = of[first]

    def end_training(self) -> None:
        """Drop what only leave-one-out scoring needs."""
        self.owners = self.stand_in_rows = self.stand_in_of = None

    def tensors(self) -> dict[str, np.ndarray]:
        out = {"memory_bank": self.bank.detach().cpu().numpy().astype(np.float32)}
        if self.profile is not None:
            out["position_profile"] = self.profile.detach().cpu().numpy().astype(np.float32)
        if self.groups is not None:
            out.update(self.groups.tensors())
        if self.adaptor is not None:
            out.update(self.adaptor.tensors())
        return out

    # -- position profile ------------------------------------------------------------------------------
    @torch.no_grad()
    def leave_one_out_map(self, feats: torch.Tensor, owner: int, chunk: int = 4096) -> torch.Tensor:
        """(D, h, w) features of a training image → (h, w) distances to the bank without that image's rows.

        Why: scoring a training image against a bank that contains its own patches gives ~0; without
        them it is scored exactly as an unseen OK part would be.
        """
        return self.leave_one_out_maps(feats, owner, chunk)[0]

    @torch.no_grad()
    def leave_one_out_maps(self, feats: torch.Tensor, owner: int, chunk: int = 4096) -> tuple[torch.Tensor, torch.Tensor]:
        """The leave-one-out map, and the same with each removed row's stand-in (``_stand_ins``) in the bank.

        The first learns the position profile (measured that way); the second is what calibration
        scores, since it matches the scores of unseen OK parts (docs/engine.md)."""
        d, h, w = feats.shape
        q = self._query(feats.permute(1, 2, 0).reshape(-1, d))
        own = self.owners == owner if self.owners is not None else None
        subs = None
        if own is not None and self.stand_in_rows is not None and self.stand_in_of is not None:
            pick = own[self.stand_in_of]
            subs = self.stand_in_rows[pick] if bool(pick.any()) else None
        plain, filled = [], []
        for start in range(0, q.shape[0], chunk):  # bounded memory for large inputs
            part = q[start : start + chunk]
            d2 = torch.addmm(self.bank_sq.unsqueeze(0), part, self.bank.T, beta=1, alpha=-2)
            d2.add_((part * part).sum(1, keepdim=True))
            if own is not None:
                d2[:, own] = float("inf")
            best = d2.amin(dim=1)
            plain.append(best.clamp_min(0).sqrt())
            if subs is not None:
                e2 = torch.addmm((subs * subs).sum(1).unsqueeze(0), part, subs.T, beta=1, alpha=-2)
                e2.add_((part * part).sum(1, keepdim=True))
                best = torch.minimum(best, e2.amin(dim=1))
            filled.append(best.clamp_min_(0).sqrt_())
        return torch.cat(plain).view(h, w), torch.cat(filled).view(h, w)

    def set_profile(self, ok_maps: list[torch.Tensor]) -> None:
        """Learn the typical OK distance per relative position from raw patch maps of OK images."""
        if self.cfg.get("position_norm", "ratio") != "ratio":
            self.profile = None
            return
        self.profile = profile_from_maps(ok_maps)

    def apply_profile(self, scores: torch.Tensor, feats: torch.Tensor | None = None) -> torch.Tensor:
        """(h, w) raw distances of one image → divided by its position profile (unchanged without one).

        ``feats``: that image's (D, h, w) patch features; required when the model has appearance
        groups (they pick the group's profile and scale).
        """
        h, w = scores.shape[-2:]
        if self.groups is not None:
            if feats is None:
                raise ValueError("a model with appearance groups needs the image's features to normalise it")
            return self.groups.normalise(scores[None], feats[None])[0]
        if self.profile is None:
            return scores
        prof = F.interpolate(self.profile[None, None], size=(h, w), mode="bilinear", align_corners=False)[0, 0]
        return scores / prof

    @classmethod
    def from_tensors(cls, cfg: dict[str, Any], tensors: dict[str, np.ndarray], feature_dim: int, device: str,
                     ) -> PatchCore:
        """Rebuild from a bundle; shapes are checked (ValueError says what is wrong)."""
        tensors = dict(tensors)
        adaptor = Adaptor.pop_from(tensors, cfg, feature_dim, device)
        group_keys = set(AppearanceGroups.TENSORS)
        base = set(tensors) - group_keys
        if base not in ({"memory_bank"}, {"memory_bank", "position_profile"}) or \
                not (group_keys <= set(tensors) or not group_keys & set(tensors)):
            raise ValueError(f"expected tensors 'memory_bank' [+ 'position_profile'] [+ "
                             f"{', '.join(repr(k) for k in AppearanceGroups.TENSORS)}], found {sorted(tensors)}")
        groups = None
        if group_keys <= set(tensors):
            groups = AppearanceGroups.from_tensors({k: tensors[k] for k in group_keys}, feature_dim,
                                                   PROFILE_GRID, device)
        profile = None
        if "position_profile" in tensors:
            prof = tensors["position_profile"]
            if prof.shape != (PROFILE_GRID, PROFILE_GRID) or prof.dtype != np.float32:
                raise ValueError(f"position_profile has shape {tuple(prof.shape)} / {prof.dtype}, "
                                 f"expected ({PROFILE_GRID}, {PROFILE_GRID}) float32")
            if not np.isfinite(prof).all() or (prof <= 0).any():
                raise ValueError("position_profile must be finite and positive")
            profile = torch.from_numpy(np.ascontiguousarray(prof)).to(device)
        bank = tensors["memory_bank"]
        if bank.ndim != 2 or bank.shape[1] != feature_dim or bank.shape[0] < 1:
            raise ValueError(f"memory_bank has shape {tuple(bank.shape)}, expected (N, {feature_dim})")
        if bank.dtype != np.float32:
            raise ValueError(f"memory_bank has dtype {bank.dtype}, expected float32")
        if not np.isfinite(bank).all():
            raise ValueError("memory_bank contains NaN or infinite values")
        algo = cls(cfg, torch.from_numpy(np.ascontiguousarray(bank)).to(device), profile, adaptor)
        algo.groups = groups
        return algo

    # -- scoring -------------------------------------------------------------------------------------
    def _query(self, rows: torch.Tensor) -> torch.Tensor:
        """(N, D) backbone feature rows → the bank's space (the adaptor's projection, when there is one)."""
        return self.adaptor.project(rows) if self.adaptor is not None else rows.float()

    @torch.no_grad()
    def nearest_distance(self, q: torch.Tensor, chunk: int = 4096) -> torch.Tensor:
        """Distance of each query row to its nearest bank row (no index).

        Why apart from ``nearest``: a min that also tracks the argmin costs ~40 % more than the
        matmul-plus-``amin`` (1,000 patches × 2,458 bank rows, 1 thread: 21 vs 15 ms CPU), and only
        the reweighting rule needs the index; the distances are the same values."""
        out = []
        for start in range(0, q.shape[0], chunk):
            part = q[start : start + chunk]
            d2 = torch.addmm(self.bank_sq.unsqueeze(0), part, self.bank.T, beta=1, alpha=-2)
            d2.add_((part * part).sum(1, keepdim=True))
            out.append(d2.amin(dim=1).clamp_min_(0).sqrt_())
        return torch.cat(out)

    @torch.no_grad()
    def nearest(self, q: torch.Tensor, chunk: int = 4096) -> tuple[torch.Tensor, torch.Tensor]:
        """Distance to and index of each query row's nearest bank row."""
        dists, idxs = [], []
        for start in range(0, q.shape[0], chunk):
            part = q[start : start + chunk]
            d2 = torch.addmm(self.bank_sq.unsqueeze(0), part, self.bank.T, beta=1, alpha=-2)
            d2.add_((part * part).sum(1, keepdim=True))
            m, i = d2.min(dim=1)
            dists.append(m.clamp_min_(0).sqrt_())
            idxs.append(i)
        return torch.cat(dists), torch.cat(idxs)

    @torch.no_grad()
    def patch_scores(self, feats: torch.Tensor, raw: bool = False) -> tuple[torch.Tensor, torch.Tensor | None]:
        """(B, D, h, w) features → (B, h, w) patch scores, and per-image reweighting factors.

        Scores are distances to the bank divided by the position profile (when the model has one and
        ``raw`` is False), so 1.0 means "as far as OK parts usually are at this place".
        """
        b, d, h, w = feats.shape
        q = self._query(feats.permute(0, 2, 3, 1).reshape(-1, d))
        reweight = self.cfg.get("score_rule", "max") == "reweight" and not raw
        if reweight:
            dist, idx = self.nearest(q)
        else:
            dist = self.nearest_distance(q)
        scores = dist.view(b, h, w)
        if raw:
            return scores, None
        if self.groups is not None:
            scores = self.groups.normalise(scores, feats)
        elif self.profile is not None:
            prof = F.interpolate(self.profile[None, None], size=(h, w), mode="bilinear", align_corners=False)
            scores = scores / prof[0]
        if not reweight:
            return scores, None
        weights = torch.empty(b, device=feats.device)
        qv = q.view(b, h * w, d)
        for i in range(b):
            j = int(torch.argmax(scores.reshape(b, -1)[i]))
            m_test = qv[i, j]
            m_star = self.bank[idx.view(b, -1)[i, j]]
            nb = torch.cdist(m_star[None], self.bank)[0].topk(min(REWEIGHT_K, self.bank.shape[0]), largest=False)
            d_nb = torch.cdist(m_test[None], self.bank[nb.indices])[0]
            s = dist.view(b, -1)[i, j]
            # 1 - exp(s) / sum(exp(d_nb)), computed stably (distances are far beyond exp's range)
            weights[i] = 1 - torch.exp(s - torch.logsumexp(torch.cat([d_nb, s[None]]), 0))
        return scores, weights


def profile_from_maps(ok_maps: list[torch.Tensor]) -> torch.Tensor | None:
    """(G, G) mean raw OK distance per relative position, floored at half its median; None when flat."""
    # an image that owns the whole bank (tiny training sets) has no leave-one-out distance
    ok_maps = [m for m in ok_maps if bool(torch.isfinite(m).all())]
    if not ok_maps:
        return None
    g = PROFILE_GRID
    grids = [F.adaptive_avg_pool2d(m[None, None].float(), (g, g))[0, 0] for m in ok_maps]
    prof = torch.stack(grids).mean(0)
    med = float(prof.median())
    if not np.isfinite(med) or med <= 1e-6:  # identical OK images: no variation to learn, plain distances
        return None
    # a floor keeps a place that happened to match perfectly from amplifying noise
    return prof.clamp_min(0.5 * med).contiguous()
