"""Issue 12 item 1: only allow-listed formats are decoded, and only after their header is sized."""

from __future__ import annotations

import time

import cv2
import numpy as np
import pytest

from inference.errors import ImageDecodeError
from inference.imageformat import UnsupportedImageFormat, read_header
from inference.imageio import decode_image
from tests.api.conftest import make_settings, serving
from tests.api.fakes import BrightSpotModel


def _hdr_bomb(side: int = 7000) -> bytes:
    """A Radiance HDR header declaring side² pixels with almost no data (OpenCV decodes it)."""
    return b"#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n" + f"-Y {side} +X {side}\n".encode() + bytes(64)


def _encoded(ext: str, image: np.ndarray) -> bytes:
    ok, buf = cv2.imencode(ext, image)
    assert ok
    return buf.tobytes()


def test_hdr_is_refused_before_decoding():
    t0 = time.monotonic()
    with pytest.raises(UnsupportedImageFormat):
        decode_image(_hdr_bomb())
    assert time.monotonic() - t0 < 1.0
    small = _encoded(".hdr", np.ones((16, 16, 3), np.float32))
    with pytest.raises(UnsupportedImageFormat):
        decode_image(small)


@pytest.mark.parametrize("ext", [".png", ".jpg", ".bmp", ".tif", ".webp", ".pgm", ".ppm"])
def test_allowed_formats_are_sized_from_the_header(ext):
    image = np.full((24, 40, 3), 100, np.uint8)
    if ext == ".pgm":
        image = image[:, :, 0]
    data = _encoded(ext, image)
    header = read_header(data)
    assert (header.width, header.height) == (40, 24)
    assert decode_image(data).shape[:2] == (24, 40)


def test_declared_size_over_the_limit_is_refused_without_decoding():
    png = _encoded(".png", np.zeros((64, 64), np.uint8))
    with pytest.raises(ImageDecodeError, match="too large"):
        decode_image(png, max_pixels=64 * 63)


def test_http_answers_415_for_other_formats(tmp_path):
    settings = make_settings(tmp_path, **{"storage.save_images": "none"})
    with serving(settings, BrightSpotModel()) as (station, _server, client):
        t0 = time.monotonic()
        r = client.post("/analyze_image", content=_hdr_bomb())
        assert r.status_code == 415 and r.json()["error"] == "unsupported_media_type"
        assert time.monotonic() - t0 < 2.0
        files = [("images", ("bomb.hdr", _hdr_bomb(), "application/octet-stream"))]
        entry = client.post("/api/detect", files=files).json()[0]
        assert entry["status"] == 415
        assert station.database.count() == 0
