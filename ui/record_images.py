"""Decoding a record's images off the GUI thread (History page and Similar dialog)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QImage

from storage.image_paths import resolve_image_path


def load_images(data_dir: Path, record: Any) -> tuple[int, QImage | None, QImage | None]:
    """Worker thread: decode the record's original and annotated images (QImage is thread-safe)."""
    out: list[QImage | None] = []
    for stored in (record.image_path, record.result_path):
        path = resolve_image_path(data_dir, stored)
        img = QImage(str(path)) if path is not None and path.is_file() else None
        out.append(img if img is not None and not img.isNull() else None)
    return record.id, out[0], out[1]
