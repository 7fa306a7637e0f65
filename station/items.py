"""Items: training and prediction data held by the station (HACARUS' "data"), with their images.

An item is one product; it may hold several images (faces of one part) that are judged together.
Uploaded bytes are decoded (pixel count checked from the header first) before anything is
written; files land under ``<data dir>/items/<item id>/`` with names the station chooses, never
the client's, and a failed upload leaves neither files nor rows behind.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from station.machine_errors import InvalidInput, NotFound

log = logging.getLogger(__name__)

MAX_FILES = 200
MAX_NAME = 200
ITEMS_DIR = "items"


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


def _ext(data: bytes) -> str:
    if data.startswith(b"\x89PNG"):
        return ".png"
    if data.startswith(b"\xff\xd8"):
        return ".jpg"
    if data.startswith(b"BM"):
        return ".bmp"
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return ".tif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return ".webp"
    return ".img"


def _clean_name(name: str | None, fallback: str) -> str:
    base = os.path.basename((name or "").replace("\\", "/")).strip()
    base = "".join(ch for ch in base if ch.isprintable())[:MAX_NAME]
    return base or fallback


class ItemService:
    def __init__(self, store: Any, data_dir: Path, max_pixels: int) -> None:
        self.store = store
        self.data_dir = Path(data_dir)
        self.max_pixels = int(max_pixels)

    # ------------------------------------------------------------------ adding
    def _decode(self, data: bytes, pointer: str) -> np.ndarray:
        from inference.errors import ImageDecodeError
        from inference.imageio import decode_image

        if not data:
            raise InvalidInput("empty file: expected an encoded image (PNG, JPEG, BMP, TIFF, WebP)", pointer)
        try:
            return decode_image(data, max_pixels=self.max_pixels or None)
        except ImageDecodeError as exc:
            raise InvalidInput(f"not a readable image: {exc}", pointer) from None

    def add(self, uploads: Sequence[Upload], *, training: bool, good: bool | None, model_id: str | None,
            target_id: int | None, actor: str, group: bool = False, record_id: int | None = None) -> list[str]:
        """One item per file (or one item of all files with ``group``); returns the item ids."""
        if not uploads:
            raise InvalidInput("no files: send one or more images in the multipart field files[]", "/body/files")
        if len(uploads) > MAX_FILES:
            raise InvalidInput(f"at most {MAX_FILES} files per request", "/body/files")
        decoded = []
        for i, up in enumerate(uploads):  # everything is checked before anything is written
            image = self._decode(up.data, f"/body/files/{i}")
            decoded.append((up, image.shape[1], image.shape[0]))
        groups = [decoded] if group else [[d] for d in decoded]
        root = self.data_dir / ITEMS_DIR
        rows, written = [], []
        try:
            for n, members in enumerate(groups):
                item_id = uuid.uuid4().hex
                folder = root / item_id
                folder.mkdir(parents=True, exist_ok=False)
                written.append(folder)
                images = []
                for idx, (up, width, height) in enumerate(members):
                    path = folder / f"{idx}{_ext(up.data)}"
                    _write_atomic(path, up.data)
                    images.append({"name": _clean_name(up.name, f"image-{idx}"), "width": width, "height": height,
                                   "file_size": len(up.data), "path": path.relative_to(self.data_dir).as_posix()})
                rows.append({"item_id": item_id, "name": images[0]["name"] if len(images) == 1 else f"item-{n + 1}",
                             "is_training": training, "good": None if good is None else int(bool(good)),
                             "user_label": None if good is None else ("OK" if good else "NG"),
                             "model_id": model_id, "target_id": target_id, "record_id": record_id,
                             "images": images})
            return self.store.add_items(rows, actor)
        except BaseException:
            for folder in written:
                shutil.rmtree(folder, ignore_errors=True)
            raise

    def add_from_record(self, record: Any, *, good: bool, target_id: int | None, actor: str) -> str:
        """A history record becomes a training item (its original image is copied)."""
        if not record.image_path or record.image_pruned:
            raise InvalidInput(f"record {record.id} has no stored original image (saving off or pruned)")
        src = (self.data_dir / record.image_path).resolve()
        if not src.is_relative_to(self.data_dir.resolve()) or not src.is_file():
            raise InvalidInput(f"record {record.id}: its image file is missing")
        existing = self.store.training_items_of_records([record.id]).get(record.id)
        if existing:
            item = self.store.item(existing)
            self.store.set_user_assessment(existing, int(bool(good)), "OK" if good else "NG")
            return item["item_id"]
        ids = self.add([Upload(record.name, src.read_bytes())], training=True, good=good, model_id=record.model_id,
                       target_id=target_id, actor=actor, record_id=record.id)
        return ids[0]

    # ------------------------------------------------------------------ reading
    def get(self, item_id: str, pointer: str = "/path/item_id") -> dict[str, Any]:
        item = self.store.item(item_id)
        if item is None or not item["active"]:
            raise NotFound(f"no item {item_id!r}", pointer)
        return item

    def require(self, item_ids: Sequence[str], pointer: str = "/body/item_ids") -> list[dict[str, Any]]:
        found = self.store.items_by_ids(list(item_ids))
        for i, item_id in enumerate(item_ids):
            if item_id not in found or not found[item_id]["active"]:
                raise NotFound(f"no item {item_id!r}", f"{pointer}/{i}")
        return [found[i] for i in item_ids]

    def image_path(self, image_row: dict[str, Any]) -> Path:
        path = (self.data_dir / image_row["path"]).resolve()
        if not path.is_relative_to((self.data_dir / ITEMS_DIR).resolve()):
            raise NotFound("image outside the item store")
        return path

    def load_images(self, item_id: str) -> list[np.ndarray]:
        from inference.imageio import load_bgr

        rows = self.store.images_of([item_id])[item_id]
        return [load_bgr(self.image_path(r), max_pixels=self.max_pixels or None) for r in rows]

    def training_paths(self, items: Sequence[dict[str, Any]]) -> tuple[list[Path], list[Path]]:
        """(OK image paths, NG image paths) of training items (unassessed items count as OK)."""
        images = self.store.images_of([i["item_id"] for i in items])
        ok: list[Path] = []
        ng: list[Path] = []
        for item in items:
            paths = [self.image_path(r) for r in images[item["item_id"]]]
            (ng if item["good"] == 0 else ok).extend(paths)
        return ok, ng

    # ------------------------------------------------------------------ changing
    def delete(self, item_ids: Sequence[str], actor: str) -> list[str]:
        self.require(item_ids)
        self.store.delete_items(list(item_ids), actor)
        for item_id in item_ids:
            shutil.rmtree(self.data_dir / ITEMS_DIR / item_id, ignore_errors=True)
        return list(item_ids)


def _write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


__all__ = ["ItemService", "Upload"]
