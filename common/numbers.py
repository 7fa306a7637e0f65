"""Numbers read from stored or foreign data (manifests, record extras, region dicts)."""

from __future__ import annotations

import math
from typing import Any


def finite_or_none(value: Any) -> float | None:
    """``value`` as a float, or None when it is missing, not a number, NaN or infinite: such a value
    is shown blank and written as JSON null (NaN is not valid JSON)."""
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


__all__ = ["finite_or_none"]
