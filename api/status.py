"""``GET /api/status``: is the station judging, and are its workers alive (monitoring, the PLC).

One body for the line PLC and monitoring: ``state`` (running / degraded / stopped) and ``reason``
from the worker supervisor; ``station_state`` (RUNNING, REVIEWING, STOPPED, SOURCE_LOST, NO_MODEL,
CHANGEOVER, the operator tile's state) with ``state_reason``; the queue; the active model; the
score-drift warning (api/insights.py).
"""

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

    station = request.app.state.station
    body: dict[str, Any] = {}
    machine = getattr(station, "machine", None)  # the operator tile's state, for the line PLC
    if machine is not None:
        snap = machine.snapshot().to_dict()
        snap["state_reason"] = snap.pop("reason")  # ``reason`` below is the workers' health
        snap["model_name"] = snap.pop("model")  # ``model`` below is the active model's identity
        body.update(snap)
    else:
        body["station_state"] = None
    info = getattr(station, "model_info", None)
    body["model_version"] = getattr(info, "version", None)
    body["queue_depth"] = int(getattr(station, "queue_depth", 0))
    body["queue_capacity"] = int(getattr(station, "queue_capacity", 0))
    body.update(station_status(station))
    body.update(status_fields(request))
    return body
