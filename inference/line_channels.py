"""Long dark-line channels: how strongly a thin dark line runs through each stride-8 cell, per direction.

Why: the frozen ImageNet features describe a crack on a commutator or a thread defect on a screw
much like the part's own fine texture, because a 3 × 3-cell window sees a few pixels of line. A
line's strength along its length is what separates them, and it is cheap to measure directly:
the Hessian's larger eigenvalue at σ = 1 px (positive across a dark valley), as Weber contrast
(divided by the local brightness, so a lighting gain cancels), averaged along digital lines of
``length`` px in six directions at half resolution, then the maximum per 8 × 8 cell. PatchCore
appends these channels, in units of the part's own strong lines (``scale``: the 99th percentile of
the OK training cells, fitted once at training) times a weight, to every patch feature, so a
patch is normal only when its texture *and* its line strength occur on good parts.
Measured across the dev categories before adoption: docs/engine.md.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import cv2
import numpy as np
import torch
import torch.nn.functional as F

DIRECTIONS = 6
SCALE_QUANTILE = 0.99
_BLUR = tuple(float(v) for v in cv2.getGaussianKernel(7, 1.0).ravel())  # σ = 1 px, ±3σ


def enabled(cfg: dict[str, Any]) -> bool:
    """Channels are on only for a model whose scale was fitted (bundles from before have none)."""
    return float(cfg.get("line_weight", 0.0)) > 0 and float(cfg.get("line_scale", 0.0)) > 0


def channel_count(cfg: dict[str, Any]) -> int:
    return DIRECTIONS if enabled(cfg) else 0


@lru_cache(maxsize=8)
def _offsets(length: int) -> tuple[tuple[tuple[int, int], ...], ...]:
    """Per direction, the (dy, dx) offsets of a centred digital line ``length`` px long (odd)."""
    c = length // 2
    out = []
    for i in range(DIRECTIONS):
        th = math.pi * i / DIRECTIONS
        k = np.zeros((length, length), np.uint8)
        dx, dy = math.cos(th) * c, math.sin(th) * c
        cv2.line(k, (round(c - dx), round(c - dy)), (round(c + dx), round(c + dy)), 1, 1)
        ys, xs = np.nonzero(k)
        out.append(tuple((int(y) - c, int(x) - c) for y, x in zip(ys, xs, strict=True)))
    return tuple(out)


def raw_line_strength(batch: torch.Tensor, length: int) -> torch.Tensor:
    """(B, 3, H, W) network input ((x − 127) / 128) → (B, DIRECTIONS, H/8, W/8), unscaled."""
    x = batch.float().mean(1, keepdim=True)
    g = torch.tensor(_BLUR, device=x.device)
    r = len(_BLUR) // 2
    b = F.conv2d(F.pad(x, (r, r, 0, 0), mode="replicate"), g.view(1, 1, 1, -1))
    b = F.conv2d(F.pad(b, (0, 0, r, r), mode="replicate"), g.view(1, 1, -1, 1))
    bp = F.pad(b, (1, 1, 1, 1), mode="replicate")
    c = bp[:, :, 1:-1, 1:-1]
    ixx = bp[:, :, 1:-1, 2:] + bp[:, :, 1:-1, :-2] - 2 * c
    iyy = bp[:, :, 2:, 1:-1] + bp[:, :, :-2, 1:-1] - 2 * c
    ixy = (bp[:, :, 2:, 2:] + bp[:, :, :-2, :-2] - bp[:, :, 2:, :-2] - bp[:, :, :-2, 2:]) / 4
    valley = ((ixx + iyy) / 2 + torch.sqrt(((ixx - iyy) / 2) ** 2 + ixy**2)).clamp_min(0)
    half = F.max_pool2d(valley, 2)  # a 1-2 px line survives; the line sums then cost a quarter
    bright = F.avg_pool2d(x * 128.0 + 127.0, 2)
    bright = F.avg_pool2d(F.pad(bright, (4, 4, 4, 4), mode="replicate"), 9, stride=1)
    half = half * 128.0 / bright.clamp_min(8.0)
    n = max(3, (length // 2) | 1)
    offs = _offsets(n)
    m = n // 2
    hp = F.pad(half, (m, m, m, m), mode="replicate")
    hh, ww = half.shape[-2:]
    lines = []
    for line in offs:
        acc = torch.zeros_like(half)
        for dy, dx in line:
            acc += hp[:, :, m + dy : m + dy + hh, m + dx : m + dx + ww]
        lines.append(acc / len(line))
    return F.max_pool2d(torch.cat(lines, 1), 4)


def line_channels(batch: torch.Tensor, cfg: dict[str, Any]) -> torch.Tensor:
    """The channels PatchCore appends: raw strength ÷ the part's scale × the weight."""
    w = float(cfg["line_weight"]) / float(cfg["line_scale"])
    return raw_line_strength(batch, int(cfg.get("line_length", 15))) * w


def fit_scale(tensors: Iterable[np.ndarray], cfg: dict[str, Any]) -> float:
    """The 99th percentile of the strongest direction over the OK cells (mirrored pad cells excluded)."""
    cells = int(cfg.get("pad", 0)) // 8
    vals = []
    with torch.inference_mode():
        for t in tensors:
            r = raw_line_strength(torch.from_numpy(t)[None], int(cfg.get("line_length", 15)))[0].amax(0)
            if cells and r.shape[0] > 2 * cells and r.shape[1] > 2 * cells:
                r = r[cells:-cells, cells:-cells]
            vals.append(r.flatten())
    if not vals:
        return 0.0
    q = float(torch.quantile(torch.cat(vals).double(), SCALE_QUANTILE))
    return max(q, 1e-3) if math.isfinite(q) else 0.0
