"""``python main.py serve``: the HTTP endpoint on a headless line PC (no Qt imported).

Settings come from the same file as the GUI; command-line flags override them for this run
only. SIGINT/SIGTERM stop the endpoint, then the station (queued images finish and are stored).
"""

from __future__ import annotations

import ipaddress
import logging
import signal
import sys
import threading
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def _settings(args: Any) -> Any:
    from station.settings import load_settings, use_settings_file

    use_settings_file(getattr(args, "config", None))
    settings = load_settings()
    return settings.override(**{
        "server.host": getattr(args, "host", None),
        "server.port": getattr(args, "port", None),
        "server.api_key": getattr(args, "api_key", None),
        "inference.device": getattr(args, "device", None),
        "storage.data_dir": getattr(args, "data_dir", None),
    })


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _err(message: str) -> None:
    print(f"qcstation serve: {message}", file=sys.stderr, flush=True)


def run_serve(args: Any, *, ready: threading.Event | None = None, stop: threading.Event | None = None) -> int:
    """Serve until SIGINT/SIGTERM (or ``stop`` is set, for tests). Exit codes: 0 ok, 1 cannot
    listen or open the database, 2 bad model file or arguments."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        settings = _settings(args)
    except (KeyError, ValueError) as exc:
        _err(f"bad setting: {exc}")
        return 2
    if settings.server.port < 0 or settings.server.port > 65535:
        _err(f"port must be 0..65535, got {settings.server.port}")
        return 2
    from station.logsetup import setup_file_logging

    try:  # the same rotating log as the window, in the data folder (created here if missing)
        log_path, log_handler = setup_file_logging(settings.log_dir)
    except OSError as exc:
        _err(f"cannot create the data folder or its log under {settings.data_dir}: {exc.strerror or exc}")
        return 1
    try:
        return _serve(args, settings, log_path, ready, stop)
    finally:
        logging.getLogger().removeHandler(log_handler)
        log_handler.close()


def _serve(args: Any, settings: Any, log_path: Path, ready: threading.Event | None,
           stop: threading.Event | None) -> int:
    from station.core import Station
    from station.errors import StationError

    log.info("QC Station serve starting (data %s, log %s)", settings.data_dir, log_path)

    database = None
    if getattr(args, "db", None):
        try:
            from storage import Database

            Path(args.db).parent.mkdir(parents=True, exist_ok=True)
            database = Database(args.db)
        except Exception as exc:  # noqa: BLE001 - any storage failure is a clear exit
            _err(f"cannot open the history database {args.db}: {exc}")
            return 1

    from inference.runtime import configure_threads

    configure_threads(settings.inference.threads)
    station = Station(settings, database=database)
    model_arg = getattr(args, "model", None)
    if model_arg:
        try:
            info = station.load_model(model_arg)
        except StationError as exc:
            _err(str(exc))
            if database is not None:
                database.close()
            return 2
        log.info("model %s (%s) loaded from %s", info.name, info.id, model_arg)
    try:
        station.start()
    except Exception as exc:  # noqa: BLE001
        _err(f"the station could not start: {exc}")
        return 1

    from api.server import EmbeddedServer

    server = EmbeddedServer(station, settings)
    try:
        server.start()
    except (OSError, RuntimeError) as exc:
        _err(str(exc))
        station.stop()
        if database is not None:
            database.close()
        return 1

    if station.model is None:
        log.warning("no model loaded: analyze requests answer 503 until one is set "
                    "(pass --model MODEL.qcs or choose one in the station window)")
    if server.exposure_warning:
        log.warning("%s (--api-key)", server.exposure_warning)
    print(f"QC Station serving on {server.url}  (docs: {server.url}/docs; Ctrl+C to stop)", flush=True)

    stop_event = stop or threading.Event()
    previous = {}
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, lambda *_: stop_event.set())
    if ready is not None:
        ready.set()
    try:
        while not stop_event.wait(0.5):
            if not server.running:
                _err("the HTTP endpoint stopped unexpectedly")
                return 1
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        server.stop()
        station.stop()
        if database is not None:
            database.close()
        print("QC Station endpoint stopped.", flush=True)
    return 0
