"""One place for configuration: a JSON file under the user's config dir, overridable by CLI flags.

Every room reads its part from :class:`Settings`; nothing else reads environment or files for
configuration. ``QCS_CONFIG_DIR`` / ``QCS_DATA_DIR`` relocate the folders (tests, portable installs).
Unknown keys in the file are ignored and missing ones take defaults, so an older or newer file
never stops the station from starting.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import Any, Literal

import platformdirs

log = logging.getLogger(__name__)

APP_NAME = "qcstation"


def config_dir() -> Path:
    return Path(os.environ.get("QCS_CONFIG_DIR") or platformdirs.user_config_dir(APP_NAME))


def default_data_dir() -> Path:
    return Path(os.environ.get("QCS_DATA_DIR") or platformdirs.user_data_dir(APP_NAME))


@dataclass
class ServerSettings:
    enabled: bool = True  # the GUI starts the endpoint with the window
    host: str = "127.0.0.1"  # loopback unless the user chooses the line network
    port: int = 8000
    api_key: str = ""  # empty: no key required
    max_pixels: int = 50_000_000  # larger images get HTTP 413
    request_timeout_s: float = 30.0


@dataclass
class StorageSettings:
    data_dir: str = ""  # empty: platformdirs default
    save_images: Literal["all", "ng", "none"] = "all"
    quota_mb: int = 10_000  # image store size; oldest images are pruned beyond it
    min_free_mb: int = 500  # saving pauses (with a warning) below this free disk space
    es_url: str = ""  # optional Elasticsearch mirror of the history
    es_index: str = "qcstation-inspections"


@dataclass
class InferenceSettings:
    device: Literal["auto", "cpu", "cuda"] = "auto"
    model_path: str = ""  # the active model bundle (.qcs)
    queue_size: int = 32  # bounded inference queue; a full queue answers "busy"
    max_batch: int = 8  # the worker batches up to this many waiting requests
    threads: int = 0  # torch CPU threads; 0 = number of cores


@dataclass
class Shift:
    name: str
    start: str  # "HH:MM", local time; a shift may cross midnight


def _default_shifts() -> list[Shift]:
    return [Shift("A", "06:00"), Shift("B", "14:00"), Shift("C", "22:00")]


@dataclass
class UiSettings:
    language: str = "auto"  # "auto", "en", "zh_CN"
    theme: Literal["light", "dark"] = "dark"
    heatmap_opacity: float = 0.45
    folder_interval_ms: int = 500
    geometry: str = ""  # base64 of QWidget.saveGeometry()
    review_timeout_s: float = 10.0  # Live: a reviewed NG part goes back to live after this (0 = never)
    review_new_ng_returns: bool = True  # Live: a new NG part ends reviewing at once


@dataclass
class Settings:
    server: ServerSettings = field(default_factory=ServerSettings)
    storage: StorageSettings = field(default_factory=StorageSettings)
    inference: InferenceSettings = field(default_factory=InferenceSettings)
    ui: UiSettings = field(default_factory=UiSettings)
    shifts: list[Shift] = field(default_factory=_default_shifts)

    @property
    def data_dir(self) -> Path:
        return Path(self.storage.data_dir) if self.storage.data_dir else default_data_dir()

    @property
    def db_path(self) -> Path:
        return self.data_dir / "history.sqlite3"

    @property
    def models_dir(self) -> Path:
        return self.data_dir / "models"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        return _build(cls, data)

    def override(self, **dotted: Any) -> Settings:
        """A copy with ``section.key`` overrides, skipping ``None`` (CLI flags not given)."""
        new = Settings.from_dict(self.to_dict())
        for key, value in dotted.items():
            if value is None:
                continue
            section, _, name = key.partition(".")
            sub = getattr(new, section)
            if not hasattr(sub, name):
                raise KeyError(f"unknown setting {key}")
            setattr(new, section, replace(sub, **{name: value}))
        return new


def _build(cls: type, data: Any) -> Any:
    if not isinstance(data, dict):
        return cls()
    kwargs: dict[str, Any] = {}
    defaults = cls()
    for name in (f.name for f in fields(cls)):
        if name not in data:
            continue
        value = data[name]
        current = getattr(defaults, name)
        if is_dataclass(current):
            kwargs[name] = _build(type(current), value)
        elif name == "shifts":
            try:
                kwargs[name] = [Shift(str(s["name"]), str(s["start"])) for s in value]
            except (TypeError, KeyError):
                log.warning("settings: ignoring malformed shifts")
        elif current is None or isinstance(value, type(current)) or (
            isinstance(current, float) and isinstance(value, int)
        ):
            kwargs[name] = value
        else:
            log.warning("settings: ignoring %s=%r (expected %s)", name, value, type(current).__name__)
    return cls(**kwargs)


_chosen_file: Path | None = None


def use_settings_file(path: str | os.PathLike[str] | None) -> None:
    """Make ``path`` (the ``--config`` flag) the file every later load/save without a path uses."""
    global _chosen_file
    _chosen_file = Path(path).expanduser() if path else None


def settings_path() -> Path:
    return _chosen_file or config_dir() / "settings.json"


def load_settings(path: Path | None = None) -> Settings:
    """Read the settings file; a missing or damaged file gives defaults (and a warning), never a crash."""
    path = path or settings_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as exc:
        log.warning("settings file %s unreadable (%s); using defaults", path, exc)
        return Settings()
    return Settings.from_dict(data)


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write atomically (temp file + rename) so a crash never leaves half a settings file."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".settings-", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(settings.to_dict(), fh, indent=2, ensure_ascii=False)
    os.replace(tmp, path)
    return path
