"""Locate the part and bring it to one pose and frame before the network (PatchCore's ``align``).

Why: a machine-vision tool starts by finding the part. Parts that arrive at any angle and place (a
screw on a tray) give a memory bank that must hold every orientation of every detail, a position
profile that means nothing, and a frame spent mostly on background: at the 256² pixel budget a
screw's thread is a few pixels. Rotating each part to its principal axis, centring it and cropping
the frame to the part's extent fixes all three (screw, 3 seeds: image AUROC 0.83 → 0.92,
docs/engine.md).

Method (classical, no learning): Otsu threshold of a ≤ 256-px grey copy, the polarity that makes
the image border background, the largest connected component = the part. Its centroid is the
position, the principal axis of its second moments the orientation (mod 180°), and the sign of the
third moment along that axis (the heavier end, e.g. a screw head) resolves the remaining 180°.

Training decides from the OK images (``fit_alignment``): nothing changes unless ≥ 90 % of them show
one isolated part (one component holding ≥ 80 % of the foreground, on ≤ 10 % of the image border,
≤ 75 % of the frame); rotation only when the part is elongated (axis ratio ≥ 1.5, so its axis is defined) and
its OK orientations spread by more than 10°; the frame (in fractions of the image's width and
height, so reduced reads keep it) is the largest aligned extent of the OK parts plus a margin, and
it is used only when it crops something (≤ 85 % of the image area) or rotation is on. A part that
cannot be located at prediction is analysed with the frame at the image centre, unrotated (a
missing or broken part then scores as the anomaly it is).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np

ANALYSIS_SIDE = 256  # pose from a copy this small: ~1 ms, and the moments barely change
MIN_LOCATED = 0.9  # of the OK images must show one isolated part
MIN_SHARE = 0.8  # of the foreground in the largest component
MAX_BORDER = 0.1  # of the border pixels may belong to the part (a long part may run off the image)
AREA_RANGE = (0.001, 0.75)  # of the frame
MIN_ELONGATION = 1.5  # axis ratio below which the orientation is noise
MIN_ANGLE_SPREAD = 10.0  # degrees (circular sd of the axis) before rotating pays
MARGIN = 0.1  # relative margin around the largest aligned extent
MAX_CROP_AREA = 0.85  # a frame bigger than this share of the image is not worth a crop
MAX_FRAME = 1.5  # frame side / image side: a turned long part may need more than the image's width


@dataclass(frozen=True)
class Pose:
    """Where the part is in an image (pixels of that image) and which way it points."""

    cx: float
    cy: float
    angle: float  # degrees, the part's axis (head → tip): atan2 in image coordinates (y down), clockwise on screen
    elongation: float
    area: float  # share of the frame
    # the centre of the part's extent along its axis (u) and across it (v), relative to the centroid, in the
    # frame's axes (rotated when ``rotate``): the frame is centred on the extent, not the centroid
    du: float = 0.0
    dv: float = 0.0
    du_rot: float = 0.0
    dv_rot: float = 0.0


def _foreground(gray: np.ndarray) -> np.ndarray:
    g = cv2.GaussianBlur(gray, (5, 5), 0)
    _, m = cv2.threshold(g, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    border = np.concatenate([m[0], m[-1], m[:, 0], m[:, -1]])
    return (m == 0) if (border > 0).mean() > 0.5 else (m > 0)


def locate(bgr: np.ndarray) -> Pose | None:
    """The part's pose, or None when the image does not show one isolated part on a background."""
    found = _analyse(bgr)
    return found[0] if found is not None else None


