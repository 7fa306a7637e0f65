"""Settings → Roles: the PIN is set through the dialog as a PBKDF2 hash, removed, and the idle
time is saved; the settings page's Save keeps the PIN the box set."""

from __future__ import annotations

import pytest

from station.roles import verify_pin
from station.settings import Settings, SettingsStore
from ui.roles_box import NewPinDialog, RolesBox

pytestmark = pytest.mark.timeout(60)


class Bridge:
    def __init__(self, store):
        self.settings_store = store


def test_pin_set_removed_and_idle_time(qtbot, tmp_path):
    store = SettingsStore(Settings(), tmp_path / "settings.json")
    box = RolesBox(Bridge(store), store.current)
    qtbot.addWidget(box)
    assert not box.clear_button.isEnabled() and "No engineer PIN" in box.state_label.text()
    dialog = NewPinDialog()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.first, "1234")
    qtbot.keyClicks(dialog.second, "1243")
    dialog.try_accept()
    assert dialog.pin is None and dialog.error.text()
    dialog.second.clear()
    qtbot.keyClicks(dialog.second, "1234")
    dialog.try_accept()
    assert dialog.pin == "1234"
    assert box.set_pin(dialog.pin)
    stored = store.current.roles.engineer_pin_hash
    assert verify_pin("1234", stored) and "1234" not in (tmp_path / "settings.json").read_text()
    assert box.clear_button.isEnabled()
    box.idle_spin.setValue(5)
    assert store.current.roles.idle_timeout_min == 5.0
    assert box.clear_pin() and store.current.roles.engineer_pin_hash == ""


def test_settings_save_keeps_the_pin(qtbot, tmp_path):
    from tests.ui.part2_helpers import station_with_db
    from ui.settings_page import SettingsPage
    from ui.station_bridge import StationBridge

    station, db, settings = station_with_db(tmp_path)
    store = SettingsStore(settings, tmp_path / "settings.json")
    bridge = StationBridge(station, store)
    page = SettingsPage(bridge, store.current)
    qtbot.addWidget(page)
    assert page.roles_box.set_pin("97531")
    page.port_edit.setText("8123")  # the page's settings object predates the PIN: Save must keep it
    assert page.save()
    assert store.current.server.port == 8123
    assert verify_pin("97531", store.current.roles.engineer_pin_hash)
    bridge.close()
    db.close()
