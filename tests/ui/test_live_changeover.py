"""Changeover safety with a running folder source, and one score scale for the same part everywhere."""

from __future__ import annotations

import csv
import json
from datetime import datetime

import pytest

from station.changeover import ChangeoverDone
from station.machine_state import MachineState
from tests.station.fakes import GatedModel
from tests.ui.gui_station import bridged_station, close_gui_station, shown
from tests.ui.test_live_states import write_parts
from ui.live_page import LivePage

pytestmark = pytest.mark.timeout(300)


@pytest.fixture
def line(qtbot, tmp_path):
    from ui.models_page import ModelsPage

    station, db, settings, bridge = bridged_station(tmp_path, GatedModel("fake-a", threshold=100.0))
    page = shown(qtbot, LivePage(bridge, settings))
    models = shown(qtbot, ModelsPage(bridge, settings))
    yield page, models, station, db, settings, tmp_path
    close_gui_station(bridge, db, page, models, pool_ms=30_000)


def _answer(monkeypatch, button, asked):
    from PySide6.QtWidgets import QMessageBox

    def question(_parent, title, text, *_a, **_k):
        asked.append((title, text))
        return button
    monkeypatch.setattr(QMessageBox, "question", question)


def test_activation_while_the_line_runs_asks_and_switches_atomically(qtbot, line, trained_model_path,
                                                                    trained_model, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    page, models, station, db, _settings, tmp = line
    assert page.play_folder(write_parts(tmp / "parts", 3, 2), interval_ms=60, loop=True)
    qtbot.waitUntil(lambda: page.counters.counts()[0] >= 3, timeout=30_000)
    states, events = [], []
    station.machine.subscribe(lambda snap: states.append(snap.state))
    station.events.subscribe(lambda e: events.append(e) if isinstance(e, ChangeoverDone) else None)

    asked: list[tuple[str, str]] = []
    _answer(monkeypatch, QMessageBox.StandardButton.No, asked)
    assert not models.activate(trained_model_path)  # rejected: the line keeps its model
    assert len(asked) == 1 and "fake-a" in asked[0][1] and trained_model.info.name in asked[0][1]
    assert station.model_info.id == "fake-a" and not events
    seen = page.counters.counts()[0]
    qtbot.waitUntil(lambda: page.counters.counts()[0] >= seen + 2, timeout=30_000)

    _answer(monkeypatch, QMessageBox.StandardButton.Yes, asked)
    confirmed_at = datetime.now()
    assert models.activate(trained_model_path)
    qtbot.waitUntil(lambda: station.model_info.id == trained_model.info.id, timeout=60_000)
    seen = page.counters.counts()[0]
    qtbot.waitUntil(lambda: page.counters.counts()[0] >= seen + 3, timeout=120_000)
    page.stop()
    qtbot.waitUntil(lambda: station.queue_depth == 0, timeout=30_000)

    records = sorted(db.search(limit=500).data, key=lambda r: r.id)
    ids = [r.model_id for r in records]
    assert set(ids) == {"fake-a", trained_model.info.id}  # every record names exactly one model
    first_new = ids.index(trained_model.info.id)
    assert all(m == trained_model.info.id for m in ids[first_new:])  # no old-model part after the switch
    assert all(r.timestamp >= confirmed_at for r in records if r.model_id == trained_model.info.id)
    assert MachineState.CHANGEOVER in states
    assert len(events) == 1 and events[0].confirmed and events[0].line_active
    assert "fake-a" in events[0].old_model and trained_model.info.id in events[0].new_model


def test_parameters_and_training_while_the_line_runs(qtbot, line, monkeypatch):
    from dataclasses import replace

    from PySide6.QtWidgets import QMessageBox

    from ui.train_dialog import TrainDialog

    page, models, station, _db, settings, tmp = line
    quiet = TrainDialog(page.bridge, settings)
    qtbot.addWidget(quiet)
    assert quiet.activate_box.isChecked()  # nothing runs: activate by default, as before
    assert page.play_folder(write_parts(tmp / "parts", 2, 1), interval_ms=80, loop=True)
    qtbot.waitUntil(lambda: page.counters.counts()[0] >= 2, timeout=30_000)
    busy = TrainDialog(page.bridge, settings)
    qtbot.addWidget(busy)
    assert not busy.activate_box.isChecked()  # the line runs: unticked by default

    params = replace(station.params, threshold=150.0)
    models._params_edited()
    monkeypatch.setattr(models, "edited_params", lambda: params)
    asked: list[tuple[str, str]] = []
    _answer(monkeypatch, QMessageBox.StandardButton.No, asked)
    assert not models.apply_params()
    assert station.params.threshold == 100.0 and "150" in asked[0][1] and "100" in asked[0][1]
    _answer(monkeypatch, QMessageBox.StandardButton.Yes, asked)
    assert models.apply_params()
    assert station.params.threshold == 150.0
    page.stop()


def test_one_score_scale_in_bar_boxes_history_csv_and_api(qtbot, line, trained_model, bottle_images, tmp_path):
    from api.context import build_context
    from inference.imageio import read_image
    from widgets.detail_panel import _region_ratio
    from widgets.record_table import COLUMN_KEYS, RecordTableModel

    page, _models, station, db, _settings, _tmp = line
    station.set_model(trained_model)
    image = read_image(bottle_images["ng"][0])
    insp = station.inspect(image, source="http", name="plc.png").result(timeout=120)
    assert insp.record.label == "NG" and insp.result.regions, "a broken bottle with defect regions"
    qtbot.waitUntil(lambda: page.shown is not None and page.shown.record.id == insp.record.id, timeout=30_000)

    norm = insp.result.score / insp.result.threshold
    region_norms = [r.score / insp.result.threshold for r in insp.result.regions]
    # the score bar and the part's stored score
    assert page.score_bar.normalized() == pytest.approx(norm)
    assert page.score_bar.text().startswith(f"{norm:.2f} × threshold")
    assert insp.record.normalized_score == pytest.approx(norm)
    # the boxes on the live view: the same scale, and the strongest box is the image's score
    labels = sorted(float(t) for t in _box_labels(page.view))
    assert labels == pytest.approx(sorted(round(n, 2) for n in region_norms), abs=0.006)
    assert max(region_norms) == pytest.approx(norm)
    # History: the table's score column and the Regions tab
    stored = db.get(insp.record.id)
    table = RecordTableModel()
    table.reset(1, [stored])
    assert table.data(table.index(0, COLUMN_KEYS.index("score"))) == f"{norm:.2f}×"
    assert [_region_ratio(r, stored) for r in stored.regions] == [f"{n:.2f}×" for n in region_norms]
    assert [r["normalized_score"] for r in stored.regions] == pytest.approx(region_norms)
    # CSV export
    out = tmp_path / "export.csv"
    db.export_csv(out)
    with out.open(newline="", encoding="utf-8-sig") as fh:
        row = next(r for r in csv.DictReader(fh) if r["figId"] == str(insp.record.id))
    assert float(row["normalized_score"]) == pytest.approx(norm)
    assert [r["normalized_score"] for r in json.loads(row["regions"])] == pytest.approx(region_norms)
    # the API's context (PEKAT and QC Station fields)
    ctx = build_context(insp.result, insp.record, None)
    assert ctx["normalized_score"] == pytest.approx(norm)
    assert [r["normalized_score"] for r in ctx["detectedRectangles"]] == pytest.approx(region_norms)


def _box_labels(view):
    from PySide6.QtWidgets import QGraphicsSimpleTextItem

    return [i.text() for i in view._box_items if isinstance(i, QGraphicsSimpleTextItem)]
