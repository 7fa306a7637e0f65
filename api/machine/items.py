"""Items: list (paged as the document), add (multipart files[]), get, annotate, delete, image bytes."""

from __future__ import annotations

import json
import math
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.datastructures import UploadFile

from api.auth import check_request
from api.budget import trim_when_idle
from api.errors import ApiError
from api.images import body_limit
from api.machine.common import actor, base_error, call, route, services, split_ids
from api.multipart import UploadTooLarge, read_form, smallest
from station.item_decode import Budgets
from station.items import MAX_FILES, Upload
from station.machine_errors import InvalidInput, NotFound

router = APIRouter(prefix="/api/v1/items", tags=["items"], dependencies=[Depends(check_request)])

ITEM_TYPES = {"training": True, "prediction": False, "all": None, "inspection": "records"}
MAX_COUNT = 500


@route(router, "GET", "/", summary="Items of a type (training, prediction), paged")
async def list_items(request: Request, item_type: str, count: int = Query(20, ge=1, le=MAX_COUNT),
                     page: int = Query(1, ge=1), model_id: str | None = None) -> dict[str, Any]:
    if item_type not in ITEM_TYPES:
        raise InvalidInput("item_type must be training, prediction or inspection (the line's records)",
                           "/query/item_type")
    svc = services(request)
    if item_type == "inspection":
        total, rows = await call(svc.record_page, count, page, model_id)
        items = await call(svc.views, rows)
        return {"data": {"end_page": max(1, math.ceil(total / count)), "current_page": page,
                         "count_per_page": count, "total": total, "items": items}}
    training = ITEM_TYPES[item_type]
    total = await call(svc.store.count_items, training, model_id)
    rows = await call(svc.store.list_items, training, limit=count, offset=(page - 1) * count, model_id=model_id)
    items = await call(svc.views, rows, model_id=model_id)
    return {"data": {"end_page": max(1, math.ceil(total / count)), "current_page": page, "count_per_page": count,
                     "total": total, "items": items}}


def _flag(form: Any, name: str, required: bool) -> bool | None:
    raw = form.get(name)
    if raw is None or raw == "":
        if required:
            raise InvalidInput(f"{name} is required (true or false)", f"/body/{name}")
        return None
    low = str(raw).strip().lower()
    if low not in ("true", "false", "1", "0", "yes", "no"):
        raise InvalidInput(f"{name} must be true or false, got {raw!r}", f"/body/{name}")
    return low in ("true", "1", "yes")


@route(router, "POST", "/", status_code=201, summary="Add training (OK/NG) or prediction items from images",
       openapi_extra={"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
           "type": "object", "required": ["files[]", "training"],
           "properties": {"files[]": {"type": "array", "items": {"type": "string", "format": "binary"}},
                          "training": {"type": "boolean"}, "good": {"type": "boolean"},
                          "model_id": {"type": "string"},
                          "group": {"type": "boolean", "description": "QC Station: all files are one item"}}}}}}})
async def add_items(request: Request) -> Any:
    """The multipart body streams within ``limits.upload_*`` (413 past them, nothing spooled in
    full first); each file is then read, checked and copied one at a time within the endpoint's
    memory budget (``station.item_decode``), as ``/api/detect`` reads its files."""
    svc = services(request)
    state, settings = request.app.state, request.app.state.settings
    lim = settings.limits
    limit = smallest(body_limit(svc.items.max_pixels), int(lim.upload_file_max_mb) << 20)
    if request.headers.get("content-type", "").lower().startswith("application/x-www-form-urlencoded"):
        raise InvalidInput("no files: send one or more images in the multipart field files[]", "/body/files")
    try:
        form = await read_form(request, max_total=int(lim.upload_max_mb) << 20, max_file_bytes=limit,
                               max_files=MAX_FILES + 1)
    except UploadTooLarge as exc:  # the client may still be sending: answer, then close
        return base_error(413, exc.reason, "/body/files", headers={"connection": "close"})
    except ApiError as exc:  # not multipart, or malformed: the client's error
        raise InvalidInput(f"expected multipart/form-data with images in files[]: {exc.reason}", "/body") from None
    try:
        files = [f for key in ("files[]", "files") for f in form.getlist(key) if isinstance(f, UploadFile)]
        training = _flag(form, "training", True)
        good = _flag(form, "good", False)
        group = bool(_flag(form, "group", False))
        model_id = form.get("model_id") or None
        if model_id is not None and not isinstance(model_id, str):
            raise InvalidInput("model_id must be a string", "/body/model_id")
        if model_id:
            await call(svc.models.view, model_id, "/body/model_id")
        uploads = []
        for i, f in enumerate(files[:MAX_FILES + 1]):
            if limit and f.size is not None and f.size > limit:
                raise InvalidInput(f"{f.filename}: {f.size} bytes exceeds the limit of {limit}", f"/body/files/{i}")
            uploads.append(Upload(f.filename or f"image-{i}", file=f.file, size=f.size))
        budgets = Budgets(state.budget, state.body_budget, float(settings.server.request_timeout_s))
        try:
            ids = await call(svc.items.add, uploads, training=bool(training), good=good, model_id=model_id,
                             target_id=svc.default_target_id(), actor=actor(request), group=group,
                             budgets=budgets)
        except ApiError as exc:  # the memory budget: 413 (one file needs more), 503 (busy)
            return base_error(exc.status, exc.reason, "/body/files")
    finally:
        await form.close()
        await call(trim_when_idle, state.budget, state.body_budget)
    from fastapi.responses import JSONResponse

    return JSONResponse({"data": {"item_ids": ids}}, status_code=201)


class DeleteBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    item_ids: list[str]


@route(router, "DELETE", "/", summary="Delete items and their images (?item_ids= or a JSON body; audited)")
async def delete_items(request: Request, item_ids: list[str] | None = Query(None)) -> dict[str, Any]:
    ids = split_ids(item_ids)
    pointer = "/query/item_ids"
    if not ids:
        body = await request.body()
        if body:
            try:
                parsed = DeleteBody.model_validate(json.loads(body))
            except (ValueError, TypeError) as exc:
                raise InvalidInput(f"body must be {{\"item_ids\": [...]}}: {exc}", "/body/item_ids") from None
            ids, pointer = parsed.item_ids, "/body/item_ids"
    if not ids:
        raise InvalidInput("item_ids: give at least one item id", pointer)
    from station.record_items import record_id

    for n, iid in enumerate(ids):
        if record_id(iid) is not None:
            raise InvalidInput(f"{iid!r} is an inspection record: the history is not deleted over the machine API",
                               f"{pointer}/{n}")
    svc = services(request)
    await call(svc.items.require, ids, pointer)
    deleted = await call(svc.items.delete, ids, actor(request))
    return {"data": {"item_ids": deleted}}


@route(router, "GET", "/{item_id}", summary="One item with its assessments and annotations")
async def get_item(request: Request, item_id: str, show_assessments: bool = True, show_annotations: bool = True,
                   model_id: str | None = None) -> dict[str, Any]:
    svc = services(request)
    rows = await call(svc.rows_for, [item_id], "/path/item_id")
    views = await call(svc.views, rows, show_assessments=show_assessments, show_annotations=show_annotations,
                       model_id=model_id)
    return {"data": views[0]}


class RequestAnnotation(BaseModel):
    model_config = ConfigDict(extra="forbid")
    x_min: int | None = Field(None, ge=0)
    x_max: int | None = Field(None, ge=0)
    y_min: int | None = Field(None, ge=0)
    y_max: int | None = Field(None, ge=0)
    label: int | None = None
    notes: str | None = Field(None, max_length=2000)


class AnnotateBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    annotations: list[RequestAnnotation] | None = None
    result: str | None = Field(None, description="QC Station: the user assessment, OK or NG")
    good: bool | None = Field(None, description="QC Station: the user assessment as a flag")
    label: str | None = Field(None, max_length=100)
    training: bool | None = Field(None, description="QC Station: move the item to/from the training set")


@route(router, "PATCH", "/{item_id}", status_code=202, summary="Annotate an item (boxes, user assessment)")
async def annotate(request: Request, item_id: str, body: AnnotateBody) -> Response:
    svc = services(request)
    (row,) = await call(svc.rows_for, [item_id], "/path/item_id")
    if body.annotations is not None:
        images = (await call(svc.views, [row], show_assessments=False))[0]["images"]
        width = max((i["width"] for i in images), default=0)
        height = max((i["height"] for i in images), default=0)
        for n, a in enumerate(body.annotations):
            for lo, hi, limit in (("x_min", "x_max", width), ("y_min", "y_max", height)):
                a_lo, a_hi = getattr(a, lo), getattr(a, hi)
                if a_lo is not None and a_hi is not None and a_lo > a_hi:
                    raise InvalidInput(f"{lo} is greater than {hi}", f"/body/annotations/{n}/{lo}")
                if a_hi is not None and limit and a_hi > limit:
                    raise InvalidInput(f"{hi} {a_hi} is outside the image ({limit} px)", f"/body/annotations/{n}/{hi}")
    good = body.good
    if body.result is not None:
        if body.result.upper() not in ("OK", "NG"):
            raise InvalidInput("result must be OK or NG", "/body/result")
        good = body.result.upper() == "OK"
    if body.annotations is not None:
        await call(svc.store.replace_annotations, item_id, [a.model_dump() for a in body.annotations])
    if "record" in row:  # an inspection record: the review is the user assessment
        if good is not None:
            await call(svc.review_record, row, good, body.label)
        if body.training:
            record = row["record"] if good is None else await call(svc.station.database.get, row["record"].id)
            await call(svc.items.add_from_record, record, good=record.final_label == "OK",
                       target_id=svc.default_target_id(), actor=actor(request))
        await call(svc.store.audit, actor(request), "record.annotate", item_id=item_id, good=good)
        return Response(status_code=202)
    if good is not None or body.label is not None:
        keep = row["good"] if good is None else int(good)
        await call(svc.store.set_user_assessment, item_id, keep, body.label or (None if keep is None else
                                                                               ("OK" if keep else "NG")))
    if body.training is not None:
        await call(svc.store.set_training, item_id, body.training)
    await call(svc.store.audit, actor(request), "item.annotate", item_id=item_id,
               annotations=None if body.annotations is None else len(body.annotations), good=good)
    return Response(status_code=202)


@router.get("/{item_id}/images/{index}", summary="An item's image as uploaded (QC Station)")
async def item_image(request: Request, item_id: str, index: int) -> FileResponse:
    svc = services(request)
    await call(svc.items.get, item_id)
    rows = (await call(svc.store.images_of, [item_id]))[item_id]
    if not 0 <= index < len(rows):
        raise NotFound(f"item {item_id!r} has no image {index}", "/path/index")
    path = svc.items.image_path(rows[index])
    return FileResponse(path, filename=rows[index]["name"])
