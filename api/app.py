"""The FastAPI application: PEKAT routes, the seed's detect/data APIs, model routes, offline docs.

``create_app(station, settings)`` only wires; each route family lives in its own module.
Swagger UI is replaced by a self-contained page (``resources/api/docs.html``): FastAPI's
default pulls scripts from a CDN, and the station runs offline.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from api import data, detect, insights, machine, pekat, search, simulator, status, video
from api.budget import pools
from api.errors import ApiError
from api.limits import BodyTimeout
from api.machine.common import base_error, is_machine, validation_response
from resources import resource_path

if TYPE_CHECKING:
    from station.core import Station
    from station.settings import Settings

log = logging.getLogger(__name__)

DESCRIPTION = (
    "QC Station's embedded HTTP endpoint. PEKAT VISION clients (PekatVisionSDK, PLC/MES scripts) "
    "use /analyze_image, /analyze_raw_image and /analyze_image_shared_memory unchanged; "
    "/api/detect and /api/data/* follow the seed-000 detect and data services; /api/auth/token and "
    "/api/v1/* are HACARUS Check v1 compatible (targets, algorithms, training, models, items, predict "
    "with callbacks, utils; errors in its BaseError shape); /getAllData, /predict and /getHistogram "
    "the anomaly-detection simulator. Other errors are JSON {error, reason}. When an API key is set, "
    "send api_key=... in the query (or an X-API-Key header); a bearer token is accepted beside it."
)


def app_version() -> str:
    try:
        from importlib.metadata import version

        return version("qcstation")
    except Exception:  # noqa: BLE001 - running from a checkout or a bundle without metadata
        return "0.1.0"


def create_app(station: Station, settings: Settings) -> FastAPI:
    app = FastAPI(title="QC Station HTTP API", version=app_version(), description=DESCRIPTION,
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    app.state.station = station
    app.state.settings = settings
    app.state.budget, app.state.body_budget = pools(settings.limits.memory_budget_mb)
    for family in (pekat, detect, data, insights, status, video, search):  # in this order: first match wins
        app.include_router(family.router)
    machine.register(app)  # /api/auth/token and /api/v1/* (HACARUS Check v1)
    app.include_router(simulator.router)
    _add_docs(app)
    _add_error_handlers(app)
    app.add_middleware(BodyTimeout, limits=lambda: app.state.settings.limits)
    return app


def _add_docs(app: FastAPI) -> None:
    page = resource_path("api", "docs.html")

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs() -> HTMLResponse:
        return HTMLResponse(page.read_text(encoding="utf-8"))

    @app.get("/", include_in_schema=False)
    def index() -> dict[str, Any]:
        return {"name": "QC Station", "version": app_version(), "docs": "/docs", "openapi": "/openapi.json"}


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        if exc.status >= 500:
            log.warning("%s %s -> %d %s: %s", request.method, request.url.path, exc.status, exc.error, exc.reason)
        if is_machine(request):
            return base_error(exc.status, exc.reason)
        return exc.response()

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        if is_machine(request):
            return validation_response(list(exc.errors()))
        parts = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "body", "path"))
            parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
        return ApiError(400, "bad_request", "; ".join(parts) or "invalid request").response()

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        codes = {404: "not_found", 405: "method_not_allowed"}
        reason = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and reason == "Not Found":
            reason = f"no route {request.url.path}; see /docs"
        if is_machine(request):
            return base_error(exc.status_code, reason, headers=getattr(exc, "headers", None))
        return JSONResponse({"error": codes.get(exc.status_code, "http_error"), "reason": reason},
                            status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        # the message may name files or the database path: it goes to the log, not to the client
        reason = f"internal error ({type(exc).__name__}); details are in the station log"
        if is_machine(request):
            return base_error(500, reason)
        return JSONResponse({"error": "internal_error", "reason": reason}, status_code=500)
