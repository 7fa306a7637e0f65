"""The position profile: learned leave-one-out from OK images, stored in the bundle, optional on load."""

from __future__ import annotations

import io
import json
import zipfile

import numpy as np
import pytest
import torch
from safetensors.numpy import load as st_load
from safetensors.numpy import save as st_save

from inference import load
from inference.algorithms.patchcore import PROFILE_GRID, PatchCore
from inference.errors import ModelFileError


def _members(path):
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _write(path, members):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for n, data in members.items():
            zf.writestr(n, data)
    path.write_bytes(buf.getvalue())
    return path


def _with_tensors(members, tensors):
    members = dict(members)
    members["tensors.safetensors"] = st_save(tensors)
    manifest = json.loads(members["manifest.json"])
    manifest["tensors"] = {k: {"shape": list(v.shape), "dtype": str(v.dtype)} for k, v in tensors.items()}
    members["manifest.json"] = json.dumps(manifest).encode()
    return members


def test_trained_model_has_a_positive_profile(trained_model):
    prof = trained_model._core.algo.profile
    assert prof is not None and tuple(prof.shape) == (PROFILE_GRID, PROFILE_GRID)
    assert bool((prof > 0).all()) and bool(torch.isfinite(prof).all())
    assert "position_profile" in trained_model._core.algo.tensors()


def test_unseen_ok_parts_score_about_one(trained_model, bottle_images):
    """1.0 means 'as far from the bank as OK parts usually are here': unseen OK maps centre near it."""
    maps = trained_model.anomaly_maps(bottle_images["ok"][:5])
    med = float(np.median(np.concatenate([m.ravel() for m in maps])))
    assert 0.6 < med < 1.4, med


def test_leave_one_out_excludes_the_image_itself():
    """A training image's own patches are in the bank; leaving them out must raise its distances."""
    gen = torch.Generator().manual_seed(0)
    feats = torch.randn(2 * 16, 8, generator=gen)  # two images of 4×4 patches
    owners = torch.arange(2).repeat_interleave(16)
    cfg = {"max_bank": 1000, "coreset_ratio": 1.0, "seed": 0, "position_norm": "ratio"}
    algo = PatchCore.fit(cfg, feats, owners=owners)
    img0 = feats[:16].T.reshape(8, 4, 4)
    loo = algo.leave_one_out_map(img0, owner=0)
    plain = algo.patch_scores(img0[None], raw=True)[0][0]
    assert float(plain.max()) < 1e-2  # found itself (float rounding of the expanded distance)
    assert float(loo.min()) > 0.5  # only the other image's patches remain


def test_stand_ins_fill_the_hole_a_left_out_image_leaves_in_the_coreset():
    """Patches both images share are kept once; leaving out the image that owns that row must not
    make its shared patches look unseen (the calibration map), while the profile's map stays plain."""
    gen = torch.Generator().manual_seed(1)
    shared = torch.randn(4, 8, generator=gen) * 10  # four looks both images show
    img_a = shared.repeat_interleave(4, 0) + 0.01 * torch.randn(16, 8, generator=gen)
    img_b = shared.repeat_interleave(4, 0) + 0.01 * torch.randn(16, 8, generator=gen)
    feats = torch.cat([img_a, img_b])
    owners = torch.arange(2).repeat_interleave(16)
    cfg = {"max_bank": 1000, "coreset_ratio": 4 / 32, "seed": 0, "position_norm": "ratio"}
    algo = PatchCore.fit(cfg, feats, owners=owners)  # one row per look
    assert algo.bank.shape[0] == 4 and algo.stand_in_rows is not None
    for owner, img in ((0, img_a), (1, img_b)):
        owned = int((algo.owners == owner).sum())
        plain, cal = algo.leave_one_out_maps(img.T.reshape(8, 4, 4), owner=owner)
        if owned:  # the rows it owned are gone from the plain map: its looks are far from the rest
            assert float(plain.max()) > 5
        assert float(cal.max()) < 0.1  # the other image's copy of each look stands in
        assert torch.equal(plain, algo.leave_one_out_map(img.T.reshape(8, 4, 4), owner=owner))
    algo.end_training()
    assert algo.owners is None and algo.stand_in_rows is None  # nothing of it reaches the bundle
    assert set(algo.tensors()) == {"memory_bank"}


