"""Schema v13: a name's exact total from per-block (trigram, position) bitsets, against a scan.

Blocks of 256 figIds (instead of 8,192) so a few thousand records fill many blocks, with both
encodings of a set (offset arrays and bitmaps); random histories with bulk imports, single and
group inserts, deletes, renames and explicit figIds below the sealed mark; queries drawn from the
stored names (any substring) plus LIKE's special characters, CJK, quotes and 1–2 characters.
"""

from __future__ import annotations

import random
import sqlite3
from dataclasses import replace
from datetime import datetime, timedelta

import pytest

import storage.schema as schema
from storage import Database, name_grams
from storage.schema import MIGRATIONS
from tests.storage.conftest import make_record

T0 = datetime(2024, 6, 1)
FIXED = ["cam1_", "cam1_2024", "%", "_", "\\", '"', "1_0", "%_", "瓶子", "瓶子_", "換向器_1", "aaa",
         "aaaa", "png", ".PNG", "lot", "a b", "nothing", "x", "ab", "_1", "100%"]


@pytest.fixture
def small_blocks(monkeypatch):
    monkeypatch.setattr(name_grams, "BLOCK", 256)  # bitmap from 16 members


def _name(rng: random.Random, i: int) -> str:
    kind = rng.random()
    if kind < 0.55:
        return f"cam{rng.randrange(4)}_{T0 + timedelta(seconds=i):%Y%m%d_%H%M%S}_{i:05d}.png"
    if kind < 0.65:
        return rng.choice(["瓶子", "磁瓦", "換向器", "부품"]) + f"_{i}.png"
    if kind < 0.75:
        return rng.choice(["CAM1_", "Lot_", "cap_100%_", "a\\b_", 'q"uote_', "a b "]) + str(i)
    if kind < 0.85:
        return "a" * rng.randrange(1, 9) + rng.choice(["", "b", "_a"])  # repeats: one match per name
    if kind < 0.9:
        return rng.choice(["x", "ab", "瓶"])  # shorter than a trigram
    return "".join(rng.choice("ab_1%c") for _ in range(rng.randrange(3, 40)))


def _queries(rng: random.Random, names: list[str]) -> list[str]:
    out = list(FIXED)
    for _ in range(40):
        n = rng.choice(names)
        if len(n) < 3:
            continue
        a = rng.randrange(len(n) - 2)
        out.append(n[a:a + rng.randrange(3, 10)])
    return [q.strip() for q in out if q.strip()]


def _scan(db: Database, query: str) -> int:
    names = [r[0] for r in db._reader().execute("SELECT name FROM inspections")]
    return sum(query.lower() in n.lower() for n in names)


def _check(db: Database, queries: list[str], bits: bool = True) -> None:
    """Totals equal a scan; with ``bits`` the bitsets gave them (else the trigram index did)."""
    conn = db._reader()
    for q in queries:
        db._planner.invalidate()
        expected = _scan(db, q)
        assert db.count_search(name=q) == expected, q
        db._planner.invalidate()
        assert db.search(name=q, limit=3).total == expected, q
        if len(q) >= 3:
            by_bits = name_grams.name_count(conn, q, db._planner.fts_high(conn))
            assert by_bits == (expected if bits else None), q


