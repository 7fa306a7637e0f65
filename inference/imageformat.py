"""Which encoded images may be decoded at all, and how big they say they are, before decoding.

OpenCV and Pillow together read dozens of formats (Radiance HDR, OpenEXR, SGI, PSD, ICO …),
several of which Pillow cannot size from the header, so a size guard built on "ask Pillow" lets
those through to a full decode: a 3 MB HDR file declaring 7000² took 44 s and 3 GB. Here the
format is taken from its magic bytes and only an allow-list is accepted (PNG, JPEG, BMP, TIFF,
WebP, PNM); for each of them Pillow reads width, height and sample layout from the header, so
the decoded size in bytes is known (and bounded) before one pixel is decoded.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image

from inference.errors import ImageDecodeError

ALLOWED_FORMATS = ("PNG", "JPEG", "BMP", "TIFF", "WEBP", "PNM")

# Bytes per pixel that a decode of each Pillow mode produces (OpenCV keeps 16 bit; alpha kept).
_MODE_BYTES = {"1": 1, "L": 1, "P": 4, "LA": 2, "PA": 4, "RGB": 3, "RGBA": 4, "CMYK": 4, "YCbCr": 3,
               "I;16": 2, "I;16B": 2, "I;16L": 2, "I": 4, "F": 4, "LAB": 3, "HSV": 3}


class UnsupportedImageFormat(ImageDecodeError):
    """The bytes are not one of the accepted formats (HTTP answers 415)."""


@dataclass(frozen=True)
class ImageHeader:
    format: str
    width: int
    height: int
    mode: str

    @property
    def pixels(self) -> int:
        return self.width * self.height

    @property
    def decoded_bytes(self) -> int:
        """What the decoded array (plus OpenCV's conversion copy) costs, an upper estimate."""
        return self.pixels * _MODE_BYTES.get(self.mode, 8) * 2


def sniff_format(data: bytes) -> str | None:
    """The allow-listed format named by the magic bytes, else None."""
    head = bytes(data[:16])
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"BM") and len(head) >= 14:
        return "BMP"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "TIFF"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "WEBP"
    if len(head) >= 3 and head[0:1] == b"P" and head[1:2] in b"123456" and head[2:3].isspace():
        return "PNM"
    return None


def read_header(data: bytes) -> ImageHeader:
    """Format, size and mode from the header only; refuses any format outside the allow-list."""
    fmt = sniff_format(data)
    if fmt is None:
        raise UnsupportedImageFormat(
            "not a readable image: unsupported format (send PNG, JPEG, BMP, TIFF, WebP or PNM)")
    try:
        with Image.open(io.BytesIO(data), formats=[_pil_name(fmt)]) as im:
            width, height = im.size
            mode = im.mode
    except Exception as exc:  # noqa: BLE001 - any header parser failure is damaged data
        raise ImageDecodeError(f"damaged {fmt} header: {type(exc).__name__}") from None
    if width <= 0 or height <= 0:
        raise ImageDecodeError(f"{fmt} header declares an empty image ({width}×{height})")
    return ImageHeader(fmt, int(width), int(height), str(mode))


def _pil_name(fmt: str) -> str:
    return {"PNM": "PPM"}.get(fmt, fmt)


def check_header(header: ImageHeader, max_pixels: int, max_bytes: int = 0) -> None:
    """Raise ImageDecodeError ("too large") when the declared image passes either limit."""
    if max_pixels > 0 and header.pixels > max_pixels:
        raise ImageDecodeError(
            f"image too large: {header.width}x{header.height} pixels (limit {max_pixels:,})")
    if max_bytes > 0 and header.decoded_bytes > max_bytes:
        raise ImageDecodeError(
            f"image too large: {header.width}x{header.height} {header.mode} needs about "
            f"{header.decoded_bytes // 2**20} MB to decode (limit {max_bytes // 2**20} MB)")
