"""The HACARUS Check v1 document's shapes (HModel, Item, AlgorithmWithParameter, ...) as plain dicts.

One place, used by the HTTP routes and by the callback payloads, so a client sees the same item
in ``GET /api/v1/items/{id}`` and in its callback. QC Station's own fields are additive.
"""

from __future__ import annotations

import contextlib
import inspect
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from common.numbers import finite_or_none

# Prediction parameters listed with each algorithm (``model_parameter: false``): they are changed
# after training with update_predict_parameters, not passed to training.
PREDICT_PARAMS = (
    ("threshold", "float", None, "image threshold: score >= threshold is NG (raw score units)", "0", None),
    ("ignore_outer", "int", "0", "pixels along the image border that are ignored", "0", None),
    ("min_detected_area", "float", "0", "smaller defect regions are dropped (px)", "0", None),
    ("anomaly_range", "float", "0", "heatmap colour range above the threshold (fraction), 0 = default",
     "0", "1"),
)


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _iso_text(text: str | None) -> str:
    if not text:
        return _iso(0)
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(timezone.utc).strftime(
            "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return text


def _s(v: Any) -> str | None:
    return None if v is None else str(v)


# ---------------------------------------------------------------------- algorithms
def algorithm_view(spec: Any) -> dict[str, Any]:
    from inference.algorithms import patchcore

    source = Path(inspect.getsourcefile(patchcore) or "patchcore.py")
    try:
        stamp = _iso(source.stat().st_mtime)
    except OSError:
        stamp = _iso(0)
    params = []
    for n, p in enumerate(spec.parameters, start=1):
        params.append({
            "algorithm_parameter_id": n, "algorithm_id": spec.name, "name": p.name,
            "display_name": p.description, "data_type": p.type, "value": _s(p.default),
            "range_lower": _s(p.minimum), "range_upper": _s(p.maximum), "model_parameter": True,
            "created_at": stamp, "updated_at": stamp,
            # QC Station's own
            "choices": list(p.choices), "default": p.default, "description": p.description,
            "type": p.type, "minimum": p.minimum, "maximum": p.maximum,
        })
    for m, (name, kind, default, text, lower, upper) in enumerate(PREDICT_PARAMS, start=len(params) + 1):
        params.append({
            "algorithm_parameter_id": m, "algorithm_id": spec.name, "name": name, "display_name": text,
            "data_type": kind, "value": default, "range_lower": lower, "range_upper": upper,
            "model_parameter": False, "created_at": stamp, "updated_at": stamp,
            "choices": [], "default": default, "description": text, "type": kind,
            "minimum": None if lower is None else float(lower), "maximum": None if upper is None else float(upper),
        })
    return {
        "algorithm_id": spec.name, "name": spec.name, "type": "unsupervised", "version": "1",
        "file_name": source.name, "class_name": "PatchCore", "attribute": "anomaly_detection",
        "created_at": stamp, "updated_at": stamp, "parameters": params,
        "title": spec.title, "description": spec.description,
    }


def override_parameters(spec: Any, overrides: list[dict[str, Any]]) -> dict[str, Any]:
    """``override_params[{algorithm_parameter_id, value}]`` -> training parameters; ValueError with index."""
    out: dict[str, Any] = {}
    names = [p.name for p in spec.parameters]
    for i, o in enumerate(overrides):
        pid, name = o.get("algorithm_parameter_id"), o.get("name")
        if pid is not None:
            if not 1 <= int(pid) <= len(names):
                raise LookupError(i, f"no training parameter with algorithm_parameter_id {pid} "
                                     f"(1..{len(names)}; prediction parameters are set after training)")
            name = names[int(pid) - 1]
        elif name is None:
            raise LookupError(i, "give algorithm_parameter_id (or name)")
        elif name not in names:
            raise LookupError(i, f"no training parameter {name!r}")
        out[name] = o.get("value")
    return out


# ---------------------------------------------------------------------- models
def hmodel(view: Any, meta: dict[str, Any], default_target_id: int) -> dict[str, Any]:
    info, job = view.info, view.job
    if info is None:  # a training job
        stamp = _iso_text(job.created_at)
        return {
            "model_id": view.model_id, "name": job.name, "algorithm_id": job.algorithm,
            "algorithm_type": "unsupervised", "version": "1", "status": view.status,
            "status_text": view.status_text, "active": False, "training_time": None,
            "ok_img_count": job.ok_count, "ng_img_count": job.ng_count, "precision": None, "recall": None,
            "stats": {"accuracy": None, "precision": {"projected": None, "computed": None},
                      "recall": {"projected": None, "computed": None}},
            "image_url": None, "context_id": int(job.target_id or default_target_id),
            "created_at": stamp, "updated_at": stamp, "progress": round(job.progress, 3), "error": job.error,
        }
    stats = info.stats or {}
    precision, recall = finite_or_none(stats.get("precision")), finite_or_none(stats.get("recall"))
    accuracy = finite_or_none(stats.get("accuracy"))
    created = _iso_text(info.created_at)
    updated = created
    if view.path is not None:
        with contextlib.suppress(OSError):
            updated = _iso(Path(view.path).stat().st_mtime)
    params = info.params.to_dict()
    params["anomaly_range"] = float(meta.get("anomaly_range") or 0.0)
    return {
        "model_id": info.id, "name": info.name, "algorithm_id": info.algorithm, "algorithm_type": "unsupervised",
        "version": str(info.version), "status": view.status, "status_text": view.status_text or "finished",
        "active": bool(view.active), "training_time": int(round(info.training_seconds)),
        "ok_img_count": int(info.ok_img_count), "ng_img_count": int(info.ng_img_count),
        "precision": precision, "recall": recall,
        "stats": {"accuracy": accuracy, "precision": {"projected": None, "computed": precision},
                  "recall": {"projected": None, "computed": recall}},
        "image_url": None, "context_id": int(meta.get("target_id") or default_target_id),
        "created_at": created, "updated_at": updated,
        # QC Station's own
        "backbone": info.backbone, "input_size": info.input_size, "parameters": info.parameters,
        "predict_parameters": params, "callback_url": meta.get("callback_url"),
        "callback_method": meta.get("callback_method"), "file": view.path.name if view.path else None,
    }


def preprocessing(info: Any) -> list[dict[str, Any]]:
    import json

    p = info.parameters if info is not None else {}
    roi = {k: p.get(k, 0) for k in ("roi_x", "roi_y", "roi_width", "roi_height")}
    return [
        {"name": "roi", "active": bool(roi["roi_width"] and roi["roi_height"]), "config": json.dumps(roi)},
        {"name": "resize", "active": True,
         "config": json.dumps({"mode": p.get("resize"), "input_size": p.get("input_size"), "pad": p.get("pad")})},
        {"name": "contrast", "active": p.get("contrast", "none") != "none",
         "config": json.dumps({"mode": p.get("contrast", "none")})},
    ]


def target_view(svc: Any, row: dict[str, Any]) -> dict[str, Any]:
    model_id = svc.target_model_id(row)
    info = None
    if model_id:
        try:
            info = svc.models.view(model_id).info
        except Exception:  # noqa: BLE001 - a target whose model was deleted still lists
            info = None
    return {"target_id": int(row["target_id"]), "name": row["name"], "preprocessing": preprocessing(info),
            "model_id": model_id, "default": bool(row["is_default"]),
            "predict_parameters": info.params.to_dict() if info is not None else None}


# ---------------------------------------------------------------------- items
def _image_meta(item_id: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"name": r["name"], "url": f"/api/v1/items/{item_id}/images/{r['idx']}", "width": int(r["width"]),
             "height": int(r["height"]), "file_size": int(r["file_size"])} for r in rows]


