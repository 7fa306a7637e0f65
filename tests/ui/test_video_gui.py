"""Video analysis dialog, Find similar and the part-id filter, driven as a person would (offscreen)."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from station.settings import Settings
from tests.ui.gui_station import bridged_station, close_gui_station, shown
from tests.video.conftest import pick_clear_parts, sequence
from tests.video.media import write_video
from ui.workers import wait_for_pool

pytestmark = pytest.mark.timeout(300)


@pytest.fixture(scope="session")
def clear_parts(trained_model, bottle_images, bottle_dir):
    return pick_clear_parts(trained_model, bottle_images, bottle_dir)


@pytest.fixture
def gui_station(tmp_path, trained_model):
    station, db, settings, bridge = bridged_station(tmp_path, trained_model,
                                                    Settings().override(**{"storage.save_images": "all"}))
    yield station, bridge, db, settings
    wait_for_pool(30_000)
    station.jobs.cancel_all()
    close_gui_station(bridge, db)


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]) or QMessageBox.StandardButton.Ok)
    return shown


def test_live_video_source_opens_the_analysis_and_shows_the_result(qtbot, tmp_path, gui_station, clear_parts,
                                                                   warnings):
    from ui.live_page import LivePage

    station, bridge, db, settings = gui_station
    clip = write_video(tmp_path / "shift.avi", sequence(clear_parts, {1, 2, 7}, 9), fps=5)
    page = LivePage(bridge, settings)
    qtbot.addWidget(page)
    page.show()
    page.video_edit.setText(str(clip))
    assert page.video_analyse_button.text() == "Analyse file…"
    qtbot.mouseClick(page.video_analyse_button, Qt.MouseButton.LeftButton)
    dialog = page.video_analyse_button.dialog
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and dialog.path_edit.text() == str(clip)
    dialog.interval_spin.setValue(1000)
    dialog.bucket_spin.setValue(0.1)  # 6-second buckets
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert not dialog.start_button.isEnabled() and dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=120_000)
    assert warnings == []
    assert list(dialog.bars.opts["height"]) == [2, 1]
    assert dialog.ng_list.count() == 3
    assert "9 frames judged, 3 NG; 9 recorded" in dialog.status.text()
    assert "score" in dialog.ng_list.item(0).text() and "defect" in dialog.ng_list.item(0).text()
    dialog.ng_list.setCurrentRow(1)
    assert dialog.frame_view.image() is not None, "the NG frame from the processed video is shown"
    assert dialog.open_button.isEnabled()
    out = dialog.export_csv(str(tmp_path / "shift.csv"))
    with open(out, encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 9 and [r["verdict"] for r in rows].count("NG") == 3
    assert db.search(source="video").total == 9
    page.shutdown()


def test_dialog_refuses_bad_files_and_cancel_says_how_many(qtbot, tmp_path, gui_station, clear_parts, warnings):
    from ui.video_analysis_dialog import VideoAnalysisDialog

    station, bridge, db, settings = gui_station
    text = tmp_path / "notes.mp4"
    text.write_text("no video")
    dialog = VideoAnalysisDialog(bridge, str(text))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.start()
    qtbot.waitUntil(lambda: bool(warnings), timeout=30_000)
    assert "cannot be analysed" in warnings[-1] and "not a video" in warnings[-1]
    assert dialog.start_button.isEnabled()
    dialog.path_edit.setText(str(tmp_path / "missing.avi"))
    assert not dialog.start() and "existing video" in warnings[-1]
    short = write_video(tmp_path / "short.avi", [clear_parts["ok"][0]] * 2, fps=5)
    dialog.path_edit.setText(str(short))
    dialog.interval_spin.setValue(60_000)
    assert dialog.start()
    qtbot.waitUntil(lambda: "longer than the video" in (warnings[-1] if warnings else ""), timeout=30_000)

    long = write_video(tmp_path / "long.avi", sequence(clear_parts, {4}, 50), fps=2)
    dialog.path_edit.setText(str(long))
    dialog.interval_spin.setValue(1000)
    assert dialog.start()
    qtbot.waitUntil(lambda: dialog.progress.value() >= 3, timeout=120_000)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running and "Cancelled" in dialog.status.text(), timeout=60_000)
    recorded = db.search(source="video").total
    assert 3 <= recorded < 50
    assert dialog.status.text() == f"Cancelled: {recorded} frames were judged and recorded."
    assert dialog.result.recorded == recorded


def test_find_similar_from_history_and_the_part_filter(qtbot, gui_station, clear_parts):
    from ui.history_page import HistoryFilter, HistoryPage

    station, bridge, db, settings = gui_station
    imgs = clear_parts["ok"][:3] + clear_parts["ng"][:3]
    ids = [station.inspect_sync(im, source="folder", name=f"p{i}.png", part_id=f"SN-{i}").record.id
           for i, im in enumerate(imgs)]
    page = shown(qtbot, HistoryPage(bridge, settings), (1400, 800))
    page.page_shown()
    qtbot.waitUntil(lambda: page.model.total == 6, timeout=10_000)
    page.set_filter(HistoryFilter(part_id="SN-4"))
    qtbot.waitUntil(lambda: page.model.total == 1, timeout=10_000)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.detail.record is not None and page.detail.record.id == ids[4], timeout=10_000)
    assert page.detail.find_similar.isEnabled()
    qtbot.mouseClick(page.detail.find_similar, Qt.MouseButton.LeftButton)
    dialog = page.similar_dialog
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.grid.count() == 5, timeout=30_000)
    assert ids[4] not in dialog.grid.record_ids()
    sims = [h.similarity for h in dialog.hits]
    assert sims == sorted(sims, reverse=True)
    first = dialog.grid.item(0)
    assert not first.icon().isNull()
    dialog.grid.recordActivated.emit(dialog.grid.record_ids()[0])
    assert dialog.detail.record.id == dialog.grid.record_ids()[0]
    dialog.verdict_combo.setCurrentIndex(dialog.verdict_combo.findData("OK"))
    qtbot.waitUntil(lambda: dialog.grid.count() == 3, timeout=30_000)
    assert {h.record.final_label for h in dialog.hits} == {"OK"}
    page.shutdown()


def test_held_ng_part_on_live_offers_find_similar(qtbot, gui_station, clear_parts):
    from ui.live_page import LivePage

    station, bridge, db, settings = gui_station
    page = LivePage(bridge, settings)
    qtbot.addWidget(page)
    page.show()
    button = next(b for b in page.findChildren(type(page.back_button)) if b.text() == "Find similar")
    assert not button.isVisible()
    for im in clear_parts["ok"][:2] + clear_parts["ng"][:2]:
        bridge.inspect(im, source="camera", name="cam")
    qtbot.waitUntil(lambda: len(page._ng_parts) == 2, timeout=60_000)
    key = next(iter(page._ng_parts))
    page.show_ng_part(key)
    assert button.isVisible()
    dialog = button.open_dialog()
    qtbot.addWidget(dialog)
    assert dialog.record_id == page._ng_parts[key].record.id
    qtbot.waitUntil(lambda: dialog.grid.count() == 3, timeout=30_000)
    page.back_to_live()
    assert not button.isVisible()
    page.shutdown()
