"""Utils: the debug zip (no secrets), the station's hash id, and the licence answer."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from api.auth import check_request
from api.machine.common import call, route, services
from station.debug_bundle import debug_zip, node_hash

router = APIRouter(prefix="/api/v1/utils", tags=["utils"], dependencies=[Depends(check_request)])

LICENCE = ("QC Station is open-source software and needs no licence key; any license_data sent is ignored "
           "and nothing expires.")


@route(router, "POST", "/", summary="Licence (HACARUS' setLicense): QC Station needs none")
async def set_license(request: Request) -> dict[str, Any]:
    return {"data": {"license_expiry": "never", "detail": LICENCE}}


@route(router, "POST", "/debug", summary="Zip of the logs, settings (secrets blanked), station state, audit log",
       response_class=Response)
async def debug(request: Request) -> Response:
    svc = services(request)
    app = request.app
    data = await call(debug_zip, app.state.settings, app.state.station, svc.store)
    return Response(data, media_type="application/zip",
                    headers={"Content-Disposition": 'attachment; filename="qcstation-debug.zip"'})


@route(router, "POST", "/node_hash", summary="A stable id of this station")
async def get_node_hash(request: Request) -> dict[str, Any]:
    return {"data": {"hash_id": await call(node_hash, request.app.state.settings)}}
