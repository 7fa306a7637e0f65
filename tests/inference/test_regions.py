"""Region finding and prediction parameters: no retraining, consistent verdicts."""

from __future__ import annotations

import numpy as np
import pytest

from inference.regions import find_regions
from inference.types import PredictParams


def _map():
    m = np.zeros((100, 120), np.float32)
    m[10:30, 20:50] = 2.0  # big defect, peak 2
    m[60:62, 60:62] = 3.0  # tiny defect, 4 px, peak 3
    m[0:5, 0:5] = 5.0  # on the border
    return m


def test_regions_boxes_and_scores():
    regions, score = find_regions(_map(), PredictParams(threshold=1.5, pixel_threshold=1.0))
    assert score == 5.0
    boxes = {(r.x, r.y, r.width, r.height, r.area) for r in regions}
    assert boxes == {(20, 10, 30, 20, 600), (60, 60, 2, 2, 4), (0, 0, 5, 5, 25)}
    assert regions[0].score == 5.0 and regions[0].normalized_score == pytest.approx(5.0 / 1.5)  # 1.0 = image threshold


def test_min_detected_area_drops_small_and_lowers_score():
    regions, score = find_regions(_map(), PredictParams(threshold=1.5, pixel_threshold=1.0, min_detected_area=30))
    assert [(r.x, r.y) for r in regions] == [(20, 10)]
    assert score == 2.0  # the dropped regions no longer count


def test_ignore_outer_band():
    regions, score = find_regions(_map(), PredictParams(threshold=1.5, pixel_threshold=1.0, ignore_outer=6))
    assert (0, 0) not in {(r.x, r.y) for r in regions}
    assert score == 3.0


def test_regions_only_where_the_peak_reaches_the_threshold():
    regions, score = find_regions(_map(), PredictParams(threshold=2.5, pixel_threshold=1.0))
    assert {(r.x, r.y) for r in regions} == {(60, 60), (0, 0)}
    regions, score = find_regions(np.ones((10, 10), np.float32), PredictParams(threshold=2, pixel_threshold=1.5))
    assert regions == () and score == 1.0


def test_with_params_needs_no_retraining(trained_model, bottle_images):
    img = bottle_images["ng"][0]
    base = trained_model.predict([img])[0]
    assert base.verdict == "NG" and base.defect_count >= 1
    strict = trained_model.with_params(trained_model.params.with_(threshold=base.score * 2))
    r = strict.predict([img])[0]
    assert r.verdict == "OK" and r.defect_count == 0
    np.testing.assert_array_equal(r.anomaly_map, base.anomaly_map)
    huge_area = trained_model.with_params(trained_model.params.with_(min_detected_area=10**8))
    assert huge_area.predict([img])[0].verdict == "OK"
    assert trained_model.params.min_detected_area == 0  # the original is untouched
    assert huge_area._core is trained_model._core


def test_result_fields(trained_model, bottle_images):
    ok, ng = trained_model.predict([bottle_images["ok"][0], bottle_images["ng"][0]])
    for r in (ok, ng):
        assert 0.0 <= r.confidence <= 1.0
        assert r.normalized_score == pytest.approx(r.score / r.threshold)
        assert r.anomaly_map.dtype == np.float32 and r.anomaly_map.shape == r.image_shape
        assert r.timings["total"] > 0 and r.model_id == trained_model.info.id
    assert ng.normalized_score >= 1.0 > ok.normalized_score


def test_bad_params_refused(trained_model):
    with pytest.raises(ValueError):
        trained_model.with_params(trained_model.params.with_(threshold=0))
    with pytest.raises(ValueError):
        trained_model.with_params(trained_model.params.with_(min_detected_area=-1))
