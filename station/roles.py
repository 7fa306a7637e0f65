"""Operator and engineer roles: who may change what the line is judged by.

Why Qt-free here: the PIN rule, its hash and the idle timeout are the same whether the GUI, a
test or a later kiosk front end asks, and a clock can be injected so the timeout is tested
without waiting. The PIN is never stored or logged: only a salted PBKDF2-SHA256 hash
(``pbkdf2_sha256$iterations$salt$hash``, base64) sits in the settings, compared in constant time.

No PIN set means everyone is an engineer (the behaviour before roles existed); the GUI shows a
one-line hint then.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import threading
import time
from collections.abc import Callable

OPERATOR = "operator"
ENGINEER = "engineer"
ROLES = (OPERATOR, ENGINEER)

PBKDF2_ITERATIONS = 200_000
SALT_BYTES = 16
MIN_PIN_LENGTH = 4
MAX_PIN_LENGTH = 32
_PREFIX = "pbkdf2_sha256"


class PinError(ValueError):
    """A PIN that cannot be set (too short, too long, not digits/letters)."""


def check_new_pin(pin: str) -> None:
    """Raise :class:`PinError` for a PIN that is too easy to guess by accident or cannot be typed."""
    if not MIN_PIN_LENGTH <= len(pin) <= MAX_PIN_LENGTH:
        raise PinError(f"the PIN needs {MIN_PIN_LENGTH} to {MAX_PIN_LENGTH} characters")
    if not pin.isalnum():
        raise PinError("the PIN may only contain digits and letters")


def hash_pin(pin: str, *, iterations: int = PBKDF2_ITERATIONS, salt: bytes | None = None) -> str:
    """The string stored in ``roles.engineer_pin_hash`` for ``pin`` (a fresh random salt each time)."""
    check_new_pin(pin)
    salt = os.urandom(SALT_BYTES) if salt is None else salt
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, iterations)
    b64 = base64.b64encode
    return f"{_PREFIX}${iterations}${b64(salt).decode()}${b64(digest).decode()}"


def _parse(stored: str) -> tuple[int, bytes, bytes] | None:
    parts = stored.split("$")
    if len(parts) != 4 or parts[0] != _PREFIX:
        return None
    try:
        iterations = int(parts[1])
        salt = base64.b64decode(parts[2], validate=True)
        digest = base64.b64decode(parts[3], validate=True)
    except ValueError:
        return None
    if not 1_000 <= iterations <= 10_000_000 or len(salt) < 8 or len(digest) != 32:
        return None
    return iterations, salt, digest


def is_pin_hash(stored: str) -> bool:
    """True for a string :func:`hash_pin` could have made (settings validation)."""
    return _parse(stored) is not None


def verify_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` matches ``stored``; a damaged hash matches nothing (it never unlocks)."""
    parsed = _parse(stored)
    if parsed is None:
        return False
    iterations, salt, digest = parsed
    candidate = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, iterations)
    return hmac.compare_digest(candidate, digest)


class RoleSession:
    """The role at this station now: operator until the engineer PIN is given, back after idling.

    ``pin_hash`` and ``idle_timeout_s`` are read through callables so a settings change (a new
    PIN, a new timeout) takes effect at once without re-wiring. ``clock`` is ``time.monotonic``
    unless a test passes its own. Thread-safe (the endpoint thread may ask who acts).
    """

    def __init__(self, pin_hash: Callable[[], str], idle_timeout_s: Callable[[], float], *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._pin_hash = pin_hash
        self._timeout = idle_timeout_s
        self._clock = clock
        self._lock = threading.Lock()
        self._engineer_since: float | None = None
        self._last_activity = clock()

    @property
    def pin_set(self) -> bool:
        return bool(self._pin_hash())

    @property
    def role(self) -> str:
        """``engineer`` when no PIN is set or it was given and not timed out, else ``operator``."""
        if not self.pin_set:
            return ENGINEER
        self.check_idle()
        with self._lock:
            return ENGINEER if self._engineer_since is not None else OPERATOR

    @property
    def is_engineer(self) -> bool:
        return self.role == ENGINEER

    @property
    def unlocked(self) -> bool:
        """Engineer by the PIN (not merely because none is set)."""
        return self.pin_set and self.is_engineer

    def unlock(self, pin: str) -> bool:
        """Become engineer when ``pin`` is right; a wrong PIN changes nothing."""
        stored = self._pin_hash()
        if not stored:
            return True
        if not verify_pin(pin, stored):
            return False
        with self._lock:
            now = self._clock()
            self._engineer_since = now
            self._last_activity = now
        return True

    def lock(self) -> bool:
        """Back to operator now; True when this ended an engineer session."""
        with self._lock:
            was = self._engineer_since is not None
            self._engineer_since = None
        return was and self.pin_set

    def touch(self) -> None:
        """The user did something: the idle timer starts again."""
        with self._lock:
            self._last_activity = self._clock()

    def idle_s(self) -> float:
        with self._lock:
            return self._clock() - self._last_activity

    def remaining_s(self) -> float | None:
        """Seconds until engineer mode ends by idling; None when not unlocked by PIN."""
        with self._lock:
            if self._engineer_since is None or not self._pin_hash():
                return None
            return max(0.0, float(self._timeout()) - (self._clock() - self._last_activity))

    def check_idle(self) -> bool:
        """Fall back to operator when idle too long; True when this call did it."""
        with self._lock:
            if self._engineer_since is None:
                return False
            if self._clock() - self._last_activity < float(self._timeout()):
                return False
            self._engineer_since = None
            return True


def session_for(store: object) -> RoleSession:
    """A :class:`RoleSession` following a ``SettingsStore`` (``roles.*`` read on every question)."""
    def pin_hash() -> str:
        return store.current.roles.engineer_pin_hash  # type: ignore[attr-defined]

    def timeout() -> float:
        return store.current.roles.idle_timeout_min * 60.0  # type: ignore[attr-defined]

    return RoleSession(pin_hash, timeout)


__all__ = ["ENGINEER", "OPERATOR", "PBKDF2_ITERATIONS", "PinError", "ROLES", "RoleSession", "check_new_pin",
           "hash_pin", "is_pin_hash", "session_for", "verify_pin"]
