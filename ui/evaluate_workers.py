"""What the Evaluate page runs off the GUI thread: one image's prediction for the overlay and the
table's thumbnails. (The active model seen through the station is ``station.station_model``.)"""

from __future__ import annotations

import logging
from typing import Any

import numpy as np
from PySide6.QtGui import QImage

from widgets.eval_table import THUMB
from widgets.image_convert import thumbnail

log = logging.getLogger(__name__)


def predict_one(model: Any, path: str) -> tuple[str, np.ndarray, Any]:
    """Worker thread: the image (BGR) and the engine's result for it (map, regions)."""
    from inference.imageio import read_image, to_bgr

    image = read_image(path)
    result = model.predict([image])[0]
    return path, to_bgr(image), result


def thumbnails(paths: list[str]) -> dict[int, QImage]:
    from inference.imageio import read_image

    out = {}
    for i, p in enumerate(paths):
        try:
            out[i] = thumbnail(read_image(p), THUMB)
        except Exception:  # noqa: BLE001 - a missing thumbnail is cosmetic
            log.debug("no thumbnail for %s", p)
    return out
