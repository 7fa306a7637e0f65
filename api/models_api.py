"""HACARUS-style model routes, adapted to a station with one active model.

``GET /api/v1/algorithms`` lists what the engine can train (``inference.algorithms.registry``);
``GET /api/v1/models`` the active model; ``update_predict_parameters`` changes threshold,
ignored border and minimum defect area live (no retraining), like HACARUS' Check API.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field

from api.auth import check_request
from api.errors import ApiError, bad_request, from_station_error, not_found
from station.errors import StationError

if TYPE_CHECKING:
    from station.core import Station

router = APIRouter(prefix="/api/v1", tags=["models (HACARUS style)"], dependencies=[Depends(check_request)])


def _algorithm(spec: Any) -> dict[str, Any]:
    d = spec.to_dict()
    d["algorithm_id"] = spec.name
    for p in d["parameters"]:  # HACARUS' names beside ours
        p["data_type"] = p["type"]
        p["value"] = p["default"]
        p["range_lower"] = p["minimum"]
        p["range_upper"] = p["maximum"]
        p["display_name"] = p["name"]
    return d


@router.get("/algorithms", summary="Algorithms the engine can train, with their parameters")
def algorithms() -> dict[str, Any]:
    from inference.algorithms import registry

    return {"data": [_algorithm(s) for s in registry()]}


@router.get("/algorithms/{algorithm_id}", summary="One algorithm")
def algorithm(algorithm_id: str) -> dict[str, Any]:
    from inference.algorithms import registry

    for spec in registry():
        if spec.name == algorithm_id:
            return {"data": _algorithm(spec)}
    raise not_found(f"no algorithm {algorithm_id!r}")


def model_entry(station: Station) -> dict[str, Any] | None:
    model = station.model
    if model is None:
        return None
    info, params = model.info, model.params
    path = getattr(station, "model_path", None)
    path = Path(path) if path else None
    return {
        "model_id": info.id,
        "name": info.name,
        "algorithm_id": info.algorithm,
        "algorithm_type": "UNSUPERVISED",
        "version": info.version,
        "backbone": info.backbone,
        "input_size": info.input_size,
        "parameters": info.parameters,
        "ok_img_count": info.ok_img_count,
        "ng_img_count": info.ng_img_count,
        "training_time": info.training_seconds,
        "created_at": info.created_at,
        "stats": info.stats,
        "precision": info.stats.get("precision"),
        "recall": info.stats.get("recall"),
        "active": True,
        "status": "ready",
        "device": getattr(model, "device", None),
        "file": path.name if path else None,  # the name only: a path tells a caller about the disk
        "predict_parameters": params.to_dict(),
    }


@router.get("/models", summary="The active model (a list of one, or empty)")
def models(request: Request) -> dict[str, Any]:
    entry = model_entry(request.app.state.station)
    return {"data": [entry] if entry else []}


def _active(request: Request, model_id: str) -> Any:
    station = request.app.state.station
    model = station.model
    if model is None:
        raise ApiError(503, "no_model", "no model loaded: open or train a model in the station first")
    if model.info.id != model_id:
        raise not_found(f"model {model_id!r} is not the active model ({model.info.id!r})")
    return model


@router.get("/models/{model_id}", summary="The active model by id")
def model(request: Request, model_id: str) -> dict[str, Any]:
    _active(request, model_id)
    return {"data": model_entry(request.app.state.station)}


class PredictParameters(BaseModel):
    """Omitted fields keep their value. Thresholds are in the model's raw score units."""

    model_config = ConfigDict(extra="forbid")

    threshold: float | None = Field(None, gt=0, description="image threshold: score ≥ threshold is NG")
    pixel_threshold: float | None = Field(
        None, gt=0, description="defect-pixel threshold (lowered with `threshold` if above it)")
    ignore_outer: int | None = Field(None, ge=0, le=10_000, description="pixels along the border that are ignored")
    min_detected_area: int | None = Field(None, ge=0, le=100_000_000,
                                          description="smaller defect regions are dropped (px)")


@router.post("/models/{model_id}/update_predict_parameters",
             summary="Change the active model's prediction parameters (no retraining)")
def update_predict_parameters(request: Request, model_id: str, body: PredictParameters) -> dict[str, Any]:
    station = request.app.state.station
    current = _active(request, model_id).params
    changes = body.model_dump(exclude_none=True)
    for key in ("threshold", "pixel_threshold"):
        if key in changes and not math.isfinite(changes[key]):
            raise bad_request(f"{key} must be a finite positive number")
    from inference.plausibility import check_thresholds

    try:  # on the model's own scale: 1e308 would make every part pass
        check_thresholds(station.model.info.stats,
                         {k: v for k, v in changes.items() if k in ("threshold", "pixel_threshold")})
    except ValueError as exc:
        raise bad_request(str(exc)) from None
    new = current.with_(**changes)
    if "pixel_threshold" not in changes and new.pixel_threshold > new.threshold:
        new = new.with_(pixel_threshold=new.threshold)
    try:
        station.set_params(new)
    except StationError as exc:
        raise from_station_error(exc) from None
    except ValueError as exc:
        raise bad_request(str(exc)) from None
    return {"data": new.to_dict()}
