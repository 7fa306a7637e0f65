"""Shared-memory frames: read the client's block, never own, unlink or leak it."""

from __future__ import annotations

import subprocess
import sys
from multiprocessing import shared_memory

import numpy as np
import pytest

from api.errors import ApiError
from api.shm import read_frame


@pytest.fixture
def block():
    blocks = []

    def make(array: np.ndarray) -> shared_memory.SharedMemory:
        shm = shared_memory.SharedMemory(create=True, size=array.nbytes)  # named like the SDK's
        np.ndarray(array.shape, array.dtype, buffer=shm.buf)[:] = array
        blocks.append(shm)
        return shm

    yield make
    for shm in blocks:
        shm.close()
        shm.unlink()


def test_reads_bgr_and_grey(block):
    rng = np.random.default_rng(1)
    bgr = rng.integers(0, 256, (30, 40, 3), dtype=np.uint8)
    shm = block(bgr)
    out = read_frame(shm.name, 40, 30)
    assert np.array_equal(out, bgr)
    bgr[0, 0] = 7  # the copy is ours: the client may overwrite its block for the next frame
    np.ndarray(bgr.shape, np.uint8, buffer=shm.buf)[:] = 0
    assert out.any()
    grey = bgr[..., 1].copy()
    assert np.array_equal(read_frame(block(grey).name, 40, 30), grey)


def test_block_stays_usable_for_the_client(block):
    shm = block(np.ones((8, 8, 3), np.uint8))
    read_frame(shm.name, 8, 8)
    again = shared_memory.SharedMemory(name=shm.name)  # still there: we did not unlink it
    again.close()


def test_errors(block):
    shm = block(np.ones((8, 8, 3), np.uint8))
    cases = [("psm_0badf00d", 8, 8, 404), ("psm_does_not_exist_42", 8, 8, 400), ("..", 8, 8, 400),
             ("qcs_private_block", 8, 8, 400), ("psm_0BADF00D", 8, 8, 400), (shm.name, 80, 80, 400), ("../../etc/passwd", 8, 8, 400),
             (None, 8, 8, 400), (shm.name, 100_000, 100_000, 413)]
    for name, w, h, status in cases:
        with pytest.raises(ApiError) as err:
            read_frame(name, w, h, max_pixels=50_000_000)
        assert err.value.status == status, (name, w, h)


def test_no_resource_tracker_warning_and_block_survives():
    """A reader process must not leave a tracker warning or unlink the creator's block at exit."""
    creator = shared_memory.SharedMemory(create=True, size=12)
    try:
        code = ("from api.shm import read_frame\n"
                f"print(read_frame({creator.name!r}, 2, 2).shape)\n")
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                              cwd=str(__import__("pathlib").Path(__file__).resolve().parents[2]))
        assert proc.returncode == 0, proc.stderr
        assert "(2, 2, 3)" in proc.stdout
        assert "resource_tracker" not in proc.stderr and "leaked" not in proc.stderr
        shared_memory.SharedMemory(name=creator.name).close()  # still exists
    finally:
        creator.close()
        creator.unlink()
