"""Schema v13: the exact number of records whose name contains a substring, without walking doclists.

The trigram index answers "which records contain ``cam1_``" by walking the doclists of its three
trigrams; for a broad name that is every record with ``cam`` (~1,000,000 entries at 10^6 records,
~40–60 ms of CPU) just to *count* 250,000 matches. This index stores, per block of
:data:`BLOCK` figIds, one bitset per (trigram, position in the name): the records of that block
whose folded name has that trigram at that position. A name contains a query of ``k`` trigrams at
offset ``o`` exactly when trigram ``j`` sits at position ``o + j`` for every ``j`` (consecutive
trigrams overlap by two characters, so they spell the query), hence per block

    matches = popcount( OR over o of AND over j of bits[trigram j, position o + j] )

— a few hundred AND/OR of 8,192-bit integers per block, exact, with no verification pass. A set
with fewer than ``BLOCK // 16`` members (512) is stored as its sorted 16-bit offsets (under 1 KB),
a denser one as a 1 KB bitmap: the length tells them apart.

Which records it covers: full blocks only (figIds up to the ``SEALED_KEY`` mark, a multiple of
:data:`BLOCK` minus one). The writer *seals* a block when the figIds have passed its end (in the
names' batched catch-up, :meth:`storage.db_writes.WritesMixin._catch_up_names`); the open block
(< 8,192 records) is counted by the trigram index and the not-yet-indexed tail by LIKE, as before.
Anything that changes a sealed record afterwards (a delete, a renamed record, an explicit figId
inserted below the mark) is logged by a plain SQL trigger in ``gram_dirty`` with the name the
bitsets hold, and the count corrects for those rows in Python (no SQL function needed, so any
SQLite client may delete rows). Past :data:`DIRTY_MAX` logged rows the count returns None and the
caller uses the trigram index; the writer re-seals the most-changed block meanwhile.

Case: names and queries are folded with Python's lower-casing one character at a time (positions
stay put), which is what the trigram index does for the letters names use.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable

import numpy as np

from storage.filters import MIN_TRIGRAM, fts_phrase, like_pattern

BLOCK = 8192  # figIds per block (one bitset of 1 KB); a set of BLOCK // 16 or more is a bitmap
DIRTY_MAX = 20_000  # logged changes the count corrects for; above, the trigram index counts
RESEAL_AT = 256  # logged changes in one block that make the writer rebuild that block
FTS_MARK = "fts_indexed_id"  # storage.schema.FTS_MARK (schema imports this module, not the reverse)
SEALED_KEY = "gram_sealed_id"  # meta: records with figIds up to this are in name_grams
_SEALED = f"(SELECT CAST(value AS INTEGER) FROM meta WHERE key = '{SEALED_KEY}')"


def _change_log(kind: str, log: str, mark: str) -> list[str]:
    """Triggers that log, in ``log``, every record at or below ``mark`` (SQL) that changes after an
    index took it in: deleted or renamed (with the name the index holds), or written with an
    explicit figId (NULL: the index does not hold it). The first entry per figId is kept."""
    add = f"INSERT OR IGNORE INTO {log}(id, indexed_name)"
    return [
        f"""CREATE TRIGGER trg_{kind}_delete AFTER DELETE ON inspections WHEN OLD.id <= {mark} BEGIN
        {add} VALUES (OLD.id, OLD.name);
    END""",
        f"""CREATE TRIGGER trg_{kind}_update AFTER UPDATE OF id, name ON inspections
        WHEN OLD.id <= {mark} OR NEW.id <= {mark} BEGIN
        {add} SELECT OLD.id, OLD.name WHERE OLD.id <= {mark};
        {add} SELECT NEW.id, NULL WHERE NEW.id <= {mark};
    END""",
        f"""CREATE TRIGGER trg_{kind}_insert AFTER INSERT ON inspections WHEN NEW.id <= {mark} BEGIN
        {add} VALUES (NEW.id, NULL);
    END""",
    ]


SCHEMA = [
    # By trigram first: a count reads each trigram's sets as one stretch of the table (measured at
    # 10^6 records: 0.7 ms for cam1_ against 3.7 ms ordered by block); sealing a block then
    # inserts at a few thousand places (~210 ms of CPU per 8,192 records against ~125).
    """CREATE TABLE name_grams (
        gram TEXT NOT NULL, pos INTEGER NOT NULL, blk INTEGER NOT NULL, bits BLOB NOT NULL,
        PRIMARY KEY (gram, pos, blk)) WITHOUT ROWID""",
    # Sealed records changed since: the name their bits hold (NULL: not in the bits).
    "CREATE TABLE gram_dirty (id INTEGER PRIMARY KEY, indexed_name TEXT)",
    f"INSERT INTO meta(key, value) VALUES ('{SEALED_KEY}', '-1')",
    *_change_log("gram", "gram_dirty", _SEALED),
]

# The bigram index (v5, contentless, filled by a Python function) has no delete trigger: a deleted
# or renamed record stayed counted. The same kind of log, kept for good (that index is never
# rebuilt), lets its count correct for them; records are normally never deleted, so it stays empty.
_INDEXED = f"(SELECT CAST(value AS INTEGER) FROM meta WHERE key = '{FTS_MARK}')"
BIGRAM_SCHEMA = [
    "CREATE TABLE bigram_dirty (id INTEGER PRIMARY KEY, indexed_name TEXT)",
    *_change_log("bigram", "bigram_dirty", _INDEXED),
]


def fold(text: str) -> str:
    """Lower case, one character for one (so positions are those of the stored name)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def grams(text: str) -> list[str]:
    """The trigrams of the folded ``text``, in order (position = index)."""
    t = fold(text)
    return [t[i:i + 3] for i in range(len(t) - 2)]


