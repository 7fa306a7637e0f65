"""What the train form needs to know before and during training, without Qt.

Counting a folder's images while an engineer types its path, listing the images to train on, the
name a model gets from its folder, and how far a run is from the engine's (stage, fraction)
reports: the train dialog, the CLI and the machine API can all use these, and headless tests
check them without a window.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

# share of the progress bar per engine stage (inference.training reports these names)
STAGES: tuple[tuple[str, float], ...] = (
    ("loading images", 0.10),
    ("extracting features", 0.45),
    ("building memory bank", 0.20),
    ("learning OK variation", 0.10),
    ("calibrating", 0.15),
)
# csflow spends most of its time training the flow (a wall-clock budget of minutes)
CSFLOW_STAGES: tuple[tuple[str, float], ...] = (
    ("loading images", 0.03),
    ("extracting features", 0.12),
    ("training flow", 0.80),
    ("calibrating", 0.05),
)
def overall_fraction(stage: str, fraction: float, algorithm: str = "patchcore") -> float:
    """The engine's (stage, fraction-of-stage) as a fraction of the whole training run."""
    done = 0.0
    for name, weight in CSFLOW_STAGES if algorithm == "csflow" else STAGES:
        if name == stage:
            return min(1.0, done + weight * max(0.0, min(1.0, fraction)))
        done += weight
    return done if stage else 0.0


def min_ok_images() -> int:
    from inference.training import MIN_OK_IMAGES

    return MIN_OK_IMAGES


def count_folders(ok: str, ng: str) -> tuple[str, int | None, str, int | None]:
    """(ok text, images or None when no folder, ng text, images or None): runs in a pool thread."""
    from inference.imageio import IMAGE_SUFFIXES

    def count(text: str) -> int | None:
        folder = text.strip()
        if not folder or not Path(folder).is_dir():
            return None
        n = 0
        try:  # the same files as folder_images(), counted without sorting or a stat per file
            with os.scandir(folder) as entries:
                for i, e in enumerate(entries):
                    if not e.name.startswith(".") and os.path.splitext(e.name)[1].lower() in IMAGE_SUFFIXES \
                            and e.is_file():
                        n += 1
                    if i % 512 == 511:
                        time.sleep(0)  # hand the GIL to the GUI thread now and then
        except OSError:
            return 0
        return n
    return ok, count(ok), ng, count(ng)


def folder_images(folder: str) -> list[Path]:
    """Image files in ``folder`` (sorted); [] for an empty or missing path."""
    from inference.imageio import list_images

    if not folder.strip():
        return []
    p = Path(folder.strip())
    if not p.is_dir():
        return []
    try:
        return list_images(p)
    except OSError:
        return []


def default_name(folder: str) -> str:
    """``…/bottle/train/good`` → ``bottle``: the part's name rather than the folder's role."""
    p = Path(folder.strip())
    while p.name.lower() in ("good", "ok", "train", "images") and p.parent != p:
        p = p.parent
    return p.name or "model"
