"""Writes to the history: inserts, bulk import, operator reviews, image paths, pruning, meta,
and the batched catch-up of the name indexes.

All of them go through the one writer connection (:class:`storage.db_base.DatabaseBase`); a
change other than an append bumps the count generation so cached search totals are dropped.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from storage import name_grams, order_schema, schema
from storage.db_base import DatabaseBase, rowid, sqlite_errors
from storage.errors import InvalidQuery, RecordNotFound
from storage.records import InspectionRecord
from storage.rows import INSERT_SQL, INSERT_WITH_ID_SQL, fetch_record, record_params
from storage.search_plan import GEN_KEY, SearchPlanner
from storage.timeutil import to_db

log = logging.getLogger("storage.database")

FTS_BATCH = 256  # names indexed per catch-up statement
FTS_DELAY_S = 2.0  # or at the latest this long after the previous catch-up (on the next insert)
PRUNE_CHUNK = 500  # image paths per UPDATE of mark_pruned
UPSERT_META = ("INSERT INTO meta(key, value) VALUES (?, ?) "
               "ON CONFLICT(key) DO UPDATE SET value = excluded.value")


class WritesMixin(DatabaseBase):
    """The writing half of :class:`storage.database.Database`."""

    has_fts: bool
    _planner: SearchPlanner
    _last_id: int
    _fts_done: int
    _fts_time: float

    @sqlite_errors
    def insert(self, record: InspectionRecord) -> int:
        """Store one record in its own transaction; returns the new figId."""
        if record.id is not None:
            return self.insert_many([record])[0]
        params = record_params(record)
        with self._write_lock:
            fig_id = rowid(self._write(INSERT_SQL, params))
            self._last_id = max(self._last_id, fig_id)
            self._index_names()
        return fig_id

    @sqlite_errors
    def insert_many(self, records: Iterable[InspectionRecord],
                    embeddings: Sequence[bytes | None] | None = None) -> list[int]:
        """Store records in one transaction (all or none); returns their figIds in order.

        ``embeddings``: one similarity vector blob (``storage.vectors.to_blob``) or None per
        record, stored in the same transaction so a mirror never sees a record without it.
        """
        prepared = [(r.id, record_params(r)) for r in records]
        ids: list[int] = []
        with self._write_lock:
            with self._transaction() as conn:
                for rid, params in prepared:
                    if rid is None:
                        cur = conn.execute(INSERT_SQL, params)
                    else:
                        cur = conn.execute(INSERT_WITH_ID_SQL, (int(rid), *params))
                    ids.append(rowid(cur))
                    blob = embeddings[len(ids) - 1] if embeddings is not None else None
                    if blob is not None:
                        conn.execute("INSERT OR REPLACE INTO embeddings(record_id, vec) VALUES (?, ?)",
                                     (ids[-1], blob))
                if any(rid is not None for rid, _p in prepared):
                    self._bump_generation()  # ids below the newest: cached counts must go
            self._last_id = max([self._last_id, *ids])
            self._index_names()
        return ids

    @sqlite_errors
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
        with self._transaction() as conn:
            last = conn.execute("SELECT COALESCE(max(id), 0) FROM inspections").fetchone()[0]
            conn.execute("DROP TRIGGER trg_stats_insert")
            conn.executemany(INSERT_SQL, params)
            conn.execute(order_schema.BULK_LATE, (last, order_schema.frontier_hour(conn)))
            conn.execute(order_schema.BULK_STATS, (last,))
            conn.execute(order_schema.TRIGGER_STATS_INSERT)
            if self.has_fts:
                self._catch_up_names(conn)
        return len(params)

    @sqlite_errors
    def set_review(self, record_id: int, label: str | None, note: str | None = None) -> InspectionRecord:
        """Record the operator's verdict (``None`` clears the review); statistics follow it."""
        if label is not None:
            label = str(label).upper()
            if label not in ("OK", "NG"):
                raise InvalidQuery(f"review label must be OK or NG, got {label!r}")
        reviewed_at = to_db(datetime.now()) if label is not None else None
        note = note if label is not None else None
        with self._transaction() as conn:
            cur = conn.execute(
                "UPDATE inspections SET review_label = ?, review_note = ?, reviewed_at = ?, "
                "final_label = COALESCE(?, label) WHERE id = ?",
                (label, note, reviewed_at, label, int(record_id)))
            self._bump_generation()
            if cur.rowcount:
                conn.execute("INSERT INTO review_log(record_id, reviewed_at) VALUES (?, ?)",
                             (int(record_id), to_db(datetime.now())))
        if cur.rowcount == 0:
            raise RecordNotFound(f"no inspection record with figId {record_id}")
        record = fetch_record(self._reader(), record_id)
        assert record is not None
        return record

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
        try:
            with self._transaction() as conn:
                self._catch_up_names(conn)
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
            conn.execute(UPSERT_META, (schema.FTS_MARK, str(top)))
        name_grams.seal_ready(conn, top)  # v13: blocks the figIds have passed get their bitsets
        self._fts_done = self._last_id = max(top, done)
        self._fts_time = time.monotonic()

    def _bump_generation(self) -> None:
        """Cached search counts are stale after a change other than an append (review, old id)."""
        self._writer.execute(
            "INSERT INTO meta(key, value) VALUES (?, '1') "
            "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1", (GEN_KEY,))
        self._planner.invalidate()

    @sqlite_errors
    def set_image_paths(self, record_id: int, image_path: str | None, result_path: str | None = None,
                        heatmap_path: str | None = None) -> None:
        """Attach saved images to a stored record (the station saves them after answering)."""
        cur = self._write(
            "UPDATE inspections SET image_path = ?, result_path = ?, heatmap_path = ?, image_pruned = 0 "
            "WHERE id = ?", (image_path, result_path, heatmap_path, int(record_id)))
        if cur.rowcount == 0:
            raise RecordNotFound(f"no inspection record with figId {record_id}")

    @sqlite_errors
    def mark_pruned(self, image_paths: Iterable[str]) -> int:
        """Clear the image paths of records whose original image is ``image_paths``; count them."""
        paths = list(image_paths)
        changed = 0
        with self._write_lock:
            for i in range(0, len(paths), PRUNE_CHUNK):
                chunk = paths[i:i + PRUNE_CHUNK]
                marks = ", ".join("?" * len(chunk))
                cur = self._write(
                    "UPDATE inspections SET image_pruned = 1, image_path = NULL, result_path = NULL, "
                    f"heatmap_path = NULL WHERE image_path IS NOT NULL AND image_path IN ({marks})",
                    chunk)
                changed += cur.rowcount
        return changed

    @sqlite_errors
    def set_meta(self, key: str, value: str) -> None:
        self._write(UPSERT_META, (key, str(value)))
