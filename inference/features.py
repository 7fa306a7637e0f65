"""From a BGR image to locally aware patch features on the stride-8 grid.

Shared by every algorithm: preprocessing (resize, contrast), the frozen backbone, and PatchCore's
3×3 local aggregation with the stride-16 maps upsampled and merged onto the stride-8 grid.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
import torch
import torch.nn.functional as F

from inference.alignment import mask_to_frame, to_frame
from inference.backbone import FeatureExtractor
from inference.line_channels import channel_count, line_channels

LAYER_SETS = {
    "s8+s16_last": ("s8", "s16_last"),
    "s8+s16_mid": ("s8", "s16_mid"),
    "s8+s16_mid+s16_last": ("s8", "s16_mid", "s16_last"),
}
_GRID = 16  # resized sides are multiples of this so both strides tile the image exactly


@dataclass(frozen=True)
class Prepared:
    """One image ready for the backbone, with what is needed to map results back."""

    tensor: np.ndarray  # float32 3×h×w, backbone scaling
    original_shape: tuple[int, int]  # (H, W) of the analysed image
    input_shape: tuple[int, int]  # (h, w) fed to the backbone
    roi: tuple[int, int, int, int] | None = None  # (x, y, w, h) analysed part of the image; None = all
    warp: np.ndarray | None = None  # 2×3: analysed image → the part's canonical frame (inference.alignment)
    frame: tuple[int, int] | None = None  # (h, w) of that frame

    def to_input(self, mask: np.ndarray) -> np.ndarray:
        """A float mask of the original image in the geometry fed to the network (ROI, frame, resize)."""
        if self.roi is not None:
            x, y, rw, rh = self.roi
            mask = mask[y : y + rh, x : x + rw]
        if self.warp is not None and self.frame is not None:
            mask = mask_to_frame(np.ascontiguousarray(mask, dtype=np.float32), self.warp, self.frame)
        ih, iw = self.input_shape
        return cv2.resize(mask.astype(np.float32), (iw, ih), interpolation=cv2.INTER_AREA)


def roi_box(shape: tuple[int, int], cfg: dict[str, Any]) -> tuple[int, int, int, int] | None:
    """The region of interest clipped to the image, or None when the whole image is analysed."""
    w, h = int(cfg.get("roi_width", 0)), int(cfg.get("roi_height", 0))
    if w <= 0 or h <= 0:
        return None
    H, W = shape
    x = min(max(0, int(cfg.get("roi_x", 0))), W - 1)
    y = min(max(0, int(cfg.get("roi_y", 0))), H - 1)
    w, h = min(w, W - x), min(h, H - y)
    if (x, y, w, h) == (0, 0, W, H):
        return None
    return x, y, w, h


def roi_crop(bgr: np.ndarray, cfg: dict[str, Any]) -> np.ndarray:
    """The analysed part of an image (its region of interest, or all of it)."""
    roi = roi_box(bgr.shape[:2], cfg)
    if roi is None:
        return bgr
    x, y, w, h = roi
    return bgr[y : y + h, x : x + w]


def input_shape_for(shape: tuple[int, int], cfg: dict[str, Any]) -> tuple[int, int]:
    """(h, w) the image is resized to (multiples of 16).

    ``area``: aspect kept, about input_size² pixels (thin defects on elongated parts are not squashed,
    and the cost stays that of a square image); ``square``: squashed to input_size²; ``long_side``: long
    side = input_size, aspect kept; ``cap``: native scale, only shrunk when the long side exceeds input_size.
    """
    size = int(cfg["input_size"])
    mode = cfg.get("resize", "area")
    if mode == "square":
        return size, size
    h, w = shape
    scale = size / max(h, w)
    if mode == "cap":
        scale = min(1.0, scale)
    elif mode == "area":
        scale = size / (h * w) ** 0.5
    elif mode != "long_side":
        raise ValueError(f"unknown resize mode {mode!r}")
    rh = max(_GRID, int(round(h * scale / _GRID)) * _GRID)
    rw = max(_GRID, int(round(w * scale / _GRID)) * _GRID)
    return rh, rw


def _contrast(img: np.ndarray, mode: str) -> np.ndarray:
    if mode == "none":
        return img
    if mode == "clahe":
        lab = cv2.cvtColor(img, cv2.COLOR_BGR2LAB)
        clahe = cv2.createCLAHE(clipLimit=2.0, tileGridSize=(8, 8))
        lab[:, :, 0] = clahe.apply(lab[:, :, 0])
        return cv2.cvtColor(lab, cv2.COLOR_LAB2BGR)
    if mode == "standardize":
        f = img.astype(np.float32)
        mean = f.mean(axis=(0, 1), keepdims=True)
        std = f.std() + 1e-3
        return np.clip((f - mean) * (48.0 / std) + 127.0, 0, 255).astype(np.uint8)
    raise ValueError(f"unknown contrast mode {mode!r}")


def prepare(bgr: np.ndarray, cfg: dict[str, Any]) -> Prepared:
    """Crop to the ROI, align the part (``align``), resize, normalise contrast, mirror-pad, BGR→RGB, scale to (x − 127) / 128."""
    full = bgr.shape[:2]
    roi = roi_box(full, cfg)
    bgr = roi_crop(bgr, cfg)
    bgr, warp = to_frame(bgr, cfg)  # the part centred (and turned) in its frame, when aligning
    h, w = bgr.shape[:2]
    ih, iw = input_shape_for((h, w), cfg)
    interp = cv2.INTER_AREA if ih * iw < h * w else cv2.INTER_LINEAR
    img = cv2.resize(bgr, (iw, ih), interpolation=interp) if (ih, iw) != (h, w) else bgr
    img = _contrast(img, cfg.get("contrast", "none"))
    pad = int(cfg.get("pad", 0))
    if pad:
        # mirrored context instead of the network's zero padding: border patches then look like the
        # rest of the part, not like "the edge of the world" (which dominated the image score)
        img = cv2.copyMakeBorder(img, pad, pad, pad, pad, cv2.BORDER_REFLECT_101)
    rgb = img[:, :, ::-1].astype(np.float32)
    t = (rgb - 127.0) / 128.0
    return Prepared(np.ascontiguousarray(t.transpose(2, 0, 1)), full, (ih, iw), roi, warp,
                    (h, w) if warp is not None else None)


def group_by_shape(items: Sequence[Prepared], batch_size: int) -> Iterator[list[int]]:
    """Indices of same-input-shape images, in batches: parts from one line batch together."""
    groups: dict[tuple[int, int], list[int]] = {}
    for i, p in enumerate(items):
        groups.setdefault(p.input_shape, []).append(i)
    for idx in groups.values():
        for start in range(0, len(idx), batch_size):
            yield idx[start : start + batch_size]


def feature_dim(fx: FeatureExtractor, cfg: dict[str, Any]) -> int:
    return sum(fx.stages.channels[name] for name in LAYER_SETS[cfg["layers"]]) + channel_count(cfg)


@torch.no_grad()
def patch_features(fx: FeatureExtractor, batch: torch.Tensor, cfg: dict[str, Any]) -> torch.Tensor:
    """(B, D, h/8, w/8) float32 patch features: each layer 3×3-averaged, upsampled, concatenated
    (then the line channels, when the model has them)."""
    maps = fx(batch)
    names = LAYER_SETS[cfg["layers"]]
    target = maps["s8"].shape[-2:]
    k = int(cfg.get("neighbourhood", 3))
    parts = []
    for name in names:
        m = maps[name].float()
        if k > 1:
            m = F.avg_pool2d(m, k, stride=1, padding=k // 2, count_include_pad=False)
        if m.shape[-2:] != target:
            m = F.interpolate(m, size=target, mode="bilinear", align_corners=False)
        parts.append(m)
    if channel_count(cfg):  # long dark-line strength per cell (inference.line_channels), on the same grid
        lines = line_channels(batch, cfg)
        lines = lines if lines.shape[-2:] == target else F.interpolate(lines, size=target, mode="nearest")
        # in the backbone maps' memory layout: a mixed-layout cat and the search after it cost ~15 ms on CPU
        layout = torch.channels_last if parts[0].is_contiguous(memory_format=torch.channels_last) else torch.contiguous_format
        parts.append(lines.contiguous(memory_format=layout))
    out = torch.cat(parts, dim=1)
    cells = int(cfg.get("pad", 0)) // 8
    if cells:
        out = out[:, :, cells:-cells, cells:-cells]
    return out


def to_batch(items: Sequence[Prepared], idx: Sequence[int], device: str) -> torch.Tensor:
    arr = np.stack([items[i].tensor for i in idx])
    t = torch.from_numpy(arr).to(device)
    t = t.half() if device.startswith("cuda") else t
    return t.contiguous(memory_format=torch.channels_last)  # the backbone's layout


def backbone_channels(feats: torch.Tensor, cfg: dict[str, Any]) -> torch.Tensor:
    """The backbone's part of patch features (the line channels dropped): what similarity vectors use,
    so vectors stay comparable between models with and without line channels."""
    n = channel_count(cfg)
    return feats[:, : feats.shape[1] - n] if n else feats
