"""Score drift monitor: are the parts judged OK still scoring as they did at calibration?

Why: a changed lamp, a dirty lens, a refocused camera or a new batch of material moves every
score. The verdicts stay "OK" for a while, so the counters look fine, but the margin to the
threshold shrinks and the over-detection rate rises (or, drifting down, defects start to pass).

The rule (stated in docs/insights.md with its measured false-alarm rate and delay):

- every score is taken as a fraction of the model's current image threshold (1.0 = threshold);
- the reference ``m0`` is the median of the model's held-out calibration OK scores (bundle stats
  ``holdout_scores``; else ``calibration_ok_mean``; else the median of the first ``warmup`` parts);
- the parts of that model are taken in consecutive batches of ``batch``; ``x`` is a batch's median
  of the OK scores, a part judged NG counting as censored at the threshold (:func:`censored`), so
  ``x`` follows the OK parts even when a drift pushes some of them over the threshold;
- tolerance ``δ = clip(0.5 (1 - m0), 0.03, 0.15)``: half the margin the model has to its threshold;
- two one-sided CUSUMs (Page) with slack ``k = δ / 2 + u``, where ``u`` is the standard error of
  ``m0`` (1.2533 σ / √n of the n calibration scores):
  ``S+ = max(0, S+ + x - m0 - k)``, ``S- = max(0, S- + m0 - x - k)``;
- a warning is raised when ``S+`` (or ``S-``) exceeds ``h = max(2 δ, 6 · 1.2533 σ / √batch)``;
  while it lasts the sums are capped at ``h``; it ends once that sum has been back at 0 for
  ``end_batches`` consecutive batches.

A step of ``d`` (> k) in the OK median is therefore flagged after about ``h / (d - k)`` batches;
``u`` keeps a reference estimated from a dozen calibration images from looking like a drift.
"""

from __future__ import annotations

import json
import logging
import statistics
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

log = logging.getLogger(__name__)

REFERENCE_KEY = "drift_reference:"  # meta key prefix: the reference of each model seen


@dataclass(frozen=True)
class DriftRule:
    """Parameters of the rule above (defaults measured in docs/insights.md)."""

    batch: int = 20  # parts per batch
    max_tolerance: float = 0.15  # the tolerance is half the margin 1 - m0, within these bounds
    min_tolerance: float = 0.03
    end_batches: int = 3  # batches back in band before a warning ends
    warmup: int = 100  # parts that make the reference when the model has no calibration scores
    replay: int = 400  # parts replayed from the history at start (state survives a restart)

    def tolerance(self, m0: float) -> float:
        """The smallest move of the median worth a warning: half the margin between the
        calibration median and the threshold (a tight model has less room), within bounds."""
        return min(self.max_tolerance, max(self.min_tolerance, 0.5 * (1.0 - m0)))

    def slack(self, ref: Reference) -> float:
        """``k``: half the tolerance plus the standard error of the reference median, so a
        reference taken from a dozen images does not by itself look like a drift."""
        u = 1.2533 * ref.spread / ref.n ** 0.5 if ref.spread > 0 and ref.n > 0 else 0.0
        return self.tolerance(ref.median) / 2 + u

    def decision_limit(self, ref: Reference) -> float:
        """``h``: twice the tolerance, or six standard errors of a batch median when scores spread widely."""
        return max(2 * self.tolerance(ref.median), 6 * 1.2533 * ref.spread / self.batch ** 0.5)

    def delay_batches(self, step: float, ref: Reference) -> float:
        """Expected batches to flag a step of ``step`` in the median (inf below ``k``)."""
        k = self.slack(ref)
        return float("inf") if step <= k else self.decision_limit(ref) / (step - k)


@dataclass(frozen=True)
class Reference:
    """The calibration OK scores of a model, as fractions of its current threshold."""

    median: float
    spread: float = 0.0  # standard deviation (0: unknown)
    n: int = 0
    source: str = "calibration"  # "calibration" | "calibration_mean" | "first_parts"


