"""The sample model is trained from synthetic parts and separates them (first run, bundle)."""

from __future__ import annotations

from inference import load
from inference.imageio import list_images, read_image
from station.samples import ensure_sample_model


def test_sample_model_trains_once_and_separates_synthetic_parts(tmp_path):
    path = ensure_sample_model(tmp_path, device="cpu")
    mtime = path.stat().st_mtime_ns
    assert ensure_sample_model(tmp_path, device="cpu") == path
    assert path.stat().st_mtime_ns == mtime, "a valid sample model is reused, not retrained"
    model = load(path, device="cpu")
    good = [read_image(p) for p in list_images(tmp_path / "test" / "good")]
    bad = [read_image(p) for p in list_images(tmp_path / "ng")]
    results = model.predict(good + bad)
    ok_verdicts = [r.verdict for r in results[: len(good)]]
    ng_verdicts = [r.verdict for r in results[len(good):]]
    assert ok_verdicts.count("OK") >= 0.8 * len(good)
    assert ng_verdicts.count("NG") >= 0.8 * len(bad)


def test_damaged_sample_model_is_rebuilt(tmp_path):
    path = ensure_sample_model(tmp_path, device="cpu")
    path.write_bytes(b"garbage")
    assert ensure_sample_model(tmp_path, device="cpu") == path
    assert load(path, device="cpu").info.name == "Sample part"
