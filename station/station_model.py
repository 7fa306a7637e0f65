"""The active model seen through the running station, for code that wants a model object.

``inference.evaluation.evaluate`` (the Evaluate page, a headless caller) needs something with
``info``, ``params`` and ``predict``; while the line runs the model belongs to the station's one
inference worker, so predictions are queued there (``station.preview``) instead of running the
model on a second thread.
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np

from station.errors import NoModelLoaded, StationBusy


class StationModel:
    """The active model seen through the station: predictions go through its inference worker."""

    def __init__(self, station: Any) -> None:
        self._station = station
        model = station.model
        if model is None:
            raise NoModelLoaded("no active model: train or open one first, or choose a model file")
        self.info = model.info
        self.params = model.params

    def predict(self, images: list[np.ndarray], params: Any = None) -> list[Any]:
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
