"""Procedural defects pasted on OK images: the self-check a line engineer gets before any NG exists.

Six kinds that real inspection finds (thin cracks, scratches, pits / blowholes, stains, edge chips,
brightness patches), sized from a few pixels to a few per cent of the part and placed inside the part
(``part_mask``: the object against a uniform background, else the whole frame). Each returns the
image and a mask of exactly the pixels it changed, so callers can score catch rate and localisation.
Contrast follows the local surface (dark defects darken by a fraction, bright ones add a fraction of
the headroom), so they look like defects on dark and bright, grey and colour parts alike.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence

import cv2
import numpy as np

KINDS = ("crack", "scratch", "pit", "stain", "edge_chip", "brightness")


def part_mask(bgr: np.ndarray) -> np.ndarray:
    """uint8 0/255: the part. An object on a uniform background → its hull; else the whole image."""
    img = bgr if bgr.ndim == 3 else cv2.cvtColor(bgr, cv2.COLOR_GRAY2BGR)
    h, w = img.shape[:2]
    whole = np.full((h, w), 255, np.uint8)
    b = max(2, min(h, w) // 64)
    frame = np.concatenate([img[:b].reshape(-1, 3), img[-b:].reshape(-1, 3), img[:, :b].reshape(-1, 3),
                            img[:, -b:].reshape(-1, 3)]).astype(np.float32)
    ref = np.median(frame, axis=0)
    dev_frame = np.linalg.norm(frame - ref, axis=1)
    if np.percentile(dev_frame, 90) > 25:  # the border is textured: the part fills the frame
        return whole
    tol = max(24.0, 3 * float(np.percentile(dev_frame, 90)))
    dev = np.linalg.norm(img.astype(np.float32) - ref, axis=2)
    fg = (dev > tol).astype(np.uint8) * 255
    k = max(3, min(h, w) // 100) | 1
    fg = cv2.morphologyEx(fg, cv2.MORPH_OPEN, np.ones((k, k), np.uint8))
    n, labels, st, _ = cv2.connectedComponentsWithStats(fg, connectivity=8)
    keep = [i for i in range(1, n) if st[i, cv2.CC_STAT_AREA] >= 0.01 * h * w]
    if not keep:
        return whole
    pts = np.column_stack(np.nonzero(np.isin(labels, keep)))[:, ::-1].astype(np.int32)
    hull = cv2.convexHull(pts)
    out = np.zeros((h, w), np.uint8)
    cv2.fillConvexPoly(out, hull, 255)
    frac = out.mean() / 255
    if frac < 0.03 or frac > 0.97:
        return whole
    return out


def _inner(mask: np.ndarray, margin: int) -> np.ndarray:
    if margin <= 0:
        return mask
    return cv2.erode(mask, np.ones((2 * margin + 1, 2 * margin + 1), np.uint8))


def _point_in(mask: np.ndarray, rng: np.random.Generator) -> tuple[int, int]:
    ys, xs = np.nonzero(mask)
    i = int(rng.integers(len(xs)))
    return int(xs[i]), int(ys[i])


def _scale(mask: np.ndarray) -> float:
    """Characteristic size of the part in pixels (side of a square of the same area)."""
    return math.sqrt(max(1.0, float((mask > 0).sum())))


def _stroke_mask(shape: tuple[int, ...], pts: np.ndarray, thickness: int) -> np.ndarray:
    m = np.zeros(shape, np.uint8)
    cv2.polylines(m, [pts.astype(np.int32).reshape(-1, 1, 2)], False, 255, thickness, lineType=cv2.LINE_8)
    return m


def _apply_dark(img: np.ndarray, alpha: np.ndarray, depth: float) -> np.ndarray:
    return img * (1 - depth * alpha[..., None])


def _apply_bright(img: np.ndarray, alpha: np.ndarray, amount: float) -> np.ndarray:
    return img + amount * (255 - img) * alpha[..., None]


def _crack(img: np.ndarray, part: np.ndarray, rng: np.random.Generator, s: float) -> tuple[np.ndarray, np.ndarray]:
    h, w = part.shape
    length = rng.uniform(0.08, 0.3) * s
    x0, y0 = _point_in(part, rng)
    x, y = float(x0), float(y0)
    ang = rng.uniform(0, 2 * np.pi)
    pts, walked = [(x, y)], 0.0
    step = max(2.0, s / 60)
    while walked < length:
        ang += rng.normal(0, 0.5)
        x, y = x + step * math.cos(ang), y + step * math.sin(ang)
        if not (0 <= x < w and 0 <= y < h) or part[int(y), int(x)] == 0:
            break
        pts.append((x, y))
        walked += step
    if len(pts) < 3:
        pts = [(pts[0][0] + i, pts[0][1]) for i in range(3)]
    m = _stroke_mask(part.shape, np.array(pts), max(1, int(round(s / 300))))
    return _apply_dark(img, (m > 0).astype(np.float32), rng.uniform(0.45, 0.75)), m


def _scratch(img: np.ndarray, part: np.ndarray, rng: np.random.Generator, s: float) -> tuple[np.ndarray, np.ndarray]:
    h, w = part.shape
    x0, y0 = _point_in(part, rng)
    length = rng.uniform(0.1, 0.35) * s
    ang = rng.uniform(0, 2 * np.pi)
    x2, y2 = x0 + length * math.cos(ang), y0 + length * math.sin(ang)
    bend = rng.normal(0, 0.15) * length
    cx, cy = (x0 + x2) / 2 - bend * math.sin(ang), (y0 + y2) / 2 + bend * math.cos(ang)
    t = np.linspace(0, 1, 40)[:, None]
    pts = (1 - t) ** 2 * np.array([x0, y0]) + 2 * (1 - t) * t * np.array([cx, cy]) + t**2 * np.array([x2, y2])
    pts = pts[(pts[:, 0] >= 0) & (pts[:, 0] < w) & (pts[:, 1] >= 0) & (pts[:, 1] < h)]
    m = _stroke_mask(part.shape, pts, max(1, int(round(s / 400))))
    m &= part
    a = (m > 0).astype(np.float32)
    if rng.random() < 0.5:
        return _apply_bright(img, a, rng.uniform(0.5, 0.8)), m
    return _apply_dark(img, a, rng.uniform(0.45, 0.7)), m


def _pit(img: np.ndarray, part: np.ndarray, rng: np.random.Generator, s: float) -> tuple[np.ndarray, np.ndarray]:
    r = rng.uniform(max(2.0, 0.01 * s), max(3.0, 0.045 * s))
    x, y = _point_in(_inner(part, int(r) + 1), rng) if _inner(part, int(r) + 1).any() else _point_in(part, rng)
    m = np.zeros(part.shape, np.uint8)
    axes = (max(1, int(r)), max(1, int(r * rng.uniform(0.6, 1.0))))
    cv2.ellipse(m, (x, y), axes, rng.uniform(0, 180), 0, 360, 255, -1)
    m &= part
    core = (m > 0).astype(np.float32)
    out = _apply_dark(img, core, rng.uniform(0.55, 0.8))
    rim = np.asarray(cv2.dilate(m, np.ones((3, 3), np.uint8)), np.uint8) & ~m & part  # the lit edge of a hole
    out = _apply_bright(out, (rim > 0).astype(np.float32), 0.3)
    return out, cv2.bitwise_or(m, rim)


def _blob(shape: tuple[int, ...], x: float, y: float, r: float, rng: np.random.Generator) -> np.ndarray:
    h, w = shape
    field = np.zeros(shape, np.float32)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    for _ in range(int(rng.integers(3, 7))):
        cx, cy = x + rng.normal(0, 0.5 * r), y + rng.normal(0, 0.5 * r)
        rr = r * rng.uniform(0.4, 0.8)
        field += np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * rr * rr))
    return field


def _stain(img: np.ndarray, part: np.ndarray, rng: np.random.Generator, s: float) -> tuple[np.ndarray, np.ndarray]:
    r = rng.uniform(0.03, 0.08) * s
    x, y = _point_in(part, rng)
    field = _blob(part.shape, x, y, r, rng)
    m = ((field > 0.6) & (part > 0)).astype(np.uint8) * 255
    soft = cv2.GaussianBlur((m > 0).astype(np.float32), (0, 0), max(0.8, r / 8))
    alpha = (0.5 + 0.5 * soft) * (m > 0)  # a darker core, a faded but still visible rim
    colour = float(np.abs(img[..., 0] - img[..., 2]).mean()) > 3
    tint = np.array([0.55, 0.7, 0.9], np.float32) if colour and rng.random() < 0.7 else \
        np.full(3, 0.5, np.float32)  # rust / oil brown on colour, plain darkening otherwise
    tint = 1 - (1 - tint) * rng.uniform(0.9, 1.2)
    out = img * (1 - alpha[..., None] * (1 - tint))
    return out, m


def _edge_chip(img: np.ndarray, part: np.ndarray, rng: np.random.Generator, s: float) -> tuple[np.ndarray, np.ndarray]:
    contours, _ = cv2.findContours(part, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    c = max(contours, key=len).reshape(-1, 2)
    h, w = part.shape
    px, py = c[int(rng.integers(len(c)))]
    r = rng.uniform(0.02, 0.06) * s
    n = int(rng.integers(5, 9))
    angles = np.sort(rng.uniform(0, 2 * np.pi, n))
    poly = np.stack([px + r * rng.uniform(0.5, 1.0, n) * np.cos(angles),
                     py + r * rng.uniform(0.5, 1.0, n) * np.sin(angles)], 1)
    m = np.zeros((h, w), np.uint8)
    cv2.fillPoly(m, [poly.astype(np.int32)], 255)
    m &= part
    if not m.any():
        m[max(0, py - 1) : py + 2, max(0, px - 1) : px + 2] = 255
        m &= part
    whole = part.all()
    # a chip shows what is behind the part: the background, or for frame-filling parts a dark void
    bg = img[part == 0].mean(0) if not whole else img[m > 0].mean(0) * 0.25
    if np.abs(img[m > 0].mean(0) - bg).max() < 40:
        bg = img[m > 0].mean(0) * 0.3 if img[m > 0].mean() > 80 else img[m > 0].mean(0) + 100
    out = img.copy()
    out[m > 0] = np.clip(bg, 0, 255)
    return out, m


def _brightness(img: np.ndarray, part: np.ndarray, rng: np.random.Generator, s: float) -> tuple[np.ndarray, np.ndarray]:
    r = rng.uniform(0.05, 0.12) * s
    x, y = _point_in(part, rng)
    h, w = part.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    rx, ry = r, r * rng.uniform(0.5, 1.0)
    a = math.radians(rng.uniform(0, 180))
    u = ((xx - x) * math.cos(a) + (yy - y) * math.sin(a)) / rx
    v = (-(xx - x) * math.sin(a) + (yy - y) * math.cos(a)) / ry
    alpha = np.exp(-(u * u + v * v) ** 2) * (part > 0)  # flat top, soft edge
    gain = rng.uniform(0.35, 0.55) * (1 if rng.random() < 0.5 else -1)
    out = img * (1 + gain * alpha[..., None]) if gain < 0 else _apply_bright(img, alpha.astype(np.float32), gain)
    m = (alpha > 0.2).astype(np.uint8) * 255  # the soft edge is part of the defect
    return out, m


_Maker = Callable[[np.ndarray, np.ndarray, np.random.Generator, float], tuple[np.ndarray, np.ndarray]]
_MAKERS: dict[str, _Maker] = {"crack": _crack, "scratch": _scratch, "pit": _pit, "stain": _stain, "edge_chip": _edge_chip,
           "brightness": _brightness}


def make_defect(bgr: np.ndarray, kind: str, rng: np.random.Generator, part: np.ndarray | None = None,
                ) -> tuple[np.ndarray, np.ndarray]:
    """(defective copy of ``bgr`` (same shape and dtype uint8), uint8 0/255 mask of changed pixels)."""
    if kind not in _MAKERS:
        raise ValueError(f"unknown defect kind {kind!r}; known: {', '.join(KINDS)}")
    grey = bgr.ndim == 2
    img = cv2.cvtColor(bgr, cv2.COLOR_GRAY2BGR) if grey else bgr
    part = part_mask(img) if part is None else part
    inner = part if kind == "edge_chip" else _inner(part, max(1, int(0.02 * min(part.shape))))
    if not inner.any():
        inner = part
    out, mask = _MAKERS[kind](img.astype(np.float32), inner, rng, _scale(part))
    out = np.clip(out, 0, 255).astype(np.uint8)
    changed = np.abs(out.astype(np.int16) - img.astype(np.int16)).max(axis=2) > 0
    mask = ((mask > 0) & changed).astype(np.uint8) * 255
    if grey:
        out = cv2.cvtColor(out, cv2.COLOR_BGR2GRAY)
    return out, mask


def defective_copies(images: Sequence[np.ndarray], per_image: int, rng: np.random.Generator,
                     check: Callable[[], None] | None = None) -> Iterator[tuple[int, str, np.ndarray, np.ndarray]]:
    """(source index, kind, defective copy, mask) for ``per_image`` copies of each image, the kinds in
    turn; copies where nothing changed are skipped. ``check()`` runs per image (it may raise to cancel)."""
    j = 0
    for i, im in enumerate(images):
        if check is not None:
            check()
        part = part_mask(im if im.ndim == 3 else np.dstack([im] * 3))
        for _ in range(per_image):
            kind = KINDS[j % len(KINDS)]
            j += 1
            defective, mask = make_defect(im, kind, rng, part)
            if mask.any():
                yield i, kind, defective, mask
