"""Train dialog on real bottle images: the bar reaches the end and the model is saved, listed and
active; Cancel stops the engine and saves nothing; too few / unreadable images are explained."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from station import model_library as lib
from station.settings import Settings, load_settings
from tests.ui.gui_station import bridged_station, close_gui_station
from ui.models_page import ModelsPage
from ui.train_dialog import BAR_MAX, TrainDialog, overall_fraction

pytestmark = pytest.mark.timeout(300)


@pytest.fixture
def env(qtbot, tmp_path):
    station, db, settings, bridge = bridged_station(tmp_path, settings=Settings().override(**{"inference.device": "cpu"}))
    yield bridge, station, settings
    close_gui_station(bridge, db, pool_ms=30_000)


@pytest.fixture
def ok_folder(tmp_path, bottle_images) -> Path:
    folder = tmp_path / "bottle" / "good"
    folder.mkdir(parents=True)
    for p in bottle_images["train"][:12]:
        shutil.copy(p, folder / p.name)
    return folder


def _dialog(qtbot, bridge, settings):
    dlg = TrainDialog(bridge, settings)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def test_overall_progress_is_monotonic_over_the_engine_stages():
    seq = [("loading images", 0.0), ("loading images", 1.0), ("extracting features", 0.5),
           ("extracting features", 1.0), ("building memory bank", 0.3), ("calibrating", 0.0), ("calibrating", 1.0)]
    values = [overall_fraction(s, f) for s, f in seq]
    assert values == sorted(values) and values[-1] == pytest.approx(1.0)


def test_train_from_a_folder_saves_lists_and_activates(qtbot, env, ok_folder):
    bridge, station, settings = env
    page = ModelsPage(bridge, settings)
    qtbot.addWidget(page)
    page.show()
    dlg = page.open_train_dialog()
    dlg.ok_edit.setText(str(ok_folder))
    qtbot.waitUntil(lambda: "12 images" in dlg.ok_count.text(), timeout=5000)  # counted off the GUI thread
    dlg.name_edit.setText("bottle from dialog")
    values: list[int] = []
    dlg.progress.valueChanged.connect(values.append)
    with qtbot.waitSignal(page.refreshed, timeout=240_000):
        assert dlg.start()
        assert not dlg.train_button.isEnabled() and dlg.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: not dlg.is_running() and dlg.train_button.isEnabled(), timeout=10_000)
    assert dlg.error_label.text() == ""
    assert dlg.progress.value() == BAR_MAX
    assert "synthetic defects caught" in dlg.check_label.text()  # the engine's self-check, in words
    assert len(values) > 3 and values == sorted(values)
    saved = dlg.saved_path
    assert saved is not None and saved.parent == settings.models_dir and saved.is_file()
    info = lib.read_manifest(saved)
    assert info.name == "bottle from dialog" and info.ok_img_count == 12
    # active at once and after a restart
    assert station.model_info.id == info.id and station.model_path == saved
    assert Path(load_settings().inference.model_path) == saved
    names = [page.table.item(r, 1).text() for r in range(page.table.rowCount())]
    assert names == ["bottle from dialog  ⚠ not validated"]  # trained on OK images only
    assert "OK images only" in page.table.item(0, 1).toolTip()
    assert dlg.validation_label.isVisibleTo(dlg) and dlg.evaluate_button.isVisibleTo(dlg)
    assert "half of the cracks" in dlg.validation_label.text()
    assert page.table.item(0, 0).text() == "●"
    dlg.close()
    page.shutdown()


def test_cancel_stops_training_and_saves_nothing(qtbot, env, ok_folder):
    bridge, station, settings = env
    dlg = _dialog(qtbot, bridge, settings)
    dlg.ok_edit.setText(str(ok_folder))
    dlg.activate_box.setChecked(True)
    assert dlg.start()
    # press Cancel as soon as the engine reports its first feature batch
    dlg.task.progress.connect(lambda stage, _f: stage == "extracting features" and dlg.cancel_button.click())
    qtbot.waitUntil(lambda: not dlg.is_running() and dlg.train_button.isEnabled(), timeout=60_000)
    assert "cancelled" in dlg.stage_label.text().lower()
    assert dlg.saved_path is None and dlg.progress.value() == 0
    assert not settings.models_dir.exists() or not list(settings.models_dir.glob("*.qcs"))
    assert station.model is None
    # the dialog can train again after a cancel
    assert dlg.train_button.isEnabled() and dlg.ok_edit.isEnabled()


def test_too_few_and_unreadable_images_are_explained(qtbot, env, tmp_path, bottle_images):
    bridge, _station, settings = env
    dlg = _dialog(qtbot, bridge, settings)
    one = tmp_path / "one"
    one.mkdir()
    shutil.copy(bottle_images["train"][0], one / "a.png")
    dlg.ok_edit.setText(str(one))
    qtbot.waitUntil(lambda: "Need at least" in dlg.ok_count.text(), timeout=5000)
    assert not dlg.start()
    assert "at least" in dlg.error_label.text() and "has 1" in dlg.error_label.text()

    dlg.ok_edit.setText(str(tmp_path / "missing"))
    assert not dlg.start() and "existing folder" in dlg.error_label.text()

    broken = tmp_path / "broken"
    broken.mkdir()
    for p in bottle_images["train"][:3]:
        shutil.copy(p, broken / p.name)
    (broken / "zz_truncated.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    dlg.ok_edit.setText(str(broken))
    assert dlg.start()
    qtbot.waitUntil(lambda: not dlg.is_running() and dlg.train_button.isEnabled(), timeout=60_000)
    assert "zz_truncated.png" in dlg.error_label.text()
    assert "failed" in dlg.stage_label.text().lower()
    assert not settings.models_dir.exists() or not list(settings.models_dir.glob("*.qcs"))


def test_parameter_form_follows_the_registry(qtbot, env):
    from inference.algorithms import registry

    bridge, _station, settings = env
    dlg = _dialog(qtbot, bridge, settings)
    spec = registry()[0]
    assert set(dlg.params.editors) == {p.name for p in spec.parameters}
    assert dlg.params.values() == spec.defaults()
    spin = dlg.params.editors["input_size"]
    assert (spin.minimum(), spin.maximum()) == (64, 1024)
    spin.setValue(128)
    assert dlg.params.changed_values() == {"input_size": 128}
    dlg.params.reset()
    assert dlg.params.changed_values() == {}


def test_self_check_line_says_when_parts_are_aligned(qtbot, env):
    bridge, _, settings = env
    dlg = _dialog(qtbot, bridge, settings)
    base = {"synthetic_catch_rate": 0.9, "expected_ok_reject_rate": 0.02}
    dlg._show_self_check({**base, "align_mode": "rotate"})
    assert "turned to one orientation" in dlg.check_label.text()
    dlg._show_self_check({**base, "align_mode": "translate"})
    assert "centred and framed" in dlg.check_label.text() and "turned" not in dlg.check_label.text()
    dlg._show_self_check(base)  # not aligned: not mentioned
    assert "framed" not in dlg.check_label.text() and "synthetic defects caught" in dlg.check_label.text()
