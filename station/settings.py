"""One place for configuration: immutable, validated settings and the one store that changes them.

Why frozen: the station worker, the HTTP threads and the GUI all read the settings; a shared
mutable object let a half-applied change be seen from another thread. Now a change is a new
:class:`Settings` made by :class:`SettingsStore.update`, which validates it, writes the file
atomically and hands the new object to every subscriber (station, endpoint, window).

Rules live in :meth:`Settings.validate`, field by field (``"server.port"`` → :class:`FieldError`),
so the Settings page, the command line and the API refuse the same values with the same words.
``QCS_CONFIG_DIR`` / ``QCS_DATA_DIR`` relocate the folders (tests, portable installs). Unknown keys
in the file are ignored, missing or invalid ones take defaults (with a log line), so an older,
newer or hand-damaged file never stops the station from starting.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import os
import re
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import Any, Literal, TypeVar

import platformdirs

from common.fileio import atomic_write
from station.events import Subscribers
from storage.shifts import parse_start

log = logging.getLogger(__name__)

APP_NAME = "qcstation"
LANGUAGES = ("auto", "en", "zh_CN", "ja", "ko")


def config_dir() -> Path:
    return Path(os.environ.get("QCS_CONFIG_DIR") or platformdirs.user_config_dir(APP_NAME))


def default_data_dir() -> Path:
    return Path(os.environ.get("QCS_DATA_DIR") or platformdirs.user_data_dir(APP_NAME))


def settings_path() -> Path:
    """The default settings file (``--config`` passes another one to :meth:`SettingsStore.load`)."""
    return config_dir() / "settings.json"


def is_loopback(host: str) -> bool:
    """``127.0.0.1``, ``::1``, ``localhost``: only this PC can connect."""
    host = host.strip().strip("[]")
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class ServerSettings:
    enabled: bool = True  # the GUI starts the endpoint with the window
    host: str = "127.0.0.1"  # loopback unless the user chooses the line network
    port: int = 8000  # 0: any free port (tests, scripts)
    api_key: str = ""  # empty: no key required
    max_pixels: int = 50_000_000  # larger images get HTTP 413
    request_timeout_s: float = 30.0

    @property
    def exposed(self) -> bool:
        """Reachable from other machines without an API key: the operator must be warned."""
        return not is_loopback(self.host) and not self.api_key.strip()


@dataclass(frozen=True)
class LimitsSettings:
    """Resource bounds of the HTTP endpoint (issue 12): what one client can cost the station."""

    memory_budget_mb: int = 1024  # decoded-image bytes in flight at once; more requests wait
    header_timeout_s: float = 10.0  # a connection must send its request headers within this
    body_timeout_s: float = 15.0  # longest pause between two chunks of a request body
    max_connections: int = 200  # open connections + requests; above it HTTP 503
    upload_max_mb: int = 512  # multipart /api/detect: whole request
    upload_file_max_mb: int = 200  # multipart /api/detect: one file
    upload_max_files: int = 256  # multipart /api/detect: files per request
    # an encoded image at least twice this long side (and twice what the model uses) is decoded at
    # a working size with this long side (inference.working_image); 0 = always decode in full
    decode_working_side: int = 2048


@dataclass(frozen=True)
class StorageSettings:
    data_dir: str = ""  # empty: platformdirs default
    save_images: Literal["all", "ng", "none"] = "all"
    quota_mb: int = 10_000  # image store size; oldest images are pruned beyond it
    min_free_mb: int = 500  # saving pauses (with a warning) below this free disk space
    es_url: str = ""  # optional Elasticsearch mirror of the history
    es_index: str = "qcstation-inspections"


@dataclass(frozen=True)
class InferenceSettings:
    device: Literal["auto", "cpu", "cuda"] = "auto"
    model_path: str = ""  # the active model bundle (.qcs)
    queue_size: int = 32  # bounded inference queue; a full queue answers "busy"
    max_batch: int = 8  # the worker batches up to this many waiting requests
    threads: int = 0  # torch CPU threads; 0 = number of cores


@dataclass(frozen=True)
class Shift:
    name: str
    start: str  # "HH:MM", local time; a shift may cross midnight


DEFAULT_SHIFTS = (Shift("A", "06:00"), Shift("B", "14:00"), Shift("C", "22:00"))


@dataclass(frozen=True)
class UiSettings:
    language: str = "auto"  # one of LANGUAGES
    theme: Literal["light", "dark"] = "dark"
    heatmap_opacity: float = 0.45
    folder_interval_ms: int = 500
    geometry: str = ""  # base64 of QWidget.saveGeometry()
    review_timeout_s: float = 10.0  # Live: a reviewed NG part goes back to live after this (0 = never)
    review_new_ng_returns: bool = True  # Live: a new NG part ends reviewing at once


@dataclass(frozen=True)
class AnalysisSettings:
    """Video analysis, similar-defect search and part identifiers (issue 14)."""

    read_identifiers: bool = True  # read a QR / DataMatrix / barcode serial from every image
    similar_backend: Literal["local", "elasticsearch"] = "local"  # "elasticsearch": kNN via the mirror
    video_max_duration_s: int = 3600  # longer uploads are refused (a shift is split into files)
    video_max_mb: int = 4096  # upload size limit for POST /video
    video_sync_max_frames: int = 120  # more sampled frames than this: POST /video answers 202 + a job


@dataclass(frozen=True)
class RolesSettings:
    """Operator / engineer roles (issue 13). The PIN is only ever kept as a salted PBKDF2 hash
    (``station.roles.hash_pin``); empty: no PIN, everyone may do engineer actions (as before)."""

    engineer_pin_hash: str = ""  # "pbkdf2_sha256$iterations$salt$hash" (base64), never the PIN
    idle_timeout_min: float = 15.0  # engineer mode falls back to operator after this idle time


# ------------------------------------------------------------------------------------ validation
@dataclass(frozen=True)
class FieldError:
    """One refused value. ``template`` is English with Qt-style ``%1`` placeholders so the GUI can
    translate it (context ``SettingsValidation`` in the catalogue); ``message`` is it filled in."""

    field: str  # dotted: "server.port", "shifts"
    template: str
    args: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        return fill(self.template, self.args)

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


def fill(template: str, args: Iterable[str]) -> str:
    for i, arg in reversed(list(enumerate(args, 1))):  # %10 before %1
        template = template.replace(f"%{i}", str(arg))
    return template


class SettingsError(Exception):
    """Base of what :class:`SettingsStore` raises."""


class InvalidSettings(SettingsError, ValueError):
    """The change was refused; ``errors`` maps each bad field to why. Nothing was saved or applied."""

    def __init__(self, errors: Mapping[str, FieldError]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(str(e) for e in self.errors.values()))

    def to_dict(self) -> dict[str, str]:
        """``{"server.port": "Port must be ..."}``: the JSON body an API answers with."""
        return {k: e.message for k, e in self.errors.items()}


class SettingsSaveError(SettingsError, OSError):
    """The file could not be written; the change was not applied either (no temp file is left)."""


class SettingsApplyError(SettingsError):
    """Saved, but a subscriber could not take the change; ``failures`` holds its exceptions."""

    def __init__(self, failures: list[BaseException]) -> None:
        self.failures = failures
        super().__init__("; ".join(str(f) or type(f).__name__ for f in failures))


HOST_RE = re.compile(r"[A-Za-z0-9.:\-\[\]]+")
ES_INDEX_RE = re.compile(r"[a-z0-9][a-z0-9._\-]*")

# The English templates; the GUI translates them (keep resources/i18n in step when changing one).
MESSAGES = {
    "host": "Host must be an IP address or a host name (e.g. 127.0.0.1 or 0.0.0.0).",
    "port": "Port must be a whole number from 0 to 65535 (got “%1”).",
    "api_key": "An API key needs at least 8 characters and no spaces.",
    "positive": "%1 must be greater than zero (got %2).",
    "not_negative": "%1 must not be negative (got %2).",
    "choice": "%1 must be one of %2 (got “%3”).",
    "data_dir_relative": "The data folder must be an absolute path.",
    "data_dir_file": "The data folder path is a file, not a folder.",
    "es_url": "The Elasticsearch URL must start with http:// or https://.",
    "es_index": "The Elasticsearch index must be lowercase letters, digits, '-', '_' or '.'.",
    "no_cuda": "CUDA is not available on this PC.",
    "opacity": "The heatmap opacity must be between 0 and 1 (got %1).",
    "no_shift": "Define at least one shift.",
    "shift_name": "Shift %1 has no name.",
    "shift_twice": "Shift name “%1” is used twice.",
    "shift_time": "Shift “%1”: start “%2” is not a time like 06:00.",
    "shift_same_start": "Two shifts start at the same time.",
    "pin_hash": "The engineer PIN is not a valid PIN hash; set the PIN again.",
}


def _validate(s: Settings, cuda_available: bool | None) -> dict[str, FieldError]:
    errors: dict[str, FieldError] = {}

    def bad(key: str, message: str, *args: Any) -> None:
        errors.setdefault(key, FieldError(key, MESSAGES[message], tuple(str(a) for a in args)))

    def choice(key: str, value: Any, allowed: Iterable[str]) -> None:
        allowed = tuple(allowed)
        if value not in allowed:
            bad(key, "choice", key, ", ".join(allowed), value)

    sv, st, inf, ui = s.server, s.storage, s.inference, s.ui
    if not sv.host or re.search(r"\s", sv.host) or not HOST_RE.fullmatch(sv.host):
        bad("server.host", "host")
    if not isinstance(sv.port, int) or not 0 <= sv.port <= 65535:
        bad("server.port", "port", sv.port)
    if sv.api_key and (len(sv.api_key) < 8 or re.search(r"\s", sv.api_key)):
        bad("server.api_key", "api_key")
    for key, value in (("server.max_pixels", sv.max_pixels), ("server.request_timeout_s", sv.request_timeout_s),
                       ("inference.queue_size", inf.queue_size), ("inference.max_batch", inf.max_batch),
                       *((f"limits.{f.name}", getattr(s.limits, f.name)) for f in fields(s.limits)
                         if f.name not in ("max_connections", "decode_working_side"))):
        if value <= 0:
            bad(key, "positive", key, value)
    for key, value in (("storage.quota_mb", st.quota_mb), ("storage.min_free_mb", st.min_free_mb),
                       ("inference.threads", inf.threads), ("ui.folder_interval_ms", ui.folder_interval_ms),
                       ("limits.max_connections", s.limits.max_connections),
                       ("limits.decode_working_side", s.limits.decode_working_side)):
        if value < 0:
            bad(key, "not_negative", key, value)
    if st.data_dir:
        p = Path(st.data_dir).expanduser()
        if not p.is_absolute():
            bad("storage.data_dir", "data_dir_relative")
        elif p.exists() and not p.is_dir():
            bad("storage.data_dir", "data_dir_file")
    choice("storage.save_images", st.save_images, ("all", "ng", "none"))
    if st.es_url and not re.match(r"^https?://[^\s/]+", st.es_url):
        bad("storage.es_url", "es_url")
    if st.es_url and not ES_INDEX_RE.fullmatch(st.es_index):
        bad("storage.es_index", "es_index")
    choice("inference.device", inf.device, ("auto", "cpu", "cuda"))
    if inf.device == "cuda" and cuda_available is False:
        bad("inference.device", "no_cuda")
    choice("ui.language", ui.language, LANGUAGES)
    choice("ui.theme", ui.theme, ("light", "dark"))
    if not 0.0 <= ui.heatmap_opacity <= 1.0:
        bad("ui.heatmap_opacity", "opacity", ui.heatmap_opacity)

    if s.roles.idle_timeout_min <= 0:
        bad("roles.idle_timeout_min", "positive", "roles.idle_timeout_min", s.roles.idle_timeout_min)
    if s.roles.engineer_pin_hash:
        from station.roles import is_pin_hash  # station.roles imports nothing of settings

        if not is_pin_hash(s.roles.engineer_pin_hash):
            bad("roles.engineer_pin_hash", "pin_hash")

    names = [sh.name for sh in s.shifts]
    if not s.shifts:
        bad("shifts", "no_shift")
    for row, sh in enumerate(s.shifts, 1):
        if not sh.name.strip():
            bad("shifts", "shift_name", row)
        elif names.count(sh.name) > 1:
            bad("shifts", "shift_twice", sh.name)
        elif parse_start(sh.start) is None:
            bad("shifts", "shift_time", sh.name, sh.start)
    if "shifts" not in errors and len({parse_start(sh.start) for sh in s.shifts}) != len(s.shifts):
        bad("shifts", "shift_same_start")
    return errors


# ------------------------------------------------------------------------------------ settings
@dataclass(frozen=True)
class Settings:
    server: ServerSettings = field(default_factory=ServerSettings)
    limits: LimitsSettings = field(default_factory=LimitsSettings)
    storage: StorageSettings = field(default_factory=StorageSettings)
    inference: InferenceSettings = field(default_factory=InferenceSettings)
    ui: UiSettings = field(default_factory=UiSettings)
    shifts: tuple[Shift, ...] = DEFAULT_SHIFTS
    analysis: AnalysisSettings = field(default_factory=AnalysisSettings)
    roles: RolesSettings = field(default_factory=RolesSettings)

    def __post_init__(self) -> None:
        if not isinstance(self.shifts, tuple):  # a list from a caller: keep the object immutable
            object.__setattr__(self, "shifts", _shifts(self.shifts))

    @property
    def data_dir(self) -> Path:
        return Path(self.storage.data_dir).expanduser() if self.storage.data_dir else default_data_dir()

    @property
    def db_path(self) -> Path:
        return self.data_dir / "history.sqlite3"

    @property
    def models_dir(self) -> Path:
        return self.data_dir / "models"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    def validate(self, *, cuda_available: bool | None = None) -> dict[str, FieldError]:
        """Every refused field (dotted name → why); empty when the settings can be used.

        ``cuda_available``: pass what the PC has to refuse ``device="cuda"`` without a GPU
        (``None``: not checked, e.g. a file edited on another PC).
        """
        return _validate(self, cuda_available)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["shifts"] = [asdict(sh) for sh in self.shifts]
        return data

    def flat(self) -> dict[str, Any]:
        """Every setting by dotted name (``"server.port"``, ``"shifts"``)."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if is_dataclass(value):
                out.update({f"{f.name}.{g.name}": getattr(value, g.name) for g in fields(value)})
            else:
                out[f.name] = value
        return out

    def changes(self, other: Settings) -> dict[str, Any]:
        """The dotted settings whose value in ``other`` differs from this one's (``other``'s values)."""
        mine = self.flat()
        return {k: v for k, v in other.flat().items() if mine.get(k) != v}

    @classmethod
    def from_dict(cls, data: Any) -> Settings:
        """From parsed JSON: unknown keys ignored, wrongly typed ones default (with a log line)."""
        built = _build(cls, data)
        assert isinstance(built, Settings)
        return built

    def override(self, **dotted: Any) -> Settings:
        """A copy with ``section.key`` (or ``shifts``) replaced, skipping ``None`` (CLI flags not given).

        Raises ``KeyError`` for an unknown name. Does not validate: see :meth:`validate`.
        """
        new = self
        for key, value in dotted.items():
            if value is None:
                continue
            section, dot, name = key.partition(".")
            if not dot:
                if section != "shifts":
                    raise KeyError(f"unknown setting {key}")
                new = replace(new, shifts=_shifts(value))
                continue
            sub: Any = getattr(new, section, None)
            if not is_dataclass(sub) or isinstance(sub, type) or name not in {f.name for f in fields(sub)}:
                raise KeyError(f"unknown setting {key}")
            changed: Any = replace(sub, **{name: value})
            new = replace(new, **{section: changed})
        return new


