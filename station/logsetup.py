"""Log files and log floods: the rotating station log, and one line per repeated error a minute.

A flood of identical errors (1,100 half-open sockets at the open-file limit wrote 212,909
"Too many open files" tracebacks, 94 MB in 30 s) hides the one line that matters and fills the
disk. :class:`RepeatFilter` lets the first record of a kind through, drops the repeats for
``window_s`` and then writes one summary with the count. Kind = logger + message template +
exception type, so different problems are never merged.
"""

from __future__ import annotations

import logging
import threading
import time
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_NAME = "qcstation.log"
FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"
# Loggers that log straight to themselves (not through children) and can repeat without end.
FLOOD_LOGGERS = ("asyncio", "uvicorn", "uvicorn.error", "api.app", "api.server", "api.limits", "station.core",
                 "station.supervisor")


class RepeatFilter(logging.Filter):
    """Pass a record kind at most once per ``window_s``; the next one passed says how many were held."""

    def __init__(self, window_s: float = 60.0, clock=time.monotonic) -> None:
        super().__init__()
        self.window_s = window_s
        self._clock = clock
        self._lock = threading.Lock()
        self._seen: dict[tuple, list[float]] = {}  # kind -> [first passed at, suppressed count]

    @staticmethod
    def _kind(record: logging.LogRecord) -> tuple:
        exc = record.exc_info[0].__name__ if record.exc_info and record.exc_info[0] else None
        return record.name, record.levelno, str(record.msg), exc

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        kind = self._kind(record)
        now = self._clock()
        with self._lock:
            state = self._seen.get(kind)
            if state is not None and now - state[0] < self.window_s:
                state[1] += 1
                return False
            held = int(state[1]) if state is not None else 0
            self._seen[kind] = [now, 0]
            if len(self._seen) > 1024:  # forget the oldest kinds; never grow without bound
                for old in sorted(self._seen, key=lambda k: self._seen[k][0])[:512]:
                    del self._seen[old]
        if held:
            record.msg = f"{record.msg} [repeated {held} more times in the last {self.window_s:g} s]"
        return True


_installed = RepeatFilter()


def limit_floods(names: tuple[str, ...] = FLOOD_LOGGERS) -> RepeatFilter:
    """Attach the process-wide repeat filter to the loggers that can flood (idempotent)."""
    for name in names:
        logger = logging.getLogger(name)
        if _installed not in logger.filters:
            logger.addFilter(_installed)
    return _installed


def setup_file_logging(log_dir: Path) -> tuple[Path, logging.Handler]:
    """The station's rotating log file (5 × 2 MB) in ``log_dir``, on the root logger, flood-limited."""
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_NAME
    handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(logging.INFO)
    handler.addFilter(RepeatFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    limit_floods()
    return path, handler
