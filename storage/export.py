"""CSV export of a search, streamed.

UTF-8 with a BOM so Excel opens Chinese/Japanese/Korean names correctly. Cells that Excel would
run as formulas (names from a line client starting with ``=``, ``+``, ``-``, ``@``) get a ``'`` in
front — the usual defence against CSV injection. The file is written next to the target and renamed
at the end, so a failed export never leaves half a file under the requested name.

One SELECT produces the finished cells (date and time cut from the stored text, formula cells
neutralised in SQL), so ``csv.writer.writerows`` consumes the cursor in C with no Python per row.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from typing import Any

from common.fileio import atomic_write

HEADER = (
    "figId", "name", "date", "time", "source", "part_id", "label", "review_label", "final_label",
    "num", "score", "normalized_score", "dice", "model_id", "model_version", "processing_ms",
    "image_path", "result_path", "heatmap_path", "image_pruned", "review_note", "reviewed_at", "regions",
)


def _neutral(expr: str) -> str:
    """SQL for ``expr`` with a quote in front when Excel would run the cell as a formula."""
    return (f"CASE WHEN substr({expr}, 1, 1) IN ('=', '+', '-', '@', char(9), char(13)) "
            f"THEN char(39) || {expr} ELSE {expr} END")


EXPORT_COLUMNS = ", ".join((
    "id", _neutral("name"), "substr(timestamp, 1, 10)", "substr(timestamp, 12, 12)", _neutral("source"),
    _neutral("COALESCE(part_id, '')"), "label", "COALESCE(review_label, '')", "final_label", "defect_count",
    "score", "normalized_score", "round(confidence, 4)", _neutral("COALESCE(model_id, '')"),
    "COALESCE(model_version, '')", "round(processing_ms, 1)", "COALESCE(image_path, '')",
    "COALESCE(result_path, '')", "COALESCE(heatmap_path, '')", "image_pruned",
    _neutral("COALESCE(review_note, '')"), "COALESCE(substr(reviewed_at, 1, 19), '')",
    "CASE WHEN regions = '[]' THEN '' ELSE regions END",
))


class _Counted:
    """Counts the rows a C consumer pulls through it."""

    def __init__(self, rows: Iterable[tuple[Any, ...]]) -> None:
        self._it = iter(rows)
        self.n = 0

    def __iter__(self) -> _Counted:
        return self

    def __next__(self) -> tuple[Any, ...]:
        row = next(self._it)
        self.n += 1
        return row


def write_csv(path: str | os.PathLike[str], rows: Iterable[tuple[Any, ...]]) -> int:
    """Write rows of :data:`EXPORT_COLUMNS` to ``path`` (atomically); returns the number of rows."""
    counted = _Counted(rows)
    # an export is the user's file: their umask, not the private 0600 of a temp file
    with atomic_write(path, encoding="utf-8-sig", newline="", suffix=".part", shared=True) as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(counted)
    return counted.n
