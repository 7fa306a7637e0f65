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


def current_umask() -> int:
    """The process umask, read without changing it where the OS says (Linux), else set and restored."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def user_file_mode() -> int:
    """The mode a plain ``open(path, "w")`` would give: 0o666 less the umask (mkstemp gives 0o600)."""
    return 0o666 & ~current_umask()


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str], *, suffix: str = ".tmp", shared: bool = False) -> Iterator[Path]:
    """Yield a temp path beside ``path``; on a clean exit it replaces ``path``, on any error it is removed.

    ``shared``: the file gets the user's umask mode (exports others open), not mkstemp's private
    0o600 (kept for settings, which hold the API key).
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=target.parent)
    if shared:
        os.fchmod(fd, user_file_mode())
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
                 newline: str | None = None, suffix: str = ".tmp", shared: bool = False) -> Iterator[IO[Any]]:
    """Open a temp file for writing; it is flushed to disk and renamed to ``path`` when the block ends."""
    binary = "b" in mode
    with atomic_path(path, suffix=suffix, shared=shared) as tmp, \
            open(tmp, mode, encoding=None if binary else encoding, newline=None if binary else newline) as fh:
        yield fh
        fh.flush()
        os.fsync(fh.fileno())


__all__ = ["atomic_path", "atomic_write", "current_umask", "user_file_mode"]