def _analyse(bgr: np.ndarray) -> tuple[Pose, np.ndarray, np.ndarray] | None:
    """The pose and the part's pixel coordinates (x, y in full-resolution pixels), or None."""
    gray = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY) if bgr.ndim == 3 else bgr
    h, w = gray.shape[:2]
    s = min(1.0, ANALYSIS_SIDE / max(h, w))
    small = cv2.resize(gray, (max(1, round(w * s)), max(1, round(h * s))), interpolation=cv2.INTER_AREA) if s < 1 else gray
    fg = _foreground(small)
    total = int(fg.sum())
    if total == 0:
        return None
    n, labels, st, _ = cv2.connectedComponentsWithStats(fg.astype(np.uint8), connectivity=8)
    if n < 2:
        return None
    k = 1 + int(np.argmax(st[1:, cv2.CC_STAT_AREA]))
    part = labels == k
    size = int(st[k, cv2.CC_STAT_AREA])
    area = size / part.size
    border = np.concatenate([part[0], part[-1], part[:, 0], part[:, -1]]).mean()
    if size < MIN_SHARE * total or border > MAX_BORDER or not AREA_RANGE[0] <= area <= AREA_RANGE[1]:
        return None
    ys, xs = np.nonzero(part)
    cx, cy = float(xs.mean()), float(ys.mean())
    x, y = xs - cx, ys - cy
    mu20, mu02, mu11 = float((x * x).mean()), float((y * y).mean()), float((x * y).mean())
    theta = 0.5 * math.atan2(2 * mu11, mu20 - mu02)
    d = math.sqrt(0.25 * (mu20 - mu02) ** 2 + mu11 ** 2)
    l1, l2 = 0.5 * (mu20 + mu02) + d, 0.5 * (mu20 + mu02) - d
    t = x * math.cos(theta) + y * math.sin(theta)
    if float((t**3).mean()) < 0:  # the long tail (e.g. a screw's tip) points along +axis
        theta += math.pi
    def full(v: np.ndarray | float) -> Any:  # analysis pixels → image pixels (pixel centres)
        return (v + 0.5) / s - 0.5

    fx, fy = full(xs.astype(np.float64)), full(ys.astype(np.float64))
    pcx, pcy = full(cx), full(cy)
    c, s_ = math.cos(theta), math.sin(theta)
    u = (fx - pcx) * c + (fy - pcy) * s_
    v = -(fx - pcx) * s_ + (fy - pcy) * c
    pose = Pose(cx=pcx, cy=pcy, angle=math.degrees(theta), elongation=math.sqrt(l1 / max(l2, 1e-9)), area=area,
                du=float(fx.max() + fx.min()) / 2 - pcx, dv=float(fy.max() + fy.min()) / 2 - pcy,
                du_rot=float(u.max() + u.min()) / 2, dv_rot=float(v.max() + v.min()) / 2)
    return pose, fx, fy


def frame_size(shape: tuple[int, int], cfg: dict[str, Any]) -> tuple[int, int]:
    """(h, w) of the canonical frame for an image of ``shape`` (the frame is stored as fractions)."""
    h, w = shape
    fh = max(8, int(round(float(cfg.get("align_height", 1.0)) * h)))
    fw = max(8, int(round(float(cfg.get("align_width", 1.0)) * w)))
    return fh, fw


def matrix(pose: Pose | None, shape: tuple[int, int], frame: tuple[int, int], rotate: bool) -> np.ndarray:
    """Image pixels → frame pixels: rotate about the part's centroid so its axis points along +x
    (when ``rotate``), and put the centre of its extent at the frame's centre. No pose: the image centre, unrotated."""
    h, w = shape
    fh, fw = frame
    if pose is None:
        cx, cy, angle, du, dv = (w - 1) / 2, (h - 1) / 2, 0.0, 0.0, 0.0
    elif rotate:
        cx, cy, angle, du, dv = pose.cx, pose.cy, pose.angle, pose.du_rot, pose.dv_rot
    else:
        cx, cy, angle, du, dv = pose.cx, pose.cy, 0.0, pose.du, pose.dv
    # our angle is atan2 in image coordinates (y down); cv2 turns the content by +angle on screen,
    # which brings that axis onto +x
    m = cv2.getRotationMatrix2D((cx, cy), angle, 1.0)
    m[0, 2] += (fw - 1) / 2 - cx - du
    m[1, 2] += (fh - 1) / 2 - cy - dv
    return m


