"""Live page on real bottle images with the session model: a folder source drives verdicts, counters
and the NG strip; HTTP arrivals show; a busy station drops frames; the first-run screen leads to a
model (open a file, try the sample)."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt

from station.errors import StationBusy
from tests.ui.gui_station import bridged_station, close_gui_station, shown
from ui.live_page import LivePage

pytestmark = pytest.mark.timeout(300)


def _make_page(qtbot, tmp_path, model=None):
    station, db, settings, bridge = bridged_station(tmp_path, model)
    return shown(qtbot, LivePage(bridge, settings), (1366, 768)), station, bridge, db


@pytest.fixture
def live(qtbot, tmp_path, trained_model):
    page, station, bridge, db = _make_page(qtbot, tmp_path, trained_model)
    yield page, station
    close_gui_station(bridge, db, page, pool_ms=30_000)


@pytest.fixture
def line_folder(tmp_path, bottle_images) -> Path:
    """A small "line": 3 good and 3 broken bottles in subfolders, as on the MVTec layout."""
    root = tmp_path / "line"
    for sub, paths in (("good", bottle_images["ok"][:3]), ("broken", bottle_images["ng"][:3])):
        (root / sub).mkdir(parents=True)
        for p in paths:
            shutil.copy(p, root / sub / p.name)
    return root


def test_folder_source_drives_verdict_counters_and_ng_strip(qtbot, live, line_folder, monkeypatch):
    page, station = live
    assert page.views.currentWidget() is page.live_view
    assert page.banner.verdict() is None
    assert page.play_folder(line_folder, interval_ms=0, loop=False)
    assert page.is_running() and not page.start_button.isEnabled() and page.stop_button.isEnabled()

    qtbot.waitUntil(lambda: page.banner.verdict() in ("OK", "NG"), timeout=120_000)  # live verdicts
    qtbot.waitUntil(lambda: page.counters.counts()[0] == 6 and not page.is_running()
                    and not page.is_drawing(), timeout=120_000)
    total, ok, ng = page.counters.counts()
    assert ok + ng == 6
    assert ng >= 2, "the broken bottles should be judged NG"
    # the source ended: the tile says STOPPED, never the last verdict as if it were live
    qtbot.waitUntil(lambda: page.banner.state() == "STOPPED", timeout=5000)
    assert page.banner.verdict() is None
    assert page.shown is not None and page.view.has_image()
    assert "threshold" in page.score_bar.text()
    assert page.ng_strip.count() == ng
    assert page.counters.values["yield"].text() == f"{100 * ok / 6:.1f} %"
    assert "The source has ended" in page.message_label.text()
    assert page.start_button.isEnabled()

    # click the oldest NG thumbnail: the main view holds that part until "Back to live"
    strip = page.ng_strip
    item = strip.item(strip.count() - 1)
    key = item.data(Qt.ItemDataRole.UserRole)
    rect = strip.visualItemRect(item)
    qtbot.mouseClick(strip.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    held = page._ng_parts[key]
    assert page.shown is held and page.banner.verdict() == "NG" and page.banner.state() == "REVIEWING"
    assert page.back_button.isVisible()
    assert held.record.name in page.part_label.text()
    assert page.view.boxes, "an NG part shows its defect boxes"
    page.back_to_live()
    assert not page.back_button.isVisible()
    assert page.shown is not held and page.shown.record.id == page._last_live.record.id
    assert page.banner.state() == "STOPPED" and not strip.selectedItems()  # no stale highlight

    from PySide6.QtWidgets import QMessageBox

    asked = []

    def answer(choice):
        def question(*args, **_kw):
            asked.append(args[2])
            return choice
        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Cancel))
    page.counters.reset_button.click()
    assert asked and "6" in asked[0] and page.counters.counts()[0] == 6  # asked first; Cancel keeps them
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Reset))
    page.counters.reset_button.click()
    assert page.counters.counts() == (0, 0, 0)
    assert page.counters.values["yield"].text() == "—"


def test_stop_ends_a_looping_source(qtbot, live, line_folder):
    page, _ = live
    assert page.play_folder(line_folder, interval_ms=200, shuffle=True, loop=True)
    qtbot.waitUntil(lambda: page.counters.counts()[0] >= 2, timeout=60_000)
    page.stop()
    assert not page.is_running()
    assert page.start_button.isEnabled() and not page.stop_button.isEnabled()
    seen = page.counters.counts()[0]
    qtbot.wait(800)
    assert page.counters.counts()[0] <= seen + 1  # at most the frame already in flight


def test_single_shot_trigger_inspects_one_frame(qtbot, live, line_folder):
    page, _ = live
    page.source_combo.setCurrentIndex(0)
    page.folder_edit.setText(str(line_folder))
    page.trigger()
    qtbot.waitUntil(lambda: page.counters.counts()[0] == 1, timeout=60_000)
    qtbot.wait(500)
    assert page.counters.counts()[0] == 1
    page.trigger()
    qtbot.waitUntil(lambda: page.counters.counts()[0] == 2, timeout=60_000)
    page.stop()


def test_http_arrivals_show_and_batch_runs_do_not(qtbot, live, bottle_images):
    from inference.imageio import read_image

    page, station = live
    image = read_image(bottle_images["ng"][0])
    station.inspect(image, source="batch", name="batch.png").result(timeout=60)
    station.inspect(image, source="http", name="plc.png").result(timeout=60)
    qtbot.waitUntil(lambda: page.counters.counts()[0] == 1, timeout=30_000)
    qtbot.wait(200)
    assert page.counters.counts()[0] == 1
    assert page.shown.record.source == "http" and page.shown.record.name == "plc.png"


def test_bad_folder_and_missing_video_are_explained(live, tmp_path):
    page, _ = live
    page.folder_edit.setText(str(tmp_path / "nowhere"))
    assert not page.start()
    assert "does not exist" in page.message_label.text()
    page.folder_edit.setText("")
    assert not page.start()
    assert "Choose a folder" in page.message_label.text()
    page.source_combo.setCurrentIndex(1)
    page.video_edit.setText(str(tmp_path / "clip.avi"))
    assert not page.start()
    assert "does not exist" in page.message_label.text()


def test_empty_folder_stops_with_reason(qtbot, live, tmp_path):
    page, _ = live
    (tmp_path / "empty").mkdir()
    page.folder_edit.setText(str(tmp_path / "empty"))
    assert page.start()
    qtbot.waitUntil(lambda: "no images" in page.message_label.text(), timeout=10_000)
    qtbot.waitUntil(lambda: not page.is_running(), timeout=10_000)


def test_busy_station_counts_a_dropped_frame(live, monkeypatch):
    page, _ = live

    def busy(*_a, **_k):
        raise StationBusy("queue full")

    monkeypatch.setattr(page.bridge, "inspect", busy)
    frame = type("F", (), {"image": np.zeros((32, 32, 3), np.uint8), "source": "camera", "name": "c",
                           "part_id": None})()
    assert page.capture._process(frame) is None  # CaptureWorker counts a None as dropped


def _box_labels(view):
    from PySide6.QtWidgets import QGraphicsSimpleTextItem

    return [i.text() for i in view._box_items if isinstance(i, QGraphicsSimpleTextItem)]


def test_image_view_zoom_heatmap_and_boxes(live):
    page, _ = live
    view = page.view
    img = np.full((200, 300, 3), 128, np.uint8)
    amap = np.zeros((200, 300), np.float32)
    amap[50:80, 100:140] = 10.0
    view.set_image(img)
    view.set_heatmap(amap, threshold=5.0)
    view.set_regions([{"x": 100, "y": 50, "width": 40, "height": 30, "score": 10.0, "normalized_score": 2.0}])
    assert view.boxes == [(100.0, 50.0, 40.0, 30.0, 10.0, 2.0)]
    assert _box_labels(view) == ["2.00"]  # no threshold given: the stored score / pixel threshold
    view.set_regions([{"x": 100, "y": 50, "width": 40, "height": 30, "score": 10.0, "normalized_score": 2.0}],
                     threshold=8.0)
    assert _box_labels(view) == ["1.25"]  # the score bar's scale: score / image threshold
    fitted = view.zoom_factor()
    view.zoom_by(2.0)
    assert view.zoom_factor() == pytest.approx(fitted * 2.0)
    view.fit()
    assert view.zoom_factor() == pytest.approx(fitted)
    page.opacity_slider.setValue(80)
    assert view.heatmap_opacity() == pytest.approx(0.8)
    page.toggle_heatmap()
    assert not view.heatmap_visible()
    page.toggle_heatmap()
    assert view.heatmap_visible()


def test_operator_mode_and_shortcut_help(live):
    page, _ = live
    page.set_operator_mode(True)
    assert page.banner.height() > 150
    keys = [k for k, _ in page.shortcut_help()]
    assert {"T", "H", "Esc"} <= set(keys)
    page.set_operator_mode(False)


def test_first_run_bad_model_file_is_explained(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    page, station, bridge, db = _make_page(qtbot, tmp_path)
    try:
        bad = tmp_path / "bad.qcs"
        bad.write_bytes(b"not a zip")
        page.first_run.load_model(bad)
        qtbot.waitUntil(lambda: bool(warned), timeout=30_000)
        assert "bad.qcs" in warned[0]
        assert page.views.currentWidget() is page.first_run
        assert page.settings.inference.model_path == ""
    finally:
        close_gui_station(bridge, db, page)


def test_first_run_open_model_file(qtbot, tmp_path, trained_model_path):
    page, station, bridge, db = _make_page(qtbot, tmp_path)
    try:
        assert page.views.currentWidget() is page.first_run
        assert not page.start()
        page.first_run.load_model(trained_model_path)
        qtbot.waitUntil(lambda: page.views.currentWidget() is page.live_view, timeout=60_000)
        assert page.start_button.isEnabled()
        # remembered for the next start (settings file in the user's config dir)
        from station.settings import load_settings

        assert page.bridge.settings.inference.model_path == str(trained_model_path)
        assert load_settings().inference.model_path == str(trained_model_path)
    finally:
        close_gui_station(bridge, db, page)


def test_first_run_try_the_sample_plays_its_test_images(qtbot, tmp_path, trained_model_path, line_folder,
                                                        monkeypatch):
    """The sample's training is station.samples' job (tested there); here: progress, load, play."""
    import station.samples as samples

    calls = []

    def fake_ensure(root, *, device="auto", progress=None, cancel=None):
        root = Path(root)
        calls.append(root)
        progress("training", 0.5)
        shutil.copytree(line_folder, root / "test")
        return Path(shutil.copy(trained_model_path, root / samples.SAMPLE_MODEL_NAME))

    monkeypatch.setattr(samples, "ensure_sample_model", fake_ensure)
    page, station, bridge, db = _make_page(qtbot, tmp_path)
    try:
        page.first_run.sample_button.click()
        qtbot.waitUntil(lambda: page.is_running() or page.counters.counts()[0] > 0, timeout=60_000)
        assert calls == [page.settings.data_dir / "samples"]
        assert page.views.currentWidget() is page.live_view
        assert page.folder_edit.text() == str(page.settings.data_dir / "samples" / "test")
        qtbot.waitUntil(lambda: page.counters.counts()[0] >= 2, timeout=60_000)
    finally:
        close_gui_station(bridge, db, page, pool_ms=30_000)


def test_ng_strip_keeps_the_newest(qtbot):
    from PySide6.QtGui import QImage

    from widgets.ng_strip import NgStrip

    strip = NgStrip(capacity=3, thumb=32)
    qtbot.addWidget(strip)
    img = QImage(32, 32, QImage.Format.Format_RGB32)
    for k in range(5):
        strip.add_part(k, img, str(k))
    assert strip.keys() == [4, 3, 2]
    with qtbot.waitSignal(strip.partClicked) as sig:
        strip.show()
        rect = strip.visualItemRect(strip.item(1))
        qtbot.mouseClick(strip.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sig.args == [3]


def test_keyboard_shortcuts_in_the_window(qtbot, tmp_path, trained_model, line_folder):
    from ui.main_window import MainWindow

    _station, db, settings, bridge = bridged_station(tmp_path, trained_model)
    win = shown(qtbot, MainWindow(bridge, settings))
    win.activateWindow()
    qtbot.waitUntil(lambda: win.isActiveWindow(), timeout=5000)
    live = win.pages["live"]
    try:
        live.folder_edit.setText(str(line_folder))
        live.interval_spin.setValue(300)
        live.start_button.setFocus()
        qtbot.keyClick(live.start_button, Qt.Key.Key_Space)
        qtbot.waitUntil(live.is_running, timeout=5000)
        qtbot.keyClick(live.view, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: not live.is_running(), timeout=10_000)
        qtbot.keyClick(live.view, Qt.Key.Key_H)
        assert not live.view.heatmap_visible()
        qtbot.keyClick(live.view, Qt.Key.Key_T)
        qtbot.waitUntil(lambda: live.counters.counts()[0] == 1, timeout=60_000)
        assert live.worker is not None and live.worker.triggered
        live.stop()
        live.folder_edit.setFocus()
        qtbot.keyClick(live.folder_edit, Qt.Key.Key_T)  # typing in a field never triggers
        qtbot.keyClick(live.folder_edit, Qt.Key.Key_Space)
        qtbot.wait(300)
        assert live.folder_edit.text().endswith("t ")
        assert not live.is_running()
    finally:
        win.shutdown_pages()
        close_gui_station(bridge, db)


def test_video_file_as_fast_as_inference_allows_loses_nothing(qtbot, live, tmp_path, bottle_images):
    import cv2

    from inference.imageio import read_image

    path = tmp_path / "line.avi"
    frames = [cv2.resize(read_image(p), (320, 320)) for p in bottle_images["ok"][:2] + bottle_images["ng"][:3]]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 25.0, (320, 320))
    assert writer.isOpened()
    for f in frames:
        writer.write(f)
    writer.release()

    page, _ = live
    page.source_combo.setCurrentIndex(1)
    page.video_edit.setText(str(path))
    page.video_fast_check.setChecked(True)
    page.video_loop_check.setChecked(False)
    assert page.start()
    # The source ends when its last frame is judged; that result's queued signal may still be on its
    # way to the GUI thread, so wait for the count (a lost frame still fails here, by timeout).
    qtbot.waitUntil(lambda: not page.is_running() and page.counters.counts()[0] == len(frames),
                    timeout=120_000)
    assert page.dropped_frames() == 0
    assert page.shown.record.source == "video" and page.shown.record.name.startswith("line#")


class _FakeCapture:
    """A cv2.VideoCapture stand-in: frames from a list; the driver refuses exposure."""

    def __init__(self, frames):
        self.frames = frames
        self.i = 0

    def isOpened(self):  # noqa: N802 - cv2's name
        return True

    def read(self):
        self.i += 1
        return True, self.frames[self.i % len(self.frames)]

    def set(self, prop, value):
        import cv2

        return prop != cv2.CAP_PROP_EXPOSURE

    def release(self):
        pass


def test_camera_source_with_settings_the_driver_ignores(qtbot, live, bottle_images, monkeypatch):
    import functools

    import cv2

    import ui.source_bar as source_bar
    from camera import CameraSource
    from inference.imageio import read_image

    frames = [cv2.resize(read_image(p), (256, 256)) for p in bottle_images["ok"][:2]]
    opened = []

    def opener(index):
        opened.append(index)
        return _FakeCapture(frames)

    monkeypatch.setattr(source_bar, "CameraSource", functools.partial(CameraSource, opener=opener))
    page, _ = live
    page.source_combo.setCurrentIndex(2)
    page.camera_index.setValue(3)
    page.resolution_combo.setCurrentIndex(2)  # 1280 × 720
    page.exposure_spin.setValue(120.0)
    assert page.start()
    qtbot.waitUntil(lambda: page.counters.counts()[0] >= 2, timeout=60_000)
    source = page.worker.source
    assert opened == [3] and (source.width, source.height, source.exposure, source.gain) == (1280, 720, 120.0, None)
    page._update_perf()
    assert "ignores: exposure" in page.perf_label.text()
    assert page.dropped_frames() > 0, "a camera outpaces inference: the newest frame wins"
    # parts are prepared for display off the GUI thread: the counters can lead the picture
    qtbot.waitUntil(lambda: page.shown is not None, timeout=10_000)
    assert page.shown.record.source == "camera"
    page.stop()


def test_counters_restart_when_the_next_shift_starts(live):
    from datetime import datetime

    page, _ = live
    page._check_shift(datetime(2026, 3, 2, 13, 59))
    assert "Shift A" in page.shift_label.text()
    page.counters.add("OK")
    page.counters.add("NG")
    page._check_shift(datetime(2026, 3, 2, 13, 59, 30))
    assert page.counters.counts() == (2, 1, 1)
    page._check_shift(datetime(2026, 3, 2, 14, 0, 1))
    assert page.counters.counts() == (0, 0, 0)
    assert "Shift B" in page.shift_label.text() and "14:00" in page.shift_label.text()
    assert "Shift B started" in page.message_label.text()


def test_camera_error_reason_is_shown_in_the_ui_language(live, monkeypatch, tmp_path):
    """The camera layer's English reason reaches the message line translated (issue 13)."""
    from camera import SourceError
    from ui import i18n

    monkeypatch.setenv("QCS_CACHE_DIR", str(tmp_path / "cache"))
    page, _ = live

    def unplugged():
        raise SourceError("camera 3 is not available (not connected or in use)")

    monkeypatch.setattr(page, "build_source", unplugged)
    try:
        assert i18n.install_translator("ja") == "ja"
        assert not page.start()
        assert page.message_label.text() == "カメラ 3 を使用できません (未接続または使用中)"
        assert i18n.install_translator("ko") == "ko"
        assert not page.start()
        assert page.message_label.text() == "카메라 3을(를) 사용할 수 없습니다 (연결되지 않았거나 사용 중)"
    finally:
        i18n.install_translator("en")
    assert not page.start()
    assert page.message_label.text() == "camera 3 is not available (not connected or in use)"
