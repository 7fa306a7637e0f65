"""What the Evaluate page runs off the GUI thread: the active model seen through the station,
one image's prediction for the overlay, and the table's thumbnails."""

from __future__ import annotations

import logging
import time
from typing import Any

import numpy as np
from PySide6.QtGui import QImage

from widgets.eval_table import THUMB
from widgets.image_convert import thumbnail

log = logging.getLogger(__name__)


class StationModel:
    """The active model seen through the station: predictions go through its inference worker."""

    def __init__(self, station: Any) -> None:
        self._station = station
        model = station.model
        if model is None:
            from station.errors import NoModelLoaded

            raise NoModelLoaded("no active model: train or open one first, or choose a model file")
        self.info = model.info
        self.params = model.params

    def predict(self, images: list[np.ndarray], params: Any = None) -> list[Any]:
        from station.errors import StationBusy

        out = []
        for image in images:
            deadline = time.monotonic() + 60
            while True:
                try:
                    future = self._station.preview(image, params or self.params)
                    break
                except StationBusy:  # the line has the queue full: wait our turn
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.05)
            out.append(future.result(timeout=120))
        return out


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
