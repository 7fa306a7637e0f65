"""Search the history by likeness and by part identifier (the user's face and licence-plate search).

``POST /api/search/similar``: multipart ``image`` (a new part) or ``record_id`` (a stored one),
optional ``verdict``, ``since`` (ISO date or date-time), ``limit`` → the most similar earlier
inspections, best first. ``POST /api/search/identifier``: JSON ``{"identifier", "prefix", "limit"}``
→ every inspection of that part, newest first, as newline-delimited JSON (one record per line).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import StreamingResponse
from starlette.concurrency import iterate_in_threadpool, run_in_threadpool
from starlette.datastructures import UploadFile

from api import images, inspection
from api.auth import check_request
from api.errors import ApiError, bad_request, from_station_error, not_found
from station.errors import StationError

router = APIRouter(prefix="/api/search", tags=["search"], dependencies=[Depends(check_request)])

MAX_LIMIT = 200


def _limit(raw: Any, default: int = 20) -> int:
    if raw is None or raw == "":
        return default
    try:
        value = int(str(raw))
    except ValueError:
        raise bad_request(f"limit must be an integer, got {str(raw)[:20]!r}") from None
    if not 1 <= value <= MAX_LIMIT:
        raise bad_request(f"limit must be between 1 and {MAX_LIMIT}")
    return value


def _since(raw: Any) -> datetime | None:
    if raw is None or raw == "":
        return None
    try:
        return datetime.fromisoformat(str(raw))
    except ValueError:
        raise bad_request(f"since must be an ISO date or date-time, got {str(raw)[:40]!r}") from None


def _verdict(raw: Any) -> str | None:
    if raw is None or raw == "":
        return None
    text = str(raw).upper()
    if text not in ("OK", "NG"):
        raise bad_request("verdict must be OK or NG")
    return text


def _station_with_history(request: Request) -> Any:
    station = request.app.state.station
    if station.database is None:
        raise ApiError(503, "no_database", "the history database is not open")
    return station


async def _json_object(request: Request, refusal: str, *, empty: bytes = b"null") -> dict[str, Any]:
    """The JSON body (64 KiB at most) as a dict; invalid JSON or anything but an object is a 400
    saying ``refusal``. ``empty`` stands for a body that is not there."""
    try:
        body = json.loads(await images.read_body(request, 1 << 16) or empty)
    except ValueError:
        raise bad_request(refusal) from None
    if not isinstance(body, dict):
        raise bad_request(refusal)
    return body


def image_url(record: Any) -> str | None:
    if record.image_pruned or not (record.result_path or record.image_path):
        return None
    return f"/api/data/image/{record.id}/{'result' if record.result_path else 'original'}"


@router.post("/similar", summary="The past inspections most similar to an image or a stored record")
async def similar(request: Request) -> dict[str, Any]:
    from station.similar import NoEmbedding, find_similar, image_vector, record_vector

    station = _station_with_history(request)
    settings = request.app.state.settings
    ctype = request.headers.get("content-type", "")
    image_data: bytes | None = None
    if ctype.startswith("application/json"):
        fields = await _json_object(request, "the body must be a JSON object", empty=b"{}")
    else:
        try:
            form = await request.form(max_files=1, max_fields=8)
        except Exception as exc:  # noqa: BLE001
            raise bad_request(f"expected multipart/form-data or JSON: {exc}") from None
        fields = {k: v for k, v in form.items() if not isinstance(v, UploadFile)}
        upload = form.get("image")
        if isinstance(upload, UploadFile):
            image_data = await upload.read()
        await form.close()
    limit = _limit(fields.get("limit"))
    verdict = _verdict(fields.get("verdict"))
    since = _since(fields.get("since"))
    record_id = fields.get("record_id")
    if (record_id in (None, "")) == (image_data is None):
        raise bad_request("send exactly one of: a file in the multipart field 'image', or 'record_id'")
    try:
        if image_data is not None:
            inspection.ensure_model(station)
            max_pixels = settings.server.max_pixels
            picture = await run_in_threadpool(images.decode_encoded, image_data, max_pixels)
            vector = await run_in_threadpool(image_vector, station, picture, settings.server.request_timeout_s)
            exclude = None
        else:
            try:
                exclude = int(str(record_id))
            except ValueError:
                raise bad_request("record_id must be an integer") from None
            if await run_in_threadpool(station.database.get, exclude) is None:
                raise not_found(f"no record with figId {exclude}")
            vector = await run_in_threadpool(record_vector, station, exclude)
        hits = await run_in_threadpool(lambda: find_similar(station, vector, limit, verdict=verdict,
                                                            since=since, exclude=exclude))
    except NoEmbedding as exc:
        raise ApiError(422, "no_embedding", str(exc)) from None
    except StationError as exc:
        raise from_station_error(exc) from None
    except Exception as exc:
        from storage.es_knn import EsKnnError

        if isinstance(exc, EsKnnError):
            raise ApiError(502, "elasticsearch", str(exc)) from None
        raise
    return {"query": {"record_id": exclude, "verdict": verdict, "limit": limit,
                      "since": since.isoformat() if since else None},
            "results": [h.to_dict() for h in hits]}


@router.post("/identifier", summary="Every inspection of a part by its identifier (NDJSON, newest first)")
async def identifier(request: Request) -> StreamingResponse:
    from storage.errors import InvalidQuery
    from storage.identifier_search import check_identifier, iter_by_identifier

    station = _station_with_history(request)
    body = await _json_object(request, 'expected a JSON body {"identifier": "..."}')
    try:
        text = check_identifier(body.get("identifier"))
    except InvalidQuery as exc:
        raise bad_request(str(exc)) from None
    prefix = body.get("prefix", False)
    if not isinstance(prefix, bool):
        raise bad_request("prefix must be true or false")
    raw_limit = body.get("limit")
    limit = None if raw_limit is None else _limit(raw_limit, 0) if raw_limit != 0 else None

    def lines():
        for r in iter_by_identifier(station.database, text, prefix=prefix, limit=limit):
            yield json.dumps({"record_id": r.id, "time": r.timestamp.isoformat(timespec="milliseconds"),
                              "verdict": r.final_label, "image_url": image_url(r), "source": r.source,
                              "name": r.name, "part_id": r.part_id,
                              "identifier_type": (r.extra or {}).get("identifier_type")},
                             ensure_ascii=False) + "\n"

    return StreamingResponse(iterate_in_threadpool(lines()), media_type="application/x-ndjson")
