"""Read the part's printed serial (QR code, DataMatrix or 1-D barcode) from the inspected image.

zxing-cpp (a PyPI wheel, no system library) reads QR, DataMatrix and the retail/industrial 1-D
codes in one pass and was measured faster and more robust than OpenCV's own detectors (see
docs/benchmarks.md); OpenCV's ``QRCodeDetector`` + ``barcode.BarcodeDetector`` (no DataMatrix)
are the fallback when the wheel is missing. Large frames are read at a bounded size first (codes
on a part are big enough for that) and at full size only when nothing was found.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from types import ModuleType

import cv2
import numpy as np

log = logging.getLogger(__name__)

zxingcpp: ModuleType | None  # a module variable, so a benchmark can switch it off
try:  # optional dependency: the station still runs (QR + 1-D via OpenCV) without it
    import zxingcpp as _zxingcpp

    zxingcpp = _zxingcpp
except ImportError:  # pragma: no cover - exercised only where the wheel is absent
    zxingcpp = None

FAST_SIDE = 1024  # long side the frame is read at (px): ~7 ms at 1280×1024 instead of ~20 ms
# The codes a part carries; fewer formats is the main speed lever (8 ms → 4.6 ms at 800 px).
FORMATS = "QRCode,MicroQRCode,DataMatrix,EAN13,EAN8,UPCA,UPCE,Code128,Code39,ITF"

_KINDS = {
    "QRCode": "qr", "MicroQRCode": "qr", "RMQRCode": "qr", "DataMatrix": "datamatrix",
    "EAN13": "ean13", "EAN8": "ean8", "UPCA": "upca", "UPCE": "upce", "Code128": "code128",
    "Code39": "code39", "Code93": "code93", "ITF": "itf", "Codabar": "codabar", "PDF417": "pdf417",
    "Aztec": "aztec",
}


@dataclass(frozen=True)
class Identifier:
    text: str
    kind: str  # "qr", "datamatrix", "ean13", "code128", ...
    box: tuple[int, int, int, int]  # x, y, w, h in pixels of the analysed image

    def to_dict(self) -> dict[str, object]:
        return {"identifier": self.text, "identifier_type": self.kind, "box": list(self.box)}


def backend() -> str:
    return "zxing-cpp" if zxingcpp is not None else "opencv"


def _grey(image: np.ndarray) -> np.ndarray:
    if image.dtype != np.uint8:
        image = (image >> 8).astype(np.uint8) if image.dtype == np.uint16 else image.astype(np.uint8)
    if image.ndim == 3:
        if image.shape[2] == 1:
            return np.ascontiguousarray(image[:, :, 0])
        code = cv2.COLOR_BGRA2GRAY if image.shape[2] == 4 else cv2.COLOR_BGR2GRAY
        return cv2.cvtColor(image, code)
    return np.ascontiguousarray(image)


def read_identifier(image: np.ndarray, *, fast_side: int = FAST_SIDE, thorough: bool = False,
                    ) -> Identifier | None:
    """The largest code found, or None. Never raises on odd images.

    The fast path reads a copy at ``fast_side`` px; ``thorough`` retries at full size when that
    found nothing (tiny codes on large frames), at about 3× the cost.
    """
    try:
        grey = _grey(image)
        h, w = grey.shape
        scale = min(1.0, fast_side / max(h, w)) if fast_side else 1.0
        small = cv2.resize(grey, (round(w * scale), round(h * scale)), interpolation=_interpolation(scale)) \
            if scale < 1.0 else grey
        found = _read(small, 1.0 / scale)
        if found is None and thorough and scale < 1.0:
            found = _read(grey, 1.0)
        return found
    except Exception:  # noqa: BLE001 - a decoder hiccup must never cost the inspection
        log.exception("identifier reading failed")
        return None


def _interpolation(scale: float) -> int:
    """Bilinear down to half size, area averaging below (bilinear would alias there).

    OpenCV's area resize at a non-integer factor (1280 -> 1024) cost 6.8 ms of the 13 ms read;
    bilinear costs 1.1 ms and read as many codes or more (QR, DataMatrix, EAN-13, modules of
    2-4 px, 0-90°, blur 0-1.5: 126 vs 122 of 216 at 1280×1024, 82 vs 72 at 1920×1080).
    """
    return cv2.INTER_LINEAR if scale >= 0.5 else cv2.INTER_AREA


def _read(grey: np.ndarray, back: float) -> Identifier | None:
    return _read_zxing(grey, back) if zxingcpp is not None else _read_opencv(grey, back)


def _box(points: Sequence[tuple[float, float]], back: float) -> tuple[int, int, int, int]:
    xs = [p[0] * back for p in points]
    ys = [p[1] * back for p in points]
    return int(min(xs)), int(min(ys)), int(max(xs) - min(xs)) + 1, int(max(ys) - min(ys)) + 1


_zx_formats: object | None = None


def _formats(zx: ModuleType) -> object:
    global _zx_formats
    if _zx_formats is None:
        _zx_formats = zx.barcode_formats_from_str(FORMATS)
    return _zx_formats


def _read_zxing(grey: np.ndarray, back: float) -> Identifier | None:
    best: Identifier | None = None
    best_area = -1
    zx = zxingcpp
    if zx is None:  # switched off since the caller looked
        return None
    for code in zx.read_barcodes(grey, formats=_formats(zx), try_downscale=False, try_invert=False):
        if not code.valid or not code.text:
            continue
        pos = code.position
        pts = [(p.x, p.y) for p in (pos.top_left, pos.top_right, pos.bottom_right, pos.bottom_left)]
        box = _box(pts, back)
        area = box[2] * box[3]
        if area > best_area:
            kind = _KINDS.get(code.format.name, code.format.name.lower())
            best, best_area = Identifier(code.text, kind, box), area
    return best


_qr = None
_bar = None


def _read_opencv(grey: np.ndarray, back: float) -> Identifier | None:
    global _qr, _bar
    if _qr is None:
        _qr = cv2.QRCodeDetector()
        _bar = cv2.barcode.BarcodeDetector() if hasattr(cv2, "barcode") else None
    text, points, _ = _qr.detectAndDecode(grey)
    if text:
        return Identifier(text, "qr", _box([tuple(p) for p in points.reshape(-1, 2)], back))
    if _bar is not None:
        ok, infos, kinds, points = _bar.detectAndDecodeWithType(grey)
        if ok:
            for info, kind, pts in zip(infos, kinds, points, strict=False):
                if info:
                    name = str(kind).replace("_", "").replace("-", "").upper()
                    return Identifier(info, _KINDS.get({"EAN13": "EAN13"}.get(name, name), name.lower()),
                                      _box([tuple(p) for p in pts.reshape(-1, 2)], back))
    return None
