"""Qt-free pieces behind the Live page: remembered source, validation marks, changeover records,
shift counts from the history."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from station import changeover
from station.machine_state import MachineState
from station.shift_counts import counting_since, remember_reset, shift_counts
from station.source_memory import SourceChoice, load_choice, memory_path, save_choice
from station.validation import is_validated, mark_validated
from tests.station.fakes import GatedModel


def test_source_choice_round_trip_and_damaged_files(tmp_path):
    choice = SourceChoice(kind="camera", camera_index=2, resolution=3, exposure=120.0, folder="/parts")
    save_choice(choice, tmp_path)
    assert load_choice(tmp_path) == choice
    memory_path(tmp_path).write_text("{not json", encoding="utf-8")
    assert load_choice(tmp_path) == SourceChoice()
    memory_path(tmp_path).write_text('{"kind": "rtsp", "interval_ms": -5, "loop": "yes", "folder": 3}',
                                     encoding="utf-8")
    assert load_choice(tmp_path) == SourceChoice()  # wrong kinds and types keep the defaults


def test_only_an_evaluation_with_ng_parts_validates(tmp_path):
    ok_only = GatedModel("m-1").info
    assert not is_validated(ok_only, tmp_path)
    assert not mark_validated(tmp_path, "m-1", dataset="good only", ng_count=0)
    assert mark_validated(tmp_path, "m-1", dataset="line 3", ng_count=12)
    assert is_validated(ok_only, tmp_path) and not is_validated(GatedModel("m-2").info, tmp_path)
    assert is_validated(replace(ok_only, id="m-3", ng_img_count=5), tmp_path)  # calibrated with NG images


def test_switch_model_shows_changeover_and_publishes_one_record(tmp_path):
    from station.core import Station
    from station.settings import Settings
    from tests.station.fakes import MemoryDatabase

    settings = Settings().override(**{"storage.data_dir": str(tmp_path)})
    station = Station(settings, database=MemoryDatabase(), model=GatedModel("old"))
    states, events = [], []
    station.machine.subscribe(lambda snap: states.append(snap.state))
    station.events.subscribe(lambda e: events.append(e) if isinstance(e, changeover.ChangeoverDone) else None)
    station.machine.source_started("folder")
    done = changeover.switch_model(station, GatedModel("new"), None, action="train", confirmed=True)
    assert station.model_info.id == "new"
    assert MachineState.CHANGEOVER in states and station.machine.state is MachineState.RUNNING
    assert events == [done] and done.line_active and done.confirmed
    assert "old" in done.old_model and "new" in done.new_model
    params = station.params.with_(threshold=42.0)
    record = changeover.apply_params(station, params)
    assert record.details["old"]["threshold"] == 100.0 and record.details["new"]["threshold"] == 42.0


def test_shift_counts_follow_the_history_and_the_reset(tmp_path):
    from storage import Database
    from tests.ui.part2_helpers import make_record

    db = Database(tmp_path / "h.sqlite3")
    now = datetime.now().replace(microsecond=0)
    start = now - timedelta(hours=1)
    db.insert_many([make_record(i, start + timedelta(minutes=i), label="NG" if i % 3 == 0 else "OK")
                    for i in range(30)])
    db.insert(replace(make_record(99, start + timedelta(minutes=5), label="NG"), source="batch"))  # not live
    assert shift_counts(db, start, now) == (20, 10)
    assert counting_since(db, start) == start
    remember_reset(db, start + timedelta(minutes=15))
    since = counting_since(db, start)
    assert since == start + timedelta(minutes=15)
    ok, ng = shift_counts(db, since, now)
    assert ok + ng == 15
    db.close()
