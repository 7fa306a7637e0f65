"""Small JSON state files (the remembered live source, validated models): read leniently, written
atomically, so a crash mid-write or a damaged file never stops the station."""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

MAX_BYTES = 4_000_000


def read_json(path: Path, default: Any) -> Any:
    """The file's JSON, or ``default`` when it is missing, too large or not JSON (logged)."""
    try:
        if path.stat().st_size > MAX_BYTES:
            log.warning("ignoring %s: larger than %d bytes", path, MAX_BYTES)
            return default
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return default
    except (OSError, ValueError) as exc:
        log.warning("ignoring %s: %s", path, exc)
        return default


def write_json(path: Path, data: Any) -> bool:
    """Write through a temp file and a rename; False (logged) when the folder is not writable."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, indent=1)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        log.warning("could not write %s: %s", path, exc)
        return False
    return True
