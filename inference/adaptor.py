"""Feature adaptor: a linear map of PatchCore's patch features, learned per part from synthetic defects.

Why: the frozen ImageNet features weigh every direction of variation alike, so on grey surfaces the
normal variation (lighting, texture) is as far from the memory bank as a crack. CutPaste (Li et al.,
CVPR 2021) and MemSeg teach a network what "defect-like" means from defects pasted on OK images;
ReConPatch and SimpleNet's adaptor show that a light projection on top of frozen patch features is
enough to reshape the space for nearest-neighbour scoring. Here the backbone stays frozen and only
a square map ``W`` (initialised to the identity) is trained, on features computed once: OK patches
of the bank images, and the patches that procedural defects (``inference.synthetic``) cover on
copies of them. ``adapt=linear`` learns a full matrix; ``adapt=channels`` only reweights the feature
channels (a diagonal ``W``, D parameters instead of D²: less room to learn the generator's look).
The objective is a ranking loss on PatchCore's own score: under ``W`` the nearest-OK distance of a
defect patch should exceed that of the hardest OK patches (both measured without their own image,
as an unseen part would be), in log space so it cannot win by scaling ``W``; a penalty on
``W − I`` keeps the map close to the backbone's geometry (the bank must still represent OK
variation, not only the pasted kinds). A gate keeps ``W`` only when it also ranks defective copies
of images it did not learn from better (every fifth bank image is held out of adaptor training);
otherwise the identity is stored and scoring is the plain PatchCore.

Measured through the protocol (docs/benchmarks.md, "Feature adaptor"): better on the synthetic
defects it learns from, not on real ones, so it is off by default.

Stored as one float32 tensor ``adaptor_weight`` (D × D) in the bundle, validated on load: shape,
dtype, finite, bounded, diagonal for ``channels``, and not degenerate (a singular map would collapse
the bank).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F

from inference.backbone import FeatureExtractor, backbone_lock
from inference.coreset import _single_thread as single_thread
from inference.features import Prepared, feature_dim, group_by_shape, patch_features, prepare, to_batch
from inference.ng_head import MASK_POS, mask_to_grid
from inference.synthetic import defective_copies

NAME = "adaptor_weight"
MAX_ABS = 1e3  # a trained entry beyond this is corruption, not learning
MIN_CONDITION = 1e-4  # smallest / largest singular value: below this the map collapses directions
REFERENCE_ROWS = 2048  # OK rows each step's nearest-neighbour search runs against
OK_QUERIES = 1024
NG_QUERIES = 256
MARGIN = 0.5  # in log distance: a defect patch should be ~65 % farther than the hardest OK patches
HARD_FRACTION = 0.1
TAU = 0.2
LEARNING_RATE = 2e-3
IDENTITY_PENALTY = 1.0
VALIDATION_EVERY = 5  # every fifth bank image (by index) is held out of adaptor training

class Adaptor:
    """A fixed linear map of patch feature rows (float32, on the model's device)."""

    def __init__(self, weight: torch.Tensor):
        self.weight = weight.detach().float().contiguous()

    @property
    def dim(self) -> int:
        return int(self.weight.shape[0])

    def project(self, rows: torch.Tensor) -> torch.Tensor:
        """(N, D) → (N, D) adapted rows."""
        return rows.float() @ self.weight.T

    def tensors(self) -> dict[str, np.ndarray]:
        return {NAME: self.weight.cpu().numpy().astype(np.float32)}

    @staticmethod
    def pop_from(tensors: dict[str, np.ndarray], cfg: dict[str, Any], dim: int, device: str) -> Adaptor | None:
        """Take the adaptor out of a bundle's tensors (they are left without it); ValueError says why.

        A model trained with ``adapt=none`` must not carry one, one trained with it must."""
        arr = tensors.pop(NAME, None)
        wanted = cfg.get("adapt", "none") != "none"
        if arr is None:
            if wanted:
                raise ValueError(f"parameters say adapt={cfg.get('adapt')} but the bundle has no {NAME}")
            return None
        if not wanted:
            raise ValueError(f"{NAME} present but the parameters say adapt=none")
        if arr.shape != (dim, dim) or arr.dtype != np.float32:
            raise ValueError(f"{NAME} has shape {tuple(arr.shape)} / {arr.dtype}, expected ({dim}, {dim}) float32")
        if not np.isfinite(arr).all():
            raise ValueError(f"{NAME} contains NaN or infinite values")
        if np.abs(arr).max() > MAX_ABS:
            raise ValueError(f"{NAME} has values beyond ±{MAX_ABS:g}")
        if cfg.get("adapt") == "channels" and np.count_nonzero(arr - np.diag(np.diag(arr))):
            raise ValueError(f"{NAME} must be diagonal for adapt=channels")
        sv = np.linalg.svd(arr.astype(np.float64), compute_uv=False)
        if sv[0] <= 0 or sv[-1] / sv[0] < MIN_CONDITION:
            raise ValueError(f"{NAME} is degenerate (singular values {sv[-1]:.3g} .. {sv[0]:.3g}): it would "
                             "collapse the memory bank")
        return Adaptor(torch.from_numpy(np.ascontiguousarray(arr)).to(device))


# -- training ------------------------------------------------------------------------------------------------
def _prepared_cover(mask: np.ndarray, p: Prepared) -> np.ndarray:
    """The pixel mask in the prepared geometry (ROI crop, part frame, resize) → covered fraction per patch cell."""
    ih, iw = p.input_shape
    return mask_to_grid(p.to_input((mask > 0).astype(np.float32)), (ih // 8, iw // 8))


def synthetic_patches(fx: FeatureExtractor, images: Sequence[np.ndarray], cfg: dict[str, Any], device: str,
                      check: Callable[[], None]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Defect patch rows (M, D) from ``adapt_views`` defective copies of each image; each row's source
    image and each row's defective copy (0 .. copies − 1)."""
    rng = np.random.default_rng(int(cfg.get("seed", 0)) + 104729)
    views = int(cfg.get("adapt_views", 2))
    prepared: list[Prepared] = []
    masks: list[np.ndarray] = []
    owner: list[int] = []
    for i, _, defective, mask in defective_copies(images, views, rng, check):
        prepared.append(prepare(defective, cfg))
        masks.append(mask)
        owner.append(i)
    rows: list[torch.Tensor] = []
    owners: list[int] = []
    copies: list[int] = []
    with torch.inference_mode():
        for idx in group_by_shape(prepared, 8):
            check()
            with backbone_lock(fx):
                feats = patch_features(fx, to_batch(prepared, idx, device), cfg).float()
            for k, i in enumerate(idx):
                cover = torch.from_numpy(_prepared_cover(masks[i], prepared[i])).reshape(-1)
                pick = cover >= MASK_POS
                if not bool(pick.any()):  # a defect smaller than a patch: the cell it covers most
                    pick = cover >= cover.max()
                f = feats[k].reshape(feats.shape[1], -1).T
                rows.append(f[pick.to(f.device)].clone())
                owners += [owner[i]] * int(pick.sum())
                copies += [i] * int(pick.sum())
    if not rows:
        empty = torch.zeros(0, dtype=torch.long)
        return torch.zeros(0, feature_dim(fx, cfg)), empty, empty
    return torch.cat(rows), torch.tensor(owners, dtype=torch.long), torch.tensor(copies, dtype=torch.long)


def _nn_log_dist(q: torch.Tensor, q_owner: torch.Tensor, ref: torch.Tensor, ref_owner: torch.Tensor) -> torch.Tensor:
    """log of each query row's distance to its nearest reference row of another image."""
    d2 = (q * q).sum(1, keepdim=True) + (ref * ref).sum(1)[None] - 2 * q @ ref.T
    d2 = d2.masked_fill(q_owner[:, None] == ref_owner[None], float("inf"))
    return 0.5 * torch.log(d2.min(1).values.clamp_min(1e-8))


def _rank_loss(lo: torch.Tensor, ln: torch.Tensor) -> torch.Tensor:
    """Mean over (hard OK, defect) pairs of softplus((log d_ok − log d_defect + margin) / τ).

    Only the hardest OK patches take part: an image's score is its most anomalous patch, so what
    must stay below the defects is the top of the OK distribution, not its bulk."""
    hard = lo.topk(max(1, int(HARD_FRACTION * lo.numel()))).values
    return F.softplus((hard[:, None] - ln[None, :] + MARGIN) / TAU).mean()


def _auroc(neg: torch.Tensor, pos: torch.Tensor) -> float:
    order = torch.cat([neg, pos]).argsort()
    ranks = torch.empty_like(order, dtype=torch.float64)
    ranks[order] = torch.arange(1, order.numel() + 1, dtype=torch.float64)
    n, p = neg.numel(), pos.numel()
    return float((ranks[n:].sum() - p * (p + 1) / 2) / (n * p))


@torch.no_grad()
def _image_auroc(w: torch.Tensor, ok: torch.Tensor, ok_owner: torch.Tensor, ng: torch.Tensor,
                 ng_owner: torch.Tensor, ng_copy: torch.Tensor, ref: torch.Tensor, ref_owner: torch.Tensor) -> float:
    """Image AUROC of OK images against their defective copies under ``w``, scored as PatchCore does
    (the most anomalous patch; a copy's unchanged patches score as its source image's)."""
    r = ref @ w.T

    def dist(q: torch.Tensor, own: torch.Tensor) -> torch.Tensor:
        return torch.cat([_nn_log_dist(q[s : s + 2048] @ w.T, own[s : s + 2048], r, ref_owner)
                          for s in range(0, q.shape[0], 2048)])

    lo, ln = dist(ok, ok_owner), dist(ng, ng_owner)
    ok_max = {int(o): float(lo[ok_owner == o].max()) for o in torch.unique(ok_owner)}
    copy_max = []
    for c in torch.unique(ng_copy):
        sel = ng_copy == c
        src = int(ng_owner[sel][0])
        copy_max.append(max(float(ln[sel].max()), ok_max.get(src, float("-inf"))))
    return _auroc(torch.tensor(list(ok_max.values())), torch.tensor(copy_max))


def fit_adaptor(fx: FeatureExtractor, images: Sequence[np.ndarray], feats: torch.Tensor, owners: torch.Tensor,
                cfg: dict[str, Any], device: str, *, tick: Callable[[float], None],
                check: Callable[[], None]) -> tuple[Adaptor, dict[str, Any]]:
    """Learn ``W`` from the bank images' OK patch rows ``feats`` (N, D) with their image ``owners``.

    Deterministic for a seed (fixed steps; the time budget only stops a slow machine early, which
    the stats say). ``tick(fraction)`` reports progress; ``check()`` may raise to cancel.
    """
    t0 = time.perf_counter()
    seed = int(cfg.get("seed", 0))
    tick(0.0)
    ng, ng_owner, ng_copy = synthetic_patches(fx, images, cfg, device, check)
    t_syn = time.perf_counter() - t0
    tick(0.1)
    d = feats.shape[1]
    eye = torch.eye(d, device=feats.device)
    stats: dict[str, Any] = {"adaptor_defect_patches": int(ng.shape[0])}
    owners = owners.to(feats.device)
    ng, ng_owner, ng_copy = ng.to(feats.device), ng_owner.to(feats.device), ng_copy.to(feats.device)
    val_ok = owners % VALIDATION_EVERY == 0
    val_ng = ng_owner % VALIDATION_EVERY == 0
    tr_rows = torch.nonzero(~val_ok).reshape(-1)
    tr_ng = torch.nonzero(~val_ng).reshape(-1)
    if tr_rows.numel() < 2 or tr_ng.numel() < 1 or int(val_ng.sum()) < 1 or len(set(owners.tolist())) < 3:
        stats.update({"adaptor": False, "adaptor_note": "too few images or synthetic defects to adapt features"})
        return Adaptor(eye), stats
    gen = torch.Generator().manual_seed(seed + 15485863)
    steps = int(cfg.get("adapt_steps", 300))
    diagonal = cfg.get("adapt") == "channels"
    budget = float(cfg.get("adapt_seconds", 120.0))
    done, losses = 0, []
    with torch.inference_mode(False), single_thread(), torch.enable_grad():  # training runs under inference_mode
        feats, ng, eye = feats.clone(), ng.clone(), eye.clone()  # ordinary tensors autograd may save
        logs = torch.nn.Parameter(torch.zeros(d, device=feats.device))
        full = torch.nn.Parameter(eye.clone())
        opt = torch.optim.Adam([logs] if diagonal else [full], lr=LEARNING_RATE)
        for step in range(steps):
            check()
            w = torch.diag(torch.exp(logs)) if diagonal else full
            ref = tr_rows[torch.randint(tr_rows.numel(), (REFERENCE_ROWS,), generator=gen)]
            qo = tr_rows[torch.randint(tr_rows.numel(), (OK_QUERIES,), generator=gen)]
            qn = tr_ng[torch.randint(tr_ng.numel(), (NG_QUERIES,), generator=gen)]
            r = feats[ref] @ w.T
            lo = _nn_log_dist(feats[qo] @ w.T, owners[qo], r, owners[ref])
            ln = _nn_log_dist(ng[qn] @ w.T, ng_owner[qn], r, owners[ref])
            loss = _rank_loss(lo, ln) + IDENTITY_PENALTY * ((w - eye) ** 2).sum() / d
            opt.zero_grad(set_to_none=True)
            loss.backward()  # type: ignore[no-untyped-call]  # torch leaves Tensor.backward unannotated
            opt.step()
            losses.append(float(loss.detach()))
            done = step + 1
            elapsed = time.perf_counter() - t0
            tick(0.1 + 0.8 * max(done / steps, min(1.0, elapsed / budget)))
            if elapsed >= budget:
                break
    weight = (torch.diag(torch.exp(logs)) if diagonal else full).detach().clone()
    # the gate: images whose OK and defect patches the adaptor never saw, against the training images
    g = torch.Generator().manual_seed(seed + 7)
    ref = tr_rows[torch.randperm(tr_rows.numel(), generator=g)[: 4 * REFERENCE_ROWS]]
    vo = torch.nonzero(val_ok).reshape(-1)
    vn = torch.nonzero(val_ng).reshape(-1)
    args = (feats[vo], owners[vo], ng[vn], ng_owner[vn], ng_copy[vn], feats[ref], owners[ref])
    before, after = _image_auroc(eye, *args), _image_auroc(weight, *args)
    kept = after > before
    stats.update({
        "adaptor": kept, "adaptor_steps": done, "adaptor_seconds": round(time.perf_counter() - t0, 3),
        "adaptor_synthetic_seconds": round(t_syn, 3),
        "adaptor_final_loss": round(float(np.mean(losses[-20:])), 6) if losses else None,
        "adaptor_check_image_auroc": {"plain": round(before, 4), "adapted": round(after, 4)},
        "adaptor_stopped_by_budget": done < steps,
    })
    if not kept:
        stats["adaptor_note"] = "the adapted features did not rank synthetic defects better on unseen images; " \
                                "plain features kept"
        weight = eye
    tick(1.0)
    return Adaptor(weight.to(feats.device)), stats
