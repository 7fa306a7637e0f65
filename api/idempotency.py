"""``request_id`` (query) or ``X-Request-Id`` (header): a retried request returns what is stored.

A crash mid-``/api/detect`` left 8 of 20 records and the client no answer, and the retry judged
all 20 again (28 records). With a request id each image's record carries the id and its position
(``storage.requests``); a retry with the same id answers the stored items from their records (no
judging, no new rows) and judges only the positions that have none yet.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from api.errors import ApiError, bad_request


def request_id_of(request: Request, query: dict[str, str | None] | None = None) -> str | None:
    """The request id, validated; None when the client sent none."""
    from storage.errors import InvalidQuery
    from storage.requests import check_request_id

    raw = (query or {}).get("request_id") if query is not None else request.query_params.get("request_id")
    if raw is None or raw == "":
        raw = request.headers.get("x-request-id")
    if raw is None or raw == "":
        return None
    try:
        return check_request_id(raw)
    except InvalidQuery as exc:
        raise bad_request(str(exc)) from None


def tags(request_id: str | None, item: int = 0) -> dict[str, Any] | None:
    return {"request_id": request_id, "request_item": item} if request_id else None


async def stored(station: Any, request_id: str | None) -> dict[int, Any]:
    """``{position: record}`` already stored under this id (empty without an id)."""
    if not request_id or station.database is None:
        return {}
    from storage.requests import records_for_request

    return await run_in_threadpool(records_for_request, station.database, request_id)


def replayed(record: Any) -> Any:
    """An inspection-like object rebuilt from a stored record (what the replies need)."""
    regions = tuple(SimpleNamespace(**r, to_dict=(lambda r=r: dict(r))) for r in record.regions)
    shape = record.extra.get("image_shape") or [0, 0]
    threshold = float(record.extra.get("threshold", 0.0))
    result = SimpleNamespace(
        verdict=record.label, score=record.score, normalized_score=record.normalized_score,
        confidence=record.confidence, threshold=threshold, regions=regions,
        defect_count=record.defect_count, image_shape=tuple(int(v) for v in shape[:2]),
        model_id=record.model_id)
    return SimpleNamespace(record=record, result=result, image=None, replayed=True)


def stored_png(station: Any, record: Any, response_type: str) -> bytes:
    """The stored picture of a replayed record as PNG, or 409 when it was not kept."""
    import cv2

    from api.responses import encode_png

    field = {"image": "image_path", "annotated_image": "result_path", "heatmap": "heatmap_path"}[response_type]
    relative = getattr(record, field, None)
    store = getattr(station, "image_store", None)
    if relative and store is not None and not record.image_pruned:
        try:
            image = cv2.imread(str(store.resolve(relative)), cv2.IMREAD_UNCHANGED)
        except ValueError:
            image = None
        if image is not None:
            return encode_png(image)
    raise ApiError(409, "already_judged", f"this request_id was already judged as record {record.id}; "
                   f"its {response_type} is not stored: ask for response_type=context")
