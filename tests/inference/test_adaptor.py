"""PatchCore's optional feature adaptor (inference.adaptor): off by default, deterministic with a seed,
bundle round trip with identical scores, hostile weights refused, cancel honoured, progress inside the
memory-bank stage. A fixed, small number of steps keeps it fast and independent of the CPU's speed."""

from __future__ import annotations

import json
import threading
import zipfile

import numpy as np
import pytest
import torch
from safetensors.numpy import load as st_load
from safetensors.numpy import save as st_save

from inference import load, train
from inference.adaptor import NAME, Adaptor
from inference.errors import ModelFileError, TrainingCancelled

ADAPT = {"adapt": "channels", "adapt_steps": 12, "adapt_seconds": 3600, "adapt_views": 1, "input_size": 160,
         "seed": 5}


@pytest.fixture(scope="module")
def adapted(bottle_images):
    return train(bottle_images["train"][:10], parameters=ADAPT, name="adapted", device="cpu")


def test_off_by_default_and_registered():
    from inference.algorithms import get_spec

    spec = get_spec("patchcore")
    cfg = spec.resolve()
    assert cfg["adapt"] == "none"
    assert {"adapt", "adapt_steps", "adapt_seconds", "adapt_views"} <= {p.name for p in spec.parameters}
    assert next(p for p in spec.parameters if p.name == "adapt").choices == ("none", "channels", "linear")
    with pytest.raises(ValueError, match="adapt"):
        spec.resolve({"adapt": "finetune"})


def test_plain_model_carries_no_adaptor(trained_model):
    assert NAME not in trained_model._core.algo.tensors()
    assert not any(k.startswith("adaptor") for k in trained_model.info.stats)


def test_trains_a_real_map_and_reports_it(adapted):
    st = adapted.info.stats
    w = adapted._core.algo.tensors()[NAME]
    d = adapted._core.algo.bank.shape[1]
    assert w.shape == (d, d) and w.dtype == np.float32
    assert st["adaptor_steps"] == ADAPT["adapt_steps"] and not st["adaptor_stopped_by_budget"]
    assert st["adaptor_defect_patches"] > 0 and np.isfinite(st["adaptor_final_loss"])
    check = st["adaptor_check_image_auroc"]
    np.testing.assert_array_equal(w, np.diag(np.diag(w)))  # channels: a reweighting, nothing mixed
    if st["adaptor"]:  # kept only when it ranks unseen synthetic defects better than the plain features
        assert check["adapted"] > check["plain"]
        assert not np.allclose(w, np.eye(d))
    else:
        np.testing.assert_array_equal(w, np.eye(d, dtype=np.float32))


def test_same_seed_same_model_other_seed_differs(adapted, bottle_images):
    again = train(bottle_images["train"][:10], parameters=ADAPT, device="cpu")
    a, b = adapted._core.algo.tensors(), again._core.algo.tensors()
    assert a.keys() == b.keys()
    for k in a:
        np.testing.assert_array_equal(a[k], b[k], err_msg=k)
    assert adapted.params.threshold == again.params.threshold
    other = train(bottle_images["train"][:10], parameters={**ADAPT, "seed": 6}, device="cpu")
    if adapted.info.stats["adaptor"] or other.info.stats["adaptor"]:  # else both are the identity
        assert not np.array_equal(other._core.algo.tensors()[NAME], a[NAME])


def test_bundle_round_trip_identical_scores(adapted, bottle_images, tmp_path):
    path = adapted.save(tmp_path / "adapted.qcs")
    again = load(path, device="cpu")
    assert again.info == adapted.info
    np.testing.assert_array_equal(again._core.algo.tensors()[NAME], adapted._core.algo.tensors()[NAME])
    imgs = bottle_images["ok"][:2] + bottle_images["ng"][:2]
    for a, b in zip(adapted.predict(imgs), again.predict(imgs), strict=True):
        assert a.score == b.score and a.verdict == b.verdict
        np.testing.assert_array_equal(a.anomaly_map, b.anomaly_map)


def test_scores_are_distances_in_the_adapted_space():
    """PatchCore with an adaptor: the bank and every query go through the same map."""
    from inference.algorithms.patchcore import PatchCore

    g = torch.Generator().manual_seed(0)
    w = torch.eye(6) + 0.3 * torch.randn(6, 6, generator=g)
    rows = torch.randn(50, 6, generator=g)
    cfg = {"max_bank": 50, "coreset_ratio": 1.0, "seed": 0, "position_norm": "none", "adapt": "linear"}
    pc = PatchCore.fit(cfg, rows, adaptor=Adaptor(w))
    q = torch.randn(1, 6, 2, 3, generator=g)
    flat = q.permute(0, 2, 3, 1).reshape(-1, 6)
    scores, _ = pc.patch_scores(q)
    torch.testing.assert_close(scores, torch.cdist(flat @ w.T, rows @ w.T).min(1).values.view(1, 2, 3),
                               atol=1e-4, rtol=1e-4)
    assert not torch.allclose(scores, torch.cdist(flat, rows).min(1).values.view(1, 2, 3), atol=1e-3)
    loo = pc.leave_one_out_map(q[0], owner=-1)  # no owners: the same distances
    torch.testing.assert_close(loo, scores[0], atol=1e-4, rtol=1e-4)
    back = PatchCore.from_tensors(cfg, pc.tensors(), 6, "cpu")
    torch.testing.assert_close(back.patch_scores(q)[0], scores)


