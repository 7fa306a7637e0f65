"""The seed-000 detect API: ``POST /api/detect`` with several images, one answer per image.

A damaged file gets its own error entry; the rest of the batch is still judged. Files are
queued a window at a time so the station batches them together without flooding its queue.
"""

from __future__ import annotations

import asyncio
import base64
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from api import budget, idempotency, images, inspection
from api.auth import check_request
from api.errors import ApiError, bad_request
from api.multipart import UploadTooLarge, read_form, smallest
from api.responses import render_png

if TYPE_CHECKING:
    from station.core import Station
    from station.settings import Settings

router = APIRouter(prefix="/api", tags=["detect (seed 000)"])

MAX_FILES = 256


def _entry(found: Any, name: str, png: bytes | None | bool = True) -> dict[str, Any]:
    result, record = found.result, found.record
    if png is True:
        png = render_png("annotated_image", found)
    return {
        "defect_count": int(result.defect_count),
        "dice": round(float(result.confidence), 6),
        "labels": result.verdict,
        "name": name,
        "processing_time": round(float(record.processing_ms) / 1000.0, 6),
        "result_image": base64.b64encode(png).decode("ascii") if png else None,
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
    response_model=list[dict[str, Any]],
    dependencies=[Depends(check_request)],
    openapi_extra={"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
        "type": "object", "required": ["images"],
        "properties": {"images": {"type": "array", "items": {"type": "string", "format": "binary"}}}}}}}},
)
async def detect(request: Request) -> list[dict[str, Any]] | JSONResponse:
    settings = request.app.state.settings
    station = request.app.state.station
    request_id = idempotency.request_id_of(request)
    done = await idempotency.stored(station, request_id)
    inspection.ensure_model(station)
    lim = settings.limits
    max_pixels = settings.server.max_pixels
    limit = smallest(images.body_limit(max_pixels), int(lim.upload_file_max_mb) << 20)
    try:
        form = await read_form(request, max_total=int(lim.upload_max_mb) << 20, max_file_bytes=limit,
                               max_files=min(MAX_FILES, int(lim.upload_max_files)))
    except UploadTooLarge as exc:  # the client may still be sending: answer, then close
        return JSONResponse(exc.to_dict(), status_code=exc.status, headers={"connection": "close"})
    files = [f for f in form.getlist("images") if isinstance(f, UploadFile)]
    if not files:
        await form.close()
        raise bad_request("no images provided: send one or more files in the multipart field 'images'")
    try:
        window = max(1, int(settings.inference.max_batch))
        out: list[dict[str, Any]] = []
        for start in range(0, len(files), window):
            chunk = list(enumerate(files))[start:start + window]
            out += await asyncio.gather(*(
                _replayed_entry(station, done[i], f.filename or "uploaded_image") if i in done
                else _one(station, f, limit, max_pixels, settings, idempotency.tags(request_id, i),
                          request.app.state.budget, request.app.state.body_budget)
                for i, f in chunk))
        return out
    finally:
        await form.close()  # spooled temp files go now, also on errors
        await run_in_threadpool(budget.trim_when_idle, request.app.state.budget, request.app.state.body_budget)


async def _replayed_entry(station: Station, record: Any, name: str) -> dict[str, Any]:
    """A retried item's entry from its stored record (result image from disk when kept)."""

    def build() -> dict[str, Any]:
        found = idempotency.replayed(record)
        entry = _entry(found, name, png=None)
        try:
            entry["result_image"] = base64.b64encode(
                idempotency.stored_png(station, record, "annotated_image")).decode("ascii")
        except ApiError:
            entry["result_image"] = None
        entry["replayed"] = True
        return entry

    return await run_in_threadpool(build)


async def _one(station: Station, upload: UploadFile, limit: int, max_pixels: int, settings: Settings,
               tags: dict | None = None, decodes: Any = None, bodies: Any = None) -> dict[str, Any]:
    """One file: its bytes are reserved in the body pool before they are read from the spool (so
    concurrent uploads cannot hold more than the budget in memory), then decoded within the decode
    pool like every other route's image; both are held until its answer."""
    name = upload.filename or "uploaded_image"
    held = 0
    data = b""
    try:
        if upload.size is not None and limit and upload.size > limit:
            raise ApiError(413, "too_large", f"{name}: {upload.size} bytes exceeds the limit of {limit}")
        timeout = settings.server.request_timeout_s
        if bodies is not None:
            held = await budget.reserve_upload(bodies, upload.size, limit, timeout)
        data = await upload.read()
        if held:
            held = bodies.shrink(held, len(data))
        posted = images.EncodedImage(data, max_pixels, station, settings)
        found = await inspection.inspect(
            station, posted.decode, name=name, part_id=None,
            timeout=timeout, tags=tags, budget=decodes, cost=posted.cost)
        del posted
        data = b""
        return await run_in_threadpool(_entry, found, name)
    except ApiError as err:
        return _error_entry(name, err)
    finally:
        data = b""  # noqa: F841 - dropped before the reservation ends
        if held:
            bodies.release(held)
