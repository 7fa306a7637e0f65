"""Procedurally drawn sample parts: a machined disc with turning marks, good or with a defect.

Why: the station ships no third-party images, yet a first-time user should be able to see the
whole flow (train → live → history) in a minute. These images are drawn from a seed, so the
sample is the same on every machine. ``tools/make_sample_images.py`` writes them to folders.
"""

from __future__ import annotations

import math
from pathlib import Path

import cv2
import numpy as np

DEFECTS = ("scratch", "dent", "chip", "stain")


def _disc(rng: np.random.Generator, size: int) -> np.ndarray:
    """A good part: bright turned disc with concentric tool marks and a centre bore, on a dark belt."""
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32)
    jitter = rng.normal(0, size * 0.006, 2)
    cx, cy = size / 2 + jitter[0], size / 2 + jitter[1]
    r = np.hypot(xx - cx, yy - cy)
    outer, bore = size * 0.42, size * 0.12
    belt = 38 + rng.normal(0, 4, (size, size)).astype(np.float32)
    phase = rng.uniform(0, 2 * math.pi)
    rings = 8 * np.sin(r * 1.7 + phase) + 4 * np.sin(r * 0.31 + 2 * phase)
    angle = np.arctan2(yy - cy, xx - cx)
    light = 22 * np.cos(angle - rng.uniform(-0.3, 0.3) - math.pi / 4)  # light from the top left
    metal = 150 + rings + light + rng.normal(0, 3, (size, size)).astype(np.float32)
    img = np.where(r <= outer, metal, belt)
    chamfer = (r > outer - size * 0.015) & (r <= outer)
    img = np.where(chamfer, img - 35, img)
    img = np.where(r <= bore, 25 + rng.normal(0, 2, (size, size)), img)
    bore_edge = (r > bore) & (r <= bore + size * 0.012)
    img = np.where(bore_edge, img + 45, img)
    # Four bolt holes on a pitch circle, rotated a little from part to part.
    rot = rng.uniform(-0.05, 0.05)
    for k in range(4):
        a = rot + k * math.pi / 2
        hx, hy = cx + size * 0.28 * math.cos(a), cy + size * 0.28 * math.sin(a)
        cv2.circle(img, (round(hx), round(hy)), max(2, round(size * 0.035)), 30.0, -1, cv2.LINE_AA)
    img = cv2.GaussianBlur(img.astype(np.float32), (3, 3), 0)
    grey = np.clip(img, 0, 255).astype(np.uint8)
    tint = np.array([1.0, 0.98, 0.94], np.float32)  # slightly warm steel
    return np.clip(grey[..., None].astype(np.float32) * tint, 0, 255).astype(np.uint8)


def _defect(img: np.ndarray, rng: np.random.Generator, kind: str) -> np.ndarray:
    size = img.shape[0]
    out = img.copy()
    cx = cy = size / 2
    a = rng.uniform(0, 2 * math.pi)
    rad = rng.uniform(0.2, 0.36) * size
    px, py = int(cx + rad * math.cos(a)), int(cy + rad * math.sin(a))
    if kind == "scratch":
        length = rng.uniform(0.12, 0.25) * size
        b = rng.uniform(0, math.pi)
        p2 = (int(px + length * math.cos(b)), int(py + length * math.sin(b)))
        cv2.line(out, (px, py), p2, (235, 235, 235), max(1, size // 160), cv2.LINE_AA)
        cv2.line(out, (px + 1, py + 1), (p2[0] + 1, p2[1] + 1), (70, 70, 70), 1, cv2.LINE_AA)
    elif kind == "dent":
        r = max(3, int(rng.uniform(0.025, 0.045) * size))
        cv2.circle(out, (px, py), r, (60, 60, 62), -1, cv2.LINE_AA)
        cv2.circle(out, (px - r // 3, py - r // 3), max(1, r // 3), (210, 210, 210), -1, cv2.LINE_AA)
    elif kind == "chip":  # a bite out of the rim
        rim = 0.42 * size
        qx, qy = int(cx + rim * math.cos(a)), int(cy + rim * math.sin(a))
        cv2.circle(out, (qx, qy), max(4, int(0.05 * size)), (38, 38, 38), -1, cv2.LINE_AA)
    elif kind == "stain":
        mask = np.zeros(out.shape[:2], np.float32)
        axes = (max(4, int(rng.uniform(0.04, 0.07) * size)), max(3, int(rng.uniform(0.025, 0.05) * size)))
        cv2.ellipse(mask, (px, py), axes, float(np.degrees(a)), 0, 360, 1.0, -1, cv2.LINE_AA)
        mask = cv2.GaussianBlur(mask, (0, 0), size / 120)[..., None]
        stain = np.array([40, 90, 150], np.float32)  # rust-brown
        out = np.clip(out * (1 - 0.65 * mask) + stain * 0.65 * mask, 0, 255).astype(np.uint8)
    else:
        raise ValueError(f"unknown defect kind {kind!r}; choose from {', '.join(DEFECTS)}")
    return out


def make_part(seed: int, size: int = 256, defect: str | None = None) -> np.ndarray:
    """One BGR part image; ``defect`` one of :data:`DEFECTS` or ``None`` for a good part."""
    rng = np.random.default_rng(seed)
    img = _disc(rng, size)
    return _defect(img, rng, defect) if defect else img


def write_sample_set(root: str | Path, n_good: int = 30, n_test_good: int = 10, n_per_defect: int = 4,
                     size: int = 256, seed: int = 7) -> dict[str, Path]:
    """Write ``train/good``, ``test/good`` and ``test/<defect>`` folders (MVTec layout) of PNGs.

    Returns the folders: ``{"train": ..., "test": ..., "ng": <folder with every defect>}``.
    """
    root = Path(root)
    train, test_good, ng = root / "train" / "good", root / "test" / "good", root / "ng"
    for d in (train, test_good, ng):
        d.mkdir(parents=True, exist_ok=True)
    for i in range(n_good):
        cv2.imwrite(str(train / f"part_{i:03d}.png"), make_part(seed * 10_000 + i, size))
    for i in range(n_test_good):
        cv2.imwrite(str(test_good / f"part_{i:03d}.png"), make_part(seed * 10_000 + 5_000 + i, size))
    for k, kind in enumerate(DEFECTS):
        d = root / "test" / kind
        d.mkdir(parents=True, exist_ok=True)
        for i in range(n_per_defect):
            img = make_part(seed * 10_000 + 7_000 + k * 100 + i, size, kind)
            cv2.imwrite(str(d / f"{kind}_{i:03d}.png"), img)
            cv2.imwrite(str(ng / f"{kind}_{i:03d}.png"), img)
    return {"train": train, "test": root / "test", "ng": ng}
