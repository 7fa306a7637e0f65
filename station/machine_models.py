"""The machine API's view of the model library: list, get, delete, export, import, parameters.

Library rules stay in :mod:`station.model_library` (safe names, never overwrite, engine-validated
imports); this module adds what a remote client needs: the active model even when its file lives
outside the library, training jobs as models in status ``training``, all-or-nothing multi-model
imports from the export zip (zip bombs refused before anything is unpacked), and prediction
parameters for any model (the active one changes live, others are rewritten on disk).
"""

from __future__ import annotations

import io
import logging
import os
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from station import model_library as lib
from station.machine_errors import Conflict, InvalidInput, NotFound

log = logging.getLogger(__name__)

MAX_IMPORT_BYTES = 512 * 1024**2  # one upload; a model is a few MB to tens of MB
MAX_IMPORT_MEMBERS = 64
MAX_RATIO = 200  # uncompressed / compressed for a member: far beyond real bundles, typical of bombs


@dataclass(frozen=True)
class ModelView:
    """One model as the API shows it: from a bundle, the active model, or a running job."""

    model_id: str
    info: Any  # ModelInfo or None (training job)
    path: Path | None
    active: bool
    status: str
    status_text: str | None
    job: Any = None


class ModelCatalog:
    def __init__(self, station: Any, models_dir: Path, jobs: Any) -> None:
        self.station = station
        self.models_dir = Path(models_dir)
        self.jobs = jobs
        self._cache: dict[str, tuple[Path, float, Any]] = {}

    # ------------------------------------------------------------------ reading
    def _active_id(self) -> str | None:
        info = self.station.model_info
        return info.id if info is not None else None

    def views(self) -> list[ModelView]:
        active = self.station.model
        out: list[ModelView] = []
        seen: set[str] = set()
        if active is not None:
            active_id = active.info.id
            out.append(ModelView(active_id, active.info, self.station.model_path, True, "finished", "active"))
            seen.add(active_id)
        for entry in lib.list_models(self.models_dir):
            if entry.info is None or entry.info.id in seen:
                continue
            seen.add(entry.info.id)
            out.append(ModelView(entry.info.id, entry.info, entry.path, False, "finished", None))
        for job in self.jobs.jobs():
            if job.model_id not in seen and job.status != "finished":
                out.append(ModelView(job.model_id, None, None, False, job.status, job.status_text, job))
        return out

    def view(self, model_id: str, pointer: str = "/path/model_id") -> ModelView:
        if model_id == "active":
            model = self.station.model
            if model is None:
                raise NotFound("no active model: activate or train one first", pointer)
            return ModelView(model.info.id, model.info, self.station.model_path, True, "finished", "active")
        for v in self.views():
            if v.model_id == model_id:
                return v
        raise NotFound(f"no model {model_id!r}", pointer)

    def loaded(self, model_id: str, pointer: str = "/path/model_id") -> Any:
        """A model object to predict with: the active one, or a library bundle (cached while unchanged)."""
        v = self.view(model_id, pointer)
        if v.active:
            return self.station.model
        if v.path is None:
            raise InvalidInput(f"model {model_id!r} is {v.status}, not ready to predict", pointer)
        from inference import load

        mtime = v.path.stat().st_mtime
        hit = self._cache.get(v.model_id)
        if hit and hit[0] == v.path and hit[1] == mtime:
            return hit[2]
        model = load(v.path, device=self.station.settings.inference.device)
        self._cache = {v.model_id: (v.path, mtime, model)}  # one library model at a time in memory
        return model

    # ------------------------------------------------------------------ deleting
    def delete(self, model_ids: Sequence[str]) -> list[str]:
        views: list[tuple[ModelView, Path]] = []  # with the path the checks were made on
        for i, mid in enumerate(model_ids):
            v = self.view(mid, f"/query/model_ids/{i}")
            if v.active:
                raise Conflict(f"model {mid!r} is the active model: activate another model before deleting it",
                               f"/query/model_ids/{i}")
            if v.path is None:
                raise Conflict(f"model {mid!r} is {v.status}; it has no file to delete", f"/query/model_ids/{i}")
            if not v.path.resolve().is_relative_to(self.models_dir.resolve()):
                raise Conflict(f"model {mid!r} is not in the library folder", f"/query/model_ids/{i}")
            views.append((v, v.path))
        for v, path in views:
            try:
                lib.delete_model(path, self.station.model_path)
            except lib.LibraryError as exc:
                raise Conflict(str(exc)) from None
            self._cache.pop(v.model_id, None)
        return [v.model_id for v, _ in views]

    # ------------------------------------------------------------------ export / import
    def export_zip(self, model_ids: Sequence[str]) -> bytes:
        """A zip of the bundles (stored, not recompressed: a bundle is a zip already)."""
        if not model_ids:
            raise InvalidInput("model_ids: give at least one model id", "/body/model_ids")
        views: list[tuple[ModelView, Path]] = []
        for i, mid in enumerate(model_ids):
            v = self.view(mid, f"/body/model_ids/{i}")
            if v.path is None or not v.path.is_file():
                raise InvalidInput(f"model {mid!r} is {v.status}; it has no file yet", f"/body/model_ids/{i}")
            views.append((v, v.path))
        buf = io.BytesIO()
        names: set[str] = set()
        with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_STORED) as zf:
            for v, path in views:
                name = f"{lib.safe_stem(v.info.name)}-{v.model_id[:8]}{lib.SUFFIX}"
                while name in names:
                    name = "_" + name
                names.add(name)
                zf.write(path, name)
        return buf.getvalue()

    def import_upload(self, data: bytes, filename: str | None) -> list[Any]:
        """A single ``.qcs`` or a zip of them (the export format). All validated, then all copied;
        on any failure the library is exactly as before. Returns the ModelInfos imported."""
        if not data:
            raise InvalidInput("empty upload: send a .qcs model or a zip of them in the field 'models'",
                               "/body/models")
        if len(data) > MAX_IMPORT_BYTES:
            raise InvalidInput(f"upload exceeds {MAX_IMPORT_BYTES} bytes", "/body/models")
        try:
            outer = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile:
            raise InvalidInput("not a QC Station model or a zip of models", "/body/models") from None
        with tempfile.TemporaryDirectory(prefix="qcs-import-") as tmp, outer:
            names = outer.namelist()
            if "manifest.json" in names:  # a bundle itself
                bundles = [_write(Path(tmp) / "upload.qcs", data)]
            else:
                bundles = _unpack_bundles(outer, Path(tmp))
            return self._import_all(bundles)

    def _import_all(self, bundles: list[Path]) -> list[Any]:
        from inference import load
        from inference.errors import EngineError

        infos, seen = [], set()
        device = "cpu"
        for i, path in enumerate(bundles):  # 1) validate every bundle with the engine (full load)
            try:
                info = load(path, device=device).info
            except EngineError as exc:
                raise InvalidInput(f"{path.name}: {exc}", f"/body/models/{i}") from None
            if info.id in seen or lib.find_by_id(self.models_dir, info.id) is not None or info.id == self._active_id():
                raise Conflict(f"model {info.name!r} ({info.id}) is already in the library", f"/body/models/{i}")
            seen.add(info.id)
            infos.append(info)
        copied: list[Path] = []
        try:  # 2) copy all, or none
            for path, info in zip(bundles, infos, strict=True):
                dest = lib.unique_path(self.models_dir, info.name)
                lib._copy_atomic(path, dest)  # noqa: SLF001 - the library's own atomic copy
                copied.append(dest)
        except BaseException:
            for p in copied:
                p.unlink(missing_ok=True)
            raise
        return infos

    # ------------------------------------------------------------------ prediction parameters
    def set_params(self, model_id: str, changes: dict[str, Any]) -> Any:
        v = self.view(model_id)
        if v.info is None:
            raise InvalidInput(f"model {model_id!r} is {v.status}", "/path/model_id")
        if v.active:
            current = self.station.params
        else:
            current = self.loaded(v.model_id).params
        new = current.with_(**changes)
        if "pixel_threshold" not in changes and new.pixel_threshold > new.threshold:
            new = new.with_(pixel_threshold=new.threshold)
        try:
            if v.active:
                self.station.set_params(new)
            else:
                model = self.loaded(v.model_id).with_params(new)
                model.save(v.path)
                self._cache.pop(v.model_id, None)
        except ValueError as exc:
            raise InvalidInput(str(exc), "/body") from None
        return new


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _unpack_bundles(zf: zipfile.ZipFile, dest: Path) -> list[Path]:
    """Each ``*.qcs`` member to ``dest``, refusing path tricks, bombs and anything unexpected."""
    members = [m for m in zf.infolist() if not m.is_dir()]
    if not members:
        raise InvalidInput("the zip holds no models", "/body/models")
    if len(members) > MAX_IMPORT_MEMBERS:
        raise InvalidInput(f"the zip holds {len(members)} files; at most {MAX_IMPORT_MEMBERS} models at once",
                           "/body/models")
    total = 0
    for i, m in enumerate(members):
        name = m.filename
        if (name.startswith(("/", "\\")) or ".." in Path(name.replace("\\", "/")).parts or ":" in name
                or not name.lower().endswith(lib.SUFFIX) or os.path.basename(name).startswith(".")):
            raise InvalidInput(f"unexpected file in the zip: {name!r} (only .qcs models)", f"/body/models/{i}")
        if m.flag_bits & 0x1:
            raise InvalidInput(f"{name}: encrypted members are not supported", f"/body/models/{i}")
        total += m.file_size
        if m.file_size > MAX_IMPORT_BYTES or total > MAX_IMPORT_BYTES:
            raise InvalidInput(f"{name}: declares {m.file_size} bytes; too large", f"/body/models/{i}")
        if m.compress_size and m.file_size / m.compress_size > MAX_RATIO:
            raise InvalidInput(f"{name}: compression ratio {m.file_size // m.compress_size}:1 looks like a zip bomb",
                               f"/body/models/{i}")
    out = []
    for i, m in enumerate(members):
        target = dest / f"{i}{lib.SUFFIX}"
        written = 0
        try:
            with zf.open(m) as src, open(target, "wb") as fh:
                while chunk := src.read(1 << 20):
                    written += len(chunk)
                    if written > m.file_size:  # the header lied
                        raise InvalidInput(f"{m.filename}: more data than declared", f"/body/models/{i}")
                    fh.write(chunk)
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError) as exc:
            raise InvalidInput(f"{m.filename}: damaged ({exc})", f"/body/models/{i}") from None
        out.append(target)
    return out


__all__ = ["ModelCatalog", "ModelView"]
