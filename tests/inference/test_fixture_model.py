"""The shared trained_model fixture is a real, calibrated model that others can rely on."""

from __future__ import annotations

import numpy as np

from inference import load
from inference.evaluation import auroc


def test_fixture_model_separates_bottle_ok_from_ng(trained_model, bottle_images):
    ok = trained_model.predict(bottle_images["ok"])
    ng = trained_model.predict(bottle_images["ng"])
    labels = np.array([0] * len(ok) + [1] * len(ng))
    scores = np.array([r.score for r in ok + ng])
    assert auroc(labels, scores) >= 0.97
    assert sum(r.verdict == "NG" for r in ng) >= 0.8 * len(ng)
    assert sum(r.verdict == "OK" for r in ok) >= 0.8 * len(ok)


def test_fixture_model_path_round_trips(trained_model, trained_model_path, bottle_images):
    again = load(trained_model_path, device="cpu")
    assert again.info.id == trained_model.info.id
    a = trained_model.predict(bottle_images["ng"][:2])
    b = again.predict(bottle_images["ng"][:2])
    assert [r.score for r in a] == [r.score for r in b]
