"""Issue 12 items 8 and 9: hostile or implausible model files are refused with one line, and one bad
file in the library never hides the others."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import numpy as np
import pytest
from safetensors.numpy import load as st_load
from safetensors.numpy import save as st_save

import main
from inference.errors import ModelFileError


def _parts(path: Path) -> tuple[dict, dict]:
    with zipfile.ZipFile(path) as zf:
        return json.loads(zf.read("manifest.json")), st_load(zf.read("tensors.safetensors"))


def _write(path: Path, manifest: dict | bytes, tensors: dict) -> Path:
    raw = manifest if isinstance(manifest, bytes) else json.dumps(manifest).encode()
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("manifest.json", raw)
        zf.writestr("tensors.safetensors", st_save(tensors))
    return path


def _deep(sample: Path, path: Path, depth: int = 100_000) -> Path:
    manifest, tensors = _parts(sample)
    text = json.dumps(manifest)
    nested = "[" * depth + "]" * depth
    raw = text[:-1] + f', "junk": {nested}}}'
    return _write(path, raw.encode(), tensors)


def test_deeply_nested_manifest_predict_exits_2_with_one_line(trained_model_path, tmp_path, capsys):
    import cv2

    bad = _deep(trained_model_path, tmp_path / "deep.qcs")
    img = tmp_path / "x.png"
    cv2.imwrite(str(img), np.zeros((64, 64, 3), np.uint8))
    rc = main.main(["--device", "cpu", "predict", "--model", str(bad), str(img)])
    err = capsys.readouterr().err.strip().splitlines()
    assert rc == 2, err
    assert "Traceback" not in "\n".join(err)
    assert "deep.qcs" in err[-1] and "nested" in err[-1]


def test_deeply_nested_manifest_serve_exits_2(trained_model_path, tmp_path, capsys):
    import argparse

    from composition import run_serve

    bad = _deep(trained_model_path, tmp_path / "deep.qcs")
    args = argparse.Namespace(config=None, host="127.0.0.1", port=0, api_key=None, device="cpu",
                              data_dir=str(tmp_path / "data"), db=None, model=str(bad))
    assert run_serve(args) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err and "deep.qcs" in err[-1] and not any("Traceback" in e for e in err)


def test_model_library_lists_the_good_ones_and_marks_the_bad_one(trained_model_path, tmp_path):
    from station.model_library import list_models

    shutil.copy(trained_model_path, tmp_path / "good.qcs")
    _deep(trained_model_path, tmp_path / "deep.qcs")
    entries = {e.path.name: e for e in list_models(tmp_path)}
    assert entries["good.qcs"].ok
    assert not entries["deep.qcs"].ok and "nested" in entries["deep.qcs"].error


@pytest.mark.parametrize("change, reason", [
    (lambda m: m["params"].update(threshold=1e308), "plausible range"),
    (lambda m: m["params"].update(pixel_threshold=1e-300), "plausible range"),
    (lambda m: m.update(format_version=True), "format version"),
    (lambda m: m.update(version=True), "wrong type"),
])
def test_implausible_manifest_values_are_refused(trained_model_path, tmp_path, change, reason):
    from inference import load

    manifest, tensors = _parts(trained_model_path)
    change(manifest)
    bad = _write(tmp_path / "bad.qcs", manifest, tensors)
    with pytest.raises(ModelFileError, match=reason):
        load(bad, device="cpu")


def test_memory_bank_above_max_bank_is_refused(trained_model_path, tmp_path):
    from inference import load
    from inference.algorithms import get_spec

    manifest, tensors = _parts(trained_model_path)
    bank = tensors["memory_bank"]
    limit = get_spec(manifest["algorithm"]).resolve(manifest["parameters"])["max_bank"]
    rows = np.resize(bank, (limit + 1, bank.shape[1])).astype(np.float32)
    tensors = {**tensors, "memory_bank": rows}
    manifest["tensors"]["memory_bank"]["shape"] = list(rows.shape)
    bad = _write(tmp_path / "big.qcs", manifest, tensors)
    with pytest.raises(ModelFileError, match="max_bank"):
        load(bad, device="cpu")


def test_update_predict_parameters_refuses_implausible_thresholds(trained_model_path, tmp_path):
    from tests.api.conftest import make_settings, serving

    model_copy = shutil.copy(trained_model_path, tmp_path / "m.qcs")
    settings = make_settings(tmp_path, **{"storage.save_images": "none", "inference.device": "cpu"})
    with serving(settings, None) as (station, _server, client):
        info = station.load_model(model_copy)
        url = f"/api/v1/models/{info.id}/update_predict_parameters"
        before = station.model.params
        r = client.post(url, json={"threshold": 1e308})
        # the machine API answers validation errors as the HACARUS document does: 422 + pointer
        assert r.status_code == 422 and "plausible" in r.json()["errors"]["detail"], r.text
        assert r.json()["errors"]["source"]["pointer"] == "/body/threshold"
        assert station.model.params == before
        ok = client.post(url, json={"threshold": before.threshold * 1.5})
        assert ok.status_code == 200, ok.text
