"""The Train dialog offers csflow from the registry (no hard-coding): its parameters get editors, the bar
follows csflow's own stages, and the saved model is a csflow bundle."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from station import model_library as lib
from station.settings import Settings
from tests.ui.gui_station import bridged_station, close_gui_station
from ui.train_dialog import BAR_MAX, TrainDialog, overall_fraction

pytestmark = pytest.mark.timeout(300)


def test_csflow_progress_is_monotonic_over_its_stages():
    seq = [("loading images", 1.0), ("extracting features", 0.5), ("extracting features", 1.0),
           ("training flow", 0.0), ("training flow", 0.5), ("training flow", 1.0), ("calibrating", 1.0)]
    values = [overall_fraction(s, f, "csflow") for s, f in seq]
    assert values == sorted(values) and values[-1] == pytest.approx(1.0)
    assert overall_fraction("training flow", 0.5, "csflow") < overall_fraction("calibrating", 0.0, "csflow")


def test_train_a_csflow_model_from_the_dialog(qtbot, tmp_path, bottle_images):
    _station, db, settings, bridge = bridged_station(tmp_path,
                                                     settings=Settings().override(**{"inference.device": "cpu"}))
    folder = tmp_path / "bottle" / "good"
    folder.mkdir(parents=True)
    for p in bottle_images["train"][:6]:
        shutil.copy(p, folder / p.name)
    try:
        dlg = TrainDialog(bridge, settings)
        qtbot.addWidget(dlg)
        dlg.show()
        names = [dlg.algo_combo.itemData(i) for i in range(dlg.algo_combo.count())]
        assert "csflow" in names
        dlg.algo_combo.setCurrentIndex(names.index("csflow"))
        assert {"train_seconds", "max_epochs", "hidden_channels"} <= set(dlg.params.editors)
        assert "flow" in dlg.algo_desc.text()
        dlg.advanced.setChecked(True)
        for key, value in (("input_size", 128), ("hidden_channels", 16), ("coupling_blocks", 2),
                           ("max_epochs", 2), ("augment_views", 1)):
            dlg.params.editors[key].setValue(value)
        dlg.ok_edit.setText(str(folder))
        dlg.name_edit.setText("bottle flow")
        values: list[int] = []
        stages: list[str] = []
        dlg.progress.valueChanged.connect(values.append)
        assert dlg.start()
        dlg.task.progress.connect(lambda s, _f: stages.append(s))
        qtbot.waitUntil(lambda: not dlg.is_running() and dlg.train_button.isEnabled(), timeout=240_000)
        assert dlg.error_label.text() == ""
        assert dlg.progress.value() == BAR_MAX and values == sorted(values)
        assert "training flow" in stages
        saved = dlg.saved_path
        assert saved is not None and Path(saved).is_file()
        info = lib.read_manifest(saved)
        assert info.algorithm == "csflow" and info.parameters["max_epochs"] == 2
        dlg.close()
    finally:
        close_gui_station(bridge, db, pool_ms=30_000)
