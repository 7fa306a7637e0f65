"""The seed-000 data API over the station's history (``storage.Database``), read-only.

Field names are the seed's: ``figId, name, resFig, date, time, label, num, dice``;
``{total, data}`` pages; ``{record_count, stat_date, total_num}`` per day. Each handler is a
plain function, so FastAPI runs the SQLite reads in its thread pool, off the event loop.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse

from api.auth import check_request
from api.errors import ApiError, bad_request, not_found

router = APIRouter(prefix="/api/data", tags=["data (seed 000)"], dependencies=[Depends(check_request)])

MAX_PAGE = 10**9
FIG_ID = PathParam(ge=1, le=2**63 - 1, description="record id")
_IMAGE_KINDS = {"original": "image_path", "result": "result_path", "heatmap": "heatmap_path"}


def _db(request: Request) -> Any:
    db = request.app.state.station.database
    if db is None:
        raise ApiError(503, "no_database", "the history database is not open")
    return db


def _storage_call(fn: Any, *args: Any, **kwargs: Any) -> Any:
    from storage.errors import InvalidQuery

    try:
        return fn(*args, **kwargs)
    except InvalidQuery as exc:
        raise bad_request(str(exc)) from None


def _row(record: Any) -> dict[str, Any]:
    row = record.to_seed_row()
    row["resFig"] = f"/api/data/image/{record.id}/result" if record.result_path and not record.image_pruned else None
    return row


@router.get("/getRecent", summary="The newest records, newest first")
def get_recent(request: Request, limit: int = Query(120, ge=1, le=1000, description="how many records")
               ) -> list[dict[str, Any]]:
    return [r.to_seed_row() for r in _storage_call(_db(request).recent, limit)]


@router.get("/statByDate", summary="Records and defects per day (default: the last 15 days)")
def stat_by_date(request: Request,
                 startDate: str | None = Query(None, description="first day, YYYY-MM-DD"),  # noqa: N803
                 endDate: str | None = Query(None, description="last day, YYYY-MM-DD, inclusive"),  # noqa: N803
                 ) -> list[dict[str, Any]]:
    return _storage_call(_db(request).stat_by_date, startDate, endDate)


@router.get("/getPaginated", summary="One page of all records (deprecated: use search)", deprecated=True)
def get_paginated(request: Request, limit: int = Query(20, ge=1, le=1000), page: int = Query(1, ge=1, le=MAX_PAGE)
                  ) -> dict[str, Any]:
    result = _storage_call(_db(request).get_paginated, limit, page)
    return {"total": result.total, "data": [_row(r) for r in result.data]}


@router.get("/search", summary="Filtered, paged search, newest first")
def search(request: Request,
           limit: int = Query(20, ge=1, le=1000, description="records per page"),
           page: int = Query(1, ge=1, le=MAX_PAGE, description="1-based page"),
           name: str | None = Query(None, description="substring of the file name"),
           num: int | None = Query(None, ge=0, le=1_000_000, description="exact number of defects"),
           startDate: str | None = Query(None, description="first day, YYYY-MM-DD"),  # noqa: N803
           endDate: str | None = Query(None, description="last day, YYYY-MM-DD, inclusive"),  # noqa: N803
           label: Literal["OK", "NG"] | None = Query(None, description="final verdict (QC Station extension)"),
           source: str | None = Query(None, description="camera, video, folder, http, batch, cli"),
           part_id: str | None = Query(None, description="exact part id (PEKAT `data`)"),
           ) -> dict[str, Any]:
    result = _storage_call(_db(request).search, limit=limit, page=page, name=name or None, num=num,
                           start_date=startDate, end_date=endDate, label=label, source=source or None,
                           part_id=part_id)
    return {"total": result.total, "data": [_row(r) for r in result.data]}


@router.get("/record/{fig_id}", summary="One record with every stored field (QC Station extension)")
def record(request: Request, fig_id: int = FIG_ID) -> dict[str, Any]:
    found = _storage_call(_db(request).get, fig_id)
    if found is None:
        raise not_found(f"no record with figId {fig_id}")
    return found.to_dict()


@router.get("/image/{fig_id}/{kind}", summary="A stored image of a record: original, result or heatmap",
            response_class=FileResponse)
def image(request: Request, kind: Literal["original", "result", "heatmap"], fig_id: int = FIG_ID) -> FileResponse:
    found = _storage_call(_db(request).get, fig_id)
    if found is None:
        raise not_found(f"no record with figId {fig_id}")
    relative = getattr(found, _IMAGE_KINDS[kind])
    if not relative or found.image_pruned:
        raise not_found(f"record {fig_id} has no stored {kind} image")
    path = _resolve(request, relative)
    if path is None or not path.is_file():
        raise not_found(f"the {kind} image of record {fig_id} is no longer on disk")
    return FileResponse(path)


def _resolve(request: Request, relative: str) -> Path | None:
    station = request.app.state.station
    store = getattr(station, "image_store", None)
    try:
        if store is not None:
            return store.resolve(relative)
        root = request.app.state.settings.data_dir.resolve()
        path = (root / relative).resolve()
        return path if path.is_relative_to(root) else None
    except ValueError:
        return None


@router.get("/audit", summary="The audit trail: who changed models, settings, counters, reviews (newest first)")
def audit(request: Request,
          limit: int = Query(100, ge=1, le=1000, description="rows per page"),
          page: int = Query(1, ge=1, le=MAX_PAGE, description="1-based page"),
          startDate: str | None = Query(None, description="first day (UTC), YYYY-MM-DD"),  # noqa: N803
          endDate: str | None = Query(None, description="last day (UTC), YYYY-MM-DD, inclusive"),  # noqa: N803
          action: str | None = Query(None, description="exact action, or a family ending in '.' (model.)"),
          actor: str | None = Query(None, description="operator, engineer, station, cli or an API client"),
          ) -> dict[str, Any]:
    from storage.audit_query import audit_page

    total, rows = _storage_call(audit_page, _db(request), limit=limit, page=page, start_date=startDate,
                                end_date=endDate, action=action or None, actor=actor or None)
    return {"total": total, "data": rows}
