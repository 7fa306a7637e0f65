"""Live page as a line sees it: machine states on the tile, review timeout, source lost and back,
operator mode, counters across a restart, remembered source, buttons and shortcuts.

A fake model (mean brightness against a threshold) keeps these fast; the real engine is driven in
test_live_page.py and test_live_changeover.py.
"""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import cv2
import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from station.machine_state import MachineState
from tests.station.fakes import GatedModel
from tests.ui.gui_station import bridged_station, close_gui_station, shown
from ui.live_page import LivePage

pytestmark = pytest.mark.timeout(180)


def write_parts(folder: Path, n_ok: int = 3, n_ng: int = 2, size: tuple[int, int] = (48, 64)) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n_ok):
        cv2.imwrite(str(folder / f"ok_{i}.png"), np.full((*size, 3), 40, np.uint8))
    for i in range(n_ng):
        cv2.imwrite(str(folder / f"ng_{i}.png"), np.full((*size, 3), 200, np.uint8))
    return folder


@pytest.fixture
def env(qtbot, tmp_path):
    station, db, settings, bridge = bridged_station(tmp_path, GatedModel("fake-a", threshold=100.0))
    pages: list[LivePage] = []

    def make_page() -> LivePage:
        pages.append(shown(qtbot, LivePage(bridge, settings), (1366, 768)))
        return pages[-1]

    make_page.bridge = bridge
    yield make_page, station, db, settings, tmp_path
    close_gui_station(bridge, db, *pages, pool_ms=30_000)


