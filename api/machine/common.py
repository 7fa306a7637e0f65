"""What every machine-API route shares: the BaseError shape, the services, the caller's identity.

Errors on ``/api/v1`` and ``/api/auth`` use the document's ``BaseError``
(``{"errors": {"status", "title", "detail", "source": {"pointer"}, "message": [{key, errors}]}}``);
the PEKAT and seed-000 routes keep their ``{error, reason}``.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from api.bearer import is_machine as is_machine
from station.machine_errors import MachineError

STATUS = {"invalid": 422, "not_found": 404, "busy": 425, "conflict": 409, "unavailable": 503}
TITLES = {400: "Bad Request", 401: "Unauthorized", 404: "Not Found", 405: "Method Not Allowed",
          409: "Conflict", 413: "Payload Too Large", 422: "Unprocessable Entity", 425: "Too Early",
          500: "Internal Server Error", 503: "Service Unavailable", 504: "Gateway Timeout"}


def base_error(status: int, detail: str, pointer: str | None = None,
               messages: list[dict[str, Any]] | None = None, headers: dict[str, str] | None = None) -> JSONResponse:
    key = pointer.rsplit("/", 1)[-1] if pointer else "request"
    body = {"errors": {
        "status": int(status), "title": TITLES.get(int(status), "Error"), "detail": detail,
        "source": {"pointer": pointer or ""},
        "message": messages if messages is not None else [{"key": key, "errors": [detail]}],
    }}
    return JSONResponse(body, status_code=int(status), headers=headers)


def machine_error_response(exc: MachineError) -> JSONResponse:
    return base_error(STATUS.get(exc.kind, 400), exc.detail, exc.pointer)


def validation_response(errors: list[dict[str, Any]]) -> JSONResponse:
    """FastAPI's validation errors as one 422 BaseError; the first error's place is the pointer."""
    messages, pointers = [], []
    for err in errors:
        loc = [str(p) for p in err.get("loc", ())]
        pointer = "/" + "/".join(loc) if loc else ""
        pointers.append(pointer)
        messages.append({"key": loc[-1] if loc else "request", "errors": [f"{pointer}: {err.get('msg', 'invalid')}"]})
    detail = "; ".join(m["errors"][0] for m in messages) or "invalid request"
    return base_error(422, detail, pointers[0] if pointers else None, messages)


def services(request: Request) -> Any:
    from station.machine import services_for

    app = request.app
    return services_for(app.state.station, app.state.settings)


async def call(fn: Any, *args: Any, **kwargs: Any) -> Any:
    """Run a service call (database, files, engine) off the event loop."""
    return await run_in_threadpool(fn, *args, **kwargs)


def actor(request: Request) -> str:
    client = getattr(request.state, "client_id", None)
    return f"api:{client}" if client else "api"


def split_ids(values: list[str] | None) -> list[str]:
    """``?model_ids=a,b&model_ids=c`` -> [a, b, c] (both forms clients send for array[string])."""
    out: list[str] = []
    for v in values or []:
        out += [p.strip() for p in str(v).split(",") if p.strip()]
    return out


def route(router: Any, method: str, path: str, **kwargs: Any) -> Any:
    """Register ``path`` as documented (often with a trailing slash) and its other spelling hidden,
    so clients that add or drop the slash get no redirect (which some drop the body on)."""
    def wrap(fn: Any) -> Any:
        router.add_api_route(path, fn, methods=[method], **kwargs)
        other = path[:-1] if path.endswith("/") else path + "/"
        hidden = {k: v for k, v in kwargs.items() if k not in ("summary", "description")}
        router.add_api_route(other, fn, methods=[method], include_in_schema=False, **hidden)
        return fn

    return wrap
