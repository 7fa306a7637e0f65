"""The station window as ``python main.py`` opens it: title, endpoint address in the status bar,
crash dialog, port in use, exposure warning, geometry kept, and a clean close (no non-daemon
threads, database closed); without a display: a clear message and a non-zero exit code."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from argparse import Namespace
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

import composition as app_module
from composition import close_gui, display_problem, open_gui, run_gui
from station.settings import Settings, SettingsStore, load_settings, save_settings

pytestmark = pytest.mark.timeout(300)
ROOT = Path(__file__).resolve().parents[2]


def _settings(tmp_path: Path, model_path: Path | None = None, **server) -> Settings:
    return Settings().override(**{
        "storage.data_dir": str(tmp_path / "data"),
        "server.port": 0,  # a free port
        "inference.model_path": str(model_path) if model_path is not None else None,
        **{f"server.{k}": v for k, v in server.items()},
    })


def _non_daemon() -> list[str]:
    return [t.name for t in threading.enumerate() if not t.daemon and t is not threading.main_thread()]


def test_run_gui_opens_the_window_and_closes_cleanly(qtbot, tmp_path, trained_model_path, bottle_dir,
                                                    monkeypatch):
    config = tmp_path / "config" / "settings.json"
    save_settings(_settings(tmp_path, trained_model_path), config)
    shells = []
    real_open = app_module.open_gui

    def spy(*a, **k):
        shell = real_open(*a, **k)
        shells.append(shell)
        return shell

    monkeypatch.setattr(app_module, "open_gui", spy)
    seen: dict[str, object] = {}

    def look_and_close() -> None:
        shell = shells[0]
        win = shell.window
        seen["db"] = shell.station.database
        seen["title"] = win.windowTitle()
        seen["endpoint"] = win.endpoint_label.text()
        seen["url"] = shell.server.url
        seen["model"] = win.model_label.text()
        seen["pages"] = list(win.pages)
        seen["live_view"] = win.pages["live"].views.currentWidget() is win.pages["live"].live_view
        seen["playing"] = win.pages["live"].play_folder(bottle_dir / "test" / "good", interval_ms=100)
        QTimer.singleShot(1500, win.close)  # close while a source is running and parts are in flight

    QTimer.singleShot(1500, look_and_close)
    rc = run_gui(Namespace(config=str(config), data_dir=None, device="cpu", lang="en"))
    assert rc == 0
    assert str(seen["title"]).startswith("QC Station")
    assert seen["url"] in str(seen["endpoint"]) and str(seen["url"]).startswith("http://127.0.0.1:")
    assert "bottle-test" in str(seen["model"])
    assert seen["live_view"] is True
    assert seen["pages"][0] == "live"
    shell = shells[0]
    assert shell.server.running is False
    assert not shell.station.running
    assert seen["db"]._closed, "the history database must be closed"
    assert seen["playing"] is True
    assert _non_daemon() == []
    qcs = [t.name for t in threading.enumerate() if t.name.startswith(("qcs-capture", "qcs-inference",
                                                                       "qcs-recorder", "qcs-http"))]
    assert qcs == [], "capture, inference, recorder and endpoint threads all ended"
    saved = json.loads(config.read_text(encoding="utf-8"))
    assert saved["ui"]["geometry"], "window geometry is remembered"
    assert saved["inference"]["device"] == "auto", "--device is for this run only"
    log = Path(saved["storage"]["data_dir"]) / "logs" / "qcstation.log"
    assert "QC Station stopped" in log.read_text(encoding="utf-8")


def test_geometry_is_restored(qtbot, tmp_path):
    settings = _settings(tmp_path)
    shell = open_gui(SettingsStore(settings, tmp_path / "s.json"), start_endpoint=False)
    try:
        shell.window.setGeometry(40, 50, 1111, 700)
        qtbot.wait(50)
        before = shell.window.geometry()
    finally:
        close_gui(shell)
    again = load_settings(tmp_path / "s.json")
    assert again.ui.geometry
    shell = open_gui(again, start_endpoint=False)
    try:
        # the offscreen screen is small, so Qt may shift/clamp the width; height and top are kept
        got = shell.window.geometry()
        assert (got.y(), got.height()) == (before.y(), before.height()) == (50, 700)
        assert "off" in shell.window.endpoint_label.text()
    finally:
        close_gui(shell, save=False)


def test_port_in_use_shows_why_and_the_window_still_opens(qtbot, tmp_path):
    blocker = socket.socket()
    blocker.bind(("127.0.0.1", 0))
    blocker.listen(1)
    port = blocker.getsockname()[1]
    try:
        shell = open_gui(_settings(tmp_path, port=port))
        try:
            assert shell.server is None
            text = shell.window.endpoint_label.text()
            assert "not running" in text and str(port) in text
            assert shell.window.isVisible()
            assert shell.window.pages["live"].views.currentWidget() is shell.window.pages["live"].first_run
        finally:
            close_gui(shell, save=False)
    finally:
        blocker.close()


def test_network_bind_without_key_warns(qtbot, tmp_path):
    shell = open_gui(_settings(tmp_path, host="0.0.0.0"))
    try:
        assert shell.server is not None
        assert "API key" in shell.window.warning_label.text()
        assert "without an API key" in shell.window.warning_label.toolTip()
    finally:
        close_gui(shell, save=False)
    shell = open_gui(_settings(tmp_path, host="0.0.0.0", api_key="s3cret-line-key"))
    try:
        assert shell.window.warning_label.text() == ""
    finally:
        close_gui(shell, save=False)


def test_unhandled_exceptions_show_the_log_and_keep_running(qtbot, tmp_path):
    log_path = tmp_path / "qcstation.log"
    shell = open_gui(_settings(tmp_path), log_path=log_path, start_endpoint=False)
    shell.crash.install()
    try:
        try:
            raise ValueError("boom in a slot")
        except ValueError:
            sys.excepthook(*sys.exc_info())
        qtbot.waitUntil(lambda: shell.crash.dialog is not None and shell.crash.dialog.isVisible(), timeout=5000)
        assert str(log_path) in shell.crash.dialog.text()
        assert "boom in a slot" in shell.crash.dialog.text()
        shell.crash.dialog.close()

        def worker() -> None:
            raise RuntimeError("boom in a worker")

        t = threading.Thread(target=worker, name="qcs-test-worker")
        t.start()
        t.join()
        qtbot.waitUntil(lambda: any("boom in a worker" in m for m in shell.crash.messages), timeout=5000)
        assert shell.window.isVisible() and shell.station.running
    finally:
        close_gui(shell, save=False)
    assert sys.excepthook is not shell.crash.excepthook


def test_overrides_from_the_command_line(tmp_path):
    config = tmp_path / "s.json"
    save_settings(_settings(tmp_path), config)
    store = app_module.store_from_args(
        Namespace(config=str(config), data_dir=str(tmp_path / "elsewhere"), device="cuda", lang="zh_CN"))
    settings = store.current
    assert store.path == config
    assert settings.data_dir == tmp_path / "elsewhere"
    assert settings.inference.device == "cuda" and settings.ui.language == "zh_CN"


def test_display_problem_only_on_linux_without_display():
    assert display_problem({}, "linux") is not None
    assert display_problem({"DISPLAY": ":0"}, "linux") is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({}, "win32") is None


def test_no_display_gives_a_message_and_an_error_code(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["QCS_CONFIG_DIR"] = str(tmp_path / "config")
    env["QCS_DATA_DIR"] = str(tmp_path / "data")
    proc = subprocess.run([sys.executable, str(ROOT / "main.py")], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode != 0
    assert "needs a display" in proc.stderr
    assert "Aborted" not in proc.stderr and "core dumped" not in proc.stderr


def test_unknown_language_is_refused(capsys):
    rc = run_gui(Namespace(config=None, data_dir=None, device=None, lang="xx"))
    assert rc == 2
    assert "unknown language" in capsys.readouterr().err


def test_a_bad_command_line_setting_is_refused(capsys, tmp_path):
    a_file = tmp_path / "not-a-folder"
    a_file.write_text("x")
    rc = run_gui(Namespace(config=str(tmp_path / "s.json"), data_dir=str(a_file), device=None, lang=None))
    assert rc == 2
    err = capsys.readouterr().err
    assert "bad setting" in err and "storage.data_dir" in err and "is a file" in err


def test_f1_help_lists_every_page_shortcut(qtbot, tmp_path):
    shell = open_gui(_settings(tmp_path), start_endpoint=False)
    try:
        shell.window.help_action.trigger()
        qtbot.waitUntil(lambda: any(type(w).__name__ == "HelpDialog" and w.isVisible()
                                    for w in shell.window.findChildren(object)), timeout=5000)
        dialog = next(w for w in shell.window.findChildren(object) if type(w).__name__ == "HelpDialog")
        keys = {k for k, _ in dialog.rows}
        assert {"F11", "T", "H", "Esc", "Space"} <= keys
        assert "Getting started" in dialog.text.toPlainText()
        dialog.close()
    finally:
        close_gui(shell, save=False)


def test_a_model_that_fails_at_start_is_reported_in_the_window(qtbot, tmp_path):
    broken = tmp_path / "models" / "broken.qcs"
    broken.parent.mkdir(parents=True)
    broken.write_bytes(b"not a model")
    shell = open_gui(_settings(tmp_path, model_path=broken), start_endpoint=False)
    try:
        assert shell.station.model is None
        assert "broken.qcs" in shell.window.warning_label.text()
    finally:
        close_gui(shell, save=False)