@dataclass(frozen=True)
class DriftStatus:
    """What the banner, ``/api/status`` and the insights say about one model right now."""

    model_id: str | None
    model_name: str = ""
    state: str = "no_model"  # no_model | warming | ok | drift_up | drift_down
    reference: float | None = None  # calibration median (fraction of threshold)
    reference_source: str = ""  # "calibration" | "calibration_mean" | "first_parts"
    median: float | None = None  # last batch median
    p90: float | None = None  # last batch 90th percentile
    since: datetime | None = None  # start of the current warning
    parts: int = 0  # parts seen since the warning started (or in total)
    event_id: int | None = None

    @property
    def drifting(self) -> bool:
        return self.state in ("drift_up", "drift_down")

    def to_dict(self) -> dict[str, Any]:
        def r(v: float | None) -> float | None:
            return None if v is None else round(float(v), 4)

        return {"model_id": self.model_id, "model_name": self.model_name, "state": self.state,
                "drifting": self.drifting, "reference": r(self.reference),
                "reference_source": self.reference_source, "median": r(self.median), "p90": r(self.p90),
                "since": self.since.isoformat(timespec="seconds") if self.since else None,
                "parts": self.parts, "event_id": self.event_id}


@dataclass(frozen=True)
class DriftChanged:
    """Station event: a warning was raised or ended (``status.drifting`` says which)."""

    status: DriftStatus
    raised: bool


def reference_from_stats(stats: dict[str, Any], threshold: float) -> Reference | None:
    """The calibration OK scores of a bundle's stats relative to ``threshold`` (None: none stored)."""
    if not threshold or threshold <= 0:
        return None
    scores = [float(s) / threshold for s in stats.get("holdout_scores") or [] if isinstance(s, int | float)]
    if scores:
        spread = statistics.stdev(scores) if len(scores) > 1 else 0.0
        return Reference(statistics.median(scores), spread, len(scores), "calibration")
    mean, std = stats.get("calibration_ok_mean"), stats.get("calibration_ok_std")
    if isinstance(mean, int | float) and mean > 0:
        n = int(stats.get("calibration_ok_count") or 0)
        spread = float(std) / threshold if isinstance(std, int | float) else 0.0
        return Reference(float(mean) / threshold, spread, n, "calibration_mean")
    return None


@dataclass
class CusumState:
    """The rule's state for one model; ``feed`` takes one normalised OK score, says what changed."""

    rule: DriftRule
    ref: Reference | None
    warmup_scores: list[float] = field(default_factory=list)
    buffer: list[float] = field(default_factory=list)
    up: float = 0.0
    down: float = 0.0
    side: str | None = None  # "up" | "down" while a warning lasts
    zero_run: int = 0
    median: float | None = None
    p90: float | None = None
    parts: int = 0  # parts since the warning started (total when none)

    @property
    def reference(self) -> float | None:
        return None if self.ref is None else self.ref.median

    def feed(self, score: float) -> str | None:
        """``"raised"``, ``"ended"``, ``"batch"`` (a batch closed) or None."""
        self.parts += 1
        if self.ref is None:
            self.warmup_scores.append(score)
            if len(self.warmup_scores) >= self.rule.warmup:
                w = self.warmup_scores
                self.ref = Reference(statistics.median(w), statistics.stdev(w), len(w), "first_parts")
                self.warmup_scores = []
            return None
        self.buffer.append(score)
        if len(self.buffer) < self.rule.batch:
            return None
        batch, self.buffer = sorted(self.buffer), []
        x = statistics.median(batch)
        self.median, self.p90 = x, batch[min(len(batch) - 1, int(0.9 * len(batch)))]
        ref = self.ref
        k, h, m0 = self.rule.slack(ref), self.rule.decision_limit(ref), ref.median
        self.up = max(0.0, self.up + x - m0 - k)
        self.down = max(0.0, self.down + m0 - x - k)
        if self.side is None:
            if self.up > h or self.down > h:
                self.side = "up" if self.up >= self.down else "down"
                self.zero_run, self.parts = 0, self.rule.batch
                return "raised"
            return "batch"
        # capped at h while it lasts, so it ends within about h / k batches of the cause going away
        self.up, self.down = min(self.up, h), min(self.down, h)
        level = self.up if self.side == "up" else self.down
        self.zero_run = self.zero_run + 1 if level == 0.0 else 0
        if self.zero_run >= self.rule.end_batches:
            self.side, self.zero_run, self.up, self.down = None, 0, 0.0, 0.0
            return "ended"
        return "batch"


