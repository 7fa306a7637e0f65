"""The window's side of start-up and shut-down: the Qt application, translator, theme, crash dialog,
the bridge and the main window on a station that is already running.

Why the station is not built here: ``composition`` starts the station and the endpoint (the same
way for ``serve``, the GUI and the tests) and hands this module a running ``Runtime``; the UI
never imports ``api``. The window reads the endpoint's state (``url``, ``exposure_warning``) off
the runtime it is given.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from station.settings import Settings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow
    from ui.station_bridge import StationBridge

log = logging.getLogger(__name__)

APP_TITLE = "QC Station"
ORGANISATION = "QC Station"


@dataclass
class Shell:
    """What :func:`open_shell` made, so :func:`close_shell` can take it down in the right order."""

    app: QApplication
    runtime: Any  # composition.Runtime (ui/ sits below composition): .store, .station, .server
    bridge: StationBridge
    window: MainWindow
    language: str = "en"
    log_path: Path | None = None
    crash: Any = None
    closed: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def station(self) -> Any:
        return self.runtime.station

    @property
    def settings(self) -> Settings:
        return self.runtime.store.current


def _crash_reporter_class() -> type:
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QMessageBox

    class CrashReporter(QObject):
        """Unhandled exceptions (GUI or worker threads) → log + a dialog naming the log file.

        The station keeps running: an exception in one slot or worker must not end a shift.
        """

        crashed = Signal(str)

        def __init__(self, log_path: Path | None, parent: Any = None) -> None:
            super().__init__(parent)
            self.log_path = log_path
            self.dialog: QMessageBox | None = None
            self.messages: list[str] = []
            self._old_hook = sys.excepthook
            self._old_thread_hook = threading.excepthook
            self.crashed.connect(self._show)

        def install(self) -> None:
            sys.excepthook = self.excepthook
            threading.excepthook = self.thread_excepthook

        def uninstall(self) -> None:
            sys.excepthook = self._old_hook
            threading.excepthook = self._old_thread_hook

        def excepthook(self, exc_type: type, exc: BaseException, tb: Any) -> None:
            if issubclass(exc_type, KeyboardInterrupt):
                self._old_hook(exc_type, exc, tb)
                return
            log.error("unhandled exception", exc_info=(exc_type, exc, tb))
            self.crashed.emit("".join(traceback.format_exception_only(exc_type, exc)).strip())

        def thread_excepthook(self, args: Any) -> None:
            if args.exc_type is SystemExit:
                return
            name = args.thread.name if args.thread is not None else "?"
            log.error("unhandled exception in thread %s", name,
                      exc_info=(args.exc_type, args.exc_value, args.exc_traceback))
            text = "".join(traceback.format_exception_only(args.exc_type, args.exc_value)).strip()
            self.crashed.emit(f"{text} ({name})")

        def _show(self, message: str) -> None:
            self.messages.append(message)
            if self.dialog is not None and self.dialog.isVisible():
                return  # one dialog at a time; the log has them all
            parent = self.parent() if self.parent() is not None and self.parent().isVisible() else None
            box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Unexpected error"),
                              self.tr("Something went wrong, but QC Station keeps running.\n\n%1\n\n"
                                      "The details are in the log file:\n%2")
                              .replace("%1", message).replace("%2", str(self.log_path or "-")),
                              QMessageBox.StandardButton.Ok, parent)
            box.setModal(False)
            box.open()
            self.dialog = box

    return CrashReporter


def ensure_application(settings: Settings) -> str:
    """The QApplication with names, translator and theme; returns the language installed."""
    from PySide6.QtWidgets import QApplication

    from ui.i18n import install_translator
    from ui.theme import apply_theme

    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "qcstation"])
    app.setApplicationName(APP_TITLE)
    app.setOrganizationName(ORGANISATION)
    language = install_translator(settings.ui.language, app)
    from ui.fonts import prepare_fonts

    prepare_fonts(language)  # bundled CJK fonts before any widget; logs when none draws the language
    apply_theme(app, settings.ui.theme)
    return language


def open_shell(runtime: Any, *, language: str = "en", log_path: Path | None = None) -> Shell:
    """The bridge and the main window on ``runtime``'s station; shows the window."""
    from PySide6.QtWidgets import QApplication

    from ui.help_dialog import show_help
    from ui.main_window import MainWindow
    from ui.station_bridge import StationBridge

    app = QApplication.instance()
    station = runtime.station
    bridge = StationBridge(station, runtime.store)
    try:
        window = MainWindow(bridge, runtime.store.current)
    except BaseException:
        bridge.close()
        raise
    for message in station.warnings:  # met while starting, before the window could listen
        bridge.storageWarning.emit(message)
    shell = Shell(app=app, runtime=runtime, bridge=bridge, window=window, language=language, log_path=log_path)
    shell.crash = _crash_reporter_class()(log_path, window)
    with contextlib.suppress(RuntimeError, TypeError):  # richer help replaces the window's plain list
        window.help_action.triggered.disconnect()
    window.help_action.triggered.connect(lambda *_: show_help(window))
    _show_endpoint(shell)
    from ui.fonts import SYSTEM_PACKAGE, font_warning

    if (warning := font_warning(language)) is not None:  # e.g. 日本語 chosen, no CJK font installed
        window.warning_label.setText("⚠ " + warning.split(":")[0] + f": install {SYSTEM_PACKAGE}")
        window.warning_label.setToolTip(warning)
    window.show()
    return shell


