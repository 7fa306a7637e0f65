"""A compact descriptor of each inspected image, for "find parts with the same defect".

Computed from the patch features and patch scores the prediction already produced (no second
backbone run): the mean feature of the most anomalous patches minus the image's mean feature (what
the defect looks like against its own part), beside the image's mean feature (what the part looks
like), projected to :data:`EMBEDDING_DIM` values by a fixed orthonormal projection and L2-normalised.
For an OK part the "defect" half describes its least typical spot, so OK parts still cluster by
appearance. Vectors from models with the same backbone layers are comparable (same projection).
"""

from __future__ import annotations

import functools

import numpy as np
import torch

EMBEDDING_DIM = 256
DEFECT_WEIGHT = 1.0  # the defect half dominates: similar defects matter more than similar parts
CONTEXT_WEIGHT = 0.5
TOP_FRACTION = 0.03  # share of the patch grid pooled as "the strongest region" (0.01: worse on metal_plate)
MIN_TOP = 4


@functools.lru_cache(maxsize=8)
def _projection(in_dim: int, out_dim: int = EMBEDDING_DIM) -> np.ndarray:
    """Seeded orthonormal (in_dim × out_dim) map: preserves angles exactly when in_dim ≤ out_dim,
    approximately (Johnson–Lindenstrauss) otherwise; the same for every run and every station."""
    gen = torch.Generator().manual_seed(20_260_101 + in_dim)
    g = torch.randn(max(in_dim, out_dim), min(in_dim, out_dim), generator=gen, dtype=torch.float64)
    q, _ = torch.linalg.qr(g)  # orthonormal columns
    p = q if in_dim >= out_dim else q.T  # in_dim × out_dim
    return p.float().numpy()


@torch.no_grad()
def embed(feats: torch.Tensor, scores: torch.Tensor) -> np.ndarray:
    """(B, D, h, w) patch features + (B, h, w) patch scores → (B, EMBEDDING_DIM) float16, unit length.

    An algorithm with features at several scales (csflow) passes a list: the finest is used, and the
    score grid is resampled onto it when the two differ."""
    if isinstance(feats, (list, tuple)):
        feats = feats[0]
    b, d, h, w = feats.shape
    if tuple(scores.shape[-2:]) != (h, w):
        scores = torch.nn.functional.interpolate(scores.float().reshape(b, 1, *scores.shape[-2:]), size=(h, w),
                                                 mode="bilinear", align_corners=False).reshape(b, h, w)
    k = min(h * w, max(MIN_TOP, int(round(TOP_FRACTION * h * w))))
    if feats.is_cuda:
        flat = feats.reshape(b, d, h * w).float()
        top = scores.to(feats.device).reshape(b, h * w).float().topk(k, dim=1).indices  # (B, k)
        local = torch.gather(flat, 2, top.unsqueeze(1).expand(b, d, k)).mean(2).cpu().numpy()
        context = flat.mean(2).cpu().numpy()
    else:
        # numpy's single-threaded loops on the CPU: torch's parallel gather / mean kernels wait
        # 10-20 ms on thread wake-ups on a busy 2-core PC for what takes well under 1 ms
        arr = feats.float().numpy()  # a view in whatever layout the backbone left (no copy)
        sc = scores.reshape(b, h * w).float().numpy()
        top_idx = np.argpartition(-sc, k - 1, axis=1)[:, :k]  # (B, k), any order
        ys, xs = np.unravel_index(top_idx, (h, w))
        local = arr[np.arange(b)[:, None], :, ys, xs].mean(1)  # (B, k, D) → (B, D)
        context = arr.mean(axis=(2, 3))
    defect = _unit(local - context) * DEFECT_WEIGHT
    part = _unit(context) * CONTEXT_WEIGHT
    vec = _unit(np.concatenate([defect, part], axis=1) @ _projection(2 * d))
    return vec.astype(np.float16)


def _unit(x: np.ndarray) -> np.ndarray:
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Cosine similarity of two stored embeddings (−1 … 1)."""
    a32, b32 = a.astype(np.float32), b.astype(np.float32)
    return float(a32 @ b32 / max(1e-12, float(np.linalg.norm(a32) * np.linalg.norm(b32))))
