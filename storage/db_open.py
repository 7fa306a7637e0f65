"""Opening a history file: the integrity check, moving a damaged file aside, salvage, migrations.

Each step is a function of the file (not of a live :class:`storage.database.Database`), run once
by its constructor before the writer serves anyone; see that class for the policy.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from pathlib import Path

from storage import schema
from storage.errors import MigrationError, SchemaTooNew, StorageError
from storage.records import InspectionRecord
from storage.rows import SELECT_COLUMNS, row_record

log = logging.getLogger("storage.database")

AUTO_CHECK_BYTES = 64 * 2**20  # smaller files are checked at every start (well under a second)
CLEAN_KEY = "clean_shutdown"
CHECKED_KEY = "last_integrity_check"
SALVAGE_BATCH = 500


def stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def sidecars(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def damage(path: Path, busy_ms: int, check: str) -> tuple[str | None, bool]:
    """``(problem, checked)``: None when the file is healthy, else what is wrong with it; and
    whether ``PRAGMA quick_check`` ran (``check``: auto, quick or none)."""
    try:
        conn = sqlite3.connect(path, timeout=busy_ms / 1000)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            if check == "none" or (check == "auto" and not check_due(path, conn)):
                return None, False
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc), False
    problems = [r[0] for r in rows if r[0] != "ok"]
    return ("; ".join(problems[:3]) if problems else None), True


def check_due(path: Path, conn: sqlite3.Connection) -> bool:
    """A small file, an unclean last shutdown or a week since the last full check."""
    if path.stat().st_size < AUTO_CHECK_BYTES:
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


def move_aside(path: Path) -> Path:
    """Rename the file and its WAL to ``<stem>.damaged-<time><suffix>``; returns the new name."""
    target = path.with_name(f"{path.stem}.damaged-{stamp()}{path.suffix or '.sqlite3'}")
    for src, dst in zip(sidecars(path), sidecars(target), strict=True):
        if src.exists():
            os.replace(src, dst)
    return target


def salvage(damaged: Path, store: Callable[[list[InspectionRecord]], Sequence[int]]) -> int:
    """Hand every record still readable from a damaged file (keeping figIds) to ``store``; best effort."""
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
                    f"SELECT {SELECT_COLUMNS} FROM inspections WHERE id > ? ORDER BY id LIMIT {SALVAGE_BATCH}",
                    (last,)).fetchall()
            except sqlite3.Error:
                # Skip over the unreadable stretch, one probe at a time.
                last += SALVAGE_BATCH
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
            store(records)
            saved += len(records)
            last = rows[-1][0]
    finally:
        src.close()
    return saved


def migrate(conn: sqlite3.Connection, path: Path) -> list[Path]:
    """Bring the file to :data:`schema.SCHEMA_VERSION`, one transaction per step, after a backup
    copy of an existing file; returns the copies taken. Closes ``conn`` when it refuses."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > schema.SCHEMA_VERSION:
        conn.close()
        raise SchemaTooNew(
            f"{path} has schema version {version}, newer than this QC Station supports "
            f"({schema.SCHEMA_VERSION}); update QC Station (the file was not changed)")
    backups: list[Path] = []
    if version == schema.SCHEMA_VERSION:
        return backups
    if version == 0:
        tables = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchone()[0]
        if tables:
            conn.close()
            raise StorageError(f"{path} is an SQLite file but not a QC Station history "
                               "(it has other tables); choose another data directory")
    else:
        backup = path.with_name(f"{path.stem}.v{version}-backup-{stamp()}.sqlite3")
        dest = sqlite3.connect(backup)
        try:
            conn.backup(dest)
        finally:
            dest.close()
        backups.append(backup)
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
            where = f"; the copy taken before migrating is {backups[-1]}" if backups else ""
            raise MigrationError(f"upgrading {path} to schema v{target} failed: {exc}{where}") from exc
    return backups
