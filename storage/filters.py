"""Search filters: validated once, turned into a WHERE clause with bound parameters only.

No value is ever formatted into SQL text: the clause is built from fixed fragments and every value
travels as a ``?`` parameter. LIKE wildcards in the name are escaped, and the FTS5 query is one
quoted phrase, so ``%'; DROP TABLE --`` is just a name nobody has.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from storage.checks import finite_number, whole_number
from storage.errors import InvalidQuery
from storage.query_schema import SCORE_BUCKET_SQL, score_bucket
from storage.sql import range_terms, where_clause
from storage.timeutil import parse_bound

MIN_TRIGRAM = 3  # the trigram index needs at least three characters
MAX_NAME = 256
MAX_COUNT = 1_000_000  # defects per image: anything above is not a real query


def like_pattern(text: str) -> str:
    """``%text%`` with ``\\``, ``%`` and ``_`` escaped (use with ``ESCAPE '\\'``)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def bigram_token(pair: str) -> str:
    """The bigram index's token for two characters: ``x`` + hex of their lower-case UTF-8."""
    return "x" + pair.lower().encode("utf-8").hex()


def bigram_tokens(name: str) -> str:
    """Space-separated tokens of every two-character window of ``name`` that is not pure ASCII
    (CJK words are often two characters; ASCII pairs are rare queries and scan instead)."""
    text = name.lower()
    pairs = {text[i:i + 2] for i in range(len(text) - 1)}
    return " ".join(sorted(bigram_token(p) for p in pairs if not p.isascii()))


def fts_phrase(text: str) -> str:
    """One FTS5 phrase (double quotes doubled): matches rows whose name contains ``text``."""
    return '"' + text.replace('"', '""') + '"'


