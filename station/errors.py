"""Errors the station reports to its callers (GUI, HTTP, CLI), each with a readable reason."""


class StationError(Exception):
    """Base class; ``str(exc)`` is the reason shown to the user or sent as JSON."""


class StationBusy(StationError):
    """The inference queue is full: the caller should retry later (HTTP 503 ``busy``)."""


class NoModelLoaded(StationError):
    """No active model: train or open one first (HTTP 503)."""


class InvalidImage(StationError):
    """The bytes or array are not an image the station can inspect (HTTP 400 / 413)."""


class StationStopped(StationError):
    """The station is shutting down; no new work is accepted."""
