"""The inspection engine: backbone features, anomaly algorithms, calibration, regions, model bundles.

Headless: imports torch, numpy and OpenCV, never Qt. Public API::

    from inference import train, load, InspectionResult, PredictParams
    model = train(ok_images, ng_images=None, algorithm="patchcore", progress=cb)
    model.save("part.qcs"); model = load("part.qcs")
    results = model.predict([image, ...])
"""

from inference.types import InspectionResult, ModelInfo, PredictParams, Region, Verdict

__all__ = ["InspectionResult", "ModelInfo", "PredictParams", "Region", "Verdict"]
