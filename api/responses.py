"""The four PEKAT response types: context JSON, or a PNG with the context beside it.

Without ``context_in_body`` the context rides in the ``ContextBase64utf`` header (base64 of the
UTF-8 JSON); with it the body is PNG + JSON and ``ImageLen`` says where the PNG ends.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import cv2
import numpy as np
from fastapi.responses import Response

PNG_LEVEL = 1  # fast zlib level: the PNG goes over a LAN; CPU is better spent on inference
# Python's http.client (under requests and the PEKAT SDK) refuses header lines over 64 KiB.
MAX_HEADER_BYTES = 48 * 1024


def context_json(context: dict[str, Any]) -> bytes:
    return json.dumps(context, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")


def encode_png(image: np.ndarray) -> bytes:
    ok, buf = cv2.imencode(".png", image, [cv2.IMWRITE_PNG_COMPRESSION, PNG_LEVEL])
    if not ok:
        raise RuntimeError("PNG encoding failed")
    return buf.tobytes()


def response_image(response_type: str, inspection: Any) -> np.ndarray:
    """The picture a response type asks for (BGR or grey), computed from the inspection."""
    if response_type == "image":
        return inspection.image
    from inference import visualize

    if response_type == "annotated_image":
        return visualize.annotate(inspection.image, inspection.result)
    if response_type == "heatmap":
        return visualize.heatmap_image(inspection.result)
    raise ValueError(f"not an image response type: {response_type}")


def render_png(response_type: str, inspection: Any) -> bytes:
    """CPU work (drawing + PNG): call it off the event loop."""
    return encode_png(response_image(response_type, inspection))


def pekat_response(context: dict[str, Any], png: bytes | None, *, context_in_body: bool) -> Response:
    body = context_json(context)
    if png is None:
        return Response(body, media_type="application/json")
    if context_in_body:
        return Response(png + body, media_type="application/octet-stream",
                        headers={"ImageLen": str(len(png))})
    return Response(png, media_type="image/png", headers={"ContextBase64utf": header_context(context, body)})


def header_context(context: dict[str, Any], body: bytes) -> str:
    """base64 context for the header; when it would not fit, rectangles are cut (flagged) so the
    client still gets a readable verdict; ``context_in_body`` carries everything."""
    encoded = base64.b64encode(body).decode("ascii")
    rects = context.get("detectedRectangles") or []
    keep = len(rects)
    while len(encoded) > MAX_HEADER_BYTES and keep > 0:
        keep //= 2
        slim = {**context, "detectedRectangles": rects[:keep], "detectedRectanglesTruncated": True}
        encoded = base64.b64encode(context_json(slim)).decode("ascii")
    return encoded
