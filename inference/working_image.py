"""Judging a huge image at a reduced working size while answering in its original pixels.

A valid 143 KB PNG of 7000² took the server from 372 to 1,155 MB (issue 12): the decoded
frame (147 MB), an anomaly map and labels at full size (196 MB each) and the overlays — for a
model that looks at ~256–512 px. When the model needs far less than the image holds, the image is
decoded at a *working size* instead: JPEG through libjpeg's DCT scaling (1/2, 1/4, 1/8: the full
frame never exists); 8-bit grey/RGB PNG and TIFF through OpenCV's reduced read at 1/2 (the full
frame is never held: a 7000² RGB decode peaks at +37 MiB instead of +142 MiB for a flat image,
+178 MiB instead of +283 MiB for a noisy 100 MB one, in about half the time), then INTER_AREA; every other format decoded, resized at
once and the full array dropped (so it lives only inside the decode, which the HTTP memory
budget bounds). The engine then judges the
working image with its :class:`Geometry`: region of interest and prediction parameters are
scaled to working pixels, and regions come back in original pixels; ``image_shape`` is the
original one. The posted bytes are kept (:class:`SourceImage`) so the history stores the
original itself, not the working copy (uncompressed BMP/PNM: a JPEG of the full frame, made while
it exists, as the store made of every original before).

Working size: at least ``OVERSAMPLE`` × the model's input resolution (from the active model's
config: ``input_size``, ``resize``, ROI) and at least ``min_side`` pixels on the long side (what
the live view, the saved overlay and code reading still see). Only an image at least twice that
big is reduced; smaller ones decode exactly as before.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any

import cv2
import numpy as np

from inference.imageformat import ImageHeader, check_header, read_header
from inference.types import PredictParams, Region

OVERSAMPLE = 2.0  # the working image keeps twice the model's input resolution (INTER_AREA from it)
REDUCE_BELOW = 0.5  # reduce only when the working scale is at most this (the image is ≥ 2× bigger)
_ROI_KEYS = (("roi_x", 1), ("roi_y", 0), ("roi_width", 1), ("roi_height", 0))  # key, axis (0 = y)
UNCOMPRESSED = ("BMP", "PNM")  # stored re-encoded (like every original before), not as posted
STORED_JPEG_QUALITY = 95  # storage.images.ImageStore's default
EXTENSIONS = {"PNG": "png", "JPEG": "jpg", "BMP": "bmp", "TIFF": "tif", "WEBP": "webp", "PNM": "pnm"}


@dataclass(frozen=True)
class Geometry:
    """How a working image maps onto the original: ``(h, w)`` of each."""

    working: tuple[int, int]
    original: tuple[int, int]

    @classmethod
    def between(cls, working: tuple[int, int], original: tuple[int, int] | None) -> Geometry | None:
        if original is None or tuple(original) == tuple(working):
            return None
        return cls((int(working[0]), int(working[1])), (int(original[0]), int(original[1])))

    @property
    def sx(self) -> float:
        return self.original[1] / self.working[1]

    @property
    def sy(self) -> float:
        return self.original[0] / self.working[0]

    def cfg(self, cfg: dict[str, Any]) -> dict[str, Any]:
        """The model config with its region of interest in working pixels."""
        if int(cfg.get("roi_width", 0)) <= 0 or int(cfg.get("roi_height", 0)) <= 0:
            return cfg
        scaled = dict(cfg)
        for key, axis in _ROI_KEYS:
            s = self.sy if axis == 0 else self.sx
            scaled[key] = int(round(int(cfg.get(key, 0)) / s))
        return scaled

    def params(self, params: PredictParams) -> PredictParams:
        """Area and border band are original pixels: the same limits in working pixels."""
        area = params.min_detected_area
        band = params.ignore_outer
        if area <= 0 and band <= 0:
            return params
        return replace(params,
                       min_detected_area=math.ceil(area / (self.sx * self.sy)) if area > 0 else area,
                       ignore_outer=max(1, round(band / ((self.sx + self.sy) / 2))) if band > 0 else band)

    def region(self, r: Region) -> Region:
        """A region found on the working map, in original pixels (its box covers the working pixels)."""
        h, w = self.original
        x0, y0 = math.floor(r.x * self.sx), math.floor(r.y * self.sy)
        x1 = min(w, math.ceil((r.x + r.width) * self.sx))
        y1 = min(h, math.ceil((r.y + r.height) * self.sy))
        return replace(r, x=x0, y=y0, width=max(1, x1 - x0), height=max(1, y1 - y0),
                       area=int(round(r.area * self.sx * self.sy)))


@dataclass(frozen=True, eq=False)
class SourceImage:
    """The image as it was posted, when the array judged is a reduced working copy of it."""

    shape: tuple[int, int]  # (height, width) of the original
    data: bytes  # the encoded bytes as posted: what the history stores
    format: str  # PNG, JPEG, BMP, TIFF, WEBP or PNM

    @property
    def extension(self) -> str:
        return EXTENSIONS.get(self.format, self.format.lower())


@dataclass(frozen=True, eq=False)
class Decoded:
    """A decoded working image and, when it was reduced, what it was reduced from."""

    image: np.ndarray
    source: SourceImage | None = None


def working_scale(original: tuple[int, int], cfg: dict[str, Any] | None, min_side: int) -> float:
    """The scale (≤ 1) at which the model and the views still get all they use; 1 = keep as is."""
    if not cfg or min_side <= 0 or "input_size" not in cfg:
        return 1.0
    from inference.features import input_shape_for, roi_box  # torch: only loaded with a real model

    h, w = int(original[0]), int(original[1])
    roi = roi_box((h, w), cfg)
    rh, rw = (roi[3], roi[2]) if roi is not None else (h, w)
    ih, iw = input_shape_for((rh, rw), cfg)
    need = OVERSAMPLE * max(ih / rh, iw / rw)
    floor = min_side / max(h, w)
    return min(1.0, max(need, floor))


def working_shape(original: tuple[int, int], scale: float) -> tuple[int, int]:
    return max(1, round(original[0] * scale)), max(1, round(original[1] * scale))


@dataclass(frozen=True)
class DecodePlan:
    """What decoding will cost and produce, known from the header before any pixel is decoded."""

    header: ImageHeader
    scale: float  # 1.0: decoded as is
    jpeg_factor: int  # libjpeg DCT scaling denominator (1 = none)
    lossless_factor: int = 1  # PNG/TIFF read through OpenCV's IMREAD_REDUCED_* (1 = none)

    @property
    def reduced(self) -> bool:
        return self.scale < 1.0

    @property
    def working(self) -> tuple[int, int]:
        return working_shape((self.header.height, self.header.width), self.scale)

    @property
    def peak_bytes(self) -> int:
        """An upper estimate of the memory the decode needs at its peak (the budget's reservation)."""
        if not self.reduced:
            return self.header.decoded_bytes
        per_px = max(1, self.header.decoded_bytes // max(1, 2 * self.header.pixels))
        h, w = self.working
        if self.jpeg_factor > 1:
            f = self.jpeg_factor
            scaled = math.ceil(self.header.width / f) * math.ceil(self.header.height / f)
            return (scaled + h * w) * per_px * 2
        frame = self.header.pixels * per_px
        if self.lossless_factor > 1:  # measured below one frame; reserved as one plus the reduced one
            return frame + frame // self.lossless_factor ** 2 + h * w * per_px * 2
        full = 2 * frame  # a full decode peaks near two frames (measured: +283 MiB for a 7000² RGB PNG)
        if self.header.format in UNCOMPRESSED:
            full += frame // 2  # and its JPEG for the history, made from it
        return full + h * w * per_px * 2


def plan_decode(data: bytes, *, cfg: dict[str, Any] | None, min_side: int, max_pixels: int) -> DecodePlan:
    """Header checks (format allow-list, pixel limit) and the working size for ``cfg``'s model."""
    header = read_header(data)
    check_header(header, max_pixels)
    scale = working_scale((header.height, header.width), cfg, min_side)
    if scale > REDUCE_BELOW:
        return DecodePlan(header, 1.0, 1)
    factor = 1
    if header.format == "JPEG":
        for f in (8, 4, 2):
            if 1.0 / f >= scale:
                factor = f
                break
    # PNG/TIFF: halved inside the decode, then INTER_AREA; only /2, where OpenCV's linear
    # resize is an exact 2×2 mean (at /4 it would skip pixels)
    lossless = LOSSLESS_FACTOR if _eight_bit_lossless(data, header) else 1
    return DecodePlan(header, scale, factor, lossless)


LOSSLESS_FACTOR = 2


def _eight_bit_lossless(data: bytes, header: ImageHeader) -> bool:
    """A PNG or TIFF that OpenCV's reduced read returns unchanged in kind: 8-bit grey or RGB
    without alpha (its IMREAD_REDUCED_* flags convert anything else to 8-bit BGR)."""
    if header.format == "PNG":  # IHDR: bit depth at byte 24, colour type at 25 (0 grey, 2 RGB)
        return len(data) > 26 and data[24] == 8 and data[25] in (0, 2)
    if header.format == "TIFF" and header.mode in ("L", "RGB"):
        import io

        from PIL import Image

        try:
            with Image.open(io.BytesIO(data)) as im:
                bits = im.tag_v2.get(258)  # BitsPerSample
        except Exception:  # noqa: BLE001 - unreadable tags: decode as is
            return False
        values = bits if isinstance(bits, tuple) else (bits,)
        return bool(values) and all(v == 8 for v in values)
    return False


def decode_planned(data: bytes, plan: DecodePlan, max_pixels: int) -> Decoded:
    """Decode by the plan: as is, or at the working size with the posted bytes kept."""
    from inference.imageio import decode_image

    if not plan.reduced:
        return Decoded(decode_image(data, max_pixels=max_pixels))
    h, w = plan.working
    original = (plan.header.height, plan.header.width)
    source = SourceImage(original, data, plan.header.format)
    image = _jpeg_scaled(data, plan) if plan.jpeg_factor > 1 else None
    if image is None and plan.lossless_factor > 1:
        image = _reduced_read(data, plan.lossless_factor, plan.header.mode == "L")
        if image is not None:
            from inference.runtime import release_free_memory

            release_free_memory()  # the full frame inside the decode: its pages go back now
    if image is None:  # no scaling for this format (or the decoder refused it): decode, shrink, drop
        full = decode_image(data, max_pixels=max_pixels)
        image = cv2.resize(full, (w, h), interpolation=cv2.INTER_AREA)
        if plan.header.format in UNCOMPRESSED:  # a 190 MB BMP is stored compressed, as before
            source = _compressed_source(full, original, source)
        del full
        from inference.runtime import release_free_memory

        release_free_memory()  # the full frame's pages go back to the OS now, not at the next peak
    elif image.shape[:2] != (h, w):
        image = cv2.resize(image, (w, h), interpolation=cv2.INTER_AREA)
    return Decoded(np.ascontiguousarray(image), source)


def _compressed_source(full: np.ndarray, original: tuple[int, int], posted: SourceImage) -> SourceImage:
    """The full frame of an uncompressed upload as the history stores originals: JPEG (quality 95,
    the image store's own) for 8-bit images (alpha dropped), lossless PNG for 16-bit (else the
    posted bytes)."""
    if full.dtype == np.uint8:
        from inference.imageio import to_bgr

        pixels = full if full.ndim == 2 or full.shape[2] in (1, 3) else to_bgr(full)  # alpha dropped
        ok, buf = cv2.imencode(".jpg", pixels, [cv2.IMWRITE_JPEG_QUALITY, STORED_JPEG_QUALITY])
        del pixels
        if ok:
            return SourceImage(original, buf.tobytes(), "JPEG")
    ok, buf = cv2.imencode(".png", full, [cv2.IMWRITE_PNG_COMPRESSION, 1])
    return SourceImage(original, buf.tobytes(), "PNG") if ok else posted


def _jpeg_scaled(data: bytes, plan: DecodePlan) -> np.ndarray | None:
    return _reduced_read(data, plan.jpeg_factor, plan.header.mode == "L")


def _reduced_read(data: bytes, factor: int, grey: bool) -> np.ndarray | None:
    """OpenCV's reduced read: libjpeg's DCT scaling for JPEG; PNG and TIFF reduced as they are read
    (OpenCV 5: the full frame is never held, measured by peak RSS)."""
    base = {2: (cv2.IMREAD_REDUCED_GRAYSCALE_2, cv2.IMREAD_REDUCED_COLOR_2),
            4: (cv2.IMREAD_REDUCED_GRAYSCALE_4, cv2.IMREAD_REDUCED_COLOR_4),
            8: (cv2.IMREAD_REDUCED_GRAYSCALE_8, cv2.IMREAD_REDUCED_COLOR_8)}[factor][0 if grey else 1]
    # the full-size path (IMREAD_UNCHANGED) ignores EXIF orientation: so must this one
    image = cv2.imdecode(np.frombuffer(data, np.uint8), base | cv2.IMREAD_IGNORE_ORIENTATION)
    if image is None or image.size == 0:
        return None
    return image


def retained_bytes(image: np.ndarray) -> int:
    """What a working image costs while it is judged: itself and a copy, its float32 anomaly map
    and the labels of its regions (4 bytes/px each)."""
    h, w = int(image.shape[0]), int(image.shape[1])
    return int(image.nbytes) * 2 + h * w * 8


VERIFY_JPEG_FACTOR = 8  # a JPEG is checked at 1/8: libjpeg still reads every coded segment


def verify_plan(data: bytes, max_pixels: int) -> DecodePlan:
    """Header checks (allow-list, pixel limit) for bytes that are only checked, not judged (a
    training-set upload): a JPEG is decoded at 1/8, any other format as is and dropped."""
    header = read_header(data)
    check_header(header, max_pixels)
    f = VERIFY_JPEG_FACTOR
    if min(header.width, header.height) >= 2 * f:
        if header.format == "JPEG":
            return DecodePlan(header, 1.0 / f, f)
        if _eight_bit_lossless(data, header):  # reduced as it is read: no full frame
            return DecodePlan(header, 1.0 / f, 1, f)
    return DecodePlan(header, 1.0, 1)


def verify_decodable(data: bytes, plan: DecodePlan) -> None:
    """That the bytes decode (``ImageDecodeError`` otherwise), at the least memory the format allows."""
    from inference.errors import ImageDecodeError
    from inference.imageio import decode_image

    factor = max(plan.jpeg_factor, plan.lossless_factor)
    if factor > 1:
        ok = _reduced_read(data, factor, plan.header.mode == "L") is not None
        _release_if_big(plan)
        if not ok:
            raise ImageDecodeError(f"not a readable image (damaged {plan.header.format} data)")
        return
    decode_image(data, max_pixels=0)  # the plan checked the pixel limit already
    _release_if_big(plan)


def _release_if_big(plan: DecodePlan) -> None:
    if plan.header.decoded_bytes >= 64 << 20:
        from inference.runtime import release_free_memory

        release_free_memory()


def decode_for_model(data: bytes, *, cfg: dict[str, Any] | None, min_side: int,
                     max_pixels: int) -> Decoded:
    """:func:`plan_decode` then :func:`decode_planned`: the engine-side entry for encoded bytes."""
    return decode_planned(data, plan_decode(data, cfg=cfg, min_side=min_side, max_pixels=max_pixels),
                          max_pixels)


__all__ = ["Decoded", "DecodePlan", "Geometry", "SourceImage", "decode_for_model", "decode_planned",
           "plan_decode", "retained_bytes", "verify_decodable", "verify_plan", "working_scale"]
