"""Models page on real bundles: list, activate/switch, import (hostile files refused), export, rename,
delete, and the prediction parameters with a live preview on a real defective bottle."""

from __future__ import annotations

import shutil
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from inference.bundle import info_from_manifest, read_bundle, save_bundle
from station import model_library as lib
from station.settings import load_settings
from tests.ui.gui_station import bridged_station, close_gui_station, shown
from ui.models_page import ModelsPage

pytestmark = pytest.mark.timeout(240)


def _second_model(src: Path, dest: Path, model_id: str, name: str) -> Path:
    manifest, tensors = read_bundle(src)
    info = replace(info_from_manifest(manifest, src.name), id=model_id, name=name)
    return save_bundle(dest, info, tensors)


def shown_models_page(qtbot, bridge, settings) -> ModelsPage:
    """The page shown with its first listing read (``refreshed`` fires once the library is listed)."""
    page = shown(qtbot, ModelsPage(bridge, settings), (1200, 700))
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.page_shown()
    return page


@pytest.fixture
def env(qtbot, tmp_path, trained_model_path, monkeypatch):
    models = tmp_path / "data" / "models"  # the data folder bridged_station gives the station
    models.mkdir(parents=True)
    first = Path(shutil.copy(trained_model_path, models / "bottle-test.qcs"))
    second = _second_model(first, models / "second.qcs", "second-id", "second model")
    station, db, settings, bridge = bridged_station(tmp_path, first)
    assert settings.models_dir == models
    warnings: list[tuple[str, str]] = []
    monkeypatch.setattr("ui.models_page.QMessageBox.warning",
                        lambda _parent, title, text, *a, **k: warnings.append((title, text)))
    page = shown_models_page(qtbot, bridge, settings)
    yield page, station, settings, first, second, warnings
    close_gui_station(bridge, db, page, pool_ms=30_000)


def _refresh(qtbot, page):
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.refresh()


def _row_of(page, name):
    return next(r for r in range(page.table.rowCount()) if page.table.item(r, 1).text().split("  ⚠")[0] == name)


def test_lists_manifests_and_switches_the_active_model(qtbot, env):
    page, station, settings, first, second, _w = env
    assert page.table.rowCount() == 2
    row = _row_of(page, "bottle-test")
    assert page.table.item(row, 0).text() == "●"
    assert page.table.item(_row_of(page, "second model"), 0).text() == ""
    assert page.table.item(row, 4).text() == str(station.model_info.ok_img_count)
    assert float(page.table.item(row, 7).text()) == pytest.approx(station.params.threshold, rel=1e-3)

    page.table.selectRow(_row_of(page, "second model"))
    page.activate_selected()
    qtbot.waitUntil(lambda: station.model_info.id == "second-id", timeout=60_000)
    qtbot.waitUntil(lambda: page.table.item(_row_of(page, "second model"), 0).text() == "●", timeout=5_000)
    assert page.table.item(_row_of(page, "bottle-test"), 0).text() == ""
    # it comes back after a restart
    assert Path(load_settings().inference.model_path) == second
    assert "second model" in page.params_box.title()


def test_hostile_and_broken_imports_are_refused_with_the_engines_reason(qtbot, env, tmp_path):
    page, station, settings, first, _second, warnings = env
    before = sorted(p.name for p in settings.models_dir.iterdir())
    model_id = station.model_info.id

    garbage = tmp_path / "garbage.qcs"
    garbage.write_bytes(b"not a zip at all" * 100)
    evil = tmp_path / "evil.qcs"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("../../escape.txt", "x")
        zf.writestr("manifest.json", "{}")
    for bad in (garbage, evil, first):  # the last one is a duplicate id of a library model
        n = len(warnings)
        page.import_file(bad)
        qtbot.waitUntil(lambda n=n: len(warnings) > n, timeout=60_000)
    assert "not a zip" in warnings[0][1]
    assert "path escape" in warnings[1][1] or "illegal entry" in warnings[1][1]
    assert "already in the library" in warnings[2][1]
    assert sorted(p.name for p in settings.models_dir.iterdir()) == before
    assert station.model_info.id == model_id
    assert not (tmp_path.parent / "escape.txt").exists()

    other = _second_model(first, tmp_path / "elsewhere" / "third.qcs", "third-id", "third")
    page.import_file(other)
    qtbot.waitUntil(lambda: page.table.rowCount() == 3, timeout=60_000)
    assert len(warnings) == 3
    assert lib.find_by_id(settings.models_dir, "third-id") is not None


