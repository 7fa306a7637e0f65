"""Training from the line: History -> Add to training set, then the Models page's training set
(count, thumbnails, remove) and Retrain in the background, offered through the activation path."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel

from station.items import Upload
from station.machine import services_for
from station.settings import Settings
from tests.ui.gui_station import bridged_station, close_gui_station
from ui.history_page import HistoryPage
from ui.models_page import ModelsPage

pytestmark = pytest.mark.timeout(400)


@pytest.fixture
def line(qtbot, tmp_path, trained_model, bottle_images, monkeypatch):
    station, db, settings, bridge = bridged_station(tmp_path, trained_model,
                                                    Settings().override(**{"storage.save_images": "all"}))
    from inference.imageio import read_image

    parts = bottle_images["ok"][:3] + bottle_images["ng"][:1]
    for p in parts:
        station.inspect_sync(read_image(p), source="folder", name=p.name)
    qtbot.waitUntil(lambda: len([r for r in db.recent(10) if r.image_path]) == 4, timeout=30_000)
    monkeypatch.setattr("ui.models_page.QMessageBox.warning", lambda *a, **k: None)
    yield station, db, settings, bridge
    close_gui_station(bridge, db)


def test_history_records_become_a_training_set_and_retrain_is_offered(qtbot, line, bottle_images):
    station, db, settings, bridge = line
    history = HistoryPage(bridge, settings)
    qtbot.addWidget(history)
    history.resize(1200, 700)
    history.show()
    history.page_shown()
    qtbot.waitUntil(lambda: history.model.rowCount() == 4 and history.model.record_at(3) is not None, timeout=10_000)
    action = history.training_action
    assert not action.button.isEnabled()
    sel = history.table.selectionModel()
    for row in (0, 1, 2):
        sel.select(history.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                   | QItemSelectionModel.SelectionFlag.Rows)
    assert action.button.isEnabled() and len(action.selected_records()) == 3
    with qtbot.waitSignal(action.added, timeout=10_000) as blocker:
        action.as_reviewed.trigger()
    assert blocker.args == [3]
    assert "3" in action.status.text()
    svc = services_for(station, settings)
    items = svc.store.list_items(True, limit=10, offset=0)
    by_record = {i["record_id"]: i for i in items}
    for r in [history.model.record_at(k) for k in (0, 1, 2)]:
        assert by_record[r.id]["good"] == (1 if r.final_label == "OK" else 0)
    # adding the same records again does not duplicate them; "as NG" relabels them
    with qtbot.waitSignal(action.added, timeout=10_000):
        action.as_ng.trigger()
    items = svc.store.list_items(True, limit=10, offset=0)
    assert len(items) == 3 and all(i["good"] == 0 for i in items)
    with qtbot.waitSignal(action.added, timeout=10_000):
        action.as_ok.trigger()

    # items added over the machine API show up in the same training set
    svc.items.add([Upload(p.name, p.read_bytes()) for p in bottle_images["train"][:6]], training=True, good=True,
                  model_id=None, target_id=svc.default_target_id(), actor="api")

    models = ModelsPage(bridge, settings)
    qtbot.addWidget(models)
    models.resize(1200, 900)
    models.show()
    models.page_shown()
    panel = models.training_set
    qtbot.waitUntil(lambda: panel.list.count() == 9, timeout=10_000)
    assert "9 images" in panel.count_label.text()
    assert not panel.list.item(0).icon().isNull()  # thumbnails drawn
    panel.list.item(0).setSelected(True)
    assert panel.remove_button.isEnabled()
    removed = panel.list.item(0).data(0x0100)
    panel.remove_selected()
    qtbot.waitUntil(lambda: panel.list.count() == 8, timeout=10_000)
    assert svc.store.item(removed) is None

    before = station.model_info.id
    panel.retrain()
    assert panel.progress.isVisible() and not panel.retrain_button.isEnabled()
    panel.retrain()  # a second click while training changes nothing
    with qtbot.waitSignal(panel.retrained, timeout=300_000) as done:
        pass
    new_path = done.args[0]
    assert new_path.is_file() and new_path.parent == settings.models_dir
    assert station.model_info.id == before  # never swapped by itself
    assert panel.activate_button.isVisible()
    with qtbot.waitSignal(bridge.modelChanged, timeout=60_000):
        panel.activate_button.click()
    qtbot.waitUntil(lambda: station.model_path == new_path, timeout=30_000)
    assert station.model_info.id != before and station.model_info.ok_img_count == 8
