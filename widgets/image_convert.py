"""numpy (OpenCV order) ⇄ Qt images, and a label that shows a pixmap scaled to fit."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy


def bgr_to_qimage(image: np.ndarray) -> QImage:
    """A deep-copied QImage of an H×W grey or H×W×3 BGR uint8 array (BGRA keeps alpha)."""
    if image is None or not isinstance(image, np.ndarray) or image.ndim not in (2, 3):
        raise ValueError("expected an H×W or H×W×C uint8 array")
    if image.dtype != np.uint8:
        image = np.clip(image / (257.0 if image.dtype == np.uint16 else 1.0), 0, 255).astype(np.uint8)
    image = np.ascontiguousarray(image)
    h, w = image.shape[:2]
    if image.ndim == 2:
        return QImage(image.data, w, h, image.strides[0], QImage.Format.Format_Grayscale8).copy()
    channels = image.shape[2]
    if channels == 1:
        return bgr_to_qimage(image[:, :, 0])
    if channels == 3:
        return QImage(image.data, w, h, image.strides[0], QImage.Format.Format_BGR888).copy()
    if channels == 4:
        rgba = np.ascontiguousarray(image[:, :, [2, 1, 0, 3]])
        return QImage(rgba.data, w, h, rgba.strides[0], QImage.Format.Format_RGBA8888).copy()
    raise ValueError(f"unsupported channel count {channels}")


def thumbnail(image: np.ndarray, size: int = 64) -> QImage:
    """A small QImage (long side ``size``) for table decorations; cheap to build in a worker."""
    import cv2

    h, w = image.shape[:2]
    scale = size / max(h, w)
    if scale < 1:
        image = cv2.resize(image, (max(1, round(w * scale)), max(1, round(h * scale))),
                           interpolation=cv2.INTER_AREA)
    return bgr_to_qimage(image)


class FitImageLabel(QLabel):
    """Shows an image scaled to the label's size (aspect kept), or a centred message."""

    def __init__(self, placeholder: str = "", parent=None) -> None:
        super().__init__(parent)
        self._image: QImage | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(120, 90)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setWordWrap(True)
        self.setText(placeholder)

    def image(self) -> QImage | None:
        return self._image

    def set_image(self, image: QImage | np.ndarray | None, message: str = "") -> None:
        if isinstance(image, np.ndarray):
            image = bgr_to_qimage(image)
        self._image = image if image is not None and not image.isNull() else None
        if self._image is None:
            self.clear()
            self.setText(message)
        else:
            self.setText("")
            self._rescale()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(320, 240)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._rescale()

    def _rescale(self) -> None:
        if self._image is None:
            return
        size = self.contentsRect().size()
        if size.width() < 2 or size.height() < 2:
            return
        self.setPixmap(QPixmap.fromImage(self._image).scaled(
            size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