def _show_endpoint(shell: Shell) -> None:
    from PySide6.QtCore import QCoreApplication

    window, server, error = shell.window, shell.runtime.server, shell.runtime.endpoint_error
    if server is None and error is None:
        off = QCoreApplication.translate("StationShell", "Endpoint: off (enable it in the settings)")
        window.set_endpoint_status(off, ok=True)
        return
    if server is None:
        why = QCoreApplication.translate("StationShell", "Endpoint not running: %1")
        window.set_endpoint_status(why.replace("%1", error), ok=False)
        window.endpoint_label.setToolTip(error)
        return
    window.set_endpoint_status(QCoreApplication.translate("StationShell", "Endpoint %1").replace("%1", server.url))
    tip = QCoreApplication.translate("StationShell", "Line PLCs and scripts post images to %1/analyze_image")
    window.endpoint_label.setToolTip(tip.replace("%1", server.url))
    warning = server.exposure_warning
    if warning:
        short = QCoreApplication.translate("StationShell", "Endpoint open to the network without an API key")
        window.warning_label.setText("⚠ " + short)
        window.warning_label.setToolTip(warning)
        window.statusBar().showMessage(warning, 30_000)


def close_shell(shell: Shell, before_pool: Callable[[], None] | None = None) -> None:
    """Close the window, stop the pages' workers and the bridge; idempotent. The station keeps
    running: its owner (``composition``) stops it after. ``before_pool`` runs once the pages'
    tasks are cancelled, before waiting for the last reads (the endpoint stops there)."""
    if shell.closed:
        return
    shell.closed = True
    from ui.workers import cancel_all, wait_for_pool

    window = shell.window
    if window.isVisible():
        window.close()  # pages' shutdown() and geometry (closeEvent); a hidden window already ran it
    cancel_all(10.0)
    if before_pool is not None:
        before_pool()
    wait_for_pool(15_000)  # history/statistics reads finish before the database closes
    shell.bridge.close()
    if shell.crash is not None:
        shell.crash.uninstall()


def show_start_failure(message: str) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is None:
        QApplication([sys.argv[0] if sys.argv else "qcstation"])
    QMessageBox.critical(None, APP_TITLE, message)


def _quit_on_signals(app: Any) -> Any:
    """Ctrl+C / SIGTERM close the window the normal way (workers, endpoint, database) instead of killing.

    Python only runs signal handlers between bytecodes, so a timer wakes the interpreter while Qt waits.
    Returns a function that puts the previous handlers back.
    """
    import signal

    from PySide6.QtCore import QTimer

    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    wanted = [signal.SIGINT] + ([signal.SIGTERM] if hasattr(signal, "SIGTERM") else [])
    previous = {sig: signal.getsignal(sig) for sig in wanted}

    def handler(signum: int, _frame: Any) -> None:
        log.info("signal %d: closing", signum)
        app.quit()

    for sig in wanted:
        signal.signal(sig, handler)
    timer = QTimer()
    timer.timeout.connect(lambda: None)
    timer.start(250)

    def restore() -> None:
        timer.stop()
        for sig, old in previous.items():
            signal.signal(sig, old)

    return restore


def run_event_loop(shell: Shell) -> int:
    """Install the crash dialog and Ctrl+C handling, run Qt until the window closes."""
    shell.crash.install()
    shell.app.setQuitOnLastWindowClosed(True)
    restore_signals = _quit_on_signals(shell.app)
    try:
        return int(shell.app.exec())
    finally:
        restore_signals()
