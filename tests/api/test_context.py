"""The PEKAT context and the response framing, from an engine result and a stored record."""

from __future__ import annotations

import base64
import json
from datetime import datetime

import numpy as np

from api.context import build_context, region_confidence
from api.responses import MAX_HEADER_BYTES, pekat_response
from inference.types import InspectionResult, Region
from storage.records import InspectionRecord


def result(regions=(), verdict="NG", score=30.0) -> InspectionResult:
    return InspectionResult(verdict=verdict, score=score, normalized_score=score / 20.0, confidence=0.8,
                            threshold=20.0, anomaly_map=np.zeros((10, 12), np.float32), regions=tuple(regions),
                            image_shape=(10, 12), model_id="m-1", timings={"total": 42.0})


def record(**kw) -> InspectionRecord:
    base = dict(id=7, name="part-9", source="http", part_id="part-9", timestamp=datetime(2026, 1, 2, 3, 4, 5),
                label="NG", defect_count=1, score=30.0, normalized_score=1.5, confidence=0.8, model_id="m-1",
                model_version=3, processing_ms=42.0)
    base.update(kw)
    return InspectionRecord(**base)


def test_pekat_fields_and_our_own():
    ctx = build_context(result([Region(1, 2, 3, 4, 9, 30.0, 1.5)]), record(), "part-9")
    assert ctx["result"] is False and ctx["data"] == "part-9" and ctx["production_mode"] is True
    assert ctx["completeTime"] == 0.042 and ctx["imageShape"] == {"height": 10, "width": 12}
    assert ctx["score"] == 30.0 and ctx["threshold"] == 20.0 and ctx["operatorInput"] == {}
    assert ctx["record_id"] == 7 and ctx["defect_count"] == 1 and ctx["normalized_score"] == 1.5
    assert ctx["model_id"] == "m-1"
    (rect,) = ctx["detectedRectangles"]
    assert (rect["x"], rect["y"], rect["width"], rect["height"], rect["area"], rect["id"]) == (1, 2, 3, 4, 9, 1)
    assert rect["classNames"] == [{"id": 1, "label": "anomaly", "confidence": rect["confidence"], "color": "#ff3b30"}]
    assert rect["source"]["type"] == "UNSUPERVISED" and 0.5 < rect["confidence"] < 1
    json.dumps(ctx, allow_nan=False)
    assert build_context(result(verdict="OK", score=3.0), record(), None)["result"] is True


def test_non_finite_scores_become_null():
    ctx = build_context(result(score=float("nan")), record(), None)
    assert ctx["score"] is None
    json.dumps(ctx, allow_nan=False)


def test_region_confidence_is_monotonic_in_0_1():
    values = [region_confidence(x) for x in (0.0, 1.0, 2.0, 10.0, 1e9)]
    assert values == sorted(values) and values[0] == 0.0 and values[1] == 0.5 and values[-1] <= 1.0


def test_framing_header_body_and_big_contexts():
    ctx = build_context(result([Region(i, i, 2, 2, 4, 30.0, 1.5) for i in range(2000)]), record(), "x")
    png = b"\\x89PNG fake"
    inbody = pekat_response(ctx, png, context_in_body=True)
    n = int(inbody.headers["ImageLen"])
    assert inbody.body[:n] == png and json.loads(inbody.body[n:]) == ctx
    inheader = pekat_response(ctx, png, context_in_body=False)
    assert inheader.body == png and len(inheader.headers["ContextBase64utf"]) <= MAX_HEADER_BYTES
    slim = json.loads(base64.b64decode(inheader.headers["ContextBase64utf"]))
    assert slim["detectedRectanglesTruncated"] is True and slim["defect_count"] == 2000
    assert slim["result"] is False
    small = pekat_response(build_context(result(), record(), "é"), png, context_in_body=False)
    assert json.loads(base64.b64decode(small.headers["ContextBase64utf"]).decode("utf-8"))["data"] == "é"
    assert json.loads(pekat_response(ctx, None, context_in_body=True).body) == ctx
