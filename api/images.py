"""Turning request bodies into images, off the event loop, within the configured limits."""

from __future__ import annotations

import numpy as np
from fastapi import Request

from api.errors import ApiError, bad_request, too_large

# An encoded image can be at most about as big as its raw pixels (BMP of BGRA), plus headers.
BODY_SLACK = 1 << 20


def body_limit(max_pixels: int) -> int:
    return max_pixels * 4 + BODY_SLACK if max_pixels else 0


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it passes ``limit`` bytes (0 = no limit)."""
    declared = request.headers.get("content-length")
    if limit and declared and declared.isdigit() and int(declared) > limit:
        raise too_large(f"request body of {int(declared)} bytes exceeds the limit of {limit} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if limit and size > limit:
            raise too_large(f"request body exceeds the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def decode_encoded(data: bytes, max_pixels: int) -> np.ndarray:
    """PNG/JPEG/BMP/TIFF/WebP bytes -> array; damaged bytes 400, too many pixels 413."""
    from inference.errors import ImageDecodeError
    from inference.imageformat import UnsupportedImageFormat
    from inference.imageio import decode_image

    if not data:
        raise bad_request("empty body: expected an encoded image (PNG, JPEG, BMP, TIFF, WebP)")
    try:
        image = decode_image(data, max_pixels=max_pixels or 0)
    except UnsupportedImageFormat as exc:
        raise ApiError(415, "unsupported_media_type", str(exc)) from None
    except ImageDecodeError as exc:
        reason = str(exc)
        if "too large" in reason:
            raise too_large(f"{reason} (settings: server.max_pixels)") from None
        raise bad_request(f"cannot decode the image: {reason}") from None
    return _to_inspectable(image)


def _to_inspectable(image: np.ndarray) -> np.ndarray:
    """The station takes uint8/uint16 grey or BGR(A); normalise anything else to BGR uint8."""
    from inference.errors import ImageDecodeError
    from inference.imageio import to_bgr

    if image.dtype in (np.uint8, np.uint16) and (image.ndim == 2 or image.shape[2] in (1, 3, 4)):
        return image
    try:
        return to_bgr(image)
    except ImageDecodeError as exc:
        raise bad_request(f"unsupported image: {exc}") from None


__all__ = ["ApiError", "body_limit", "decode_encoded", "read_body"]
