"""kill -9 during writes leaves a valid database; readers never see "database is locked"."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from storage import Database
from tests.storage.conftest import make_record

ROOT = Path(__file__).resolve().parents[2]


def start_writer(path, mode):
    return subprocess.Popen([sys.executable, "-m", "tests.storage.writer_process", str(path), mode],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def kill_after(proc, acknowledged: int, extra_s: float) -> int:
    """SIGKILL once ``acknowledged`` commits were reported, ``extra_s`` later; the last reported id."""
    last = 0
    seen = 0
    deadline = time.time() + 60
    while seen < acknowledged:
        line = proc.stdout.readline()
        assert line, f"writer died early: {proc.stderr.read()}"
        last = int(line)
        seen += 1
        assert time.time() < deadline
    time.sleep(extra_s)
    os.kill(proc.pid, signal.SIGKILL)
    # read through the text reader: lines it buffered ahead while we waited would be skipped by
    # communicate(), which reads the pipe's descriptor directly (a fast writer fills that buffer)
    out = proc.stdout.read()
    proc.wait(timeout=10)
    for line in out.split():
        last = int(line)  # commits reported before the kill landed
    assert proc.returncode == -signal.SIGKILL
    return last


def assert_consistent(path):
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    count, top = conn.execute("SELECT count(*), COALESCE(max(id), 0) FROM inspections").fetchone()
    assert count == top  # no holes: every committed record is there
    summary = conn.execute("SELECT COALESCE(sum(record_count), 0) FROM stats_hourly").fetchone()[0]
    assert summary == count  # the hourly summary moved with the rows
    conn.execute("INSERT INTO names_fts(names_fts) VALUES ('integrity-check')")
    triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert "trg_stats_insert" in triggers
    conn.close()
    return count


@pytest.mark.parametrize("mode, in_flight", [("single", 1), ("batch", 50), ("import", 2000)])
@pytest.mark.parametrize("extra_s", [0.0, 0.137])
def test_kill_9_during_writes_loses_at_most_the_write_in_flight(tmp_path, mode, in_flight, extra_s):
    path = tmp_path / "history.sqlite3"
    proc = start_writer(path, mode)
    try:
        last = kill_after(proc, 3 if mode == "import" else 200, extra_s)
    finally:
        if proc.poll() is None:
            proc.kill()
    count = assert_consistent(path)
    if mode == "import":
        assert count % 2000 == 0 and count >= 3 * 2000  # whole batches only
    else:
        assert last <= count <= last + in_flight  # nothing acknowledged was lost
    with Database(path) as db:  # and the station starts on it again
        assert db.warnings == []
        assert db.count() == count
        assert db.search(name="kill_000001").total == (1 if count > 1 else 0)
        assert db.insert(make_record(datetime(2024, 4, 1))) == count + 1


def test_readers_never_see_locked_while_another_process_writes(tmp_path):
    path = tmp_path / "history.sqlite3"
    db = Database(path)
    db.insert(make_record(datetime(2024, 3, 1)))
    proc = start_writer(path, "single")
    errors: list[BaseException] = []
    reads = [0]
    stop = threading.Event()

    def reader(kind):
        try:
            while not stop.is_set():
                if kind == 0:
                    db.recent(120)
                elif kind == 1:
                    db.search(limit=20, page=3, label="NG", start_date="2024-03-01")
                elif kind == 2:
                    db.stat_by_date("2024-02-25", "2024-03-10")
                else:
                    db.yield_stats("2024-03-01", "2024-03-02", "shift", [("A", "06:00"), ("B", "18:00")])
                reads[0] += 1
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=reader, args=(k,)) for k in range(4)]
    try:
        assert proc.stdout.readline()  # the writer is running
        for t in threads:
            t.start()
        # and this process writes too, from its own writer connection (GUI review, say)
        for i in range(100):
            db.insert(make_record(datetime(2024, 3, 2) + timedelta(seconds=i), "NG"))
            db.set_review(1, "NG" if i % 2 else "OK")
        time.sleep(1.0)
    finally:
        stop.set()
        for t in threads:
            t.join(10)
        proc.kill()
        proc.communicate(timeout=10)
        db.close()
    assert not errors, errors[:3]
    assert reads[0] > 50


def test_many_threads_reading_one_database_each_get_their_own_connection(fixture_db):
    results = []

    def work():
        results.append(fixture_db.search(limit=3).total)

    threads = [threading.Thread(target=work) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [8] * 20
    late = threading.Thread(target=work)  # finished threads' connections close when a new one opens
    late.start()
    late.join()
    assert len(fixture_db._readers) <= 2  # this thread's and the late one's