def _rewrite(src, dst, change_tensors=None, change_params=None):
    with zipfile.ZipFile(src) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    tensors = dict(st_load(members["tensors.safetensors"]))
    if change_tensors:
        change_tensors(tensors)
    members["tensors.safetensors"] = st_save(tensors)
    manifest = json.loads(members["manifest.json"])
    manifest["tensors"] = {k: {"shape": list(v.shape), "dtype": str(v.dtype)} for k, v in tensors.items()}
    if change_params:
        change_params(manifest["parameters"])
    members["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(dst, "w") as zf:
        for n, d in members.items():
            zf.writestr(n, d)
    return dst


def _nan(t):
    t[NAME] = t[NAME].copy()
    t[NAME][3, 4] = np.nan


def _inf(t):
    t[NAME] = t[NAME].copy()
    t[NAME][0, 0] = np.inf


def _huge(t):
    t[NAME] = t[NAME] * np.float32(1e6)


def _shape(t):
    t[NAME] = t[NAME][:, :-1].copy()


def _dtype(t):
    t[NAME] = t[NAME].astype(np.float64)


def _singular(t):
    w = t[NAME].copy()
    w[:, 0] = 0.0  # one feature direction collapsed: every bank row loses it
    t[NAME] = w


def _zeros(t):
    t[NAME] = np.zeros_like(t[NAME])


def _missing(t):
    del t[NAME]


def _mixing(t):
    w = t[NAME].copy()
    w[0, 1] = 0.5  # channels may be reweighted, never mixed
    t[NAME] = w


@pytest.mark.parametrize("change, reason", [
    (_nan, "NaN"), (_inf, "infinite"), (_huge, "beyond"), (_shape, "shape"), (_dtype, "float32"),
    (_singular, "degenerate"), (_zeros, "degenerate"), (_missing, "no adaptor_weight"), (_mixing, "diagonal"),
])
def test_hostile_weights_refused(adapted, tmp_path, change, reason):
    good = adapted.save(tmp_path / "good.qcs")
    bad = _rewrite(good, tmp_path / "bad.qcs", change_tensors=change)
    with pytest.raises(ModelFileError, match=reason):
        load(bad, device="cpu")


def test_weights_without_the_parameter_refused(adapted, tmp_path):
    good = adapted.save(tmp_path / "good.qcs")
    bad = _rewrite(good, tmp_path / "bad.qcs", change_params=lambda p: p.update(adapt="none"))
    with pytest.raises(ModelFileError, match="adapt=none"):
        load(bad, device="cpu")


def test_plain_bundle_claiming_an_adaptor_refused(trained_model_path, tmp_path):
    bad = _rewrite(trained_model_path, tmp_path / "bad.qcs", change_params=lambda p: p.update(adapt="linear"))
    with pytest.raises(ModelFileError, match="no adaptor_weight"):
        load(bad, device="cpu")


def test_linear_mode_trains_and_round_trips(bottle_images, tmp_path):
    model = train(bottle_images["train"][:6], parameters={**ADAPT, "adapt": "linear", "adapt_steps": 6},
                  device="cpu")
    w = model._core.algo.tensors()[NAME]
    assert model.info.stats["adaptor_steps"] == 6
    if model.info.stats["adaptor"]:
        assert np.count_nonzero(w - np.diag(np.diag(w))) > 0  # a full matrix
    again = load(model.save(tmp_path / "linear.qcs"), device="cpu")
    img = bottle_images["ng"][:1]
    assert again.predict(img)[0].score == model.predict(img)[0].score


def test_progress_stays_in_the_bank_stage_and_cancel_is_honoured(bottle_images):
    seen: list[tuple[str, float]] = []
    cancel = threading.Event()

    def progress(stage, f):
        seen.append((stage, f))
        if stage == "building memory bank" and f > 0.1:  # the adaptor's own steps are under way
            cancel.set()

    with pytest.raises(TrainingCancelled):
        train(bottle_images["train"][:6], parameters={**ADAPT, "adapt_steps": 100000}, device="cpu",
              progress=progress, cancel=cancel)
    bank = [f for s, f in seen if s == "building memory bank"]
    assert bank and bank == sorted(bank) and max(bank) < 0.6  # stopped inside the adaptor's share
    assert "calibrating" not in {s for s, _ in seen}


def test_defective_copies_take_the_kinds_in_turn():
    """The generator the adaptor and the self-check share: per_image copies per image, kinds in turn."""
    from inference.synthetic import KINDS, defective_copies

    rng = np.random.default_rng(0)
    imgs = [np.full((96, 128, 3), 120, np.uint8), np.full((80, 80), 90, np.uint8)]
    calls: list[int] = []
    out = list(defective_copies(imgs, 4, rng, check=lambda: calls.append(1)))
    assert len(calls) == 2
    assert [(i, k) for i, k, _, _ in out] == [(j // 4, KINDS[j % len(KINDS)]) for j in range(8)]
    for i, _, img, mask in out:
        assert img.shape == imgs[i].shape and img.dtype == np.uint8
        assert mask.any() and (img != imgs[i]).any()
