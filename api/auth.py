"""The API key: when one is configured, protected requests must carry it.

Accepted as ``api_key=...`` anywhere in the query (PEKAT's way) or an ``X-API-Key`` header
(handier for curl and dashboards). Compared in constant time.
"""

from __future__ import annotations

import hmac

from fastapi import Request

from api.errors import unauthorized
from api.protocol import parse_query


def require_key(configured: str, given: str | None) -> None:
    """Raise 401 unless no key is configured or ``given`` matches it."""
    if not configured:
        return
    if given is None or given == "":
        raise unauthorized("this endpoint needs an API key: add api_key=... to the query")
    if not hmac.compare_digest(given.encode("utf-8"), configured.encode("utf-8")):
        raise unauthorized("wrong API key")


def request_key(request: Request, query: dict[str, str | None] | None = None) -> str | None:
    """The one rule for every route: a non-empty ``api_key`` in the query, else the header.

    (``api_key=`` with nothing after it counts as absent, as the PEKAT routes always treated it.)
    """
    if query is None:
        query = parse_query(request.scope.get("query_string", b""))
    key = query.get("api_key")
    return key if key else request.headers.get("x-api-key")


def check_request(request: Request) -> None:
    """FastAPI dependency for protected routes (reads the live settings from ``app.state``).

    A bearer token from ``POST /api/auth/token`` is accepted beside the key (``api.bearer``).
    """
    from api.bearer import bearer_token, check_bearer, clients_exist

    token = bearer_token(request)
    if token is not None:
        check_bearer(request, token)
        return
    configured, given = request.app.state.settings.server.api_key, request_key(request)
    if not configured and clients_exist(request):
        raise unauthorized("this endpoint needs a bearer token (POST /api/auth/token) or the API key")
    require_key(configured, given)
