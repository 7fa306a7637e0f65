"""Settings → Roles: set or remove the engineer PIN, and the idle time back to operator.

Why applied at once and not with the page's Save: a PIN typed into a form field that waits for
Save would sit in a widget in clear; here it goes straight through ``station.roles.hash_pin`` to
the settings store (which audits "PIN changed", never the PIN) and the fields are cleared.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station.roles import PinError, check_new_pin, hash_pin
from station.settings import SettingsError
from ui.role_guard import engineer_ok


class NewPinDialog(QDialog):
    """The new PIN twice; ``pin`` is set when both match and the PIN is acceptable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set the engineer PIN"))
        self.pin: str | None = None
        self.first = QLineEdit()
        self.second = QLineEdit()
        for edit in (self.first, self.second):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(32)
        self.error = QLabel()
        self.error.setStyleSheet("color: #e05050;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("New PIN:"), self.first)
        form.addRow(self.tr("Again:"), self.second)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("4 to 32 digits or letters. It is stored only as a salted hash.")))
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)

    def try_accept(self) -> None:
        pin = self.first.text()
        if pin != self.second.text():
            self.error.setText(self.tr("The two PINs differ."))
            return
        try:
            check_new_pin(pin)
        except PinError:
            self.error.setText(self.tr("The PIN needs 4 to 32 digits or letters."))
            return
        self.pin = pin
        self.accept()


class RolesBox(QGroupBox):
    def __init__(self, bridge: Any, settings: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Roles"))
        self.bridge = bridge
        self.settings = settings
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.set_button = QPushButton(self.tr("Set PIN…"))
        self.clear_button = QPushButton(self.tr("Remove PIN"))
        self.idle_spin = QDoubleSpinBox()
        self.idle_spin.setRange(1, 480)
        self.idle_spin.setDecimals(0)
        self.idle_spin.setSuffix(self.tr(" min"))
        self.idle_spin.setKeyboardTracking(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.set_button.clicked.connect(self.ask_new_pin)
        self.clear_button.clicked.connect(self.clear_pin)
        self.idle_spin.valueChanged.connect(self._idle_changed)
        f = QFormLayout(self)
        f.addRow(self.state_label)
        f.addRow(self.set_button, self.clear_button)
        f.addRow(self.tr("Back to operator after:"), self.idle_spin)
        f.addRow(self.message)
        self.refresh()

    def refresh(self) -> None:
        roles = self.bridge.settings_store.current.roles
        self.idle_spin.blockSignals(True)
        self.idle_spin.setValue(roles.idle_timeout_min)
        self.idle_spin.blockSignals(False)
        if roles.engineer_pin_hash:
            self.state_label.setText(self.tr("An engineer PIN is set: operators see Live and History; "
                                             "models, settings, thresholds and resets ask for it."))
        else:
            self.state_label.setText(self.tr("No engineer PIN: everyone may change models and settings."))
        self.clear_button.setEnabled(bool(roles.engineer_pin_hash))

    def _update(self, changes: dict[str, Any]) -> bool:
        try:
            self.settings = self.bridge.settings_store.update(changes)
        except SettingsError as exc:
            self.message.setText(str(exc))
            return False
        self.refresh()
        return True

    def set_pin(self, pin: str) -> bool:
        if not engineer_ok(self.bridge, self, self.set_button.text().rstrip("…")):
            return False
        if self._update({"roles.engineer_pin_hash": hash_pin(pin)}):
            self.message.setText(self.tr("PIN set."))
            return True
        return False

    def ask_new_pin(self) -> None:
        dialog = NewPinDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.pin:
            self.set_pin(dialog.pin)

    def clear_pin(self) -> bool:
        if not engineer_ok(self.bridge, self, self.clear_button.text()):
            return False
        if self._update({"roles.engineer_pin_hash": ""}):
            self.message.setText(self.tr("PIN removed."))
            return True
        return False

    def _idle_changed(self, minutes: float) -> None:
        if minutes != self.bridge.settings_store.current.roles.idle_timeout_min:
            self._update({"roles.idle_timeout_min": float(minutes)})
