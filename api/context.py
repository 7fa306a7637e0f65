"""The PEKAT context of one inspection: PEKAT's field names first, QC Station's own beside them.

PEKAT's names are the contract line clients code against (``result`` true = OK,
``detectedRectangles``, ``completeTime`` in seconds …); they are never renamed here.
"""

from __future__ import annotations

import math
from typing import Any

ANOMALY_CLASS = "anomaly"


def _num(value: Any) -> float | None:
    """A JSON-safe float: NaN/inf (a broken model) become null instead of invalid JSON."""
    v = float(value)
    return v if math.isfinite(v) else None


def region_confidence(normalized_score: float) -> float:
    """Map a region's score/threshold ratio (≥ 1 for a detected region) to [0, 1].

    0.5 on the threshold, 0.75 at twice the threshold, → 1 for far stronger anomalies.
    """
    ns = float(normalized_score)
    if ns <= 0:
        return 0.0
    return round(min(1.0, max(0.0, 1.0 - 0.5 / ns)), 4)


def detected_rectangles(result: Any, model_id: str | None) -> list[dict[str, Any]]:
    rects = []
    for i, region in enumerate(result.regions, start=1):
        conf = region_confidence(region.normalized_score)
        rects.append({
            "x": int(region.x),
            "y": int(region.y),
            "width": int(region.width),
            "height": int(region.height),
            "confidence": conf,
            "id": i,
            "classNames": [{"id": 1, "label": ANOMALY_CLASS, "confidence": conf, "color": "#ff3b30"}],
            "area": int(region.area),
            "source": {"type": "UNSUPERVISED", "modelId": model_id, "moduleId": "anomaly"},
            "score": _num(region.score),
            "normalized_score": _num(region.normalized_score),
        })
    return rects


def build_context(result: Any, record: Any, data: str | None, station_state: str | None = None) -> dict[str, Any]:
    """One context per inspection, from the engine's ``InspectionResult`` and the stored record;
    ``station_state`` is the machine state (``station.machine_state``) when the part was answered."""
    height, width = (int(v) for v in result.image_shape)
    context = {
        # PEKAT's documented fields
        "result": bool(result.verdict == "OK"),
        "detectedRectangles": detected_rectangles(result, result.model_id),
        "completeTime": round(float(record.processing_ms) / 1000.0, 6),
        "data": data,
        "production_mode": True,
        "operatorInput": {},
        "imageShape": {"height": height, "width": width},
        "score": _num(result.score),
        "threshold": _num(result.threshold),
        # QC Station's own
        "record_id": record.id,
        "verdict": result.verdict,
        "defect_count": int(result.defect_count),
        "normalized_score": _num(result.normalized_score),
        "confidence": _num(result.confidence),
        "model_id": result.model_id,
        "model_version": getattr(record, "model_version", None),
        "name": record.name,
        "timestamp": record.timestamp.isoformat(timespec="milliseconds"),
        # the part's printed code when one was read (inference.identifiers), else null
        "identifier": (getattr(record, "extra", None) or {}).get("identifier"),
        "identifier_type": (getattr(record, "extra", None) or {}).get("identifier_type"),
    }
    if station_state is not None:  # known when answering; a context rebuilt from the history has none
        context["station_state"] = station_state
    return context
