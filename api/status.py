"""``GET /api/status``: is the station judging, and are its workers alive (monitoring, the PLC)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request

from api.auth import check_request

router = APIRouter(prefix="/api", tags=["status"], dependencies=[Depends(check_request)])


def station_status(station: Any) -> dict[str, Any]:
    workers = station.worker_status() if hasattr(station, "worker_status") else {}
    failure = getattr(station, "failure", None)
    states = {w["state"] for w in workers.values()}
    if failure or not station.running or "failed" in states:
        state = "stopped"
    elif "restarting" in states:
        state = "degraded"
    else:
        state = "running"
    model = station.model_info
    return {
        "state": state,
        "accepting": bool(station.running) and not failure,
        "reason": failure,
        "workers": workers,
        "queue": {"depth": station.queue_depth, "capacity": station.queue_capacity},
        "model_id": model.id if model is not None else None,
    }


@router.get("/status", summary="Station state: running, degraded (a worker restarting) or stopped; active model; score drift warning")
def status(request: Request) -> dict[str, Any]:
    from api.insights import status_fields

    return {**station_status(request.app.state.station), **status_fields(request)}
