"""Typed values that leave the engine.

They cross every room of the station (core, storage, API, GUI), so they are small,
immutable and carry no torch tensors: only numpy arrays and plain Python values.
Images are numpy ``uint8`` arrays in OpenCV order: H×W (grey) or H×W×3 (BGR).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal

import numpy as np

Verdict = Literal["OK", "NG"]


@dataclass(frozen=True)
class Region:
    """One connected defect area, in pixels of the analysed (original) image."""

    x: int
    y: int
    width: int
    height: int
    area: int  # defect pixels inside the box
    score: float  # max raw anomaly value inside the region
    normalized_score: float  # score / image threshold (1.0 = the NG decision, as everywhere)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class PredictParams:
    """Prediction parameters (HACARUS' ``update_predict_parameters``).

    Changing them never needs retraining: they act on the score and the anomaly map.
    ``threshold`` and ``pixel_threshold`` are in the model's raw score units.
    """

    threshold: float
    pixel_threshold: float
    min_detected_area: int = 0  # px of the original image; smaller regions are dropped
    ignore_outer: int = 0  # px band along the image border that is ignored

    def with_(self, **changes: Any) -> PredictParams:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ModelInfo:
    """What the model bundle's manifest says about a model (the seed's model entity)."""

    id: str
    name: str
    algorithm: str
    version: int
    backbone: str
    input_size: int
    parameters: dict[str, Any]
    params: PredictParams
    ok_img_count: int
    ng_img_count: int
    training_seconds: float
    stats: dict[str, Any] = field(default_factory=dict)  # precision, recall, f1, ... from calibration
    created_at: str = ""  # ISO 8601, UTC

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, eq=False)
class InspectionResult:
    """The engine's judgement of one image."""

    verdict: Verdict
    score: float  # raw image anomaly score
    normalized_score: float  # score / threshold: 1.0 is the decision boundary
    confidence: float  # [0, 1] confidence in the verdict (the seed's ``dice``)
    threshold: float  # the image threshold it was judged against
    # float32 raw units, at image_shape; smaller by one scale when a huge image was judged at a
    # working size (inference.working_image): regions are always in image_shape pixels
    anomaly_map: np.ndarray
    regions: tuple[Region, ...]
    image_shape: tuple[int, int]  # (height, width) of the analysed image
    model_id: str
    timings: dict[str, float] = field(default_factory=dict)  # milliseconds per stage, "total" included
    embedding: np.ndarray | None = None  # float16 unit vector for similar-defect search (inference.embedding)

    @property
    def is_ok(self) -> bool:
        return self.verdict == "OK"

    @property
    def defect_count(self) -> int:
        return len(self.regions)
