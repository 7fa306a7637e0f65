"""The model library: the ``.qcs`` bundles in ``settings.models_dir`` — list, import, export, rename, delete.

Why here and headless: the Models page, the train dialog and the CLI all need the same rules (safe
file names, duplicate ids, never overwrite, never unpickle), and they must be testable without Qt.

Listing reads only each bundle's ``manifest.json`` (bounded, name-checked, through the engine's own
manifest validation), never the tensors, so a library of large models lists in milliseconds.
Imports go through ``inference.load`` first: a hostile or broken file is refused with the engine's
reason before anything is copied.
"""

from __future__ import annotations

import os
import shutil
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from common.fileio import atomic_path
from common.names import safe_stem as common_safe_stem
from inference.bundle import (
    MANIFEST,
    MAX_MANIFEST_BYTES,
    info_from_manifest,
    parse_manifest,
    read_bundle,
    save_bundle,
)
from inference.errors import ModelFileError
from inference.types import ModelInfo

if TYPE_CHECKING:
    from station.settings import SettingsStore

SUFFIX = ".qcs"


class LibraryError(Exception):
    """A library operation was refused; the message is shown to the user as is."""


@dataclass(frozen=True)
class ModelEntry:
    """One file in the library: its manifest, or why it could not be read."""

    path: Path
    info: ModelInfo | None
    size_bytes: int
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.info is not None


def read_manifest(path: str | os.PathLike) -> ModelInfo:
    """The bundle's ``ModelInfo`` from its manifest alone; ModelFileError says what is wrong."""
    p = Path(path)
    try:
        zf = zipfile.ZipFile(p)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ModelFileError(f"{p.name} is not a QC Station model (not a zip file: {exc})") from None
    with zf:
        try:
            member = zf.getinfo(MANIFEST)
        except KeyError:
            raise ModelFileError(f"{p.name}: missing {MANIFEST}") from None
        if member.file_size > MAX_MANIFEST_BYTES:
            raise ModelFileError(f"{p.name}: manifest declares {member.file_size:,} bytes")
        try:
            with zf.open(member) as fh:
                raw = fh.read(MAX_MANIFEST_BYTES + 1)
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError) as exc:
            raise ModelFileError(f"{p.name} is damaged: {exc}") from None
    if len(raw) > MAX_MANIFEST_BYTES:
        raise ModelFileError(f"{p.name}: manifest too large")
    return info_from_manifest(parse_manifest(raw, p.name), p.name)


def list_models(models_dir: str | os.PathLike) -> list[ModelEntry]:
    """Every ``*.qcs`` in the folder, newest first; unreadable files are listed with their error."""
    root = Path(models_dir)
    if not root.is_dir():
        return []
    entries = []
    for p in root.iterdir():
        if not p.is_file() or p.name.startswith(".") or p.suffix.lower() != SUFFIX:
            continue
        try:
            size = p.stat().st_size
        except OSError:
            continue
        try:
            entries.append(ModelEntry(p, read_manifest(p), size))
        except ModelFileError as exc:
            entries.append(ModelEntry(p, None, size, str(exc)))
        except Exception as exc:  # noqa: BLE001 - one odd file must never hide the others
            entries.append(ModelEntry(p, None, size, f"{p.name}: unreadable ({type(exc).__name__})"))
    entries.sort(key=lambda e: (e.info.created_at if e.info else "", e.path.name), reverse=True)
    return entries


def library_entries(models_dir: str | os.PathLike, active_path: str | os.PathLike | None) -> list[ModelEntry]:
    """The library's models plus the active one when it lives elsewhere (the sample model, a
    bundle opened from a USB stick): the model judging the line is always listed."""
    entries = list_models(models_dir)
    if not active_path:
        return entries
    active = Path(active_path)
    if any(_same_file(e.path, active) for e in entries) or not active.is_file():
        return entries
    try:
        entries.insert(0, ModelEntry(active, read_manifest(active), active.stat().st_size))
    except Exception as exc:  # noqa: BLE001 - listed with its error, like an unreadable library file
        entries.insert(0, ModelEntry(active, None, 0, f"{active.name}: {exc}"))
    return entries


def safe_stem(name: str) -> str:
    """A file name stem from a user's model name: letters, digits, ``-_.``; never empty or hidden."""
    return common_safe_stem(name, limit=80, fallback="model")


def unique_path(models_dir: str | os.PathLike, name: str) -> Path:
    """A path in the folder that does not exist yet: ``name.qcs``, ``name-2.qcs``, ..."""
    root = Path(models_dir)
    stem = safe_stem(name)
    candidate = root / f"{stem}{SUFFIX}"
    n = 2
    while candidate.exists():
        candidate = root / f"{stem}-{n}{SUFFIX}"
        n += 1
    return candidate


def find_by_id(models_dir: str | os.PathLike, model_id: str) -> ModelEntry | None:
    for entry in list_models(models_dir):
        if entry.info is not None and entry.info.id == model_id:
            return entry
    return None


def _audit(trail: Any, action: str, **detail: Any) -> None:
    """One audit row per library change (``trail``: a ``station.audit.AuditTrail``, a station, or None)."""
    if trail is not None:
        from station import audit

        target = trail if isinstance(trail, audit.AuditTrail) else audit.trail_of(trail)
        if target is not None:
            target.record(action, **detail)


