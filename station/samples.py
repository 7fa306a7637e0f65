"""The sample model: trained from synthetic parts that QC Station draws itself.

A fresh install has no model and the development images may not be shipped, so the first
run (and the bundle build) draws a small set of synthetic parts (camera.synthetic), trains on
the good ones, calibrates with the defective ones, and keeps the bundle under the data dir.
Deterministic: the same seed draws the same parts, so the sample behaves the same everywhere.
"""

from __future__ import annotations

import logging
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

SAMPLE_MODEL_NAME = "sample-part.qcs"


def sample_model_path(root: str | Path) -> Path:
    return Path(root) / SAMPLE_MODEL_NAME


def _seed_from_bundle(root: Path) -> None:
    """Copy the sample set and model that ship in resources/samples (the bundle) once."""
    from resources import resource_path

    bundled = resource_path("samples")
    if not (bundled / SAMPLE_MODEL_NAME).is_file() or (root / SAMPLE_MODEL_NAME).exists():
        return
    if bundled.resolve() == root.resolve():
        return
    try:
        shutil.copytree(bundled, root, dirs_exist_ok=True)
    except OSError as exc:
        log.warning("could not copy the bundled sample set (%s); it will be drawn and trained", exc)


def ensure_sample_images(root: str | Path) -> dict[str, Path]:
    """Draw the sample set under ``root`` once (MVTec layout plus an ``ng`` folder)."""
    from camera.synthetic import write_sample_set

    root = Path(root)
    folders = {"train": root / "train" / "good", "test": root / "test", "ng": root / "ng"}
    if not any(folders["train"].glob("*.png")):
        folders = write_sample_set(root)
    return folders


def ensure_sample_model(root: str | Path, *, device: str = "auto",
                        progress: Callable[[str, float], None] | None = None,
                        cancel: threading.Event | None = None) -> Path:
    """The path of a valid sample model under ``root``, training it first if needed."""
    from inference import load, train
    from inference.errors import ModelFileError
    from inference.imageio import list_images

    path = sample_model_path(root)
    _seed_from_bundle(Path(root))
    if path.is_file():
        try:
            load(path, device="cpu")
            return path
        except ModelFileError as exc:
            log.warning("sample model %s unusable (%s); training it again", path, exc)
    folders = ensure_sample_images(root)
    model = train(list_images(folders["train"]), ng_images=list_images(folders["ng"]),
                  name="Sample part", device=device, progress=progress, cancel=cancel)
    return model.save(path)  # atomic: a crash never leaves half a bundle
