"""``python main.py serve``: clear failures, 503 without a model, clean stop on SIGINT/SIGTERM, headless."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
# run main() and prove afterwards that no Qt module was imported on the way
RUNNER = ("import sys, main\n"
          "rc = main.main(sys.argv[1:])\n"
          "assert not [m for m in sys.modules if m.startswith('PySide6')], 'serve imported Qt'\n"
          "sys.exit(rc)\n")


def start(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", RUNNER, *args], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})


def wait_url(proc: subprocess.Popen, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line and proc.poll() is not None:
            break
        m = re.search(r"serving on (http://\S+)", line)
        if m:
            return m.group(1)
    proc.kill()
    raise AssertionError(f"serve did not start: {proc.stderr.read()}")


def stop(proc: subprocess.Popen, sig: int) -> tuple[int, float]:
    t0 = time.monotonic()
    proc.send_signal(sig)
    rc = proc.wait(timeout=30)
    return rc, time.monotonic() - t0


@pytest.mark.parametrize("content", [None, b"this is not a model bundle"])
def test_missing_or_broken_model_exits_2_with_a_message(tmp_path, content):
    model = tmp_path / "part.qcs"
    if content is not None:
        model.write_bytes(content)
    proc = subprocess.run([sys.executable, "main.py", "serve", "--model", str(model), "--port", "0"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2, proc.stderr
    assert "part.qcs" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.fixture
def processes():
    started: list[subprocess.Popen] = []
    yield started
    for proc in started:  # a failed assertion must not leave a server running
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
        for pipe in (proc.stdout, proc.stderr):  # nor an open pipe (a ResourceWarning in a later test)
            if pipe is not None:
                pipe.close()


def test_no_model_serves_503_and_stops_on_sigterm(tmp_path, processes):
    db = tmp_path / "h.sqlite3"
    proc = start("serve", "--port", "0", "--db", str(db))
    processes.append(proc)
    url = wait_url(proc)
    r = httpx.post(f"{url}/analyze_image", content=b"x", timeout=10)
    assert r.status_code == 503 and r.json()["error"] == "no_model"
    assert httpx.get(f"{url}/ping", timeout=10).status_code == 200
    rc, took = stop(proc, signal.SIGTERM)
    assert rc == 0, proc.stderr.read()
    assert took < 10
    assert db.exists()


def test_serves_a_model_records_into_db_and_stops_on_sigint(tmp_path, trained_model_path, bottle_images,
                                                            processes):
    db = tmp_path / "line.sqlite3"
    proc = start("--device", "cpu", "serve", "--model", str(trained_model_path), "--port", "0", "--db", str(db),
                 "--api-key", "line-key-1")
    processes.append(proc)
    url = wait_url(proc, timeout=120)
    body = bottle_images["ng"][0].read_bytes()
    assert httpx.post(f"{url}/analyze_image", content=body, timeout=60).status_code == 401
    r = httpx.post(f"{url}/analyze_image?api_key=line-key-1&data=sn-1", content=body, timeout=60)
    assert r.status_code == 200, r.text
    assert r.json()["data"] == "sn-1"
    rc, took = stop(proc, signal.SIGINT)
    assert rc == 0, proc.stderr.read()
    assert took < 15
    from storage import Database

    with Database(db) as history:
        (record,) = history.recent(5)
        assert record.source == "http" and record.part_id == "sn-1"


def test_port_in_use_is_a_clear_error(tmp_path):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        proc = subprocess.run([sys.executable, "main.py", "serve", "--port", str(port)], cwd=ROOT,
                              capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in proc.stderr
