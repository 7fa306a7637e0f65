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


def parse_day(value: date | datetime | str | None, what: str) -> date | None:
    """A day from a ``date``, a ``datetime`` (its date) or ``YYYY-MM-DD`` text."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return local_naive(value).date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise InvalidQuery(f"{what} must be a date like 2024-05-31, got {value!r}")


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
                raise InvalidQuery(f"{what} must be a date or ISO date-time, got {value!r}") from exc
    if isinstance(value, datetime):
        moment = local_naive(value)
        return to_db(moment + timedelta(microseconds=1) if end else moment)
    day = parse_day(value, what)
    assert day is not None
    start = datetime.combine(day + timedelta(days=1) if end else day, time())
    return to_db(start)
