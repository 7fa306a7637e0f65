"""The embedded endpoint: uvicorn in a daemon thread, started and stopped with the window.

The socket is bound here, in the caller's thread, so "port already in use" is an immediate,
readable ``OSError`` instead of a log line from a dying thread. ``stop()`` asks uvicorn to exit,
gives in-flight requests a short grace period, then forces the exit: it never hangs the GUI.
"""

from __future__ import annotations

import logging
import socket
import time
from typing import TYPE_CHECKING, Any

import uvicorn

from api.app import create_app
from api.limits import guarded_protocol, raise_open_file_limit
from station.logsetup import limit_floods
from station.supervisor import Supervisor

if TYPE_CHECKING:
    from station.core import Station
    from station.settings import Settings

log = logging.getLogger(__name__)


def http_protocol() -> type:
    """httptools' C parser when installed (measured 3-5 ms less per 1-4 MB image body), else h11.

    Imported explicitly, not by uvicorn's name lookup, so a PyInstaller bundle keeps it.
    """
    try:
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

        return HttpToolsProtocol
    except ImportError:
        from uvicorn.protocols.http.h11_impl import H11Protocol

        return H11Protocol


def _bind(host: str, port: int) -> socket.socket:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    family, socktype, proto, _, addr = infos[0]
    sock = socket.socket(family, socktype, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if family == socket.AF_INET6 and hasattr(socket, "IPPROTO_IPV6"):
            sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        sock.bind(addr)
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise OSError(exc.errno, f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.set_inheritable(True)
    return sock


class EmbeddedServer:
    """``start()`` / ``stop()`` / ``url``; the app reads ``settings`` live from ``app.state``."""

    def __init__(self, station: Station, settings: Settings, *, grace_s: float = 2.0) -> None:
        self.station = station
        self.settings = settings
        self.app = create_app(station, settings)
        self.grace_s = grace_s
        self._server: uvicorn.Server | None = None
        self._config: uvicorn.Config | None = None
        self._thread: Supervisor | None = None
        self._sock: socket.socket | None = None
        self._error: BaseException | None = None

    def apply_settings(self, settings: Settings) -> bool:
        """Take new settings live (API key, pixel limit, timeout): a ``SettingsStore`` subscriber.
        Returns True when the host or port changed, which needs ``stop()`` + ``start()``."""
        old = self.settings.server
        self.settings = settings
        self.app.state.settings = settings
        return (old.host, int(old.port)) != (settings.server.host, int(settings.server.port))

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.alive

    def worker_status(self) -> Any:
        """The supervised server loop's state (``station.supervisor.WorkerStatus``) or None."""
        return self._thread.status if self._thread is not None else None

    @property
    def host(self) -> str:
        return self.settings.server.host

    @property
    def port(self) -> int:
        if self._sock is not None:
            return int(self._sock.getsockname()[1])
        return int(self.settings.server.port)

    @property
    def exposure_warning(self) -> str | None:
        """A sentence for the operator when the endpoint is reachable from the network without a key."""
        s = self.settings.server
        if not s.exposed:
            return None
        return (f"The HTTP endpoint listens on {s.host}:{self.port} without an API key: anyone on this "
                "network can post images and read the history. Set an API key in the settings.")

    @property
    def url(self) -> str:
        host = self.host
        if host in ("0.0.0.0", "::", ""):
            host = "127.0.0.1"
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.port}"

    def start(self, timeout: float = 10.0) -> EmbeddedServer:
        if self.running:
            return self
        s = self.settings.server
        raise_open_file_limit()
        limit_floods()
        self._sock = _bind(s.host, int(s.port))
        self._bound_port = int(self._sock.getsockname()[1])
        cap = int(self.settings.limits.max_connections)
        config = uvicorn.Config(
            self.app, http=guarded_protocol(http_protocol(), lambda: self.settings.limits), ws="none",
            loop="asyncio", log_config=None, access_log=False, lifespan="off",
            limit_concurrency=cap + 1 if cap > 0 else None,
            timeout_graceful_shutdown=max(0.1, self.grace_s),  # type: ignore[arg-type]  # a float works
            timeout_keep_alive=30,
        )
        self._config = config
        self._server = uvicorn.Server(config)
        self._error = None
        self._thread = Supervisor("http", self._run, max_restarts=3, thread_name="qcs-http").start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.alive or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"the HTTP endpoint did not start: {self._error or 'timed out'}")
            time.sleep(0.01)
        log.info("HTTP endpoint listening on %s", self.url)
        return self

    def _run(self) -> None:
        """One uvicorn run on the bound socket; a crash is logged and restarted by the supervisor
        with a fresh ``uvicorn.Server`` (the socket stays bound, clients only see a short gap)."""
        assert self._sock is not None and self._config is not None
        if self._sock.fileno() == -1:  # uvicorn closed the listening socket on its way out
            self._sock = _bind(self.settings.server.host, self._bound_port)
        server = self._server
        if server is None or server.started or server.should_exit:
            if server is not None and server.should_exit:
                return  # stop() was called during a back-off
            server = self._server = uvicorn.Server(self._config)
        try:
            server.run(sockets=[self._sock])
        except BaseException as exc:
            self._error = exc
            raise

    def stop(self, timeout: float | None = None) -> None:
        """Stop accepting, let in-flight requests finish for ``grace_s``, then force; idempotent."""
        server, thread = self._server, self._thread
        if thread is not None:
            thread.request_stop()
        if server is not None:
            server.should_exit = True
        if thread is not None and thread.alive:
            thread.join(timeout if timeout is not None else self.grace_s + 1.0)
            server = self._server
            if thread.alive and server is not None:
                server.force_exit = True
                thread.join(2.0)
            if thread.alive:
                log.warning("HTTP endpoint thread did not stop in time (it is a daemon thread)")
        if self._sock is not None:
            self._sock.close()
        self._server = self._thread = self._sock = None

    def __enter__(self) -> EmbeddedServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
