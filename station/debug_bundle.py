"""``POST /api/v1/utils/debug`` and ``node_hash``: a support zip without secrets, a stable station id.

The zip holds the log files (each tail bounded), the last log lines of this process (a headless
``serve`` logs to stderr only), the settings with secrets blanked, the station's state and the
audit log. Secrets are blanked in every text that goes in, not only in the settings.
"""

from __future__ import annotations

import collections
import contextlib
import hashlib
import io
import json
import logging
import platform
import threading
import uuid
import zipfile
from pathlib import Path
from typing import Any

MAX_LOG_BYTES = 4 * 1024 * 1024
MAX_LOG_FILES = 10
RECENT_LINES = 5000


class RecentLogs(logging.Handler):
    """The last log lines of this process, for the debug zip."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: collections.deque[str] = collections.deque(maxlen=RECENT_LINES)
        self.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        with contextlib.suppress(Exception):  # logging must never raise
            self.lines.append(self.format(record))


_recent: RecentLogs | None = None
_recent_lock = threading.Lock()


def install_recent_logs() -> RecentLogs:
    global _recent
    with _recent_lock:
        if _recent is None:
            _recent = RecentLogs()
            logging.getLogger().addHandler(_recent)
        return _recent


def redact(text: str, secrets: list[str]) -> str:
    for s in secrets:
        if s and len(s) >= 4:
            text = text.replace(s, "***")
    return text


def settings_dump(settings: Any) -> str:
    data = settings.to_dict()
    if data.get("server", {}).get("api_key"):
        data["server"]["api_key"] = "***"
    return json.dumps(data, indent=2, ensure_ascii=False, default=str)


def debug_zip(settings: Any, station: Any, store: Any) -> bytes:
    secrets = [settings.server.api_key]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("settings.json", settings_dump(settings))
        info = station.model_info
        state = {"node_hash": node_hash(settings), "platform": platform.platform(), "python": platform.python_version(),
                 "running": station.running, "queue_depth": station.queue_depth,
                 "queue_capacity": station.queue_capacity, "model": info.to_dict() if info else None,
                 "model_path": str(station.model_path) if station.model_path else None,
                 "warnings": list(getattr(station, "warnings", []))}
        zf.writestr("station.json", redact(json.dumps(state, indent=2, default=str), secrets))
        if store is not None:
            zf.writestr("audit_log.json", redact(json.dumps(store.audit_log(), indent=2, default=str), secrets))
        if _recent is not None:
            zf.writestr("logs/recent.log", redact("\n".join(_recent.lines) + "\n", secrets))
        log_dir = Path(settings.log_dir)
        if log_dir.is_dir():
            files = sorted((p for p in log_dir.iterdir() if p.is_file() and not p.is_symlink()),
                           key=lambda p: p.stat().st_mtime, reverse=True)[:MAX_LOG_FILES]
            for p in files:
                with open(p, "rb") as fh:
                    size = p.stat().st_size
                    fh.seek(max(0, size - MAX_LOG_BYTES))
                    text = fh.read(MAX_LOG_BYTES).decode("utf-8", errors="replace")
                zf.writestr(f"logs/{p.name}", redact(text, secrets))
    return buf.getvalue()


def node_hash(settings: Any) -> str:
    """A stable id of this station: a random id kept in the data dir, hashed with the machine's id."""
    path = Path(settings.data_dir) / "node_id"
    try:
        node = path.read_text(encoding="ascii").strip()
    except OSError:
        node = ""
    if len(node) != 32:
        node = uuid.uuid4().hex
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(node, encoding="ascii")
    machine = ""
    for candidate in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        try:
            machine = Path(candidate).read_text(encoding="ascii").strip()
            break
        except OSError:
            continue
    return hashlib.sha256(f"qcstation:{node}:{machine}".encode()).hexdigest()[:32]


__all__ = ["debug_zip", "install_recent_logs", "node_hash", "redact", "settings_dump"]
