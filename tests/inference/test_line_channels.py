"""Long dark-line channels (inference.line_channels): what they respond to, and how a model keeps them."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
import torch

from inference import load, train
from inference.algorithms import get_spec
from inference.backbone import get_backbone
from inference.features import backbone_channels, feature_dim, prepare
from inference.line_channels import DIRECTIONS, enabled, fit_scale, raw_line_strength

VERTICAL = DIRECTIONS // 2  # direction i runs at i · 180° / DIRECTIONS: 90° is straight down


def _surface(seed: int, gain: float = 1.0, size: int = 256) -> np.ndarray:
    """A streaked grey surface (vertical grinding streaks plus fine noise), like a machined part."""
    rng = np.random.default_rng(seed)
    streaks = cv2.GaussianBlur(rng.normal(0, 10, (1, size)).astype(np.float32), (0, 0), 1.5)
    img = 140 + np.repeat(streaks, size, axis=0) + rng.normal(0, 4, (size, size)).astype(np.float32)
    return np.clip(img * gain, 0, 255).astype(np.uint8)


def _with_line(img: np.ndarray, x: int = 140, y0: int = 60, length: int = 90, depth: float = 45) -> np.ndarray:
    out = img.astype(np.float32)
    out[y0 : y0 + length, x : x + 2] -= depth * out[y0 : y0 + length, x : x + 2] / 140
    return np.clip(out, 0, 255).astype(np.uint8)


def _strength(gray: np.ndarray) -> np.ndarray:
    cfg = get_spec("patchcore").resolve({"pad": 0})
    t = prepare(cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR), cfg).tensor
    return raw_line_strength(torch.from_numpy(t)[None], 15)[0].numpy()  # (DIRECTIONS, 32, 32) at 256²


def test_a_thin_dark_line_lights_its_cells_in_its_direction():
    r = _strength(_with_line(_surface(1)))
    line_cells = r[:, 9:17, 17]  # x = 140-141 → cell 17; y 60-150 → cells 7-18 (inner part)
    assert (line_cells.argmax(0) == VERTICAL).all()
    off = np.delete(r.max(0), np.s_[15:20], axis=1)  # every cell at least two cells from the line
    assert line_cells.max(0).min() > 3 * np.percentile(off, 99)


def test_a_lighting_gain_cancels():
    bright, dim = _strength(_with_line(_surface(2))), _strength(_with_line(_surface(2, gain=0.55)))
    on = bright[VERTICAL, 9:17, 17]
    assert np.allclose(dim[VERTICAL, 9:17, 17], on, rtol=0.12)


def test_a_speck_is_weaker_than_a_line_of_the_same_depth():
    speck = _with_line(_surface(3), length=3)
    line = _with_line(_surface(3), length=90)
    assert _strength(line)[:, 9:17, 17].max() > 2.5 * _strength(speck)[:, 6:10, 16:19].max()


def test_off_by_default_and_without_a_fitted_scale():
    spec = get_spec("patchcore")
    fx = get_backbone("efficientnet-lite0", "cpu")
    plain = feature_dim(fx, spec.resolve({}))
    assert not enabled(spec.resolve({"line_weight": 8.0}))  # the scale is fitted at training
    assert feature_dim(fx, spec.resolve({"line_weight": 8.0})) == plain  # an old bundle's layout
    assert feature_dim(fx, spec.resolve({"line_weight": 8.0, "line_scale": 0.1})) == plain + DIRECTIONS
    for bad in ({"line_weight": -1.0}, {"line_length": 2}, {"line_scale": -0.5}):
        with pytest.raises(ValueError):
            spec.resolve(bad)


def test_scale_is_the_ok_cells_strong_line_level():
    cfg = get_spec("patchcore").resolve({"line_weight": 8.0})
    tensors = [prepare(cv2.cvtColor(_surface(s), cv2.COLOR_GRAY2BGR), cfg).tensor for s in range(4)]
    scale = fit_scale(tensors, cfg)
    cracked = prepare(cv2.cvtColor(_with_line(_surface(9)), cv2.COLOR_GRAY2BGR), cfg).tensor
    line = float(raw_line_strength(torch.from_numpy(cracked)[None], 15)[0].max())
    assert 0 < scale < line / 3


@pytest.fixture(scope="module")
def models():
    ok = [cv2.cvtColor(_surface(100 + i), cv2.COLOR_GRAY2BGR) for i in range(12)]
    base = {"input_size": 128, "synthetic_check": False, "appearance_clusters": 1}
    return (train(ok, parameters=base, device="cpu"),
            train(ok, parameters={**base, "line_weight": 8.0}, device="cpu"))


def test_a_model_fits_stores_and_reloads_its_line_channels(models, tmp_path):
    _, lined = models
    cfg = lined.config
    assert enabled(cfg) and cfg["line_scale"] > 0
    again = load(lined.save(tmp_path / "lined.qcs"), device="cpu")
    assert again.config["line_scale"] == cfg["line_scale"]
    img = cv2.cvtColor(_with_line(_surface(555)), cv2.COLOR_GRAY2BGR)
    assert np.array_equal(lined.anomaly_maps([img])[0], again.anomaly_maps([img])[0])


def test_line_channels_raise_a_crack_along_the_streaks_above_the_surface(models):
    """The case they are for: a thin dark line running with the grain of a streaked surface."""
    plain, lined = models
    ok = [cv2.cvtColor(_surface(700 + i), cv2.COLOR_GRAY2BGR) for i in range(4)]
    ng = cv2.cvtColor(_with_line(_surface(777), depth=60), cv2.COLOR_GRAY2BGR)

    def margin(model) -> float:
        maps = model.anomaly_maps([*ok, ng])
        return float(maps[-1].max()) / max(float(m.max()) for m in maps[:-1])

    # measured at 128² analysed size: 1.10 → 1.25 at depth 45, 1.31 → 1.84 at depth 70
    assert margin(lined) > 1.2 * margin(plain)


def test_similarity_vectors_ignore_the_line_channels():
    cfg = get_spec("patchcore").resolve({"line_weight": 8.0, "line_scale": 0.1})
    feats = torch.randn(2, 152 + DIRECTIONS, 4, 4)
    assert torch.equal(backbone_channels(feats, cfg), feats[:, :152])
    assert backbone_channels(feats[:, :152], get_spec("patchcore").resolve({})).shape[1] == 152


def test_a_bundle_claiming_line_channels_its_bank_lacks_is_refused(models, tmp_path):
    """A manifest edited to switch the channels on does not reach the search with the wrong width."""
    import json
    import zipfile

    from inference.errors import ModelFileError

    plain, _ = models
    src = plain.save(tmp_path / "plain.qcs")
    with zipfile.ZipFile(src) as z:
        members = {n: z.read(n) for n in z.namelist()}
    manifest = json.loads(members["manifest.json"])
    manifest["parameters"].update(line_weight=8.0, line_scale=0.1)
    members["manifest.json"] = json.dumps(manifest).encode()
    bad = tmp_path / "claims_lines.qcs"
    with zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in members.items():
            z.writestr(n, data)
    with pytest.raises(ModelFileError, match=r"expected \(N, \d+\)"):
        load(bad, device="cpu")
