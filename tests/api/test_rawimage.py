"""Raw frames: BGR, grey, BGRA, Bayer RG8 (checked on a synthetic mosaic), and length errors."""

from __future__ import annotations

import numpy as np
import pytest

from api.errors import ApiError
from api.rawimage import decode_raw


def mosaic_rggb(bgr: np.ndarray) -> np.ndarray:
    """What a GenICam BayerRG8 sensor reads: row 0 = R G R G…, row 1 = G B G B…."""
    h, w = bgr.shape[:2]
    m = np.zeros((h, w), np.uint8)
    m[0::2, 0::2] = bgr[0::2, 0::2, 2]
    m[0::2, 1::2] = bgr[0::2, 1::2, 1]
    m[1::2, 0::2] = bgr[1::2, 0::2, 1]
    m[1::2, 1::2] = bgr[1::2, 1::2, 0]
    return m


def test_bayer_rg8_demosaics_to_the_right_colours():
    scene = np.zeros((16, 20, 3), np.uint8)
    scene[...] = (30, 100, 200)  # BGR: a red-orange part
    out = decode_raw(mosaic_rggb(scene).tobytes(), 20, 16, bayer=True)
    assert out.shape == (16, 20, 3)
    inner = out[4:-4, 4:-4].reshape(-1, 3)
    # R and B must not be swapped (OpenCV's "RG" code would swap them for this sensor layout)
    assert np.abs(inner.astype(int) - (30, 100, 200)).max() <= 2


def test_bayer_length_must_be_one_byte_per_pixel():
    with pytest.raises(ApiError) as err:
        decode_raw(bytes(20 * 16 * 3), 20, 16, bayer=True)
    assert err.value.status == 400 and "Bayer" in err.value.reason


def test_bgr_grey_and_bgra_from_length():
    rng = np.random.default_rng(0)
    bgr = rng.integers(0, 256, (7, 9, 3), dtype=np.uint8)
    assert np.array_equal(decode_raw(bgr.tobytes(), 9, 7), bgr)
    grey = bgr[..., 0].copy()
    assert np.array_equal(decode_raw(grey.tobytes(), 9, 7), grey)
    bgra = np.dstack([bgr, np.full((7, 9), 255, np.uint8)])
    assert np.array_equal(decode_raw(bgra.tobytes(), 9, 7), bgr)
    assert decode_raw(bgr.tobytes(), 9, 7).flags.writeable


@pytest.mark.parametrize("body, status", [(b"", 400), (bytes(10), 400), (bytes(9 * 7 * 2), 400)])
def test_wrong_length_is_400(body, status):
    with pytest.raises(ApiError) as err:
        decode_raw(body, 9, 7)
    assert err.value.status == status
    assert err.value.reason


def test_pixel_limit_is_413():
    with pytest.raises(ApiError) as err:
        decode_raw(bytes(100), 10_000, 10_000, max_pixels=1_000_000)
    assert err.value.status == 413