def contains(name: str | None, query: str) -> bool:
    return name is not None and fold(query) in fold(name)


# ---------------------------------------------------------------- building


def _encode(offsets: list[int]) -> bytes:
    if len(offsets) < BLOCK // 16:
        return np.asarray(offsets, dtype="<u2").tobytes()
    flags = np.zeros(BLOCK, dtype=np.uint8)
    flags[offsets] = 1
    return np.packbits(flags, bitorder="little").tobytes()


def block_rows(blk: int, names: Iterable[tuple[int, str]]) -> list[tuple[int, str, int, bytes]]:
    """``name_grams`` rows of one block from its ``(figId, name)`` pairs in figId order."""
    lo = blk * BLOCK
    sets: defaultdict[tuple[str, int], list[int]] = defaultdict(list)
    for fig_id, name in names:
        off = fig_id - lo
        for pos, gram in enumerate(grams(name)):
            sets[(gram, pos)].append(off)
    return [(blk, gram, pos, _encode(offs)) for (gram, pos), offs in sets.items()]


def seal_block(conn: sqlite3.Connection, blk: int, *, again: bool = True) -> None:
    """(Re)build one block's bitsets from the records' current names; its logged changes are absorbed.
    ``again=False``: a block never sealed (skips the delete, a scan of the table)."""
    lo, hi = blk * BLOCK, (blk + 1) * BLOCK - 1
    if again:
        conn.execute("DELETE FROM name_grams WHERE blk = ?", (blk,))
    names = conn.execute("SELECT id, name FROM inspections WHERE id BETWEEN ? AND ? ORDER BY id", (lo, hi))
    conn.executemany("INSERT INTO name_grams(blk, gram, pos, bits) VALUES (?, ?, ?, ?)", block_rows(blk, names))
    conn.execute("DELETE FROM gram_dirty WHERE id BETWEEN ? AND ?", (lo, hi))


