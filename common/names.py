"""File names made from what users and line PLCs type: safe on every OS, never hidden, never empty."""

from __future__ import annotations

import re

_UNSAFE = re.compile(r"[^\w.-]+", re.UNICODE)


def safe_stem(text: str, *, limit: int = 80, fallback: str = "file") -> str:
    """Letters (any script), digits and ``-_.``; other runs become ``_``; no leading/trailing dots."""
    return _UNSAFE.sub("_", str(text).strip()).strip("._")[:limit] or fallback


__all__ = ["safe_stem"]
