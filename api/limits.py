"""Connection-level bounds of the endpoint: slow clients, half-open sockets, open-file limits.

Measured before (issue 12): 1,100 half-open connections left ``/ping`` unanswered for 25 s,
and a connection that sent 10 bytes of a declared 1 MB body stayed open 65 s. Here:

* :func:`guarded_protocol` wraps uvicorn's HTTP protocol: a connection must complete its request
  headers within ``header_timeout_s`` (armed on connect and whenever a new request starts), and a
  connection above ``max_connections`` is answered 503 and closed at once, so it never holds a
  file descriptor while waiting;
* :class:`BodyTimeout` (ASGI middleware) answers 408 when a body pauses longer than
  ``body_timeout_s`` between chunks, and closes that connection;
* :func:`raise_open_file_limit` lifts the soft ``RLIMIT_NOFILE`` to the hard limit at start.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

_BUSY_BODY = json.dumps({"error": "busy", "reason": "too many open connections; retry later"}).encode()
BUSY_RESPONSE = (b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\n"
                 b"connection: close\r\ncontent-length: " + str(len(_BUSY_BODY)).encode() + b"\r\n\r\n"
                 + _BUSY_BODY)


def raise_open_file_limit() -> tuple[int, int] | None:
    """Soft RLIMIT_NOFILE -> hard (capped at 1,048,576); returns (old soft, new soft), None off POSIX."""
    try:
        import resource
    except ImportError:
        return None
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = hard if hard != resource.RLIM_INFINITY else 1 << 20
    target = min(target, 1 << 20)
    if soft == resource.RLIM_INFINITY or soft >= target:
        return soft, soft
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    except (ValueError, OSError) as exc:
        log.warning("cannot raise the open-file limit from %d to %d: %s", soft, target, exc)
        return soft, soft
    return soft, target


def guarded_protocol(base: type, limits: Callable[[], Any]) -> type:
    """A subclass of uvicorn's protocol ``base`` with the header timeout and the connection cap;
    ``limits()`` returns the live ``LimitsSettings``."""

    class GuardedProtocol(base):
        _header_timer: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:
            super().connection_made(transport)
            cap = int(limits().max_connections)
            if cap > 0 and len(self.connections) > cap:
                transport.write(BUSY_RESPONSE)
                transport.close()
                log.warning("connection refused: more than %d open connections", cap)
                return
            self._arm_header_timer()

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            cycle = getattr(self, "cycle", None)
            if cycle is None or cycle.response_complete:
                if self._header_timer is None:  # bytes of a next request: its headers are timed
                    self._arm_header_timer()
            else:
                self._cancel_header_timer()

        def connection_lost(self, exc: Exception | None) -> None:
            self._cancel_header_timer()
            super().connection_lost(exc)

        def _arm_header_timer(self) -> None:
            timeout = float(limits().header_timeout_s)
            if timeout > 0:
                self._header_timer = self.loop.call_later(timeout, self._headers_too_slow)

        def _cancel_header_timer(self) -> None:
            if self._header_timer is not None:
                self._header_timer.cancel()
                self._header_timer = None

        def _headers_too_slow(self) -> None:
            self._header_timer = None
            cycle = getattr(self, "cycle", None)
            if (cycle is None or cycle.response_complete) and not self.transport.is_closing():
                log.warning("closed a connection that sent no complete request headers in %g s",
                            float(limits().header_timeout_s))
                self.transport.close()

    GuardedProtocol.__name__ = f"Guarded{base.__name__}"
    return GuardedProtocol


class BodyTimeout:
    """ASGI middleware: a request body that pauses longer than ``body_timeout_s`` gets 408."""

    def __init__(self, app: Any, limits: Callable[[], Any]) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope.get("type") != "http":
            await self.app(scope, receive, send)
            return
        timeout = float(self.limits().body_timeout_s)
        state = {"body_done": False, "timed_out": False, "started": False}

        async def timed_receive() -> dict:
            if state["body_done"] or timeout <= 0:
                return await receive()
            try:
                message = await asyncio.wait_for(receive(), timeout)
            except asyncio.TimeoutError:
                state["timed_out"] = True
                log.warning("request body paused for more than %g s: answered 408", timeout)
                raise BodyTimedOut(timeout) from None
            if message.get("type") != "http.request" or not message.get("more_body", False):
                state["body_done"] = True
            return message

        async def tracking_send(message: dict) -> None:
            if message.get("type") == "http.response.start":
                state["started"] = True
            await send(message)

        try:
            await self.app(scope, timed_receive, tracking_send)
        except BodyTimedOut as exc:
            if state["started"]:
                raise
            await _send_json(send, 408, {"error": "timeout", "reason": str(exc)}, close=True)


class BodyTimedOut(Exception):
    def __init__(self, timeout: float) -> None:
        super().__init__(f"the request body paused for more than {timeout:g} s "
                         "(settings: limits.body_timeout_s)")


async def _send_json(send: Callable, status: int, payload: dict, *, close: bool) -> None:
    body = json.dumps(payload).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if close:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
