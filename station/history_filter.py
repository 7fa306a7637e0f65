"""What a history search asks for, as one value, without Qt.

The History page fills it from its filter bar; ``to_kwargs`` is exactly what ``storage.search``
and ``export_csv`` take, so the table and the CSV export always select the same records, and
headless callers can build the same search.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class HistoryFilter:
    """What the user asked for; ``to_kwargs`` gives ``storage.search`` / ``export_csv`` arguments."""

    name: str = ""
    start_date: date | None = None
    end_date: date | None = None
    label: str | None = None  # "OK" | "NG" | None
    num: int | None = None  # exact defect count
    score_min: float | None = None
    score_max: float | None = None
    model_id: str | None = None
    part_id: str = ""  # exact part identifier (PLC data or the code read from the image)

    def to_kwargs(self) -> dict[str, Any]:
        kw: dict[str, Any] = {
            "name": self.name.strip() or None,
            "start_date": self.start_date,
            "end_date": self.end_date,
            "label": self.label,
            "num": self.num,
            "score_min": self.score_min,
            "score_max": self.score_max,
            "model_id": self.model_id or None,
            "part_id": self.part_id.strip() or None,
        }
        return {k: v for k, v in kw.items() if v is not None}
