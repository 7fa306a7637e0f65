"""Issue 12 item 2: slow and half-open connections are timed out, the connection count is capped,
the open-file limit is raised and repeated log lines are rate-limited."""

from __future__ import annotations

import logging
import socket
import time

import httpx
import pytest

from api.server import EmbeddedServer
from station.logsetup import RepeatFilter
from tests.api.conftest import make_settings, serving
from tests.api.fakes import BrightSpotModel


@pytest.fixture
def limited(tmp_path):
    settings = make_settings(tmp_path, **{"limits.header_timeout_s": 0.5, "limits.body_timeout_s": 0.5,
                                          "limits.max_connections": 8})
    with serving(settings, BrightSpotModel()) as (_station, server, _client):
        yield server


def _connect(server) -> socket.socket:
    s = socket.create_connection(("127.0.0.1", server.port), timeout=5)
    return s


def _closed_by_server(sock: socket.socket, deadline_s: float) -> bytes | None:
    """All bytes the server sent until it closed the socket, or None if it stayed open."""
    sock.settimeout(0.1)
    got = b""
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        try:
            chunk = sock.recv(65536)
        except TimeoutError:
            continue
        except ConnectionResetError:
            return got
        if not chunk:
            return got
        got += chunk
    return None


def test_half_open_connections_are_closed_and_ping_keeps_answering(limited):
    socks = [_connect(limited) for _ in range(6)]
    try:
        for s in socks:
            s.sendall(b"GET /ping HTTP/1.1\r\nHost: x\r\n")  # never finishes the headers
        for s in socks:
            assert _closed_by_server(s, 5.0) is not None, "a half-open connection stayed open"
        assert httpx.get(f"{limited.url}/ping", timeout=5).text == "pong"
    finally:
        for s in socks:
            s.close()


def test_idle_connection_without_any_bytes_is_closed(limited):
    with _connect(limited) as s:
        assert _closed_by_server(s, 5.0) is not None


def test_slow_body_gets_408_and_the_connection_closes(limited):
    with _connect(limited) as s:
        s.sendall(b"POST /analyze_image HTTP/1.1\r\nHost: x\r\nContent-Length: 1048576\r\n\r\n" + b"0123456789")
        t0 = time.monotonic()
        got = _closed_by_server(s, 5.0)
        assert got is not None, "a stalled body kept its connection open"
        assert got.startswith(b"HTTP/1.1 408"), got[:80]
        assert b'"timeout"' in got
        assert time.monotonic() - t0 < 4.0


def test_connections_above_the_cap_get_503_at_once(tmp_path):
    settings = make_settings(tmp_path, **{"limits.header_timeout_s": 30, "limits.max_connections": 4})
    with serving(settings, BrightSpotModel()) as (_station, server, _client):
        held = []
        try:
            got = None
            deadline = time.monotonic() + 10
            while got is None and time.monotonic() < deadline:
                s = _connect(server)
                got = _closed_by_server(s, 0.3)  # None: accepted and left open (below the cap)
                (held.append(s) if got is None else s.close())
            assert got is not None and got.startswith(b"HTTP/1.1 503"), got
            assert b'"busy"' in got
            assert len(held) == 4
        finally:
            for s in held:
                s.close()
        # the cap frees up once the held connections are gone
        deadline = time.monotonic() + 5
        answer = None
        while answer is None and time.monotonic() < deadline:
            try:
                answer = httpx.get(f"{server.url}/ping", timeout=2)
            except httpx.HTTPError:
                time.sleep(0.05)
        assert answer is not None and answer.status_code == 200


def test_open_file_limit_is_raised_to_the_hard_limit(tmp_path):
    resource = pytest.importorskip("resource")
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == hard or hard == resource.RLIM_INFINITY:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(soft, 1024), hard))
    try:
        server = EmbeddedServer(None, make_settings(tmp_path)).start()
        server.stop()
        now_soft, now_hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        assert now_soft == min(now_hard if now_hard != resource.RLIM_INFINITY else 1 << 20, 1 << 20)
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def test_repeated_log_lines_are_held_and_counted():
    now = [0.0]
    flt = RepeatFilter(window_s=60, clock=lambda: now[0])
    logger = logging.getLogger("qcs.test.flood")
    records = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record.getMessage())

    handler = Keep()
    handler.addFilter(flt)
    logger.addHandler(handler)
    logger.propagate = False
    try:
        for _ in range(1000):
            logger.error("accept failed: %s", "Too many open files")
        logger.error("another problem")
        assert records == ["accept failed: Too many open files", "another problem"]
        now[0] = 61.0
        logger.error("accept failed: %s", "Too many open files")
        assert records[-1].startswith("accept failed: Too many open files [repeated 999 more times")
    finally:
        logger.removeHandler(handler)
