"""Process-level tuning that must happen before torch allocates anything."""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import sys

log = logging.getLogger(__name__)

_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3


def tune_malloc() -> bool:
    """Keep glibc from returning big temporaries to the OS after every batch.

    Measured on the reference 2-core machine: batch inference is ~2x slower with glibc's
    default thresholds (page faults on each large temporary). No-op off glibc.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        ok = libc.mallopt(_M_MMAP_THRESHOLD, 2**31 - 1) and libc.mallopt(_M_TRIM_THRESHOLD, 2**31 - 1)
        return bool(ok)
    except (OSError, AttributeError):  # musl or no libc found
        log.debug("mallopt unavailable; malloc left as is")
        return False


def release_free_memory() -> bool:
    """Give freed heap pages back to the OS (glibc ``malloc_trim``) after a big transient.

    ``tune_malloc`` keeps glibc from trimming on its own (the speed win above), so one full-size
    decode of a huge image would otherwise stay in the RSS for good. Cheap (a walk of the free
    lists, ~1 ms); called only after such a decode. No-op off glibc.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return bool(libc.malloc_trim(0))
    except (OSError, AttributeError):
        return False


def configure_threads(threads: int = 0) -> int:
    """Torch intra-op threads: the given number, else the machine's cores."""
    import torch

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    n = threads or cores
    torch.set_num_threads(max(1, n))
    return torch.get_num_threads()
