"""The inspection engine: backbone features, anomaly algorithms, calibration, regions, model bundles.

Headless: imports torch, numpy and OpenCV, never Qt. Public API::

    from inference import train, load, InspectionResult, PredictParams
    model = train(ok_images, ng_images=None, algorithm="patchcore", progress=cb)
    model.save("part.qcs"); model = load("part.qcs")
    results = model.predict([image, ...])
"""

from inference.types import InspectionResult, ModelInfo, PredictParams, Region, Verdict


def train(*args, **kwargs):  # noqa: D103 - documented in inference.training.train
    from inference.training import train as _train

    return _train(*args, **kwargs)


def load(path, device="auto"):  # noqa: D103 - documented in inference.training.load
    from inference.training import load as _load

    return _load(path, device=device)


train.__doc__ = "Learn 'good' from OK images (see inference.training.train)."
load.__doc__ = "Open a .qcs model bundle (see inference.training.load); raises ModelFileError."


def __getattr__(name):
    if name == "AnomalyModel":
        from inference.model import AnomalyModel

        return AnomalyModel
    raise AttributeError(name)


__all__ = ["AnomalyModel", "InspectionResult", "ModelInfo", "PredictParams", "Region", "Verdict", "load", "train"]
