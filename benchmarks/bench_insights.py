"""Insights cost: 15 days at 10^6 records (target ≤ 500 ms), and what the v7 trigger adds to a write.

Builds (or reuses, ``--db``) a history of ``--records`` parts spread over 15 days: two models, 5 %
NG with one or two regions (40 % of them in one corner), half the parts with PLC part ids under
four prefixes. Times ``station.insights.compute`` for the 15 days (median of ``--repeat`` runs,
after one warm-up), the location-map rendering and the whole JSON answer; then times the
station's kind of write (group commits of 20 records) with and without the insight trigger in
the same run. Rewrites its section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.report import replace_section  # noqa: E402
from station import insights  # noqa: E402
from station.settings import Shift  # noqa: E402
from storage import Database, InspectionRecord  # noqa: E402

START, END = "<!-- insights:start -->", "<!-- insights:end -->"
DAYS = 15
W, H = 1024, 768


def synthetic(count: int, offset: int, total: int, seed: int = 3) -> list[InspectionRecord]:
    rng = random.Random(seed + offset)
    end = datetime.combine(date.today(), datetime.min.time()) + timedelta(days=1)
    t0 = end - timedelta(days=DAYS)
    step = DAYS * 86400 / total
    out = []
    for i in range(offset, offset + count):
        ts = t0 + timedelta(seconds=i * step)
        night = ts.hour >= 22 or ts.hour < 6
        ng = rng.random() < (0.065 if night else 0.045)
        regions: tuple = ()
        if ng:
            def box() -> dict:
                if rng.random() < 0.4:
                    cx, cy = rng.randrange(0, 150), rng.randrange(0, 120)
                else:
                    cx, cy = rng.randrange(W), rng.randrange(H)
                s = rng.choice((6, 12, 30, 80))
                return {"x": cx, "y": cy, "width": s, "height": s, "area": s * s * 3 // 4, "score": 2.0,
                        "normalized_score": 1.3}
            regions = tuple(box() for _ in range(1 if rng.random() < 0.8 else 2))
        score = rng.uniform(1.0, 2.5) if ng else min(0.99, max(0.02, rng.gauss(0.6, 0.08)))
        out.append(InspectionRecord(
            id=None, name=f"cam{i % 4}_{i:07d}.png", source="camera",
            part_id=f"{('LOTA', 'LOTB', 'LOTC', 'LOTD')[i % 4]}-{i:08d}" if i % 2 else None, timestamp=ts,
            label="NG" if ng else "OK", defect_count=len(regions), score=score, normalized_score=score,
            confidence=0.9, model_id="bottle-v2" if i % 3 else "bottle-v1", model_version=2,
            processing_ms=30.0, regions=regions, extra={"threshold": 1.0, "image_size": [W, H]}))
    return out


def build(path: Path, n: int) -> float:
    db = Database(path)
    t = time.perf_counter()
    for start in range(0, n, 50_000):
        db.import_records(synthetic(min(50_000, n - start), start, n))
        print(f"  built {min(n, start + 50_000):>9,} records", end="\r", flush=True)
    print()
    db.close()
    return time.perf_counter() - t


def median_ms(fn, repeat: int) -> tuple[float, object]:
    result = fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), result


def write_rates(tmp: Path, rounds: int = 7, n: int = 1000) -> tuple[float, float]:
    """Median records/s of group commits of 20 (the station's recorder) with and without the
    insight trigger, the two alternating round by round so machine load hits both alike."""
    dbs = {on: Database(tmp / f"write-{on}.sqlite3") for on in (True, False)}
    dbs[False]._write("DROP TRIGGER trg_insight_insert")
    rates: dict[bool, list[float]] = {True: [], False: []}
    for r in range(rounds):
        records = synthetic(n, r * n, 1_000_000, seed=11)
        for on in ((True, False) if r % 2 else (False, True)):
            t = time.perf_counter()
            for i in range(0, n, 20):
                dbs[on].insert_many(records[i:i + 20])
            rates[on].append(n / (time.perf_counter() - t))
    for db in dbs.values():
        db.close()
    return statistics.median(rates[True]), statistics.median(rates[False])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=1_000_000)
    ap.add_argument("--db", type=Path, help="reuse/keep this database file (built when missing)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-write", action="store_true", help="do not update docs/benchmarks.md")
    args = ap.parse_args(argv)
    tmp = tempfile.TemporaryDirectory(prefix="qcs-bench-insights-")
    path = args.db or Path(tmp.name) / "history.sqlite3"
    rows: list[tuple[str, str, str, str]] = []

    def report(what: str, value: float, unit: str, target: float | None = None) -> None:
        fig = f"{value:,.1f} {unit}" if value < 1000 else f"{value:,.0f} {unit}"
        tgt = "" if target is None else f"≤ {target:,.0f} {unit}"
        ok = "" if target is None else ("yes" if value <= target else "**NO**")
        rows.append((what, fig, tgt, ok))
        print(f"{what:<70} {fig:>12} {tgt:>10} {ok}")

    if not path.exists():
        print(f"building {args.records:,} records in {path} ...")
        report("build: import_records (v7 trigger on)", build(path, args.records), "s")
    db = Database(path, check="none")
    n = db.count()
    today = date.today()
    start = datetime.combine(today - timedelta(days=DAYS - 1), datetime.min.time())
    end = datetime.combine(today + timedelta(days=1), datetime.min.time())
    shifts = [Shift("A", "06:00"), Shift("B", "14:00"), Shift("C", "22:00")]

    def run() -> insights.Insights:
        return insights.compute(db, start, end, shifts=shifts)

    t = time.perf_counter()
    first = run()
    report(f"insights, 15 days, {n:,} records: first call", (time.perf_counter() - t) * 1000, "ms", 500)
    ms, ins = median_ms(run, args.repeat)
    report(f"insights, 15 days, {n:,} records: median of {args.repeat}", ms, "ms", 500)
    ms, _ = median_ms(lambda: json.dumps(run().to_dict("/x")), args.repeat)
    report("`/api/data/insights` body (compute + JSON)", ms, "ms", 500)
    ms, _ = median_ms(lambda: insights.render_location_map(db, ins, path.parent, max_side=640), args.repeat)
    report("location map PNG source (640 px, no saved image: neutral part)", ms, "ms")
    one_day = datetime.combine(today, datetime.min.time())
    ms, _ = median_ms(lambda: insights.compute(db, one_day, end, shifts=shifts), args.repeat)
    report("insights, today", ms, "ms", 500)
    rows_agg = db._reader().execute("SELECT count(*) FROM insight_hourly").fetchone()[0]
    db.close()
    with_t, without_t = write_rates(Path(tmp.name))
    report("station writes (group commits of 20), insight trigger on: median of 7", with_t, "records/s")
    report("station writes (group commits of 20), insight trigger off: median of 7", without_t, "records/s")
    report("write cost of the trigger (off / on)", without_t / with_t, "×")
    print(first.summary)
    if not args.no_write:
        size = path.stat().st_size / 2**20
        load = os.getloadavg()[0]
        env = (f"{platform.machine()}, {os.cpu_count()} cores shared with other engineers' jobs (load average "
               f"{load:.1f} at the end: figures are pessimistic), Python "
               f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}; {n:,} records over {DAYS} days, "
               f"{size:,.0f} MB file, {rows_agg:,} rows of insight_hourly")
        lines = [START, "## Insights (`benchmarks/bench_insights.py`)", "", env + ".", "",
                 "| measurement | figure | target | met |", "| --- | ---: | ---: | :---: |"]
        lines += [f"| {w} | {f} | {t_} | {o} |" for w, f, t_, o in rows]
        lines += ["", "Every insight reads the hourly summaries (`stats_hourly`, `insight_hourly`), never the "
                  "rows; the period's cost grows with its hours, not with the records. "
                  "Details: [docs/insights.md](insights.md).", "",
                  f"Written by `benchmarks/bench_insights.py` on {datetime.now():%Y-%m-%d %H:%M}.", END]
        replace_section(ROOT / "docs" / "benchmarks.md", START, END, "\n".join(lines))
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
