"""Appearance-conditional calibration: one group where OK images look alike, groups under two lightings."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from inference import load, train
from inference.algorithms import get_spec
from inference.appearance import MAX_CLUSTERS, AppearanceGroups, find_groups, silhouette
from inference.errors import ModelFileError
from inference.imageio import load_bgr
from tests.inference.test_position_profile import _members, _with_tensors, _write

DARK = 0.45  # the second "lighting": every pixel at 45 %


def _dim(img: np.ndarray) -> np.ndarray:
    return (img.astype(np.float32) * DARK).astype(np.uint8)


# -- grouping on plain vectors -----------------------------------------------------------------------
def test_one_blob_stays_one_group():
    x = np.random.default_rng(0).normal(size=(60, 32))
    g = find_groups(x, 4)
    assert g.k == 1 and (g.labels == 0).all()
    assert g.silhouette is not None and g.silhouette < 0.35


def test_two_blobs_split_and_small_groups_do_not():
    rng = np.random.default_rng(1)
    x = np.concatenate([rng.normal(size=(30, 32)), rng.normal(size=(30, 32)) + 6.0])
    g = find_groups(x, 4)
    assert g.k == 2 and sorted(np.bincount(g.labels).tolist()) == [30, 30]
    assert silhouette(x, g.labels) > 0.5
    # the same split with a 5-image group is refused (a profile from 5 images is noise)
    y = np.concatenate([rng.normal(size=(40, 32)), rng.normal(size=(5, 32)) + 6.0])
    assert find_groups(y, 4).k == 1
    assert find_groups(x, 1).k == 1  # off


def test_parameter_is_registered_for_the_dialog_and_api():
    names = {p.name: p for p in get_spec("patchcore").parameters}
    p = names["appearance_clusters"]
    assert p.type == "int" and p.minimum == 1 and p.maximum == MAX_CLUSTERS
    with pytest.raises(ValueError):
        get_spec("patchcore").resolve({"appearance_clusters": 0})
    assert "appearance_separation" in names
    # appended after the older parameters (only the later adaptor and alignment ones follow): the machine API
    # numbers parameters by position
    from inference.algorithms.adaptor_params import ADAPTOR_PARAMS
    later = [q.name for q in ADAPTOR_PARAMS] + ["align", "align_width", "align_height",
                                                "line_weight", "line_scale", "line_length"]
    assert list(names)[-2 - len(later):] == ["appearance_clusters", "appearance_separation", *later]


# -- real models ---------------------------------------------------------------------------------------
def test_one_appearance_set_gives_one_group_and_identical_scores(trained_model, bottle_images):
    """The option (on by default) must change nothing where the OK images form one group."""
    on = trained_model
    assert on.config["appearance_clusters"] > 1
    off = train(bottle_images["train"], parameters={"appearance_clusters": 1}, device="cpu")
    assert on.info.stats["appearance_groups"] == 1 and "appearance_groups" not in off.info.stats
    assert on._core.algo.groups is None
    assert on.params.threshold == off.params.threshold
    assert on.info.stats["calibration_scores"] == off.info.stats["calibration_scores"]
    test = bottle_images["ok"][:3] + bottle_images["ng"][:3]
    for a, b in zip(on.anomaly_maps(test), off.anomaly_maps(test), strict=True):
        assert np.array_equal(a, b)
    assert set(on._core.algo.tensors()) == set(off._core.algo.tensors())


@pytest.fixture(scope="module")
def two_lighting(bottle_images):
    """A model trained on the 20 OK bottles, every second one shot 'darker'."""
    imgs = [load_bgr(p) for p in bottle_images["train"]]
    imgs = [_dim(im) if i % 2 else im for i, im in enumerate(imgs)]
    return train(imgs, parameters={"appearance_clusters": 4}, device="cpu")


def test_two_lighting_set_splits_and_routes_each_part_to_its_lighting(two_lighting, bottle_images):
    stats = two_lighting.info.stats
    assert stats["appearance_groups"] == 2, stats
    assert sorted(stats["appearance_group_sizes"]) == [10, 10]
    assert stats["appearance_silhouette"] > 0.5
    groups = two_lighting._core.algo.groups
    assert isinstance(groups, AppearanceGroups)
    # test parts: the bright ones go to one group, their dimmed copies to the other
    from inference.features import patch_features, prepare, to_batch

    cfg, fx = two_lighting._core.cfg, two_lighting._core.fx
    ok = [load_bgr(p) for p in bottle_images["ok"][:4]]
    prepared = [prepare(im, cfg) for im in ok + [_dim(im) for im in ok]]
    with torch.inference_mode():
        routed = groups.route(patch_features(fx, to_batch(prepared, range(8), "cpu"), cfg)).tolist()
    assert len(set(routed[:4])) == 1 and len(set(routed[4:])) == 1 and routed[0] != routed[4]
    # and both lightings of unseen OK parts pass, the defects of both lightings are caught
    ng = [load_bgr(p) for p in bottle_images["ng"][:4]]
    ok_res = two_lighting.predict(ok + [_dim(im) for im in ok])
    ng_res = two_lighting.predict(ng + [_dim(im) for im in ng])
    assert all(r.verdict == "OK" for r in ok_res), [r.normalized_score for r in ok_res]
    assert sum(r.verdict == "NG" for r in ng_res) >= 6, [r.normalized_score for r in ng_res]


def test_bundle_round_trip_gives_identical_scores(two_lighting, bottle_images, tmp_path):
    path = two_lighting.save(tmp_path / "two.qcs")
    back = load(path, device="cpu")
    assert back._core.algo.groups is not None and back._core.algo.groups.k == 2
    imgs = [load_bgr(p) for p in bottle_images["ok"][:2] + bottle_images["ng"][:2]]
    imgs += [_dim(im) for im in imgs]
    for a, b in zip(two_lighting.anomaly_maps(imgs), back.anomaly_maps(imgs), strict=True):
        assert np.array_equal(a, b)
    assert [r.score for r in back.predict(imgs)] == [r.score for r in two_lighting.predict(imgs)]


def _tampered(tmp_path, model, name, change):
    path = model.save(tmp_path / "base.qcs")
    from safetensors.numpy import load as st_load

    members = _members(path)
    tensors = dict(st_load(members["tensors.safetensors"]))
    change(tensors)
    return _write(tmp_path / f"{name}.qcs", _with_tensors(members, tensors))


def _set(key, value):
    def change(t):
        t[key] = value
    return change


def _drop(key):
    def change(t):
        del t[key]
    return change


@pytest.mark.parametrize("name, change, reason", [
    ("nan_scale", _set("appearance_scales", np.array([1.0, np.nan], np.float32)), "NaN"),
    ("zero_scale", _set("appearance_scales", np.array([1.0, 0.0], np.float32)), "appearance_scales"),
    ("huge_scale", _set("appearance_scales", np.array([1.0, 1e30], np.float32)), "appearance_scales"),
    ("scale_count", _set("appearance_scales", np.ones(3, np.float32)), "appearance_scales"),
    ("one_centroid", _set("appearance_centroids", np.zeros((1, 152), np.float32)), "appearance_centroids"),
    ("many_centroids", _set("appearance_centroids", np.zeros((5000, 152), np.float32)), "appearance_centroids"),
    ("wrong_dim", _set("appearance_centroids", np.zeros((2, 7), np.float32)), "appearance_centroids"),
    ("inf_centroid", _set("appearance_centroids", np.full((2, 152), np.inf, np.float32)), "infinite"),
    ("big_centroid", _set("appearance_centroids", np.full((2, 152), 1e20, np.float32)), "implausibly"),
    ("neg_profile", _set("appearance_profiles", -np.ones((2, 16, 16), np.float32)), "positive"),
    ("profile_shape", _set("appearance_profiles", np.ones((2, 4, 4), np.float32)), "appearance_profiles"),
    ("float64", _set("appearance_scales", np.ones(2, np.float64)), "float32"),
    ("missing_one", _drop("appearance_profiles"), "expected tensors"),
])
def test_hostile_group_tensors_are_refused(two_lighting, tmp_path, name, change, reason):
    bad = _tampered(tmp_path, two_lighting, name, change)
    with pytest.raises(ModelFileError, match=reason):
        load(bad, device="cpu")
