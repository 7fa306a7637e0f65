"""Registry, OK/NG folders, AUROC, cancellation, visualisation, training errors."""

from __future__ import annotations

import shutil
import threading

import cv2
import numpy as np
import pytest

from inference import train
from inference.algorithms import get_spec, registry
from inference.errors import EngineError, TrainingCancelled, TrainingError
from inference.evaluation import auroc, evaluate, load_labelled_folder
from inference.visualize import annotate, heatmap_image


def test_registry_lists_parameters_with_types_ranges_defaults():
    spec = registry()[0]
    assert spec.name == "patchcore"
    d = spec.to_dict()
    names = {p["name"] for p in d["parameters"]}
    assert {"coreset_ratio", "input_size", "backbone", "score_rule"} <= names
    for p in d["parameters"]:
        assert p["type"] in ("int", "float", "bool", "choice")
        assert get_spec("patchcore").resolve({p["name"]: p["default"]})[p["name"]] == p["default"]
    with pytest.raises(ValueError, match="unknown algorithm"):
        get_spec("nope")


def test_auroc_known_values():
    assert auroc(np.array([0, 0, 1, 1]), np.array([0.1, 0.2, 0.3, 0.4])) == 1.0
    assert auroc(np.array([0, 0, 1, 1]), np.array([0.4, 0.3, 0.2, 0.1])) == 0.0
    assert auroc(np.array([0, 1]), np.array([0.5, 0.5])) == 0.5
    assert auroc(np.array([1, 1]), np.array([0.5, 0.6])) is None


def test_ok_ng_folder_layout(tmp_path, trained_model, bottle_images):
    for sub, files in (("OK", bottle_images["ok"][:3]), ("NG", bottle_images["ng"][:2])):
        (tmp_path / sub).mkdir()
        for f in files:
            shutil.copy(f, tmp_path / sub / f.name)
    data = load_labelled_folder(tmp_path)
    assert data.layout == "ok_ng" and (data.n_ok, data.n_ng) == (3, 2)
    report = evaluate(trained_model, data)
    js = report.to_json()
    assert js["n_ok"] == 3 and js["n_ng"] == 2 and js["pixel_auroc"] is None
    assert len(js["images"]) == 5
    csv = report.write_csv(tmp_path / "r.csv").read_text().splitlines()
    assert len(csv) == 6


def test_labelled_folder_errors(tmp_path):
    with pytest.raises(EngineError, match="not found"):
        load_labelled_folder(tmp_path / "missing")
    with pytest.raises(EngineError, match="neither"):
        load_labelled_folder(tmp_path)
    (tmp_path / "OK").mkdir()
    with pytest.raises(EngineError, match="no images"):
        load_labelled_folder(tmp_path)


def test_training_cancel_and_errors(bottle_images):
    stop = threading.Event()
    stop.set()
    with pytest.raises(TrainingCancelled):
        train(bottle_images["train"][:4], device="cpu", cancel=stop)
    with pytest.raises(TrainingError, match="at least"):
        train(bottle_images["train"][:1], device="cpu")
    with pytest.raises(TrainingError, match="coreset_ratio"):
        train(bottle_images["train"][:4], parameters={"coreset_ratio": 0}, device="cpu")
    with pytest.raises(TrainingError, match="not found"):
        train(["/nonexistent/a.png", "/nonexistent/b.png"], device="cpu")


def test_progress_reports_stages(bottle_images):
    seen = []
    model = train(bottle_images["train"][:5], parameters={"coreset_ratio": 0.02}, device="cpu",
                  progress=lambda stage, f: seen.append((stage, f)))
    stages = [s for s, _ in seen]
    assert {"loading images", "extracting features", "building memory bank", "calibrating"} <= set(stages)
    assert all(0.0 <= f <= 1.0 for _, f in seen)
    # calibration sees every OK image: 4 bank images leave-one-out + 1 held out
    assert model.info.ok_img_count == 5 and model.info.stats["calibration_ok_count"] == 5


def test_visualize(trained_model, bottle_images):
    img = cv2.imread(str(bottle_images["ng"][0]))
    r = trained_model.predict([img])[0]
    heat = heatmap_image(r)
    assert heat.shape == img.shape and heat.dtype == np.uint8
    out = annotate(img, r)
    assert out.shape == img.shape and not np.array_equal(out, img)
    plain = annotate(img, r, opacity=0.0, boxes=False)
    assert np.array_equal(plain, img)
    grey = annotate(cv2.cvtColor(img, cv2.COLOR_BGR2GRAY), r)
    assert grey.shape == img.shape


def test_region_of_interest(bottle_images):
    roi = {"roi_x": 40, "roi_y": 60, "roi_width": 200, "roi_height": 160, "coreset_ratio": 0.02}
    model = train(bottle_images["train"][:6], parameters=roi, device="cpu")
    img = cv2.imread(str(bottle_images["ok"][0]))
    outside = img.copy()
    cv2.circle(outside, (300, 20), 12, (0, 0, 255), -1)  # a "defect" outside the ROI is ignored
    inside = img.copy()
    cv2.circle(inside, (140, 140), 12, (0, 0, 255), -1)
    r_ok, r_out, r_in = model.predict([img, outside, inside])
    assert r_ok.anomaly_map.shape == img.shape[:2]
    assert r_out.anomaly_map[:60].max() == 0 and r_out.anomaly_map[:, :40].max() == 0
    assert abs(r_out.score - r_ok.score) < 1e-3 * r_ok.score
    assert r_in.score > 1.3 * r_ok.score
    peak = np.unravel_index(np.argmax(r_in.anomaly_map), r_in.anomaly_map.shape)
    assert abs(peak[0] - 140) < 25 and abs(peak[1] - 140) < 25
