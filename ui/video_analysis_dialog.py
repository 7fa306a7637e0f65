"""Analyse a recorded video file: sampling interval and bucket, progress with Cancel, then the result.

The work is a ``station.video_analysis`` job in the station's job registry (the same one the HTTP
endpoint uses), so the GUI never blocks and the frames go through the one inference queue. The
result panel shows NG parts per bucket (pyqtgraph), the NG frames (click one to see its annotated
frame from the processed video), and offers *Open processed video* and *Export CSV*.

Opened from the Live page's video source through :func:`video_analysis_button` (one widget the
page adds beside its video path; the button finds the path through a callable).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cv2
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from widgets.image_convert import FitImageLabel, bgr_to_qimage
from widgets.rows import STRETCH, hrow

log = logging.getLogger(__name__)

VIDEO_FILTER = "*.mp4 *.avi *.mkv *.mov *.m4v *.webm *.wmv *.mpg *.mpeg *.ts"


class VideoAnalysisDialog(QDialog):
    """One analysis at a time; closing the dialog cancels a running one (recorded frames stay)."""

    _statusChanged = Signal(object)  # station.jobs.JobStatus, from the job's thread (queued)

    def __init__(self, bridge: Any, path: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.job: Any = None
        self.result: Any = None
        self.setWindowTitle(self.tr("Analyse video file"))
        self.resize(980, 640)

        self.path_edit = QLineEdit(path)
        self.path_edit.setPlaceholderText(self.tr("Video file"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.interval_spin = QSpinBox()
        self.interval_spin.setRange(1, 3_600_000)
        self.interval_spin.setValue(1000)
        self.interval_spin.setSuffix(" ms")
        self.interval_spin.setToolTip(self.tr("One frame is judged every interval of video time"))
        self.bucket_spin = QDoubleSpinBox()
        self.bucket_spin.setRange(0.1, 1440)
        self.bucket_spin.setValue(1.0)
        self.bucket_spin.setSuffix(" min")
        self.bucket_spin.setToolTip(self.tr("NG parts are counted per bucket of video time"))
        self.record_check = QCheckBox(self.tr("Record frames in the history"))
        self.record_check.setChecked(True)
        self.start_button = QPushButton(self.tr("Analyse"))
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.chart = pg.PlotWidget()
        self.chart.setMenuEnabled(False)
        self.chart.setMouseEnabled(False, False)
        self.chart.setLabel("left", self.tr("NG parts"))
        self.chart.setLabel("bottom", self.tr("minute of video"))
        self.chart.getAxis("bottom").enableAutoSIPrefix(False)  # minutes stay minutes, no "(x0.001)"
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.8, brush=pg.mkBrush(230, 60, 50))
        self.chart.addItem(self.bars)
        self.ng_list = QListWidget()
        self.ng_list.currentItemChanged.connect(self._show_frame)
        self.frame_view = FitImageLabel()
        self.open_button = QPushButton(self.tr("Open processed video"))
        self.open_button.clicked.connect(self.open_processed)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.clicked.connect(self.export_csv)
        for b in (self.open_button, self.export_button):
            b.setEnabled(False)

        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form.addRow(self.tr("File"), row)
        form.addRow(hrow(QLabel(self.tr("Interval")), self.interval_spin, QLabel(self.tr("Bucket")), self.bucket_spin,
                         self.record_check, STRETCH, self.start_button, self.cancel_button))
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.chart, 2)
        lv.addWidget(QLabel(self.tr("NG frames (click to see)")))
        lv.addWidget(self.ng_list, 3)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.frame_view)
        split.setStretchFactor(1, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.progress)
        lay.addWidget(self.status)
        lay.addWidget(split, 1)
        lay.addLayout(buttons)
        self._statusChanged.connect(self._on_status, Qt.ConnectionType.QueuedConnection)

    # -- running -----------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.job is not None and not self.job.finished

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Video file"), self.path_edit.text(),
                                              self.tr("Videos (%1)").replace("%1", VIDEO_FILTER))
        if path:
            self.path_edit.setText(path)

    def _refuse(self, message: str) -> None:
        self.status.setText(message)
        QMessageBox.warning(self, self.tr("Analyse video file"), message)

    def start(self) -> bool:
        """Start the analysis; a clear dialog (and False) when it cannot start."""
        from station.jobs import TooManyJobs
        from station.video_analysis import analyse_video

        if self.running:
            return False
        path = Path(self.path_edit.text().strip())
        if not path.is_file():
            self._refuse(self.tr("Choose an existing video file first."))
            return False
        station = self.bridge.station
        if station.model is None:
            self._refuse(self.tr("No model loaded: train or open a model first."))
            return False
        interval = float(self.interval_spin.value())
        bucket = float(self.bucket_spin.value()) * 60_000.0
        record = self.record_check.isChecked()

        def run(job: Any) -> Any:
            return analyse_video(station, path, interval_ms=interval, bucket_ms=bucket, record=record,
                                 cancel=job.cancelled, progress=lambda d, t: job.progress(d, t),
                                 partial=job.set_partial)

        try:
            job = station.jobs.submit("video", run, listener=self._statusChanged.emit)
        except TooManyJobs as exc:
            self._refuse(str(exc))
            return False
        self.job = job
        self.result = None
        self.ng_list.clear()
        self.frame_view.set_image(None, "")
        self.bars.setOpts(x=[], height=[])
        self.progress.setRange(0, 0)  # busy until the first progress report sizes it
        self.status.setText(self.tr("Analysing %1…").replace("%1", path.name))
        self._set_running(True)
        return True

    def cancel(self) -> None:
        if self.running:
            self.job.cancel()
            self.status.setText(self.tr("Cancelling: frames already queued are finished…"))

    def _set_running(self, on: bool) -> None:
        self.start_button.setEnabled(not on)
        self.cancel_button.setEnabled(on)
        for w in (self.path_edit, self.interval_spin, self.bucket_spin, self.record_check):
            w.setEnabled(not on)

    def _on_status(self, status: Any) -> None:
        if self.job is None or status.id != self.job.id:
            return
        if status.total:
            self.progress.setRange(0, status.total)
            self.progress.setValue(status.done)
        if status.state in ("queued", "running"):
            if status.total:
                self.status.setText(self.tr("%1 of %2 frames judged").replace("%1", str(status.done))
                                    .replace("%2", str(status.total)))
            return
        self._set_running(False)
        if status.state == "failed":
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
            self._refuse(self.tr("The video cannot be analysed: %1").replace("%1", status.error or ""))
            return
        if status.result is not None:
            self.show_result(status.result)
        if status.state == "cancelled":
            n = status.result.recorded if status.result is not None else 0
            self.status.setText(self.tr("Cancelled: %1 frames were judged and recorded.").replace("%1", str(n)))

    # -- result ------------------------------------------------------------------------------------
    def show_result(self, result: Any) -> None:
        from station.video_analysis import clock

        self.result = result
        ng = [b.ng for b in result.buckets]
        minutes = [b.start_ms / 60_000.0 for b in result.buckets]
        width = result.bucket_ms / 60_000.0 * 0.8
        self.bars.setOpts(x=[m + result.bucket_ms / 120_000.0 for m in minutes], height=ng, width=width)
        self.ng_list.clear()
        for i, f in enumerate(result.frames):
            if f.verdict != "NG":
                continue
            text = self.tr("%1   score %2×   %3 defect(s)").replace("%1", clock(f.time_ms)) \
                .replace("%2", f"{f.score:.2f}").replace("%3", str(f.defect_count))
            if f.record_id is not None:
                text += f"   #{f.record_id}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, i)
            self.ng_list.addItem(item)
        total_ng = sum(ng)
        self.status.setText(self.tr("%1 frames judged, %2 NG; %3 recorded.").replace("%1", str(len(result.frames)))
                            .replace("%2", str(total_ng)).replace("%3", str(result.recorded)))
        self.open_button.setEnabled(self._processed_path() is not None)
        self.export_button.setEnabled(bool(result.frames))

    def _processed_path(self) -> Path | None:
        if self.result is None or not self.result.processed_video:
            return None
        path = self.bridge.settings.data_dir / self.result.processed_video
        return path if path.is_file() else None

    def _show_frame(self, item: QListWidgetItem | None, _previous: Any = None) -> None:
        path = self._processed_path()
        if item is None or path is None:
            return
        index = int(item.data(Qt.ItemDataRole.UserRole))  # n-th sample = n-th frame of the processed video
        cap = cv2.VideoCapture(str(path))
        try:
            cap.set(cv2.CAP_PROP_POS_FRAMES, index)
            ok, frame = cap.read()
        finally:
            cap.release()
        self.frame_view.set_image(bgr_to_qimage(frame) if ok else None, self.tr("frame not readable"))

    def open_processed(self) -> None:
        path = self._processed_path()
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def export_csv(self, path: str | None = None) -> Path | None:
        if self.result is None:
            return None
        if not path:
            suggested = str(Path(self.path_edit.text()).with_suffix(".csv"))
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export CSV"), suggested, "CSV (*.csv)")
            if not path:
                return None
        try:
            return self.result.write_csv(path)
        except OSError as exc:
            self._refuse(self.tr("Cannot write %1: %2").replace("%1", str(path)).replace("%2", str(exc)))
            return None

    def done(self, code: int) -> None:  # closing cancels: the GUI never leaves work running unseen
        if self.running:
            self.job.cancel()
        super().done(code)


class _AnalyseButton(QPushButton):
    def __init__(self, bridge: Any, path_of: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._path_of = path_of
        self.dialog: VideoAnalysisDialog | None = None
        self.clicked.connect(self.open_dialog)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setText(self.tr("Analyse file…"))
        self.setToolTip(self.tr("Judge one frame every interval of the video; NG per minute, NG frames, "
                                "annotated video, CSV"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def open_dialog(self) -> VideoAnalysisDialog:
        if self.dialog is None or not self.dialog.isVisible():
            self.dialog = VideoAnalysisDialog(self._bridge, self._path_of(), self.window())
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog


def video_analysis_button(bridge: Any, path_of: Callable[[], str], parent: QWidget | None = None) -> QPushButton:
    """The Live page's one hook: a button that opens the dialog on the chosen video file."""
    return _AnalyseButton(bridge, path_of, parent)
