"""A tiny deterministic model for the API's fast tests (the real engine is used in test_pekat_sdk.py).

Pixels brighter than the threshold are defects; the image score is the brightest pixel. A gate
can hold ``predict`` so a test can fill the station's queue on purpose.
"""

from __future__ import annotations

import threading
from dataclasses import replace

import cv2
import numpy as np

from inference.types import InspectionResult, ModelInfo, PredictParams, Region


class BrightSpotModel:
    device = "cpu"

    def __init__(self, threshold: float = 200.0, gate: threading.Event | None = None, model_id: str = "bright-1"):
        self.params = PredictParams(threshold=threshold, pixel_threshold=threshold)
        self.info = ModelInfo(id=model_id, name="bright spots", algorithm="fake", version=1, backbone="none",
                              input_size=0, parameters={}, params=self.params, ok_img_count=0, ng_img_count=0,
                              training_seconds=0.0, stats={"precision": 1.0}, created_at="2026-01-01T00:00:00Z")
        self.gate = gate
        self.calls = 0
        self.entered = threading.Event()  # set when predict starts: tests wait on it, never sleep

    def with_params(self, params: PredictParams) -> BrightSpotModel:
        clone = BrightSpotModel(params.threshold, self.gate, self.info.id)
        clone.params = params
        clone.info = replace(self.info, params=params)
        return clone

    def save(self, path):
        raise NotImplementedError

    def predict(self, images, params=None):
        params = params or self.params
        self.entered.set()
        if self.gate is not None:
            assert self.gate.wait(20), "test gate never opened"
        self.calls += 1
        out = []
        for img in images:
            grey = img if img.ndim == 2 else cv2.cvtColor(img[..., :3], cv2.COLOR_BGR2GRAY)
            amap = grey.astype(np.float32)
            mask = (amap >= params.pixel_threshold).astype(np.uint8)
            n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
            regions = []
            for lab in range(1, n):
                x, y, w, h, area = (int(v) for v in stats[lab])
                if area < params.min_detected_area:
                    continue
                peak = float(amap[y:y + h, x:x + w].max())
                if peak >= params.threshold:  # like the engine: a region is a defect at the image threshold
                    regions.append(Region(x, y, w, h, area, peak, peak / params.pixel_threshold))
            score = float(amap.max())
            verdict = "NG" if regions else "OK"
            out.append(InspectionResult(
                verdict=verdict, score=score, normalized_score=score / params.threshold, confidence=0.9,
                threshold=params.threshold, anomaly_map=amap, regions=tuple(regions),
                image_shape=grey.shape[:2], model_id=self.info.id, timings={"total": 2.0}))
        return out


def grey_part(height: int = 64, width: int = 80, spot: bool = False) -> np.ndarray:
    """A dark BGR part; with ``spot`` one bright 6×5 defect at (10, 20)."""
    img = np.full((height, width, 3), 60, np.uint8)
    img[:, : width // 2] = 90
    if spot:
        img[20:25, 10:16] = 250
    return img
