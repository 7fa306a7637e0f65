"""Start and stop the station window: settings, logging, crash dialog, station, endpoint, window.

``run_gui(args)`` is what ``python main.py`` (no subcommand) runs. The pieces are separate so a
test can build the same shell in-process (:func:`open_shell` / :func:`close_shell`).
Order matters on the way out: pages stop their workers, then the endpoint stops taking images,
then the station finishes its queue and closes the database, then settings are saved.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
import traceback
from dataclasses import dataclass, field, replace
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Any

from station.settings import Settings, load_settings, save_settings, settings_path, use_settings_file

log = logging.getLogger(__name__)

APP_TITLE = "QC Station"
ORGANISATION = "QC Station"
LOG_NAME = "qcstation.log"
NO_DISPLAY_MESSAGE = (
    "QC Station needs a display to open its window, and none was found "
    "(DISPLAY / WAYLAND_DISPLAY / QT_QPA_PLATFORM are not set).\n"
    "Run it from the desktop session, under a virtual display (xvfb-run python main.py), "
    "or run the endpoint without a window: python main.py serve --model MODEL.qcs"
)


def display_problem(env: dict[str, str] | None = None, platform: str | None = None) -> str | None:
    """Why no window can open here, or ``None``: checked before Qt, which would abort the process."""
    env = os.environ if env is None else env
    platform = platform or sys.platform
    if not platform.startswith("linux"):
        return None
    if any(env.get(k) for k in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        return None
    return NO_DISPLAY_MESSAGE


def settings_from_args(args: Any) -> tuple[Settings, Path]:
    """The settings file (``--config`` or the user's) with the command-line overrides applied."""
    use_settings_file(getattr(args, "config", None))  # pages that save settings write here too
    path = settings_path()
    settings = load_settings(path)
    if getattr(args, "data_dir", None):
        settings.storage = replace(settings.storage, data_dir=str(Path(args.data_dir).expanduser()))
    if getattr(args, "device", None):
        settings.inference = replace(settings.inference, device=args.device)
    if getattr(args, "lang", None):
        settings.ui = replace(settings.ui, language=args.lang)
    return settings, path


def setup_logging(log_dir: Path) -> tuple[Path, logging.Handler]:
    """Rotating log file in the data folder (5 × 2 MB) so a crash report always has a path to give."""
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_NAME
    handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"))
    handler.setLevel(logging.INFO)
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    return path, handler


@dataclass
class Shell:
    """Everything ``run_gui`` owns, so it can be torn down in the right order."""

    app: Any
    settings: Settings
    settings_file: Path | None
    station: Any
    bridge: Any
    window: Any
    server: Any = None
    endpoint_error: str | None = None
    language: str = "en"
    log_path: Path | None = None
    crash: Any = None
    closed: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


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


def open_shell(settings: Settings, settings_file: Path | None = None, *, log_path: Path | None = None,
               start_server: bool | None = None) -> Shell:
    """Start the station, the bridge, the window and (per the settings) the endpoint; show the window.

    Raises on what makes a station impossible (the history database cannot open); the endpoint
    failing to start is not fatal: the reason shows in the status bar.
    """
    from PySide6.QtWidgets import QApplication

    from station.core import Station
    from ui.help_dialog import show_help
    from ui.i18n import install_translator
    from ui.main_window import MainWindow
    from ui.station_bridge import StationBridge
    from ui.theme import apply_theme

    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "qcstation"])
    app.setApplicationName(APP_TITLE)
    app.setOrganizationName(ORGANISATION)
    language = install_translator(settings.ui.language, app)
    apply_theme(app, settings.ui.theme)

    station = Station(settings).start()
    try:
        bridge = StationBridge(station, settings)
        window = MainWindow(bridge, settings)
    except BaseException:
        station.stop()
        raise
    for message in station.warnings:  # met while starting, before the window could listen
        bridge.storageWarning.emit(message)
    shell = Shell(app=app, settings=settings, settings_file=settings_file, station=station, bridge=bridge,
                  window=window, language=language, log_path=log_path)
    shell.crash = _crash_reporter_class()(log_path, window)
    with contextlib.suppress(RuntimeError, TypeError):  # richer help replaces the window's plain list
        window.help_action.triggered.disconnect()
    window.help_action.triggered.connect(lambda *_: show_help(window))
    if start_server if start_server is not None else settings.server.enabled:
        _start_server(shell)
    else:
        from PySide6.QtCore import QCoreApplication

        off = QCoreApplication.translate("StationShell", "Endpoint: off (enable it in the settings)")
        window.set_endpoint_status(off, ok=True)
    window.show()
    return shell


