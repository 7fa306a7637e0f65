"""The offline "AI analysis" of seed 000 over HTTP, and the station's status with its drift state.

``GET /api/data/insights?startDate=&endDate=&lang=`` → ``{summary, findings[{kind, severity, text,
figures}], drift, location_map_url, ...}`` (station/insights.py); the map itself is a PNG at
``location_map_url``. ``GET /api/status`` says whether the station runs, which model is active,
the queue and the score drift warning. Handlers are plain functions, so FastAPI runs the SQLite
reads in its thread pool.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from api.auth import check_request
from api.errors import ApiError, bad_request, not_found

router = APIRouter(tags=["insights"], dependencies=[Depends(check_request)])

_LANG = Query(None, description="language of the texts: en, zh_CN, ja or ko (default: the station's UI language)")


def _db(request: Request) -> Any:
    db = request.app.state.station.database
    if db is None:
        raise ApiError(503, "no_database", "the history database is not open")
    return db


def _language(request: Request, lang: str | None) -> str:
    if lang:
        return lang
    ui = getattr(request.app.state.settings, "ui", None)
    configured = getattr(ui, "language", "auto")
    return configured if configured and configured != "auto" else "en"


def _drift_status(station: Any) -> Any:
    monitor = getattr(station, "drift", None)
    return monitor.status() if monitor is not None else None


def _compute(request: Request, start_date: str | None, end_date: str | None, lang: str | None) -> Any:
    from station import insights
    from storage.errors import InvalidQuery

    station = request.app.state.station
    try:
        start, end = insights.period_bounds(start_date, end_date)
        return insights.compute(_db(request), start, end, shifts=list(request.app.state.settings.shifts),
                                lang=_language(request, lang), drift_status=_drift_status(station))
    except (InvalidQuery, ValueError) as exc:
        raise bad_request(str(exc)) from None


@router.get("/api/data/insights", summary="Findings and a plain-language summary of a period (offline analysis)")
def get_insights(request: Request,
                 startDate: str | None = Query(None, description="first day, YYYY-MM-DD (default: 14 days before endDate)"),  # noqa: N803
                 endDate: str | None = Query(None, description="last day, YYYY-MM-DD, inclusive (default: today)"),  # noqa: N803
                 lang: str | None = _LANG) -> dict[str, Any]:
    ins = _compute(request, startDate, endDate, lang)
    model = ins.model_for_map()
    url = None
    if model is not None:
        last_day = (ins.end - timedelta(days=1)).date()
        query = {"startDate": ins.start.date().isoformat(), "endDate": last_day.isoformat(), "model_id": model}
        url = "/api/data/insights/location_map.png?" + urlencode(query)
    return ins.to_dict(location_map_url=url)


@router.get("/api/data/insights/location_map.png", summary="Where NG parts' defects sit, as a PNG heat map",
            response_class=Response)
def location_map(request: Request,
                 startDate: str | None = Query(None),  # noqa: N803
                 endDate: str | None = Query(None),  # noqa: N803
                 model_id: str | None = Query(None, description="default: the model with most NG parts"),
                 size: int = Query(640, ge=64, le=2048, description="long side in px")) -> Response:
    import cv2

    from station import insights

    ins = _compute(request, startDate, endDate, "en")
    image = insights.render_location_map(_db(request), ins, request.app.state.settings.data_dir,
                                         model_id=model_id, max_side=size)
    if image is None:
        raise not_found("no NG part with defect regions in this period" +
                        (f" for model {model_id!r}" if model_id else ""))
    ok, png = cv2.imencode(".png", image)
    if not ok:
        raise ApiError(500, "encode_failed", "the map could not be encoded")
    return Response(png.tobytes(), media_type="image/png")


def status_fields(request: Request) -> dict[str, Any]:
    """The insight part of ``GET /api/status`` (api/status.py): active model, score drift warning."""
    from station.insights import drift_text

    station = request.app.state.station
    info = station.model_info
    drift = _drift_status(station)
    return {
        "running": bool(getattr(station, "running", False)),
        "model": None if info is None else {"model_id": info.id, "name": info.name, "version": info.version},
        "drift": drift.to_dict() if drift is not None else None,
        "warnings": ([] if drift is None or not drift.drifting else
                     [{"kind": "score_drift", "state": drift.state,
                       "text": drift_text(drift, _language(request, None))}]),
    }

