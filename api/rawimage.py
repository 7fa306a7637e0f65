"""Raw frames as the PEKAT client posts them: row-major ``uint8`` BGR, grey, BGRA or Bayer RG8.

The channel count is not sent; it follows from the body length and ``width × height``.
"""

from __future__ import annotations

import cv2
import numpy as np

from api.errors import bad_request
from api.protocol import check_pixels

# GenICam/PEKAT "BayerRG8": the sensor row 0 reads R G R G…, row 1 G B G B….
# OpenCV's historical BayerXY names describe the 2×2 block one pixel down-right, so that
# pattern is COLOR_BayerBG2BGR (OpenCV ≥ 4.10 also spells it COLOR_BayerRGGB2BGR).
# tests/api/test_rawimage.py proves it on a synthetic mosaic.
BAYER_RG8_TO_BGR = getattr(cv2, "COLOR_BayerRGGB2BGR", cv2.COLOR_BayerBG2BGR)


def decode_raw(body: bytes, width: int, height: int, *, bayer: bool = False,
               max_pixels: int = 0) -> np.ndarray:
    """H×W×3 BGR or H×W grey ``uint8`` from raw bytes; a length mismatch is a readable 400."""
    check_pixels(width, height, max_pixels)
    if not body:
        raise bad_request("empty body: expected raw uint8 pixels")
    pixels = width * height
    n = len(body)
    if bayer:
        if n != pixels:
            raise bad_request(
                f"Bayer RG8 frame of {width}×{height} needs {pixels} bytes (1 per pixel); the body has {n}"
            )
        if width < 2 or height < 2:
            raise bad_request("a Bayer frame needs at least 2×2 pixels")
        if width % 2 or height % 2:
            raise bad_request(f"a Bayer RG8 frame needs even width and height (whole 2×2 cells); "
                              f"got {width}×{height}")
        mosaic = np.frombuffer(body, dtype=np.uint8).reshape(height, width)
        return cv2.cvtColor(mosaic, BAYER_RG8_TO_BGR)
    flat = np.frombuffer(body, dtype=np.uint8)
    if n == pixels * 3:
        return flat.reshape(height, width, 3).copy()
    if n == pixels:
        return flat.reshape(height, width).copy()
    if n == pixels * 4:
        return cv2.cvtColor(flat.reshape(height, width, 4), cv2.COLOR_BGRA2BGR)
    raise bad_request(
        f"raw body has {n} bytes but width×height = {width}×{height} = {pixels} px needs "
        f"{pixels} (grey), {pixels * 3} (BGR) or {pixels * 4} (BGRA) bytes"
    )
