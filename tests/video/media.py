"""Test media made from the shared real images: videos with NG parts at known times, codes on parts."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np


def write_video(path: Path, images: list[np.ndarray], *, fps: float, hold_s: float = 1.0,
                fourcc: str = "png ") -> Path:
    """Each image shown for ``hold_s`` seconds at ``fps`` (a part passing the camera).

    Lossless by default (PNG-in-AVI; FFV1 for .mkv): MJPG's artefacts alone lift this model's OK
    bottle scores from ~0.9 to ~1.35 of the threshold, which would make the "known" verdicts false.
    """
    h, w = images[0].shape[:2]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*fourcc), fps, (w, h))
    assert writer.isOpened(), f"cannot write {fourcc} here"
    per = max(1, int(round(fps * hold_s)))
    for img in images:
        frame = img if img.ndim == 3 else cv2.cvtColor(img, cv2.COLOR_GRAY2BGR)
        for _ in range(per):
            writer.write(frame)
    writer.release()
    return path


def count_frames(path: Path) -> int:
    cap = cv2.VideoCapture(str(path))
    n = 0
    while cap.grab():
        n += 1
    cap.release()
    return n


def code_image(text: str, kind: str, module: int = 5) -> np.ndarray:
    """A black-on-white QR / DataMatrix / EAN-13 symbol with its quiet zone (grey uint8)."""
    import zxingcpp

    fmt = {"qr": zxingcpp.BarcodeFormat.QRCode, "datamatrix": zxingcpp.BarcodeFormat.DataMatrix,
           "ean13": zxingcpp.BarcodeFormat.EAN13}[kind]
    img = np.array(zxingcpp.create_barcode(text, fmt).to_image(scale=module, add_quiet_zones=True))
    if img.ndim == 3:
        img = cv2.cvtColor(img, cv2.COLOR_RGB2GRAY)
    return cv2.copyMakeBorder(img, 12, 12, 12, 12, cv2.BORDER_CONSTANT, value=255)


def paste_code(part: np.ndarray, code: np.ndarray, *, at: tuple[int, int], angle: float = 0.0,
               blur_sigma: float = 0.0) -> np.ndarray:
    """``code`` rotated by ``angle`` degrees pasted on the part at ``at`` (x, y), then blurred."""
    h, w = code.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    cos, sin = abs(m[0, 0]), abs(m[0, 1])
    nw, nh = int(h * sin + w * cos) + 2, int(h * cos + w * sin) + 2
    m[0, 2] += nw / 2 - w / 2
    m[1, 2] += nh / 2 - h / 2
    rot = cv2.warpAffine(code, m, (nw, nh), borderValue=255)
    out = part.copy() if part.ndim == 3 else cv2.cvtColor(part, cv2.COLOR_GRAY2BGR)
    x, y = at
    out[y:y + nh, x:x + nw] = cv2.cvtColor(rot, cv2.COLOR_GRAY2BGR)
    if blur_sigma > 0:
        out = cv2.GaussianBlur(out, (0, 0), blur_sigma)
    return out
