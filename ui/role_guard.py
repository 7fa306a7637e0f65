"""The window's side of the roles: the PIN dialog, the role in the status bar, the idle timer.

Why a thin layer: the rule (who may, the PBKDF2 check, the timeout) is ``station.roles``; here
are only a dialog, a one-second timer that notices the timeout, and an event filter that counts
mouse and key presses as activity. Pages ask :func:`engineer_ok` before an engineer action; a
page built without a window (tests) or a station without roles is allowed, as before roles.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station import audit
from station.roles import ENGINEER, RoleSession

log = logging.getLogger(__name__)

ENGINEER_PAGES = frozenset({"models", "evaluate", "settings"})
_ACTIVITY = {QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.Wheel}


class PinDialog(QDialog):
    """Asks for the engineer PIN; ``pin()`` after ``exec()``; a wrong one is said in the dialog."""

    def __init__(self, what: str, check: Callable[[str], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinDialog")
        self.setWindowTitle(self.tr("Engineer PIN"))
        self._check = check
        self.prompt = QLabel(self.tr("“%1” is an engineer action. Enter the engineer PIN:").replace("%1", what))
        self.prompt.setWordWrap(True)
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setMaxLength(32)
        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setStyleSheet("color: #e05050;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.prompt)
        lay.addWidget(self.edit)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)

    def try_accept(self) -> None:
        if self._check(self.edit.text()):
            self.accept()
        else:
            self.edit.clear()
            self.error.setText(self.tr("Wrong PIN."))


class RoleGuard(QObject):
    """Owns nothing but a timer: the role lives in ``session`` (``station.roles.RoleSession``)."""

    roleChanged = Signal(str)

    def __init__(self, session: RoleSession, trail: Any = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.trail = trail
        self._last_role = session.role
        # Tests replace this with a function returning the PIN typed (or None for Cancel).
        self.ask: Callable[[QWidget | None, str], bool] = self._ask_dialog
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    # -- questions -------------------------------------------------------------------------------
    def require(self, parent: QWidget | None, what: str) -> bool:
        """True when the engineer may act now (asking for the PIN when one is set and not given)."""
        if self.session.is_engineer:
            self.session.touch()
            return True
        if not self.ask(parent, what):
            return False
        self._record("roles.unlocked", for_action=what)
        self.poll()
        return self.session.is_engineer

    def _ask_dialog(self, parent: QWidget | None, what: str) -> bool:
        dialog = PinDialog(what, self.session.unlock, parent)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def lock(self) -> None:
        if self.session.lock():
            self._record("roles.locked", reason="by hand")
        self.poll()

    # -- time ------------------------------------------------------------------------------------
    def poll(self) -> None:
        if self.session.check_idle():
            self._record("roles.locked", reason="idle")
        role = self.session.role
        if role != self._last_role:
            self._last_role = role
            self.roleChanged.emit(role)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _ACTIVITY and self._last_role == ENGINEER:
            self.session.touch()
        return False

    def _record(self, action: str, **detail: Any) -> None:
        if self.trail is not None:
            self.trail.record(action, actor=ENGINEER if action == "roles.unlocked" else None, **detail)

    def shutdown(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


def guard_of(bridge: Any) -> RoleGuard | None:
    guard = getattr(bridge, "role_guard", None)
    return guard if isinstance(guard, RoleGuard) else None


def engineer_ok(bridge: Any, parent: QWidget | None, what: str) -> bool:
    """Ask before an engineer action; True without a guard (no roles wired: today's behaviour)."""
    guard = guard_of(bridge)
    return True if guard is None else guard.require(parent, what)


class RoleIndicator(QWidget):
    """Status bar: the role, a Lock button while unlocked, or the hint that no PIN is set."""

    def __init__(self, guard: RoleGuard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guard = guard
        self.label = QLabel()
        self.label.setObjectName("roleLabel")
        self.lock_button = QPushButton(self.tr("Lock"))
        self.lock_button.setToolTip(self.tr("Back to operator now"))
        self.lock_button.clicked.connect(guard.lock)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.label)
        lay.addWidget(self.lock_button)
        guard.roleChanged.connect(lambda _role: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        session = self.guard.session
        if not session.pin_set:
            self.label.setText(self.tr("No engineer PIN set: everyone may change models and settings "
                                       "(Settings → Roles)"))
            self.lock_button.hide()
        elif session.is_engineer:
            self.label.setText(self.tr("Engineer"))
            self.lock_button.show()
        else:
            self.label.setText(self.tr("Operator"))
            self.lock_button.hide()


def install(window: Any) -> RoleGuard | None:
    """Wire roles into the main window: status bar, page gate, counters' Reset; None without roles."""
    bridge = window.bridge
    station = getattr(bridge, "station", None)
    session = getattr(station, "roles", None)
    if not isinstance(session, RoleSession):
        return None
    guard = RoleGuard(session, audit.trail_of(station), window)
    bridge.role_guard = guard
    window.role_indicator = RoleIndicator(guard, window)
    window.statusBar().addPermanentWidget(window.role_indicator)

    def gate(key: str) -> bool:
        if key not in ENGINEER_PAGES:
            return True
        page = window.pages.get(key)
        return guard.require(window, page.title() if page is not None else key)

    window.page_gate = gate

    def on_role(role: str) -> None:
        if role != ENGINEER and window.current_page_key() in ENGINEER_PAGES:
            window.show_page("live")

    guard.roleChanged.connect(on_role)
    from widgets.counters import ShiftCounters

    for counters in window.findChildren(ShiftCounters):
        counters.guard = lambda c=counters: guard.require(
            c, QCoreApplication.translate("ShiftCounters", "Reset the counters"))
    return guard


__all__ = ["ENGINEER_PAGES", "PinDialog", "RoleGuard", "RoleIndicator", "engineer_ok", "guard_of", "install"]
