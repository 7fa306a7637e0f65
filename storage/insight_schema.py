"""Schema v7: hourly pre-aggregates for the insights (drift, defect locations, sizes, first pass).

Why: the insights of 15 days at a million records must cost well under a second, so what they need
is counted as records are written, by one trigger, into one small keyed table::

    insight_hourly(hour 'YYYY-MM-DD HH', kind, key, bin, n)

``kind``/``key``/``bin``:

- ``score`` / model id / ``normalized_score * 50`` (0.02 wide, 0..49) for parts the machine judged
  OK, 50 for NG (censored at the threshold, as the drift monitor counts them);
- ``ng_parts`` / model id / 0: parts judged NG whose image size is known (the location map's
  denominator);
- ``cell`` / model id / ``cy * 32 + cx``: NG parts with a region centre in that cell of a 32×32
  grid over the normalised part (a part counts once per cell); ``cell_day`` the same per day
  (``hour`` is then ``YYYY-MM-DD``), so a 15-day map reads 15 rows per cell instead of 360;
- ``defects`` / model id / defect count (capped at 99): every part;
- ``area`` / model id / size class ``k`` (region area ≥ 4^(k+1) px for k ≥ 1: <16, 16–63, …);
- ``fpy`` / part-id prefix / 0 = first inspection OK, 1 = NG: only the first record of each part id.

Regions and verdicts are the machine's (an operator review changes the final verdict, not where
the machine saw the defect). Records are never deleted, so there is no delete trigger.
"""

from __future__ import annotations

import sqlite3

GRID = 32  # location-map cells per side
SCORE_BINS = 51  # score bins of 0.02 for OK parts (0.00 … 1.00); the last one holds the NG parts
SCORE_STEP = 0.02
AREA_EDGES = (16, 64, 256, 1024, 4096, 16384, 65536, 262144)  # px; class k = edges passed

_W = "json_extract(NEW.extra, '$.image_size[0]')"
_H = "json_extract(NEW.extra, '$.image_size[1]')"
_HOUR = "substr(NEW.timestamp, 1, 13)"
_MODEL = "COALESCE(NEW.model_id, '')"
_UPSERT = "ON CONFLICT(kind, hour, key, bin) DO UPDATE SET n = n + excluded.n"
_AREA_CLASS = " + ".join(f"(COALESCE(json_extract(value, '$.area'), 0) >= {e})" for e in AREA_EDGES)


# Regions are written by QC Station as a JSON array of objects; anything else counts as none.
def _SAFE(col: str) -> str:  # noqa: N802 - reads like the SQL it makes
    return f"CASE WHEN json_valid({col}) AND json_type({col}) = 'array' THEN {col} ELSE '[]' END"


_BOX = ("json_type(value) = 'object' AND json_type(value, '$.x') IN ('integer', 'real') "
        "AND json_type(value, '$.y') IN ('integer', 'real') AND json_type(value, '$.width') IN ('integer', 'real') "
        "AND json_type(value, '$.height') IN ('integer', 'real')")


def _prefix(p: str) -> str:
    """SQL for a part id's prefix: the text before its first '-' or '_', else its first 4 characters."""
    dash, under = f"instr({p}, '-')", f"instr({p}, '_')"
    return (f"CASE WHEN {dash} > 1 AND ({under} = 0 OR {dash} < {under}) THEN substr({p}, 1, {dash} - 1) "
            f"WHEN {under} > 1 THEN substr({p}, 1, {under} - 1) ELSE substr({p}, 1, 4) END")


def _score_bin(label: str, score: str) -> str:
    return (f"CASE WHEN {label} = 'NG' THEN {SCORE_BINS - 1} "
            f"ELSE min(max(CAST({score} * {1 / SCORE_STEP:g} AS INTEGER), 0), {SCORE_BINS - 2}) END")

TABLE = """CREATE TABLE insight_hourly (
    hour TEXT NOT NULL,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    bin INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (kind, hour, key, bin)  -- each kind's period is one contiguous range
) WITHOUT ROWID"""

def _cells(when: str, kind: str) -> str:
    """The trigger statement that counts an NG part once per cell holding a region centre."""
    return f"""    INSERT INTO insight_hourly(hour, kind, key, bin, n)
        SELECT DISTINCT {when}, '{kind}', {_MODEL},
               min(max(CAST((json_extract(value, '$.y') + json_extract(value, '$.height') / 2.0)
                            * {GRID} / {_H} AS INTEGER), 0), {GRID - 1}) * {GRID}
               + min(max(CAST((json_extract(value, '$.x') + json_extract(value, '$.width') / 2.0)
                              * {GRID} / {_W} AS INTEGER), 0), {GRID - 1}), 1
        FROM json_each({_SAFE('NEW.regions')})
        WHERE NEW.label = 'NG' AND {_W} > 0 AND {_H} > 0 AND {_BOX} {_UPSERT};"""


