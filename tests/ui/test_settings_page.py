"""Settings page: invalid values are shown inline and never written; valid ones reach the settings
store, the settings file and the running station (saving rule, quota)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from station.settings import MESSAGES, Settings, SettingsStore, load_settings, settings_path
from tests.ui.gui_station import bridged_station
from tests.ui.part2_helpers import station_with_db
from ui.settings_page import INVALID_STYLE, SettingsPage
from ui.station_bridge import StationBridge

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def env(qtbot, tmp_path):
    station, db, settings = station_with_db(tmp_path)
    store = SettingsStore(settings)
    store.subscribe(station.apply_settings)  # as composition.start_runtime wires it
    bridge = StationBridge(station, store)
    page = SettingsPage(bridge, settings)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitUntil(page.is_complete, timeout=5000)  # the group boxes appear one per event-loop turn
    yield page, station, settings
    bridge.close()
    db.close()


def test_invalid_values_are_shown_and_not_saved(env):
    page, _station, settings = env
    before = settings.to_dict()
    page.port_edit.setText("70000")
    page.add_shift("D", "25:61")
    assert not page.save()
    assert set(page.errors) == {"port", "shifts"}
    assert "65535" in page.error_label.text() and "25:61" in page.error_label.text()
    assert INVALID_STYLE in page.port_edit.styleSheet()
    assert page.field_errors["port"].isVisibleTo(page) and "65535" in page.field_errors["port"].text()
    assert not page.field_errors["host"].isVisibleTo(page)
    assert not settings_path().exists()
    assert settings.to_dict() == before

    page.port_edit.setText("8080")
    page.shift_table.removeRow(page.shift_table.rowCount() - 1)
    page.add_shift("A", "07:00")  # a duplicate name
    page.host_edit.setText("bad host")
    page.es_url.setText("es-server:9200")
    assert not page.save()
    assert set(page.errors) == {"host", "shifts", "es_url"}
    assert page.port_edit.styleSheet() == "" and not page.field_errors["port"].isVisibleTo(page)
    assert "twice" in page.errors["shifts"]
    assert not settings_path().exists()


def test_valid_settings_are_saved_and_applied(env, tmp_path):
    page, station, settings = env
    page.port_edit.setText("8123")
    page.host_edit.setText("0.0.0.0")
    assert page.exposure_label.isVisibleTo(page) and "API key" in page.exposure_label.text()
    page.key_edit.setText("line-3-secret-key")
    assert not page.exposure_label.isVisibleTo(page)
    page.save_rule.setCurrentIndex(page.save_rule.findData("ng"))
    page.quota_spin.setValue(2500)
    page.min_free_spin.setValue(200)
    page.data_edit.setText(str(tmp_path / "elsewhere"))
    page.language_combo.setCurrentIndex(page.language_combo.findData("zh_CN"))
    page.theme_combo.setCurrentIndex(page.theme_combo.findData("light"))
    page.shift_table.setRowCount(0)
    page.add_shift("Day", "07:30")
    page.add_shift("Night", "19:30")
    page.es_url.setText("http://es:9200")
    assert page.is_dirty()
    assert page.save(), page.error_label.text()
    assert "restart" in page.status_label.text()

    on_disk = load_settings()
    assert page.bridge.settings == on_disk and page.settings == on_disk and settings != on_disk
    for s in (on_disk, page.bridge.settings):
        assert (s.server.port, s.server.host, s.server.api_key) == (8123, "0.0.0.0", "line-3-secret-key")
        assert (s.storage.save_images, s.storage.quota_mb, s.storage.min_free_mb) == ("ng", 2500, 200)
        assert s.storage.data_dir == str(tmp_path / "elsewhere")
        assert (s.ui.language, s.ui.theme) == ("zh_CN", "light")
        assert [(x.name, x.start) for x in s.shifts] == [("Day", "07:30"), ("Night", "19:30")]
        assert s.storage.es_url == "http://es:9200"
    # the running station saves NG only from now on, still beside its open database
    assert station.settings.storage.save_images == "ng" and station.settings.storage.quota_mb == 2500
    assert station.settings.storage.data_dir == str(tmp_path / "data")
    assert not page.is_dirty()

    # a fresh page shows what was saved
    page2 = SettingsPage(page.bridge, Settings.from_dict(on_disk.to_dict()))
    assert page2.port_edit.text() == "8123" and page2.save_rule.currentData() == "ng"
    assert page2.shifts() == [("Day", "07:30"), ("Night", "19:30")]


def test_revert_and_cuda_entry(qtbot, env, monkeypatch):
    page, _station, settings = env
    qtbot.waitUntil(lambda: page.cuda_ok is not None, timeout=60_000)  # probed off the GUI thread
    page.port_edit.setText("1")
    page.revert_button.click()
    assert page.port_edit.text() == str(settings.server.port) and not page.is_dirty()
    cuda_item = page.device_combo.model().item(2)
    assert cuda_item.isEnabled() == page.cuda_ok
    if not page.cuda_ok:
        assert "CUDA" in cuda_item.toolTip()
        page.device_combo.setCurrentIndex(2)
        if page.device_combo.currentData() == "cuda":
            assert not page.save() and "device" in page.errors


def test_a_failed_write_is_shown_and_changes_nothing(env, monkeypatch):
    page, station, settings = env
    import station.settings as settings_module

    def full_disk(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(settings_module.json, "dump", full_disk)
    page.save_rule.setCurrentIndex(page.save_rule.findData("none"))
    assert not page.save()
    assert "No space left" in page.error_label.text()
    assert page.bridge.settings == settings and station.settings.storage.save_images == "all"
    assert list(settings_path().parent.glob("*")) == []  # no temp file left behind


def test_errors_speak_the_ui_language(env, tmp_path, monkeypatch):
    from ui import i18n

    monkeypatch.setenv("QCS_CACHE_DIR", str(tmp_path / "cache"))
    page, _station, _settings = env
    try:
        assert i18n.install_translator("zh_CN") == "zh_CN"
        page.port_edit.setText("abc")
        assert not page.save()
        assert "端口" in page.errors["port"] and "abc" in page.errors["port"]
    finally:
        i18n.install_translator("en")


def test_every_rule_message_is_in_the_catalogue():
    import xml.etree.ElementTree as ET

    from resources import resource_path

    root = ET.parse(resource_path("i18n", "qcstation_zh_CN.ts")).getroot()
    ctx = next(c for c in root.iter("context") if c.findtext("name") == "SettingsValidation")
    translated = {m.findtext("source") for m in ctx.iter("message") if (m.findtext("translation") or "").strip()}
    assert set(MESSAGES.values()) - translated == set()


def test_the_window_hands_every_page_the_new_settings(qtbot, tmp_path):
    from ui.main_window import MainWindow

    _station, db, settings, bridge = bridged_station(tmp_path, start=False)
    win = MainWindow(bridge, settings)
    qtbot.addWidget(win)
    try:
        new = bridge.settings_store.update({"shifts": [("Day", "07:00"), ("Night", "19:00")]})
        holders = [w for w in (win, *win.findChildren(object)) if "settings" in getattr(w, "__dict__", {})]
        assert len(holders) >= len(win.pages)
        assert all(w.settings is new for w in holders)
        win.pages["live"].opacity_slider.setValue(30)  # the live page writes through the store too
        assert bridge.settings.ui.heatmap_opacity == 0.3 and win.pages["statistics"].settings.ui.heatmap_opacity == 0.3
    finally:
        win.close()
        bridge.close()
        db.close()


@pytest.mark.parametrize("lang", ["ja", "ko"])
def test_japanese_and_korean_can_be_chosen(env, lang):
    page, _station, _settings = env
    index = page.language_combo.findData(lang)
    assert index >= 0 and page.language_combo.itemText(index) in ("日本語", "한국어")
    page.language_combo.setCurrentIndex(index)
    assert page.save(), page.error_label.text()
    assert load_settings().ui.language == lang and page.bridge.settings.ui.language == lang


def test_page_appears_in_pieces_after_it_is_shown(qtbot, tmp_path):
    """Built hidden: nothing is styled or laid out until the page is shown, then one group box per
    event-loop turn (opening Settings never freezes the window for the whole form at once)."""
    station, db, settings = station_with_db(tmp_path)
    bridge = StationBridge(station, SettingsStore(settings))
    page = SettingsPage(bridge, settings)
    qtbot.addWidget(page)
    for _ in range(3):  # pending events run: not shown, the boxes stay hidden (and unstyled)
        QCoreApplication.processEvents()
    assert not page.is_complete() and not page.host_edit.isVisibleTo(page)
    assert page.host_edit.text() == settings.server.host  # the values are there from the start
    seen: list[int] = []
    page.show()
    qtbot.waitUntil(lambda: seen.append(len(page._unrevealed)) or page.is_complete(), timeout=5000)
    assert len(set(seen)) > 2, "shown over several turns, not all at once"
    assert page.host_edit.isVisible() and page.roles_box.isVisible() and page.shift_table.isVisible()
    bridge.close()
    db.close()
