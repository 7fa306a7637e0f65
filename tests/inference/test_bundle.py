"""Model bundles: identical scores after a round trip; damaged and hostile files are refused clearly."""

from __future__ import annotations

import io
import json
import zipfile

import numpy as np
import pytest
from safetensors.numpy import save as st_save

from inference import load
from inference.errors import ModelFileError


def _members(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _write(path, members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", compression=compression) as zf:
        for n, d in members.items():
            zf.writestr(n, d)
    return path


def test_round_trip_identical(trained_model, tmp_path, bottle_images):
    path = trained_model.save(tmp_path / "m.qcs")
    again = load(path, device="cpu")
    assert again.info == trained_model.info
    imgs = bottle_images["ok"][:2] + bottle_images["ng"][:2]
    for a, b in zip(trained_model.predict(imgs), again.predict(imgs), strict=True):
        assert a.score == b.score and a.verdict == b.verdict
        np.testing.assert_array_equal(a.anomaly_map, b.anomaly_map)
        assert a.regions == b.regions


def test_saved_params_travel_with_the_bundle(trained_model, tmp_path):
    m = trained_model.with_params(trained_model.params.with_(min_detected_area=50, ignore_outer=4))
    again = load(m.save(tmp_path / "p.qcs"), device="cpu")
    assert again.params.min_detected_area == 50 and again.params.ignore_outer == 4


def test_manifest_content(trained_model_path):
    manifest = json.loads(_members(trained_model_path)["manifest.json"])
    for key in ("id", "name", "algorithm", "version", "backbone", "input_size", "parameters", "params",
                "ok_img_count", "ng_img_count", "training_seconds", "stats", "created_at"):
        assert key in manifest
    assert manifest["params"]["threshold"] > 0


def _mutated(trained_model_path, tmp_path, **changes):
    members = _members(trained_model_path)
    manifest = json.loads(members["manifest.json"])
    for k, v in changes.items():
        manifest[k] = v
    members["manifest.json"] = json.dumps(manifest).encode()
    return _write(tmp_path / "bad.qcs", members)


def _load_edited(src, tmp_path, put: dict[str, bytes] | None = None, drop: tuple[str, ...] = (),
                 rename: dict[str, str] | None = None):
    """``load`` of a copy of the bundle ``src`` with members put in, dropped or renamed."""
    members = _members(src)
    for old, new in (rename or {}).items():
        members[new] = members.pop(old)
    for name in drop:
        del members[name]
    members.update(put or {})
    return load(_write(tmp_path / "edited.qcs", members))


@pytest.mark.parametrize(
    "edit, match",
    [
        ({"put": {"../../evil.py": b"print('owned')"}}, "path escape"),
        ({"rename": {"manifest.json": "sub/manifest.json"}}, "path escape"),
        ({"put": {"manifest.json": b"{nope"}}, "not valid JSON"),
        ({"drop": ("tensors.safetensors",)}, "missing"),
        ({"put": {"tensors.safetensors": b"\x80\x04\x95" + b"cos\nsystem\n" * 10}}, "damaged"),
    ],
    ids=["zip_slip", "nested_path", "manifest_not_json", "missing_entry", "pickle_payload_is_just_bad_data"],
)
def test_hostile_or_damaged_members_refused(trained_model_path, tmp_path, edit, match):
    with pytest.raises(ModelFileError, match=match):
        _load_edited(trained_model_path, tmp_path, **edit)


def test_zip_bomb_refused(trained_model_path, tmp_path):
    with pytest.raises(ModelFileError, match="zip bomb|declares"):  # the zeros compress ~1000:1
        _load_edited(trained_model_path, tmp_path, put={"tensors.safetensors": b"\0" * (50 << 20)})


def test_huge_declared_size_refused(trained_model_path, tmp_path):
    path = tmp_path / "huge.qcs"
    _write(path, _members(trained_model_path), compression=zipfile.ZIP_STORED)
    raw = bytearray(path.read_bytes())
    # patch the central directory's uncompressed size of manifest.json to 3 GB
    cd = raw.rfind(b"PK\x01\x02manifest.json"[:4])
    while cd != -1:
        name_len = int.from_bytes(raw[cd + 28 : cd + 30], "little")
        if raw[cd + 46 : cd + 46 + name_len] == b"manifest.json":
            raw[cd + 24 : cd + 28] = (3 << 30).to_bytes(4, "little")
            break
        cd = raw.rfind(b"PK\x01\x02", 0, cd)
    path.write_bytes(bytes(raw))
    with pytest.raises(ModelFileError, match="declares|damaged|size"):
        load(path)


@pytest.mark.parametrize(
    "changes, match",
    [
        ({"format": "other"}, "not a QC Station"),
        ({"format_version": 99}, "not supported"),
        ({"id": 5}, "'id'"),
        ({"params": {"threshold": -1, "pixel_threshold": 1, "min_detected_area": 0, "ignore_outer": 0}}, "range"),
        ({"params": "x"}, "'params'"),
        ({"algorithm": "magic"}, "unknown algorithm"),
        ({"parameters": {"coreset_ratio": "lots"}}, "coreset_ratio"),
        ({"backbone": "resnet"}, "disagree"),
    ],
)
def test_bad_manifest_refused(trained_model_path, tmp_path, changes, match):
    with pytest.raises(ModelFileError, match=match):
        load(_mutated(trained_model_path, tmp_path, **changes))


def test_wrong_tensor_shape(trained_model_path, tmp_path):
    members = _members(trained_model_path)
    bank = np.zeros((10, 7), np.float32)
    members["tensors.safetensors"] = st_save({"memory_bank": bank})
    manifest = json.loads(members["manifest.json"])
    manifest["tensors"] = {"memory_bank": {"shape": [10, 7], "dtype": "float32"}}
    members["manifest.json"] = json.dumps(manifest).encode()
    with pytest.raises(ModelFileError, match=r"expected \(N, \d+\)"):
        load(_write(tmp_path / "x.qcs", members))


def test_tensor_disagrees_with_manifest(trained_model_path, tmp_path):
    declared = json.loads(_members(trained_model_path)["manifest.json"])["tensors"]
    tensors = st_save({k: np.zeros((3, 3), np.float32) for k in declared})
    with pytest.raises(ModelFileError, match="manifest says"):
        _load_edited(trained_model_path, tmp_path, put={"tensors.safetensors": tensors})


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 truncated", b"plain text"])
def test_not_a_zip(tmp_path, content):
    p = tmp_path / "x.qcs"
    p.write_bytes(content)
    with pytest.raises(ModelFileError):
        load(p)


def test_truncated_bundle(trained_model_path, tmp_path):
    p = tmp_path / "cut.qcs"
    p.write_bytes(trained_model_path.read_bytes()[: trained_model_path.stat().st_size // 2])
    with pytest.raises(ModelFileError):
        load(p)


def test_missing_file(tmp_path):
    with pytest.raises(ModelFileError, match="not found"):
        load(tmp_path / "none.qcs")


def test_save_is_atomic_and_adds_suffix(trained_model, tmp_path):
    p = trained_model.save(tmp_path / "model")
    assert p.name == "model.qcs" and p.is_file()
    assert [x.name for x in tmp_path.iterdir()] == ["model.qcs"]
    assert io.BytesIO(p.read_bytes()).getbuffer().nbytes < 40 << 20