def save_trained(model: Any, models_dir: str | os.PathLike, *, trail: Any = None) -> Path:
    """Save a freshly trained ``AnomalyModel`` into the library under a new file name."""
    root = Path(models_dir)
    root.mkdir(parents=True, exist_ok=True)
    path = Path(model.save(unique_path(root, model.info.name)))
    info = model.info
    _audit(trail, "model.trained", model=info.name, model_id=info.id, version=getattr(info, "version", None),
           file=path.name)
    return path


def import_model(source: str | os.PathLike, models_dir: str | os.PathLike, device: str = "cpu", *,
                 trail: Any = None) -> ModelEntry:
    """Validate ``source`` with the engine (full load), then copy it into the library.

    Raises ModelFileError (the engine's reason) for a bad file and LibraryError when a model with
    the same id is already in the library (importing it twice would make two rows for one model).
    """
    from inference import load

    src = Path(source)
    model = load(src, device=device)  # every structural and tensor check; raises ModelFileError
    info = model.info
    existing = find_by_id(models_dir, info.id)
    if existing is not None:
        raise LibraryError(f"this model ({info.name}) is already in the library as {existing.path.name}")
    root = Path(models_dir)
    root.mkdir(parents=True, exist_ok=True)
    dest = unique_path(root, info.name)
    _copy_atomic(src, dest)
    _audit(trail, "model.imported", model=info.name, model_id=info.id, source=src.name, file=dest.name)
    return ModelEntry(dest, info, dest.stat().st_size)


def export_model(path: str | os.PathLike, dest: str | os.PathLike) -> Path:
    """Copy a bundle to ``dest`` (``.qcs`` appended when missing); never leaves half a file."""
    src, out = Path(path), Path(dest)
    if out.suffix.lower() != SUFFIX:
        out = out.with_name(out.name + SUFFIX)
    if out.resolve() == src.resolve():
        raise LibraryError("the export file is the model itself")
    _copy_atomic(src, out)
    return out


def _checked_name(new_name: str) -> str:
    new_name = new_name.strip()
    if not new_name:
        raise LibraryError("a model needs a name")
    if len(new_name) > 120:
        raise LibraryError("model names are limited to 120 characters")
    return new_name


def rename_model(path: str | os.PathLike, new_name: str, *, trail: Any = None) -> ModelInfo:
    """Change the name in the manifest (same id, same tensors); the file keeps its name."""
    new_name = _checked_name(new_name)
    p = Path(path)
    manifest, tensors = read_bundle(p)
    old = info_from_manifest(manifest, p.name)
    info = replace(old, name=new_name)
    save_bundle(p, info, tensors)
    _audit(trail, "model.renamed", model_id=info.id, old=old.name, new=new_name, file=p.name)
    return info


def rename_in_station(station: Any, path: str | os.PathLike, new_name: str, *, trail: Any = None) -> ModelInfo:
    """Rename the bundle at ``path``; when it is the station's active model, the running model is
    not touched: a renamed copy is saved over the file and the station switches to it (work already
    queued finishes on the old object), so the live view, the API and the file agree on the name.
    Any thread (the GUI calls it from a worker)."""
    new_name = _checked_name(new_name)
    live = station.model
    if live is None or not is_active(path, station.model_path):
        return rename_model(path, new_name, trail=trail)
    renamed = live.with_params(live.params)  # a new object: the running one is untouched
    renamed.info = replace(live.info, name=new_name)
    renamed.save(Path(path))
    station.set_model(renamed, path)
    _audit(trail, "model.renamed", model_id=renamed.info.id, old=live.info.name, new=new_name,
           file=Path(path).name, active=True)
    return renamed.info


def delete_model(path: str | os.PathLike, active_path: str | os.PathLike | None, *, trail: Any = None) -> None:
    """Remove a bundle; the active model is refused (deactivate or switch first)."""
    p = Path(path)
    if active_path and _same_file(p, Path(active_path)):
        raise LibraryError("this is the active model: activate another model before deleting it")
    info = None
    if trail is not None:
        try:
            info = read_manifest(p)
        except Exception:  # noqa: BLE001 - a broken bundle is deleted all the same
            info = None
    try:
        p.unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise LibraryError(f"cannot delete {p.name}: {exc.strerror or exc}") from None
    _audit(trail, "model.deleted", file=p.name, model=getattr(info, "name", None), model_id=getattr(info, "id", None))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def is_active(path: str | os.PathLike, active_path: str | os.PathLike | None) -> bool:
    return bool(active_path) and _same_file(Path(path), Path(active_path))  # type: ignore[arg-type]


def remember_active(store: SettingsStore, path: str | os.PathLike | None) -> None:
    """Store the active model in the settings file so it comes back after a restart (OSError if not)."""
    store.update({"inference.model_path": str(path) if path else ""})


def _copy_atomic(src: Path, dest: Path) -> None:
    try:
        with atomic_path(dest) as tmp:
            shutil.copyfile(src, tmp)
    except OSError as exc:
        raise LibraryError(f"cannot write {dest}: {exc.strerror or exc}") from None


__all__ = ["LibraryError", "ModelEntry", "delete_model", "export_model", "find_by_id", "import_model",
           "library_entries",
           "is_active", "list_models", "read_manifest", "remember_active", "rename_model", "safe_stem", "save_trained",
           "unique_path"]
