"""The FastAPI application: PEKAT routes, the seed's detect/data APIs, model routes, offline docs.

``create_app(station, settings)`` only wires; each route family lives in its own module.
Swagger UI is replaced by a self-contained page (``resources/api/docs.html``): FastAPI's
default pulls scripts from a CDN, and the station runs offline.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from api import data, detect, machine_status, models_api, pekat
from api.errors import ApiError
from resources import resource_path

log = logging.getLogger(__name__)

DESCRIPTION = (
    "QC Station's embedded HTTP endpoint. PEKAT VISION clients (PekatVisionSDK, PLC/MES scripts) "
    "use /analyze_image, /analyze_raw_image and /analyze_image_shared_memory unchanged; "
    "/api/detect and /api/data/* follow the seed-000 detect and data services; /api/v1/* the "
    "HACARUS-style model routes. Errors are JSON {error, reason}. When an API key is set, "
    "send api_key=... in the query (or an X-API-Key header)."
)


def app_version() -> str:
    try:
        from importlib.metadata import version

        return version("qcstation")
    except Exception:  # noqa: BLE001 - running from a checkout or a bundle without metadata
        return "0.1.0"


def create_app(station: Any, settings: Any) -> FastAPI:
    app = FastAPI(title="QC Station HTTP API", version=app_version(), description=DESCRIPTION,
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    app.state.station = station
    app.state.settings = settings
    app.include_router(pekat.router)
    app.include_router(detect.router)
    app.include_router(data.router)
    app.include_router(models_api.router)
    app.include_router(machine_status.router)
    _add_docs(app)
    _add_error_handlers(app)
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
        return exc.response()

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
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
        return JSONResponse({"error": codes.get(exc.status_code, "http_error"), "reason": reason},
                            status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return JSONResponse({"error": "internal_error", "reason": f"{type(exc).__name__}: {exc}"}, status_code=500)
