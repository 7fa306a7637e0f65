"""HTTP errors as JSON ``{"error": code, "reason": text}``, one place for the status codes.

Every failure a client can cause or meet (bad bytes, wrong key, busy queue, no model) ends here,
so the answer is always machine-readable and the server keeps serving.
"""

from __future__ import annotations

from typing import Any

from fastapi.responses import JSONResponse

from station.errors import InvalidImage, NoModelLoaded, StationBusy, StationError, StationStopped


class ApiError(Exception):
    """A client-visible failure: HTTP ``status``, short machine ``error`` code, readable ``reason``."""

    def __init__(self, status: int, error: str, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.error = error
        self.reason = reason

    def to_dict(self) -> dict[str, Any]:
        return {"error": self.error, "reason": self.reason}

    def response(self) -> JSONResponse:
        return JSONResponse(self.to_dict(), status_code=self.status)


def bad_request(reason: str) -> ApiError:
    return ApiError(400, "bad_request", reason)


def too_large(reason: str) -> ApiError:
    return ApiError(413, "too_large", reason)


def unauthorized(reason: str) -> ApiError:
    return ApiError(401, "unauthorized", reason)


def not_found(reason: str) -> ApiError:
    return ApiError(404, "not_found", reason)


def from_station_error(exc: StationError) -> ApiError:
    """Map the station's refusals to HTTP: busy / no model / stopped are 503, bad images 400."""
    if isinstance(exc, StationBusy):
        return ApiError(503, "busy", str(exc) or "the inspection queue is full; retry later")
    if isinstance(exc, NoModelLoaded):
        return ApiError(503, "no_model", str(exc) or "no model loaded")
    if isinstance(exc, StationStopped):
        return ApiError(503, "stopped", str(exc) or "the station is shutting down")
    if isinstance(exc, InvalidImage):
        return bad_request(str(exc))
    return ApiError(500, "inspection_failed", str(exc) or type(exc).__name__)