def sealed_high(conn: sqlite3.Connection) -> int | None:
    """The highest figId the bitsets cover (-1: none yet), or None on a file without them."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (SEALED_KEY,)).fetchone()
    return int(row[0]) if row else None


def seal_ready(conn: sqlite3.Connection, top: int) -> int:
    """Inside a write transaction: seal every block the figIds (up to ``top``) have passed, and
    re-seal the most-changed block when it has many logged changes; returns the blocks built."""
    high = sealed_high(conn)
    if high is None:
        return 0
    built = 0
    while top >= high + BLOCK:
        seal_block(conn, (high + 1) // BLOCK, again=False)
        high += BLOCK
        built += 1
    if built:
        conn.execute("UPDATE meta SET value = ? WHERE key = ?", (str(high), SEALED_KEY))
    row = conn.execute("SELECT id / ?, count(*) AS n FROM gram_dirty GROUP BY 1 ORDER BY n DESC LIMIT 1",
                       (BLOCK,)).fetchone()
    if row and row[1] >= RESEAL_AT:
        seal_block(conn, int(row[0]))
        built += 1
    return built


_TRIGGERS = ["trg_gram_delete", "trg_gram_update", "trg_gram_insert", "trg_bigram_delete", "trg_bigram_update",
             "trg_bigram_insert"]


def downgrade_v13_objects(conn: sqlite3.Connection) -> str:
    """Benchmark only: v13's triggers dropped and sealing stopped, to measure what v13 costs an
    insert in the same run; returns the mark for :func:`restore_v13_objects`."""
    mark = str(sealed_high(conn))
    for name in _TRIGGERS:
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("DELETE FROM meta WHERE key = ?", (SEALED_KEY,))
    return mark


def restore_v13_objects(conn: sqlite3.Connection, mark: str) -> None:
    """Benchmark only: the triggers and the mark back (records written meanwhile are above it)."""
    conn.execute("INSERT INTO meta(key, value) VALUES (?, ?)", (SEALED_KEY, mark))
    for sql in SCHEMA[3:] + BIGRAM_SCHEMA[1:]:
        conn.execute(sql)


def migrate_v13(conn: sqlite3.Connection) -> None:
    """Create the bitsets and seal every full block (about 20–40 s per 10^6 records)."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'names_fts'").fetchone():
        return  # no trigram index (old SQLite): name search scans, nothing to speed up
    for sql in SCHEMA + BIGRAM_SCHEMA:
        conn.execute(sql)
    seal_ready(conn, int(conn.execute("SELECT COALESCE(max(id), 0) FROM inspections").fetchone()[0]))


# ---------------------------------------------------------------- counting


def _and(containers: list[bytes], memo: dict[bytes, int]) -> int:
    """The intersection of stored sets as an integer bitset, the smallest set first: all bitmaps
    as integers; otherwise the smallest set's offsets, kept where every other set has them."""
    containers = sorted(containers, key=len)
    if len(containers[0]) == BLOCK // 8:  # all bitmaps
        acc = -1
        for bits in containers:
            value = memo.get(bits)
            if value is None:
                value = memo[bits] = int.from_bytes(bits, "little")
            acc &= value
            if not acc:
                return 0
        return acc
    offs = np.frombuffer(containers[0], dtype="<u2")
    for bits in containers[1:]:
        if len(bits) == BLOCK // 8:
            flags = np.frombuffer(bits, dtype=np.uint8)
            offs = offs[(flags[offs >> 3] >> (offs & 7).astype(np.uint8)) & 1 == 1]
        else:
            offs = offs[np.isin(offs, np.frombuffer(bits, dtype="<u2"), assume_unique=True)]
        if not offs.size:
            return 0
    if offs.size > 64:
        flags = np.zeros(BLOCK, dtype=np.uint8)
        flags[offs] = 1
        return int.from_bytes(np.packbits(flags, bitorder="little").tobytes(), "little")
    acc = 0
    for off in offs.tolist():
        acc |= 1 << off
    return acc


