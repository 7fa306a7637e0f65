"""Refusals of the machine-API services, by kind; the HTTP layer maps each kind to a status.

``pointer`` is a JSON pointer into the request (``/body/item_ids/3``, ``/query/model_ids``) so a
client sees which field was wrong, as HACARUS' ``BaseError.source.pointer`` does.
"""

from __future__ import annotations


class MachineError(Exception):
    kind = "error"

    def __init__(self, detail: str, pointer: str | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.pointer = pointer


class InvalidInput(MachineError):
    kind = "invalid"


class NotFound(MachineError):
    kind = "not_found"


class Busy(MachineError):
    kind = "busy"


class Conflict(MachineError):
    kind = "conflict"


class Unavailable(MachineError):
    kind = "unavailable"
