"""Anomaly map → defect regions, honouring the prediction parameters (no retraining needed)."""

from __future__ import annotations

import cv2
import numpy as np

from inference.types import PredictParams, Region


def valid_mask(shape: tuple[int, int], ignore_outer: int) -> np.ndarray | None:
    """Pixels that count (False in the ignored border band); None when nothing is ignored."""
    if ignore_outer <= 0:
        return None
    h, w = shape
    m = np.zeros((h, w), dtype=bool)
    b = int(ignore_outer)
    if 2 * b < h and 2 * b < w:
        m[b : h - b, b : w - b] = True
    return m


def find_regions(amap: np.ndarray, params: PredictParams) -> tuple[tuple[Region, ...], float]:
    """Regions of ``amap`` above the pixel threshold, and the image score they imply.

    A region is a connected component of ``amap >= pixel_threshold`` outside the ``ignore_outer`` band.
    Components smaller than ``min_detected_area`` are dropped, and their pixels no longer count towards
    the image score; a kept component is a defect when its peak reaches the image threshold. So the image
    score is the highest anomaly value that still counts, and ``score >= threshold`` exactly when a
    defect region is reported (given ``pixel_threshold <= threshold``).
    """
    valid = valid_mask(amap.shape, params.ignore_outer)
    counted = amap if valid is None else np.where(valid, amap, -np.inf)
    binary = (counted >= params.pixel_threshold).astype(np.uint8)
    if not binary.any():
        score = float(counted.max()) if np.isfinite(counted).any() else 0.0
        return (), max(score, 0.0)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(binary, connectivity=8)
    dropped = np.zeros(n, dtype=bool)
    regions: list[Region] = []
    for lab in range(1, n):
        x, y, w, h, area = (int(v) for v in stats[lab])
        if area < params.min_detected_area:
            dropped[lab] = True
            continue
        box = labels[y : y + h, x : x + w] == lab
        peak = float(counted[y : y + h, x : x + w][box].max())
        if peak >= params.threshold:
            # one score scale everywhere: 1.0 = the image threshold (as the image's own normalised score)
            regions.append(Region(x, y, w, h, area, peak, peak / params.threshold if params.threshold > 0 else 0.0))
    if dropped.any():
        keep = ~dropped[labels]
        keep &= np.isfinite(counted)
        score = float(counted[keep].max()) if keep.any() else 0.0
    else:
        score = float(counted.max())
    regions.sort(key=lambda r: r.score, reverse=True)
    return tuple(regions), max(score, 0.0)