def _block_hits(sets: dict[str, dict[int, bytes]], seq: list[str]) -> int:
    """Records of one block whose name holds the trigrams ``seq`` at consecutive positions, as an
    integer bitset (bit ``i``: figId ``blk * BLOCK + i``) as the bits hold them."""
    hits = 0
    memo: dict[bytes, int] = {}
    for start in sets[seq[0]]:
        found = [sets[gram].get(start + j) for j, gram in enumerate(seq)]
        if all(bits is not None for bits in found):
            hits |= _and(found, memo)  # type: ignore[arg-type]
    return hits


def sealed_hits(conn: sqlite3.Connection, query: str) -> tuple[dict[int, int], int, int] | None:
    """``({block: hit bitset}, dirty, high)`` for a query of three characters or more (blocks
    without a hit left out; ``dirty``: logged changes, not applied), or None when the bitsets do
    not apply (no table, too many logged changes)."""
    high = sealed_high(conn)
    seq = grams(query)
    if high is None or len(query) < MIN_TRIGRAM or not seq:
        return None
    dirty = conn.execute("SELECT count(*) FROM gram_dirty").fetchone()[0]
    if dirty > DIRTY_MAX:
        return None
    distinct = sorted(set(seq))
    marks = ", ".join("?" * len(distinct))
    by_block: dict[int, dict[str, dict[int, bytes]]] = defaultdict(lambda: defaultdict(dict))
    rows = conn.execute(f"SELECT blk, gram, pos, bits FROM name_grams WHERE gram IN ({marks})", distinct)
    for blk, gram, pos, bits in rows:
        by_block[blk][gram][pos] = bits
    out = {}
    for blk, sets in by_block.items():
        if len(sets) == len(distinct) and (hits := _block_hits(sets, seq)):
            out[blk] = hits
    return out, int(dirty), high


def sealed_count(conn: sqlite3.Connection, query: str) -> tuple[int, int] | None:
    """``(matches among figIds <= high, high)`` for a query of three characters or more, or None
    when the bitsets do not apply (no table, too many logged changes)."""
    found = sealed_hits(conn, query)
    if found is None:
        return None
    blocks, dirty, high = found
    total = sum(hits.bit_count() for hits in blocks.values())
    if dirty:
        total += correction(conn, "gram_dirty", query)
    return total, high


def correction(conn: sqlite3.Connection, log: str, query: str) -> int:
    """What the logged changes (``gram_dirty`` or ``bigram_dirty``) add to an index's count."""
    rows = conn.execute(f"SELECT d.indexed_name, i.name FROM {log} d LEFT JOIN inspections i ON i.id = d.id")
    return sum(contains(current, query) - contains(indexed, query) for indexed, current in rows)


def bigram_correction(conn: sqlite3.Connection, query: str) -> int:
    """The bigram index's count plus this is exact (0 on a file without the log)."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'bigram_dirty'").fetchone():
        return 0
    return correction(conn, "bigram_dirty", query)


def name_count(conn: sqlite3.Connection, name: str, fts_high: int) -> int | None:
    """The exact number of records whose name contains ``name`` (three characters or more): the
    bitsets up to the sealed mark, the trigram index for the open block, LIKE for names not yet
    indexed; None when the bitsets do not apply (the caller counts with the trigram index)."""
    sealed = sealed_count(conn, name)
    if sealed is None:
        return None
    total, high = sealed
    if fts_high > high:
        total += conn.execute("SELECT count(*) FROM names_fts WHERE names_fts MATCH ? AND rowid > ? AND rowid <= ?",
                              (fts_phrase(name), high, fts_high)).fetchone()[0]
    total += conn.execute("SELECT count(*) FROM inspections WHERE id > ? AND name LIKE ? ESCAPE '\\'",
                          (max(high, fts_high), like_pattern(name))).fetchone()[0]
    return int(total)
