"""Which files are images, and listing them: one rule for training folders, evaluation sets and the
live folder source (each had its own copy, with different ideas about hidden files)."""

from __future__ import annotations

import os
import re
from pathlib import Path

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp", ".pgm", ".ppm", ".pnm")


def is_image_file(path: str | os.PathLike[str]) -> bool:
    return Path(path).suffix.lower() in IMAGE_SUFFIXES


def natural_key(text: str) -> list[int | str]:
    """Sort key so that ``img2`` comes before ``img10`` (how a person numbers parts)."""
    return [int(tok) if tok.isdigit() else tok.lower() for tok in re.split(r"(\d+)", text)]


def list_images(folder: str | os.PathLike[str], *, recursive: bool = False, natural: bool = False) -> list[Path]:
    """Image files of a folder (``recursive``: and its sub-folders), hidden files skipped.

    Sorted by path, or with ``natural`` in the order a person numbers parts (``img2`` < ``img10``).
    """
    root = Path(folder)
    found = root.rglob("*") if recursive else root.iterdir()
    files = [p for p in found if not p.name.startswith(".") and is_image_file(p) and p.is_file()]
    if natural:
        return sorted(files, key=lambda p: natural_key(str(p.relative_to(root))))
    return sorted(files)


__all__ = ["IMAGE_SUFFIXES", "is_image_file", "list_images", "natural_key"]
