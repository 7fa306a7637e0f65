"""The Live view never shows pieces of two parts: frame, heatmap, boxes, name, score and verdict on
screen always belong to the same result, while parts stream in faster than they are prepared off
the GUI thread (at the view's size, the full-resolution frame for zooming in).

Each part of the line carries its identity in everything drawn: its grey level (frame), the column
of its hot stripe (heatmap), its box's x (boxes), its file name and score (texts), and its verdict
(bright parts are NG). A checker reads what is on screen on every turn of the event loop.
"""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PySide6.QtCore import QTimer

from inference.types import InspectionResult, Region
from tests.station.fakes import GatedModel
from tests.ui.gui_station import bridged_station, close_gui_station, shown
from ui.live_page import LivePage
from ui.live_shown import premultiplied_heat
from widgets.image_view import ImageView

pytestmark = pytest.mark.timeout(180)

H, W = 1200, 1600  # larger than the view: the painted copy is made smaller, detail kept
N = 8
THRESHOLD = 100.0


def grey(k: int) -> int:
    return 30 + 18 * k


def stripe_x(k: int) -> int:
    return 100 + 160 * k


class StripeModel(GatedModel):
    """Score = mean brightness; a hot stripe and one box at a column that encodes the part."""

    def predict(self, images, params=None):
        params = params or self.params
        out = []
        for img in images:
            score = float(np.mean(img))
            k = round((score - 30) / 18)
            amap = np.zeros(img.shape[:2], np.float32)
            x = stripe_x(k)
            amap[:, x:x + 80] = 10 * params.threshold
            region = Region(x=x, y=200, width=80, height=800, area=64_000, score=10 * params.threshold,
                            normalized_score=10.0)
            out.append(InspectionResult(
                verdict="NG" if score > params.threshold else "OK", score=score,
                normalized_score=score / params.threshold, confidence=1.0, threshold=params.threshold,
                anomaly_map=amap, regions=(region,), image_shape=img.shape[:2], model_id=self.info.id,
                timings={"total": 1.0}))
        return out

    def with_params(self, params):
        clone = StripeModel(self.info.id, params.threshold, self.gate)
        clone.params = params
        return clone


@pytest.fixture
def page(qtbot, tmp_path):
    _station, db, settings, bridge = bridged_station(tmp_path, StripeModel("stripes", threshold=THRESHOLD))
    live = shown(qtbot, LivePage(bridge, settings), (1366, 768))
    yield live
    close_gui_station(bridge, db, live, pool_ms=30_000)


def on_screen(live: LivePage) -> dict[str, int] | None:
    """Which part each visible piece belongs to (None while nothing is drawn)."""
    view = live.view
    if not view.has_image():
        return None
    frame = view._image_item.pixmap().toImage()
    seen = {"frame": round((frame.pixelColor(2, 2).red() - 30) / 18)}
    heat = view._heat_item.pixmap().toImage()
    row = heat.height() // 2
    hot = [x for x in range(heat.width()) if heat.pixelColor(x, row).alpha() > 128]
    seen["heat"] = round((hot[0] * W / heat.width() - 100) / 160) if hot else -1
    seen["box"] = round((view.boxes[0][0] - 100) / 160) if view.boxes else -1
    shown = live.shown
    seen["record"] = int(shown.record.name.split("_")[1].split(".")[0])
    name = next((f"part_{k}.png" for k in range(N) if f"part_{k}.png" in live.part_label.text()), "")
    seen["name"] = int(name[5:-4]) if name else -1
    seen["score"] = next((k for k in range(N) if f"score {grey(k):.4g} /" in live.score_bar.text()), -1)
    verdict = live.banner.verdict()
    if verdict is not None:
        seen["verdict"] = seen["record"] if verdict == ("NG" if grey(seen["record"]) > THRESHOLD else "OK") else -1
    return seen


