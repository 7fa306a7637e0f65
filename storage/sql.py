"""WHERE clauses from optional terms: SQL text from fixed fragments, every value a bound parameter.

Many queries filter on bounds that may be absent (a period open at one end, an optional label);
these helpers keep the terms whose value is given, so each query states its terms once.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def optional_terms(pairs: Iterable[tuple[str, Any]]) -> tuple[list[str], list[Any]]:
    """``(terms, params)`` of the ``(sql, value)`` pairs whose value is not None (one ``?`` each)."""
    kept = [(sql, value) for sql, value in pairs if value is not None]
    return [sql for sql, _v in kept], [value for _s, value in kept]


def range_terms(column: str, lo: Any, hi: Any) -> tuple[list[str], list[Any]]:
    """``column >= lo`` and ``column < hi`` (half-open; a None bound is left out)."""
    return optional_terms([(f"{column} >= ?", lo), (f"{column} < ?", hi)])


def where_clause(terms: list[str]) -> str:
    """`` WHERE t1 AND t2 …``, or "" without terms."""
    return (" WHERE " + " AND ".join(terms)) if terms else ""
