"""Whether a model's threshold has been checked on defective parts before it judges a line.

Why: a threshold set from OK images only can pass half of the defects (an OK-only model missed
50 % of the cracks on a real commutator set). A model counts as validated when it was trained or
calibrated with NG images, or evaluated on a labelled folder with NG parts; evaluations are
remembered in ``validated_models.json`` in the data folder (by model id, so a copy of the file
keeps the mark), written atomically. Until then the Models page and the Live tile say "not validated".
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from station.json_file import read_json, write_json

FILE_NAME = "validated_models.json"


def _path(data_dir: Path) -> Path:
    return Path(data_dir) / FILE_NAME


def _read(data_dir: Path | None) -> dict[str, Any]:
    data = read_json(_path(data_dir), {}) if data_dir is not None else {}
    return data if isinstance(data, dict) else {}


def is_validated(info: Any, data_dir: Path | None = None) -> bool:
    """True when NG images calibrated the model or a labelled evaluation with NG parts was recorded."""
    if info is None:
        return False
    if int(getattr(info, "ng_img_count", 0) or 0) > 0:
        return True
    return str(getattr(info, "id", "")) in _read(data_dir)


def mark_validated(data_dir: Path, model_id: str, *, dataset: str = "", ng_count: int = 0) -> bool:
    """Remember an evaluation on a labelled folder; only one with NG parts validates (False otherwise)."""
    if not model_id or ng_count <= 0:
        return False
    data = _read(data_dir)
    data[str(model_id)] = {"at": datetime.now().isoformat(timespec="seconds"), "dataset": dataset,
                           "ng": int(ng_count)}
    return write_json(_path(data_dir), data)