def test_export_rename_delete(qtbot, env, tmp_path, monkeypatch):
    page, station, settings, first, second, warnings = env
    # export: a byte-identical copy, .qcs added
    page.table.selectRow(_row_of(page, "second model"))
    page.export_selected(tmp_path / "out" / "shared")
    out = tmp_path / "out" / "shared.qcs"
    qtbot.waitUntil(out.exists, timeout=10_000)
    assert out.read_bytes() == second.read_bytes()

    # rename a stored model: manifest name changes, id and file stay
    page.rename_selected("line 3 bottles")
    qtbot.waitUntil(lambda: any(page.table.item(r, 1).text().split("  ⚠")[0] == "line 3 bottles"
                                for r in range(page.table.rowCount())), timeout=10_000)
    info = lib.read_manifest(second)
    assert (info.name, info.id) == ("line 3 bottles", "second-id")

    # rename the active model: the running station follows
    page.table.selectRow(_row_of(page, "bottle-test"))
    page.rename_selected("active renamed")
    qtbot.waitUntil(lambda: station.model_info.name == "active renamed", timeout=20_000)
    assert lib.read_manifest(first).name == "active renamed"
    _refresh(qtbot, page)

    # the active model cannot be deleted (Del key on the table, and directly)
    page.table.selectRow(_row_of(page, "active renamed"))
    n = len(warnings)
    page.activateWindow()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert len(warnings) == n + 1 and warnings[-1][0] == "Cannot delete"
    assert not page.delete_selected()
    assert first.exists() and "active" in warnings[-1][1]

    # a stored model: deleted only after the user confirms
    from PySide6.QtWidgets import QMessageBox

    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def question(_parent, _title, text, *a, **k):
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr("ui.models_page.QMessageBox.question", question)
    page.table.selectRow(_row_of(page, "line 3 bottles"))
    page._ask_delete()
    assert second.exists() and "line 3 bottles" in asked[0]
    page._ask_delete()
    assert not second.exists() and len(asked) == 2
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10_000)


def test_prediction_parameters_change_the_preview_and_apply_persists(qtbot, env, bottle_images):
    page, station, settings, first, _second, _w = env
    from inference.imageio import read_image

    ng = next(p for p in bottle_images["ng"] if "broken_large" in str(p))
    image = read_image(ng)
    with qtbot.waitSignal(page.previewShown, timeout=60_000) as sig:
        page.set_preview_image(image, ng.name)
    first_result = sig.args[0]
    assert first_result.verdict == "NG" and len(first_result.regions) >= 1
    assert page.verdict_label.text() == "NG"
    assert page.preview_view.has_image() and len(page.preview_view.boxes) == len(first_result.regions)

    # a huge minimum area drops every box
    with qtbot.waitSignal(page.previewShown, timeout=60_000) as sig:
        page.area_spin.setValue(10_000_000)
    assert len(sig.args[0].regions) == 0 and page.preview_view.boxes == []
    assert "0 defect" in page.preview_info.text()
    assert page.apply_button.isEnabled()

    # a much higher threshold turns the verdict to OK
    with qtbot.waitSignal(page.previewShown, timeout=60_000) as sig:
        page.threshold_spin.setValue(first_result.score * 5)
    assert sig.args[0].verdict == "OK" and page.verdict_label.text() == "OK"

    # Revert brings back the model's values; the live model was never changed by previews
    page.revert_button.click()
    assert page.area_spin.value() == station.params.min_detected_area
    assert station.params.min_detected_area != 10_000_000

    page.area_spin.setValue(777)
    assert page.apply_params()
    assert station.params.min_detected_area == 777
    qtbot.waitUntil(lambda: lib.read_manifest(first).params.min_detected_area == 777, timeout=20_000)
    assert not page.apply_button.isEnabled()


def test_preview_uses_the_last_inspection(qtbot, env, bottle_images):
    page, station, _settings, _first, _second, _w = env
    from inference.imageio import read_image

    image = read_image(bottle_images["ok"][0])
    with qtbot.waitSignal(page.bridge.resultReady, timeout=60_000):
        page.bridge.inspect(image, source="camera", name="cam-1.png")
    with qtbot.waitSignal(page.previewShown, timeout=60_000):
        assert page.use_last_inspection()
    assert page.preview_source == "cam-1.png"
    assert "cam-1.png" in page.preview_info.text()


def test_a_bundle_damaged_after_listing_is_not_activated(qtbot, env):
    page, station, settings, first, second, warnings = env
    page.table.selectRow(_row_of(page, "second model"))
    data = bytearray(second.read_bytes())
    data[len(data) // 2:len(data) // 2 + 64] = b"\0" * 64  # damage the tensors, keep the manifest
    second.write_bytes(bytes(data))
    page.activate_selected()
    qtbot.waitUntil(lambda: len(warnings) == 1, timeout=60_000)
    assert warnings[0][0] == "Model not activated" and "second.qcs" in warnings[0][1]
    assert station.model_path == first and station.model_info.name == "bottle-test"
    assert page.activate_button.isEnabled()
    assert not load_settings().inference.model_path  # nothing remembered
