"""Deterministic stand-ins for the engine and storage, for testing the station's threading.

The real engine and database are tested in their own suites and with the station in
test_station_real.py; here a gate lets a test hold the worker mid-batch on purpose.
"""

from __future__ import annotations

import itertools
import threading
from dataclasses import replace

import numpy as np

from inference.types import InspectionResult, ModelInfo, PredictParams


class Clock:
    """A monotonic clock the test moves by hand (``clock.t += 30``): timeouts without sleeping."""

    def __init__(self, t: float = 1000.0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


class GatedModel:
    """Scores an image by its mean brightness; ``gate`` blocks predict until set."""

    def __init__(self, model_id: str = "fake", threshold: float = 100.0, gate: threading.Event | None = None):
        self.params = PredictParams(threshold=threshold, pixel_threshold=threshold)
        self.info = ModelInfo(id=model_id, name=model_id, algorithm="fake", version=1, backbone="none",
                              input_size=32, parameters={}, params=self.params, ok_img_count=0,
                              ng_img_count=0, training_seconds=0.0)
        self.gate = gate
        self.batches: list[int] = []
        self.entered = threading.Event()
        self.saved_to: list[str] = []

    def with_params(self, params: PredictParams) -> GatedModel:
        clone = GatedModel(self.info.id, params.threshold, self.gate)
        clone.params = params
        clone.info = replace(self.info, params=params)
        clone.batches = self.batches
        return clone

    def save(self, path) -> None:
        self.saved_to.append(str(path))
        open(path, "wb").close()

    def predict(self, images, params=None):
        params = params or self.params
        self.entered.set()
        if self.gate is not None:
            assert self.gate.wait(10), "test gate never opened"
        self.batches.append(len(images))
        out = []
        for img in images:
            score = float(np.mean(img))
            verdict = "NG" if score > params.threshold else "OK"
            out.append(InspectionResult(
                verdict=verdict, score=score, normalized_score=score / params.threshold,
                confidence=1.0, threshold=params.threshold,
                anomaly_map=np.zeros(img.shape[:2], np.float32), regions=(),
                image_shape=img.shape[:2], model_id=self.info.id, timings={"total": 1.0}))
        return out


class MemoryDatabase:
    """Just enough of storage.Database for the station: ids and rows in a list."""

    def __init__(self):
        self.rows = []
        self._ids = itertools.count(1)
        self.closed = False

    def insert(self, record):
        rid = next(self._ids)
        self.rows.append(replace(record, id=rid))
        return rid

    def insert_many(self, records):
        return [self.insert(r) for r in records]

    def set_image_paths(self, *args):
        pass

    def close(self):
        self.closed = True
