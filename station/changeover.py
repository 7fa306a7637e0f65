"""Changing the model (or its prediction parameters) the line is judged by, safely.

Why: a model activated by mistake judges every later part wrongly without anyone noticing. So
every switch goes through here: it is shown as CHANGEOVER while it happens, it is atomic between
two parts (each job carries the model it was queued with, and the station swaps one reference
under its lock, so no part is judged half by one model and every record names exactly one),
and it is recorded: a log line and a :class:`ChangeoverDone` station event.
:func:`record_changeover` is the one place an audit trail hooks in.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

ACTIONS = ("activate", "params", "train", "rename")


@dataclass(frozen=True)
class ChangeoverDone:
    """Station event: the active model or its parameters changed (published on the caller's thread)."""

    action: str  # one of ACTIONS
    old_model: str | None  # display name (id in brackets) before
    new_model: str | None
    line_active: bool  # a source ran or the endpoint judged a part within the last minute
    confirmed: bool  # the user was asked and accepted (False: no line running, nobody asked)
    details: dict[str, Any] = field(default_factory=dict)  # e.g. old/new parameters
    when: float = field(default_factory=time.time)


def describe(info: Any) -> str | None:
    """``name (v2, id)`` of a ``ModelInfo``; None without a model."""
    if info is None:
        return None
    return f"{info.name} (v{info.version}, {info.id})"


def line_active(station: Any) -> bool:
    """True while a live source streams or the endpoint judged a part within the last minute."""
    machine = getattr(station, "machine", None)
    return bool(machine is not None and machine.line_active())


def record_changeover(station: Any, event: ChangeoverDone) -> None:
    """Log and publish one changeover. An audit table adds its write here (one call, no other place)."""
    log.warning("changeover (%s): %s -> %s%s%s", event.action, event.old_model, event.new_model,
                " while the line ran" if event.line_active else "",
                " (confirmed)" if event.confirmed else "")
    from station import audit

    detail = {"old_model": event.old_model, "new_model": event.new_model, "line_active": event.line_active,
              "confirmed": event.confirmed, **event.details}
    audit.record(station, audit_action(event), **detail)
    events = getattr(station, "events", None)
    if events is not None:
        events.publish(event)


def audit_action(event: ChangeoverDone) -> str:
    """The audit row's action: a parameter change that only moved the threshold is ``threshold.applied``."""
    if event.action == "params":
        old, new = event.details.get("old") or {}, event.details.get("new") or {}
        moved = {k for k in set(old) | set(new) if old.get(k) != new.get(k)}
        return "threshold.applied" if moved == {"threshold"} else "model.params_changed"
    return {"activate": "model.activated", "train": "model.activated", "rename": "model.renamed"}.get(
        event.action, f"model.{event.action}")


class _Changeover:
    """Context manager: CHANGEOVER shown from entry to exit, whatever happens inside."""

    def __init__(self, station: Any, old: str | None, new: str | None) -> None:
        self.machine = getattr(station, "machine", None)
        self.old, self.new = old, new

    def __enter__(self) -> _Changeover:
        if self.machine is not None:
            self.machine.begin_changeover(self.old, self.new)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.machine is not None:
            self.machine.end_changeover()


def switch_model(station: Any, model: Any, path: str | Path | None, *, action: str = "activate",
                 confirmed: bool = False) -> ChangeoverDone:
    """Make an already loaded ``model`` active; parts queued before keep the model they were queued with."""
    old = station.model_info
    active = line_active(station)
    with _Changeover(station, getattr(old, "name", None), getattr(model.info, "name", None)):
        station.set_model(model, path)
    event = ChangeoverDone(action, describe(old), describe(model.info), active, confirmed,
                           {"path": str(path) if path else None})
    record_changeover(station, event)
    return event


def load_and_switch(station: Any, path: str | Path, *, action: str = "activate",
                    confirmed: bool = False) -> ChangeoverDone:
    """Load a bundle (slow: call off the GUI thread) and switch to it; CHANGEOVER shows meanwhile.

    The running line keeps being judged by the old model while the new one loads; the switch
    itself is one reference swap. Raises the station's error when the file cannot be loaded.
    """
    old = station.model_info
    active = line_active(station)
    with _Changeover(station, getattr(old, "name", None), Path(path).stem):
        station.load_model(path)
    new = station.model_info
    event = ChangeoverDone(action, describe(old), describe(new), active, confirmed, {"path": str(path)})
    record_changeover(station, event)
    return event


def apply_params(station: Any, params: Any, *, confirmed: bool = False) -> ChangeoverDone:
    """New prediction parameters for the active model, as one switch between two parts."""
    old = station.model_info
    old_params = getattr(station, "params", None)
    active = line_active(station)
    name = getattr(old, "name", None)
    with _Changeover(station, name, name):
        station.set_params(params)
    new = station.model_info
    details = {"old": _params_dict(old_params), "new": _params_dict(params)}
    event = ChangeoverDone("params", describe(old), describe(new), active, confirmed, details)
    record_changeover(station, event)
    return event


def _params_dict(params: Any) -> dict[str, Any] | None:
    to_dict = getattr(params, "to_dict", None)
    return to_dict() if callable(to_dict) else None
