"""Models: the whole library, delete, export/import, prediction parameters and callback, predict."""

from __future__ import annotations

import math
import re
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.datastructures import UploadFile

from api.auth import check_request
from api.machine.common import actor, call, route, services, split_ids
from station.item_decode import Budgets
from station.machine_errors import InvalidInput
from station.machine_views import hmodel

router = APIRouter(prefix="/api/v1/models", tags=["models"], dependencies=[Depends(check_request)])

MAX_IMPORT_FILES = 8
IMAGE_WAIT_S = 120.0  # a background prediction waits this long for decode room, per image


def _entry(svc: Any, view: Any) -> dict[str, Any]:
    return hmodel(view, svc.store.model_meta(view.model_id), svc.default_target_id())


@route(router, "GET", "/", summary="Every model in the library (and a training job's model)")
async def list_models(request: Request, algorithm_id: str | None = None) -> dict[str, Any]:
    svc = services(request)
    views = await call(svc.models.views)
    out = [await call(_entry, svc, v) for v in views]
    if algorithm_id:
        out = [m for m in out if m["algorithm_id"] == algorithm_id]
    return {"data": out}


@route(router, "DELETE", "/", summary="Delete models by id (the active model is refused: 409)")
async def delete_models(request: Request, model_ids: list[str] | None = Query(None)) -> dict[str, Any]:
    ids = split_ids(model_ids)
    if not ids:
        raise InvalidInput("model_ids: give at least one model id", "/query/model_ids")
    svc = services(request)
    deleted = await call(svc.models.delete, ids)
    for mid in deleted:
        await call(svc.store.forget_model, mid)
    await call(svc.store.audit, actor(request), "models.delete", model_ids=deleted)
    return {"data": {"model_ids": deleted}}


class ModelIds(BaseModel):
    model_config = ConfigDict(extra="forbid")
    model_ids: list[str]


@route(router, "POST", "/export", summary="Zip of the models' .qcs bundles", response_class=Response)
async def export_models(request: Request, body: ModelIds) -> Response:
    svc = services(request)
    data = await call(svc.models.export_zip, body.model_ids)
    await call(svc.store.audit, actor(request), "models.export", model_ids=body.model_ids)
    return Response(data, media_type="application/zip",
                    headers={"Content-Disposition": 'attachment; filename="models.zip"'})


@route(router, "POST", "/import", summary="Import models (multipart field `models`: a .qcs or the export zip)",
       openapi_extra={"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
           "type": "object", "required": ["models"],
           "properties": {"models": {"type": "string", "format": "binary"}}}}}}})
async def import_models(request: Request) -> dict[str, Any]:
    svc = services(request)
    try:
        form = await request.form(max_files=MAX_IMPORT_FILES, max_fields=16)
    except Exception as exc:  # noqa: BLE001 - malformed multipart is the client's error
        raise InvalidInput(f"expected multipart/form-data with a file in the field 'models': {exc}", "/body") from None
    try:
        uploads = [f for f in form.getlist("models") if isinstance(f, UploadFile)]
        if not uploads:
            raise InvalidInput("no file in the multipart field 'models'", "/body/models")
        imported = []
        for up in uploads:
            if up.size is not None and up.size > svc.models_max_import():
                raise InvalidInput(f"{up.filename}: larger than {svc.models_max_import()} bytes", "/body/models")
            data = await up.read()
            imported += await call(svc.models.import_upload, data, up.filename)
    finally:
        await form.close()
    await call(svc.store.audit, actor(request), "models.import", model_ids=[i.id for i in imported])
    views = [await call(svc.models.view, i.id) for i in imported]
    return {"data": [await call(_entry, svc, v) for v in views]}


@route(router, "GET", "/{model_id}", summary="One model (`active` = the active model); poll while training")
async def get_model(request: Request, model_id: str) -> dict[str, Any]:
    svc = services(request)
    view = await call(svc.models.view, model_id)
    return {"data": await call(_entry, svc, view)}


class PredictParameters(BaseModel):
    """Omitted fields keep their value. Thresholds are in the model's raw score units."""

    model_config = ConfigDict(extra="forbid")

    threshold: float | None = Field(None, gt=0, description="image threshold: score >= threshold is NG")
    pixel_threshold: float | None = Field(None, gt=0, description="defect-pixel threshold (QC Station)")
    ignore_outer: str | int | list[int] | None = Field(
        None, description='border band ignored, px: 5, "5", "(5,5)" or [5, 5] (top, left; equal values)')
    min_detected_area: float | None = Field(None, ge=0, description="smaller defect regions are dropped (px)")
    anomaly_range: float | None = Field(None, ge=0, le=1, description="heatmap colour range, fraction")


