"""``POST /api/auth/token``: OAuth2 client_credentials -> a bearer token (HACARUS' ``login``)."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request

from api.machine.common import base_error, call, services
from station.api_clients import CredentialsError

router = APIRouter(prefix="/api/auth", tags=["token"])

MAX_BODY = 16 * 1024


@router.post("/token", summary="Access token from client_credentials (JSON or form body)",
             openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": {
                 "type": "object", "required": ["grant_type", "client_id", "client_secret"],
                 "properties": {"grant_type": {"type": "string", "enum": ["client_credentials"]},
                                "client_id": {"type": "string"}, "client_secret": {"type": "string"}}}}}}})
async def token(request: Request) -> Any:
    body = await request.body()
    if len(body) > MAX_BODY:
        return base_error(413, "request body too large", "/body")
    ctype = request.headers.get("content-type", "")
    if "application/x-www-form-urlencoded" in ctype or "multipart/form-data" in ctype:
        form = await request.form()
        data: Any = {k: v for k, v in form.items() if isinstance(v, str)}
    else:
        try:
            data = json.loads(body or b"null")
        except (json.JSONDecodeError, UnicodeDecodeError):
            return base_error(422, "the body must be JSON (or a form) with grant_type, client_id, client_secret",
                              "/body")
    if not isinstance(data, dict):
        return base_error(422, "the body must be an object with grant_type, client_id, client_secret", "/body")
    for field in ("grant_type", "client_id", "client_secret"):
        if not isinstance(data.get(field), str) or not data[field]:
            return base_error(422, f"{field} is required (a string)", f"/body/{field}")
    if data["grant_type"] != "client_credentials":
        return base_error(422, "grant_type must be client_credentials", "/body/grant_type")
    svc = services(request)
    try:
        tok = await call(svc.clients.issue, data["client_id"], data["client_secret"])
    except CredentialsError as exc:
        return base_error(401, str(exc), "/body/client_secret", headers={"WWW-Authenticate": "Bearer"})
    return {"access_token": tok.access_token, "token_type": "bearer", "expires_in": tok.expires_in, "scope": "all"}
