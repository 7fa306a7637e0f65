"""Mapping between :class:`InspectionRecord` and a row of the ``inspections`` table."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from storage.checks import finite_number
from storage.errors import InvalidRecord
from storage.records import InspectionRecord
from storage.timeutil import from_db, to_db

# Order of the columns in every SELECT that builds records.
COLUMNS = (
    "id", "name", "source", "part_id", "timestamp", "label", "defect_count", "score",
    "normalized_score", "confidence", "model_id", "model_version", "processing_ms", "regions",
    "image_path", "result_path", "heatmap_path", "image_pruned", "review_label", "review_note",
    "reviewed_at", "extra",
)
SELECT_COLUMNS = ", ".join(COLUMNS)

# INSERT: every column but id (given or assigned), plus the derived final_label.
INSERT_COLUMNS = COLUMNS[1:] + ("final_label",)
INSERT_SQL = (
    f"INSERT INTO inspections ({', '.join(INSERT_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(INSERT_COLUMNS))})"
)
INSERT_WITH_ID_SQL = (
    f"INSERT INTO inspections (id, {', '.join(INSERT_COLUMNS)}) "
    f"VALUES (?, {', '.join('?' * len(INSERT_COLUMNS))})"
)

LABELS = ("OK", "NG")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_jsonable)


def _jsonable(value: Any) -> Any:
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def _number(value: Any, what: str) -> float:
    return finite_number(value, what, InvalidRecord)


def record_params(record: InspectionRecord) -> tuple[Any, ...]:
    """The INSERT parameters of one record, validated so a bad row never reaches the file."""
    if record.label not in LABELS:
        raise InvalidRecord(f"label must be OK or NG, got {record.label!r}")
    if record.review_label is not None and record.review_label not in LABELS:
        raise InvalidRecord(f"review_label must be OK, NG or None, got {record.review_label!r}")
    if not isinstance(record.timestamp, datetime):
        raise InvalidRecord(f"timestamp must be a datetime, got {record.timestamp!r}")
    if not isinstance(record.name, str) or not isinstance(record.source, str):
        raise InvalidRecord("name and source must be text")
    try:
        defects = int(record.defect_count)
    except (TypeError, ValueError) as exc:
        raise InvalidRecord(f"defect_count must be an integer, got {record.defect_count!r}") from exc
    return (
        record.name,
        record.source,
        None if record.part_id is None else str(record.part_id),
        to_db(record.timestamp),
        record.label,
        defects,
        _number(record.score, "score"),
        _number(record.normalized_score, "normalized_score"),
        _number(record.confidence, "confidence"),
        record.model_id,
        None if record.model_version is None else int(record.model_version),
        _number(record.processing_ms, "processing_ms"),
        _json(list(record.regions)),
        record.image_path,
        record.result_path,
        record.heatmap_path,
        1 if record.image_pruned else 0,
        record.review_label,
        record.review_note,
        to_db(record.reviewed_at) if record.reviewed_at else None,
        _json(record.extra or {}),
        record.review_label or record.label,
    )


def row_record(row: Sequence[Any]) -> InspectionRecord:
    """The record of a row selected with :data:`SELECT_COLUMNS` (stored text and JSON decoded)."""
    values = dict(zip(COLUMNS, row, strict=True))
    return InspectionRecord(**{
        **values,
        "timestamp": from_db(values["timestamp"]),
        "regions": tuple(json.loads(values["regions"])) if values["regions"] else (),
        "image_pruned": bool(values["image_pruned"]),
        "reviewed_at": from_db(values["reviewed_at"]) if values["reviewed_at"] else None,
        "extra": json.loads(values["extra"]) if values["extra"] else {},
    })


def fetch_record(conn: sqlite3.Connection, record_id: int) -> InspectionRecord | None:
    """The record with figId ``record_id``, or None."""
    row = conn.execute(f"SELECT {SELECT_COLUMNS} FROM inspections WHERE id = ?", (int(record_id),)).fetchone()
    return row_record(row) if row else None
