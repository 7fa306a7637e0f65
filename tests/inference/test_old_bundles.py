"""Bundles written before the tail calibration, the self-check and the NG head keep loading."""

from __future__ import annotations

import json

from inference import load
from tests.inference.test_position_profile import _members, _write

NEW_PARAMS = ("ok_reject_rate", "miss_cost", "max_ok_reject_rate", "ng_head", "synthetic_check")
NEW_STATS = ("expected_ok_reject_rate", "expected_ok_reject_rate_sd", "expected_ok_reject_rate_interval",
             "synthetic_catch_rate", "synthetic_catch_by_kind", "calibration_scores", "tail_method")


def test_bundle_from_before_the_new_calibration_loads_and_evaluates(trained_model_path, trained_model,
                                                                     bottle_images, tmp_path):
    from inference.evaluation import EvaluationReport, Row

    members = _members(trained_model_path)
    manifest = json.loads(members["manifest.json"])
    for k in NEW_PARAMS:
        manifest["parameters"].pop(k, None)
    for k in NEW_STATS:
        manifest["stats"].pop(k, None)
    members["manifest.json"] = json.dumps(manifest).encode()
    old = load(_write(tmp_path / "old.qcs", members), device="cpu")
    assert old._core.head is None
    imgs = bottle_images["ok"][:2]
    assert [r.score for r in old.predict(imgs)] == [r.score for r in trained_model.predict(imgs)]
    rows = [Row("a.png", "a.png", "OK", "good", "OK", 0.5, 0.5, 0, 1.0),
            Row("b.png", "b.png", "NG", "NG", "NG", 2.0, 2.0, 1, 1.0)]
    rep = EvaluationReport("d", "ok_ng", {}, old.params.threshold, rows, None, [1.0, 1.0],
                           model_stats=old.info.stats).to_json()
    assert rep["synthetic_catch_rate"] is None and rep["expected_over_detection"] is None
