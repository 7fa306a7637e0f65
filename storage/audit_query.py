"""Paged, filtered reads of ``audit_log`` (the audit trail shares the machine API's table).

Why beside :mod:`storage.machine`: the same rows, but the History tab and ``GET /api/data/audit``
need paging, a day range and an action filter, with bad input refused as :class:`InvalidQuery`
(HTTP 400), not a silently empty page. ``at`` is stored as UTC ``YYYY-MM-DDTHH:MM:SSZ``, so a
day range compares as text on an index-free table that stays small (a few rows per action).
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from storage.errors import InvalidQuery

MAX_LIMIT = 1000
MAX_PAGE = 10**9
_ACTION_RE = re.compile(r"[A-Za-z0-9_.\-]{1,64}")
CSV_HEADER = ("seq", "at_utc", "actor", "action", "detail")


def _day(value: Any, what: str) -> str | None:
    if value is None or value == "":
        return None
    message = f"{what} must be a date YYYY-MM-DD, got {value!r}"
    if not isinstance(value, str) or len(value) != 10:
        raise InvalidQuery(message)
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise InvalidQuery(message) from None


def _where(start_date: str | None, end_date: str | None, action: str | None,
           actor: str | None) -> tuple[str, list[Any]]:
    start, end = _day(start_date, "start_date"), _day(end_date, "end_date")
    if start and end and start > end:
        raise InvalidQuery("start_date must not be after end_date")
    clauses: list[str] = []
    params: list[Any] = []
    if start:
        clauses.append("at >= ?")
        params.append(f"{start}T00:00:00Z")
    if end:
        clauses.append("at <= ?")
        params.append(f"{end}T23:59:59Z")
    if action:
        if not _ACTION_RE.fullmatch(action):
            raise InvalidQuery(f"action must be a name like model.activated, got {action!r}")
        if action.endswith("."):  # a family: "model." → every model action
            clauses.append("action LIKE ? ESCAPE '\\'")
            params.append(action.replace("_", "\\_") + "%")
        else:
            clauses.append("action = ?")
            params.append(action)
    if actor:
        if len(actor) > 200 or any(ord(c) < 32 for c in actor):
            raise InvalidQuery("actor must be a short name")
        clauses.append("actor = ?")
        params.append(actor)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _rows(cur: Any) -> list[dict[str, Any]]:
    cols = [c[0] for c in cur.description]
    out = []
    for row in cur.fetchall():
        item = dict(zip(cols, row, strict=True))
        with contextlib.suppress(TypeError, ValueError):
            item["detail"] = json.loads(item["detail"])
        out.append(item)
    return out


def audit_page(db: Any, *, limit: int = 100, page: int = 1, start_date: str | None = None,
               end_date: str | None = None, action: str | None = None,
               actor: str | None = None) -> tuple[int, list[dict[str, Any]]]:
    """``(total matching, rows of this page)``, newest first."""
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise InvalidQuery(f"limit must be a whole number from 1 to {MAX_LIMIT}, got {limit!r}")
    if isinstance(page, bool) or not isinstance(page, int) or not 1 <= page <= MAX_PAGE:
        raise InvalidQuery(f"page must be a whole number from 1, got {page!r}")
    where, params = _where(start_date, end_date, action, actor)
    conn = db._reader()  # noqa: SLF001 - storage package: the history's per-thread reader
    total = conn.execute(f"SELECT COUNT(*) FROM audit_log{where}", params).fetchone()[0]  # noqa: S608
    cur = conn.execute(f"SELECT seq, at, actor, action, detail FROM audit_log{where} "  # noqa: S608
                       "ORDER BY seq DESC LIMIT ? OFFSET ?", [*params, limit, (page - 1) * limit])
    return int(total), _rows(cur)


def iter_audit(db: Any, **filters: Any) -> Iterator[dict[str, Any]]:
    """Every matching row, newest first, a page at a time (CSV export)."""
    page = 1
    while True:
        _total, rows = audit_page(db, limit=MAX_LIMIT, page=page, **filters)
        yield from rows
        if len(rows) < MAX_LIMIT:
            return
        page += 1


def export_audit_csv(db: Any, path: str | os.PathLike[str], **filters: Any) -> int:
    """Write the matching rows to ``path`` (UTF-8 with BOM, atomically, the user's umask); the row count."""
    from common.fileio import atomic_write

    n = 0
    with atomic_write(Path(path), encoding="utf-8-sig", newline="", suffix=".part", shared=True) as fh:
        writer = csv.writer(fh)
        writer.writerow(CSV_HEADER)
        for row in iter_audit(db, **filters):
            detail = row["detail"]
            writer.writerow((row["seq"], row["at"], row["actor"], row["action"],
                             detail if isinstance(detail, str) else json.dumps(detail, ensure_ascii=False)))
            n += 1
    return n


__all__ = ["CSV_HEADER", "MAX_LIMIT", "audit_page", "export_audit_csv", "iter_audit"]
