"""Inspection targets (a product / recipe): list, get, set default (the changeover), model results CSV."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from api.auth import check_request
from api.machine.common import actor, call, route, services, split_ids
from station.machine_views import target_view

router = APIRouter(prefix="/api/v1/targets", tags=["targets"], dependencies=[Depends(check_request)])


@route(router, "GET", "/", summary="List inspection targets")
async def list_targets(request: Request) -> dict[str, Any]:
    svc = services(request)
    rows = await call(svc.store.targets)
    return {"data": [target_view(svc, r) for r in rows]}


class NewTarget(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=120)
    model_id: str | None = Field(None, description="a library model this target runs")


@route(router, "POST", "/", status_code=201, summary="Create an inspection target (QC Station)")
async def create_target(request: Request, body: NewTarget) -> Any:
    svc = services(request)
    row = await call(svc.create_target, body.name, body.model_id, actor(request))
    return JSONResponse({"data": target_view(svc, row)}, status_code=201)


@route(router, "POST", "/model/results", summary="CSV of the stored results (assessments) of models",
       response_class=Response)
async def model_results(request: Request, model_ids: list[str] | None = Query(None)) -> Response:
    svc = services(request)
    text = await call(svc.model_results_csv, split_ids(model_ids))
    return Response(text.encode("utf-8"), media_type="text/csv",
                    headers={"Content-Disposition": 'attachment; filename="model_results.csv"'})


@route(router, "GET", "/{target_id}", summary="One inspection target")
async def get_target(request: Request, target_id: str) -> dict[str, Any]:
    svc = services(request)
    row = await call(svc.target, target_id)
    return {"data": target_view(svc, row)}


@route(router, "POST", "/{target_id}", summary="Make a target the default: the station changes over to its model")
async def set_target(request: Request, target_id: str, model_id: str | None = None,
                     confirm: bool = False) -> dict[str, Any]:
    """``?model_id=`` (QC Station) first assigns a library model to the target; while the line is
    running, ``?confirm=true`` is required (409 otherwise)."""
    svc = services(request)
    row = await call(svc.set_default_target, target_id, actor(request), model_id, confirm)
    return {"data": target_view(svc, row)}
