"""The seed-001 simulator routes: ``/getAllData``, ``/predict``, ``/getHistogram`` (+ ``/getRates``).

Errors keep the station's ``{error, reason}`` shape (the seed's front end reads ``status``).
"""

from __future__ import annotations

import base64
from typing import Any

from fastapi import APIRouter, Depends, Request
from starlette.concurrency import run_in_threadpool

from api.auth import check_request
from api.errors import ApiError
from api.responses import encode_png
from station.machine_errors import MachineError, NotFound

router = APIRouter(tags=["simulator (seed 001)"], dependencies=[Depends(check_request)])

STATUS = {"invalid": 400, "not_found": 404}


def _sim(request: Request) -> Any:
    from station.simulator import Simulator

    state = request.app.state
    sim = getattr(state, "simulator", None)
    if sim is None or sim.station is not state.station:
        sim = Simulator(state.station, state.settings.data_dir)
        state.simulator = sim
    return sim


async def _run(fn: Any, *args: Any) -> Any:
    try:
        return await run_in_threadpool(fn, *args)
    except MachineError as exc:
        raise ApiError(STATUS.get(exc.kind, 400), exc.kind, exc.detail) from None


def _b64png(image: Any) -> str:
    return base64.b64encode(encode_png(image)).decode("ascii")


@router.get("/getAllData", summary="Every image of a dataset, shuffled; resets its result CSV")
async def get_all_data(request: Request, dataset: str = "") -> dict[str, Any]:
    return {"list": await _run(_sim(request).all_data, dataset)}


@router.get("/predict", summary="Judge one dataset image: label, isAnomaly, image and overlay (base64 PNG)")
async def predict(request: Request, dataset: str = "", img_name: str = "", model: str = "") -> dict[str, Any]:
    from inference.errors import EngineError
    from station.errors import StationError

    station = request.app.state.station
    chosen = None
    if model and station.model is not None and model not in ("CS-Flow", "active", station.model.info.id):
        try:  # a library model by id; the seed's "CS-Flow" means the active model
            from api.machine.common import services

            chosen = await run_in_threadpool(services(request).models.loaded, model)
        except (NotFound, MachineError, EngineError):
            raise ApiError(404, "not_found", f"no model {model!r} (use CS-Flow or active for the active model)") from None
    if station.model is None and chosen is None:
        raise ApiError(503, "no_model", "no model loaded: open or train a model in the station first")
    try:
        out = await _run(_sim(request).predict, dataset, img_name, chosen)
    except StationError as exc:
        from api.errors import from_station_error

        raise from_station_error(exc) from None
    image, overlay = await run_in_threadpool(lambda: (_b64png(out["image"]), _b64png(out["overlay"])))
    return {"label": out["label"], "isAnomaly": out["isAnomaly"], "image": image, "overlay": overlay,
            "prediction": out["prediction"], "score": out["score"], "threshold": out["threshold"]}


@router.get("/getHistogram", summary="Histogram PNG (base64) of the scores predicted so far, with the rates")
async def get_histogram(request: Request, dataset: str = "") -> dict[str, Any]:
    sim = _sim(request)
    img = await _run(sim.histogram, dataset)
    rates = await _run(sim.rates, dataset)
    return {"status": True, "image": await run_in_threadpool(_b64png, img), **rates}


@router.get("/getRates", summary="Miss and over-detection rates of what was predicted (QC Station)")
async def get_rates(request: Request, dataset: str = "") -> dict[str, Any]:
    return await _run(_sim(request).rates, dataset)
