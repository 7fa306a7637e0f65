"""Every inspection of one part, found by its identifier (the record's ``part_id``).

The part id is what the PLC sent as PEKAT ``data`` or, when it sent none, the code read from the
image (``inference.identifiers``). Exact match or prefix (a batch or a date code), newest first,
read in pages through the ``(part_id, timestamp)`` index so a long list streams without loading
it whole.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from storage.errors import InvalidQuery
from storage.records import InspectionRecord
from storage.rows import SELECT_COLUMNS, row_record

MAX_IDENTIFIER = 256
_TOP = "\U0010ffff"  # sorts after every character: [prefix, prefix + _TOP) is "starts with prefix"


def check_identifier(text: Any) -> str:
    if not isinstance(text, str) or not text.strip():
        raise InvalidQuery("identifier must be a non-empty text")
    text = text.strip()
    if len(text) > MAX_IDENTIFIER:
        raise InvalidQuery(f"identifier longer than {MAX_IDENTIFIER} characters")
    return text


def iter_by_identifier(db: Any, identifier: str, *, prefix: bool = False, limit: int | None = None,
                       page: int = 500) -> Iterator[InspectionRecord]:
    """Records whose part id is ``identifier`` (or starts with it), newest first."""
    text = check_identifier(identifier)
    where, args = ("part_id >= ? AND part_id < ?", [text, text + _TOP]) if prefix else ("part_id = ?", [text])
    sent = 0
    cursor: tuple[str, int] | None = None
    while limit is None or sent < limit:
        n = page if limit is None else min(page, limit - sent)
        sql = f"SELECT {SELECT_COLUMNS} FROM inspections WHERE part_id IS NOT NULL AND {where}"
        params: list[str | int] = list(args)
        if cursor is not None:
            sql += " AND (timestamp < ? OR (timestamp = ? AND id < ?))"
            params += [cursor[0], cursor[0], cursor[1]]
        sql += " ORDER BY timestamp DESC, id DESC LIMIT ?"
        rows = db._reader().execute(sql, [*params, n]).fetchall()
        if not rows:
            return
        for row in rows:
            yield row_record(row)
        sent += len(rows)
        last = rows[-1]
        cursor = (last[4], int(last[0]))  # timestamp (stored text) and id
        if len(rows) < n:
            return
