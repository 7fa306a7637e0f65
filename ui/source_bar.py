"""The Live page's source bar: which source (folder, video, camera) with its options, and Start /
Stop / Trigger. It builds the ``FrameSource`` and remembers the choice; it never runs one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QWidget,
)

from camera import CameraSource, FolderSource, FrameSource, SourceError, VideoFileSource
from station.source_memory import KINDS, SourceChoice
from widgets.rows import STRETCH, row_widget

RESOLUTIONS = ((None, None), (640, 480), (1280, 720), (1280, 1024), (1920, 1080), (2592, 1944))
AUTO = -100.0  # spin-box value that means "leave it to the driver"


class SourceBar(QWidget):
    """Emits ``startClicked`` / ``stopClicked`` / ``triggerClicked``; :meth:`build_source` makes the source."""

    startClicked = Signal()
    stopClicked = Signal()
    triggerClicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        self.start_button.clicked.connect(self.startClicked)
        self.stop_button.clicked.connect(self.stopClicked)
        self.trigger_button.clicked.connect(self.triggerClicked)
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.source_caption)
        bar.addWidget(self.source_combo)
        bar.addWidget(self.source_options, 1)
        bar.addWidget(self.start_button)
        bar.addWidget(self.stop_button)
        bar.addWidget(self.trigger_button)
        for edit in (self.folder_edit, self.video_edit):  # Return leaves the field, so Space/T work again
            edit.returnPressed.connect(self._leave_field)

    def _leave_field(self) -> None:
        self.start_button.setFocus()

    def _folder_options(self) -> QWidget:
        self.folder_edit = QLineEdit()
        self.folder_browse = QPushButton()
        self.folder_browse.clicked.connect(self._browse_folder)
        self.interval_caption = QLabel()
        self.interval_spin = QSpinBox()
        self.interval_spin.setRange(0, 600_000)
        self.interval_spin.setSingleStep(100)
        self.interval_spin.setSuffix(" ms")
        self.shuffle_check = QCheckBox()
        self.loop_check = QCheckBox()
        self.recursive_check = QCheckBox()
        return row_widget((self.folder_edit, 1), self.folder_browse, self.interval_caption, self.interval_spin,
                          self.shuffle_check, self.loop_check, self.recursive_check)

    def _video_options(self) -> QWidget:
        self.video_edit = QLineEdit()
        self.video_browse = QPushButton()
        self.video_browse.clicked.connect(self._browse_video)
        self.video_loop_check = QCheckBox()
        self.video_fast_check = QCheckBox()
        w = row_widget((self.video_edit, 1), self.video_browse, self.video_loop_check, self.video_fast_check)
        self._video_layout = w.layout()
        return w

    def add_video_widget(self, widget: QWidget) -> None:
        """Another feature's control at the end of the video source's options (video analysis)."""
        self._video_layout.addWidget(widget)

    def _camera_options(self) -> QWidget:
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
        self.gain_caption = QLabel()
        self.gain_spin = QDoubleSpinBox()
        self.gain_spin.setRange(AUTO, 1000)
        self.gain_spin.setDecimals(1)
        return row_widget(self.camera_caption, self.camera_index, self.resolution_caption, self.resolution_combo,
                          self.exposure_caption, self.exposure_spin, self.gain_caption, self.gain_spin, STRETCH)

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

    # -- state -----------------------------------------------------------------------------------
    def set_state(self, *, model: bool, running: bool, streaming: bool) -> None:
        """One rule for the buttons: Start when idle, Stop when anything runs, Trigger unless streaming."""
        self.start_button.setEnabled(model and not running)
        self.stop_button.setEnabled(running)
        self.trigger_button.setEnabled(model and not streaming)
        self.source_combo.setEnabled(not running)
        self.source_options.setEnabled(not running)

    def choice(self) -> SourceChoice:
        exposure, gain = self.exposure_spin.value(), self.gain_spin.value()
        return SourceChoice(
            kind=KINDS[self.source_combo.currentIndex()], folder=self.folder_edit.text().strip(),
            interval_ms=self.interval_spin.value(), shuffle=self.shuffle_check.isChecked(),
            loop=self.loop_check.isChecked(), recursive=self.recursive_check.isChecked(),
            video=self.video_edit.text().strip(), video_loop=self.video_loop_check.isChecked(),
            video_fast=self.video_fast_check.isChecked(), camera_index=self.camera_index.value(),
            resolution=self.resolution_combo.currentIndex(),
            exposure=None if exposure <= AUTO else exposure, gain=None if gain <= AUTO else gain)

    def set_choice(self, c: SourceChoice) -> None:
        self.source_combo.setCurrentIndex(KINDS.index(c.kind) if c.kind in KINDS else 0)
        self.folder_edit.setText(c.folder)
        self.interval_spin.setValue(int(c.interval_ms))
        self.shuffle_check.setChecked(c.shuffle)
        self.loop_check.setChecked(c.loop)
        self.recursive_check.setChecked(c.recursive)
        self.video_edit.setText(c.video)
        self.video_loop_check.setChecked(c.video_loop)
        self.video_fast_check.setChecked(c.video_fast)
        self.camera_index.setValue(int(c.camera_index))
        self.resolution_combo.setCurrentIndex(c.resolution if 0 <= c.resolution < len(RESOLUTIONS) else 0)
        self.exposure_spin.setValue(AUTO if c.exposure is None else float(c.exposure))
        self.gain_spin.setValue(AUTO if c.gain is None else float(c.gain))

    def build_source(self) -> FrameSource:
        """The source the bar describes; raises ``SourceError`` with a readable reason."""
        c = self.choice()
        if c.kind == "folder":
            if not c.folder:
                raise SourceError(self.tr("Choose a folder of images first."))
            if not Path(c.folder).is_dir():
                raise SourceError(self.tr("The folder does not exist: %1").replace("%1", c.folder))
            return FolderSource(c.folder, interval_s=c.interval_ms / 1000.0, shuffle=c.shuffle,
                                       loop=c.loop, recursive=c.recursive)
        if c.kind == "video":
            if not c.video:
                raise SourceError(self.tr("Choose a video file first."))
            if not Path(c.video).is_file():
                raise SourceError(self.tr("The video file does not exist: %1").replace("%1", c.video))
            return VideoFileSource(c.video, realtime=not c.video_fast, loop=c.video_loop)
        rw, rh = RESOLUTIONS[c.resolution]
        return CameraSource(c.camera_index, width=rw, height=rh, exposure=c.exposure, gain=c.gain)

    def _browse_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder of part images"), self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def _browse_video(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Video file"), self.video_edit.text(),
                                              self.tr("Videos (*.avi *.mp4 *.mkv *.mov *.wmv);;All files (*)"))
        if path:
            self.video_edit.setText(path)

