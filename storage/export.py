"""CSV export of a search, streamed row by row.

UTF-8 with a BOM so Excel opens Chinese/Japanese/Korean names correctly. Cells that Excel would
run as formulas (names from a line client starting with ``=``, ``+``, ``-``, ``@``) are prefixed
with ``'`` — the usual defence against CSV injection. The file is written next to the target and
renamed at the end, so a failed export never leaves half a file under the requested name.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from storage.records import InspectionRecord

HEADER = (
    "figId", "name", "date", "time", "source", "part_id", "label", "review_label", "final_label",
    "num", "score", "normalized_score", "dice", "model_id", "model_version", "processing_ms",
    "image_path", "result_path", "heatmap_path", "image_pruned", "review_note", "reviewed_at", "regions",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_row(r: InspectionRecord) -> list[object]:
    return [
        r.id, _cell(r.name), r.date, r.timestamp.strftime("%H:%M:%S.%f")[:-3], _cell(r.source),
        _cell(r.part_id or ""), r.label, r.review_label or "", r.final_label, r.defect_count,
        f"{r.score:.6g}", f"{r.normalized_score:.6g}", f"{r.confidence:.4f}", _cell(r.model_id or ""),
        "" if r.model_version is None else r.model_version, f"{r.processing_ms:.1f}",
        r.image_path or "", r.result_path or "", r.heatmap_path or "", int(r.image_pruned),
        _cell(r.review_note or ""), r.reviewed_at.isoformat(timespec="seconds") if r.reviewed_at else "",
        json.dumps(list(r.regions), ensure_ascii=False, separators=(",", ":")) if r.regions else "",
    ]


def write_csv(path: str | os.PathLike[str], records: Iterable[InspectionRecord]) -> int:
    """Write ``records`` to ``path`` (atomically); returns the number of data rows."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    count = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(HEADER)
            for record in records:
                writer.writerow(csv_row(record))
                count += 1
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count
