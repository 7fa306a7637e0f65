"""``GET /api/status``: what the station is doing, for the line PLC (next to ``/ping``).

The machine state (RUNNING, REVIEWING, STOPPED, SOURCE_LOST, NO_MODEL, CHANGEOVER) is the one the
operator's tile shows (``station.machine_state``), plus the queue fill and the active model, so a
PLC can hold the line during a changeover or when the camera is lost. Behind the API key.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request

from api.auth import check_request

router = APIRouter()


@router.get("/api/status", dependencies=[Depends(check_request)], tags=["station"])
def status(request: Request) -> dict[str, Any]:
    station = request.app.state.station
    machine = getattr(station, "machine", None)
    body: dict[str, Any] = machine.snapshot().to_dict() if machine is not None else {"station_state": None}
    info = getattr(station, "model_info", None)
    body["model_id"] = getattr(info, "id", None)
    body["model_version"] = getattr(info, "version", None)
    body["accepting"] = bool(getattr(station, "running", False))
    body["queue_depth"] = int(getattr(station, "queue_depth", 0))
    body["queue_capacity"] = int(getattr(station, "queue_capacity", 0))
    return body
