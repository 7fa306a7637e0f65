"""Pictures of a result: the heatmap alone, and the image with heatmap overlay, boxes and scores."""

from __future__ import annotations

import cv2
import numpy as np

from inference.imageio import to_bgr
from inference.types import InspectionResult

OK_COLOUR = (80, 180, 60)  # BGR
NG_COLOUR = (40, 40, 230)


def heat_fade(relative: np.ndarray) -> np.ndarray:
    """Overlay weight 0‥1 for an anomaly map divided by the threshold: clear below 75 % of the
    threshold, opaque at it. Normal parts score ~2/3 of the threshold (1.0 on the position-normalised
    scale) and must not look tinted. One rule for the live view, the saved images and the reports."""
    fade = np.array(relative, dtype=np.float32)  # one map-sized copy, then in place
    fade -= np.float32(0.75)
    fade /= np.float32(0.25)
    return np.clip(fade, 0.0, 1.0, out=fade)


def heatmap_rgba(anomaly_map: np.ndarray, threshold: float) -> np.ndarray:
    """BGRA colour map of ``anomaly_map`` for drawing over the image: the JET scale puts the
    threshold at 2/3 of the range (parts just below it show warm, clear defects saturate) and alpha
    follows :func:`heat_fade`. Without a threshold the map's maximum sets the scale."""
    amap = np.asarray(anomaly_map, dtype=np.float32)
    scale = 1.5 * float(threshold) if threshold and threshold > 0 else float(np.max(amap) or 1.0)
    v = np.clip(amap / scale, 0.0, 1.0)
    bgr = cv2.applyColorMap((v * 255).astype(np.uint8), cv2.COLORMAP_JET)
    alpha = (heat_fade(v * 1.5) * 255).astype(np.uint8)
    return np.dstack([bgr, alpha])


def heatmap_image(result: InspectionResult, vmax: float | None = None) -> np.ndarray:
    """JET colour map of the anomaly map, 0 → blue, ``vmax`` (default 1.5 × threshold) → red."""
    top = vmax if vmax and vmax > 0 else 1.5 * result.threshold
    scaled = np.asarray(result.anomaly_map, dtype=np.float32) / np.float32(max(top, 1e-9))
    np.clip(scaled, 0.0, 1.0, out=scaled)
    scaled *= np.float32(255)
    return cv2.applyColorMap(scaled.astype(np.uint8), cv2.COLORMAP_JET)


def annotate(image: np.ndarray, result: InspectionResult, opacity: float = 0.45, boxes: bool = True) -> np.ndarray:
    """The analysed image with the heatmap blended in (where it matters) and one box per region.

    ``image`` may be the reduced working copy of a huge image (``inference.working_image``): the
    regions, in original pixels, are then drawn scaled onto it."""
    base = to_bgr(image).copy()
    if base.shape[:2] != result.anomaly_map.shape:
        raise ValueError(f"image {base.shape[:2]} does not match the result's map {result.anomaly_map.shape}")
    if opacity > 0:
        heat = heatmap_image(result)
        weight = heat_fade(result.anomaly_map / np.float32(max(result.threshold, 1e-9)))
        weight *= np.float32(opacity)
        # blended in uint8 by OpenCV: the float formula made ~11 float copies of the image's size
        # (136 MB at 2048², 1.6 GB at 7000²)
        base = cv2.blendLinear(base, heat, np.float32(1.0) - weight, weight)
    if boxes:
        h, w = base.shape[:2]
        thick = max(1, round(max(h, w) / 300))
        scale = max(0.4, max(h, w) / 900)
        fx, fy = _box_scale(result, (h, w))
        for r in result.regions:
            x, y = int(r.x * fx), int(r.y * fy)
            x1, y1 = max(x, int(round((r.x + r.width) * fx)) - 1), max(y, int(round((r.y + r.height) * fy)) - 1)
            cv2.rectangle(base, (x, y), (x1, y1), NG_COLOUR, thick)
            label = f"{r.score / max(result.threshold, 1e-9):.2f}"
            (tw, th), _ = cv2.getTextSize(label, cv2.FONT_HERSHEY_SIMPLEX, scale, thick)
            ty = y - 4 if y - th - 6 >= 0 else min(h - 2, y1 + th + 5)
            cv2.rectangle(base, (x, ty - th - 3), (x + tw + 4, ty + 3), NG_COLOUR, -1)
            cv2.putText(base, label, (x + 2, ty), cv2.FONT_HERSHEY_SIMPLEX, scale, (255, 255, 255), thick,
                        cv2.LINE_AA)
    return base


def _box_scale(result: InspectionResult, drawn: tuple[int, int]) -> tuple[float, float]:
    """Image-pixel → drawn-pixel factors (1, 1 unless the drawing is a reduced copy)."""
    shape = getattr(result, "image_shape", None) or drawn
    return drawn[1] / max(1, int(shape[1])), drawn[0] / max(1, int(shape[0]))
