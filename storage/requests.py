"""Idempotent requests: records carry the client's ``request_id`` (and the item's position in that
request) in ``extra``, so a retried request finds what was already judged instead of judging it
again. Indexed by an expression index (migration v7) that only rows with a request id enter.
"""

from __future__ import annotations

from typing import Any

from storage.errors import InvalidQuery
from storage.records import InspectionRecord
from storage.rows import SELECT_COLUMNS, row_record

MAX_REQUEST_ID = 128

REQUEST_INDEX = ("CREATE INDEX idx_inspections_request ON inspections(json_extract(extra, '$.request_id')) "
                 "WHERE json_extract(extra, '$.request_id') IS NOT NULL")


def check_request_id(value: Any) -> str:
    """A client's request id: 1..128 printable characters."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidQuery("request_id must be a non-empty text")
    value = value.strip()
    if len(value) > MAX_REQUEST_ID or any(ord(c) < 32 or ord(c) == 127 for c in value):
        raise InvalidQuery(f"request_id must be at most {MAX_REQUEST_ID} printable characters")
    return value


def records_for_request(db: Any, request_id: str) -> dict[int, InspectionRecord]:
    """``{item position: record}`` already stored for ``request_id`` (empty when none)."""
    request_id = check_request_id(request_id)
    rows = db._reader().execute(
        f"SELECT {SELECT_COLUMNS} FROM inspections WHERE json_extract(extra, '$.request_id') = ? "
        "ORDER BY id", (request_id,)).fetchall()
    out: dict[int, InspectionRecord] = {}
    for row in rows:
        record = row_record(row)
        item = record.extra.get("request_item", 0)
        out.setdefault(int(item) if isinstance(item, int) else 0, record)
    return out
