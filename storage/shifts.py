"""Shift times, parsed in one place: the settings' rules, the statistics' shift buckets and the live
counters' shift boundary all read ``"HH:MM"`` the same way.

A shift runs from its start to the next shift's start; the last one runs past midnight to the
first one's start on the next day and belongs to the day it started on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime, time, timedelta
from typing import Any

_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


class ShiftError(ValueError):
    """A shift list that cannot define shift boundaries (the message says which shift and why)."""


def parse_start(text: str) -> time | None:
    """``"06:00"`` (or ``"6:00"``) → ``time(6, 0)``; anything else → ``None``."""
    match = _HHMM.match(str(text).strip())
    return time(int(match.group(1)), int(match.group(2))) if match else None


def _name_start(item: Any) -> tuple[Any, Any]:
    if isinstance(item, Sequence) and not isinstance(item, str) and len(item) == 2:
        return item[0], item[1]
    if hasattr(item, "name") and hasattr(item, "start"):
        return item.name, item.start
    raise ShiftError(f"a shift is (name, 'HH:MM'), got {item!r}")


def shift_plan(shifts: Iterable[Any] | None) -> list[tuple[str, time]]:
    """``(name, "HH:MM")`` pairs (or objects with ``name`` and ``start``), sorted by start time.

    Raises :class:`ShiftError` for no shifts, a bad time or two shifts starting together.
    """
    parsed: list[tuple[str, time]] = []
    for item in shifts or ():
        name, start = _name_start(item)
        at = parse_start(start)
        if at is None:
            raise ShiftError(f"shift {name!r} start must be HH:MM, got {start!r}")
        parsed.append((str(name), at))
    if not parsed:
        raise ShiftError("shift buckets need at least one shift (name, 'HH:MM')")
    parsed.sort(key=lambda s: s[1])
    starts = [s[1] for s in parsed]
    if len(set(starts)) != len(starts):
        raise ShiftError("two shifts start at the same time")
    return parsed


def current_shift(shifts: Iterable[Any], now: datetime) -> tuple[str, datetime, datetime]:
    """The shift running at ``now``: (name, start, end); without shifts, the calendar day."""
    items = list(shifts or ())
    if not items:
        start = datetime.combine(now.date(), time())
        return "", start, start + timedelta(days=1)
    plan = shift_plan(items)
    starts: list[tuple[str, datetime]] = []
    for day in (now.date() - timedelta(days=1), now.date(), now.date() + timedelta(days=1)):
        starts.extend((name, datetime.combine(day, t)) for name, t in plan)
    for (name, start), (_next, end) in zip(starts, starts[1:], strict=False):
        if start <= now < end:
            return name, start, end
    raise AssertionError("unreachable: three days of shifts cover now")


__all__ = ["ShiftError", "current_shift", "parse_start", "shift_plan"]
