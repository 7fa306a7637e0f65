"""Atomic file writes: a reader (or a crash) never sees half a file under the real name.

Why one helper: settings, model bundles, CSV exports and copied models all need "write a temp
file beside the target, then rename"; each copy of that dance had its own cleanup rules, and one
of them left temp files behind when the write failed.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str], *, suffix: str = ".tmp") -> Iterator[Path]:
    """Yield a temp path beside ``path``; on a clean exit it replaces ``path``, on any error it is removed."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str], mode: str = "w", *, encoding: str | None = "utf-8",
                 newline: str | None = None, suffix: str = ".tmp") -> Iterator[IO[Any]]:
    """Open a temp file for writing; it is flushed to disk and renamed to ``path`` when the block ends."""
    binary = "b" in mode
    with atomic_path(path, suffix=suffix) as tmp, \
            open(tmp, mode, encoding=None if binary else encoding, newline=None if binary else newline) as fh:
        yield fh
        fh.flush()
        os.fsync(fh.fileno())


__all__ = ["atomic_path", "atomic_write"]
