"""The live source the operator used last, and its options, kept across restarts.

Why a file of its own (``live_source.json`` beside the settings file): it changes every time the
operator presses Start, while the settings file is the engineer's, validated and saved on purpose.
A damaged or foreign file is ignored (defaults), never an error; writes are atomic.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from station.json_file import read_json, write_json
from station.settings import config_dir

FILE_NAME = "live_source.json"
KINDS = ("folder", "video", "camera")


@dataclass(frozen=True)
class SourceChoice:
    kind: str = "folder"
    folder: str = ""
    interval_ms: int = 500
    shuffle: bool = False
    loop: bool = True
    recursive: bool = True
    video: str = ""
    video_loop: bool = False
    video_fast: bool = False
    camera_index: int = 0
    resolution: int = 0  # index into the Live page's resolution list
    exposure: float | None = None  # None = driver's auto
    gain: float | None = None

    @classmethod
    def from_dict(cls, data: Any) -> SourceChoice:
        """Known keys of the right type only; anything else keeps its default."""
        if not isinstance(data, dict):
            return cls()
        default = cls()
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in data:
                continue
            v, d = data[f.name], getattr(default, f.name)
            if isinstance(d, bool):
                ok = isinstance(v, bool)
            elif isinstance(d, int):
                ok = isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 10_000_000
            elif isinstance(d, str):
                ok = isinstance(v, str) and len(v) < 4096
            else:  # float | None
                ok = v is None or (isinstance(v, (int, float)) and not isinstance(v, bool))
            if ok:
                values[f.name] = v
        if values.get("kind", "folder") not in KINDS:
            values.pop("kind")
        return cls(**values)


def memory_path(directory: Path | None = None) -> Path:
    return (directory or config_dir()) / FILE_NAME


def load_choice(directory: Path | None = None) -> SourceChoice:
    return SourceChoice.from_dict(read_json(memory_path(directory), {}))


def save_choice(choice: SourceChoice, directory: Path | None = None) -> None:
    write_json(memory_path(directory), asdict(choice))  # a read-only config dir must not stop the line
