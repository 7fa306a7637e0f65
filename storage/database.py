"""The inspection history in one SQLite file.

Concurrency model: one *writer* connection guarded by a lock (the station's worker thread does
nearly all writes; a GUI review or the ES sync's bookmark take the same lock), and one *reader*
connection per thread (``threading.local``). WAL mode lets readers run while the writer commits, and
``busy_timeout`` covers the rare moments SQLite itself needs (WAL recovery, checkpoints), so no
reader ever sees "database is locked".

Durability: every ``insert`` is its own transaction. ``synchronous=NORMAL`` in WAL mode loses
nothing when the *process* dies (``kill -9``); after a power cut the last few commits may be
missing but the file is always consistent. Pass ``synchronous="FULL"`` to fsync every commit.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Literal, TypeVar

from storage import schema, stats
from storage.errors import (
    DatabaseCorrupt,
    InvalidQuery,
    MigrationError,
    RecordNotFound,
    SchemaTooNew,
    StorageError,
)
from storage.export import EXPORT_COLUMNS, write_csv
from storage.filters import SearchFilters, bigram_tokens
from storage.records import InspectionRecord
from storage.rows import INSERT_SQL, INSERT_WITH_ID_SQL, SELECT_COLUMNS, record_params, row_record
from storage.search_plan import GEN_KEY, ORDER_DESC, SearchPlanner
from storage.timeutil import parse_day, to_db

log = logging.getLogger(__name__)
T = TypeVar("T")

AUTO_CHECK_BYTES = 64 * 2**20  # smaller files are checked at every start (well under a second)
CLEAN_KEY = "clean_shutdown"
CHECKED_KEY = "last_integrity_check"
FTS_BATCH = 256  # names indexed per catch-up statement
FTS_DELAY_S = 2.0  # or at the latest this long after the previous catch-up (on the next insert)
MAX_LIMIT = 1000  # rows per page / recent
MAX_STAT_DAYS = 3700  # about ten years of days in one stat_by_date answer


@dataclass(frozen=True)
class SearchPage:
    """One page of a search: ``total`` matching records and this page's ``data``."""

    total: int
    data: list[InspectionRecord]

    def to_seed(self) -> dict[str, Any]:
        """The seed-000 ``{total, data}`` answer."""
        return {"total": self.total, "data": [r.to_seed_row() for r in self.data]}