def test_frame_heatmap_boxes_and_verdict_always_belong_to_one_part(qtbot, page, tmp_path):
    folder = tmp_path / "line"
    folder.mkdir()
    for k in range(N):
        cv2.imwrite(str(folder / f"part_{k}.png"), np.full((H, W, 3), grey(k), np.uint8))
    checks: list[dict[str, int]] = []
    mixed: list[dict[str, int]] = []
    detail_seen: list[int] = []

    def check() -> None:
        seen = on_screen(page)
        if seen is None:
            return
        checks.append(seen)
        if len(set(seen.values())) != 1:
            mixed.append(seen)
        if page.view.showing_detail():
            detail_seen.append(seen["frame"])

    timer = QTimer()
    timer.setInterval(3)
    timer.timeout.connect(check)
    timer.start()
    try:
        assert page.play_folder(folder, interval_ms=0, loop=True)
        qtbot.waitUntil(lambda: page.counters.counts()[0] >= 3 * N // 2 and len(checks) > 20, timeout=60_000)
        page.view.zoom_by(4.0)  # past the view-size copy: the full-resolution frame of the same part
        assert page.view.showing_detail()
        qtbot.waitUntil(lambda: page.counters.counts()[0] >= 3 * N, timeout=60_000)
        page.stop()
        qtbot.waitUntil(lambda: not page.is_running() and not page.is_drawing(), timeout=30_000)
        check()
    finally:
        timer.stop()
    assert not mixed, f"pieces of different parts on screen at once: {mixed[:5]}"
    assert len({c["frame"] for c in checks}) >= 3, "the check must have seen several parts"
    assert detail_seen, "zoomed in, the full-resolution frame is painted"
    assert any("verdict" in c for c in checks), "verdicts were on the tile while checking"
    # what is painted is the view's size, not the 2 MP frame
    view = page.view
    view.fit()
    assert not view.showing_detail()
    painted = view._image_item.pixmap()
    assert painted.width() <= view.viewport().width() * view.devicePixelRatioF() + 1
    assert painted.width() < W


def test_image_view_swaps_detail_with_the_part(qtbot):
    view = ImageView()
    qtbot.addWidget(view)
    view.resize(400, 300)  # the size the copies below are made for
    view.show()

    def part(level: int):
        small = np.full((300, 400, 4), level, np.uint8)
        big = np.full((900, 1200, 4), level, np.uint8)
        from PySide6.QtGui import QImage

        q = lambda a: QImage(a.data, a.shape[1], a.shape[0], a.strides[0], QImage.Format.Format_RGB32).copy()  # noqa: E731
        heat, _buf = premultiplied_heat(np.ones((300, 400), np.float32) * 5, 1.0)
        return q(small), heat.copy(), q(big)

    disp, heat, detail = part(50)
    view.set_part(disp, (1200, 900), heat, [{"x": 600, "y": 300, "width": 50, "height": 40, "score": 2.0}], 1.0,
                  detail)
    assert view.scene().sceneRect().width() == 1200 and not view.showing_detail()
    assert view._heat_item.sceneBoundingRect().width() == pytest.approx(1200)  # stretched over the frame
    view.zoom_by(4.0)
    assert view.showing_detail()
    disp2, heat2, _ = part(200)
    view.set_part(disp2, (1200, 900), heat2, [], 1.0, None)  # a new part without detail: never the old one
    assert not view.showing_detail()
    assert view._image_item.pixmap().toImage().pixelColor(1, 1).red() == 200
    assert view.boxes == []


def test_opencv_heatmap_follows_the_heatmap_rule():
    """The Live view's colouring (OpenCV, off the GIL) is ``heatmap_rgba``, premultiplied."""
    from inference.visualize import heatmap_rgba

    rng = np.random.default_rng(3)
    for threshold in (1.0, 2.5, 0.0):
        amap = (rng.random((120, 160), dtype=np.float32) * 3 - 0.2).astype(np.float32)
        rgba = heatmap_rgba(amap, threshold)
        alpha = rgba[..., 3:4].astype(np.float32)
        want = np.dstack([np.round(rgba[..., :3] * alpha / 255), alpha]).astype(int)
        _img, got = premultiplied_heat(amap, threshold)
        diff = np.abs(got.astype(int) - want)
        assert diff[..., 3].max() <= 1
        assert (diff[..., :3] > 1).mean() < 1e-3  # a rounding tie at most, now and then


def test_full_resolution_frame_is_converted_only_when_a_zoom_needs_it(qtbot):
    """Fitted, a large part's full-resolution frame is left unconverted (no per-part cost); the first
    zoom converts it, and while zoomed the next parts come converted from the worker."""
    from types import SimpleNamespace

    from ui.live_shown import LazyDetail, Shown

    view = ImageView()
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    frame = np.zeros((900, 1200, 3), np.uint8)
    frame[:, 600:] = 200  # right half bright: the detail must be this frame, not a blank
    result = SimpleNamespace(anomaly_map=None, regions=(), image_shape=frame.shape[:2], threshold=1.0, score=0.5)
    insp = SimpleNamespace(result=result, image=frame, record=SimpleNamespace(score=0.5))

    assert not view.wants_detail()
    lazy = Shown.from_inspection(insp, fit=view.display_box(), eager_detail=view.wants_detail())
    assert isinstance(lazy.detail, LazyDetail) and not lazy.detail.converted
    assert lazy.qimage is not None and lazy.qimage.width() < 1200
    view.set_part(lazy.qimage, lazy.size, None, (), 1.0, lazy.detail)
    assert not lazy.detail.converted and not view.showing_detail()

    view.zoom_by(4.0)
    assert lazy.detail.converted and view.showing_detail()
    painted = view._image_item.pixmap().toImage()
    assert (painted.width(), painted.height()) == (1200, 900)
    assert painted.pixelColor(900, 450).red() == 200 and painted.pixelColor(100, 450).red() == 0

    assert view.wants_detail()
    eager = Shown.from_inspection(insp, fit=view.display_box(), eager_detail=view.wants_detail())
    from PySide6.QtGui import QImage

    assert isinstance(eager.detail, QImage) and eager.detail.width() == 1200
    view.fit()
    assert not view.wants_detail()
