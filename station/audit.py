"""The station's one audit trail: who did what, when, to the models, settings, counters and line.

Why here and in one table: the machine API already writes ``audit_log`` rows (client added,
items deleted, target changeover); the GUI, the settings store, changeovers and the live source
write to the same table through :class:`AuditTrail`, so one query (History's Audit tab, ``GET
/api/data/audit``) answers "who switched the model at 14:02?". Each action is hooked at its one
place: :func:`station.changeover.record_changeover`, the settings store's subscriber
(:func:`settings_recorder`), the machine-state listener (:func:`source_recorder`), the model
library's functions, the counters' reset and the review.

Secrets never reach a row: the API key and the PIN hash are written as ``"changed"``.
The trail hangs on the history database (``database.audit_trail``), so code that only holds the
database (the counters, the review) finds it; without a database rows are only logged.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

SECRET_KEYS = frozenset({"server.api_key", "roles.engineer_pin_hash"})
# Settings that record their own, more specific row (besides "settings.saved").
KEY_ACTIONS = {"server.api_key": "endpoint.key_changed", "roles.engineer_pin_hash": "roles.pin_changed"}
# Changed as a side effect of another audited action (activating a model), or the window's size.
QUIET_KEYS = frozenset({"ui.geometry"})

# The actions the GUI names (ui.audit_view translates them); the machine API adds its own.
ACTIONS = (
    "model.activated", "model.trained", "model.imported", "model.deleted", "model.renamed",
    "model.params_changed", "threshold.applied", "settings.saved", "endpoint.key_changed",
    "roles.pin_changed", "roles.unlocked", "roles.locked", "counters.reset", "review.given",
    "source.started", "source.stopped", "source.lost",
)


class AuditTrail:
    """Writes audit rows to the history database's ``audit_log`` (never raises into the caller).

    ``actor`` names who acts now when a caller does not say: the role at the station
    (``operator`` / ``engineer``), ``station`` for a headless ``serve``.
    """

    def __init__(self, database: Any, actor: Callable[[], str] = lambda: "station") -> None:
        self.database = database
        self.actor = actor
        self._store: Any = None
        if database is not None:
            from storage.machine import MachineStore

            self._store = MachineStore(database)
            database.audit_trail = self

    def record(self, action: str, *, actor: str | None = None, **detail: Any) -> None:
        who = actor or self._actor()
        log.info("audit %s by %s: %s", action, who, json.dumps(detail, ensure_ascii=False, default=str))
        if self._store is None:
            return
        try:
            self._store.audit(who, action, **detail)
        except Exception:  # noqa: BLE001 - an audit write must never undo the action it records
            log.exception("audit row %s not written", action)

    def _actor(self) -> str:
        try:
            return str(self.actor())
        except Exception:  # noqa: BLE001
            return "station"

    def rows(self, **query: Any) -> tuple[int, list[dict[str, Any]]]:
        from storage.audit_query import audit_page

        if self.database is None:
            return 0, []
        return audit_page(self.database, **query)


def trail_of(holder: Any) -> AuditTrail | None:
    """The trail of a station, a database, or anything with ``audit_trail`` / ``database``."""
    if holder is None:
        return None
    trail = getattr(holder, "audit_trail", None)
    if isinstance(trail, AuditTrail):
        return trail
    database = getattr(holder, "database", None)
    trail = getattr(database, "audit_trail", None) if database is not None else None
    return trail if isinstance(trail, AuditTrail) else None


def record(holder: Any, action: str, *, actor: str | None = None, **detail: Any) -> None:
    """Record ``action`` on the trail of ``holder`` (a station or database); only logged without one."""
    trail = trail_of(holder)
    if trail is None:
        log.info("audit %s (no trail): %s", action, json.dumps(detail, ensure_ascii=False, default=str))
        return
    trail.record(action, actor=actor, **detail)


def set_review(db: Any, record_id: int, label: str | None, note: str | None = None, *,
               actor: str | None = None) -> Any:
    """Store an operator's review of a record and audit it (the one place the GUI reviews through)."""
    stored = db.set_review(record_id, label, note)
    record(db, "review.given", actor=actor, record_id=int(record_id), name=getattr(stored, "name", None),
           label=label, machine_label=getattr(stored, "label", None), note=note or "")
    return stored


def redact(key: str, value: Any) -> Any:
    if key in SECRET_KEYS:
        return "changed" if value else "cleared"
    return value


def settings_recorder(trail: AuditTrail, initial: Any) -> Callable[[Any], None]:
    """A ``SettingsStore`` subscriber: one ``settings.saved`` row per change, old → new per key."""
    state = {"last": initial}

    def on_change(new: Any) -> None:
        old = state["last"]
        state["last"] = new
        changed = old.changes(new)
        keys = sorted(k for k in changed if k not in QUIET_KEYS)
        if not keys:
            return
        before = old.flat()
        values = {k: {"old": "…" if k in SECRET_KEYS else _plain(before.get(k)),
                      "new": redact(k, changed[k]) if k in SECRET_KEYS else _plain(changed[k])} for k in keys}
        trail.record("settings.saved", keys=keys, values=values)
        for key, action in KEY_ACTIONS.items():
            if key in changed:
                trail.record(action, state="set" if changed[key] else "cleared")

    return on_change


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {k: getattr(value, k) for k in value.__dataclass_fields__}
    return value


def source_recorder(trail: AuditTrail, machine: Any) -> Callable[[Any], None]:
    """A ``MachineStateModel`` listener: a row when a live source starts, stops or is lost."""
    state: dict[str, Any] = {"source": None, "lost": False}

    def on_snapshot(snap: Any) -> None:
        source = snap.source
        reason = machine.lost_reason
        lost = reason is not None
        prev_source, prev_lost = state["source"], state["lost"]
        state["source"], state["lost"] = source, lost
        if lost and not prev_lost:
            trail.record("source.lost", source=source, reason=reason)
        elif source and not lost and (prev_source is None or prev_lost):
            trail.record("source.started", source=source, reconnected=prev_lost)
        elif source is None and prev_source is not None:
            trail.record("source.stopped", source=prev_source)

    return on_snapshot


def attach(station: Any, store: Any, actor: Callable[[], str] = lambda: "station") -> AuditTrail:
    """Give ``station`` (and its database) a trail that follows the settings store and the line's
    source; returns it. Unsubscribe functions are kept on the trail (``trail.detach()``)."""
    trail = AuditTrail(getattr(station, "database", None), actor)
    station.audit_trail = trail
    unsubscribers: list[Callable[[], None]] = []
    if store is not None:
        unsubscribers.append(store.subscribe(settings_recorder(trail, store.current)))
    machine = getattr(station, "machine", None)
    if machine is not None:
        unsubscribers.append(machine.subscribe(source_recorder(trail, machine)))

    def detach() -> None:
        for unsubscribe in unsubscribers:
            unsubscribe()
        unsubscribers.clear()

    trail.detach = detach  # type: ignore[attr-defined]
    return trail


__all__ = ["ACTIONS", "AuditTrail", "SECRET_KEYS", "attach", "record", "redact", "set_review", "settings_recorder",
           "source_recorder", "trail_of"]