def _annotation(a: dict[str, Any]) -> dict[str, Any]:
    size = None
    if None not in (a["x_min"], a["x_max"], a["y_min"], a["y_max"]):
        size = abs(a["x_max"] - a["x_min"]) * abs(a["y_max"] - a["y_min"])
    return {"annotation_id": int(a["annotation_id"]), "x_min": a["x_min"], "x_max": a["x_max"],
            "y_min": a["y_min"], "y_max": a["y_max"], "label": a["label"], "notes": a["notes"],
            "defect_size": size, "created_at": a["created_at"]}


def _detected(regions: list[dict[str, Any]], created_at: str) -> list[dict[str, Any]]:
    return [{"annotation_id": n, "x_min": r["x"], "x_max": r["x"] + r["width"], "y_min": r["y"],
             "y_max": r["y"] + r["height"], "label": 1, "notes": "anomaly", "defect_size": r.get("area"),
             "created_at": created_at, "image": r.get("image", 0), "score": r.get("score"),
             "normalized_score": r.get("normalized_score")} for n, r in enumerate(regions, start=1)]


def _assessment(a: dict[str, Any], images: list[dict[str, Any]]) -> dict[str, Any]:
    ng = a["result"] == "NG"
    return {"model_id": a["model_id"], "result": a["result"], "label": "bad" if ng else "good",
            "anomaly_score": f"{a['anomaly_score']:.6g}", "detected_objects": int(a["detected_objects"]),
            "detection_accuracy": None, "annotations": _detected(a["regions"], a["created_at"]), "images": images,
            "threshold": a["threshold"], "model_version": a["model_version"], "created_at": a["created_at"],
            "callback": {"state": a["callback_state"], "attempts": a["callback_attempts"],
                         "error": a["callback_error"]} if a["callback_state"] else None}


def item_views(svc: Any, rows: list[dict[str, Any]], *, show_assessments: bool = True,
               show_annotations: bool = True, model_id: str | None = None) -> list[dict[str, Any]]:
    ids = [r["item_id"] for r in rows]
    images = svc.store.images_of(ids)
    notes = svc.store.annotations_of(ids) if show_annotations else {}
    judged = svc.store.assessments_of(ids, model_id) if show_assessments else {}
    out = []
    for r in rows:
        imgs = _image_meta(r["item_id"], images[r["item_id"]])
        user = None
        if r["good"] is not None or notes.get(r["item_id"]):
            result = None if r["good"] is None else ("OK" if r["good"] else "NG")
            user = {"result": result, "label": r["user_label"] or (None if result is None else
                                                                  ("good" if r["good"] else "bad")),
                    "annotations": [_annotation(a) for a in notes.get(r["item_id"], [])], "images": imgs}
        out.append({
            "item_id": r["item_id"], "name": r["name"], "active": bool(r["active"]),
            "is_training_data": bool(r["is_training"]), "status": r["status"], "images": imgs,
            "user_assessment": user,
            "assessments": [_assessment(a, imgs) for a in judged.get(r["item_id"], [])],
            "created_at": r["created_at"], "target_id": r["target_id"], "record_id": r["record_id"],
        })
    return out


def callback_payload(svc: Any, item_id: str) -> dict[str, Any]:
    """``PredictionItemCallbackWrapper``: the item with its assessments, as GET /items/{id} shows it."""
    try:
        rows = svc.rows_for([item_id])
    except Exception:  # noqa: BLE001 - deleted meanwhile: an empty list, as the item is gone
        rows = []
    return {"data": {"items": svc.views(rows)}}


__all__ = ["algorithm_view", "callback_payload", "hmodel", "item_views", "override_parameters", "target_view"]
