"""What one row of the model library shows, worked out without Qt.

The Models page draws these rows; a headless listing (CLI, API, tests) reads the same figures, so
the table and any other view never disagree about which model is active or validated.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from station import model_library as lib
from station.validation import is_validated


def fmt_float(v: Any, digits: int = 3) -> str:
    """A number with ``digits`` decimals; an en dash for a missing or non-numeric value."""
    return f"{v:.{digits}f}" if isinstance(v, (int, float)) and not isinstance(v, bool) else "–"


@dataclass(frozen=True)
class LibraryRow:
    """The texts of one library entry; ``readable`` False means only ``file`` and ``error`` count."""

    path: Path
    readable: bool
    active: bool
    validated: bool
    name: str = ""
    created: str = ""
    algorithm: str = ""
    ok_images: str = ""
    ng_images: str = ""
    training: str = ""
    threshold: str = ""
    precision: str = ""
    recall: str = ""
    error: str = ""

    @property
    def file(self) -> str:
        return self.path.name


def library_row(entry: lib.ModelEntry, active_path: str | os.PathLike[str] | None,
                data_dir: Path | None) -> LibraryRow:
    """The row for ``entry``: active when it is the file the station runs, validated when it was
    checked on NG parts (``station.validation``)."""
    info = entry.info
    active = lib.is_active(entry.path, active_path)
    if info is None:
        return LibraryRow(entry.path, readable=False, active=active, validated=False, error=entry.error or "")
    stats = info.stats or {}
    return LibraryRow(
        entry.path, readable=True, active=active, validated=is_validated(info, data_dir),
        name=info.name,
        created=info.created_at.replace("T", " ")[:19],
        algorithm=info.algorithm,
        ok_images=str(info.ok_img_count),
        ng_images=str(info.ng_img_count),
        training=f"{info.training_seconds:.1f} s",
        threshold=fmt_float(info.params.threshold, 4),
        precision=fmt_float(stats.get("precision")),
        recall=fmt_float(stats.get("recall")),
    )
