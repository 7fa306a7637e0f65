"""Read the client's POSIX shared-memory frame without owning it.

``multiprocessing.shared_memory.SharedMemory(name=...)`` registers the block with Python's
resource tracker (before 3.13), which would unlink the *client's* block when this process
exits and print a "leaked shared_memory" warning. So on POSIX we open it read-only with
``shm_open`` + ``read``, copy the pixels out and close: no tracker, no unlink, no leak.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable

import numpy as np

from api.errors import ApiError, bad_request, not_found
from api.protocol import check_pixels

# Only the names the PEKAT SDK's blocks get: it calls ``SharedMemory(create=True)`` without a name,
# so CPython names the block "psm_" (POSIX) or "wnsm_" (Windows) + 8 random hex digits. Any other
# block this user can read (another program's frames, keys, caches) is refused. Same host only.
_NAME = re.compile(r"^(psm|wnsm)_[0-9a-f]{8}$")


def read_frame(name: str | None, width: int, height: int, *, max_pixels: int = 0) -> np.ndarray:
    """H×W×3 BGR (or H×W grey when the block holds only H×W bytes) copied from block ``name``."""
    check_pixels(width, height, max_pixels)
    if not name:
        raise bad_request("query parameter name (the shared-memory block) is required")
    if not _NAME.fullmatch(name):
        raise bad_request("invalid shared-memory name: expected a block created by the PEKAT client "
                          "(psm_ + 8 hex digits), on this host")
    pixels = width * height

    def layout(size: int) -> tuple[int, ...]:
        if size >= pixels * 3:
            return (height, width, 3)
        if size >= pixels:
            return (height, width)
        raise bad_request(
            f"shared-memory block {name!r} holds {size} bytes; a {width}×{height} frame needs {pixels * 3}"
        )

    return _copy_block(name, layout)


def _copy_block(name: str, layout: Callable[[int], tuple[int, ...]]) -> np.ndarray:
    """Copy the block's first ``prod(layout(size))`` bytes into a new array shaped ``layout(size)``."""
    try:
        import _posixshmem  # CPython on Linux/macOS
    except ImportError:  # Windows: named file mappings are not tracked, the stdlib class is fine
        return _copy_block_stdlib(name, layout)
    try:
        fd = _posixshmem.shm_open("/" + name, os.O_RDONLY, mode=0o600)
    except FileNotFoundError:
        raise not_found(f"no shared-memory block named {name!r} on this host") from None
    except PermissionError:
        raise ApiError(403, "forbidden", f"shared-memory block {name!r} is not readable by the station") from None
    try:
        size = os.fstat(fd).st_size  # the size the client asked for (mmap rounds up to pages)
        shape = layout(size)  # raises before anything is mapped
        out = np.empty(shape, dtype=np.uint8)
        with out.data.cast("B") as dst:
            done = 0
            while done < dst.nbytes:  # a shm read normally returns everything at once
                n = os.readv(fd, [dst[done:]])
                if n <= 0:
                    raise bad_request(f"shared-memory block {name!r} ended early")
                done += n
        return out
    finally:
        os.close(fd)


def _copy_block_stdlib(name: str, layout: Callable[[int], tuple[int, ...]]) -> np.ndarray:
    from multiprocessing import shared_memory

    try:
        block = shared_memory.SharedMemory(name=name)
    except FileNotFoundError:
        raise not_found(f"no shared-memory block named {name!r} on this host") from None
    try:
        shape = layout(block.size)
        out = np.empty(shape, dtype=np.uint8)
        with out.data.cast("B") as dst:
            if block.buf is None:
                raise ApiError(400, "bad_request", "the shared-memory block is closed")
            dst[:] = block.buf[: dst.nbytes]
        return out
    finally:
        block.close()
