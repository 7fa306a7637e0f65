"""The seed-000 detect API: ``POST /api/detect`` with several images, one answer per image.

A damaged file gets its own error entry; the rest of the batch is still judged. Files are
queued a window at a time so the station batches them together without flooding its queue.
"""

from __future__ import annotations

import asyncio
import base64
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Depends, Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from api import images, inspection
from api.auth import check_request
from api.errors import ApiError, bad_request
from api.responses import render_png

if TYPE_CHECKING:
    from station.core import Station
    from station.settings import Settings

router = APIRouter(prefix="/api", tags=["detect (seed 000)"])

MAX_FILES = 256


def _entry(found: Any, name: str) -> dict[str, Any]:
    result, record = found.result, found.record
    return {
        "defect_count": int(result.defect_count),
        "dice": round(float(result.confidence), 6),
        "labels": result.verdict,
        "name": name,
        "processing_time": round(float(record.processing_ms) / 1000.0, 6),
        "result_image": base64.b64encode(render_png("annotated_image", found)).decode("ascii"),
        "figId": record.id,
        "score": float(result.score),
        "normalized_score": float(result.normalized_score),
        "threshold": float(result.threshold),
        "regions": [r.to_dict() for r in result.regions],
    }


def _error_entry(name: str, err: ApiError) -> dict[str, Any]:
    return {"name": name, "error": err.error, "reason": err.reason, "status": err.status}


@router.post(
    "/detect",
    summary="Judge a batch of images (multipart field `images`, repeatable)",
    dependencies=[Depends(check_request)],
    openapi_extra={"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
        "type": "object", "required": ["images"],
        "properties": {"images": {"type": "array", "items": {"type": "string", "format": "binary"}}}}}}}},
)
async def detect(request: Request) -> list[dict[str, Any]]:
    settings = request.app.state.settings
    station = request.app.state.station
    try:
        form = await request.form(max_files=MAX_FILES + 1)
    except Exception as exc:  # noqa: BLE001 - malformed multipart is the client's error
        raise bad_request(f"expected multipart/form-data with files in field 'images': {exc}") from None
    files = [f for f in form.getlist("images") if isinstance(f, UploadFile)]
    if not files or len(files) > MAX_FILES:
        await form.close()
        if not files:
            raise bad_request("no images provided: send one or more files in the multipart field 'images'")
        raise ApiError(413, "too_large", f"at most {MAX_FILES} images per request")
    try:
        inspection.ensure_model(station)
        max_pixels = settings.server.max_pixels
        limit = images.body_limit(max_pixels)
        window = max(1, int(settings.inference.max_batch))
        out: list[dict[str, Any]] = []
        for start in range(0, len(files), window):
            chunk = files[start:start + window]
            out += await asyncio.gather(*(_one(station, f, limit, max_pixels, settings) for f in chunk))
        return out
    finally:
        await form.close()  # spooled temp files go now, also on errors


async def _one(station: Station, upload: UploadFile, limit: int, max_pixels: int, settings: Settings) -> dict[str, Any]:
    name = upload.filename or "uploaded_image"
    try:
        if upload.size is not None and limit and upload.size > limit:
            raise ApiError(413, "too_large", f"{name}: {upload.size} bytes exceeds the limit of {limit}")
        data = await upload.read()
        found = await inspection.inspect(
            station, lambda: images.decode_encoded(data, max_pixels), name=name, part_id=None,
            timeout=settings.server.request_timeout_s)
        return await run_in_threadpool(_entry, found, name)
    except ApiError as err:
        return _error_entry(name, err)
