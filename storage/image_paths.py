"""Where a stored image path points: relative to the data directory, absolute ones kept as they are.

Shared by the History page, the Similar dialog and the PDF report (no Qt here).
"""

from __future__ import annotations

from pathlib import Path


def resolve_image_path(data_dir: Path, stored: str | None) -> Path | None:
    """Stored image paths are relative to the data directory (absolute ones are kept)."""
    if not stored:
        return None
    p = Path(stored)
    if p.is_absolute():
        return p
    for candidate in (data_dir / p, data_dir / "images" / p):
        if candidate.is_file():
            return candidate
    return data_dir / p
