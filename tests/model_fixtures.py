"""Session-wide trained models for every room's tests (station, API, GUI, engine).

``trained_model``: a real PatchCore model trained on 20 OK bottle images (a few seconds on the
2-core CPU), shared by the whole test session. ``trained_model_path``: the same model saved as a
``.qcs`` bundle in a session temp folder. ``bottle_images``: paths of OK and NG test images.
"""

from __future__ import annotations

from pathlib import Path

import pytest

N_TRAIN = 20


@pytest.fixture(scope="session")
def bottle_dir(require_dataset) -> Path:
    return require_dataset("bottle", "train", "good").parent.parent


@pytest.fixture(scope="session")
def bottle_images(bottle_dir) -> dict[str, list[Path]]:
    """{"train": first 20 train/good, "ok": test/good, "ng": every defective test image}."""
    from inference.imageio import list_images

    ng: list[Path] = []
    for sub in sorted(p for p in (bottle_dir / "test").iterdir() if p.is_dir() and p.name != "good"):
        ng += list_images(sub)
    return {
        "train": list_images(bottle_dir / "train" / "good")[:N_TRAIN],
        "ok": list_images(bottle_dir / "test" / "good"),
        "ng": ng,
    }


@pytest.fixture(scope="session")
def trained_model(bottle_images):
    """A real PatchCore model (CPU) trained on 20 OK bottle images; treat it as read-only."""
    from inference import train
    from inference.runtime import configure_threads

    configure_threads()
    return train(bottle_images["train"], name="bottle-test", device="cpu")


@pytest.fixture(scope="session")
def trained_model_path(trained_model, tmp_path_factory) -> Path:
    """``trained_model`` saved as a bundle; copy it before modifying the file."""
    return trained_model.save(tmp_path_factory.mktemp("models") / "bottle-test.qcs")