def _shifts(value: Any) -> tuple[Shift, ...]:
    out = []
    for s in value:
        if isinstance(s, Shift):
            out.append(s)
        elif isinstance(s, Mapping):
            out.append(Shift(str(s["name"]), str(s["start"])))
        else:
            name, start = s
            out.append(Shift(str(name), str(start)))
    return tuple(out)


T = TypeVar("T")


def _build(cls: type[T], data: Any) -> T:
    if not isinstance(data, dict):
        return cls()
    kwargs: dict[str, Any] = {}
    defaults = cls()
    for name in (f.name for f in fields(cls)):  # type: ignore[arg-type]
        if name not in data:
            continue
        value = data[name]
        current = getattr(defaults, name)
        if is_dataclass(current):
            kwargs[name] = _build(type(current), value)
        elif name == "shifts":
            try:
                kwargs[name] = _shifts(value)
            except (TypeError, KeyError, ValueError):
                log.warning("settings: ignoring malformed shifts")
        elif isinstance(value, type(current)) and not (isinstance(value, bool) and not isinstance(current, bool)) or (
            isinstance(current, float) and isinstance(value, int) and not isinstance(value, bool)
        ):
            kwargs[name] = value
        else:
            log.warning("settings: ignoring %s=%r (expected %s)", name, value, type(current).__name__)
    return cls(**kwargs)


