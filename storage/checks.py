"""Argument checks shared by queries and records: whole numbers in a range, finite numbers.

Each raises the caller's error type (``InvalidQuery`` for a search, ``InvalidRecord`` for a row)
with a sentence naming the argument, so an HTTP caller gets a 400 it can act on.
"""

from __future__ import annotations

import math
from typing import Any


def whole_number(value: Any, what: str, lo: int, hi: int, error: type[Exception]) -> int:
    """``int(value)`` when it is a whole number in ``[lo, hi]``, else ``error``."""
    try:
        number = int(value)
    except (TypeError, ValueError) as exc:
        raise error(f"{what} must be a whole number, got {value!r}") from exc
    if not lo <= number <= hi:
        raise error(f"{what} must be between {lo} and {hi}, got {number}")
    return number


def finite_number(value: Any, what: str, error: type[Exception]) -> float:
    """``float(value)`` when it is a finite number, else ``error``."""
    try:
        number = float(value)
    except (TypeError, ValueError) as exc:
        raise error(f"{what} must be a number, got {value!r}") from exc
    if not math.isfinite(number):
        raise error(f"{what} must be a finite number, got {value!r}")
    return number
