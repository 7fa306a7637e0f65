"""``Authorization: Bearer <token>`` on protected routes, beside the API key.

A presented token is always checked (a wrong one is 401 even where no auth is required). On the
machine routes, as soon as an API client exists, a request needs a valid token or the API key.

Outside ``api.machine`` (which imports ``api.auth``) so that ``api.auth`` can use it without a cycle.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request

from api.errors import unauthorized

MACHINE_PREFIXES = ("/api/v1", "/api/auth")


def is_machine(request: Request) -> bool:
    """Whether the request is for the machine API (``/api/v1``, ``/api/auth``)."""
    return request.url.path.startswith(MACHINE_PREFIXES)


def _services(request: Request) -> Any:
    from station.machine import services_for

    app = request.app
    return services_for(app.state.station, app.state.settings)


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization")
    if not header:
        return None
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer":
        return None
    return value.strip()


def check_bearer(request: Request, token: str) -> None:
    client_id = _services(request).clients.verify(token)
    if client_id is None:
        raise unauthorized("invalid or expired bearer token: get a new one from POST /api/auth/token")
    request.state.client_id = client_id


def clients_exist(request: Request) -> bool:
    if not is_machine(request):
        return False
    try:
        return _services(request).clients.any_active()
    except Exception:  # noqa: BLE001 - no database yet: nothing to authenticate against
        return False
