"""Operator mode at 1920×1080: the drift banner, a two-line tile and the page's messages all take
height, and still nothing in the verdict column is drawn over anything else (the score bar used to
cover the tile's second line when the column's minimum height did not fit)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from tests.station.fakes import GatedModel
from tests.ui.gui_station import bridged_station, close_gui_station, shown

pytestmark = pytest.mark.timeout(120)

DRIFT = ("OK parts now score 35 % higher than at calibration (last 200 parts). Check the lighting, the lens "
         "and the parts; recalibrate if the change is real. ")


@pytest.fixture
def window(qtbot, tmp_path):
    from ui.main_window import MainWindow

    _station, db, settings, bridge = bridged_station(tmp_path, GatedModel("fake-a", threshold=100.0))
    win = shown(qtbot, MainWindow(bridge, settings), (1920, 1080))
    yield win
    win.shutdown_pages()
    close_gui_station(bridge, db, pool_ms=30_000)


def column(live):
    """The verdict column's widgets top to bottom, as laid out (visible ones)."""
    panel = live.panel
    return [w for w in (panel.banner, panel.score_bar, panel.detail_label, panel.shift_label, panel.counters,
                        panel.perf_label, panel.message_label) if w.isVisible()]


@pytest.mark.parametrize("drift_repeats", [1, 4, 10])
def test_operator_mode_column_never_overlaps_with_the_drift_banner(qtbot, window, drift_repeats):
    live = window.pages["live"]
    window.nav.hide()
    live.set_operator_mode(True)
    live.state_timer.stop()  # hold the two-line tile below for the measurement
    live.banner.set_state("SOURCE_LOST", "SOURCE LOST", "Source: camera lost\nReconnecting in 5 s")
    live.drift_banner.show_drift("Scores drifting", DRIFT * drift_repeats)
    live.detail_label.setText("Defects: 2 · processing 48 ms")
    live._message("Source stopped: camera lost")
    qtbot.waitUntil(lambda: live.drift_banner.isVisible() and live.drift_banner.height() > 20
                    and live.banner.width() >= 990, timeout=5000)
    for _ in range(5):  # the relayouts the texts above asked for, run now (nested layouts ask again)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    widgets = column(live)
    for upper, lower in zip(widgets, widgets[1:], strict=False):
        assert upper.geometry().bottom() < lower.geometry().top(), \
            f"{type(upper).__name__} {upper.geometry()} runs into {type(lower).__name__} {lower.geometry()}"
    panel = live.panel
    assert widgets[-1].geometry().bottom() <= panel.height(), "the column runs out of its pane"
    assert live.splitter.geometry().bottom() < live.ng_strip.geometry().top()
    assert live.drift_banner.geometry().bottom() < live.views.geometry().top()
    assert live.banner.height() >= 320 and live.banner.width() >= 990  # still a tile readable across the cell
