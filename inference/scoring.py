"""Calibration scoring shared by the trainers: one maximum anomaly score per image."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from inference.model import AnomalyModel


def max_scores(model: AnomalyModel, images: Sequence[np.ndarray]) -> np.ndarray:
    """The maximum of each image's anomaly map (float64), the score calibration works on."""
    maps = model.anomaly_maps(images)
    return np.array([float(m.max()) for m in maps], dtype=np.float64)
