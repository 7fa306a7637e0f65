"""The HACARUS Check v1 compatible machine API: ``/api/auth/token`` and ``/api/v1/*``.

``register(app)`` adds the routers and the BaseError handler; the routes are thin: every rule
lives in ``station.machine`` and its services.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from api.machine import algorithms, auth_routes, items, models, targets, utils
from api.machine.common import machine_error_response
from station.machine_errors import MachineError


def register(app: FastAPI) -> None:
    for module in (auth_routes, targets, algorithms, models, items, utils):
        app.include_router(module.router)

    @app.exception_handler(MachineError)
    async def machine_error(request: Request, exc: MachineError) -> JSONResponse:
        return machine_error_response(exc)
