"""The ``.qcs`` model bundle: a zip with ``manifest.json`` and ``tensors.safetensors``. Never pickle.

Loading treats the file as hostile: only the two expected member names are accepted (no paths, so no
zip-slip), declared and actual sizes are bounded (no zip bombs), the manifest is type-checked field by
field, and tensor shapes must match what the manifest's backbone and parameters produce.
"""

from __future__ import annotations

import json
import math
import os
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
from safetensors.numpy import load as st_load
from safetensors.numpy import save as st_save

from common.fileio import atomic_path
from inference.errors import ModelFileError
from inference.types import ModelInfo, PredictParams

FORMAT = "qcstation-model"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
TENSORS = "tensors.safetensors"
MAX_FILE_BYTES = 1 << 30  # 1 GiB on disk
MAX_MANIFEST_BYTES = 1 << 20
MAX_TENSOR_BYTES = 1 << 30
MAX_RATIO = 100  # uncompressed / compressed; our tensors barely compress


def manifest_of(info: ModelInfo, tensors: dict[str, np.ndarray]) -> dict[str, Any]:
    d = info.to_dict()
    d["params"] = info.params.to_dict()
    d.update({"format": FORMAT, "format_version": FORMAT_VERSION,
              "tensors": {k: {"shape": list(v.shape), "dtype": str(v.dtype)} for k, v in tensors.items()}})
    return d


def save_bundle(path: Path, info: ModelInfo, tensors: dict[str, np.ndarray]) -> Path:
    """Write atomically (temp file + rename) so a crash never leaves half a model under the real name."""
    path = Path(path)
    if path.suffix.lower() != ".qcs":
        path = path.with_suffix(path.suffix + ".qcs") if path.suffix else path.with_suffix(".qcs")
    path.parent.mkdir(parents=True, exist_ok=True)
    manifest = json.dumps(manifest_of(info, tensors), indent=2, ensure_ascii=False).encode("utf-8")
    blob = st_save({k: np.ascontiguousarray(v) for k, v in tensors.items()})
    with atomic_path(path) as tmp, \
            zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        zf.writestr(MANIFEST, manifest)
        zf.writestr(TENSORS, blob)
    return path


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    if info.file_size > limit:
        raise ModelFileError(f"{info.filename} declares {info.file_size:,} bytes (limit {limit:,})")
    if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 1 << 20:
        raise ModelFileError(f"{info.filename} is compressed {info.file_size // info.compress_size}:1 - refusing a zip bomb")
    with zf.open(info) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit or len(data) != info.file_size:
        raise ModelFileError(f"{info.filename}: size does not match its zip entry")
    return data


def read_bundle(path: str | os.PathLike[str]) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """The manifest and tensors of a bundle, validated for structure (not yet for the backbone)."""
    p = Path(path)
    if not p.is_file():
        raise ModelFileError(f"model file not found: {p}")
    size = p.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ModelFileError(f"model file too large: {size:,} bytes")
    try:
        zf = zipfile.ZipFile(p)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ModelFileError(f"{p.name} is not a QC Station model (not a zip file: {exc})") from None
    with zf:
        members = zf.infolist()
        if len(members) > 8:
            raise ModelFileError(f"{p.name}: unexpected number of entries ({len(members)})")
        by_name: dict[str, zipfile.ZipInfo] = {}
        for m in members:
            name = m.filename
            if name.startswith(("/", "\\")) or ".." in name or "/" in name or "\\" in name or ":" in name:
                raise ModelFileError(f"{p.name}: illegal entry name {name!r} (path escape)")
            if name in by_name:
                raise ModelFileError(f"{p.name}: duplicate entry {name!r}")
            by_name[name] = m
        missing = {MANIFEST, TENSORS} - set(by_name)
        if missing:
            raise ModelFileError(f"{p.name}: missing {', '.join(sorted(missing))}")
        extra = set(by_name) - {MANIFEST, TENSORS}
        if extra:
            raise ModelFileError(f"{p.name}: unexpected entries {', '.join(sorted(extra))}")
        try:
            raw_manifest = _read_member(zf, by_name[MANIFEST], MAX_MANIFEST_BYTES)
            raw_tensors = _read_member(zf, by_name[TENSORS], MAX_TENSOR_BYTES)
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError) as exc:  # CRC errors, truncation
            raise ModelFileError(f"{p.name} is damaged: {exc}") from None
    manifest = parse_manifest(raw_manifest, p.name)
    try:
        tensors = st_load(raw_tensors)
    except Exception as exc:  # noqa: BLE001 - safetensors raises its own error types
        raise ModelFileError(f"{p.name}: tensor data is damaged ({exc})") from None
    declared = manifest.get("tensors")
    if not isinstance(declared, dict) or set(declared) != set(tensors):
        raise ModelFileError(f"{p.name}: manifest does not describe the stored tensors")
    for k, v in tensors.items():
        d = declared[k]
        if not isinstance(d, dict) or list(v.shape) != d.get("shape") or str(v.dtype) != d.get("dtype"):
            raise ModelFileError(f"{p.name}: tensor {k} has shape {list(v.shape)} {v.dtype}, manifest says {d}")
    return manifest, tensors


