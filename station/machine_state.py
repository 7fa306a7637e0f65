"""What the station is doing right now, in one word the operator, the PLC and the API agree on.

Why a model of its own: the big tile, the PEKAT context (``station_state``) and ``/api/status``
must never disagree, and none of them may show a verdict that is no longer true (a source that
died, a model being switched, a past part being reviewed). The inputs come from several threads
(capture, recorder, GUI); the state is derived from them under one lock, by priority:

    CHANGEOVER > NO_MODEL > SOURCE_LOST > REVIEWING > RUNNING > STOPPED

RUNNING means a live source streams or the endpoint judged a part within ``line_idle_s``.
No Qt here: the GUI polls :meth:`MachineStateModel.snapshot` or subscribes.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from station.events import Subscribers

LINE_IDLE_S = 60.0  # an endpoint image within this window counts as a running line
DEFAULT_REVIEW_TIMEOUT_S = 10.0


class MachineState(str, Enum):
    RUNNING = "RUNNING"
    REVIEWING = "REVIEWING"
    STOPPED = "STOPPED"
    SOURCE_LOST = "SOURCE_LOST"
    NO_MODEL = "NO_MODEL"
    CHANGEOVER = "CHANGEOVER"


@dataclass(frozen=True)
class StateSnapshot:
    """One consistent reading of the state and the facts behind it."""

    state: MachineState
    since: float  # time.time() when this state began
    model_name: str | None
    source: str | None  # kind of the running/lost live source ("folder", "camera", ...)
    reason: str = ""  # SOURCE_LOST: why; CHANGEOVER: "old → new"
    reconnect_in_s: float | None = None  # SOURCE_LOST: seconds to the next attempt
    reviewing: str | None = None  # REVIEWING: "name · HH:MM:SS" of the part shown
    review_left_s: float | None = None  # REVIEWING: seconds until live comes back by itself
    line_active: bool = False  # a source runs or the endpoint judged a part within LINE_IDLE_S

    def to_dict(self) -> dict[str, Any]:
        return {
            "station_state": self.state.value,
            "since": round(self.since, 3),
            "model": self.model_name,
            "source": self.source,
            "reason": self.reason,
            "reconnect_in_s": None if self.reconnect_in_s is None else round(self.reconnect_in_s, 1),
            "reviewing": self.reviewing,
            "review_left_s": None if self.review_left_s is None else round(self.review_left_s, 1),
            "line_active": self.line_active,
        }


class MachineStateModel:
    """Thread-safe inputs → one derived :class:`MachineState`; listeners hear every change."""

    def __init__(self, clock: Callable[[], float] = time.monotonic, wall: Callable[[], float] = time.time,
                 line_idle_s: float = LINE_IDLE_S) -> None:
        self._clock = clock
        self._wall = wall
        self._line_idle_s = line_idle_s
        self._lock = threading.RLock()
        self._model_name: str | None = None
        self._source: str | None = None
        self._lost_reason: str | None = None
        self._retry_at: float | None = None
        self._review: str | None = None
        self._review_until: float | None = None
        self._changeovers = 0
        self._changeover_text = ""
        self._last_endpoint: float | None = None
        self._state = MachineState.NO_MODEL
        self._since = wall()
        self._listeners: Subscribers[StateSnapshot] = Subscribers()

    # -- inputs ----------------------------------------------------------------------------------
    def set_model(self, name: str | None) -> None:
        with self._lock:
            self._model_name = name
        self._changed()

    def source_started(self, kind: str) -> None:
        with self._lock:
            self._source, self._lost_reason, self._retry_at = kind, None, None
        self._changed()

    def source_stopped(self) -> None:
        with self._lock:
            self._source, self._lost_reason, self._retry_at = None, None, None
        self._changed()

    def source_lost(self, kind: str, reason: str, retry_in_s: float | None = None) -> None:
        with self._lock:
            self._source, self._lost_reason = kind, reason or "?"
            self._retry_at = None if retry_in_s is None else self._clock() + max(0.0, retry_in_s)
        self._changed()

    def endpoint_judged(self) -> None:
        """A part came through the HTTP endpoint (the PLC drives the line)."""
        with self._lock:
            was = self._line_active_locked()
            self._last_endpoint = self._clock()
        if not was:
            self._changed()

    def begin_review(self, label: str, timeout_s: float = DEFAULT_REVIEW_TIMEOUT_S) -> None:
        with self._lock:
            self._review = label
            self._review_until = self._clock() + timeout_s if timeout_s > 0 else None
        self._changed()

    def end_review(self) -> None:
        with self._lock:
            self._review = self._review_until = None
        self._changed()

    def begin_changeover(self, old: str | None, new: str | None) -> None:
        with self._lock:
            self._changeovers += 1
            self._changeover_text = f"{old or '—'} → {new or '—'}"
        self._changed()

    def end_changeover(self) -> None:
        with self._lock:
            self._changeovers = max(0, self._changeovers - 1)
        self._changed()

    # -- reading ---------------------------------------------------------------------------------
    def _line_active_locked(self) -> bool:
        if self._source is not None and self._lost_reason is None:
            return True
        return self._last_endpoint is not None and self._clock() - self._last_endpoint < self._line_idle_s

    def line_active(self) -> bool:
        with self._lock:
            return self._line_active_locked()

    def _derive_locked(self) -> MachineState:
        now = self._clock()
        if self._review_until is not None and now >= self._review_until:
            self._review = self._review_until = None  # reviewing ends by itself
        if self._changeovers:
            return MachineState.CHANGEOVER
        if self._model_name is None:
            return MachineState.NO_MODEL
        if self._lost_reason is not None:
            return MachineState.SOURCE_LOST
        if self._review is not None:
            return MachineState.REVIEWING
        if self._line_active_locked():
            return MachineState.RUNNING
        return MachineState.STOPPED

    def snapshot(self) -> StateSnapshot:
        with self._lock:
            state = self._derive_locked()
            if state is not self._state:
                self._state, self._since = state, self._wall()
            now = self._clock()
            reason = (self._lost_reason or "") if state is MachineState.SOURCE_LOST else ""
            if state is MachineState.CHANGEOVER:
                reason = self._changeover_text
            return StateSnapshot(
                state=state, since=self._since, model_name=self._model_name, source=self._source,
                reason=reason,
                reconnect_in_s=(max(0.0, self._retry_at - now)
                                if state is MachineState.SOURCE_LOST and self._retry_at is not None else None),
                reviewing=self._review if state is MachineState.REVIEWING else None,
                review_left_s=(max(0.0, self._review_until - now)
                               if state is MachineState.REVIEWING and self._review_until is not None else None),
                line_active=self._line_active_locked())

    @property
    def state(self) -> MachineState:
        return self.snapshot().state

    @property
    def lost_reason(self) -> str | None:
        """Why the live source is lost (also while NO_MODEL / CHANGEOVER hide it); None when not."""
        with self._lock:
            return self._lost_reason

    # -- listeners -------------------------------------------------------------------------------
    def subscribe(self, listener: Callable[[StateSnapshot], None]) -> Callable[[], None]:
        """Hear every change (on the thread that made it); returns the function that stops it."""
        return self._listeners.subscribe(listener)

    def _changed(self) -> None:
        self._listeners.call_all(self.snapshot())  # a failing listener is logged, the others still hear
