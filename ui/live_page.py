"""The Live page: what the operator watches all shift.

Frames flow camera/video/folder → ``CaptureWorker`` (its own thread) → ``bridge.inspect`` (the
station's queue) → ``bridge.resultReady`` → this page. The GUI thread only draws: it never reads
a camera, decodes a file or waits on inference. When results arrive faster than the screen
needs, the newest one is drawn and the others only count. HTTP arrivals show here too.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict, deque
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from camera import CameraSource, CaptureWorker, FolderSource, FrameSource, SourceError, VideoFileSource
from station.errors import StationBusy
from station.settings import Settings
from ui.first_run import FirstRunPanel
from ui.station_bridge import StationBridge
from widgets.counters import ShiftCounters
from widgets.image_convert import thumbnail
from widgets.image_view import ImageView
from widgets.ng_strip import NgStrip
from widgets.verdict_banner import ScoreBar, VerdictBanner

log = logging.getLogger(__name__)

LIVE_SOURCES = ("camera", "video", "folder", "http")
SNAPSHOT_SIDE = 1280  # NG parts kept for the strip are scaled down to this long side
RESOLUTIONS = ((None, None), (640, 480), (1280, 720), (1280, 1024), (1920, 1080), (2592, 1944))
AUTO = -100.0  # spin-box value that means "leave it to the driver"


@dataclass(frozen=True, eq=False)
class Shown:
    """What the main view draws for one part (a scaled copy for parts kept in the NG strip)."""

    record: Any
    image: np.ndarray
    anomaly_map: np.ndarray | None
    threshold: float
    score: float
    regions: tuple[dict[str, float], ...]

    @classmethod
    def from_inspection(cls, insp: Any, max_side: int | None = None) -> Shown:
        result, image = insp.result, insp.image
        amap = getattr(result, "anomaly_map", None)
        regions = tuple({"x": r.x, "y": r.y, "width": r.width, "height": r.height, "score": r.score,
                         "normalized_score": r.normalized_score} for r in getattr(result, "regions", ()))
        h, w = image.shape[:2]
        if max_side and max(h, w) > max_side:
            s = max_side / max(h, w)
            size = (max(1, round(w * s)), max(1, round(h * s)))
            image = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
            if amap is not None:
                amap = cv2.resize(np.asarray(amap, np.float32), size, interpolation=cv2.INTER_AREA)
            regions = tuple({**r, "x": r["x"] * s, "y": r["y"] * s, "width": r["width"] * s,
                             "height": r["height"] * s} for r in regions)
        return cls(insp.record, image, amap, float(getattr(result, "threshold", 0.0)),
                   float(getattr(result, "score", insp.record.score)), regions)


class LivePage(QWidget):
    """Source picker, Start / Stop / Trigger, verdict, image, counters and the last NG parts."""

    _workerError = Signal(object, str)
    _workerFinished = Signal(object)

    def __init__(self, bridge: StationBridge, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.settings = settings
        self.worker: CaptureWorker | None = None
        self._worker_error: str | None = None
        self._pending: Any = None  # newest Inspection not drawn yet
        self._last_live: Any = None  # newest Inspection of a live source (drawn again after "Back to live")
        self._render_scheduled = False
        self._pinned: Any = None  # NG strip key shown instead of the live stream
        self._ng_parts: OrderedDict[int, Shown] = OrderedDict()
        self._ng_seq = 0
        self._stamps: deque[float] = deque(maxlen=120)
        self._last_ms: float | None = None
        self._operator = False
        self._start_sample_folder: str | None = None
        self.shown: Shown | None = None
        self._shift: tuple[str, datetime, datetime] | None = None
        self._counting_since = datetime.now()

        self._build()
        self._build_shortcuts()
        self.retranslate()

        bridge.resultReady.connect(self._on_result)
        bridge.modelChanged.connect(self._on_model_changed)
        bridge.inspectionFailed.connect(self._on_inspection_failed)
        bridge.modelLoadFailed.connect(self._forget_sample_start)
        self._workerError.connect(self._on_worker_error)
        self._workerFinished.connect(self._on_worker_finished)
        self.perf_timer = QTimer(self)
        self.perf_timer.setInterval(500)
        self.perf_timer.timeout.connect(self._update_perf)
        self.perf_timer.start()
        self._on_model_changed(bridge.model_info())

    def title(self) -> str:
        return self.tr("Live")

    # -- layout ----------------------------------------------------------------------------------
    def _build(self) -> None:
        self.first_run = FirstRunPanel(self.bridge, self.settings, self)
        self.first_run.trainRequested.connect(self.open_training)
        self.first_run.sampleReady.connect(self._on_sample_ready)

        # source bar
        self.source_caption = QLabel()
        self.source_combo = QComboBox()
        self.source_combo.addItems(["", "", ""])  # texts in retranslate()
        self.source_options = QStackedWidget()
        self.source_options.addWidget(self._folder_options())
        self.source_options.addWidget(self._video_options())
        self.source_options.addWidget(self._camera_options())
        self.source_options.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.source_combo.currentIndexChanged.connect(self.source_options.setCurrentIndex)
        self.start_button = QPushButton()
        self.stop_button = QPushButton()
        self.trigger_button = QPushButton()
        for b in (self.start_button, self.stop_button, self.trigger_button):
            b.setMinimumHeight(34)
            b.setMinimumWidth(92)
        self.start_button.setObjectName("startButton")
        self.start_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.stop)
        self.trigger_button.clicked.connect(self.trigger)
        bar = QHBoxLayout()
        bar.addWidget(self.source_caption)
        bar.addWidget(self.source_combo)
        bar.addWidget(self.source_options, 1)
        bar.addWidget(self.start_button)
        bar.addWidget(self.stop_button)
        bar.addWidget(self.trigger_button)

        # image + overlay controls
        self.view = ImageView()
        self.view.set_heatmap_opacity(self.settings.ui.heatmap_opacity)
        self.heatmap_check = QCheckBox()
        self.heatmap_check.setChecked(True)
        self.heatmap_check.toggled.connect(self.view.set_heatmap_visible)
        self.opacity_caption = QLabel()
        self.opacity_slider = QSlider(Qt.Orientation.Horizontal)
        self.opacity_slider.setRange(0, 100)
        self.opacity_slider.setValue(round(self.settings.ui.heatmap_opacity * 100))
        self.opacity_slider.setMaximumWidth(180)
        self.opacity_slider.valueChanged.connect(self._on_opacity)
        self.fit_button = QPushButton()
        self.fit_button.clicked.connect(self.view.fit)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.back_to_live)
        self.back_button.hide()
        self.part_label = QLabel()
        self.part_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        overlay = QHBoxLayout()
        overlay.addWidget(self.heatmap_check)
        overlay.addWidget(self.opacity_caption)
        overlay.addWidget(self.opacity_slider)
        overlay.addWidget(self.fit_button)
        overlay.addWidget(self.back_button)
        from ui.similar_dialog import held_part_similar_button  # issue 14: same defect, earlier parts

        overlay.addWidget(held_part_similar_button(
            self.bridge, lambda: getattr(self._ng_parts.get(self._pinned), "record", None), self.back_button))
        overlay.addWidget(self.part_label, 1)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.view, 1)
        lv.addLayout(overlay)

        # verdict column
        self.banner = VerdictBanner()
        self.score_bar = ScoreBar()
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.counters = ShiftCounters()
        self.counters.resetClicked.connect(self._on_counters_reset)
        self.shift_label = QLabel()
        self.shift_label.setObjectName("shiftLabel")
        self.perf_label = QLabel()
        self.perf_label.setWordWrap(True)
        self.message_label = QLabel()
        self.message_label.setObjectName("liveMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #ea4335; font-weight: bold;")
        right = QWidget()
        right.setMinimumWidth(300)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(6, 0, 0, 0)
        rv.addWidget(self.banner)
        rv.addWidget(self.score_bar)
        rv.addWidget(self.detail_label)
        rv.addSpacing(8)
        rv.addWidget(self.shift_label)
        rv.addWidget(self.counters)
        rv.addWidget(self.perf_label)
        rv.addWidget(self.message_label)
        rv.addStretch(1)
        self.right_column = right

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([900, 360])

        self.strip_caption = QLabel()
        self.ng_strip = NgStrip(capacity=12, thumb=88)
        self.ng_strip.partClicked.connect(self.show_ng_part)

        live = QWidget()
        v = QVBoxLayout(live)
        v.setContentsMargins(8, 8, 8, 8)
        v.addLayout(bar)
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

    def _folder_options(self) -> QWidget:
        w = QWidget()
        lay = QHBoxLayout(w)
        lay.setContentsMargins(0, 0, 0, 0)
        self.folder_edit = QLineEdit()
        self.folder_browse = QPushButton()
        self.folder_browse.clicked.connect(self._browse_folder)
        self.interval_caption = QLabel()
        self.interval_spin = QSpinBox()
        self.interval_spin.setRange(0, 600_000)
        self.interval_spin.setSingleStep(100)
        self.interval_spin.setSuffix(" ms")
        self.interval_spin.setValue(int(self.settings.ui.folder_interval_ms))
        self.shuffle_check = QCheckBox()
        self.loop_check = QCheckBox()
        self.loop_check.setChecked(True)
        self.recursive_check = QCheckBox()
        self.recursive_check.setChecked(True)
        for wid, stretch in ((self.folder_edit, 1), (self.folder_browse, 0), (self.interval_caption, 0),
                             (self.interval_spin, 0), (self.shuffle_check, 0), (self.loop_check, 0),
                             (self.recursive_check, 0)):
            lay.addWidget(wid, stretch)
        return w

    def _video_options(self) -> QWidget:
        w = QWidget()
        lay = QHBoxLayout(w)
        lay.setContentsMargins(0, 0, 0, 0)
        self.video_edit = QLineEdit()
        self.video_browse = QPushButton()
        self.video_browse.clicked.connect(self._browse_video)
        self.video_loop_check = QCheckBox()
        self.video_fast_check = QCheckBox()
        lay.addWidget(self.video_edit, 1)
        lay.addWidget(self.video_browse)
        lay.addWidget(self.video_loop_check)
        lay.addWidget(self.video_fast_check)
        from ui.video_analysis_dialog import video_analysis_button  # issue 14: analyse the file

        self.video_analyse_button = video_analysis_button(self.bridge, lambda: self.video_edit.text().strip(), w)
        lay.addWidget(self.video_analyse_button)
        return w

    def _camera_options(self) -> QWidget:
        w = QWidget()
        lay = QHBoxLayout(w)
        lay.setContentsMargins(0, 0, 0, 0)
        self.camera_caption = QLabel()
        self.camera_index = QSpinBox()
        self.camera_index.setRange(0, 63)
        self.resolution_caption = QLabel()
        self.resolution_combo = QComboBox()
        self.resolution_combo.addItem("")
        for rw, rh in RESOLUTIONS[1:]:
            self.resolution_combo.addItem(f"{rw} × {rh}")
        self.exposure_caption = QLabel()
        self.exposure_spin = QDoubleSpinBox()
        self.exposure_spin.setRange(AUTO, 100_000)
        self.exposure_spin.setDecimals(1)
        self.exposure_spin.setValue(AUTO)
        self.gain_caption = QLabel()
        self.gain_spin = QDoubleSpinBox()
        self.gain_spin.setRange(AUTO, 1000)
        self.gain_spin.setDecimals(1)
        self.gain_spin.setValue(AUTO)
        for wid in (self.camera_caption, self.camera_index, self.resolution_caption, self.resolution_combo,
                    self.exposure_caption, self.exposure_spin, self.gain_caption, self.gain_spin):
            lay.addWidget(wid)
        lay.addStretch(1)
        return w

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
        ]

    def retranslate(self) -> None:
        self.source_caption.setText(self.tr("Source:"))
        for i, text in enumerate((self.tr("Image folder"), self.tr("Video file"), self.tr("Camera"))):
            self.source_combo.setItemText(i, text)
        self.folder_edit.setPlaceholderText(self.tr("Folder of part images"))
        self.folder_browse.setText(self.tr("Browse…"))
        self.interval_caption.setText(self.tr("every"))
        self.interval_spin.setToolTip(self.tr("Time between two parts; 0 = as fast as inference allows"))
        self.shuffle_check.setText(self.tr("Shuffle"))
        self.loop_check.setText(self.tr("Loop"))
        self.recursive_check.setText(self.tr("Subfolders"))
        self.video_edit.setPlaceholderText(self.tr("Video file"))
        self.video_browse.setText(self.tr("Browse…"))
        self.video_loop_check.setText(self.tr("Loop"))
        self.video_fast_check.setText(self.tr("As fast as inference allows"))
        self.camera_caption.setText(self.tr("Index"))
        self.resolution_caption.setText(self.tr("Resolution"))
        self.resolution_combo.setItemText(0, self.tr("Driver default"))
        self.exposure_caption.setText(self.tr("Exposure"))
        self.exposure_spin.setSpecialValueText(self.tr("auto"))
        self.gain_caption.setText(self.tr("Gain"))
        self.gain_spin.setSpecialValueText(self.tr("auto"))
        self.start_button.setText(self.tr("Start"))
        self.start_button.setToolTip(self.tr("Start the source (Space)"))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop the source (Space)"))
        self.trigger_button.setText(self.tr("Trigger"))
        self.trigger_button.setToolTip(self.tr("Inspect one frame (T)"))
        self.heatmap_check.setText(self.tr("Heatmap"))
        self.heatmap_check.setToolTip(self.tr("Show the anomaly heatmap (H)"))
        self.opacity_caption.setText(self.tr("Opacity"))
        self.fit_button.setText(self.tr("Fit"))
        self.fit_button.setToolTip(self.tr("Fit the image to the view (F, or double-click)"))
        self.back_button.setText(self.tr("Back to live"))
        self.banner.set_idle_text(self.tr("Waiting for parts"))
        self.strip_caption.setText(self.tr("Last NG parts (click to show)"))
        self.view.set_placeholder(self.tr("Choose a source and press Start,\nor post images to the endpoint."))
        self.counters.retranslate()
        self.first_run.retranslate()
        if self.shown is not None:
            self._draw(self.shown)
        self._update_perf()

    # -- model / first run -----------------------------------------------------------------------
    def has_model(self) -> bool:
        return self.bridge.model_info() is not None

    def _on_model_changed(self, info: Any) -> None:
        self.views.setCurrentWidget(self.live_view if info is not None else self.first_run)
        if info is not None:
            self.first_run.status.setText("")
        self._update_buttons()
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

    def open_training(self) -> None:
        """The train dialog (through the Models page when there is one, so its list follows)."""
        window = self.window()
        models = getattr(window, "pages", {}).get("models")
        if models is not None and hasattr(models, "open_train_dialog"):
            window.show_page("models")
            models.open_train_dialog()
            return
        try:
            from ui.train_dialog import TrainDialog
        except ImportError:
            TrainDialog = None  # noqa: N806
        if TrainDialog is not None:
            try:
                dialog = TrainDialog(self.bridge, self.settings, self)
            except Exception:  # noqa: BLE001 - a different constructor: fall back to the page
                log.exception("train dialog did not open")
            else:
                dialog.open()
                return
        if hasattr(window, "show_page") and window.show_page("models"):
            return
        QMessageBox.information(self, self.tr("Training"),
                                self.tr("Train a model from the command line:\n"
                                        "python main.py train --ok FOLDER --out model.qcs\n"
                                        "then open it here."))

    # -- sources ---------------------------------------------------------------------------------
    def build_source(self) -> FrameSource:
        """The source the bar describes; raises ``SourceError`` with a readable reason."""
        kind = self.source_combo.currentIndex()
        if kind == 0:
            folder = self.folder_edit.text().strip()
            if not folder:
                raise SourceError(self.tr("Choose a folder of images first."))
            if not Path(folder).is_dir():
                raise SourceError(self.tr("The folder does not exist: %1").replace("%1", folder))
            self.bridge.settings_store.update({"ui.folder_interval_ms": self.interval_spin.value()}, save=False)
            return FolderSource(folder, interval_s=self.interval_spin.value() / 1000.0,
                                shuffle=self.shuffle_check.isChecked(), loop=self.loop_check.isChecked(),
                                recursive=self.recursive_check.isChecked())
        if kind == 1:
            path = self.video_edit.text().strip()
            if not path:
                raise SourceError(self.tr("Choose a video file first."))
            if not Path(path).is_file():
                raise SourceError(self.tr("The video file does not exist: %1").replace("%1", path))
            return VideoFileSource(path, realtime=not self.video_fast_check.isChecked(),
                                   loop=self.video_loop_check.isChecked())
        rw, rh = RESOLUTIONS[self.resolution_combo.currentIndex()]
        exposure = self.exposure_spin.value()
        gain = self.gain_spin.value()
        return CameraSource(self.camera_index.value(), width=rw, height=rh,
                            exposure=None if exposure <= AUTO else exposure,
                            gain=None if gain <= AUTO else gain)

    def is_running(self) -> bool:
        """GUI-side state: a worker counts as running until its finished signal reached this thread,
        so the end-of-source message and buttons are settled whenever this turns False."""
        return self.worker is not None

    def start(self) -> bool:
        """Stream the chosen source; False (with the reason shown) when it cannot start."""
        if self.is_running() and not self.worker.triggered:
            return True
        return self._start_worker(triggered=False)

    def _start_worker(self, triggered: bool) -> bool:
        self.stop()
        if not self.has_model():
            self._message(self.tr("No model loaded: train or open one first."))
            return False
        try:
            source = self.build_source()
        except SourceError as exc:
            self._message(str(exc))
            return False
        self._message("")
        self._worker_error = None
        holder: list[CaptureWorker] = []  # the callbacks name their worker: late ones from an old run are ignored
        worker = CaptureWorker(source, self._process, triggered=triggered,
                               on_error=lambda msg: self._workerError.emit(holder[0], msg),
                               on_finished=lambda: self._workerFinished.emit(holder[0]))
        holder.append(worker)
        self.worker = worker
        self._stamps.clear()
        worker.start()
        self.back_to_live()
        self._update_buttons()
        return True

    def _process(self, frame: Any) -> Any:
        """Capture thread: hand the frame to the station; a busy station drops it."""
        try:
            return self.bridge.inspect(frame.image, source=frame.source, name=frame.name, part_id=frame.part_id)
        except StationBusy:
            return None

    def stop(self) -> None:
        worker, self.worker = self.worker, None
        if worker is not None:
            self._last_stats = worker.stats()
            worker.stop()
        self._update_buttons()

    def toggle_running(self) -> None:
        if self.views.currentWidget() is not self.live_view:
            return
        if self.is_running() and not self.worker.triggered:
            self.stop()
        else:
            self.start()

    def trigger(self) -> None:
        """One frame: from the running triggered source, or open the chosen source in trigger mode."""
        if self.views.currentWidget() is not self.live_view:
            return
        if self.is_running() and not self.worker.triggered:
            self._message(self.tr("Stop the stream to use single-shot triggers."))
            return
        if not self.is_running() and not self._start_worker(triggered=True):
            return
        self.worker.trigger()

    def _on_worker_error(self, worker: Any, message: str) -> None:
        if worker is not self.worker and self.worker is not None:
            return
        self._message(self.tr("Source stopped: %1").replace("%1", message))

    def _on_worker_finished(self, worker: Any) -> None:
        if worker is self.worker:
            self._last_stats = worker.stats()
            self.worker = None
            if worker.error is None and not worker.triggered:
                self._message(self.tr("The source has ended."), error=False)
        self._update_buttons()

    def _update_buttons(self) -> None:
        running = self.is_running()
        streaming = running and not self.worker.triggered
        model = self.has_model()
        self.start_button.setEnabled(model and not streaming)
        self.stop_button.setEnabled(running)
        self.trigger_button.setEnabled(model and not streaming)
        self.source_combo.setEnabled(not running)
        self.source_options.setEnabled(not running)

    def _browse_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder of part images"), self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def _browse_video(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Video file"), self.video_edit.text(),
                                              self.tr("Videos (*.avi *.mp4 *.mkv *.mov *.wmv);;All files (*)"))
        if path:
            self.video_edit.setText(path)

    def _message(self, text: str, error: bool = True) -> None:
        self.message_label.setStyleSheet(f"color: {'#ea4335' if error else palette_text()}; font-weight: bold;")
        self.message_label.setText(text)

    def _on_inspection_failed(self, message: str) -> None:
        self._message(self.tr("Inspection failed: %1").replace("%1", message))

    # -- results ---------------------------------------------------------------------------------
    def _on_result(self, insp: Any) -> None:
        record = insp.record
        if record.source not in LIVE_SOURCES:
            return
        self.counters.add(record.label)
        self._stamps.append(time.monotonic())
        self._last_ms = float(record.processing_ms)
        if record.label == "NG":
            self._add_ng(insp)
        self._pending = self._last_live = insp
        if not self._render_scheduled:
            self._render_scheduled = True
            QTimer.singleShot(0, self._render)

    def _render(self) -> None:
        self._render_scheduled = False
        insp, self._pending = self._pending, None
        if insp is None or self._pinned is not None:
            return
        self._draw(Shown.from_inspection(insp))

    def _add_ng(self, insp: Any) -> None:
        self._ng_seq += 1
        key = self._ng_seq
        shown = Shown.from_inspection(insp, SNAPSHOT_SIDE)
        self._ng_parts[key] = shown
        while len(self._ng_parts) > self.ng_strip.capacity:
            self._ng_parts.popitem(last=False)
        record = insp.record
        when = record.timestamp.strftime("%H:%M:%S") if record.timestamp else ""
        self.ng_strip.add_part(key, thumbnail(shown.image, self.ng_strip.thumb), when,
                               f"{record.name}\n{when} · {record.source}")

    def show_ng_part(self, key: Any) -> None:
        """Show a part from the NG strip and hold it until "Back to live" (Esc)."""
        shown = self._ng_parts.get(key)
        if shown is None:
            return
        self._pinned = key
        self.back_button.show()
        self._draw(shown)

    def back_to_live(self) -> None:
        if self._pinned is None:
            return
        self._pinned = None
        self.back_button.hide()
        if self._last_live is not None:
            self._draw(Shown.from_inspection(self._last_live))

    def toggle_heatmap(self) -> None:
        if self.views.currentWidget() is self.live_view:
            self.heatmap_check.toggle()

    def _on_opacity(self, value: int) -> None:
        self.view.set_heatmap_opacity(value / 100.0)
        self.bridge.settings_store.update({"ui.heatmap_opacity": value / 100.0}, save=False)

    def _part_text(self, shown: Shown) -> str:
        record = shown.record
        prefix = self.tr("NG part held: ") if self._pinned is not None else ""
        when = record.timestamp.strftime("%H:%M:%S") if record.timestamp else ""
        return f"{prefix}{record.name} · {when} · {record.source}"

    def _draw(self, shown: Shown) -> None:
        self.shown = shown
        record = shown.record
        self.view.set_image(shown.image)
        self.view.set_heatmap(shown.anomaly_map, shown.threshold)
        self.view.set_regions(shown.regions, shown.threshold)
        self.banner.set_verdict(record.label)
        norm = shown.score / shown.threshold if shown.threshold > 0 else float(record.normalized_score)
        self.score_bar.set_score(norm, self.tr("score %1 / threshold %2")
                                 .replace("%1", f"{shown.score:.4g}").replace("%2", f"{shown.threshold:.4g}"))
        self.detail_label.setText(self.tr("Defects: %1 · processing %2 ms")
                                  .replace("%1", str(record.defect_count))
                                  .replace("%2", f"{record.processing_ms:.0f}"))
        self.part_label.setText(self._part_text(shown))

    # -- performance -----------------------------------------------------------------------------
    def results_per_second(self) -> float:
        now = time.monotonic()
        recent = [t for t in self._stamps if now - t <= 5.0]
        if len(recent) < 2:
            return 0.0
        span = max(now - recent[0], recent[-1] - recent[0])
        return (len(recent) - 1) / span if span > 0 else 0.0

    def _check_shift(self, now: datetime | None = None) -> None:
        """Counters belong to a shift: when the next one starts (settings' shift times), they restart."""
        from ui.stats_data import current_shift

        now = now or datetime.now()
        try:
            shift = current_shift(self.settings.shifts, now)
        except (ValueError, AttributeError, AssertionError):  # malformed shift times: no shift logic
            shift = None
        if shift is not None and self._shift is not None and shift[1] != self._shift[1]:
            self.counters.reset()
            self._counting_since = now
            self._message(self.tr("Shift %1 started: counters restarted.").replace("%1", shift[0]), error=False)
        self._shift = shift
        since = self._counting_since.strftime("%H:%M")
        if shift is not None and shift[0]:
            self.shift_label.setText(self.tr("Shift %1 · counting since %2").replace("%1", shift[0])
                                     .replace("%2", since))
        else:
            self.shift_label.setText(self.tr("Counting since %1").replace("%1", since))

    def _on_counters_reset(self) -> None:
        self._counting_since = datetime.now()
        self._check_shift()

    def _update_perf(self) -> None:
        self._check_shift()
        worker = self.worker
        stats = worker.stats() if worker is not None else getattr(self, "_last_stats", None)
        dropped = stats.dropped if stats is not None else 0
        ms = "—" if self._last_ms is None else f"{self._last_ms:.0f}"
        text = (self.tr("Processing %1 ms · %2 parts/s · %3 frames dropped")
                .replace("%1", ms).replace("%2", f"{self.results_per_second():.1f}").replace("%3", str(dropped)))
        source = worker.source if worker is not None else None
        if getattr(source, "kind", "") == "camera":
            if source.status.startswith("reconnecting"):
                text += "\n" + self.tr("Camera lost: reconnecting…")
            if source.ignored_settings:
                text += "\n" + self.tr("The camera driver ignores: %1").replace("%1", ", ".join(source.ignored_settings))
        self.perf_label.setText(text)

    def dropped_frames(self) -> int:
        worker = self.worker
        stats = worker.stats() if worker is not None else getattr(self, "_last_stats", None)
        return stats.dropped if stats is not None else 0

    # -- operator mode & lifecycle ---------------------------------------------------------------
    def set_operator_mode(self, on: bool) -> None:
        self._operator = on
        self.banner.set_big(on)
        self.score_bar.set_big(on)
        self.counters.set_big(on)
        self.ng_strip.set_thumb_size(128 if on else 88)
        self.right_column.setMinimumWidth(460 if on else 300)
        font = self.font()
        font.setPointSize(14 if on else max(9, QWidget().font().pointSize()))
        for w in (self.detail_label, self.perf_label, self.message_label, self.part_label, self.strip_caption,
                  self.shift_label):
            w.setFont(font)
        if on:
            self.splitter.setSizes([max(1, self.width() - 480), 480])

    def page_shown(self) -> None:
        self._update_buttons()

    def shutdown(self) -> None:
        self.perf_timer.stop()
        self.stop()
        self.first_run.shutdown()


def palette_text() -> str:
    return "palette(window-text)"
