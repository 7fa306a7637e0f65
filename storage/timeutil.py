"""Conversions between Python times and the stored fixed-width local-time text."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from storage.errors import InvalidQuery

TS_FORMAT = "%Y-%m-%d %H:%M:%S.%f"


def local_naive(when: datetime) -> datetime:
    """Aware datetimes are converted to local wall-clock time; naive ones are taken as local."""
    return when.astimezone().replace(tzinfo=None) if when.tzinfo is not None else when


def to_db(when: datetime) -> str:
    return local_naive(when).strftime(TS_FORMAT)


def from_db(text: str) -> datetime:
    return datetime.fromisoformat(text)  # C-fast, unlike strptime


MIN_YEAR, MAX_YEAR = 1970, 9998  # outside: a typo or a probe, and day arithmetic would overflow


def _plausible(day: date, what: str, value: object) -> date:
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise InvalidQuery(f"{what} must lie between {MIN_YEAR}-01-01 and {MAX_YEAR}-12-31, got {value!r}")
    return day


def parse_day(value: date | datetime | str | None, what: str) -> date | None:
    """A day from a ``date``, a ``datetime`` (its date) or ``YYYY-MM-DD`` text (a longer text must
    be a valid ISO date-time: ``2024-05-31T25:00`` is refused, not cut to its first ten characters)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return _plausible(local_naive(value).date(), what, value)
    if isinstance(value, date):
        return _plausible(value, what, value)
    if isinstance(value, str):
        text = value.strip()
        try:
            day = date.fromisoformat(text) if len(text) <= 10 else datetime.fromisoformat(text).date()
        except ValueError:
            pass
        else:
            return _plausible(day, what, value)
    raise InvalidQuery(f"{what} must be a date like 2024-05-31, got {_short(value)}")


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def parse_bound(value: date | datetime | str | None, what: str, *, end: bool) -> str | None:
    """A query bound as stored text.

    A day (``date`` or ``YYYY-MM-DD``) covers the whole day: a start bound is its first instant,
    an end bound the first instant of the next day (exclusive). A ``datetime`` (or ISO text with a
    time) is exact; as an end bound it is inclusive.
    """
    if value is None or value == "":
        return None
    if isinstance(value, str):
        text = value.strip()
        if len(text) > 10:
            try:
                value = datetime.fromisoformat(text)
            except ValueError as exc:
                raise InvalidQuery(f"{what} must be a date or ISO date-time, got {_short(value)}") from exc
    if isinstance(value, datetime):
        moment = local_naive(value)
        _plausible(moment.date(), what, value)
        return to_db(moment + timedelta(microseconds=1) if end else moment)
    day = parse_day(value, what)
    assert day is not None
    start = datetime.combine(day + timedelta(days=1) if end else day, time())
    return to_db(start)
