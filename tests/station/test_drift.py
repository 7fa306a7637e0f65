"""The score drift monitor: a step at a known hour is flagged within the stated delay, stationary
data over a long run raises nothing, warnings end, persist, and survive a restart."""

from __future__ import annotations

import random
import statistics
from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from station.drift import DriftChanged, DriftMonitor, DriftRule, Reference, reference_from_stats, simulate
from station.events import EventBus, ModelChanged
from storage import Database, insights_store
from tests.station.fakes import GatedModel

START = datetime(2026, 4, 1, 6)
THRESHOLD = 100.0


class _Station:
    """What the monitor needs of a station: events, a database, the active model."""

    def __init__(self, db, model):
        self.events = EventBus()
        self.database = db
        self.model = model


def _model(holdout=None):
    m = GatedModel("m-drift", threshold=THRESHOLD)
    stats = {"holdout_scores": holdout} if holdout is not None else {}
    m.info = replace(m.info, name="bottle", stats=stats)
    return m


def _calibration(rng, n=12):
    return [THRESHOLD * min(0.99, max(0.05, rng.gauss(0.6, 0.06))) for _ in range(n)]


@pytest.fixture
def db(tmp_path):
    d = Database(tmp_path / "history.sqlite3")
    yield d
    d.close()


def _feed(monitor, rng, start, parts, median, per_hour=60):
    step = timedelta(hours=1) / per_hour
    for i in range(parts):
        monitor.feed(THRESHOLD * min(0.99, max(0.05, rng.gauss(median, 0.06))), start + i * step)


def test_reference_comes_from_the_bundle_calibration():
    ref = reference_from_stats({"holdout_scores": [50, 60, 70]}, 100.0)
    assert ref.median == pytest.approx(0.6) and ref.n == 3 and ref.source == "calibration"
    ref = reference_from_stats({"calibration_ok_mean": 40.0, "calibration_ok_std": 5.0, "calibration_ok_count": 10}, 80.0)
    assert ref.median == pytest.approx(0.5) and ref.spread == pytest.approx(1 / 16) and ref.source == "calibration_mean"
    assert reference_from_stats({}, 80.0) is None


def test_step_at_a_known_hour_is_raised_within_the_stated_delay(db):
    rng = random.Random(1)
    cal = _calibration(rng)
    station = _Station(db, _model(cal))
    monitor = DriftMonitor(station)
    events = []
    station.events.subscribe(lambda e: events.append(e) if isinstance(e, DriftChanged) else None)
    _feed(monitor, rng, START, 60 * 10, 0.6)  # ten stationary hours at 60 OK parts/hour
    assert events == [] and monitor.status().state == "ok"
    step_at = START + timedelta(hours=10)
    _feed(monitor, rng, step_at, 60 * 4, 0.85)  # the lamp changed: OK parts score 0.85 of the threshold
    assert len(events) == 1 and events[0].raised and events[0].status.state == "drift_up"
    ref = reference_from_stats({"holdout_scores": cal}, THRESHOLD)
    rule = DriftRule()
    stated = rule.delay_batches(0.85 - ref.median, ref) * rule.batch + rule.batch  # + one partial batch
    delay_parts = (events[0].status.since - step_at) / (timedelta(hours=1) / 60)
    assert 0 < delay_parts <= stated
    stored = insights_store.drift_events(db)
    assert len(stored) == 1 and stored[0].active and stored[0].direction == "up"
    assert stored[0].reference == pytest.approx(statistics.median(cal) / THRESHOLD)
    assert 0.75 < stored[0].level < 0.95
    # lighting fixed: the warning ends, in the database too
    _feed(monitor, rng, step_at + timedelta(hours=4), 60 * 4, 0.6)
    assert [e.raised for e in events] == [True, False]
    assert not insights_store.drift_events(db)[0].active and monitor.status().state == "ok"


def test_scores_falling_raise_a_downward_warning(db):
    rng = random.Random(2)
    station = _Station(db, _model(_calibration(rng)))
    monitor = DriftMonitor(station)
    _feed(monitor, rng, START, 400, 0.6)
    _feed(monitor, rng, START + timedelta(hours=8), 300, 0.3)
    assert monitor.status().state == "drift_down"


def test_no_alarm_on_a_long_stationary_run():
    """Half a million OK parts from the calibration distribution: not one warning."""
    rng = random.Random(3)
    cal = [min(0.99, max(0.05, rng.gauss(0.6, 0.08))) for _ in range(12)]
    ref = Reference(statistics.median(cal), statistics.stdev(cal), len(cal))
    scores = [min(0.99, max(0.05, rng.gauss(0.6, 0.08))) for _ in range(500_000)]
    assert simulate(scores, ref) == []


def test_a_model_without_calibration_scores_learns_its_reference_from_the_first_parts(db):
    rng = random.Random(4)
    station = _Station(db, _model(None))
    monitor = DriftMonitor(station)
    assert monitor.status().state == "warming"
    _feed(monitor, rng, START, DriftRule().warmup + 200, 0.5)
    status = monitor.status()
    assert status.state == "ok" and status.reference_source == "first_parts"
    assert status.reference == pytest.approx(0.5, abs=0.03)


def test_state_survives_a_restart_and_follows_the_model(db):
    from tests.station.insight_history import history

    rng = random.Random(5)
    model = _model(_calibration(rng))
    # the history already holds OK parts that drifted (a station that was stopped mid-warning)
    recs = list(history(START, 6, 60, ng_rate=lambda t: 0.0, model_id="m-drift", threshold=THRESHOLD,
                        ok_score=lambda t, r: THRESHOLD * min(0.99, max(0.05, r.gauss(0.85, 0.05)))))
    db.import_records(recs)
    station = _Station(db, model)
    events = []
    station.events.subscribe(events.append)
    monitor = DriftMonitor(station)
    assert monitor.status().state == "drift_up" and [e.raised for e in events] == [True]
    assert len(insights_store.drift_events(db, active_only=True)) == 1
    monitor.close()
    again = DriftMonitor(_Station(db, model))  # second restart: adopts the open warning, no duplicate
    assert again.status().drifting and len(insights_store.drift_events(db)) == 1
    # a new model: the old model's warning ends
    station2 = _Station(db, _model(_calibration(rng)))
    station2.model.info = replace(station2.model.info, id="m-new")
    fresh = DriftMonitor(station2)
    assert fresh.status().state == "ok" and insights_store.drift_events(db, active_only=True) == []
    station2.model = None
    station2.events.publish(ModelChanged(None))
    assert fresh.status().state == "no_model"