def _start_server(shell: Shell) -> None:
    from PySide6.QtCore import QCoreApplication

    from api.server import EmbeddedServer

    window = shell.window
    try:
        server = EmbeddedServer(shell.station, shell.settings)
        server.start()
    except Exception as exc:  # noqa: BLE001 - port in use, bad host: shown, the window still opens
        shell.endpoint_error = str(exc) or type(exc).__name__
        log.warning("HTTP endpoint not started: %s", shell.endpoint_error)
        why = QCoreApplication.translate("StationShell", "Endpoint not running: %1")
        window.set_endpoint_status(why.replace("%1", shell.endpoint_error), ok=False)
        window.endpoint_label.setToolTip(shell.endpoint_error)
        return
    shell.server = server
    window.set_endpoint_status(QCoreApplication.translate("StationShell", "Endpoint %1").replace("%1", server.url))
    tip = QCoreApplication.translate("StationShell", "Line PLCs and scripts post images to %1/analyze_image")
    window.endpoint_label.setToolTip(tip.replace("%1", server.url))
    warning = server.exposure_warning
    if warning:
        short = QCoreApplication.translate("StationShell", "Endpoint open to the network without an API key")
        window.warning_label.setText("⚠ " + short)
        window.warning_label.setToolTip(warning)
        window.statusBar().showMessage(warning, 30_000)


def close_shell(shell: Shell, save: bool = True) -> None:
    """Stop everything ``open_shell`` started, in order; idempotent."""
    if shell.closed:
        return
    shell.closed = True
    from ui.background import wait_for_pool
    from ui.tasks import cancel_all

    window = shell.window
    if window.isVisible():
        window.close()  # pages' shutdown() and geometry (closeEvent); a hidden window already ran it
    cancel_all(10.0)
    if shell.server is not None:
        shell.server.stop()
    wait_for_pool(15_000)  # history/statistics reads finish before the database closes
    shell.bridge.close()
    shell.station.stop()
    if shell.crash is not None:
        shell.crash.uninstall()
    if save:
        try:
            save_settings(shell.settings, shell.settings_file)
        except OSError as exc:
            log.warning("settings not saved: %s", exc)


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


def run_gui(args: Any) -> int:
    """The station window; returns the process exit code."""
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    lang = getattr(args, "lang", None)
    if lang and lang not in ("auto", "en", "zh_CN"):
        print(f"unknown language {lang!r}: choose auto, en or zh_CN", file=sys.stderr)
        return 2
    settings, settings_file = settings_from_args(args)
    try:
        log_path, handler = setup_logging(settings.log_dir)
    except OSError as exc:
        print(f"cannot write logs under {settings.log_dir}: {exc}", file=sys.stderr)
        return 1
    log.info("QC Station starting (data %s)", settings.data_dir)

    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "qcstation"])
    try:
        shell = open_shell(settings, settings_file, log_path=log_path)
    except Exception as exc:  # noqa: BLE001 - e.g. the database cannot open: say so and exit
        log.exception("the station could not start")
        QMessageBox.critical(None, APP_TITLE, f"QC Station could not start:\n{exc}\n\nLog: {log_path}")
        logging.getLogger().removeHandler(handler)
        handler.close()
        return 1
    shell.crash.install()
    app.setQuitOnLastWindowClosed(True)
    restore_signals = _quit_on_signals(app)
    try:
        code = app.exec()
    finally:
        restore_signals()
        close_shell(shell)
        log.info("QC Station stopped")
        logging.getLogger().removeHandler(handler)
        handler.close()
    return int(code)
