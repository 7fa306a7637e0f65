"""Machine-API clients (OAuth2 ``client_credentials``) and their bearer tokens.

Secrets are shown once at creation and stored only as salted PBKDF2-SHA256 hashes; tokens are
random, stored by SHA-256 and expire. Every request re-checks its token against the database, so
``api-client revoke`` (even from another process) stops a client at its next request.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
from dataclasses import dataclass
from typing import Any

ITERATIONS = 200_000
TOKEN_TTL_S = 3600
NAME_RE = re.compile(r"^[\w .@-]{1,64}$", re.UNICODE)


class CredentialsError(Exception):
    """Wrong client id or secret, or a revoked client."""


@dataclass(frozen=True)
class NewClient:
    client_id: str
    name: str
    client_secret: str  # shown once, never stored


@dataclass(frozen=True)
class Token:
    access_token: str
    expires_in: int
    client_id: str


def _hash_secret(secret: str, salt: bytes, iterations: int) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", secret.encode("utf-8"), salt, iterations)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class ApiClients:
    """Over a :class:`storage.machine.MachineStore`."""

    def __init__(self, store: Any, ttl_s: int = TOKEN_TTL_S) -> None:
        self.store = store
        self.ttl_s = int(ttl_s)

    def add(self, name: str) -> NewClient:
        name = (name or "").strip()
        if not NAME_RE.match(name):
            raise ValueError("a client name is 1-64 letters, digits, spaces or . @ - _")
        client_id = "qcs_" + secrets.token_hex(8)
        secret = secrets.token_urlsafe(32)
        salt = secrets.token_bytes(16)
        self.store.add_client(client_id, name, salt, _hash_secret(secret, salt, ITERATIONS), ITERATIONS)
        return NewClient(client_id, name, secret)

    def list(self) -> list[dict[str, Any]]:
        return self.store.clients()

    def revoke(self, client_id: str) -> bool:
        return self.store.revoke_client(client_id)

    def any_active(self) -> bool:
        return self.store.active_client_count() > 0

    def issue(self, client_id: str, client_secret: str) -> Token:
        row = self.store.client(client_id)
        # Hash even for an unknown id so the answer takes as long either way.
        salt = row["salt"] if row else b"\0" * 16
        iterations = int(row["iterations"]) if row else ITERATIONS
        given = _hash_secret(client_secret, salt, iterations)
        if row is None or not hmac.compare_digest(given, row["secret_hash"]) or row["revoked_at"]:
            raise CredentialsError("invalid client_id or client_secret")
        token = secrets.token_urlsafe(32)
        self.store.add_token(token_hash(token), client_id, time.time() + self.ttl_s)
        return Token(token, self.ttl_s, client_id)

    def verify(self, token: str) -> str | None:
        """The client id of a live token, else None (expired, unknown or revoked)."""
        if not token or len(token) > 256:
            return None
        return self.store.token_client(token_hash(token), time.time())


__all__ = ["ApiClients", "CredentialsError", "NewClient", "Token", "TOKEN_TTL_S"]
