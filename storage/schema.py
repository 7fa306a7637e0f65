"""The history schema as an ordered list of migrations; ``PRAGMA user_version`` is the version.

Each step moves a file from version ``n - 1`` to ``n`` inside one transaction, so a crash mid-way
leaves the old version intact. A new database runs every step, an old one only the missing ones —
the same code path, so migrations are exercised by every fresh install.

Timestamps are local wall-clock time stored as fixed-width text ``YYYY-MM-DD HH:MM:SS.ffffff``:
it sorts chronologically, ``substr(ts, 1, 10)`` is the day and ``substr(ts, 1, 13)`` the hour,
with no time-zone arithmetic in SQL.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from storage.insight_schema import migrate_insights

# v1: the first release: one row per inspection, indexed by time.
_V1 = [
    """CREATE TABLE inspections (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL,
        source TEXT NOT NULL,
        part_id TEXT,
        timestamp TEXT NOT NULL,
        label TEXT NOT NULL CHECK (label IN ('OK', 'NG')),
        defect_count INTEGER NOT NULL,
        score REAL NOT NULL,
        normalized_score REAL NOT NULL,
        confidence REAL NOT NULL,
        model_id TEXT,
        model_version INTEGER,
        processing_ms REAL NOT NULL,
        regions TEXT NOT NULL DEFAULT '[]',
        image_path TEXT,
        result_path TEXT,
        heatmap_path TEXT,
        image_pruned INTEGER NOT NULL DEFAULT 0,
        review_label TEXT CHECK (review_label IN ('OK', 'NG')),
        review_note TEXT,
        reviewed_at TEXT,
        extra TEXT NOT NULL DEFAULT '{}'
    )""",
    "CREATE INDEX idx_inspections_ts ON inspections(timestamp)",
]

# The summary trigger of v2..v11 (v12's adds the in-order figId bounds: storage/order_schema.py).
TRIGGER_STATS_INSERT_V2 = """CREATE TRIGGER trg_stats_insert AFTER INSERT ON inspections BEGIN
        INSERT INTO stats_hourly(hour, record_count, ng_count, total_num)
        VALUES (substr(NEW.timestamp, 1, 13), 1, NEW.final_label = 'NG', NEW.defect_count)
        ON CONFLICT(hour) DO UPDATE SET record_count = record_count + 1,
            ng_count = ng_count + (NEW.final_label = 'NG'), total_num = total_num + NEW.defect_count;
    END"""

# v2: statistics in milliseconds at a million rows: the final (reviewed) verdict as a column,
# an hourly summary kept exact by triggers, and one index per search filter (ordered by time so
# a filtered page never sorts).
_V2 = [
    "ALTER TABLE inspections ADD COLUMN final_label TEXT NOT NULL DEFAULT 'OK'",
    "UPDATE inspections SET final_label = COALESCE(review_label, label)",
    """CREATE TABLE stats_hourly (
        hour TEXT PRIMARY KEY,           -- 'YYYY-MM-DD HH'
        record_count INTEGER NOT NULL,
        ng_count INTEGER NOT NULL,       -- by final verdict
        total_num INTEGER NOT NULL       -- sum of defect_count
    ) WITHOUT ROWID""",
    """INSERT INTO stats_hourly(hour, record_count, ng_count, total_num)
       SELECT substr(timestamp, 1, 13), count(*), sum(final_label = 'NG'), sum(defect_count)
       FROM inspections GROUP BY 1""",
    TRIGGER_STATS_INSERT_V2,
    """CREATE TRIGGER trg_stats_delete AFTER DELETE ON inspections BEGIN
        UPDATE stats_hourly SET record_count = record_count - 1,
            ng_count = ng_count - (OLD.final_label = 'NG'), total_num = total_num - OLD.defect_count
        WHERE hour = substr(OLD.timestamp, 1, 13);
    END""",
    """CREATE TRIGGER trg_stats_update AFTER UPDATE OF timestamp, final_label, defect_count ON inspections
    BEGIN
        UPDATE stats_hourly SET record_count = record_count - 1,
            ng_count = ng_count - (OLD.final_label = 'NG'), total_num = total_num - OLD.defect_count
        WHERE hour = substr(OLD.timestamp, 1, 13);
        INSERT INTO stats_hourly(hour, record_count, ng_count, total_num)
        VALUES (substr(NEW.timestamp, 1, 13), 1, NEW.final_label = 'NG', NEW.defect_count)
        ON CONFLICT(hour) DO UPDATE SET record_count = record_count + 1,
            ng_count = ng_count + (NEW.final_label = 'NG'), total_num = total_num + NEW.defect_count;
    END""",
    "CREATE INDEX idx_inspections_label_ts ON inspections(final_label, timestamp)",
    "CREATE INDEX idx_inspections_num_ts ON inspections(defect_count, timestamp)",
    "CREATE INDEX idx_inspections_model_ts ON inspections(model_id, timestamp)",
    "CREATE INDEX idx_inspections_source_ts ON inspections(source, timestamp)",
    "CREATE INDEX idx_inspections_part_ts ON inspections(part_id, timestamp) WHERE part_id IS NOT NULL",
    "CREATE INDEX idx_inspections_image ON inspections(image_path) WHERE image_path IS NOT NULL",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
]

# v3: substring search on names over a million rows: an FTS5 trigram index (SQLite >= 3.34).
_V3_FTS = [
    """CREATE VIRTUAL TABLE names_fts USING fts5(
        name, content='inspections', content_rowid='id', tokenize='trigram')""",
    "INSERT INTO names_fts(names_fts) VALUES ('rebuild')",
    """CREATE TRIGGER trg_fts_insert AFTER INSERT ON inspections BEGIN
        INSERT INTO names_fts(rowid, name) VALUES (NEW.id, NEW.name);
    END""",
    """CREATE TRIGGER trg_fts_delete AFTER DELETE ON inspections BEGIN
        INSERT INTO names_fts(names_fts, rowid, name) VALUES ('delete', OLD.id, OLD.name);
    END""",
    """CREATE TRIGGER trg_fts_update AFTER UPDATE OF name ON inspections BEGIN
        INSERT INTO names_fts(names_fts, rowid, name) VALUES ('delete', OLD.id, OLD.name);
        INSERT INTO names_fts(rowid, name) VALUES (NEW.id, NEW.name);
    END""",
]


def trigram_available(conn: sqlite3.Connection) -> bool:
    try:
        conn.execute("CREATE VIRTUAL TABLE temp.qcs_probe USING fts5(x, tokenize='trigram')")
        conn.execute("DROP TABLE temp.qcs_probe")
        return True
    except sqlite3.OperationalError:
        return False


def _v3(conn: sqlite3.Connection) -> None:
    # Without the trigram tokenizer (old SQLite) name search falls back to a LIKE scan.
    if trigram_available(conn):
        for sql in _V3_FTS:
            conn.execute(sql)


FTS_MARK = "fts_indexed_id"  # meta: names of records up to this figId are in the trigram index

# v4: the trigram index is filled in batches by the writer instead of one row per insert (a
# per-row FTS5 insert cost ~0.5 ms of CPU, two thirds of an insert); the few newest names not yet
# indexed are searched with LIKE. Delete/update triggers only touch rows that are indexed.
_V4_FTS = [
    "DROP TRIGGER IF EXISTS trg_fts_insert",
    "DROP TRIGGER IF EXISTS trg_fts_delete",
    "DROP TRIGGER IF EXISTS trg_fts_update",
    f"""INSERT INTO meta(key, value) SELECT '{FTS_MARK}', COALESCE(max(id), 0) FROM inspections
        WHERE true ON CONFLICT(key) DO UPDATE SET value = excluded.value""",
    f"""CREATE TRIGGER trg_fts_delete AFTER DELETE ON inspections
        WHEN OLD.id <= (SELECT CAST(value AS INTEGER) FROM meta WHERE key = '{FTS_MARK}') BEGIN
        INSERT INTO names_fts(names_fts, rowid, name) VALUES ('delete', OLD.id, OLD.name);
    END""",
    f"""CREATE TRIGGER trg_fts_update AFTER UPDATE OF name ON inspections
        WHEN OLD.id <= (SELECT CAST(value AS INTEGER) FROM meta WHERE key = '{FTS_MARK}') BEGIN
        INSERT INTO names_fts(names_fts, rowid, name) VALUES ('delete', OLD.id, OLD.name);
        INSERT INTO names_fts(rowid, name) VALUES (NEW.id, NEW.name);
    END""",
]


def _v4(conn: sqlite3.Connection) -> None:
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'names_fts'").fetchone():
        for sql in _V4_FTS:
            conn.execute(sql)


# v5: a bigram index for two-character names that are not pure ASCII (CJK words such as 瓶子 are
# often two characters; the trigram index needs three). Contentless with no positions: small.
# Tokens come from the Python function qcs_bigrams (registered on the writer connection); rows
# are added by the same batched catch-up as the trigram index. No delete trigger: names are never
# changed, and a stale entry would only point at a figId that no longer exists.
BIGRAM_CATCH_UP = """INSERT INTO names_bigram(rowid, b)
    SELECT id, b FROM (SELECT id, qcs_bigrams(name) AS b FROM inspections WHERE id > ? AND id <= ?)
    WHERE b <> ''"""


def _v5(conn: sqlite3.Connection) -> None:
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'names_fts'").fetchone():
        conn.execute("CREATE VIRTUAL TABLE names_bigram USING fts5(b, content='', tokenize='ascii', "
                     "detail='none')")
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (FTS_MARK,)).fetchone()
        conn.execute(BIGRAM_CATCH_UP, (0, int(row[0]) if row else 0))


# v6: a log of operator reviews, so mirrors (Elasticsearch) re-send records reviewed after they
# were copied.
_V6 = [
    """CREATE TABLE review_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        record_id INTEGER NOT NULL,
        reviewed_at TEXT NOT NULL
    )""",
]


# v9: one similarity embedding per inspection (float16, unit length; inference.embedding), in
# its own table so history queries never read the blobs; removed with its record.
_V9 = [
    """CREATE TABLE embeddings (
        record_id INTEGER PRIMARY KEY,
        vec BLOB NOT NULL
    )""",
    """CREATE TRIGGER trg_embeddings_delete AFTER DELETE ON inspections BEGIN
        DELETE FROM embeddings WHERE record_id = OLD.id;
    END""",
]


def _run(statements: list[str]) -> Callable[[sqlite3.Connection], None]:
    def step(conn: sqlite3.Connection) -> None:
        for sql in statements:
            conn.execute(sql)

    return step


# v7: idempotent HTTP requests: records of a request_id are found without a scan (storage/requests.py).
def _v7(conn: sqlite3.Connection) -> None:
    from storage.requests import REQUEST_INDEX

    conn.execute(REQUEST_INDEX)


# v8: hourly pre-aggregates for the insights (storage/insight_schema.py).

# v10: the machine API (HACARUS Check v1 style): clients, tokens, targets, items, assessments, audit.
# v11: a score index and daily score pre-aggregates: the last queries over 50 ms at 10^6 records.
# v12: min/max in-order figId per hour and the late records: a period as a figId run
# (storage/order_schema.py: the current summary trigger and bulk-import statements live there).
# v13: per-block bitsets of (trigram, position): a broad name's exact total in milliseconds
# (storage/name_grams.py).
from storage.machine_schema import V10_MACHINE  # noqa: E402 - kept beside the list it extends
from storage.name_grams import migrate_v13  # noqa: E402 - kept beside the list it extends
from storage.order_schema import migrate_v12  # noqa: E402 - kept beside the list it extends
from storage.query_schema import migrate_v11  # noqa: E402 - kept beside the list it extends

# MIGRATIONS[i] moves a file from version i to i + 1.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_run(_V1), _run(_V2), _v3, _v4, _v5, _run(_V6), _v7,
                                                          migrate_insights, _run(_V9),
                                                          _run(V10_MACHINE), migrate_v11, migrate_v12,
                                                          migrate_v13]
SCHEMA_VERSION = len(MIGRATIONS)

# Bulk import indexes the batch's names in one statement (its summary statements: storage/order_schema.py).
FTS_CATCH_UP = "INSERT INTO names_fts(rowid, name) SELECT id, name FROM inspections WHERE id > ? ORDER BY id"

# Statements of the first release, for tests that build an "old" file.
V1_STATEMENTS = tuple(_V1)
