"""The start screen the Live page shows while no model is loaded.

Why: a fresh install cannot inspect anything; the operator must see at once the three ways to
get a model (train from good images, open a model file, or try the built-in sample) instead of
a black image area and a Start button that fails.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station.settings import Settings
from ui.station_bridge import StationBridge
from ui.workers import Worker, create_worker

log = logging.getLogger(__name__)


def sample_root(settings: Settings) -> Path:
    return settings.data_dir / "samples"


class FirstRunPanel(QWidget):
    """Three big choices; ``sampleReady(test_folder)`` once the sample model is loading."""

    trainRequested = Signal()
    sampleReady = Signal(str)

    def __init__(self, bridge: StationBridge, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.settings = settings
        self.task: Worker | None = None
        self.setObjectName("firstRun")

        self.heading = QLabel()
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading.setStyleSheet("font-size: 26px; font-weight: bold;")
        self.intro = QLabel()
        self.intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet("font-size: 15px;")

        self.train_button = self._big_button()
        self.open_button = self._big_button()
        self.sample_button = self._big_button()
        self.train_button.clicked.connect(self.trainRequested)
        self.open_button.clicked.connect(self.open_model_file)
        self.sample_button.clicked.connect(self.try_sample)
        self.train_hint = self._hint()
        self.open_hint = self._hint()
        self.sample_hint = self._hint()

        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)

        choices = QHBoxLayout()
        choices.setSpacing(18)
        for button, hint in ((self.train_button, self.train_hint), (self.open_button, self.open_hint),
                             (self.sample_button, self.sample_hint)):
            card = QFrame()
            card.setFrameShape(QFrame.Shape.StyledPanel)
            lay = QVBoxLayout(card)
            lay.addWidget(button)
            lay.addWidget(hint)
            lay.addStretch(1)
            choices.addWidget(card, 1)
        prog = QHBoxLayout()
        prog.addWidget(self.progress, 1)
        prog.addWidget(self.cancel_button)

        box = QWidget()
        box.setMaximumWidth(1100)
        inner = QVBoxLayout(box)
        inner.addWidget(self.heading)
        inner.addWidget(self.intro)
        inner.addSpacing(16)
        inner.addLayout(choices)
        inner.addSpacing(12)
        inner.addLayout(prog)
        inner.addWidget(self.status)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box, 6)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self._requested: Path | None = None  # the model this panel asked the station to load
        bridge.modelLoadFailed.connect(self._on_load_failed)
        bridge.modelChanged.connect(self._on_model_changed)
        self.retranslate()

    @staticmethod
    def _big_button() -> QPushButton:
        b = QPushButton()
        b.setMinimumHeight(64)
        b.setStyleSheet("font-size: 16px; font-weight: bold; padding: 8px 14px;")
        return b

    @staticmethod
    def _hint() -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        return label

    def retranslate(self) -> None:
        self.heading.setText(self.tr("No model loaded yet"))
        self.intro.setText(self.tr("QC Station judges each part against a model of good parts. "
                                   "Choose how to get one:"))
        self.train_button.setText(self.tr("Train from a folder of good images"))
        self.train_hint.setText(self.tr("A few dozen photos of good parts are enough; training takes "
                                        "a minute or two on this PC."))
        self.open_button.setText(self.tr("Open a model file"))
        self.open_hint.setText(self.tr("A .qcs model trained on another station or exported earlier."))
        self.sample_button.setText(self.tr("Try the sample"))
        self.sample_hint.setText(self.tr("Trains a model on built-in synthetic parts and plays its test "
                                         "images, so you see OK and NG verdicts at once."))
        self.cancel_button.setText(self.tr("Cancel"))

    # -- open ------------------------------------------------------------------------------------
    def open_model_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a model file"), str(self.settings.models_dir),
                                              self.tr("QC Station models (*.qcs);;All files (*)"))
        if path:
            self.load_model(path)

    def load_model(self, path: str | Path) -> None:
        self.status.setText(self.tr("Loading %1 …").replace("%1", Path(path).name))
        self._requested = Path(path)
        self.bridge.load_model_async(path)

    def _on_model_changed(self, info: Any) -> None:
        """The model we asked for is active: remember it so the next start loads it again."""
        requested, current = self._requested, self.bridge.station.model_path
        if info is None or requested is None or current is None or Path(current) != requested:
            return
        self._requested = None
        from station.model_library import remember_active

        try:
            remember_active(self.bridge.settings_store, current)
        except OSError as exc:
            log.warning("active model not remembered: %s", exc)

    def _on_load_failed(self, message: str) -> None:
        self._requested = None
        if not self.isVisible():
            return
        self.status.setText("")
        self._set_busy(False)
        QMessageBox.warning(self, self.tr("Model not loaded"),
                            self.tr("The model could not be opened:\n%1").replace("%1", message))

    # -- sample ----------------------------------------------------------------------------------
    def try_sample(self) -> None:
        if self.task is not None and self.task.is_running():
            return
        from station.samples import ensure_sample_model

        root = sample_root(self.settings)
        device = self.settings.inference.device

        def work(progress: Any, cancel: Any) -> Path:
            return ensure_sample_model(root, device=device, progress=progress, cancel=cancel)

        self.task = create_worker(work, _progress=True, _long=True, _start=False, _name="qcs-sample")
        self.task.progress.connect(self._on_progress)
        self.task.returned.connect(self._on_sample_trained)
        self.task.errored.connect(self._on_sample_failed)
        self.task.cancelled.connect(self._on_sample_cancelled)
        self._set_busy(True)
        self.status.setText(self.tr("Preparing the sample…"))
        self.task.start()

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.status.setText(self.tr("Cancelling…"))

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        for b in (self.train_button, self.open_button, self.sample_button):
            b.setEnabled(not busy)
        if busy:
            self.progress.setValue(0)

    def _on_progress(self, stage: str, fraction: float) -> None:
        self.progress.setValue(int(max(0.0, min(1.0, fraction)) * 1000))
        self.progress.setFormat(f"{stage} – %p%")

    def _on_sample_trained(self, path: Any) -> None:
        self.progress.setValue(1000)
        self._set_busy(False)
        self.load_model(path)
        self.sampleReady.emit(str(sample_root(self.settings) / "test"))

    def _on_sample_failed(self, message: str) -> None:
        self._set_busy(False)
        self.status.setText(self.tr("The sample could not be prepared: %1").replace("%1", message))

    def _on_sample_cancelled(self) -> None:
        self._set_busy(False)
        self.status.setText(self.tr("Sample cancelled."))

    def open_training(self) -> None:
        """The train dialog, through the Models page when there is one (so its list follows)."""
        window = self.window()
        models = getattr(window, "pages", {}).get("models")
        if models is not None and hasattr(models, "open_train_dialog"):
            window.show_page("models")
            models.open_train_dialog()
            return
        from ui.train_dialog import TrainDialog

        TrainDialog(self.bridge, self.settings, self).open()

    def shutdown(self) -> None:
        if self.task is not None and self.task.is_running():
            self.task.cancel()  # close_shell waits for every worker (event loop, no join)
