"""Algorithms (every field of AlgorithmWithParameter) and ``POST /{id}/train`` (background job)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field

from api.auth import check_request
from api.machine.common import actor, call, route, services
from station.machine_errors import InvalidInput, NotFound
from station.machine_views import algorithm_view, hmodel, override_parameters

router = APIRouter(prefix="/api/v1/algorithms", tags=["algorithms"], dependencies=[Depends(check_request)])


def _spec(algorithm_id: str) -> Any:
    from inference.algorithms import registry

    for spec in registry():
        if spec.name == algorithm_id:
            return spec
    raise NotFound(f"no algorithm {algorithm_id!r}", "/path/algorithm_id")


class OverrideParam(BaseModel):
    model_config = ConfigDict(extra="forbid")
    algorithm_parameter_id: int | None = Field(None, ge=1)
    name: str | None = Field(None, description="QC Station: the parameter's name instead of its id")
    value: str | int | float | bool


class TrainRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str | None = Field(None, max_length=120)
    item_ids: list[str] | None = Field(None, description="training items; omitted: every training item")
    override_params: list[OverrideParam] = Field(default_factory=list)


@route(router, "GET", "/", summary="List algorithms with their parameters")
async def list_algorithms() -> dict[str, Any]:
    from inference.algorithms import registry

    return {"data": [algorithm_view(s) for s in registry()]}


@route(router, "GET", "/{algorithm_id}", summary="One algorithm")
async def get_algorithm(algorithm_id: str) -> dict[str, Any]:
    return {"data": algorithm_view(_spec(algorithm_id))}


@route(router, "POST", "/{algorithm_id}/train",
       summary="Train a model on stored training items in the background (425 while one trains)")
async def train(request: Request, algorithm_id: str, body: TrainRequest) -> dict[str, Any]:
    spec = _spec(algorithm_id)
    try:
        params = override_parameters(spec, [o.model_dump() for o in body.override_params])
    except LookupError as exc:
        index, text = exc.args
        raise InvalidInput(text, f"/body/override_params/{index}") from None
    svc = services(request)
    job = await call(svc.start_training, algorithm=spec.name, name=body.name, item_ids=body.item_ids,
                     parameters=params, actor=actor(request))
    view = svc.models.view(job.model_id)
    return {"data": hmodel(view, {}, svc.default_target_id())}
