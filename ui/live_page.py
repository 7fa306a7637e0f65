"""The Live page: what the operator watches all shift.

Frames flow camera/video/folder → ``CaptureWorker`` (its own thread, run by
``ui.capture_controller``) → ``bridge.inspect`` (the station's queue) → ``bridge.resultReady`` →
this page. The GUI thread only draws: it never reads a camera, decodes a file, waits on
inference or joins a thread. When results arrive faster than the screen needs, the newest one is
drawn and the others only count. HTTP arrivals show here too.

Pieces: ``ui.source_bar`` (which source, Start/Stop/Trigger), ``ui.capture_controller`` (runs it),
``ui.live_verdict_panel`` (tile, product, score, counters) and this view, which draws the part
and turns the station's machine state (``station.machine_state``) into the tile.

Why it stays one file (477 lines): the source bar, capture controller and verdict panel are already
their own modules; what is left is the view itself (image, heatmap, boxes, tile state), whose parts
share the shown frame and its state; cutting it further would only pass that state around.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict, deque
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from camera import SourceError
from station.machine_state import MachineState
from station.settings import Settings
from station.shift_counts import LIVE_SOURCES
from station.source_memory import load_choice, save_choice
from station.validation import is_validated
from ui.capture_controller import CaptureController
from ui.first_run import FirstRunPanel
from ui.live_counters import ShiftTracker
from ui.live_feed import PartFeed
from ui.live_part_view import PartView
from ui.live_shown import Shown
from ui.live_verdict_panel import VerdictPanel
from ui.source_bar import SourceBar
from ui.station_bridge import StationBridge
from widgets.ng_strip import NgStrip

log = logging.getLogger(__name__)

THUMB_SMALL, THUMB_BIG = 88, 112  # NG strip icon sizes (normal / operator mode); thumbnails made at the big one
_BAR_WIDGETS = ("source_combo", "source_options", "folder_edit", "interval_spin", "shuffle_check", "loop_check",
                "recursive_check", "video_edit", "video_loop_check", "video_fast_check", "camera_index",
                "resolution_combo", "exposure_spin", "gain_spin", "start_button", "stop_button", "trigger_button")
_VIEW_WIDGETS = ("view", "heatmap_check", "opacity_slider", "fit_button", "back_button", "part_label")
_PANEL_WIDGETS = ("banner", "score_bar", "detail_label", "counters", "shift_label", "perf_label", "message_label")


class LivePage(QWidget):
    """Source bar, verdict tile, image, counters and the last NG parts."""

    _stateChanged = Signal()

    def __init__(self, bridge: StationBridge, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.settings = settings
        self.capture = CaptureController(bridge, self)
        self._last_live: Any = None  # newest Inspection of a live source (drawn again after "Back to live")
        self._live_verdict: str | None = None  # the tile's verdict while RUNNING; cleared when the line stops
        self._pinned: Any = None  # NG strip key shown instead of the live stream (REVIEWING)
        self._ng_parts: OrderedDict[int, Shown] = OrderedDict()
        self._last_shown: Shown | None = None
        self._stamps: deque[float] = deque(maxlen=120)
        self._last_ms: float | None = None
        self._start_sample_folder: str | None = None
        self.shown: Shown | None = None

        self._build()
        self._build_shortcuts()
        self.source_bar.set_choice(load_choice())
        self.retranslate()

        bridge.resultReady.connect(self._on_result)
        bridge.modelChanged.connect(self._on_model_changed)
        bridge.inspectionFailed.connect(self._on_inspection_failed)
        bridge.modelLoadFailed.connect(self._forget_sample_start)
        self.capture.changed.connect(self._on_capture_changed)
        self.capture.ended.connect(lambda: self._message(self.tr("The source has ended."), error=False))
        self.capture.lost.connect(lambda reason, _s: self._message(
            self.tr("Source stopped: %1").replace("%1", self.panel.source_reason(reason))))
        machine = getattr(bridge.station, "machine", None)
        self._unsubscribe = machine.subscribe(lambda _snap: self._stateChanged.emit()) if machine else None
        self._stateChanged.connect(self._render_state, Qt.ConnectionType.QueuedConnection)
        self.perf_timer = QTimer(self)
        self.perf_timer.setInterval(500)
        self.perf_timer.timeout.connect(self._update_perf)
        self.perf_timer.start()
        self.state_timer = QTimer(self)  # countdowns on the tile, review timeout
        self.state_timer.setInterval(250)
        self.state_timer.timeout.connect(self._render_state)
        self.state_timer.start()
        self._on_model_changed(bridge.model_info())
        self.shift_tracker.restore()

    def title(self) -> str:
        return self.tr("Live")

    # -- layout ----------------------------------------------------------------------------------
    def _build(self) -> None:
        self.first_run = FirstRunPanel(self.bridge, self.settings, self)
        self.first_run.trainRequested.connect(self.first_run.open_training)
        self.first_run.sampleReady.connect(self._on_sample_ready)
        self.source_bar = SourceBar(self)
        self.source_bar.startClicked.connect(self.start)
        self.source_bar.stopClicked.connect(self.stop)
        self.source_bar.triggerClicked.connect(self.trigger)
        for name in _BAR_WIDGETS:  # the page's long-standing handles (tests, tools)
            setattr(self, name, getattr(self.source_bar, name))

        self.part_view = PartView(self.settings.ui.heatmap_opacity)
        self.part_view.backClicked.connect(self.back_to_live)
        self.part_view.opacityChanged.connect(self._on_opacity)
        for name in _VIEW_WIDGETS:
            setattr(self, name, getattr(self.part_view, name))
        from ui.similar_dialog import held_part_similar_button  # issue 14: same defect, earlier parts

        self.part_view.add_overlay_widget(held_part_similar_button(
            self.bridge, lambda: getattr(self._ng_parts.get(self._pinned), "record", None), self.back_button))
        from ui.video_analysis_dialog import video_analysis_button  # issue 14: analyse the file

        self.video_analyse_button = video_analysis_button(
            self.bridge, lambda: self.video_edit.text().strip(), self.source_bar)
        self.source_bar.add_video_widget(self.video_analyse_button)
        left = self.part_view

        self.panel = VerdictPanel()
        self.shift_tracker = ShiftTracker(self.panel.counters, self.panel.shift_label, self.settings,
                                          getattr(self.bridge, "database", None),
                                          lambda text: self._message(text, error=False), self)
        self.feed = PartFeed(THUMB_BIG, self, box=self.view.display_box, zoomed=self.view.wants_detail)
        self.feed.partReady.connect(self._on_prepared)
        self.feed.ngReady.connect(self._on_ng_ready)
        for name in _PANEL_WIDGETS:
            setattr(self, name, getattr(self.panel, name))
        self.right_column = self.panel

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([860, 460])

        self.strip_caption = QLabel()
        self.ng_strip = NgStrip(capacity=12, thumb=THUMB_SMALL)
        self.ng_strip.partClicked.connect(self.show_ng_part)

        live = QWidget()
        v = QVBoxLayout(live)
        v.setContentsMargins(8, 8, 8, 8)
        v.addWidget(self.source_bar)
        v.addWidget(self.splitter, 1)
        v.addWidget(self.strip_caption)
        v.addWidget(self.ng_strip)
        self.live_view = live

        self.views = QStackedWidget()
        self.views.addWidget(self.first_run)
        self.views.addWidget(self.live_view)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        from ui.insights_view import attach_drift_banner

        self.drift_banner = attach_drift_banner(self.bridge, self.settings)  # hidden unless OK scores drift
        outer.addWidget(self.drift_banner)
        outer.addWidget(self.views)
        self._update_buttons()

    def _build_shortcuts(self) -> None:
        self.shortcuts: dict[str, QShortcut] = {}
        for key, slot in (("Space", self.toggle_running), ("T", self.trigger), ("H", self.toggle_heatmap),
                          ("F", self.view.fit), ("Esc", self.back_to_live)):
            sc = QShortcut(QKeySequence(key), self)
            sc.setContext(Qt.ShortcutContext.WindowShortcut)
            sc.activated.connect(slot)
            self.shortcuts[key] = sc

    def shortcut_help(self) -> list[tuple[str, str]]:
        return [
            (self.tr("Space"), self.tr("Live: start / stop the source")),
            ("T", self.tr("Live: single-shot trigger (one frame)")),
            ("H", self.tr("Live: heatmap on / off")),
            ("F", self.tr("Live: fit the image to the view (or double-click it)")),
            (self.tr("Wheel / drag"), self.tr("Live: zoom / pan the image")),
            ("Esc", self.tr("Live: back to the live stream after showing an NG part")),
            (self.tr("Enter"), self.tr("Live: leave a text field, so Space and T work again")),
        ]

    def retranslate(self) -> None:
        self.source_bar.retranslate()
        self.panel.retranslate()
        self.part_view.retranslate()
        self.strip_caption.setText(self.tr("Last NG parts (click to show)"))
        self.first_run.retranslate()
        if self.shown is not None:
            self._draw(self.shown)
        self._render_state()
        self._update_perf()

    # -- model / first run -----------------------------------------------------------------------
    def has_model(self) -> bool:
        return self.bridge.model_info() is not None

    def _on_model_changed(self, info: Any) -> None:
        self.views.setCurrentWidget(self.live_view if info is not None else self.first_run)
        self.panel.set_model(info, is_validated(info, self.settings.data_dir))
        if info is not None:
            self.first_run.status.setText("")
        self._update_buttons()
        if self.shown is not None and self._pinned is None:
            self._live_verdict = None  # a verdict of the old model is not the new model's
            self._render_state()
        if info is not None and self._start_sample_folder:
            folder, self._start_sample_folder = self._start_sample_folder, None
            self.play_folder(folder, interval_ms=800, shuffle=True)

    def _forget_sample_start(self, _message: str = "") -> None:
        self._start_sample_folder = None  # the sample did not load: a later model must not start it

    def _on_sample_ready(self, test_folder: str) -> None:
        self._start_sample_folder = test_folder
        if self.has_model() and self.bridge.station.model_path is not None \
                and Path(self.bridge.station.model_path).parent == Path(test_folder).parent:
            self._on_model_changed(self.bridge.model_info())

    def play_folder(self, folder: str | Path, *, interval_ms: int | None = None, shuffle: bool = False,
                    loop: bool = True) -> bool:
        """Point the folder source at ``folder`` and start it (sample, tests, tools)."""
        self.source_combo.setCurrentIndex(0)
        self.folder_edit.setText(str(folder))
        if interval_ms is not None:
            self.interval_spin.setValue(int(interval_ms))
        self.shuffle_check.setChecked(shuffle)
        self.loop_check.setChecked(loop)
        self.recursive_check.setChecked(True)
        return self.start()

    # -- sources ---------------------------------------------------------------------------------
    def build_source(self) -> Any:
        return self.source_bar.build_source()

    @property
    def worker(self) -> Any:
        return self.capture.worker

    def is_running(self) -> bool:
        """GUI-side state: a natural end counts once its finished signal reached this thread."""
        return self.capture.worker is not None

    def start(self) -> bool:
        """Stream the chosen source; False (with the reason shown) when it cannot start."""
        if self.capture.is_streaming() and self.capture.worker is not None:
            return True
        return self._start_worker(triggered=False)

    def _start_worker(self, triggered: bool) -> bool:
        self.capture.stop()
        if not self.has_model():
            self._message(self.tr("No model loaded: train or open one first."))
            return False
        try:
            self.build_source()  # checked now: a wrong path is a message, not a lost source
        except SourceError as exc:  # the capture layer speaks English: say it in the UI language
            self._message(self.panel.source_reason(str(exc)))
            return False
        save_choice(self.source_bar.choice())
        self._message("")
        self._stamps.clear()
        self._live_verdict = None
        self.capture.start(self.build_source, triggered=triggered)
        self.back_to_live()
        return True

    def stop(self) -> None:
        """Returns at once (the capture thread winds down in the background)."""
        self.capture.stop()

    def toggle_running(self) -> None:
        if self.views.currentWidget() is not self.live_view:
            return
        if self.capture.is_running():
            self.stop()
        else:
            self.start()

    def trigger(self) -> None:
        """One frame: from the running triggered source, or open the chosen source in trigger mode."""
        if self.views.currentWidget() is not self.live_view:
            return
        if self.capture.is_streaming():
            self._message(self.tr("Stop the stream to use single-shot triggers."))
            return
        if self.capture.worker is None and not self._start_worker(triggered=True):
            return
        self.capture.trigger()

    def _on_capture_changed(self) -> None:
        self._update_buttons()
        self._render_state()

    def _update_buttons(self) -> None:
        self.source_bar.set_state(model=self.has_model(), running=self.capture.is_running(),
                                  streaming=self.capture.is_streaming())

    def _message(self, text: str, error: bool = True) -> None:
        self.message_label.setStyleSheet(f"color: {'#ea4335' if error else 'palette(window-text)'}; "
                                         "font-weight: bold;")
        self.message_label.setText(text)

    def _on_inspection_failed(self, message: str) -> None:
        self._message(self.tr("Inspection failed: %1").replace("%1", message))

    # -- machine state ---------------------------------------------------------------------------
    def machine_state(self) -> Any:
        machine = getattr(self.bridge.station, "machine", None)
        return machine.snapshot() if machine is not None else None

    def _render_state(self) -> None:
        snap = self.machine_state()
        if snap is None:
            return
        if self._pinned is not None and snap.state is not MachineState.REVIEWING \
                and snap.state is not MachineState.CHANGEOVER:
            self._leave_review()  # the review timed out (or ended elsewhere): back to the live part
        if snap.state not in (MachineState.RUNNING, MachineState.REVIEWING):
            self._live_verdict = None  # never a stale verdict when the line comes back
        reviewed = self._ng_parts[self._pinned].record.label if self._pinned in self._ng_parts else None
        self.panel.show_state(snap, self._live_verdict, reviewed)

    # -- results ---------------------------------------------------------------------------------
    def _on_result(self, insp: Any) -> None:
        record = insp.record
        if record.source not in LIVE_SOURCES:
            return
        self.counters.add(record.label)
        self._stamps.append(time.monotonic())
        self._last_ms = float(record.processing_ms)
        if record.label == "NG":
            self.feed.submit_ng(insp)
            if self._pinned is not None and self.bridge.settings.ui.review_new_ng_returns:
                self.back_to_live()
        self._last_live = insp
        self.feed.submit(insp)

    def _on_prepared(self, shown: Shown) -> None:
        self._last_shown = shown
        if self._pinned is None:
            snap = self.machine_state()
            if snap is None or snap.state is MachineState.RUNNING or snap.line_active:
                self._live_verdict = shown.record.label
            self._draw(shown)
            self._render_state()

    def is_drawing(self) -> bool:
        """A part is being prepared for the view or the strip (tests wait for the view to settle)."""
        return self.feed.busy()

    def _on_ng_ready(self, key: int, shown: Shown, thumb: Any) -> None:
        self._ng_parts[key] = shown
        while len(self._ng_parts) > self.ng_strip.capacity:
            self._ng_parts.popitem(last=False)
        record = shown.record
        when = record.timestamp.strftime("%H:%M:%S") if record.timestamp else ""
        self.ng_strip.add_part(key, thumb, when, f"{record.name}\n{when} · {record.source}")

    def show_ng_part(self, key: Any) -> None:
        """Show a past NG part (REVIEWING) until Esc, the review timeout, or a new NG part."""
        shown = self._ng_parts.get(key)
        if shown is None:
            return
        self._pinned = key
        record = shown.record
        when = record.timestamp.strftime("%H:%M:%S") if record.timestamp else ""
        machine = getattr(self.bridge.station, "machine", None)
        if machine is not None:
            machine.begin_review(when, float(self.bridge.settings.ui.review_timeout_s))
        self._draw(shown)
        self._render_state()

    def back_to_live(self) -> None:
        if self._pinned is None:
            return
        machine = getattr(self.bridge.station, "machine", None)
        if machine is not None:
            machine.end_review()
        self._leave_review()
        self._render_state()

    def _leave_review(self) -> None:
        self._pinned = None
        self.back_button.hide()  # also when no live part has been drawn yet
        self.ng_strip.clear_highlight()
        if self._last_shown is not None:
            self._draw(self._last_shown)

    def toggle_heatmap(self) -> None:
        if self.views.currentWidget() is self.live_view:
            self.heatmap_check.toggle()

    def _on_opacity(self, value: float) -> None:
        self.bridge.settings_store.update({"ui.heatmap_opacity": value}, save=False)

    def _draw(self, shown: Shown) -> None:
        self.shown = shown
        record = shown.record
        self.part_view.draw(shown, held=self._pinned is not None)
        norm = shown.normalized
        self.score_bar.set_score(norm, self.tr("%1 × threshold · score %2 / threshold %3")
                                 .replace("%1", f"{norm:.2f}").replace("%2", f"{shown.score:.4g}")
                                 .replace("%3", f"{shown.threshold:.4g}"))
        self.detail_label.setText(self.tr("Defects: %1 · processing %2 ms")
                                  .replace("%1", str(record.defect_count))
                                  .replace("%2", f"{record.processing_ms:.0f}"))

    # -- counters & performance ------------------------------------------------------------------
    def results_per_second(self) -> float:
        now = time.monotonic()
        recent = [t for t in self._stamps if now - t <= 5.0]
        if len(recent) < 2:
            return 0.0
        span = max(now - recent[0], recent[-1] - recent[0])
        return (len(recent) - 1) / span if span > 0 else 0.0

    def _check_shift(self, now: datetime | None = None) -> None:
        self.shift_tracker.check(now)

    def _update_perf(self) -> None:
        self._check_shift()
        self.capture.poll_camera()
        worker = self.capture.worker
        self.panel.show_perf(self._last_ms, self.results_per_second(), self.dropped_frames(), self.bridge.station,
                             worker.source if worker is not None else None)

    def dropped_frames(self) -> int:
        stats = self.capture.stats()
        return stats.dropped if stats is not None else 0

    # -- operator mode & lifecycle ---------------------------------------------------------------
    def set_operator_mode(self, on: bool) -> None:
        """Big tile with product and threshold beside it; the source bar hides, counters and strip stay."""
        self.panel.set_operator_mode(on)
        self.source_bar.setVisible(not on)
        self.ng_strip.set_thumb_size(THUMB_BIG if on else THUMB_SMALL)
        font = self.font()
        font.setPointSize(14 if on else max(9, QWidget().font().pointSize()))
        for w in (self.part_label, self.strip_caption):
            w.setFont(font)
        right = self.panel.minimumWidth() + 20
        screen = self.window().screen() if on else None  # the full-screen resize has not arrived yet
        total = screen.geometry().width() if screen is not None else self.width()
        self.splitter.setSizes([max(1, total - right), right])

    def page_shown(self) -> None:
        self._update_buttons()
        info = self.bridge.model_info()  # an evaluation on the Evaluate page may have validated it
        self.panel.set_model(info, is_validated(info, self.settings.data_dir))

    def shutdown(self) -> None:
        self.perf_timer.stop()
        self.state_timer.stop()
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self.capture.shutdown()
        self.first_run.shutdown()