def _history(db: Database, rng: random.Random, n: int) -> list[str]:
    names = [_name(rng, i) for i in range(n)]
    recs = [make_record(T0 + timedelta(seconds=i), name=nm) for i, nm in enumerate(names)]
    _write_mixed(db, rng, recs, n * 2 // 3, group=7)
    return names


def _write_mixed(db: Database, rng: random.Random, recs: list, cut: int, group: int) -> None:
    """The first ``cut`` records by bulk import, the rest as single inserts and groups of ``group``."""
    db.import_records(recs[:cut])
    i = cut
    while i < len(recs):
        if rng.random() < 0.5:
            db.insert(recs[i])
            i += 1
        else:
            db.insert_many(recs[i:i + group])
            i += group


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_name_totals_equal_a_scan_through_inserts_deletes_and_renames(tmp_path, small_blocks, seed):
    rng = random.Random(seed)
    with Database(tmp_path / "h.sqlite3") as db:
        names = _history(db, rng, 3000)
        conn = db._reader()
        high = name_grams.sealed_high(conn)
        assert high is not None and high >= 2 * 256 - 1 and (high + 1) % 256 == 0
        assert conn.execute("SELECT count(*) FROM name_grams WHERE length(bits) = 32").fetchone()[0] > 0
        assert conn.execute("SELECT count(*) FROM name_grams WHERE length(bits) < 32").fetchone()[0] > 0
        queries = _queries(rng, names)
        _check(db, queries)
        # changes to sealed records: deletes, renames, and figIds reused below the mark
        ids = rng.sample(range(1, high + 1), 60)
        for fig_id in ids[:40]:
            db._write("DELETE FROM inspections WHERE id = ?", (fig_id,))
        for fig_id in ids[40:50]:
            db._write("UPDATE inspections SET name = ? WHERE id = ?", (_name(rng, fig_id), fig_id))
        db.insert_many([replace(make_record(T0, name=_name(rng, fig_id)), id=fig_id) for fig_id in ids[:10]])
        assert conn.execute("SELECT count(*) FROM gram_dirty").fetchone()[0] == 50
        _check(db, queries)
        # more inserts seal more blocks; the logged changes stay corrected for
        more = [make_record(T0 + timedelta(days=1, seconds=i), name=_name(rng, 5000 + i)) for i in range(600)]
        for r in more:
            db.insert(r)
        db._index_names(force=True)
        assert name_grams.sealed_high(conn) > high
        _check(db, queries)


def test_many_changes_fall_back_then_the_writer_reseals(tmp_path, small_blocks, monkeypatch):
    rng = random.Random(7)
    with Database(tmp_path / "h.sqlite3") as db:
        names = _history(db, rng, 1500)
        conn = db._reader()
        for fig_id in range(1, 200):
            db._write("DELETE FROM inspections WHERE id = ?", (fig_id,))
        monkeypatch.setattr(name_grams, "DIRTY_MAX", 100)
        assert name_grams.sealed_count(conn, "cam1_") is None  # too many to correct: trigram index
        queries = _queries(rng, names)[:30]
        _check(db, queries, bits=False)
        monkeypatch.setattr(name_grams, "RESEAL_AT", 150)
        db.insert(make_record(T0 + timedelta(days=2), name="cam1_new"))
        db._index_names(force=True)  # the catch-up rebuilds the most-changed block
        assert conn.execute("SELECT count(*) FROM gram_dirty").fetchone()[0] == 0
        assert name_grams.sealed_count(conn, "cam1_") is not None
        _check(db, queries)


def test_mixed_filters_and_case_of_other_letters(tmp_path, small_blocks):
    with Database(tmp_path / "h.sqlite3") as db:
        recs = [make_record(T0 + timedelta(minutes=i), label="NG" if i % 3 == 0 else "OK",
                            name=["ÄBC_Ölen.png", "äbc_ölen.png", "Straße_1", "cam1_x"][i % 4] + str(i))
                for i in range(700)]
        db.import_records(recs)
        db._index_names(force=True)
        conn = db._reader()
        assert name_grams.sealed_high(conn) == 511
        for q in ["äbc", "ÄBC_ö", "straße", "STRASSE", "cam1_"]:  # every name indexed: full case folding
            expected = sum(q.lower() in r.name.lower() for r in recs)
            fts = conn.execute("SELECT count(*) FROM names_fts WHERE names_fts MATCH ?",
                               (name_grams.fts_phrase(q),)).fetchone()[0]
            assert name_grams.name_count(conn, q, db._planner.fts_high(conn)) == expected == fts, q
        ng = sum("cam1_" in r.name and r.label == "NG" for r in recs)
        assert db.search(name="cam1_", label="NG").total == ng  # other filters: the row plan
        assert db.search(name="cam1_", end_date=T0 + timedelta(minutes=300)).total == \
            sum("cam1_" in r.name and r.timestamp < T0 + timedelta(minutes=300) for r in recs)


def test_migration_from_v12_seals_existing_blocks(tmp_path, small_blocks, monkeypatch):
    path = tmp_path / "old.sqlite3"
    rng = random.Random(11)
    with monkeypatch.context() as m:  # the previous release: schema v12
        m.setattr(schema, "MIGRATIONS", MIGRATIONS[:12])
        m.setattr(schema, "SCHEMA_VERSION", 12)
        with Database(path) as old:
            names = _history(old, rng, 1200)
            assert not old._reader().execute("SELECT 1 FROM sqlite_master WHERE name = 'name_grams'").fetchone()
    with Database(path) as db:
        assert db.schema_version == 13 and len(db.backups) == 1
        assert name_grams.sealed_high(db._reader()) == 1199 // 256 * 256 - 1
        _check(db, _queries(rng, names)[:30])


def test_a_file_without_the_trigram_tokenizer_is_left_alone():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    conn.execute("CREATE TABLE inspections (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
    name_grams.migrate_v13(conn)  # no names_fts: nothing created, counts take the old path
    assert name_grams.sealed_high(conn) is None
    assert name_grams.name_count(conn, "cam", 0) is None
    assert name_grams.bigram_correction(conn, "瓶子") == 0
    assert name_grams.FTS_MARK == schema.FTS_MARK  # a copy (schema imports name_grams)


def test_a_deleted_record_leaves_the_two_character_total(tmp_path):
    """The bigram index (v5) kept a deleted record counted; v13's log corrects it."""
    with Database(tmp_path / "h.sqlite3") as db:
        db.import_records([make_record(T0 + timedelta(minutes=i), name=f"瓶子_{i}") for i in range(5)])
        db._index_names(force=True)
        db._write("DELETE FROM inspections WHERE id = 2")
        db._write("UPDATE inspections SET name = 'cap_3' WHERE id = 3")
        assert db.count_search(name="瓶子") == 3 == db.search(name="瓶子", exact_total=False).total


# ---------------------------------------------------------------- deep pages (storage/deep_page.py)


def _disordered_history(db: Database, rng: random.Random, n: int) -> list[str]:
    """Records over ~60 hours, out of time order within hours and across them (late records by
    bulk import and by single inserts), equal timestamps, and an unsealed, unindexed tail."""
    names = [_name(rng, i) if i % 10 else rng.choice(["Kbc_", "kbc_", "\u212abc_", "ÄBC_", "äbc_"]) + str(i)
             for i in range(n)]  # folding and LIKE disagree on the last three
    stamps = [T0 + timedelta(minutes=i * 60 * 60 // n, seconds=rng.randrange(-400, 400)) for i in range(n)]
    for i in rng.sample(range(n), n // 20):
        stamps[i] = stamps[rng.randrange(n)]  # the same instant: the figId breaks the tie
    for i in rng.sample(range(n), n // 15):
        stamps[i] = T0 + timedelta(hours=rng.randrange(-3, 60), minutes=rng.randrange(60))  # late
    recs = [make_record(ts, name=nm) for ts, nm in zip(stamps, names, strict=True)]
    _write_mixed(db, rng, recs, n // 2, group=5)
    return names


def _pages(db: Database, q: str, rng: random.Random, limit: int) -> dict[int, list[int]]:
    total = db.search(name=q, limit=limit).total
    last = max(1, (total + limit - 1) // limit)
    pages = {1, 2, last, last - 1, last // 2, last // 2 + 1, *(rng.randrange(1, last + 1) for _ in range(6))}
    return {p: [r.id for r in db.search(name=q, limit=limit, page=p).data] for p in sorted(pages) if p >= 1}


@pytest.mark.parametrize("seed", [1, 2])
def test_deep_pages_equal_the_walk_and_a_scan(tmp_path, small_blocks, monkeypatch, seed):
    """Every page located through the hours and the bitsets equals today's walk (and, where the
    total is LIKE's count, a brute-force sort), through late records, deletes, renames, explicit
    figIds below the sealed mark, moved timestamps and the open tail; both directions."""
    from storage import deep_page, search_plan
    rng = random.Random(seed)
    used = []
    real = deep_page.locate

    def spy(*args, **kwargs):
        out = real(*args, **kwargs)
        used.append(out is not None)
        return out
    monkeypatch.setattr(deep_page, "locate", spy)
    with Database(tmp_path / "h.sqlite3") as db:
        names = _disordered_history(db, rng, 2500)
        db._index_names(force=True)
        conn = db._reader()
        high = name_grams.sealed_high(conn)
        assert high is not None and high >= 3 * 256
        assert conn.execute("SELECT count(*) FROM late_records").fetchone()[0] > 100
        queries = [q for q in _queries(rng, names) if len(q) >= 3][:25] + ["kbc_", "ÄBC", "cam"]

        def check(stage: str) -> None:
            for q in queries:
                for limit in (3, 7):
                    monkeypatch.setattr(search_plan, "DEEP_WALK", 10**12)  # today's walk
                    db._planner.invalidate()
                    walk = _pages(db, q, random.Random(q), limit)
                    monkeypatch.setattr(search_plan, "DEEP_WALK", 0)  # located first
                    db._planner.invalidate()
                    located = _pages(db, q, random.Random(q), limit)
                    assert located == walk, (stage, q, limit)
                    rows = [r[0] for r in conn.execute(
                        "SELECT id FROM inspections WHERE name LIKE ? ESCAPE '\\' ORDER BY timestamp DESC, id DESC",
                        (name_grams.like_pattern(q),))]
                    if len(rows) == db.search(name=q, limit=limit).total:
                        for p, ids in located.items():
                            assert ids == rows[(p - 1) * limit:p * limit], (stage, q, limit, p)

        check("fresh")
        ids = rng.sample(range(1, high + 1), 80)
        for fig_id in ids[:40]:
            db._write("DELETE FROM inspections WHERE id = ?", (fig_id,))
        for fig_id in ids[40:55]:
            db._write("UPDATE inspections SET name = ? WHERE id = ?", (_name(rng, fig_id), fig_id))
        for fig_id in ids[55:65]:  # moved to another hour: late from now on
            db._write("UPDATE inspections SET timestamp = (SELECT timestamp FROM inspections WHERE id = ?) "
                      "WHERE id = ?", (rng.randrange(1, 2500), fig_id))
        late = {r[0] for r in conn.execute("SELECT id FROM late_records")}  # (v12 refuses those again)
        db.insert_many([replace(make_record(T0 + timedelta(hours=rng.randrange(50)), name=_name(rng, f)), id=f)
                        for f in ids[:12] if f not in late])
        db._write("DELETE FROM inspections WHERE id = ?", (high + 3,))  # in the open block
        for i in range(40):  # an unindexed tail, with late records in it, two deleted again
            db.insert(make_record(T0 + timedelta(hours=61, seconds=i), name=_name(rng, 9000 + i)))
            if i % 10 == 0:
                gone = db.insert(make_record(T0 + timedelta(hours=rng.randrange(60)), name=f"cam1_late_{i}"))
                if i % 20 == 0:
                    db._write("DELETE FROM inspections WHERE id = ?", (gone,))
        assert conn.execute("SELECT count(*) FROM gram_dirty").fetchone()[0] > 50
        check("changed")
    assert True in used and False in used  # the plan ran, and stepped aside where it must


def test_ascii_queries_only_the_kelvin_sign_folds_onto():
    from storage import deep_page
    assert {c for c in deep_page._ambiguous() if c.isascii()} == {"k", "K"}
    assert deep_page.like_equals_fold("cam1_") and deep_page.like_equals_fold("瓶子_")
    assert not deep_page.like_equals_fold("kam") and not deep_page.like_equals_fold("äbc")
