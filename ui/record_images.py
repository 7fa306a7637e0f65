"""A stored record's pictures, decoded on a worker thread for the History page and the similar-parts
dialog (both show the same detail panel; one loader so neither page imports the other)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QImage

from storage.images import resolve_image_path


def load_record_images(data_dir: Path, record: Any) -> tuple[int, QImage | None, QImage | None]:
    """Worker thread: the record's original and annotated images (QImage is thread-safe), ``None``
    for a file that is gone or does not decode."""
    out: list[QImage | None] = []
    for stored in (record.image_path, record.result_path):
        path = resolve_image_path(data_dir, stored)
        img = QImage(str(path)) if path is not None and path.is_file() else None
        out.append(img if img is not None and not img.isNull() else None)
    return record.id, out[0], out[1]