def to_frame(img: np.ndarray, cfg: dict[str, Any]) -> tuple[np.ndarray, np.ndarray | None]:
    """The image in the canonical frame and the matrix used (None when alignment is off)."""
    mode = cfg.get("align", "none")
    if mode not in ("translate", "rotate"):
        return img, None
    shape = img.shape[:2]
    frame = frame_size(shape, cfg)
    m = matrix(locate(img), shape, frame, rotate=mode == "rotate")
    out = cv2.warpAffine(img, m, (frame[1], frame[0]), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    return out, m


def from_frame(amap: np.ndarray, m: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """A map in the canonical frame back onto the image of ``shape`` (outside the frame: 0)."""
    return cv2.warpAffine(amap, m, (shape[1], shape[0]), flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
                          borderMode=cv2.BORDER_CONSTANT, borderValue=0.0)


def mask_to_frame(mask: np.ndarray, m: np.ndarray | None, frame: tuple[int, int]) -> np.ndarray:
    """A float mask of the image → the canonical frame (identity without alignment)."""
    if m is None:
        return mask
    return cv2.warpAffine(mask, m, (frame[1], frame[0]), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                          borderValue=0.0)


def _angle_spread(angles: Sequence[float]) -> float:
    """Circular standard deviation of axis angles (degrees; directions mod 360)."""
    a = np.radians(np.asarray(angles, dtype=np.float64))
    r = float(np.hypot(np.cos(a).mean(), np.sin(a).mean()))
    return float(np.degrees(math.sqrt(-2 * math.log(max(r, 1e-12)))))


def fit_alignment(images: Sequence[np.ndarray]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Decide alignment from OK images (already ROI-cropped): the parameters to store and the stats."""
    analysed = [_analyse(im) for im in images]
    found = [(r, im.shape[:2]) for r, im in zip(analysed, images, strict=True) if r is not None]
    stats: dict[str, Any] = {"align_located": len(found), "align_images": len(images)}
    off = {"align": "none", "align_width": 1.0, "align_height": 1.0}
    if not images or len(found) < MIN_LOCATED * len(images):
        stats["align_note"] = "no single isolated part on a background in most OK images: not aligned"
        return off, stats
    elong = float(np.median([r[0].elongation for r, _ in found]))
    spread = _angle_spread([r[0].angle for r, _ in found])
    rotate = elong >= MIN_ELONGATION and spread > MIN_ANGLE_SPREAD
    stats.update({"align_elongation": round(elong, 3), "align_angle_spread": round(spread, 1)})
    # the largest aligned extent of the located parts, as fractions of their image
    ext_w = ext_h = 0.0
    for (p, xs, ys), (h, w) in found:
        a = math.radians(p.angle) if rotate else 0.0
        u = (xs - p.cx) * math.cos(a) + (ys - p.cy) * math.sin(a)
        v = -(xs - p.cx) * math.sin(a) + (ys - p.cy) * math.cos(a)
        ext_w = max(ext_w, float(u.max() - u.min() + 1) / w)
        ext_h = max(ext_h, float(v.max() - v.min() + 1) / h)
    fw = min(ext_w * (1 + MARGIN) + 16 / found[0][1][1], MAX_FRAME)
    fh = min(ext_h * (1 + MARGIN) + 16 / found[0][1][0], MAX_FRAME)
    if not rotate and fw * fh > MAX_CROP_AREA:
        stats["align_note"] = "the part fills the frame and does not rotate: not aligned"
        return off, stats
    stats["align_note"] = ("rotated to its axis, centred and cropped" if rotate else "centred and cropped")
    stats["align_mode"] = "rotate" if rotate else "translate"
    return {"align": "rotate" if rotate else "translate", "align_width": round(fw, 4),
            "align_height": round(fh, 4)}, stats
