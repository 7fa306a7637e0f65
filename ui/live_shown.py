"""What the Live view draws for one part, prepared off the GUI thread.

Why: colouring the anomaly map and converting a 5 MP frame to a QImage costs ~100 ms; on the GUI
thread that is a visible freeze per part. ``Shown.from_inspection`` runs in a pool thread (QImage,
unlike QPixmap, may be built there), with OpenCV doing the pixel work (it releases the GIL), and the
GUI only turns the prepared images into pixmaps.
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
    buffers: tuple[np.ndarray, ...] = ()  # the pixels the QImages point at (kept alive with them)

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
        shape = getattr(result, "image_shape", None)
        if shape and (int(shape[0]), int(shape[1])) != (h, w):  # a huge image judged at a working size:
            fx, fy = w / max(1, int(shape[1])), h / max(1, int(shape[0]))  # regions are original pixels
            regions = tuple({**r, "x": r["x"] * fx, "y": r["y"] * fy, "width": r["width"] * fx,
                             "height": r["height"] * fy} for r in regions)
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
        buffers: tuple[np.ndarray, ...] = ()
        if prepare:
            qimage, buf = rgb32_image(image)
            buffers = (buf,)
            if amap is not None and np.size(amap):
                heat, hbuf = premultiplied_heat(amap, threshold)
                buffers += (hbuf,)
        return cls(insp.record, image, amap, threshold, float(getattr(result, "score", insp.record.score)),
                   regions, qimage, heat, buffers)


def rgb32_image(image: np.ndarray) -> tuple[QImage, np.ndarray]:
    """A QImage in the raster painter's own format (no conversion when drawn) over a numpy buffer.

    Built with OpenCV, which releases the GIL: Qt's own conversions hold it, and a 5 MP frame
    converted in a worker stalled the GUI thread for ~70 ms. Keep the buffer alive with the image.
    """
    if image.dtype != np.uint8:
        q = bgr_to_qimage(image).convertToFormat(QImage.Format.Format_RGB32)
        return q, np.empty(0, np.uint8)
    code = cv2.COLOR_GRAY2BGRA if image.ndim == 2 or image.shape[2] == 1 else (
        cv2.COLOR_BGR2BGRA if image.shape[2] == 3 else None)
    buf = np.ascontiguousarray(image) if code is None else cv2.cvtColor(image, code)
    return QImage(buf.data, buf.shape[1], buf.shape[0], buf.strides[0], QImage.Format.Format_RGB32), buf


def premultiplied_heat(anomaly_map: np.ndarray, threshold: float) -> tuple[QImage, np.ndarray]:
    """The coloured heatmap (``heatmap_rgba``) premultiplied by its alpha, as the painter blends it."""
    rgba = heatmap_rgba(anomaly_map, threshold)
    alpha = np.ascontiguousarray(rgba[..., 3])
    colour = cv2.multiply(np.ascontiguousarray(rgba[..., :3]), cv2.merge([alpha, alpha, alpha]), scale=1 / 255.0)
    buf = np.ascontiguousarray(np.dstack([colour, alpha]))
    return (QImage(buf.data, buf.shape[1], buf.shape[0], buf.strides[0], QImage.Format.Format_ARGB32_Premultiplied),
            buf)
