"""The Qt-free pieces the Models, Evaluate and train pages stand on: slider spans, library rows,
the exported evaluation summary and the train form's folder helpers, checked without a window."""

from __future__ import annotations

import json
import shutil
from types import SimpleNamespace

import pytest

from station import model_library as lib
from station.evaluation_summary import scores_by_label, summary, write_summary
from station.library_rows import fmt_float, library_row
from station.threshold_scale import SliderScale, score_range
from station.training_inputs import count_folders, default_name, folder_images, overall_fraction
from station.validation import mark_validated


def test_slider_scale_round_trips_and_clamps():
    scale = SliderScale.around(2.0, (0.2, 3.0), 1000)
    assert (scale.lo, scale.hi) == pytest.approx((0.4, 6.0))
    for pos in (0, 1, 499, 1000):
        assert scale.to_position(scale.to_value(pos)) == pos
    assert scale.to_position(2.0) == round((2.0 - 0.4) / 5.6 * 1000)
    assert scale.to_position(-5.0) == 0 and scale.to_position(1e9) == 1000
    assert SliderScale(1.0, 1.0).to_position(3.0) == 0  # an empty span never divides by zero


def test_score_range_covers_scores_and_threshold():
    lo, hi = score_range([1.0, 2.0, 3.0], 5.0)
    assert lo == pytest.approx(1.0 - 0.2) and hi == pytest.approx(5.0 + 0.2)
    assert score_range([], 0.7) == pytest.approx((-0.05, 1.05))  # no scores: the unit span
    assert score_range([2.0], 2.0) == pytest.approx((1.5, 2.5))  # one value: a fixed margin


def test_library_rows(tmp_path, trained_model_path):
    models = tmp_path / "models"
    models.mkdir()
    good = shutil.copy(trained_model_path, models / "good.qcs")
    (models / "junk.qcs").write_bytes(b"garbage")
    rows = {e.path.name: library_row(e, good, tmp_path / "data") for e in lib.list_models(models)}
    row = rows["good.qcs"]
    assert row.readable and row.active and not row.validated and row.file == "good.qcs"
    assert row.name == "bottle-test" and row.threshold == fmt_float(lib.read_manifest(good).params.threshold, 4)
    assert row.training.endswith(" s") and len(row.created) == 19 and "T" not in row.created
    bad = rows["junk.qcs"]
    assert not bad.readable and not bad.active and "not a zip" in bad.error
    mark_validated(tmp_path / "data", lib.read_manifest(good).id, dataset="x", ng_count=3)
    entry = next(e for e in lib.list_models(models) if e.ok)
    again = library_row(entry, None, tmp_path / "data")
    assert again.validated and not again.active
    assert fmt_float(None) == "–" and fmt_float(True) == "–" and fmt_float(0.5, 2) == "0.50"


def test_evaluation_summary(tmp_path):
    rows = [SimpleNamespace(label="OK", score=1.0), SimpleNamespace(label="NG", score=3.0),
            SimpleNamespace(label="OK", score=1.5)]
    assert scores_by_label(rows) == ([1.0, 1.5], [3.0])
    report = SimpleNamespace(to_json=lambda: {"dataset": tmp_path, "n_ok": 2},
                             metrics=lambda t: {"threshold": t, "miss_rate": 0.0})
    assert summary(report, 2.5)["at_selected_threshold"] == {"threshold": 2.5, "miss_rate": 0.0}
    out = write_summary(report, 2.5, tmp_path / "evaluation.json")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["dataset"] == str(tmp_path) and data["at_selected_threshold"]["threshold"] == 2.5


def test_training_inputs(tmp_path):
    folder = tmp_path / "bottle" / "train" / "good"
    folder.mkdir(parents=True)
    for name in ("a.png", "b.jpg", ".hidden.png", "notes.txt"):
        (folder / name).write_bytes(b"x")
    assert [p.name for p in folder_images(str(folder))] == ["a.png", "b.jpg"]
    assert folder_images("  ") == [] and folder_images(str(tmp_path / "missing")) == []
    assert count_folders(str(folder), "") == (str(folder), 2, "", None)
    assert default_name(str(folder)) == "bottle" and default_name("/") == "model"
    assert overall_fraction("loading images", 1.0) == pytest.approx(0.10)
    assert overall_fraction("calibrating", 1.0) == pytest.approx(1.0)
    assert overall_fraction("training flow", 0.5, "csflow") == pytest.approx(0.03 + 0.12 + 0.40)
    assert overall_fraction("", 0.3) == 0.0


def test_history_filter_gives_exactly_the_search_arguments():
    from datetime import date

    from station.history_filter import HistoryFilter

    assert HistoryFilter().to_kwargs() == {}
    f = HistoryFilter(name="  cap ", start_date=date(2026, 1, 2), label="NG", num=0, model_id="", part_id=" SN-4 ")
    assert f.to_kwargs() == {"name": "cap", "start_date": date(2026, 1, 2), "label": "NG", "num": 0,
                             "part_id": "SN-4"}
