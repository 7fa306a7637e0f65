"""NG-aware training: a few labelled defects lower the miss rate at the same over-detection.

Real category (kolektor_commutator, thin cracks on a grey surface): 10 NG test images with masks
train the head, the rest of the test set is scored. Also: the head survives the bundle round trip
with identical scores, and hostile head tensors are refused.
"""

from __future__ import annotations

import random
import zipfile

import numpy as np
import pytest

N_TRAIN = 30
N_NG = 10


@pytest.fixture(scope="module")
def kolektor_split(datasets):
    from inference.evaluation import load_labelled_folder

    root = datasets / "kolektor_commutator"
    if not root.is_dir():
        pytest.skip("kolektor_commutator missing")
    data = load_labelled_folder(root)
    ng = [it for it in data.items if it.label == "NG"]
    picked = random.Random(0).sample(ng, N_NG)
    rest = [it for it in data.items if it not in picked]
    return data.train_good[:N_TRAIN], picked, rest


@pytest.fixture(scope="module")
def models(kolektor_split):
    from inference import train
    from inference.runtime import configure_threads

    configure_threads()
    ok, picked, _ = kolektor_split
    kw = {"ng_images": [it.path for it in picked], "ng_masks": [it.mask_path for it in picked], "device": "cpu"}
    plain = train(ok, parameters={"synthetic_check": False, "ng_head": False}, **kw)
    headed = train(ok, parameters={"synthetic_check": False, "ng_head": True}, **kw)
    return plain, headed


def _miss_at_zero_over_detection(model, rest) -> float:
    scores = {it.path: r.score for it, r in zip(rest, model.predict([it.path for it in rest]), strict=True)}
    ok_max = max(scores[it.path] for it in rest if it.label == "OK")
    ng = [scores[it.path] for it in rest if it.label == "NG"]
    return float(np.mean([s <= ok_max for s in ng]))


def test_ng_head_lowers_the_miss_rate_at_fixed_over_detection(models, kolektor_split):
    plain, headed = models
    rest = kolektor_split[2]
    assert headed.info.stats.get("ng_head") and not plain.info.stats.get("ng_head")
    assert headed.info.stats["ng_head_masked_images"] == N_NG
    before, after = _miss_at_zero_over_detection(plain, rest), _miss_at_zero_over_detection(headed, rest)
    assert after <= before - 0.15, (before, after)
    s = headed.info.stats
    assert "calibration_miss_rate" in s and "calibration_ok_reject_rate" in s  # both rates reported
    assert s["rule"].startswith("lowest cost")


def test_head_round_trips_through_the_bundle(models, kolektor_split, tmp_path):
    from inference import load

    _, headed = models
    path = headed.save(tmp_path / "h.qcs")
    with zipfile.ZipFile(path) as zf:
        assert sorted(zf.namelist()) == ["manifest.json", "tensors.safetensors"]  # safetensors, no pickle
    back = load(path, device="cpu")
    imgs = [it.path for it in kolektor_split[2][:4]]
    a = [r.score for r in headed.predict(imgs)]
    b = [r.score for r in back.predict(imgs)]
    assert a == pytest.approx(b, rel=1e-5)


def test_head_written_before_the_chosen_gain_loads_with_the_old_gain(models, tmp_path):
    from inference import load
    from inference.bundle import read_bundle, save_bundle
    from inference.ng_head import GAIN

    _, headed = models
    _, tensors = read_bundle(headed.save(tmp_path / "h.qcs"))
    assert float(tensors["ng_head_gain"][0]) == headed.info.stats["ng_head_gain"]  # chosen out of fold
    tensors = {k: v for k, v in tensors.items() if k != "ng_head_gain"}
    old = load(save_bundle(tmp_path / "old.qcs", headed.info, tensors), device="cpu")
    assert old._core.head is not None and old._core.head.gain == GAIN


@pytest.mark.parametrize("damage", ["nan", "shape", "std", "missing", "gain"])
def test_hostile_head_tensors_are_refused(models, tmp_path, damage):
    from inference import load
    from inference.bundle import read_bundle, save_bundle
    from inference.errors import ModelFileError

    _, headed = models
    manifest_path = headed.save(tmp_path / "ok.qcs")
    _, tensors = read_bundle(manifest_path)
    tensors = dict(tensors)
    if damage == "nan":
        w = tensors["ng_head_weight"].copy()
        w[0] = np.nan
        tensors["ng_head_weight"] = w
    elif damage == "shape":
        tensors["ng_head_mean"] = tensors["ng_head_mean"][:-1].copy()
    elif damage == "std":
        tensors["ng_head_std"] = np.zeros_like(tensors["ng_head_std"])
    elif damage == "gain":
        tensors["ng_head_gain"] = np.array([1e6], dtype=np.float32)
    else:
        del tensors["ng_head_bias"]
    bad = save_bundle(tmp_path / f"{damage}.qcs", headed.info, tensors)
    with pytest.raises(ModelFileError):
        load(bad, device="cpu")