def parse_manifest(raw: bytes, source: str) -> dict[str, Any]:
    """The manifest JSON object; damaged, non-object or absurdly nested JSON is ModelFileError."""
    from inference.plausibility import check_depth

    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelFileError(f"{source}: manifest is not valid JSON ({exc})") from None
    except RecursionError:
        raise ModelFileError(f"{source}: manifest is nested too deeply") from None
    if not isinstance(manifest, dict):
        raise ModelFileError(f"{source}: manifest must be a JSON object")
    check_depth(manifest, source)
    return manifest


def _field(m: dict[str, Any], name: str, types: type | tuple[type, ...], source: str) -> Any:
    if name not in m:
        raise ModelFileError(f"{source}: manifest lacks '{name}'")
    v = m[name]
    if isinstance(v, bool) and bool not in (types if isinstance(types, tuple) else (types,)):
        raise ModelFileError(f"{source}: manifest field '{name}' has the wrong type")
    if not isinstance(v, types):
        raise ModelFileError(f"{source}: manifest field '{name}' has the wrong type ({type(v).__name__})")
    if isinstance(v, float) and not math.isfinite(v):
        raise ModelFileError(f"{source}: manifest field '{name}' is not finite")
    return v


def info_from_manifest(m: dict[str, Any], source: str) -> ModelInfo:
    if m.get("format") != FORMAT:
        raise ModelFileError(f"{source}: not a QC Station model manifest")
    fv = m.get("format_version")
    if type(fv) is not int or fv > FORMAT_VERSION or fv < 1:  # bool is an int to isinstance
        raise ModelFileError(f"{source}: model format version {fv!r} is not supported (this build reads {FORMAT_VERSION})")
    num = (int, float)
    pr = _field(m, "params", dict, source)
    try:
        params = PredictParams(
            threshold=float(_field(pr, "threshold", num, source)),
            pixel_threshold=float(_field(pr, "pixel_threshold", num, source)),
            min_detected_area=int(_field(pr, "min_detected_area", int, source)),
            ignore_outer=int(_field(pr, "ignore_outer", int, source)),
        )
    except (TypeError, ValueError) as exc:
        raise ModelFileError(f"{source}: bad prediction parameters ({exc})") from None
    if params.threshold <= 0 or params.pixel_threshold <= 0 or params.min_detected_area < 0 or params.ignore_outer < 0:
        raise ModelFileError(f"{source}: prediction parameters out of range")
    return ModelInfo(
        id=_field(m, "id", str, source),
        name=_field(m, "name", str, source),
        algorithm=_field(m, "algorithm", str, source),
        version=_field(m, "version", int, source),
        backbone=_field(m, "backbone", str, source),
        input_size=_field(m, "input_size", int, source),
        parameters=_field(m, "parameters", dict, source),
        params=params,
        ok_img_count=_field(m, "ok_img_count", int, source),
        ng_img_count=_field(m, "ng_img_count", int, source),
        training_seconds=float(_field(m, "training_seconds", num, source)),
        stats=_field(m, "stats", dict, source),
        created_at=_field(m, "created_at", str, source),
    )