def test_bundle_without_profile_still_loads(trained_model_path, trained_model, bottle_images, tmp_path):
    """Bundles written before the profile existed keep working, with plain distances."""
    members = _members(trained_model_path)
    tensors = st_load(members["tensors.safetensors"])
    del tensors["position_profile"]
    old = load(_write(tmp_path / "old.qcs", _with_tensors(members, tensors)), device="cpu")
    assert old._core.algo.profile is None
    raw = old.anomaly_maps(bottle_images["ok"][:1])[0]
    normalised = trained_model.anomaly_maps(bottle_images["ok"][:1])[0]
    assert raw.max() > 3 * normalised.max()  # distances are tens; normalised scores are about one


@pytest.mark.parametrize("bad", [np.zeros((PROFILE_GRID, PROFILE_GRID), np.float32),
                                 np.full((PROFILE_GRID, PROFILE_GRID), np.nan, np.float32),
                                 np.ones((3, 3), np.float32), np.ones((PROFILE_GRID, PROFILE_GRID), np.float64)])
def test_bad_profile_is_refused(trained_model_path, tmp_path, bad):
    members = _members(trained_model_path)
    tensors = st_load(members["tensors.safetensors"])
    tensors["position_profile"] = bad
    with pytest.raises(ModelFileError, match="position_profile"):
        load(_write(tmp_path / "bad.qcs", _with_tensors(members, tensors)), device="cpu")


def test_unknown_tensor_is_refused(trained_model_path, tmp_path):
    members = _members(trained_model_path)
    tensors = st_load(members["tensors.safetensors"])
    tensors["extra"] = np.ones(3, np.float32)
    with pytest.raises(ModelFileError, match="expected tensors"):
        load(_write(tmp_path / "bad.qcs", _with_tensors(members, tensors)), device="cpu")


def test_two_image_training_still_gives_finite_scores(bottle_images):
    """With the minimum of two OK images one image owns the whole bank: no infinite profile."""
    from inference import train

    model = train(bottle_images["train"][:2], device="cpu")
    prof = model._core.algo.profile
    assert prof is None or bool(torch.isfinite(prof).all())
    res = model.predict(bottle_images["ng"][:1])[0]
    assert np.isfinite(res.score) and res.score > 0


def test_identical_ok_images_give_a_loadable_model(bottle_images, tmp_path):
    """Copies of one image: scores stay finite and the saved bundle loads again."""
    from inference import train

    model = train([bottle_images["train"][0]] * 6, device="cpu")
    prof = model._core.algo.profile
    assert prof is None or bool((prof > 0).all())
    res = model.predict(bottle_images["ng"][:1])[0]
    assert np.isfinite(res.score)
    again = load(model.save(tmp_path / "same.qcs"), device="cpu")
    assert np.isfinite(again.predict(bottle_images["ng"][:1])[0].score)


def test_zero_variation_gives_no_profile():
    """All-zero OK maps (nothing varies) must not become a zero divisor or an unloadable bundle."""
    algo = PatchCore({"position_norm": "ratio"}, torch.ones(4, 3))
    algo.set_profile([torch.zeros(8, 8), torch.zeros(8, 8)])
    assert algo.profile is None
    algo.set_profile([torch.full((8, 8), float("inf"))])
    assert algo.profile is None
    algo.set_profile([torch.rand(8, 8, generator=torch.Generator().manual_seed(1)) + 1])
    assert algo.profile is not None and bool((algo.profile > 0).all())


def test_calibration_scores_training_images_like_unseen_parts(trained_model, bottle_images):
    """Leave-one-out scores (with stand-ins) sit where unseen OK bottles score, not above them: the
    threshold is placed on scores that describe unseen parts (before: median 21 % higher on bottle)."""
    stats = trained_model.info.stats
    n_loo = stats["leave_one_out_count"]
    loo = np.asarray(stats["calibration_scores"][:n_loo])
    unseen = np.asarray([float(m.max()) for m in trained_model.anomaly_maps(bottle_images["ok"])])
    assert abs(float(np.median(loo)) / float(np.median(unseen)) - 1) < 0.1, (np.median(loo), np.median(unseen))