# Kept as found even when invalid: dropping a too-short API key would open the endpoint to anyone.
KEEP_WHEN_INVALID = frozenset({"server.api_key", "roles.engineer_pin_hash"})


def _defaults_for_invalid(settings: Settings, where: object) -> Settings:
    """Invalid values from a file take their defaults, one log line each: the station still starts."""
    errors = settings.validate()
    if not errors:
        return settings
    defaults = Settings().flat()
    fixes: dict[str, Any] = {}
    for key, error in errors.items():
        if key in KEEP_WHEN_INVALID:
            log.warning("settings %s: %s; kept until it is changed", where, error)
            continue
        log.warning("settings %s: %s; using the default", where, error)
        if key in defaults:
            fixes[key] = defaults[key]
    fixed = settings.override(**fixes)
    if set(fixed.validate()) - KEEP_WHEN_INVALID:  # wrong only together (an ES index with its URL)
        kept = fixed.flat()
        return Settings().override(**{k: kept[k] for k in KEEP_WHEN_INVALID})
    return fixed


def load_settings(path: Path | None = None) -> Settings:
    """Read a settings file; missing, damaged or invalid parts give defaults (and a warning), never a crash."""
    path = path or settings_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as exc:
        log.warning("settings file %s unreadable (%s); using defaults", path, exc)
        return Settings()
    return _defaults_for_invalid(Settings.from_dict(data), path)


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write atomically (temp file + rename, the temp file removed on failure)."""
    path = path or settings_path()
    try:
        with atomic_write(path, suffix=".tmp") as fh:
            json.dump(settings.to_dict(), fh, indent=2, ensure_ascii=False)
    except OSError as exc:
        raise SettingsSaveError(exc.errno, f"cannot write the settings file {path}: {exc.strerror or exc}") from None
    return path


# ------------------------------------------------------------------------------------ the store
Subscriber = Callable[[Settings], object]  # the return value is ignored


class SettingsStore:
    """The one owner of the live settings: ``current``, ``update()``, ``subscribe()``.

    ``overrides`` (command-line flags) apply to this run only: they are part of ``current`` but
    never written to the file, unless a later ``update`` sets the same key (the user chose it).
    Thread-safe; subscribers run in the updating thread, in order, one update at a time.
    """

    def __init__(self, settings: Settings | None = None, path: str | os.PathLike[str] | None = None, *,
                 overrides: Mapping[str, Any] | None = None) -> None:
        self.path = Path(path).expanduser() if path else settings_path()
        self._lock = threading.RLock()
        self._file = settings or Settings()
        self._overrides = {k: v for k, v in (overrides or {}).items() if v is not None}
        current = self._file.override(**self._overrides)
        errors = current.validate()
        bad = {k: e for k, e in errors.items() if k in self._overrides}
        if bad:
            raise InvalidSettings(bad)
        self._current = current
        self._dirty = False
        self._subscribers: Subscribers[Settings] = Subscribers()

    @classmethod
    def load(cls, path: str | os.PathLike[str] | None = None, *,
             overrides: Mapping[str, Any] | None = None) -> SettingsStore:
        """The file at ``path`` (default :func:`settings_path`) plus ``overrides``; raises
        :class:`InvalidSettings` for a bad override, ``KeyError`` for an unknown one."""
        target = Path(path).expanduser() if path else settings_path()
        return cls(load_settings(target), target, overrides=overrides)

    @property
    def current(self) -> Settings:
        return self._current

    @property
    def overrides(self) -> dict[str, Any]:
        return dict(self._overrides)

    def subscribe(self, callback: Subscriber) -> Callable[[], None]:
        """Call ``callback(new_settings)`` after every change; returns the unsubscribe function."""
        return self._subscribers.subscribe(callback)

    def update(self, changes: Settings | Mapping[str, Any], *, save: bool = True,
               cuda_available: bool | None = None) -> Settings:
        """Apply ``changes`` (dotted names → values, or a whole edited :class:`Settings`), validate,
        write the file (``save=False``: later, by :meth:`save`) and notify the subscribers.

        Raises :class:`InvalidSettings` (nothing changed), :class:`SettingsSaveError` (nothing
        changed) or :class:`SettingsApplyError` (saved and current, a subscriber failed).
        """
        with self._lock:
            delta = self._current.changes(changes) if isinstance(changes, Settings) else dict(changes)
            delta = {k: v for k, v in delta.items() if v is not None}
            if not delta:
                return self._current
            new = self._current.override(**delta)
            before = self._current.validate()
            # refused for what this change breaks, not for an old flaw it leaves alone (a short key)
            errors = {k: e for k, e in new.validate(cuda_available=cuda_available).items()
                      if k in delta or k not in before}
            if errors:
                raise InvalidSettings(errors)
            file_settings = self._file.override(**delta)
            if save:
                save_settings(file_settings, self.path)
            self._file = file_settings
            self._dirty = not save  # a save writes every pending change too
            for key in delta:
                self._overrides.pop(key, None)
            self._current = new
            self._notify(new)
            return new

    def save(self) -> Path | None:
        """Write what ``update(..., save=False)`` left unsaved; ``None`` when nothing was pending."""
        with self._lock:
            if not self._dirty:
                return None
            path = save_settings(self._file, self.path)
            self._dirty = False
            return path

    def _notify(self, new: Settings) -> None:
        failures = self._subscribers.call_all(new)  # every subscriber hears of the change
        if failures:
            raise SettingsApplyError(list(failures))


__all__ = ["DEFAULT_SHIFTS", "FieldError", "InferenceSettings", "InvalidSettings", "LANGUAGES", "MESSAGES", "RolesSettings",
           "ServerSettings", "Settings", "SettingsApplyError", "SettingsError", "SettingsSaveError",
           "SettingsStore", "Shift", "StorageSettings", "UiSettings", "config_dir", "default_data_dir", "fill",
           "is_loopback", "load_settings", "save_settings", "settings_path"]
