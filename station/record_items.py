"""Inspection records as machine-API items: ``rec-<figId>``, listed with ``item_type=inspection``.

The line's own parts are items too (HACARUS' data = one product): a client can read them with
their machine verdict as the assessment and the operator's review as the user assessment,
annotate and review them (``PATCH``), predict them again with another model, or move them into
the training set. History records are never deleted over the machine API.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

PREFIX = "rec-"


def record_id(item_id: str) -> int | None:
    if not item_id.startswith(PREFIX):
        return None
    digits = item_id[len(PREFIX):]
    return int(digits) if digits.isdigit() and len(digits) < 19 else None


def item_id(record: Any) -> str:
    return f"{PREFIX}{record.id}"


def original_path(data_dir: Path, record: Any) -> Path | None:
    if not record.image_path or record.image_pruned:
        return None
    root = Path(data_dir).resolve()
    path = (root / record.image_path).resolve()
    return path if path.is_relative_to(root) and path.is_file() else None


def _size(path: Path | None) -> tuple[int, int, int]:
    if path is None:
        return 0, 0, 0
    try:
        from PIL import Image

        with Image.open(path) as im:
            return im.size[0], im.size[1], path.stat().st_size
    except Exception:  # noqa: BLE001 - an unreadable file still lists, with no size
        return 0, 0, 0


def record_view(svc: Any, record: Any, annotations: list[dict[str, Any]] | None = None,
                extra_assessments: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    from station.machine_views import _annotation, _assessment, _detected

    path = original_path(svc.settings.data_dir, record)
    width, height, size = _size(path)
    images = [{"name": record.name, "url": f"/api/data/image/{record.id}/original", "width": width,
               "height": height, "file_size": size}] if path is not None else []
    stamp = record.timestamp.isoformat(timespec="seconds")
    regions = [dict(r) for r in record.regions]
    machine = {"model_id": record.model_id, "result": record.label, "label": "bad" if record.label == "NG" else "good",
               "anomaly_score": f"{record.score:.6g}", "detected_objects": int(record.defect_count),
               "detection_accuracy": None, "annotations": _detected(regions, stamp), "images": images,
               "threshold": record.extra.get("threshold"), "model_version": _s(record.model_version),
               "created_at": stamp, "callback": None, "source": record.source}
    notes = annotations or []
    user = None
    if record.review_label or notes:
        user = {"result": record.review_label, "label": None if record.review_label is None else
                ("good" if record.review_label == "OK" else "bad"),
                "annotations": [_annotation(a) for a in notes], "images": images, "notes": record.review_note}
    return {"item_id": item_id(record), "name": record.name, "active": True, "is_training_data": False,
            "status": "predicted", "images": images, "user_assessment": user,
            "assessments": [machine] + [_assessment(a, images) for a in extra_assessments or []],
            "created_at": stamp, "target_id": None, "record_id": record.id, "part_id": record.part_id}


def _s(v: Any) -> str | None:
    return None if v is None else str(v)


__all__ = ["PREFIX", "item_id", "original_path", "record_id", "record_view"]
