"""What an evaluation is worth keeping, at the threshold the engineer chose, without Qt.

The Evaluate page's "Export figures" writes this summary next to its charts; a headless caller
(CLI, API, a test) gets the same file from the same report, so the figures never depend on the
window that made them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def scores_by_label(rows: Any) -> tuple[list[float], list[float]]:
    """The image scores of the true OK rows and of the true NG rows, in report order."""
    ok = [r.score for r in rows if r.label == "OK"]
    ng = [r.score for r in rows if r.label == "NG"]
    return ok, ng


def summary(report: Any, threshold: float) -> dict[str, Any]:
    """``report.to_json()`` plus the metrics at ``threshold`` (``at_selected_threshold``)."""
    out = report.to_json()
    out["at_selected_threshold"] = report.metrics(threshold)
    return out


def write_summary(report: Any, threshold: float, path: str | Path) -> Path:
    """Write :func:`summary` as UTF-8 JSON (values JSON lacks, such as paths, as text)."""
    path = Path(path)
    path.write_text(json.dumps(summary(report, threshold), indent=2, ensure_ascii=False, default=str),
                    encoding="utf-8")
    return path