def censored(normalised: float, ok: bool) -> float:
    """A part judged NG only says "the OK score would be at least the threshold": it enters the
    median as 1.0, so the median of all parts estimates the median of OK scores censored at the
    threshold (exact while fewer than half the parts are NG). OK-judged parts alone would hide a
    drift that pushes them over the threshold."""
    return normalised if ok and normalised < 1.0 else 1.0


def record_audit(station: Any, action: str, detail: dict[str, Any]) -> None:
    """The one hook into the station's audit trail (``score_drift_raised`` / ``score_drift_ended``)."""
    from station import audit

    log.warning("audit %s: %s", action, json.dumps(detail, ensure_ascii=False, default=str))
    audit.record(station, action, actor="station", **detail)


class DriftMonitor:
    """Feeds every recorded part of the active model through :class:`CusumState`.

    Runs on the station's recorder thread (a few arithmetic operations per part, one database
    write per warning change); ``status()`` may be read from any thread.
    """

    def __init__(self, station: Any, rule: DriftRule | None = None,
                 audit: Callable[[Any, str, dict[str, Any]], None] = record_audit) -> None:
        self.station = station
        self.rule = rule or DriftRule()
        self._audit = audit
        self._lock = threading.Lock()
        self._model_id: str | None = None
        self._model_name = ""
        self._threshold = 0.0
        self._state: CusumState | None = None
        self._event_id: int | None = None
        self._since: datetime | None = None
        self._unsubscribe = station.events.subscribe(self._on_event)
        self._adopt(getattr(station, "model", None))

    def close(self) -> None:
        self._unsubscribe()

    # ------------------------------------------------------------------ state
    def status(self) -> DriftStatus:
        with self._lock:
            return self._status()

    def _status(self) -> DriftStatus:
        s = self._state
        if self._model_id is None or s is None:
            return DriftStatus(model_id=None)
        if s.reference is None:
            state = "warming"
        elif s.side:
            state = f"drift_{s.side}"
        else:
            state = "ok"
        return DriftStatus(model_id=self._model_id, model_name=self._model_name, state=state,
                           reference=s.reference, reference_source=s.ref.source if s.ref else "",
                           median=s.median,
                           p90=s.p90, since=self._since if s.side else None, parts=s.parts,
                           event_id=self._event_id if s.side else None)

    def _on_event(self, event: Any) -> None:
        from station.events import ModelChanged, ResultReady

        if isinstance(event, ResultReady):
            record = event.inspection.record
            if record.model_id == self._model_id:
                self.feed(float(record.score), record.timestamp, ok=record.label == "OK")
        elif isinstance(event, ModelChanged):
            self._adopt(getattr(self.station, "model", None))

    def feed(self, raw_score: float, when: datetime | None = None, ok: bool = True) -> None:
        """One part of the active model (raw score; ``ok``: the machine's verdict)."""
        with self._lock:
            if self._state is None or self._threshold <= 0:
                return
            change = self._state.feed(censored(raw_score / self._threshold, ok))
            if change == "raised":
                self._raise(when or datetime.now())
            elif change == "ended":
                self._end(when or datetime.now())
            elif change == "batch" and self._event_id is not None and self._state.side:
                self._update()
            status = self._status() if change in ("raised", "ended") else None
        if status is not None:
            self.station.events.publish(DriftChanged(status, raised=change == "raised"))

    # ------------------------------------------------------------------ model changes
    def _adopt(self, model: Any) -> None:
        """A new model or new parameters: new reference, state rebuilt from its recent parts."""
        changed: tuple[DriftStatus, bool] | None = None
        with self._lock:
            if model is None:
                self._model_id, self._state = None, None
                return
            info, threshold = model.info, float(model.params.threshold)
            if info.id == self._model_id and threshold == self._threshold and self._state is not None:
                return
            reference = reference_from_stats(info.stats or {}, threshold)
            self._model_id, self._model_name, self._threshold = info.id, info.name, threshold
            self._state = CusumState(self.rule, reference)
            self._save_reference()
            db = self.station.database
            if db is None:
                return
            try:
                changed = self._restore(db, info, threshold, reference)
            except Exception as exc:  # noqa: BLE001 - a history without the v7 tables: monitor from now on
                log.warning("score drift history not restored: %s", exc)
        if changed is not None:
            self.station.events.publish(DriftChanged(*changed))

    def _restore(self, db: Any, info: Any, threshold: float, reference: Reference | None
                 ) -> tuple[DriftStatus, bool] | None:
        """Under the lock: replay the model's recent parts, then reconcile with the stored warnings."""
        from storage import insights_store as store

        state = self._state
        assert state is not None  # _adopt made it for this model
        changed = None
        replay = store.recent_scores(db, info.id, self.rule.replay)
        last = None
        for when, raw, ok in replay:
            state.feed(censored(raw / threshold, ok))
            last = when
        if reference is None and state.ref is not None:
            self._save_reference()
        open_events = [e for e in store.drift_events(db, active_only=True) if e.model_id == info.id]
        if state.side and open_events:
            self._event_id, self._since = open_events[-1].id, open_events[-1].started_at
            state.parts = max(state.parts, open_events[-1].parts)
        elif state.side:
            self._raise(last or datetime.now())
            changed = (self._status(), True)
        else:
            for e in open_events:
                store.update_drift_event(db, e.id, latest=e.latest, parts=e.parts,
                                         ended_at=last or datetime.now())
            self._event_id = None
        for e in store.drift_events(db, active_only=True):  # another model's warning ends with it
            if e.model_id != info.id:
                store.update_drift_event(db, e.id, latest=e.latest, parts=e.parts, ended_at=datetime.now())
        return changed

    def _save_reference(self) -> None:
        db = self.station.database
        s = self._state
        if db is None or s is None or s.ref is None:
            return
        try:
            db.set_meta(REFERENCE_KEY + str(self._model_id), json.dumps(
                {"name": self._model_name, "reference": s.ref.median, "spread": s.ref.spread, "n": s.ref.n,
                 "source": s.ref.source, "threshold": self._threshold}))
        except Exception:  # noqa: BLE001 - monitoring must never stop inspection
            log.exception("could not store the drift reference")

    # ------------------------------------------------------------------ warnings
    def _raise(self, when: datetime) -> None:
        from storage import insights_store as store

        s = self._state
        assert s is not None and s.side and s.reference is not None
        self._since = when
        db = self.station.database
        detail = {"model_id": self._model_id, "model": self._model_name, "direction": s.side,
                  "reference": round(s.reference, 4), "median": round(s.median or 0.0, 4)}
        try:
            if db is not None:
                self._event_id = store.open_drift_event(
                    db, model_id=str(self._model_id), model_name=self._model_name, direction=s.side,
                    started_at=when, reference=s.reference, level=s.median or 0.0, parts=s.parts)
        except Exception:  # noqa: BLE001
            log.exception("could not store the drift warning")
        self._audit(self.station, "score_drift_raised", detail)

    def _update(self) -> None:
        from storage import insights_store as store

        s = self._state
        assert s is not None and self._event_id is not None  # feed() checked both
        try:
            store.update_drift_event(self.station.database, int(self._event_id), latest=s.median or 0.0,
                                     parts=s.parts)
        except Exception:  # noqa: BLE001
            log.exception("could not update the drift warning")

    def _end(self, when: datetime) -> None:
        from storage import insights_store as store

        s = self._state
        assert s is not None  # called from feed() with a state
        detail = {"model_id": self._model_id, "model": self._model_name, "median": round(s.median or 0.0, 4),
                  "since": self._since.isoformat(timespec="seconds") if self._since else None}
        if self._event_id is not None and self.station.database is not None:
            try:
                store.update_drift_event(self.station.database, self._event_id, latest=s.median or 0.0,
                                         parts=s.parts, ended_at=when)
            except Exception:  # noqa: BLE001
                log.exception("could not end the drift warning")
        self._audit(self.station, "score_drift_ended", detail)
        self._event_id = None


def simulate(scores: Iterable[float], reference: Reference, rule: DriftRule | None = None) -> list[tuple[int, str]]:
    """(part index, "raised"/"ended") of a stream of normalised OK scores: for tests and the docs."""
    state = CusumState(rule or DriftRule(), reference)
    out = []
    for i, x in enumerate(scores):
        change = state.feed(float(x))
        if change in ("raised", "ended"):
            out.append((i, change))
    return out


def attach(station: Any, rule: DriftRule | None = None) -> DriftMonitor:
    """Start monitoring a station (called once, when it starts)."""
    return DriftMonitor(station, rule)


__all__ = ["CusumState", "DriftChanged", "DriftMonitor", "DriftRule", "DriftStatus", "Reference", "attach",
           "record_audit", "reference_from_stats", "simulate"]
