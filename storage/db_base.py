"""The connections of one history file: the locked writer, one reader per thread, transactions.

The other parts of :class:`storage.database.Database` (opening, writes, reads) build on these
and on nothing else, so the threading rules live in one place: every write goes through the
writer under ``_write_lock``; every read uses the calling thread's own read-only connection.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

from storage.errors import StorageError
from storage.filters import bigram_tokens

log = logging.getLogger("storage.database")
T = TypeVar("T")


def sqlite_errors(method: Callable[..., T]) -> Callable[..., T]:
    """SQLite failures (disk full, I/O error, duplicate figId) become a StorageError that names the file."""

    @functools.wraps(method)
    def wrapper(self: DatabaseBase, *args: Any, **kwargs: Any) -> T:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as exc:
            raise StorageError(f"history database {self.path}: {method.__name__} failed: {exc}") from exc

    return wrapper


def rowid(cursor: sqlite3.Cursor) -> int:
    """The id SQLite gave the row just inserted (always set after an INSERT)."""
    if cursor.lastrowid is None:
        raise StorageError("SQLite returned no id for the inserted row")
    return int(cursor.lastrowid)


class DatabaseBase:
    """Connection plumbing shared by the parts of :class:`storage.database.Database`."""

    path: Path
    _busy_ms: int
    _synchronous: str
    _write_lock: threading.RLock
    _local: threading.local
    _readers: dict[int, sqlite3.Connection]
    _readers_lock: threading.Lock
    _closed: bool
    _writer: sqlite3.Connection

    def _connect(self, *, readonly: bool = False) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=self._busy_ms / 1000, isolation_level=None,
                               check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {self._busy_ms}")
        if readonly:
            conn.execute("PRAGMA query_only = 1")
        else:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                log.warning("SQLite refused WAL mode (%s) for %s; readers may wait", mode, self.path)
            conn.execute(f"PRAGMA synchronous = {self._synchronous}")
            conn.create_function("qcs_bigrams", 1, bigram_tokens, deterministic=True)
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA cache_size = -32000")  # 32 MB per connection
        return conn

    def _reader(self) -> sqlite3.Connection:
        if self._closed:
            raise StorageError("the history database is closed")
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect(readonly=True)
            self._local.conn = conn
            with self._readers_lock:
                alive = {t.ident for t in threading.enumerate()}
                ident = threading.get_ident()
                for old in [i for i in self._readers if i not in alive or i == ident]:
                    self._readers.pop(old).close()  # a finished thread's (its id may be reused)
                self._readers[ident] = conn
        return conn

    def _write(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        with self._write_lock:
            if self._closed:
                raise StorageError("the history database is closed")
            return self._writer.execute(sql, params)

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """The writer inside ``BEGIN IMMEDIATE`` … ``COMMIT`` under the write lock (ROLLBACK on any error)."""
        with self._write_lock:
            if self._closed:
                raise StorageError("the history database is closed")
            conn = self._writer
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    @contextlib.contextmanager
    def _snapshot(self) -> Iterator[sqlite3.Connection]:
        """This thread's reader inside one read transaction (several queries, one view of the file)."""
        conn = self._reader()
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            conn.execute("COMMIT")

    @property
    def schema_version(self) -> int:
        return int(self._reader().execute("PRAGMA user_version").fetchone()[0])
