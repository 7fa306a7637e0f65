"""The machine state model: priorities, review timeout, reconnect countdown, line activity (no Qt)."""

from __future__ import annotations

from station.machine_state import MachineState, MachineStateModel
from tests.station.fakes import Clock


def test_states_by_priority_and_review_timeout():
    clock = Clock()
    m = MachineStateModel(clock=clock, line_idle_s=60)
    seen = []
    m.subscribe(lambda snap: seen.append(snap.state))
    assert m.state is MachineState.NO_MODEL
    m.set_model("bottle")
    assert m.state is MachineState.STOPPED and not m.line_active()
    m.source_started("folder")
    assert m.state is MachineState.RUNNING and m.line_active()
    m.begin_review("12:00:01", timeout_s=10)
    snap = m.snapshot()
    assert snap.state is MachineState.REVIEWING and snap.reviewing == "12:00:01" and snap.review_left_s == 10
    clock.t += 10.5
    assert m.state is MachineState.RUNNING  # the review timed out by itself
    m.source_lost("folder", "not a folder: /x", retry_in_s=5)
    snap = m.snapshot()
    assert snap.state is MachineState.SOURCE_LOST and snap.reason == "not a folder: /x" and snap.reconnect_in_s == 5
    assert not snap.line_active
    m.begin_changeover("bottle", "tile")
    assert m.snapshot().state is MachineState.CHANGEOVER and m.snapshot().reason == "bottle → tile"
    m.end_changeover()
    m.source_stopped()
    assert m.state is MachineState.STOPPED
    assert MachineState.RUNNING in seen and MachineState.CHANGEOVER in seen


def test_endpoint_keeps_the_line_running_for_a_minute():
    clock = Clock()
    m = MachineStateModel(clock=clock, line_idle_s=60)
    m.set_model("bottle")
    m.endpoint_judged()
    assert m.state is MachineState.RUNNING
    clock.t += 59
    assert m.line_active()
    clock.t += 2
    assert m.state is MachineState.STOPPED and not m.line_active()
    assert m.snapshot().to_dict()["station_state"] == "STOPPED"
