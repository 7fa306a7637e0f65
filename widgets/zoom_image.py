"""A zoomable stored image for History's detail panel, with the plain label's small API.

Why: History showed a record's original and annotated images as fixed labels, small and not
zoomable, so a fine scratch could not be checked. This is the Live page's :class:`ImageView`
(wheel zoom, drag pan, double-click fits) behind ``FitImageLabel``'s ``set_image(image, message)``
/ ``image()`` / ``text()``, so the panel and its tests keep their calls.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage

from widgets.image_convert import bgr_to_qimage
from widgets.image_view import ImageView


class ZoomImageView(ImageView):
    def __init__(self, placeholder: str = "", parent=None) -> None:
        super().__init__(parent)
        self._qimage: QImage | None = None
        self.setMinimumSize(160, 120)
        self.set_placeholder(placeholder)

    def image(self) -> QImage | None:
        return self._qimage

    def text(self) -> str:
        """The message shown instead of an image ("" while an image is shown)."""
        return "" if self._qimage is not None else self._placeholder.text()

    def set_image(self, image: QImage | np.ndarray | None, message: str = "") -> None:  # type: ignore[override]
        if isinstance(image, np.ndarray):
            image = bgr_to_qimage(image)
        if image is None or image.isNull():
            self._qimage = None
            self.clear()
            self.set_placeholder(message)
            return
        self._qimage = image
        super().set_image(image)
        self.fit()
