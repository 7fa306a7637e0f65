"""Start-up and shut-down wiring: settings store → station (+ database) → endpoint → window.

Why a module of its own, above ``ui/`` and ``api/``: the window receives a running station and
never builds one, the endpoint never knows about the window, and ``serve``, the GUI command, the
tests and tools all start the same pieces the same way. Nothing here imports Qt at module level,
so ``serve`` stays headless.

Order on the way out: pages stop their workers, then the endpoint stops taking images, then the
station finishes its queue and closes the database, then pending settings are written.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from station.errors import StationError
from station.settings import LANGUAGES, InvalidSettings, Settings, SettingsStore

if TYPE_CHECKING:
    from api.server import EmbeddedServer
    from station.core import Station
    from storage import Database
    from ui.app import Shell
    from ui.main_window import MainWindow

log = logging.getLogger("qcstation")

APP_TITLE = "QC Station"
NO_DISPLAY_MESSAGE = (
    "QC Station needs a display to open its window, and none was found "
    "(DISPLAY / WAYLAND_DISPLAY / QT_QPA_PLATFORM are not set).\n"
    "Run it from the desktop session, under a virtual display (xvfb-run python main.py), "
    "or run the endpoint without a window: python main.py serve --model MODEL.qcs"
)


# ------------------------------------------------------------------------------------ settings
def cli_overrides(args: argparse.Namespace) -> dict[str, Any]:
    """The run-only settings the command line gives (flags not given are left out)."""
    data_dir = getattr(args, "data_dir", None)
    wanted = {
        "storage.data_dir": str(Path(data_dir).expanduser().resolve()) if data_dir else None,
        "inference.device": getattr(args, "device", None),
        "ui.language": getattr(args, "lang", None),
        "server.host": getattr(args, "host", None),
        "server.port": getattr(args, "port", None),
        "server.api_key": getattr(args, "api_key", None),
    }
    return {k: v for k, v in wanted.items() if v is not None}


def store_from_args(args: argparse.Namespace) -> SettingsStore:
    """The settings file (``--config`` or the user's) with the command-line flags applied once.

    Raises :class:`InvalidSettings` when a flag's value breaks a rule (the caller exits with 2).
    """
    return SettingsStore.load(getattr(args, "config", None), overrides=cli_overrides(args))


# ------------------------------------------------------------------------------------ runtime
@dataclass
class Runtime:
    """A started station (and, when asked, its endpoint) following one settings store."""

    store: SettingsStore
    station: Station
    database: Database | None = None  # owned here when opened from ``--db``
    server: EmbeddedServer | None = None
    endpoint_error: str | None = None
    stopped: bool = False
    _unsubscribe: list[Callable[[], None]] = field(default_factory=list)

    @property
    def settings(self) -> Settings:
        return self.store.current

    def start_endpoint(self) -> bool:
        """Start the HTTP endpoint; a failure (port in use, bad host) is kept in ``endpoint_error``."""
        from api.server import EmbeddedServer

        try:
            server = EmbeddedServer(self.station, self.store.current).start()
        except (OSError, RuntimeError) as exc:
            self.endpoint_error = str(exc) or type(exc).__name__
            log.warning("HTTP endpoint not started: %s", self.endpoint_error)
            return False
        self.server = server
        self.endpoint_error = None
        self._unsubscribe.append(self.store.subscribe(server.apply_settings))
        return True

    def stop_endpoint(self) -> None:
        if self.server is not None:
            self.server.stop()

    def stop(self) -> None:
        """Endpoint, then station (its queue finishes and is stored), then an owned database; idempotent."""
        if self.stopped:
            return
        self.stopped = True
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self.stop_endpoint()
        self.station.stop()
        if self.database is not None:
            self.database.close()


def start_runtime(store: SettingsStore, *, database: Database | None = None, model_path: str | None = None,
                  endpoint: bool = False, own_database: bool = False) -> Runtime:
    """Start a station on ``store.current`` (loading ``model_path`` first when given).

    Raises ``StationError`` for a model that cannot load, anything else for a station that cannot
    start (e.g. the history database); nothing is left running then.
    """
    from station.core import Station

    station = Station(store.current, database=database)
    try:
        if model_path:
            info = station.load_model(model_path)
            log.info("model %s (%s) loaded from %s", info.name, info.id, model_path)
        station.start()
    except BaseException:
        station.stop()
        if own_database and database is not None:
            database.close()
        raise
    runtime = Runtime(store=store, station=station, database=database if own_database else None)
    runtime._unsubscribe.append(store.subscribe(station.apply_settings))
    _attach_audit(runtime)
    if endpoint:
        runtime.start_endpoint()
    return runtime


def _attach_audit(runtime: Runtime) -> None:
    """The audit trail (issue 13) and the operator/engineer roles follow the store; rows of a
    headless ``serve`` name "station" (the window names the role: :func:`open_gui`)."""
    from station import audit
    from station.roles import session_for

    runtime.station.roles = session_for(runtime.store)
    trail = audit.attach(runtime.station, runtime.store)
    runtime._unsubscribe.append(trail.detach)  # type: ignore[attr-defined]


# ------------------------------------------------------------------------------------ serve
def _serve_error(message: str) -> None:
    print(f"qcstation serve: {message}", file=sys.stderr, flush=True)


def run_serve(args: argparse.Namespace, *, ready: threading.Event | None = None, stop: threading.Event | None = None) -> int:
    """``python main.py serve``: serve until SIGINT/SIGTERM (or ``stop`` is set, for tests).

    Exit codes: 0 ok, 1 cannot listen or open the database, 2 bad model file or arguments.
    """
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        store = store_from_args(args)
    except (KeyError, InvalidSettings) as exc:
        _serve_error(f"bad setting: {exc}")
        return 2
    from station.logsetup import setup_file_logging

    settings = store.current
    try:  # the same rotating log as the window, in the data folder (created here if missing)
        log_path, log_handler = setup_file_logging(settings.log_dir)
    except OSError as exc:
        _serve_error(f"cannot create the data folder or its log under {settings.data_dir}: {exc.strerror or exc}")
        return 1
    try:
        log.info("QC Station serve starting (data %s, log %s)", settings.data_dir, log_path)
        return _serve(args, store, ready, stop)
    finally:
        logging.getLogger().removeHandler(log_handler)
        log_handler.close()


def _serve(args: argparse.Namespace, store: SettingsStore, ready: threading.Event | None,
           stop: threading.Event | None) -> int:
    database = None
    if getattr(args, "db", None):
        try:
            from storage import Database

            Path(args.db).parent.mkdir(parents=True, exist_ok=True)
            database = Database(args.db)
        except Exception as exc:  # noqa: BLE001 - any storage failure is a clear exit
            _serve_error(f"cannot open the history database {args.db}: {exc}")
            return 1

    from inference.runtime import configure_threads

    configure_threads(store.current.inference.threads)
    try:
        runtime = start_runtime(store, database=database, model_path=getattr(args, "model", None),
                                own_database=True)
    except StationError as exc:
        _serve_error(str(exc))
        return 2
    except Exception as exc:  # noqa: BLE001
        _serve_error(f"the station could not start: {exc}")
        return 1
    if not runtime.start_endpoint():
        _serve_error(runtime.endpoint_error or "the HTTP endpoint did not start")
        runtime.stop()
        return 1
    server = runtime.server
    assert server is not None

    if runtime.station.model is None:
        log.warning("no model loaded: analyze requests answer 503 until one is set "
                    "(pass --model MODEL.qcs or choose one in the station window)")
    if server.exposure_warning:
        log.warning("%s (--api-key)", server.exposure_warning)
    print(f"QC Station serving on {server.url}  (docs: {server.url}/docs; Ctrl+C to stop)", flush=True)

    stop_event = stop or threading.Event()
    previous: dict[signal.Signals, Any] = {}
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, lambda *_: stop_event.set())
    if ready is not None:
        ready.set()
    try:
        while not stop_event.wait(0.5):
            if not server.running:
                _serve_error("the HTTP endpoint stopped unexpectedly")
                return 1
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        runtime.stop()
        print("QC Station endpoint stopped.", flush=True)
    return 0


# ------------------------------------------------------------------------------------ GUI
def display_problem(env: Mapping[str, str] | None = None, platform: str | None = None) -> str | None:
    """Why no window can open here, or ``None``: checked before Qt, which would abort the process."""
    env = os.environ if env is None else env
    platform = platform or sys.platform
    if not platform.startswith("linux"):
        return None
    if any(env.get(k) for k in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        return None
    return NO_DISPLAY_MESSAGE


def setup_logging(log_dir: Path) -> tuple[Path, logging.Handler]:
    """Rotating log file in the data folder (5 × 2 MB) so a crash report always has a path to give;
    the same file and flood limit ``serve`` uses."""
    from station.logsetup import setup_file_logging

    return setup_file_logging(log_dir)


@dataclass
class GuiSession:
    """The window on a running station: what :func:`open_gui` started, for :func:`close_gui`."""

    runtime: Runtime
    shell: Shell
    closed: bool = False

    @property
    def window(self) -> MainWindow:
        return self.shell.window

    @property
    def station(self) -> Station:
        return self.runtime.station

    @property
    def server(self) -> EmbeddedServer | None:
        return self.runtime.server

    @property
    def crash(self) -> Any:
        return self.shell.crash



def open_gui(settings: Settings | SettingsStore, *, log_path: Path | None = None,
             start_endpoint: bool | None = None) -> GuiSession:
    """Start the station, (per the settings) the endpoint, and the window on them; show the window.

    Raises when the station cannot start (the history database cannot open); the endpoint failing
    to start is not fatal: the window says why in its status bar.
    """
    from ui.app import ensure_application, open_shell

    store = settings if isinstance(settings, SettingsStore) else SettingsStore(settings)
    language = ensure_application(store.current)
    runtime = start_runtime(store)
    roles = runtime.station.roles
    runtime.station.audit_trail.actor = lambda: roles.role  # who acts at the window: operator / engineer
    try:
        if start_endpoint if start_endpoint is not None else store.current.server.enabled:
            runtime.start_endpoint()
        shell = open_shell(runtime, language=language, log_path=log_path)
    except BaseException:
        runtime.stop()
        raise
    return GuiSession(runtime, shell)


def close_gui(session: GuiSession, save: bool = True) -> None:
    """Stop what :func:`open_gui` started, in order; idempotent."""
    if session.closed:
        return
    session.closed = True
    from ui.app import close_shell

    close_shell(session.shell, before_pool=session.runtime.stop_endpoint)
    session.runtime.stop()
    if save:
        try:
            session.runtime.store.save()
        except OSError as exc:
            log.warning("settings not saved: %s", exc)


def run_gui(args: argparse.Namespace) -> int:
    """The station window; returns the process exit code."""
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    lang = getattr(args, "lang", None)
    if lang and lang not in LANGUAGES:
        print(f"unknown language {lang!r}: choose one of {', '.join(LANGUAGES)}", file=sys.stderr)
        return 2
    try:
        store = store_from_args(args)
    except (KeyError, InvalidSettings) as exc:
        print(f"bad setting: {exc}", file=sys.stderr)
        return 2
    settings = store.current
    try:
        log_path, handler = setup_logging(settings.log_dir)
    except OSError as exc:
        print(f"cannot write logs under {settings.log_dir}: {exc}", file=sys.stderr)
        return 1
    log.info("QC Station starting (data %s)", settings.data_dir)

    from ui.app import ensure_application, run_event_loop, show_start_failure

    ensure_application(settings)
    try:
        session = open_gui(store, log_path=log_path)
    except Exception as exc:  # noqa: BLE001 - e.g. the database cannot open: say so and exit
        log.exception("the station could not start")
        show_start_failure(f"QC Station could not start:\n{exc}\n\nLog: {log_path}")
        logging.getLogger().removeHandler(handler)
        handler.close()
        return 1
    try:
        code = run_event_loop(session.shell)
    finally:
        close_gui(session)
        log.info("QC Station stopped")
        logging.getLogger().removeHandler(handler)
        handler.close()
    return int(code)


__all__ = ["GuiSession", "Runtime", "close_gui", "cli_overrides", "display_problem", "open_gui", "run_gui",
           "run_serve", "setup_logging", "start_runtime", "store_from_args"]
