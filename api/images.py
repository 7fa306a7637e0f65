"""Turning request bodies into images, off the event loop, within the configured limits."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

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
    from inference.imageio import decode_image

    _require_data(data)
    with _decode_errors():
        image = decode_image(data, max_pixels=max_pixels or 0)
    return _to_inspectable(image)


class EncodedImage:
    """One posted encoded image, decoded at the working size the active model needs.

    ``cost()`` reads only the header (what the memory budget reserves before decoding);
    ``decode()`` returns an ``inference.working_image.Decoded``: the array judged and, when a huge
    image was reduced, the posted original (``source``) the answer and the history follow.
    """

    def __init__(self, data: bytes, max_pixels: int, station: Any, settings: Any) -> None:
        model = getattr(station, "model", None)
        self.data = data
        self.max_pixels = int(max_pixels or 0)
        self.cfg = getattr(model, "config", None) if model is not None else None
        self.min_side = int(getattr(getattr(settings, "limits", None), "decode_working_side", 0) or 0)
        self._plan: Any = None

    def plan(self) -> Any:
        from inference.working_image import plan_decode

        if self._plan is None:
            _require_data(self.data)
            with _decode_errors():
                self._plan = plan_decode(self.data, cfg=self.cfg if isinstance(self.cfg, dict) else None,
                                         min_side=self.min_side, max_pixels=self.max_pixels)
        return self._plan

    def cost(self) -> int:
        """Peak decode bytes from the header; 0 when unreadable (``decode`` then gives the 4xx)."""
        try:
            return int(self.plan().peak_bytes)
        except ApiError:
            return 0

    def decode(self) -> Any:
        from inference.working_image import Decoded, decode_planned

        plan = self.plan()
        with _decode_errors():
            decoded = decode_planned(self.data, plan, self.max_pixels)
        return Decoded(_to_inspectable(decoded.image), decoded.source)


def _require_data(data: bytes) -> None:
    if not data:
        raise bad_request("empty body: expected an encoded image (PNG, JPEG, BMP, TIFF, WebP)")


@contextmanager
def _decode_errors() -> Iterator[None]:
    """Decoder errors as HTTP: another format 415, too many pixels 413, damaged data 400."""
    from inference.errors import ImageDecodeError
    from inference.imageformat import UnsupportedImageFormat

    try:
        yield
    except UnsupportedImageFormat as exc:
        raise ApiError(415, "unsupported_media_type", str(exc)) from None
    except ImageDecodeError as exc:
        reason = str(exc)
        if "too large" in reason:
            raise too_large(f"{reason} (settings: server.max_pixels)") from None
        raise bad_request(f"cannot decode the image: {reason}") from None


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


__all__ = ["ApiError", "EncodedImage", "body_limit", "decode_encoded", "read_body"]
