"""Each benchmark owns one section of docs/benchmarks.md, between its own start/end markers.

Rewriting only that section lets the scripts run independently without erasing each other.
"""

from __future__ import annotations

from pathlib import Path


def replace_section(path: Path, start: str, end: str, block: str) -> None:
    """Put ``block`` (which starts with ``start`` and ends with ``end``) in place of the old section."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if start in text and end in text:
        head, rest = text.split(start, 1)
        _, tail = rest.split(end, 1)
        text = head + block + tail
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")
    print(f"updated {path}")
