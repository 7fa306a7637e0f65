"""Items: training and prediction data held by the station (HACARUS' "data"), with their images.

An item is one product; it may hold several images (faces of one part) that are judged together.
Uploaded bytes are checked (header first: format allow-list and pixel count; then decoded at the
least memory the format allows, within the endpoint's memory budget: ``station.item_decode``)
before anything is written, and stored as posted; files land under ``<data dir>/items/<item id>/``
with names the station chooses, never the client's, and a failed upload leaves neither files nor
rows behind.
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
from typing import Any, BinaryIO

from inference.working_image import EXTENSIONS
from station.item_decode import NO_BUDGETS, Budgets, check_upload
from station.machine_errors import InvalidInput, NotFound

log = logging.getLogger(__name__)

MAX_FILES = 200
MAX_NAME = 200
ITEMS_DIR = "items"


@dataclass(frozen=True, eq=False)
class Upload:
    """One file to add: its bytes, or (a multipart part spooled to disk) a binary file holding
    them with its size, read only while it is checked and copied, not kept in memory."""

    name: str
    data: bytes = b""
    file: BinaryIO | None = None
    size: int | None = None

    @property
    def nbytes(self) -> int:
        return len(self.data) if self.file is None else int(self.size or 0)

    def read(self) -> bytes:
        if self.file is None:
            return self.data
        self.file.seek(0)
        return self.file.read()

    def write_to(self, path: Path) -> int:
        """Write the bytes to ``path`` atomically; returns how many."""
        if self.file is None:
            _write_atomic(path, self.data)
            return len(self.data)
        self.file.seek(0)
        return _write_atomic(path, self.file)


def _clean_name(name: str | None, fallback: str) -> str:
    base = os.path.basename((name or "").replace("\\", "/")).strip()
    base = "".join(ch for ch in base if ch.isprintable())[:MAX_NAME]
    return base or fallback


class ItemService:
    def __init__(self, store: Any, data_dir: Path, max_pixels: int) -> None:
        self.store = store
        self.data_dir = Path(data_dir)
        self.max_pixels = int(max_pixels)

    @property
    def pixel_limit(self) -> int:
        """``max_pixels``, or the engine's default limit when the setting is 0."""
        from inference.imageio import DEFAULT_MAX_PIXELS

        return self.max_pixels or DEFAULT_MAX_PIXELS

    # ------------------------------------------------------------------ adding
    def _check(self, up: Upload, pointer: str, budgets: Budgets) -> Any:
        """The header of an upload that decodes; its bytes are in memory only meanwhile (reserved
        in the body pool before they are read), its check decode within the decode pool."""
        from inference.errors import ImageDecodeError

        if up.nbytes <= 0:
            raise InvalidInput("empty file: expected an encoded image (PNG, JPEG, BMP, TIFF, WebP)", pointer)
        with budgets.held(budgets.bodies, up.nbytes, "to read"):
            data = up.read()
            try:
                return check_upload(data, max_pixels=self.pixel_limit, budgets=budgets)
            except ImageDecodeError as exc:
                raise InvalidInput(f"not a readable image: {exc}", pointer) from None
            finally:
                del data

    def add(self, uploads: Sequence[Upload], *, training: bool, good: bool | None, model_id: str | None,
            target_id: int | None, actor: str, group: bool = False, record_id: int | None = None,
            budgets: Budgets = NO_BUDGETS) -> list[str]:
        """One item per file (or one item of all files with ``group``); returns the item ids.

        ``budgets``: the endpoint's memory pools each file is checked within (``station.item_decode``)."""
        if not uploads:
            raise InvalidInput("no files: send one or more images in the multipart field files[]", "/body/files")
        if len(uploads) > MAX_FILES:
            raise InvalidInput(f"at most {MAX_FILES} files per request", "/body/files")
        decoded = []
        for i, up in enumerate(uploads):  # everything is checked before anything is written
            header = self._check(up, f"/body/files/{i}", budgets)
            decoded.append((up, header))
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
                for idx, (up, header) in enumerate(members):
                    path = folder / f"{idx}.{EXTENSIONS.get(header.format, 'img')}"
                    size = up.write_to(path)  # the bytes as posted: training decodes the original
                    images.append({"name": _clean_name(up.name, f"image-{idx}"), "width": header.width,
                                   "height": header.height, "file_size": size,
                                   "path": path.relative_to(self.data_dir).as_posix()})
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

    def image_files(self, item_id: str) -> list[Path]:
        """An item's stored image files, in order (decoded by whoever judges them)."""
        rows = self.store.images_of([item_id])[item_id]
        return [self.image_path(r) for r in rows]

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


def _write_atomic(path: Path, data: bytes | BinaryIO) -> int:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            if isinstance(data, (bytes, bytearray, memoryview)):
                fh.write(data)
            else:
                shutil.copyfileobj(data, fh, 1 << 20)
            written = fh.tell()
        os.replace(tmp, path)
        return written
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


__all__ = ["ItemService", "Upload"]