def tile_color(page: LivePage) -> tuple[int, int, int]:
    """The colour a person sees near the tile's corner (off the text)."""
    img = page.banner.grab().toImage()
    c = QColor(img.pixel(12, img.height() // 2))
    return c.red(), c.green(), c.blue()


def test_each_machine_state_has_its_own_tile(qtbot, env):
    make_page, station, _db, settings, tmp = env
    page = make_page()
    folder = write_parts(tmp / "line", 2, 2)
    looks = {}

    assert page.banner.state() == "STOPPED" and page.banner.verdict() is None
    looks["STOPPED"] = tile_color(page)

    assert page.play_folder(folder, interval_ms=150, loop=True)
    qtbot.waitUntil(lambda: page.banner.verdict() in ("OK", "NG"), timeout=20_000)
    assert page.machine_state().state is MachineState.RUNNING
    qtbot.waitUntil(lambda: page.banner.verdict() == "NG", timeout=20_000)
    looks["RUNNING NG"] = tile_color(page)
    qtbot.waitUntil(lambda: page.banner.verdict() == "OK", timeout=20_000)
    looks["RUNNING OK"] = tile_color(page)

    make_page.bridge.settings_store.update({"ui.review_timeout_s": 60.0, "ui.review_new_ng_returns": False},
                                           save=False)
    qtbot.waitUntil(lambda: page.ng_strip.count() > 0, timeout=20_000)
    page.show_ng_part(page.ng_strip.keys()[-1])
    assert page.banner.state() == "REVIEWING" and page.banner.verdict() == "NG"
    assert "Esc for live" in page.banner.subtitle()
    assert station.machine.snapshot().state is MachineState.REVIEWING
    looks["REVIEWING"] = tile_color(page)
    page.back_to_live()

    station.machine.begin_changeover("fake-a", "fake-b")
    qtbot.waitUntil(lambda: page.banner.state() == "CHANGEOVER", timeout=5000)
    assert page.banner.verdict() is None and "fake-a → fake-b" in page.banner.subtitle()
    looks["CHANGEOVER"] = tile_color(page)
    station.machine.end_changeover()

    page.stop()
    station.machine.source_lost("camera", "camera lost", 7.0)
    qtbot.waitUntil(lambda: page.banner.state() == "SOURCE_LOST", timeout=5000)
    assert page.banner.title() == "SOURCE LOST" and "Reconnecting in" in page.banner.subtitle()
    assert page.score_bar.is_stale()  # the last part's score is greyed: not a live verdict
    looks["SOURCE_LOST"] = tile_color(page)
    station.machine.source_stopped()

    station.set_model(None)
    qtbot.waitUntil(lambda: page.banner.state() == "NO_MODEL", timeout=5000)
    looks["NO_MODEL"] = tile_color(page)
    assert len(set(looks.values())) == len(looks), looks  # a distinct full-tile look each


def test_reviewing_returns_to_running_by_timeout_and_on_a_new_ng(qtbot, env):
    make_page, station, _db, settings, tmp = env
    make_page.bridge.settings_store.update({"ui.review_timeout_s": 0.8, "ui.review_new_ng_returns": False},
                                           save=False)
    page = make_page()
    assert page.play_folder(write_parts(tmp / "line", 2, 1), interval_ms=100, loop=True)
    qtbot.waitUntil(lambda: page.ng_strip.count() > 0, timeout=20_000)
    page.show_ng_part(page.ng_strip.keys()[0])
    assert page.machine_state().state is MachineState.REVIEWING and page.back_button.isVisible()
    held = page.shown
    qtbot.waitUntil(lambda: page.machine_state().state is MachineState.RUNNING, timeout=5000)
    qtbot.waitUntil(lambda: page.banner.state() == "RUNNING" and not page.back_button.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: page.shown is not held, timeout=5000)  # the live part again
    assert not page.ng_strip.selectedItems()

    make_page.bridge.settings_store.update({"ui.review_timeout_s": 60.0, "ui.review_new_ng_returns": True},
                                           save=False)  # the operator's choice: a new NG ends the review at once
    page.show_ng_part(page.ng_strip.keys()[0])
    assert page.banner.state() == "REVIEWING"
    seen = page.ng_strip.count()
    qtbot.waitUntil(lambda: page.ng_strip.count() > seen or page.counters.counts()[2] > seen, timeout=20_000)
    qtbot.waitUntil(lambda: page.banner.state() == "RUNNING", timeout=5000)


def test_folder_that_vanishes_is_source_lost_then_reconnects(qtbot, env):
    make_page, _station, _db, _settings, tmp = env
    page = make_page()
    folder = write_parts(tmp / "line", 2, 1)
    assert page.play_folder(folder, interval_ms=50, loop=True)
    qtbot.waitUntil(lambda: page.counters.counts()[0] >= 2, timeout=20_000)
    shutil.rmtree(folder)
    qtbot.waitUntil(lambda: page.banner.state() == "SOURCE_LOST", timeout=20_000)
    assert page.banner.verdict() is None  # never the last verdict
    assert "Reconnecting in" in page.banner.subtitle()
    assert page.stop_button.isEnabled() and not page.start_button.isEnabled()
    write_parts(folder, 2, 1)
    seen = page.counters.counts()[0]
    qtbot.waitUntil(lambda: page.banner.state() == "RUNNING" and page.counters.counts()[0] > seen, timeout=20_000)
    page.stop()
    assert page.banner.state() == "STOPPED" and page.start_button.isEnabled()


def test_stop_never_waits_for_a_stalled_source(qtbot, env):
    from camera.frames import FrameSource

    make_page, _station, _db, _settings, _tmp = env
    page = make_page()
    inside, release = threading.Event(), threading.Event()

    class Stalled(FrameSource):
        kind = "camera"

        def open(self):
            pass

        def read(self, stop, wait=True):
            inside.set()
            release.wait(20)  # a driver stuck in a read that ignores stop
            return None

        def close(self):
            pass

    page.build_source = Stalled  # the page asks for a source and gets the stalled one
    stopped = []
    page.capture.stopped.connect(stopped.append)
    assert page.start()
    assert inside.wait(10)
    page.stop()  # returns while the capture thread is still inside read()
    assert not page.is_running() and page.start_button.isEnabled() and not stopped
    worker_thread = [t for t in threading.enumerate() if t.name == "qcs-capture-camera"]
    assert worker_thread and worker_thread[0].is_alive()
    release.set()
    qtbot.waitUntil(lambda: bool(stopped), timeout=10_000)  # the "stopped" signal follows the thread's end


def test_trigger_and_end_of_source_leave_consistent_buttons(qtbot, env):
    make_page, station, _db, _settings, tmp = env
    page = make_page()
    folder = write_parts(tmp / "line", 2, 0)
    page.folder_edit.setText(str(folder))
    page.trigger()
    qtbot.waitUntil(lambda: page.counters.counts()[0] == 1, timeout=20_000)
    assert not page.start_button.isEnabled() and page.stop_button.isEnabled() and page.trigger_button.isEnabled()
    page.stop()
    assert page.start_button.isEnabled() and not page.stop_button.isEnabled()
    assert page.play_folder(folder, interval_ms=0, loop=False)
    qtbot.waitUntil(lambda: not page.is_running(), timeout=20_000)
    assert page.start_button.isEnabled() and not page.stop_button.isEnabled()
    page._update_perf()
    depth, cap = station.queue_depth, station.queue_capacity
    assert f"queue {depth}/{cap}" in page.perf_label.text()


def test_counters_survive_a_restart_and_reset_asks_first(qtbot, env, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    make_page, _station, _db, _settings, tmp = env
    page = make_page()
    assert page.play_folder(write_parts(tmp / "line", 3, 2), interval_ms=0, loop=False)
    qtbot.waitUntil(lambda: page.counters.counts()[0] == 5 and not page.is_running(), timeout=20_000)
    assert page.counters.counts() == (5, 3, 2)
    page.shutdown()

    again = make_page()  # the PC restarted: same shift, same history
    qtbot.waitUntil(lambda: again.shift_tracker.restored, timeout=20_000)
    assert again.counters.counts() == (5, 3, 2)
    assert again.folder_edit.text() == str(tmp / "line") and again.interval_spin.value() == 0  # remembered
    assert not again.loop_check.isChecked()

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    again.counters.reset_button.click()
    assert again.counters.counts() == (5, 3, 2)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Reset)
    again.counters.reset_button.click()
    assert again.counters.counts() == (0, 0, 0)
    again.shutdown()

    third = make_page()  # the reset survives a restart too
    qtbot.waitUntil(lambda: third.shift_tracker.restored, timeout=20_000)
    assert third.counters.counts() == (0, 0, 0)


def test_ng_strip_keeps_one_thumbnail_size_across_operator_mode(qtbot, env):
    make_page, _station, _db, _settings, tmp = env
    page = make_page()
    assert page.play_folder(write_parts(tmp / "line", 0, 2, size=(180, 240)), interval_ms=0, loop=False)
    qtbot.waitUntil(lambda: page.ng_strip.count() == 2 and not page.is_drawing(), timeout=20_000)
    assert page.ng_strip.icon_sizes() == {88}
    page.set_operator_mode(True)
    assert page.ng_strip.icon_sizes() == {112}
    assert page.play_folder(tmp / "line", interval_ms=0, loop=False)
    qtbot.waitUntil(lambda: page.ng_strip.count() == 4 and not page.is_drawing(), timeout=20_000)
    assert page.ng_strip.icon_sizes() == {112}
    page.set_operator_mode(False)
    assert page.ng_strip.icon_sizes() == {88}


def test_operator_mode_tile_takes_a_quarter_of_a_1080p_screen(qtbot, env):
    """Measured on the rendered window: the pixels of the tile's colour."""
    from ui.main_window import MainWindow

    make_page, _station, _db, settings, tmp = env
    win = MainWindow(make_page.bridge, settings)
    qtbot.addWidget(win)
    win.resize(1920, 1080)
    win.show()
    live = win.pages["live"]
    try:
        win.nav.hide()
        live.set_operator_mode(True)
        assert not live.source_bar.isVisible()
        assert live.counters.isVisible() and live.ng_strip.isVisible()
        assert live.play_folder(write_parts(tmp / "line", 2, 0), interval_ms=0, loop=True)
        qtbot.waitUntil(lambda: live.banner.verdict() == "OK", timeout=20_000)
        live.stop()
        live.banner.set_verdict("OK")  # hold the look for the measurement
        qtbot.waitUntil(lambda: live.banner.width() >= 960 and live.banner.height() >= 540, timeout=5000)
        shot = win.grab().toImage()
        arr = np.frombuffer(shot.constBits(), np.uint8).reshape(shot.height(), shot.bytesPerLine() // 4, 4)
        green = (arr[..., 2] == 0x1e) & (arr[..., 1] == 0x8e) & (arr[..., 0] == 0x3e)  # BGRA #1e8e3e
        cols = np.flatnonzero(green.sum(axis=0) > 300)  # the tile's columns (the score bar is 26 px tall)
        rows = np.flatnonzero(green[:, cols].sum(axis=1) > 300) if len(cols) else cols
        tile_px = (rows[-1] - rows[0] + 1) * (cols[-1] - cols[0] + 1)  # the tile's box on the screenshot
        assert tile_px >= 1920 * 1080 / 4, f"tile {cols[-1] - cols[0] + 1}×{rows[-1] - rows[0] + 1} px"
        assert green.sum() >= 0.7 * tile_px  # a solid tile (the verdict's letters take the rest)
        assert live.banner.width() * live.banner.height() >= 1920 * 1080 / 4
        assert live.banner.geometry().bottom() < live.score_bar.geometry().top()  # nothing drawn over it
        assert live.ng_strip.geometry().top() >= live.splitter.geometry().bottom()
        assert live.panel.product_label.text() == "fake-a" and live.panel.threshold_label.text() == "100"
        assert live.panel.side.x() > live.banner.x() + live.banner.width() - 5  # beside it
        live.set_operator_mode(False)
        assert live.source_bar.isVisible() and live.banner.height() >= 160
    finally:
        win.shutdown_pages()


def test_shortcuts_work_after_leaving_a_field_and_help_lists_only_real_ones(qtbot, env):
    from PySide6.QtGui import QKeySequence, QShortcut

    from ui.main_window import MainWindow

    make_page, _station, _db, settings, tmp = env
    win = MainWindow(make_page.bridge, settings)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=5000)
    live = win.pages["live"]
    try:
        live.folder_edit.setFocus()
        live.folder_edit.clear()
        qtbot.keyClicks(live.folder_edit, str(write_parts(tmp / "line", 2, 0)))
        qtbot.keyClick(live.folder_edit, Qt.Key.Key_Space)  # typing a space stays typing
        assert not live.is_running()
        qtbot.keyClick(live.folder_edit, Qt.Key.Key_Backspace)
        qtbot.keyClick(live.folder_edit, Qt.Key.Key_Return)  # Return leaves the field ...
        assert not live.folder_edit.hasFocus()
        qtbot.keyClick(win.focusWidget() or win, Qt.Key.Key_T)  # ... so T triggers
        qtbot.waitUntil(lambda: live.counters.counts()[0] == 1, timeout=20_000)
        live.stop()

        keys = set()
        for obj in win.findChildren(QShortcut):
            keys.add(obj.key().toString())
        for act in win.actions():
            keys.update(k.toString() for k in act.shortcuts())
        for page in win.pages.values():
            keys.update(sc.key().toString() for sc in page.findChildren(QShortcut))
        for key, _text in win.shortcut_help():
            if any(word in key for word in ("Wheel", "…", "↑")) or ":" in key:
                continue  # mouse gestures, ranges and list navigation are not QShortcuts
            for part in key.split(" / "):
                assert QKeySequence(part).toString() in keys | {"Return", "Enter"}, part
        assert ("Ctrl+Q", win.tr("Quit")) in win.shortcut_help()
        assert not any(k.startswith("Ctrl+1 … Ctrl+9") for k, _ in win.shortcut_help())  # only 6 pages
        closed = []
        win.closeEvent = lambda event: (closed.append(True), event.accept())
        qtbot.keyClick(win, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: bool(closed), timeout=5000)  # Ctrl+Q quits
    finally:
        win.shutdown_pages()