def parse_ignore_outer(value: Any) -> int:
    """The document's forms: int, "int", "(top,left)", [top, left]; QC Station uses one band."""
    pair: list[Any]
    if isinstance(value, bool):
        raise InvalidInput("ignore_outer must be a number of pixels", "/body/ignore_outer")
    if isinstance(value, int):
        pair = [value]
    elif isinstance(value, list):
        pair = value
    else:
        text = str(value).strip()
        if not re.fullmatch(r"\(?\s*\d+\s*(,\s*\d+\s*)?\)?|\[\s*\d+\s*(,\s*\d+\s*)?\]", text):
            raise InvalidInput(f'ignore_outer must be an integer, "(top,left)" or [top, left], got {text!r}',
                               "/body/ignore_outer")
        pair = [int(p) for p in re.findall(r"\d+", text)]
    if not 1 <= len(pair) <= 2 or any(not isinstance(p, int) or p < 0 for p in pair):
        raise InvalidInput("ignore_outer needs one or two non-negative integers", "/body/ignore_outer")
    if len(pair) == 2 and pair[0] != pair[1]:
        raise InvalidInput(f"ignore_outer ({pair[0]},{pair[1]}): QC Station ignores one band width on every side; "
                           "give equal values", "/body/ignore_outer")
    return int(pair[0])


@route(router, "POST", "/{model_id}/update_predict_parameters",
       summary="Change a model's prediction parameters (no retraining; the active model changes live)")
async def update_predict_parameters(request: Request, model_id: str, body: PredictParameters) -> dict[str, Any]:
    svc = services(request)
    changes = body.model_dump(exclude_none=True)
    anomaly_range = changes.pop("anomaly_range", None)
    for key in ("threshold", "pixel_threshold"):
        if key in changes and not math.isfinite(changes[key]):
            raise InvalidInput(f"{key} must be a finite positive number", f"/body/{key}")
    if "ignore_outer" in changes:
        changes["ignore_outer"] = parse_ignore_outer(changes["ignore_outer"])
    if "min_detected_area" in changes:
        if not math.isfinite(changes["min_detected_area"]):
            raise InvalidInput("min_detected_area must be finite", "/body/min_detected_area")
        changes["min_detected_area"] = int(math.ceil(changes["min_detected_area"]))
    view = await call(svc.models.view, model_id)
    thresholds = {k: v for k, v in changes.items() if k in ("threshold", "pixel_threshold")}
    if thresholds:  # on the model's own scale: 1e308 would make every part pass
        from inference.plausibility import check_thresholds

        try:
            check_thresholds(view.info.stats, thresholds)
        except ValueError as exc:
            raise InvalidInput(str(exc), f"/body/{next(iter(thresholds))}") from None
    new = await call(svc.models.set_params, view.model_id, changes)
    if anomaly_range is not None:
        await call(svc.store.set_model_meta, view.model_id, anomaly_range=anomaly_range)
    meta = await call(svc.store.model_meta, view.model_id)
    await call(svc.store.audit, actor(request), "model.update_predict_parameters", model_id=view.model_id,
               changes={**changes, **({"anomaly_range": anomaly_range} if anomaly_range is not None else {})})
    return {"data": {**new.to_dict(), "anomaly_range": float(meta["anomaly_range"] or 0.0)}}


class PredictCallback(BaseModel):
    model_config = ConfigDict(extra="forbid")
    callback_url: str = Field("", description="empty: no callback")
    callback_method: str = Field("post", description="post or get")


@route(router, "POST", "/{model_id}/update_predict_callback", summary="Where each prediction result is sent")
async def update_predict_callback(request: Request, model_id: str, body: PredictCallback) -> dict[str, Any]:
    svc = services(request)
    data = await call(svc.set_callback, model_id, body.callback_url, body.callback_method)
    await call(svc.store.audit, actor(request), "model.update_predict_callback", model_id=model_id, **data)
    return {"data": data}


class PredictBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    item_ids: list[str]


@route(router, "POST", "/{model_id}/predict",
       summary="Predict stored items in the background (425 while another prediction job runs)")
async def predict(request: Request, model_id: str, body: PredictBody) -> dict[str, Any]:
    svc = services(request)
    state = request.app.state  # each image is decoded at the working size within the memory budget
    budgets = Budgets(state.budget, state.body_budget, IMAGE_WAIT_S)
    job = await call(svc.start_prediction, model_id, body.item_ids, actor(request), budgets)
    return {"data": {"model_version": job.model_version, "item_ids": job.item_ids, "model_id": job.model_id}}
