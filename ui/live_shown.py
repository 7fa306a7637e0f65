"""What the Live view draws for one part, prepared off the GUI thread.

Why: colouring the anomaly map and converting a 5 MP frame to a QImage costs ~100 ms; on the GUI
thread that is a visible freeze per part. ``Shown.from_inspection`` runs in a pool thread (QImage,
unlike QPixmap, may be built there) and the GUI only turns the prepared images into pixmaps.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
from PySide6.QtGui import QImage

from inference.visualize import heatmap_rgba
from widgets.image_convert import bgr_to_qimage

SNAPSHOT_SIDE = 1280  # NG parts kept for the strip are scaled down to this long side


@dataclass(frozen=True, eq=False)
class Shown:
    """One part ready to draw: image, heatmap (both as QImage), boxes, scores."""

    record: Any
    image: np.ndarray
    anomaly_map: np.ndarray | None
    threshold: float
    score: float
    regions: tuple[dict[str, float], ...]
    qimage: QImage | None = None
    heat_rgba: QImage | None = None

    @property
    def normalized(self) -> float:
        """The one score scale: 1.0 = the image threshold."""
        if self.threshold > 0:
            return self.score / self.threshold
        return float(getattr(self.record, "normalized_score", 0.0))

    @classmethod
    def from_inspection(cls, insp: Any, max_side: int | None = None, *, prepare: bool = True) -> Shown:
        result, image = insp.result, insp.image
        amap = getattr(result, "anomaly_map", None)
        regions = tuple({"x": r.x, "y": r.y, "width": r.width, "height": r.height, "score": r.score,
                         "normalized_score": r.normalized_score} for r in getattr(result, "regions", ()))
        h, w = image.shape[:2]
        if max_side and max(h, w) > max_side:
            s = max_side / max(h, w)
            size = (max(1, round(w * s)), max(1, round(h * s)))
            image = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
            if amap is not None:
                amap = cv2.resize(np.asarray(amap, np.float32), size, interpolation=cv2.INTER_AREA)
            regions = tuple({**r, "x": r["x"] * s, "y": r["y"] * s, "width": r["width"] * s,
                             "height": r["height"] * s} for r in regions)
        threshold = float(getattr(result, "threshold", 0.0))
        qimage = heat = None
        if prepare:  # in the formats the raster painter draws directly: no conversion on the GUI thread
            qimage = bgr_to_qimage(image).convertToFormat(QImage.Format.Format_RGB32)
            if amap is not None and np.size(amap):
                heat = bgr_to_qimage(heatmap_rgba(amap, threshold)).convertToFormat(
                    QImage.Format.Format_ARGB32_Premultiplied)
        return cls(insp.record, image, amap, threshold, float(getattr(result, "score", insp.record.score)),
                   regions, qimage, heat)
