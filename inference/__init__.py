"""The inspection engine: backbone features, anomaly algorithms, calibration, regions, model bundles.

Headless: imports torch, numpy and OpenCV, never Qt. Public API::

    from inference import train, load, InspectionResult, PredictParams
    model = train(ok_images, ng_images=None, algorithm="patchcore", progress=cb)
    model.save("part.qcs"); model = load("part.qcs")
    results = model.predict([image, ...])
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from inference.types import InspectionResult, ModelInfo, PredictParams, Region, Verdict

if TYPE_CHECKING:
    from inference.model import AnomalyModel


def train(*args: Any, **kwargs: Any) -> AnomalyModel:  # noqa: D103 - documented in inference.training.train
    from inference.training import train as _train

    return _train(*args, **kwargs)


def load(path: str | os.PathLike[str], device: str = "auto") -> AnomalyModel:  # noqa: D103 - see training.load
    from inference.training import load as _load

    return _load(path, device=device)


train.__doc__ = "Learn 'good' from OK images (see inference.training.train)."
load.__doc__ = "Open a .qcs model bundle (see inference.training.load); raises ModelFileError."


def __getattr__(name: str) -> Any:
    if name == "AnomalyModel":
        from inference.model import AnomalyModel

        return AnomalyModel
    raise AttributeError(name)


__all__ = ["AnomalyModel", "InspectionResult", "ModelInfo", "PredictParams", "Region", "Verdict", "load", "train"]
