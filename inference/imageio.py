"""Reading and normalising images from files, bytes and arrays.

Everything the engine analyses becomes an OpenCV-order ``uint8`` BGR array here, whatever came in:
grey, grey+alpha, RGB(A), 16-bit PNG/TIFF, float. The pixel count is checked from the header
before the pixels are decoded, so a hostile "decompression bomb" never allocates gigabytes.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from common.images import IMAGE_SUFFIXES as IMAGE_SUFFIXES  # the engine's image I/O API
from common.images import is_image_file as is_image_file
from common.images import list_images as list_images
from inference.errors import ImageDecodeError
from inference.imageformat import check_header, read_header

DEFAULT_MAX_PIXELS = 80_000_000  # ~ a 10k x 8k frame: larger is a mistake or an attack

Image.MAX_IMAGE_PIXELS = None  # our own guard below gives the clearer message


def read_image(path: str | os.PathLike[str], max_pixels: int | None = None) -> np.ndarray:
    """Decode an image file as it is stored (grey stays 2-D, 16-bit stays uint16, alpha kept)."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise ImageDecodeError(f"image not found: {p}") from None
    except IsADirectoryError:
        raise ImageDecodeError(f"not an image file but a folder: {p}") from None
    except OSError as exc:
        raise ImageDecodeError(f"cannot read image {p}: {exc.strerror or exc}") from None
    try:
        return decode_image(data, max_pixels=max_pixels)
    except ImageDecodeError as exc:
        raise ImageDecodeError(f"{p.name}: {exc}") from None


def decode_image(data: bytes, max_pixels: int | None = None) -> np.ndarray:
    """Decode image bytes (PNG, JPEG, BMP, TIFF, WebP, PNM only) into a numpy array.

    The format and size come from the header first (``inference.imageformat``): any other
    format raises ``UnsupportedImageFormat`` and an oversized one "too large", before decoding.
    """
    if not data:
        raise ImageDecodeError("empty image data")
    limit = DEFAULT_MAX_PIXELS if max_pixels is None else int(max_pixels)
    header = read_header(data)
    check_header(header, limit)
    buf = np.frombuffer(data, dtype=np.uint8)
    image = cv2.imdecode(buf, cv2.IMREAD_UNCHANGED)
    if image is None:
        image = _decode_with_pil(data, header.format)
    if image is None or image.size == 0:
        raise ImageDecodeError(f"not a readable image (damaged {header.format} data)")
    if limit > 0 and image.shape[0] * image.shape[1] > limit:
        raise ImageDecodeError(f"image too large: {image.shape[1]}x{image.shape[0]} pixels (limit {limit:,})")
    return image


def _decode_with_pil(data: bytes, fmt: str) -> np.ndarray | None:
    """Fallback for the few files OpenCV's codecs refuse (some TIFF and palette variants)."""
    try:
        with Image.open(io.BytesIO(data), formats=["PPM" if fmt == "PNM" else fmt]) as im:
            im.load()
            if im.mode in ("I;16", "I;16B", "I;16L", "I"):
                return np.asarray(im).astype(np.uint16)
            if im.mode not in ("L", "RGB", "RGBA"):
                im = im.convert("RGBA" if "A" in im.mode or "transparency" in im.info else "RGB")
            arr = np.asarray(im)
    except Exception:  # noqa: BLE001
        return None
    if arr.ndim == 3 and arr.shape[2] == 3:
        return cv2.cvtColor(arr, cv2.COLOR_RGB2BGR)
    if arr.ndim == 3 and arr.shape[2] == 4:
        return cv2.cvtColor(arr, cv2.COLOR_RGBA2BGRA)
    return arr


def _to_uint8(image: np.ndarray) -> np.ndarray:
    if image.dtype == np.uint8:
        return image
    if image.dtype == np.uint16:
        # Fixed scaling (not per-image stretching) so the same scene always maps to the same values.
        return (image >> 8).astype(np.uint8)
    if image.dtype == np.bool_:
        return image.astype(np.uint8) * 255
    if np.issubdtype(image.dtype, np.floating):
        finite = np.nan_to_num(image.astype(np.float32), nan=0.0, posinf=0.0, neginf=0.0)
        scale = 255.0 if finite.size and float(finite.max()) <= 1.0 else 1.0
        return np.clip(finite * scale, 0, 255).astype(np.uint8)
    if np.issubdtype(image.dtype, np.integer):
        return np.clip(image, 0, 255).astype(np.uint8)
    raise ImageDecodeError(f"unsupported pixel type {image.dtype}")


def to_bgr(image: np.ndarray) -> np.ndarray:
    """Any decoded image as a contiguous H×W×3 ``uint8`` BGR array (alpha dropped, 16-bit scaled)."""
    if not isinstance(image, np.ndarray):
        raise ImageDecodeError(f"expected a numpy image array, got {type(image).__name__}")
    if image.ndim not in (2, 3) or image.shape[0] < 1 or image.shape[1] < 1:
        raise ImageDecodeError(f"not an image array: shape {image.shape}")
    image = _to_uint8(image)
    if image.ndim == 2:
        return cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    channels = image.shape[2]
    if channels == 1:
        return cv2.cvtColor(image[:, :, 0], cv2.COLOR_GRAY2BGR)
    if channels == 2:  # grey + alpha
        return cv2.cvtColor(np.ascontiguousarray(image[:, :, 0]), cv2.COLOR_GRAY2BGR)
    if channels == 3:
        return np.ascontiguousarray(image)
    if channels == 4:
        return cv2.cvtColor(image, cv2.COLOR_BGRA2BGR)
    raise ImageDecodeError(f"unsupported number of channels: {channels}")


def load_bgr(source: str | os.PathLike[str] | np.ndarray, max_pixels: int | None = None) -> np.ndarray:
    """A path or an array, as BGR uint8: what training and prediction accept."""
    if isinstance(source, np.ndarray):
        return to_bgr(source)
    if isinstance(source, (str, os.PathLike)):
        return to_bgr(read_image(source, max_pixels=max_pixels))
    if isinstance(source, (bytes, bytearray, memoryview)):
        return to_bgr(decode_image(bytes(source), max_pixels=max_pixels))
    raise ImageDecodeError(f"not an image: {type(source).__name__}")