def _sqlite_errors(method: Callable[..., T]) -> Callable[..., T]:
    """SQLite failures (disk full, I/O error, duplicate figId) become a StorageError that names the file."""

    @functools.wraps(method)
    def wrapper(self: Database, *args: Any, **kwargs: Any) -> T:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as exc:
            raise StorageError(f"history database {self.path}: {method.__name__} failed: {exc}") from exc

    return wrapper


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def _sidecars(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def _check_limit(limit: Any, what: str = "limit") -> int:
    try:
        value = int(limit)
    except (TypeError, ValueError) as exc:
        raise InvalidQuery(f"{what} must be a whole number, got {limit!r}") from exc
    if not 1 <= value <= MAX_LIMIT:
        raise InvalidQuery(f"{what} must be between 1 and {MAX_LIMIT}, got {value}")
    return value


def _rowid(cursor: sqlite3.Cursor) -> int:
    """The id SQLite gave the row just inserted (always set after an INSERT)."""
    if cursor.lastrowid is None:
        raise StorageError("SQLite returned no id for the inserted row")
    return int(cursor.lastrowid)


class Database:
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
        self._readers: dict[int, sqlite3.Connection] = {}
        self._readers_lock = threading.Lock()
        self._closed = False
        self.checked = False  # whether PRAGMA quick_check ran at this start
        self.path.parent.mkdir(parents=True, exist_ok=True)

        damaged = self._damage(check) if self.path.exists() and self.path.stat().st_size else None
        moved: Path | None = None
        if damaged:
            if on_corrupt == "raise":
                raise DatabaseCorrupt(f"history database {self.path} is damaged ({damaged}); "
                                      "restore a backup or move it aside to start a new one")
            moved = self._move_aside()
        self._writer = self._connect()
        self._migrate()
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
            saved = self._salvage(moved)
            message = (f"The history database was damaged ({damaged}). It was moved to {moved}; "
                       f"{saved} readable records were copied into a new database.")
            log.error(message)
            self.warnings.append(message)

    # ---------------------------------------------------------------- connections

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
        conn = getattr(self._local, "conn", None)
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

    def close(self) -> None:
        """Close every connection; the last close checkpoints the WAL into the main file."""
        with self._write_lock:
            if self._closed:
                return
            self._closed = True
            with contextlib.suppress(sqlite3.Error):
                self._index_names(force=True)
                self._writer.execute("UPDATE meta SET value = '1' WHERE key = ?", (CLEAN_KEY,))
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

    # ---------------------------------------------------------------- integrity and migrations

    def _damage(self, check: str) -> str | None:
        """None when the file is healthy, else what is wrong with it."""
        try:
            conn = sqlite3.connect(self.path, timeout=self._busy_ms / 1000)
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                if check == "none" or (check == "auto" and not self._check_due(conn)):
                    return None
                rows = conn.execute("PRAGMA quick_check").fetchall()
            finally:
                conn.close()
        except sqlite3.DatabaseError as exc:
            return str(exc)
        problems = [r[0] for r in rows if r[0] != "ok"]
        self.checked = True
        return "; ".join(problems[:3]) if problems else None

    def _check_due(self, conn: sqlite3.Connection) -> bool:
        if self.path.stat().st_size < AUTO_CHECK_BYTES:
            return True
        try:
            meta = dict(conn.execute("SELECT key, value FROM meta WHERE key IN (?, ?)",
                                     (CLEAN_KEY, CHECKED_KEY)).fetchall())
        except sqlite3.OperationalError:  # an old schema without meta
            return True
        if meta.get(CLEAN_KEY) != "1":
            return True
        try:
            last = datetime.fromisoformat(meta.get(CHECKED_KEY, ""))
        except ValueError:
            return True
        return datetime.now() - last > timedelta(days=7)

    def _move_aside(self) -> Path:
        target = self.path.with_name(f"{self.path.stem}.damaged-{_stamp()}{self.path.suffix or '.sqlite3'}")
        for src, dst in zip(_sidecars(self.path), _sidecars(target), strict=True):
            if src.exists():
                os.replace(src, dst)
        return target

    def _salvage(self, damaged: Path) -> int:
        """Copy every record still readable from a damaged file (keeping figIds); best effort."""
        saved = 0
        try:
            src = sqlite3.connect(f"file:{damaged}?mode=ro", uri=True)
        except sqlite3.Error:
            return 0
        try:
            last = 0
            while True:
                try:
                    rows = src.execute(
                        f"SELECT {SELECT_COLUMNS} FROM inspections WHERE id > ? ORDER BY id LIMIT 500",
                        (last,)).fetchall()
                except sqlite3.Error:
                    # Skip over the unreadable stretch, one probe at a time.
                    last += 500
                    probe = None
                    with contextlib.suppress(sqlite3.Error):
                        probe = src.execute("SELECT max(id) FROM inspections").fetchone()[0]
                    if probe is None or last > probe:
                        break
                    continue
                if not rows:
                    break
                records = []
                for row in rows:
                    try:
                        records.append(row_record(row))
                    except (ValueError, TypeError):
                        continue
                self.insert_many(records)
                saved += len(records)
                last = rows[-1][0]
        finally:
            src.close()
        return saved

    def _migrate(self) -> None:
        conn = self._writer
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > schema.SCHEMA_VERSION:
            conn.close()
            raise SchemaTooNew(
                f"{self.path} has schema version {version}, newer than this QC Station supports "
                f"({schema.SCHEMA_VERSION}); update QC Station (the file was not changed)")
        if version == schema.SCHEMA_VERSION:
            return
        if version == 0:
            tables = conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchone()[0]
            if tables:
                conn.close()
                raise StorageError(f"{self.path} is an SQLite file but not a QC Station history "
                                   "(it has other tables); choose another data directory")
        else:
            backup = self.path.with_name(f"{self.path.stem}.v{version}-backup-{_stamp()}.sqlite3")
            dest = sqlite3.connect(backup)
            try:
                conn.backup(dest)
            finally:
                dest.close()
            self.backups.append(backup)
            log.info("history schema v%d -> v%d; backup at %s", version, schema.SCHEMA_VERSION, backup)
        for target in range(version + 1, schema.SCHEMA_VERSION + 1):
            try:
                conn.execute("BEGIN IMMEDIATE")
                schema.MIGRATIONS[target - 1](conn)
                conn.execute(f"PRAGMA user_version = {int(target)}")
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                conn.execute("ROLLBACK")
                conn.close()
                where = f"; the copy taken before migrating is {self.backups[-1]}" if self.backups else ""
                raise MigrationError(f"upgrading {self.path} to schema v{target} failed: {exc}{where}") from exc

    @property
    def schema_version(self) -> int:
        return int(self._reader().execute("PRAGMA user_version").fetchone()[0])

    # ---------------------------------------------------------------- writes

    @_sqlite_errors
    def insert(self, record: InspectionRecord) -> int:
        """Store one record in its own transaction; returns the new figId."""
        if record.id is not None:
            return self.insert_many([record])[0]
        params = record_params(record)
        with self._write_lock:
            fig_id = _rowid(self._write(INSERT_SQL, params))
            self._last_id = max(self._last_id, fig_id)
            self._index_names()
        return fig_id

    @_sqlite_errors
    def insert_many(self, records: Iterable[InspectionRecord],
                    embeddings: Sequence[bytes | None] | None = None) -> list[int]:
        """Store records in one transaction (all or none); returns their figIds in order.

        ``embeddings``: one similarity vector blob (``storage.vectors.to_blob``) or None per
        record, stored in the same transaction so a mirror never sees a record without it.
        """
        prepared = [(r.id, record_params(r)) for r in records]
        ids: list[int] = []
        with self._write_lock:
            conn = self._writer
            if self._closed:
                raise StorageError("the history database is closed")
            conn.execute("BEGIN IMMEDIATE")
            try:
                for rid, params in prepared:
                    if rid is None:
                        cur = conn.execute(INSERT_SQL, params)
                    else:
                        cur = conn.execute(INSERT_WITH_ID_SQL, (int(rid), *params))
                    ids.append(_rowid(cur))
                    blob = embeddings[len(ids) - 1] if embeddings is not None else None
                    if blob is not None:
                        conn.execute("INSERT OR REPLACE INTO embeddings(record_id, vec) VALUES (?, ?)",
                                     (ids[-1], blob))
                if any(rid is not None for rid, _p in prepared):
                    self._bump_generation()  # ids below the newest: cached counts must go
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            self._last_id = max([self._last_id, *ids])
            self._index_names()
        return ids

    @_sqlite_errors
    def import_records(self, records: Iterable[InspectionRecord], batch: int = 50_000) -> int:
        """Bulk insert (history imports, benchmark builds): ~10× faster than :meth:`insert_many`.

        Each batch is one transaction in which the per-row summary trigger is suspended and its work
        done by one set statement, and the batch's names are indexed; readers see a batch entirely
        or not at all, and a crash rolls the open batch back with the trigger intact. Returns the
        number of records stored.
        """
        stored = 0
        chunk: list[tuple[Any, ...]] = []
        for record in records:
            if record.id is not None:
                raise InvalidQuery("import_records assigns figIds; records must have id=None")
            chunk.append(record_params(record))
            if len(chunk) >= batch:
                stored += self._import_batch(chunk)
                chunk = []
        if chunk:
            stored += self._import_batch(chunk)
        return stored

    def _import_batch(self, params: list[tuple[Any, ...]]) -> int:
        with self._write_lock:
            if self._closed:
                raise StorageError("the history database is closed")
            conn = self._writer
            conn.execute("BEGIN IMMEDIATE")
            try:
                last = conn.execute("SELECT COALESCE(max(id), 0) FROM inspections").fetchone()[0]
                conn.execute("DROP TRIGGER trg_stats_insert")
                conn.executemany(INSERT_SQL, params)
                conn.execute(schema.BULK_STATS, (last,))
                conn.execute(schema.TRIGGER_STATS_INSERT)
                if self.has_fts:
                    self._catch_up_names(conn)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        return len(params)

    @_sqlite_errors
    def set_review(self, record_id: int, label: str | None, note: str | None = None) -> InspectionRecord:
        """Record the operator's verdict (``None`` clears the review); statistics follow it."""
        if label is not None:
            label = str(label).upper()
            if label not in ("OK", "NG"):
                raise InvalidQuery(f"review label must be OK or NG, got {label!r}")
        reviewed_at = to_db(datetime.now()) if label is not None else None
        note = note if label is not None else None
        with self._write_lock:
            self._write("BEGIN IMMEDIATE")
            try:
                cur = self._write(
                    "UPDATE inspections SET review_label = ?, review_note = ?, reviewed_at = ?, "
                    "final_label = COALESCE(?, label) WHERE id = ?",
                    (label, note, reviewed_at, label, int(record_id)))
                self._bump_generation()
                if cur.rowcount:
                    self._write("INSERT INTO review_log(record_id, reviewed_at) VALUES (?, ?)",
                                (int(record_id), to_db(datetime.now())))
                self._write("COMMIT")
            except BaseException:
                self._write("ROLLBACK")
                raise
        if cur.rowcount == 0:
            raise RecordNotFound(f"no inspection record with figId {record_id}")
        record = self.get(record_id)
        assert record is not None
        return record

    def _stream_where(self, f: SearchFilters) -> tuple[str, list[Any]]:
        if f.trigram(self.has_fts):
            return f.where(name_mode="fts", fts_high=self._planner.fts_high(self._reader()))
        return f.where()

    def _index_names(self, *, force: bool = False) -> None:
        """Add the names of new records to the trigram index in one statement per batch.

        Runs on the writer after a commit, every FTS_BATCH records or FTS_DELAY_S seconds; names
        not yet indexed are searched with LIKE meanwhile, so results are always complete.
        """
        if not self.has_fts:
            return
        pending = self._last_id - self._fts_done
        if pending <= 0 or (not force and pending < FTS_BATCH
                            and time.monotonic() - self._fts_time < FTS_DELAY_S):
            return
        conn = self._writer
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                self._catch_up_names(conn)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            # The record is stored already; the names wait for the next catch-up (LIKE finds them).
            log.warning("name index catch-up deferred: %s", exc)
            self._fts_time = time.monotonic()

    def _catch_up_names(self, conn: sqlite3.Connection) -> None:
        """Inside a write transaction: index every name above the stored mark (any process's)."""
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (schema.FTS_MARK,)).fetchone()
        done = int(row[0]) if row else 0
        top = conn.execute("SELECT COALESCE(max(id), 0) FROM inspections").fetchone()[0]
        if top > done:
            conn.execute(schema.FTS_CATCH_UP, (done,))
            conn.execute(schema.BIGRAM_CATCH_UP, (done, top))
            conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) "
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (schema.FTS_MARK, str(top)))
        self._fts_done = self._last_id = max(top, done)
        self._fts_time = time.monotonic()

    def _bump_generation(self) -> None:
        """Cached search counts are stale after a change other than an append (review, old id)."""
        self._writer.execute(
            "INSERT INTO meta(key, value) VALUES (?, '1') "
            "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1", (GEN_KEY,))
        self._planner.invalidate()

    @_sqlite_errors
    def set_image_paths(self, record_id: int, image_path: str | None, result_path: str | None = None,
                        heatmap_path: str | None = None) -> None:
        """Attach saved images to a stored record (the station saves them after answering)."""
        cur = self._write(
            "UPDATE inspections SET image_path = ?, result_path = ?, heatmap_path = ?, image_pruned = 0 "
            "WHERE id = ?", (image_path, result_path, heatmap_path, int(record_id)))
        if cur.rowcount == 0:
            raise RecordNotFound(f"no inspection record with figId {record_id}")

    @_sqlite_errors
    def mark_pruned(self, image_paths: Iterable[str]) -> int:
        """Clear the image paths of records whose original image is ``image_paths``; count them."""
        paths = list(image_paths)
        changed = 0
        with self._write_lock:
            for i in range(0, len(paths), 500):
                chunk = paths[i:i + 500]
                marks = ", ".join("?" * len(chunk))
                cur = self._write(
                    "UPDATE inspections SET image_pruned = 1, image_path = NULL, result_path = NULL, "
                    f"heatmap_path = NULL WHERE image_path IS NOT NULL AND image_path IN ({marks})",
                    chunk)
                changed += cur.rowcount
        return changed

    @_sqlite_errors
    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self._reader().execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    @_sqlite_errors
    def set_meta(self, key: str, value: str) -> None:
        self._write("INSERT INTO meta(key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, str(value)))

    # ---------------------------------------------------------------- reads

    @_sqlite_errors
    def get(self, record_id: int) -> InspectionRecord | None:
        row = self._reader().execute(
            f"SELECT {SELECT_COLUMNS} FROM inspections WHERE id = ?", (int(record_id),)).fetchone()
        return row_record(row) if row else None

    @_sqlite_errors
    def recent(self, limit: int = 120) -> list[InspectionRecord]:
        """The newest ``limit`` records, newest first (seed ``getRecent``)."""
        limit = _check_limit(limit)
        rows = self._reader().execute(
            f"SELECT {SELECT_COLUMNS} FROM inspections{ORDER_DESC} LIMIT ?", (limit,)).fetchall()
        return [row_record(r) for r in rows]

    @_sqlite_errors
    def records_after(self, last_id: int, limit: int = 500) -> list[InspectionRecord]:
        """Records with figId above ``last_id`` in figId order (for mirrors such as the ES sync)."""
        rows = self._reader().execute(
            f"SELECT {SELECT_COLUMNS} FROM inspections WHERE id > ? ORDER BY id LIMIT ?",
            (int(last_id), int(limit))).fetchall()
        return [row_record(r) for r in rows]

    @_sqlite_errors
    def reviews_after(self, seq: int, limit: int = 500) -> list[tuple[int, int]]:
        """``(seq, figId)`` of operator reviews logged after ``seq``, oldest first (for mirrors)."""
        return self._reader().execute(
            "SELECT seq, record_id FROM review_log WHERE seq > ? ORDER BY seq LIMIT ?",
            (int(seq), int(limit))).fetchall()

    @_sqlite_errors
    def last_review_seq(self) -> int:
        return int(self._reader().execute("SELECT COALESCE(max(seq), 0) FROM review_log").fetchone()[0])

    def count(self) -> int:
        row = self._reader().execute("SELECT COALESCE(sum(record_count), 0) FROM stats_hourly").fetchone()
        return int(row[0])

    @_sqlite_errors
    def stat_by_date(
        self, start: date | datetime | str | None = None, end: date | datetime | str | None = None
    ) -> list[dict[str, Any]]:
        """Per day from ``start`` to ``end`` inclusive (default: the 15 days up to today), oldest
        first, days without records as zeros: ``{stat_date, record_count, total_num, ng_count}``."""
        end_day = parse_day(end, "end_date") or date.today()
        start_day = parse_day(start, "start_date") or end_day - timedelta(days=14)
        if start_day > end_day:
            raise InvalidQuery("start_date must not be after end_date")
        days = (end_day - start_day).days + 1
        if days > MAX_STAT_DAYS:
            raise InvalidQuery(f"at most {MAX_STAT_DAYS} days per request, asked for {days}")
        rows = self._reader().execute(
            "SELECT substr(hour, 1, 10), sum(record_count), sum(total_num), sum(ng_count) "
            "FROM stats_hourly WHERE hour >= ? AND hour < ? GROUP BY 1",
            (start_day.isoformat(), (end_day + timedelta(days=1)).isoformat())).fetchall()
        found = {r[0]: r[1:] for r in rows}
        out = []
        for i in range(days):
            key = (start_day + timedelta(days=i)).isoformat()
            count, num, ng = found.get(key, (0, 0, 0))
            out.append({"stat_date": key, "record_count": int(count), "total_num": int(num),
                        "ng_count": int(ng)})
        return out

    @_sqlite_errors
    def search(
        self,
        limit: int = 20,
        page: int = 1,
        name: str | None = None,
        num: int | None = None,
        start_date: date | datetime | str | None = None,
        end_date: date | datetime | str | None = None,
        label: str | None = None,
        score_min: float | None = None,
        score_max: float | None = None,
        model_id: str | None = None,
        source: str | None = None,
        part_id: str | None = None,
    ) -> SearchPage:
        """One page (1-based) of the matching records, newest first, and their total count.

        ``name`` is a substring (LIKE semantics: ASCII case-insensitive); dates are whole days,
        both inclusive (a ``datetime`` is exact); ``label`` matches the final verdict;
        ``score_min``/``score_max`` bound the raw score, inclusive.
        """
        limit = _check_limit(limit)
        page = _check_page(page)
        filters = SearchFilters.build(name, num, start_date, end_date, label, score_min, score_max,
                                      model_id, source, part_id)
        conn = self._reader()
        conn.execute("BEGIN")  # one snapshot for the count and the page
        try:
            total = self._planner.count(conn, filters)
            data = self._page(conn, filters, limit, page, total)
        finally:
            conn.execute("COMMIT")
        return SearchPage(total=total, data=data)

    def _page(self, conn: sqlite3.Connection, filters: SearchFilters, limit: int, page: int,
              total: int) -> list[InspectionRecord]:
        history = self._history_size(conn)
        ids = self._planner.page_ids(conn, filters, limit, page, total, history)
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        rows = conn.execute(f"SELECT {SELECT_COLUMNS} FROM inspections WHERE id IN ({marks}){ORDER_DESC}",
                            ids).fetchall()
        return [row_record(r) for r in rows]

    @staticmethod
    def _history_size(conn: sqlite3.Connection) -> int:
        return int(conn.execute("SELECT COALESCE(sum(record_count), 0) FROM stats_hourly").fetchone()[0])

    def get_paginated(self, limit: int = 20, page: int = 1) -> SearchPage:
        """The seed's deprecated ``getPaginated``: an unfiltered :meth:`search`."""
        return self.search(limit=limit, page=page)

    def iter_search(self, **filters: Any) -> Iterator[InspectionRecord]:
        """Every matching record, newest first, streamed from one read snapshot."""
        f = SearchFilters.build(**filters)
        where, params = self._stream_where(f)
        cur = self._reader().execute(f"SELECT {SELECT_COLUMNS} FROM inspections{where}{ORDER_DESC}",
                                     params)
        try:
            while rows := cur.fetchmany(2000):
                for row in rows:
                    yield row_record(row)
        finally:
            cur.close()

    @_sqlite_errors
    def export_csv(self, path: str | os.PathLike[str], **filters: Any) -> int:
        """Write every record matching the :meth:`search` filters to a CSV file (UTF-8 with BOM,
        newest first, streamed); returns the number of rows."""
        f = SearchFilters.build(**filters)
        where, params = self._stream_where(f)
        cur = self._reader().execute(f"SELECT {EXPORT_COLUMNS} FROM inspections{where}{ORDER_DESC}", params)
        try:
            return write_csv(path, cur)
        finally:
            cur.close()

    # ---------------------------------------------------------------- statistics

    @_sqlite_errors
    def yield_stats(
        self,
        start: date | datetime | str,
        end: date | datetime | str,
        bucket: Literal["hour", "day", "shift"] = "hour",
        shifts: Iterable[Any] | None = None,
    ) -> list[stats.YieldBucket]:
        """OK / NG counts and NG rate per hour, day or shift (``shifts``: ``(name, "HH:MM")``)."""
        conn = self._reader()
        conn.execute("BEGIN")
        try:
            return stats.yield_stats(conn, start, end, bucket, shifts)
        finally:
            conn.execute("COMMIT")

    @_sqlite_errors
    def defect_count_distribution(self, start: stats.Moment = None, end: stats.Moment = None) -> dict[int, int]:
        return stats.defect_count_distribution(self._reader(), start, end)

    @_sqlite_errors
    def score_histogram(self, start: stats.Moment = None, end: stats.Moment = None, bins: int = 40,
                        field: Literal["normalized_score", "score"] = "normalized_score",
                        lo: float | None = None, hi: float | None = None) -> stats.ScoreHistogram:
        return stats.score_histogram(self._reader(), start, end, bins, field, lo, hi)

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
        return sum(p.stat().st_size for p in _sidecars(self.path) if p.exists())


def _check_page(page: Any) -> int:
    try:
        value = int(page)
    except (TypeError, ValueError) as exc:
        raise InvalidQuery(f"page must be a whole number, got {page!r}") from exc
    if not 1 <= value <= MAX_PAGE:
        raise InvalidQuery(f"page must be between 1 and {MAX_PAGE}, got {value}")
    return value


MAX_PAGE = 10**9

