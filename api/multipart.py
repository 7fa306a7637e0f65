"""Multipart uploads read within limits while they stream: total bytes, bytes per file, file count.

Starlette's ``request.form()`` spools every file to disk in full before the handler sees it, so a
1 GiB part was written out before being refused (and the request still answered 200). Here the
request stream is counted as it arrives and each file part as it is parsed; the first byte past
a limit ends the upload with 413 and the spooled files are closed (deleted) at once.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Any

from fastapi import Request
from starlette.datastructures import FormData
from starlette.formparsers import MultiPartException, MultiPartParser

from api.errors import ApiError, bad_request

MAX_FIELD_BYTES = 64 * 1024  # non-file fields (e.g. request_id)
MAX_FIELDS = 32


class UploadTooLarge(ApiError):
    def __init__(self, reason: str) -> None:
        super().__init__(413, "too_large", reason)


class _LimitedParser(MultiPartParser):
    def __init__(self, headers: Any, stream: AsyncGenerator[bytes, None], *, max_files: int, max_file_bytes: int) -> None:
        super().__init__(headers, stream, max_files=max_files, max_fields=MAX_FIELDS, max_part_size=MAX_FIELD_BYTES)
        self.max_file_bytes = max_file_bytes
        self._part_bytes = 0

    def on_part_begin(self) -> None:
        super().on_part_begin()
        self._part_bytes = 0

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        if self._current_part.file is not None and self.max_file_bytes:
            self._part_bytes += end - start
            if self._part_bytes > self.max_file_bytes:
                name = self._current_part.file.filename or "a file"
                raise UploadTooLarge(f"{name} exceeds the limit of {self.max_file_bytes} bytes per file "
                                     "(settings: limits.upload_file_max_mb)")
        super().on_part_data(data, start, end)


def smallest(*limits: int) -> int:
    """The tightest of several byte limits where 0 means none."""
    set_limits = [x for x in limits if x > 0]
    return min(set_limits) if set_limits else 0


async def _counted(request: Request, max_total: int) -> AsyncGenerator[bytes, None]:
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if max_total and size > max_total:
            raise UploadTooLarge(f"the upload exceeds the limit of {max_total} bytes "
                                 "(settings: limits.upload_max_mb)")
        yield chunk


async def read_form(request: Request, *, max_total: int, max_file_bytes: int, max_files: int) -> FormData:
    """The parsed form, or 413 (too big / too many files) or 400 (not multipart / malformed)."""
    declared = request.headers.get("content-length")
    if max_total and declared and declared.isdigit() and int(declared) > max_total:
        raise UploadTooLarge(f"the upload of {int(declared)} bytes exceeds the limit of {max_total} bytes "
                             "(settings: limits.upload_max_mb)")
    ctype = request.headers.get("content-type", "")
    if not ctype.lower().startswith("multipart/form-data"):
        raise bad_request("expected multipart/form-data with files in field 'images'")
    parser = _LimitedParser(request.headers, _counted(request, max_total), max_files=max_files,
                            max_file_bytes=max_file_bytes)
    try:
        return await parser.parse()
    except MultiPartException as exc:
        if "Too many files" in str(exc):
            raise UploadTooLarge(f"at most {max_files} images per request "
                                 "(settings: limits.upload_max_files)") from None
        raise bad_request(f"malformed multipart/form-data: {exc}") from None
