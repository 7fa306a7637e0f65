"""storage.period_stats: the periods the Statistics page and the shift report count over (headless)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from station.settings import Shift
from storage.period_stats import make_period
from storage.shifts import current_shift


def test_periods():
    shifts = [Shift("A", "06:00"), Shift("B", "14:00"), Shift("C", "22:00")]
    assert current_shift(shifts, datetime(2024, 5, 31, 3, 0))[0] == "C"
    name, start, end = current_shift(shifts, datetime(2024, 5, 31, 23, 0))
    assert (name, start, end) == ("C", datetime(2024, 5, 31, 22), datetime(2024, 6, 1, 6))
    p = make_period("15d", shifts, now=datetime(2024, 5, 31, 12))
    assert p.first_day == date(2024, 5, 17) and p.last_day == date(2024, 5, 31)
    with pytest.raises(ValueError):
        make_period("custom", shifts, custom=(date(2024, 6, 2), date(2024, 6, 1)))
