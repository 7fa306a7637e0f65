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


def test_bundled_sample_is_copied_not_retrained(tmp_path, monkeypatch):
    import resources

    shipped = tmp_path / "bundle" / "resources"
    built = ensure_sample_model(shipped / "samples", device="cpu")
    monkeypatch.setattr(resources, "resource_root", lambda: shipped)
    target = tmp_path / "data" / "samples"
    monkeypatch.setattr("inference.train", lambda *a, **k: (_ for _ in ()).throw(AssertionError("retrained")))
    path = ensure_sample_model(target, device="cpu")
    assert path.read_bytes() == built.read_bytes()
    assert len(list_images(target / "train" / "good")) == len(list_images(shipped / "samples" / "train" / "good"))
