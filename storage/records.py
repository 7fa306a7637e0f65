"""The stored form of one inspection (one row of the history)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Literal

Source = Literal["camera", "video", "folder", "http", "batch", "cli"]
Label = Literal["OK", "NG"]


@dataclass(frozen=True)
class InspectionRecord:
    """One row per inspected part.

    ``id`` is the seed's ``figId``; ``defect_count`` its ``num``; ``confidence`` its ``dice``.
    Image paths are relative to the data directory (``None`` when not saved or pruned).
    """

    id: int | None
    name: str
    source: str
    part_id: str | None
    timestamp: datetime  # local time of the inspection
    label: Label
    defect_count: int
    score: float
    normalized_score: float
    confidence: float
    model_id: str | None
    model_version: int | None
    processing_ms: float
    regions: tuple[dict[str, Any], ...] = ()
    image_path: str | None = None
    result_path: str | None = None
    heatmap_path: str | None = None
    image_pruned: bool = False
    review_label: Label | None = None  # operator's confirmed/overridden verdict
    review_note: str | None = None
    reviewed_at: datetime | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def date(self) -> str:
        return self.timestamp.strftime("%Y-%m-%d")

    @property
    def time(self) -> str:
        return self.timestamp.strftime("%H:%M:%S")

    @property
    def final_label(self) -> Label:
        """The operator's verdict when reviewed, else the machine's."""
        return self.review_label or self.label

    def to_seed_row(self) -> dict[str, Any]:
        """The seed-000 data-service row (``figId, name, date, time, label, num, dice``)."""
        return {
            "figId": self.id,
            "name": self.name,
            "date": self.date,
            "time": self.time,
            "label": self.label,
            "num": self.defect_count,
            "dice": round(self.confidence, 4),
        }

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["timestamp"] = self.timestamp.isoformat(timespec="milliseconds")
        d["reviewed_at"] = self.reviewed_at.isoformat(timespec="seconds") if self.reviewed_at else None
        d["regions"] = list(self.regions)
        return d