TRIGGER = f"""CREATE TRIGGER trg_insight_insert AFTER INSERT ON inspections BEGIN
    INSERT INTO insight_hourly(hour, kind, key, bin, n)
        SELECT {_HOUR}, 'score', {_MODEL}, {_score_bin('NEW.label', 'NEW.normalized_score')}, 1
        WHERE true {_UPSERT};
    INSERT INTO insight_hourly(hour, kind, key, bin, n)
        SELECT {_HOUR}, 'ng_parts', {_MODEL}, 0, 1
        WHERE NEW.label = 'NG' AND {_W} > 0 AND {_H} > 0 {_UPSERT};
    INSERT INTO insight_hourly(hour, kind, key, bin, n)
        SELECT {_HOUR}, 'defects', {_MODEL}, min(NEW.defect_count, 99), 1 WHERE true {_UPSERT};
{_cells('substr(NEW.timestamp, 1, 13)', 'cell')}
{_cells('substr(NEW.timestamp, 1, 10)', 'cell_day')}
    INSERT INTO insight_hourly(hour, kind, key, bin, n)
        SELECT {_HOUR}, 'area', {_MODEL}, {_AREA_CLASS}, 1
        FROM json_each({_SAFE('NEW.regions')}) WHERE NEW.label = 'NG' AND json_type(value) = 'object' {_UPSERT};
    INSERT INTO insight_hourly(hour, kind, key, bin, n)
        SELECT {_HOUR}, 'fpy', {_prefix('NEW.part_id')}, NEW.label = 'NG', 1
        WHERE NEW.part_id IS NOT NULL AND NEW.part_id <> ''
          AND NOT EXISTS (SELECT 1 FROM inspections WHERE part_id = NEW.part_id AND id < NEW.id) {_UPSERT};
END"""

# Backfill from the rows already stored (the same rules, as set statements).
_R_W = "json_extract(i.extra, '$.image_size[0]')"
_R_H = "json_extract(i.extra, '$.image_size[1]')"
_R_UPSERT = "ON CONFLICT(kind, hour, key, bin) DO UPDATE SET n = n + excluded.n"


def _cells_backfill(width: int, kind: str) -> str:
    """:func:`_cells` as one set statement over the stored rows (``width``: 13 per hour, 10 per day)."""
    return f"""INSERT INTO insight_hourly(hour, kind, key, bin, n)
        SELECT h, '{kind}', m, c, count(*) FROM (
            SELECT DISTINCT i.id, substr(i.timestamp, 1, {width}) AS h, COALESCE(i.model_id, '') AS m,
                min(max(CAST((json_extract(j.value, '$.y') + json_extract(j.value, '$.height') / 2.0)
                             * {GRID} / {_R_H} AS INTEGER), 0), {GRID - 1}) * {GRID}
                + min(max(CAST((json_extract(j.value, '$.x') + json_extract(j.value, '$.width') / 2.0)
                               * {GRID} / {_R_W} AS INTEGER), 0), {GRID - 1}) AS c
            FROM inspections i, json_each({_SAFE('i.regions')}) j
            WHERE i.label = 'NG' AND {_R_W} > 0 AND {_R_H} > 0 AND {_BOX.replace('value', 'j.value')})
        GROUP BY 1, 2, 3, 4 {_R_UPSERT}"""


BACKFILL = [
    f"""INSERT INTO insight_hourly(hour, kind, key, bin, n)
        SELECT substr(timestamp, 1, 13), 'score', COALESCE(model_id, ''),
               {_score_bin('label', 'normalized_score')}, count(*)
        FROM inspections WHERE true GROUP BY 1, 2, 3, 4 {_R_UPSERT}""",
    f"""INSERT INTO insight_hourly(hour, kind, key, bin, n)
        SELECT substr(timestamp, 1, 13), 'ng_parts', COALESCE(model_id, ''), 0, count(*)
        FROM inspections i WHERE label = 'NG' AND {_R_W} > 0 AND {_R_H} > 0 GROUP BY 1, 2, 3, 4 {_R_UPSERT}""",
    _cells_backfill(13, 'cell'),
    _cells_backfill(10, 'cell_day'),
    f"""INSERT INTO insight_hourly(hour, kind, key, bin, n)
        SELECT substr(timestamp, 1, 13), 'defects', COALESCE(model_id, ''), min(defect_count, 99), count(*)
        FROM inspections WHERE true GROUP BY 1, 2, 3, 4 {_R_UPSERT}""",
    f"""INSERT INTO insight_hourly(hour, kind, key, bin, n)
        SELECT substr(i.timestamp, 1, 13), 'area', COALESCE(i.model_id, ''),
               {_AREA_CLASS.replace('value', 'j.value')}, count(*)
        FROM inspections i, json_each({_SAFE('i.regions')}) j
        WHERE i.label = 'NG' AND json_type(j.value) = 'object' GROUP BY 1, 2, 3, 4 {_R_UPSERT}""",
    f"""INSERT INTO insight_hourly(hour, kind, key, bin, n)
        SELECT substr(timestamp, 1, 13), 'fpy', {_prefix('part_id')}, label = 'NG', count(*)
        FROM (SELECT part_id, label, timestamp,
                     row_number() OVER (PARTITION BY part_id ORDER BY id) AS rn
              FROM inspections WHERE part_id IS NOT NULL AND part_id <> '')
        WHERE rn = 1 GROUP BY 1, 2, 3, 4 {_R_UPSERT}""",
]


# Score drift warnings (station/drift.py): one row per warning, ``ended_at`` NULL while it lasts.
DRIFT_TABLE = """CREATE TABLE drift_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    model_id TEXT NOT NULL,
    model_name TEXT NOT NULL,
    direction TEXT NOT NULL CHECK (direction IN ('up', 'down')),
    started_at TEXT NOT NULL,
    ended_at TEXT,
    reference REAL NOT NULL,     -- calibration median, as a fraction of the threshold
    level REAL NOT NULL,         -- OK-part median when raised
    latest REAL NOT NULL,        -- latest OK-part median seen while it lasted
    parts INTEGER NOT NULL       -- OK parts seen while it lasted
)"""


def migrate_insights(conn: sqlite3.Connection) -> None:
    conn.execute(TABLE)
    conn.execute(DRIFT_TABLE)
    conn.execute("CREATE INDEX idx_drift_events_start ON drift_events(started_at)")
    for sql in BACKFILL:
        conn.execute(sql)
    conn.execute(TRIGGER)
