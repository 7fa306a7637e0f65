"""Inspection images on disk: dated folders, saving rules, a size quota and a free-space guard.

Layout: ``<root>/images/YYYY-MM-DD/HHMMSS_ffffff_<name>.jpg`` (original) with ``..._result.jpg``
(annotated) and ``..._heatmap.jpg`` beside it. Paths handed to the database are relative to
``root`` with forward slashes, so a data directory can move or be copied to another OS.

Format: JPEG quality 95 by default. Encoding a 320×320 frame takes ~0.5 ms as JPEG against ~8 ms
as PNG (fastest compression) on the reference PC, and the file is ~5× smaller, so the quota keeps
~5× more history; q95 keeps defects visible for review and retraining. ``original_format="png"``
keeps originals lossless where a plant needs that, at the cost of time and space.

Nothing here ever stops inspection: a full disk or an unwritable folder pauses saving and the
reason is reported through :meth:`ImageStore.pop_warning` (the station publishes it as a
``StorageWarning``); records are stored without images meanwhile.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal, Protocol

import cv2
import numpy as np

from common.names import safe_stem as common_safe_stem

log = logging.getLogger(__name__)

SaveRule = Literal["all", "ng", "none"]
IMAGES_DIR = "images"
QUOTA_TARGET = 0.9  # pruning goes down to 90 % of the quota so it does not run on every record
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SUFFIXES = ("_result", "_heatmap")


class _Prunable(Protocol):
    def mark_pruned(self, image_paths: list[str]) -> int: ...


@dataclass(frozen=True)
class SavedImages:
    """Where one inspection's images went, relative to the store's root."""

    image_path: str
    result_path: str | None
    heatmap_path: str | None
    bytes: int


def resolve_image_path(data_dir: Path, stored: str | None) -> Path | None:
    """Where a record's stored image path points: relative to the data directory (or its
    ``images/`` folder, older records); absolute paths (imported history) are kept."""
    if not stored:
        return None
    p = Path(stored)
    if p.is_absolute():
        return p
    for candidate in (data_dir / p, data_dir / IMAGES_DIR / p):
        if candidate.is_file():
            return candidate
    return data_dir / p


def safe_stem(name: str, limit: int = 60) -> str:
    """A file-name stem safe on every OS: no separators, no dots in front, at most ``limit`` chars."""
    stem = Path(str(name).replace("\\", "/").split("/")[-1]).stem
    stem = common_safe_stem(stem, limit=limit, fallback="image")
    # A name ending like our own suffixes would be mistaken for another image's companion file.
    return stem + "_" if stem.endswith(_SUFFIXES) else stem


class ImageStore:
    """See the module docstring. Thread-safe; ``save`` is called from the station's worker."""

    def __init__(
        self,
        root: str | os.PathLike[str],
        quota_mb: float = 10_000,
        min_free_mb: float = 500,
        save_rule: SaveRule = "all",
        *,
        original_format: Literal["jpg", "png"] = "jpg",
        jpeg_quality: int = 95,
        disk_free: Callable[[Path], int] | None = None,
    ) -> None:
        if save_rule not in ("all", "ng", "none"):
            raise ValueError(f"save_rule must be all, ng or none, got {save_rule!r}")
        if original_format not in ("jpg", "png"):
            raise ValueError(f"original_format must be jpg or png, got {original_format!r}")
        if quota_mb <= 0 or min_free_mb < 0:
            raise ValueError("quota_mb must be positive and min_free_mb not negative")
        self.root = Path(root)
        self.save_rule: SaveRule = save_rule
        self.quota_bytes = int(quota_mb * 1024 * 1024)
        self.min_free_bytes = int(min_free_mb * 1024 * 1024)
        self.original_format = original_format
        self.jpeg_quality = int(jpeg_quality)
        self._disk_free = disk_free or (lambda p: shutil.disk_usage(p).free)
        self._lock = threading.Lock()
        self._usage: int | None = None  # bytes under images/, scanned on first need
        self._paused: str | None = None
        self._pending: list[str] = []

    # ------------------------------------------------------------------ state

    @property
    def images_dir(self) -> Path:
        return self.root / IMAGES_DIR

    @property
    def paused(self) -> str | None:
        """Why saving is paused now, or ``None`` while images are being saved."""
        return self._paused

    def pop_warning(self) -> str | None:
        """The next state change to report (saving paused / resumed), once each; else ``None``."""
        with self._lock:
            return self._pending.pop(0) if self._pending else None

    def _set_paused(self, reason: str | None) -> None:
        if reason == self._paused:
            return
        if reason is not None:
            log.warning("image saving paused: %s", reason)
            self._pending.append(f"Image saving paused: {reason}. Inspection continues without images.")
        else:
            log.info("image saving resumed")
            self._pending.append("Image saving resumed.")
        self._paused = reason

    def should_save(self, label: str) -> bool:
        return self.save_rule == "all" or (self.save_rule == "ng" and label == "NG")

    def resolve(self, relative: str) -> Path:
        """The absolute path of a stored relative path; refuses anything outside the root."""
        path = (self.root / relative).resolve()
        if not path.is_relative_to(self.root.resolve()):
            raise ValueError(f"image path {relative!r} is outside the data directory")
        return path

    # ------------------------------------------------------------------ saving

    def _encode(self, image: np.ndarray, fmt: str) -> bytes:
        if fmt == "png":
            ok, buf = cv2.imencode(".png", image, [cv2.IMWRITE_PNG_COMPRESSION, 1])
        else:
            ok, buf = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, self.jpeg_quality])
        if not ok:
            raise ValueError(f"could not encode a {image.shape} {image.dtype} image")
        return buf.tobytes()

    def save(
        self,
        when: datetime,
        name: str,
        label: str,
        original: np.ndarray,
        annotated: np.ndarray | None = None,
        heatmap: np.ndarray | None = None,
        *,
        db: _Prunable | None = None,
        original_encoded: tuple[bytes, str] | None = None,
    ) -> SavedImages | None:
        """Save by the rule; ``None`` when the rule skips it or saving is paused (see
        :meth:`pop_warning`). Never raises for disk problems: inspection must go on.

        With ``db`` the quota holds on every save: the oldest images are pruned *before* these
        are written whenever the running byte count plus the new files would pass it.

        ``original_encoded`` (bytes, extension): the original as it was posted, written as it is
        instead of encoding ``original`` (which is then a reduced working copy of a huge image)."""
        if not self.should_save(label):
            return None
        try:
            free = self._disk_free(self.root if self.root.exists() else self.root.parent)
        except OSError as exc:
            with self._lock:
                self._set_paused(f"cannot read free disk space ({exc})")
            return None
        with self._lock:
            if free < self.min_free_bytes:
                self._set_paused(f"only {free // 2**20} MB free on the disk, below the "
                                 f"{self.min_free_bytes // 2**20} MB minimum")
                return None
        try:
            if original_encoded is not None:
                blobs = [(bytes(original_encoded[0]), "", _extension(original_encoded[1]))]
            else:
                blobs = [(self._encode(original, self.original_format), "", self.original_format)]
            if annotated is not None:
                blobs.append((self._encode(annotated, "jpg"), "_result", "jpg"))
            if heatmap is not None:
                blobs.append((self._encode(heatmap, "jpg"), "_heatmap", "jpg"))
        except (cv2.error, ValueError) as exc:
            log.error("image for %s not saved: %s", name, exc)
            return None
        incoming = sum(len(blob) for blob, _s, _e in blobs)
        if incoming > self.quota_bytes:
            log.error("images of %s (%d bytes) are larger than the whole quota; not saved", name, incoming)
            return None
        if db is not None:
            self.enforce_quota(db, incoming=incoming)
        day = when.strftime("%Y-%m-%d")
        folder = self.images_dir / day
        base = f"{when.strftime('%H%M%S_%f')}_{safe_stem(name)}"
        paths: list[str | None] = [None, None, None]
        written = 0
        try:
            folder.mkdir(parents=True, exist_ok=True)
            stem = base
            n = 1
            while any((folder / f"{stem}{suffix}.{ext}").exists() for _b, suffix, ext in blobs):
                n += 1
                stem = f"{base}-{n}"
            for blob, suffix, ext in blobs:
                target = folder / f"{stem}{suffix}.{ext}"
                with open(target, "xb") as fh:
                    fh.write(blob)
                written += len(blob)
                slot = {"": 0, "_result": 1, "_heatmap": 2}[suffix]
                paths[slot] = f"{IMAGES_DIR}/{day}/{target.name}"
        except OSError as exc:
            with self._lock:
                self._add_usage(written)
                self._set_paused(f"cannot write images to {folder} ({exc.strerror or exc})")
            return None
        with self._lock:
            self._add_usage(written)
            self._set_paused(None)
        assert paths[0] is not None
        return SavedImages(image_path=paths[0], result_path=paths[1], heatmap_path=paths[2], bytes=written)

    def video_path(self, when: datetime, name: str, ext: str) -> tuple[Path, str]:
        """A new file for a processed video beside the day's images (so the quota counts and prunes
        it like them): absolute path and the path relative to the root."""
        day = when.strftime("%Y-%m-%d")
        folder = self.images_dir / day
        folder.mkdir(parents=True, exist_ok=True)
        stem = f"{when.strftime('%H%M%S_%f')}_{safe_stem(name)}_video"
        n = 1
        target = folder / f"{stem}.{ext}"
        while target.exists():
            n += 1
            target = folder / f"{stem}-{n}.{ext}"
        return target, f"{IMAGES_DIR}/{day}/{target.name}"

    def add_file(self, path: Path) -> None:
        """Count a file written under ``images/`` by someone else (a processed video)."""
        with contextlib.suppress(OSError), self._lock:
            self._add_usage(path.stat().st_size)

    def _add_usage(self, n: int) -> None:
        if self._usage is not None:
            self._usage += n

    # ------------------------------------------------------------------ quota

    def usage_bytes(self) -> int:
        """Bytes under ``images/`` (scanned once, then kept up to date by save and prune)."""
        with self._lock:
            if self._usage is None:
                self._usage = sum(size for _day, _files, size in self._scan_days())
            return self._usage

    def _scan_days(self) -> list[tuple[Path, list[os.DirEntry[str]], int]]:
        out: list[tuple[Path, list[os.DirEntry[str]], int]] = []
        if not self.images_dir.is_dir():
            return out
        for entry in sorted(os.scandir(self.images_dir), key=lambda e: e.name):
            if not (entry.is_dir() and _DAY.match(entry.name)):
                continue
            files = [f for f in os.scandir(entry.path) if f.is_file()]
            out.append((Path(entry.path), files, sum(f.stat().st_size for f in files)))
        return out

    def enforce_quota(self, db: _Prunable, incoming: int = 0) -> int:
        """Delete the oldest images until the store is under 90 % of its quota (and ``incoming``
        more bytes fit under it); their records stay and are marked ``image_pruned``. Returns the
        number of records marked. Cheap when under: the byte count is kept, not rescanned."""
        if self.usage_bytes() + incoming <= self.quota_bytes:
            return 0
        target = min(int(self.quota_bytes * QUOTA_TARGET), self.quota_bytes - incoming)
        marked = 0
        with self._lock:
            usage = self._usage or 0
            for folder, files, _size in self._scan_days():
                if usage <= target:
                    break
                groups: dict[str, list[os.DirEntry[str]]] = {}
                for f in files:
                    groups.setdefault(_group_key(f.name), []).append(f)
                originals: list[str] = []
                for key in sorted(groups):
                    if usage <= target:
                        break
                    original = None
                    for f in groups[key]:
                        try:
                            size = f.stat().st_size
                            os.unlink(f.path)
                        except FileNotFoundError:
                            continue
                        except OSError as exc:
                            log.error("cannot prune %s: %s", f.path, exc)
                            continue
                        usage -= size
                        if Path(f.name).stem == key:
                            original = f"{IMAGES_DIR}/{folder.name}/{f.name}"
                    if original:
                        originals.append(original)
                if originals:
                    marked += db.mark_pruned(originals)
                with contextlib.suppress(OSError):
                    folder.rmdir()  # only when empty
            self._usage = max(usage, 0)
        log.info("image quota: pruned images of %d records", marked)
        return marked


def _extension(ext: str) -> str:
    """A stored file's extension from the caller: letters/digits only, so it never makes a path."""
    clean = "".join(c for c in str(ext).lower() if c.isascii() and c.isalnum())[:5]
    if not clean:
        raise ValueError(f"not a file extension: {ext!r}")
    return clean


def _group_key(filename: str) -> str:
    stem = Path(filename).stem
    for suffix in _SUFFIXES:
        if stem.endswith(suffix):
            return stem[: -len(suffix)]
    return stem

