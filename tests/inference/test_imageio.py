"""Every image mode the line may send is accepted; damaged and oversized images are refused clearly."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PIL import Image

from inference.errors import ImageDecodeError
from inference.imageio import decode_image, read_image, to_bgr


def _sample(h=48, w=64) -> np.ndarray:
    y, x = np.mgrid[0:h, 0:w]
    return np.dstack([(x * 4) % 256, (y * 5) % 256, ((x + y) * 3) % 256]).astype(np.uint8)


@pytest.mark.parametrize(
    "name, writer",
    [
        ("grey.png", lambda p, a: cv2.imwrite(str(p), cv2.cvtColor(a, cv2.COLOR_BGR2GRAY))),
        ("rgb.png", lambda p, a: cv2.imwrite(str(p), a)),
        ("rgba.png", lambda p, a: cv2.imwrite(str(p), cv2.cvtColor(a, cv2.COLOR_BGR2BGRA))),
        ("grey16.png", lambda p, a: cv2.imwrite(str(p), cv2.cvtColor(a, cv2.COLOR_BGR2GRAY).astype(np.uint16) * 257)),
        ("rgb16.png", lambda p, a: cv2.imwrite(str(p), a.astype(np.uint16) * 257)),
        ("img.bmp", lambda p, a: cv2.imwrite(str(p), a)),
        ("img.jpg", lambda p, a: cv2.imwrite(str(p), a)),
        ("img.tif", lambda p, a: cv2.imwrite(str(p), a)),
        ("grey16.tif", lambda p, a: cv2.imwrite(str(p), cv2.cvtColor(a, cv2.COLOR_BGR2GRAY).astype(np.uint16) * 257)),
        ("la.png", lambda p, a: Image.fromarray(cv2.cvtColor(a, cv2.COLOR_BGR2GRAY)).convert("LA").save(p)),
        ("palette.png", lambda p, a: Image.fromarray(a[:, :, ::-1]).convert("P").save(p)),
        ("pil_rgb.tiff", lambda p, a: Image.fromarray(a[:, :, ::-1]).save(p, compression="tiff_deflate")),
    ],
)
def test_every_mode_reads_as_bgr_uint8(tmp_path, name, writer):
    a = _sample()
    path = tmp_path / name
    writer(path, a)
    img = to_bgr(read_image(path))
    assert img.dtype == np.uint8 and img.shape == (48, 64, 3)
    if name.startswith(("rgb", "img.bmp", "img.tif", "pil_rgb")):
        assert np.abs(img.astype(int) - a).max() <= 1  # colour order kept (lossless formats)
    assert img.std() > 10  # not a blank image: the pixels were scaled correctly


def test_every_mode_predicts(trained_model, tmp_path):
    a = _sample(96, 96)
    arrays = [
        cv2.cvtColor(a, cv2.COLOR_BGR2GRAY),
        cv2.cvtColor(a, cv2.COLOR_BGR2GRAY)[:, :, None],
        a,
        cv2.cvtColor(a, cv2.COLOR_BGR2BGRA),
        a.astype(np.uint16) * 257,
        a.astype(np.float32) / 255.0,
    ]
    results = trained_model.predict(arrays)
    assert len(results) == len(arrays)
    for r in results:
        assert r.anomaly_map.shape == (96, 96) and r.image_shape == (96, 96)


def test_16bit_scaled_not_clipped():
    img = np.full((4, 4), 40000, dtype=np.uint16)
    assert to_bgr(img)[0, 0, 0] == 40000 >> 8


@pytest.mark.parametrize("data", [b"", b"hello", b"\x89PNG\r\n\x1a\n\x00\x00garbage"])
def test_garbage_is_refused(data):
    with pytest.raises(ImageDecodeError):
        decode_image(data)


def test_max_pixels_checked_before_decoding():
    ok, buf = cv2.imencode(".png", np.zeros((400, 500), np.uint8))
    assert ok
    with pytest.raises(ImageDecodeError, match="too large"):
        decode_image(buf.tobytes(), max_pixels=100_000)
    assert decode_image(buf.tobytes(), max_pixels=200_000).shape == (400, 500)


def test_missing_file_message(tmp_path):
    with pytest.raises(ImageDecodeError, match="not found"):
        read_image(tmp_path / "none.png")


def test_bad_arrays_refused():
    for bad in (np.zeros((0, 5), np.uint8), np.zeros((4, 4, 5), np.uint8), np.zeros(7, np.uint8)):
        with pytest.raises(ImageDecodeError):
            to_bgr(bad)