def _text(value: Any, what: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidQuery(f"{what} must be text, got {value!r}")
    value = value.strip()
    if len(value) > MAX_NAME:
        raise InvalidQuery(f"{what} is longer than {MAX_NAME} characters")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise InvalidQuery(f"{what} must not contain control characters (NUL, tab, newline ...)")
    return value or None


def _float(value: Any, what: str) -> float | None:
    if value is None or value == "":
        return None
    return finite_number(value, what, InvalidQuery)


@dataclass(frozen=True)
class SearchFilters:
    name: str | None = None  # substring, case-insensitive for ASCII (SQL LIKE semantics)
    num: int | None = None  # exact defect count
    start: str | None = None  # stored-text bound, inclusive
    end: str | None = None  # stored-text bound, exclusive
    label: str | None = None  # final verdict (an operator review overrides the machine)
    score_min: float | None = None  # raw score, inclusive
    score_max: float | None = None
    model_id: str | None = None
    source: str | None = None
    part_id: str | None = None

    @classmethod
    def build(
        cls,
        name: str | None = None,
        num: int | str | None = None,
        start_date: date | datetime | str | None = None,
        end_date: date | datetime | str | None = None,
        label: str | None = None,
        score_min: float | str | None = None,
        score_max: float | str | None = None,
        model_id: str | None = None,
        source: str | None = None,
        part_id: str | None = None,
    ) -> SearchFilters:
        num = None if num is None or num == "" else whole_number(num, "num", 0, MAX_COUNT, InvalidQuery)
        label_text = _text(label, "label")
        if label_text is not None:
            label_text = label_text.upper()
            if label_text not in ("OK", "NG"):
                raise InvalidQuery(f"label must be OK or NG, got {label!r}")
        start = parse_bound(start_date, "start_date", end=False)
        end = parse_bound(end_date, "end_date", end=True)
        if start and end and start >= end:
            raise InvalidQuery("start_date must not be after end_date")
        lo, hi = _float(score_min, "score_min"), _float(score_max, "score_max")
        if lo is not None and hi is not None and lo > hi:
            raise InvalidQuery("score_min must not be above score_max")
        return cls(
            name=_text(name, "name"),
            num=num,
            start=start,
            end=end,
            label=label_text,
            score_min=lo,
            score_max=hi,
            model_id=_text(model_id, "model_id"),
            source=_text(source, "source"),
            part_id=_text(part_id, "part_id"),
        )

    @property
    def summary_only(self) -> bool:
        """True when the hourly summary answers the count (hour-aligned dates, label at most)."""
        others = (self.name, self.num, self.score_min, self.score_max, self.model_id, self.source,
                  self.part_id)
        return all(v is None for v in others) and self.hour_aligned

    @property
    def hour_aligned(self) -> bool:
        """True when each date bound given starts an hour (whole hours of the summary table)."""
        return all(b is None or b.endswith(":00:00.000000") for b in (self.start, self.end))

    @property
    def name_period_only(self) -> bool:
        """A name and dates, nothing else (what :mod:`storage.period_run` counts)."""
        return (self.name is not None and (self.start is not None or self.end is not None)
                and self == SearchFilters(name=self.name, start=self.start, end=self.end))

    def name_index(self, has_fts: bool) -> tuple[str, str] | None:
        """``(table, MATCH query)`` of the name index that answers this name, or None (LIKE scan):
        the trigram index for three characters or more, the bigram index for two non-ASCII ones."""
        if self.name is None or not has_fts:
            return None
        if len(self.name) >= MIN_TRIGRAM:
            return "names_fts", fts_phrase(self.name)
        if len(self.name) == 2 and not self.name.isascii():
            return "names_bigram", fts_phrase(bigram_token(self.name))
        return None

    def trigram(self, has_fts: bool) -> bool:
        """True when a name index answers the name filter (see :meth:`name_index`)."""
        return self.name_index(has_fts) is not None

    @property
    def name_only(self) -> bool:
        return self.name is not None and self == SearchFilters(name=self.name)

    def where(
        self,
        *,
        name_mode: str = "like",
        id_range: tuple[int, int] | None = None,
        after_id: int | None = None,
        fts_high: int = 0,
    ) -> tuple[str, list[Any]]:
        """``(sql, params)``: the WHERE clause ("" when unfiltered) and its bound parameters.

        ``name_mode="fts"`` matches the name through the trigram index (case-insensitive, also for
        non-ASCII letters), ``"like"`` with LIKE (case-insensitive for ASCII). ``id_range`` is a
        superset bound on figIds derived from the dates (lets the index skip to that stretch);
        ``after_id`` keeps only records newer than a cached count. ``fts_high``: the highest figId
        whose name is in the trigram index; newer names are matched with LIKE.
        """
        terms: list[str] = []
        params: list[Any] = []
        if self.name is not None:
            index = self.name_index(True) if name_mode == "fts" else None
            if index is not None:
                table, query = index
                sub = f"SELECT rowid FROM {table} WHERE {table} MATCH ?"
                params.append(query)
                if id_range is not None:
                    sub += " AND rowid >= ? AND rowid <= ?"
                    params += list(id_range)
                if after_id is not None:
                    sub += " AND rowid > ?"
                    params.append(after_id)
                # One IN list (indexed matches + the not-yet-indexed tail) keeps rowid lookups;
                # an OR here would make SQLite scan the whole table.
                tail = "SELECT id FROM inspections WHERE id > ? AND name LIKE ? ESCAPE '\\'"
                terms.append(f"id IN ({sub} UNION ALL {tail})")
                params += [max(fts_high, after_id or 0), like_pattern(self.name)]
            else:
                terms.append("name LIKE ? ESCAPE '\\'")
                params.append(like_pattern(self.name))
        if after_id is not None:
            terms.append("id > ?")
            params.append(after_id)
        for column, value in (
            ("defect_count", self.num),
            ("final_label", self.label),
            ("model_id", self.model_id),
            ("source", self.source),
            ("part_id", self.part_id),
        ):
            if value is not None:
                terms.append(f"{column} = ?")
                params.append(value)
        dated, bounds = range_terms("timestamp", self.start, self.end)
        terms += dated
        params += bounds
        if self.score_min is not None:  # the bucket term (implied by the exact one) reaches the index
            terms.append(f"{SCORE_BUCKET_SQL} >= ? AND score >= ?")
            params += [score_bucket(self.score_min), self.score_min]
        if self.score_max is not None:
            terms.append(f"{SCORE_BUCKET_SQL} <= ? AND score <= ?")
            params += [score_bucket(self.score_max), self.score_max]
        return where_clause(terms), params
