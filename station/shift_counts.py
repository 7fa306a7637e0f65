"""The Live page's shift counters, derived from the history so they survive a restart.

Why from the history: the counters the shift lead reads at hand-over must not drop to zero
because the PC rebooted. They count the live sources' parts (camera, video, folder, HTTP) since
the later of the current shift's start and the last counter reset; the reset moment is kept in
the database's meta table so it survives too.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

LIVE_SOURCES = ("camera", "video", "folder", "http")
RESET_KEY = "live_counters_reset_at"


def counting_since(db: Any, shift_start: datetime) -> datetime:
    """The later of the shift start and the last reset (kept across restarts)."""
    raw = db.get_meta(RESET_KEY) if db is not None else None
    try:
        reset = datetime.fromisoformat(raw) if raw else None
    except ValueError:
        reset = None
    return max(shift_start, reset) if reset is not None else shift_start


def remember_reset(db: Any, when: datetime, counts: tuple[int, int] | None = None) -> None:
    """Remember the reset moment (counting restarts there after a restart) and audit it."""
    if db is not None:
        db.set_meta(RESET_KEY, when.isoformat(timespec="microseconds"))
        from station import audit

        detail: dict[str, Any] = {"since": when.isoformat(timespec="seconds")}
        if counts is not None:
            detail.update(ok=counts[0], ng=counts[1])
        audit.record(db, "counters.reset", **detail)


def shift_counts(db: Any, since: datetime, until: datetime | None = None) -> tuple[int, int]:
    """(OK, NG) of live-source parts in ``[since, until]``, final verdicts (a review counts).

    Runs a few indexed count queries: call it off the GUI thread.
    """
    until = until or datetime.now()
    ok = ng = 0
    for source in LIVE_SOURCES:
        for label in ("OK", "NG"):
            n = db.search(limit=1, start_date=since, end_date=until, label=label, source=source).total
            if label == "OK":
                ok += n
            else:
                ng += n
    return ok, ng
