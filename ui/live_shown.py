"""What the Live view draws for one part, prepared off the GUI thread.

Why: colouring the anomaly map and converting a 5 MP frame to a QImage costs ~100 ms; on the GUI
thread that is a visible freeze per part. ``Shown.from_inspection`` runs in a pool thread (QImage,
unlike QPixmap, may be built there), with OpenCV doing the pixel work (it releases the GIL), and the
GUI only turns the prepared images into pixmaps.

With ``fit`` (the view's size in device pixels) the frame and heatmap that get painted are made at
that size, so the GUI thread never scales 5 MP on a repaint and the worker colours ~1 MP instead of
5 MP (numpy holds the GIL in parts of that, which froze the GUI thread too); the full-resolution
frame comes along as ``detail`` for zooming in: converted in the worker while the view is zoomed in
(every part needs it then), otherwise a ``LazyDetail`` converted on the first zoom (one ~10 ms
conversion on the GUI thread then, instead of ~20 MB and a conversion per 5 MP part that nobody
looks at). Everything drawn for a part lives in one frozen ``Shown``, so frame, heatmap, boxes and
verdict always belong to the same result.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
from PySide6.QtGui import QImage

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
    qimage: QImage | None = None  # what is painted: ``image``, or a copy at the view's size (``fit``)
    heat_rgba: QImage | None = None  # the heatmap, at ``qimage``'s size
    buffers: tuple[np.ndarray, ...] = ()  # the pixels the QImages point at (kept alive with them)
    detail: QImage | Callable[[], QImage] | None = None  # ``image`` at full resolution when ``qimage``
    # is a smaller copy: converted already, or a ``LazyDetail`` that converts it when first asked

    @property
    def size(self) -> tuple[int, int]:
        """(w, h) of ``image``: the coordinates of ``regions`` and of the view's scene."""
        return int(self.image.shape[1]), int(self.image.shape[0])

    @property
    def normalized(self) -> float:
        """The one score scale: 1.0 = the image threshold."""
        if self.threshold > 0:
            return self.score / self.threshold
        return float(getattr(self.record, "normalized_score", 0.0))

    @classmethod
    def from_inspection(cls, insp: Any, max_side: int | None = None, *, prepare: bool = True,
                        fit: tuple[int, int] | None = None, eager_detail: bool = True) -> Shown:
        """``max_side``: scale the part itself (kept NG parts); ``fit`` (w, h): paint a copy scaled
        to fit that box, keeping the full-resolution frame as ``detail`` (converted now with
        ``eager_detail``, else when first zoomed into)."""
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
        detail: QImage | Callable[[], QImage] | None = None
        buffers: tuple[np.ndarray, ...] = ()
        if prepare:
            painted, painted_map = image, amap
            h, w = image.shape[:2]
            s = min(fit[0] / w, fit[1] / h) if fit else 1.0
            if s < 0.9:  # a copy at the view's size (not worth it for a few per cent)
                size = (max(1, round(w * s)), max(1, round(h * s)))
                painted = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
                if amap is not None and np.size(amap):
                    painted_map = cv2.resize(np.asarray(amap, np.float32), size, interpolation=cv2.INTER_AREA)
                if eager_detail:
                    detail, dbuf = rgb32_image(image)
                    buffers = (dbuf,)
                else:
                    detail = LazyDetail(image)
            qimage, buf = rgb32_image(painted)
            buffers += (buf,)
            if painted_map is not None and np.size(painted_map):
                heat, hbuf = premultiplied_heat(painted_map, threshold)
                buffers += (hbuf,)
        return cls(insp.record, image, amap, threshold, float(getattr(result, "score", insp.record.score)),
                   regions, qimage, heat, buffers, detail)


class LazyDetail:
    """The full-resolution QImage of a frame, converted on the first call and kept (with the pixels
    it points at) for the later ones."""

    def __init__(self, image: np.ndarray) -> None:
        self._image: np.ndarray | None = image
        self._made: tuple[QImage, np.ndarray] | None = None

    def __call__(self) -> QImage:
        if self._made is None:
            assert self._image is not None
            self._made = rgb32_image(self._image)
            self._image = None
        return self._made[0]

    @property
    def converted(self) -> bool:
        return self._made is not None


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
    """``heatmap_rgba``'s colours and fade, premultiplied by the alpha as the painter blends them.

    The same rule (JET with the threshold at 2/3 of the range, ``heat_fade`` alpha), computed with
    OpenCV calls only: they release the GIL, while numpy's float temporaries on a large map held it
    long enough, in a worker, to freeze the GUI thread. ``beta=-0.5`` makes OpenCV's rounding
    truncate as ``astype(np.uint8)`` does.
    """
    amap = np.asarray(anomaly_map, np.float32)
    scale = 1.5 * float(threshold) if threshold and threshold > 0 else float(cv2.minMaxLoc(amap)[1] or 1.0)
    positive = cv2.threshold(amap, 0.0, 0.0, cv2.THRESH_TOZERO)[1]
    level = cv2.convertScaleAbs(positive, alpha=255.0 / scale, beta=-0.5)  # clip(v, 0, 1) * 255
    fade = cv2.addWeighted(amap, 6.0 * 255.0 / scale, amap, 0.0, -3.0 * 255.0)  # heat_fade(1.5 v) * 255
    alpha = cv2.convertScaleAbs(cv2.threshold(fade, 0.0, 0.0, cv2.THRESH_TOZERO)[1], beta=-0.5)
    colour = cv2.multiply(cv2.applyColorMap(level, cv2.COLORMAP_JET), cv2.merge([alpha, alpha, alpha]),
                          scale=1 / 255.0)
    buf = cv2.merge([*cv2.split(colour), alpha])
    return (QImage(buf.data, buf.shape[1], buf.shape[0], buf.strides[0], QImage.Format.Format_ARGB32_Premultiplied),
            buf)
