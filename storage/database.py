"""The inspection history in one SQLite file.

Concurrency model: one *writer* connection guarded by a lock (the station's worker thread does
nearly all writes; a GUI review or the ES sync's bookmark take the same lock), and one *reader*
connection per thread (``threading.local``). WAL mode lets readers run while the writer commits, and
``busy_timeout`` covers the rare moments SQLite itself needs (WAL recovery, checkpoints), so no
reader ever sees "database is locked".

Durability: every ``insert`` is its own transaction. ``synchronous=NORMAL`` in WAL mode loses
nothing when the *process* dies (``kill -9``); after a power cut the last few commits may be
missing but the file is always consistent. Pass ``synchronous="FULL"`` to fsync every commit.

The class is assembled from parts with one job each: :mod:`storage.db_base` (connections),
:mod:`storage.db_open` (integrity check, salvage, migrations), :mod:`storage.db_writes` and
:mod:`storage.db_reads`. This module opens and closes the file.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
from datetime import datetime
from pathlib import Path
from typing import Literal

from storage import db_open
from storage.db_open import AUTO_CHECK_BYTES, CHECKED_KEY, CLEAN_KEY
from storage.db_reads import MAX_LIMIT, MAX_PAGE, MAX_STAT_DAYS, ReadsMixin, SearchPage
from storage.db_writes import FTS_BATCH, FTS_DELAY_S, WritesMixin
from storage.errors import DatabaseCorrupt
from storage.search_plan import SearchPlanner

__all__ = [
    "AUTO_CHECK_BYTES", "CHECKED_KEY", "CLEAN_KEY", "FTS_BATCH", "FTS_DELAY_S", "MAX_LIMIT", "MAX_PAGE",
    "MAX_STAT_DAYS", "Database", "SearchPage",
]

log = db_open.log


class Database(WritesMixin, ReadsMixin):
    """The history database (see the module docstring for threads and durability).

    ``on_corrupt``: what to do when the file fails ``PRAGMA quick_check`` or is not a database:
    ``"move_aside"`` (default) renames it (with its WAL) to ``<stem>.damaged-<time>.sqlite3``,
    copies every still-readable record into a fresh file and adds a line to :attr:`warnings`, so the
    line keeps running and nothing is silently lost; ``"raise"`` raises :class:`DatabaseCorrupt`.
    ``check``: ``"auto"`` (default) runs ``PRAGMA quick_check`` (about 4 s per million records)
    when the file is small, the previous session did not close cleanly, or the last full check
    is a week old, and otherwise only reads the schema; ``"quick"`` always checks; ``"none"``
    only opens.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        on_corrupt: Literal["move_aside", "raise"] = "move_aside",
        check: Literal["auto", "quick", "none"] = "auto",
        synchronous: Literal["NORMAL", "FULL"] = "NORMAL",
        busy_timeout_ms: int = 10_000,
    ) -> None:
        if on_corrupt not in ("move_aside", "raise"):
            raise ValueError(f"on_corrupt must be 'move_aside' or 'raise', got {on_corrupt!r}")
        if check not in ("auto", "quick", "none"):
            raise ValueError(f"check must be auto, quick or none, got {check!r}")
        if synchronous not in ("NORMAL", "FULL"):
            raise ValueError(f"synchronous must be NORMAL or FULL, got {synchronous!r}")
        self.path = Path(path)
        self.warnings: list[str] = []  # problems met at start (damaged file moved aside, ...)
        self.backups: list[Path] = []  # copies taken before migrating
        self._busy_ms = int(busy_timeout_ms)
        self._synchronous = synchronous
        self._write_lock = threading.RLock()
        self._local = threading.local()
        self._readers = {}
        self._readers_lock = threading.Lock()
        self._closed = False
        self.checked = False  # whether PRAGMA quick_check ran at this start
        self.path.parent.mkdir(parents=True, exist_ok=True)

        damaged = None
        if self.path.exists() and self.path.stat().st_size:
            damaged, self.checked = db_open.damage(self.path, self._busy_ms, check)
        moved: Path | None = None
        if damaged:
            if on_corrupt == "raise":
                raise DatabaseCorrupt(f"history database {self.path} is damaged ({damaged}); "
                                      "restore a backup or move it aside to start a new one")
            moved = db_open.move_aside(self.path)
        self._writer = self._connect()
        self.backups += db_open.migrate(self._writer, self.path)
        self.has_fts = bool(self._writer.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'names_fts'").fetchone())
        self._planner = SearchPlanner(self.has_fts)
        self._last_id = self._writer.execute("SELECT COALESCE(max(id), 0) FROM inspections").fetchone()[0]
        self._fts_done = SearchPlanner.fts_high(self._writer)
        self._fts_time = time.monotonic()
        if self.checked and not damaged:
            self.set_meta(CHECKED_KEY, datetime.now().isoformat(timespec="seconds"))
        self.set_meta(CLEAN_KEY, "0")  # set to 1 by close(): a crash makes the next start check
        if moved is not None:
            saved = db_open.salvage(moved, self.insert_many)
            message = (f"The history database was damaged ({damaged}). It was moved to {moved}; "
                       f"{saved} readable records were copied into a new database.")
            log.error(message)
            self.warnings.append(message)

    def close(self) -> None:
        """Close every connection; the last close checkpoints the WAL into the main file."""
        with self._write_lock:
            if self._closed:
                return
            with contextlib.suppress(sqlite3.Error):
                self._index_names(force=True)
                self._writer.execute("UPDATE meta SET value = '1' WHERE key = ?", (CLEAN_KEY,))
            self._closed = True
            with self._readers_lock:
                for conn in self._readers.values():
                    conn.close()
                self._readers.clear()
            with contextlib.suppress(sqlite3.Error):
                self._writer.execute("PRAGMA optimize")
            self._writer.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---------------------------------------------------------------- maintenance

    def backup_to(self, target: str | os.PathLike[str]) -> Path:
        """A consistent copy of the live database (safe while the station runs)."""
        target = Path(target)
        dest = sqlite3.connect(target)
        try:
            with self._write_lock:
                self._writer.backup(dest)
        finally:
            dest.close()
        return target

    def disk_bytes(self) -> int:
        return sum(p.stat().st_size for p in db_open.sidecars(self.path) if p.exists())
