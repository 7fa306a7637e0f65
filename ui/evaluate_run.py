"""The Evaluate page's top bar: which labelled folder and which model, and the run itself.

Why a panel of its own: choosing the inputs and driving the background run (progress, Cancel,
failure) is one job that knows nothing of how results are shown; it hands the finished
``(report, model, labelled set)`` to the page through ``evaluated``. The active model is evaluated
through the station's own inference worker (``station.station_model.StationModel``) while the line
runs, so the one-thread-per-model rule holds; a model file is loaded privately.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from station.station_model import StationModel
from ui.workers import Worker, create_worker


class EvaluateRunBar(QWidget):
    """Dataset and model inputs, Evaluate / Cancel, the progress bar and the status line."""

    evaluated = Signal(object)  # (EvaluationReport, the model that predicted it, LabelledSet)

    def __init__(self, bridge: Any, settings: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.settings = settings
        self._task: Worker | None = None
        self.folder_edit = QLineEdit()
        self.folder_edit.setPlaceholderText(self.tr("labelled folder: MVTec category (test/…) or OK/ + NG/"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse_folder)
        self.model_combo = QComboBox()
        self.model_combo.addItem(self.tr("Active model"), "active")
        self.model_combo.addItem(self.tr("Model file…"), "file")
        self.model_file = QLineEdit()
        self.model_file.setPlaceholderText(self.tr("model file (.qcs)"))
        self.model_browse = QPushButton(self.tr("Browse…"))
        self.model_browse.clicked.connect(self._browse_model)
        self.run_button = QPushButton(self.tr("Evaluate"))
        self.run_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(True)
        self.progress.setFormat("")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.run_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.model_combo.currentIndexChanged.connect(self._on_model_choice)

        top = QGridLayout(self)
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(QLabel(self.tr("Dataset")), 0, 0)
        top.addWidget(self.folder_edit, 0, 1)
        top.addWidget(browse, 0, 2)
        top.addWidget(QLabel(self.tr("Model")), 0, 3)
        top.addWidget(self.model_combo, 0, 4)
        top.addWidget(self.model_file, 0, 5)
        top.addWidget(self.model_browse, 0, 6)
        top.addWidget(self.run_button, 0, 7)
        top.addWidget(self.cancel_button, 0, 8)
        top.addWidget(self.progress, 1, 0, 1, 5)
        top.addWidget(self.status, 1, 5, 1, 4)
        top.setColumnStretch(1, 3)
        top.setColumnStretch(5, 2)
        self._on_model_choice()

    # -- inputs -------------------------------------------------------------------------------------
    def _browse_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Labelled folder"), self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def _browse_model(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Model file"), str(self.settings.models_dir),
                                              self.tr("QC Station models (*.qcs)"))
        if path:
            self.model_file.setText(path)
            self.model_combo.setCurrentIndex(self.model_combo.findData("file"))

    def _on_model_choice(self, *_args: Any) -> None:
        from_file = self.model_combo.currentData() == "file"
        self.model_file.setEnabled(from_file)
        self.model_browse.setEnabled(from_file)
        if from_file and not self.model_file.text() and self.isVisible():
            self._browse_model()

    # -- running ------------------------------------------------------------------------------------
    def start(self) -> bool:
        """Start an evaluation with the chosen folder and model; False (with a message) if not possible."""
        if self._task is not None and self._task.is_running():
            return False
        folder = self.folder_edit.text().strip()
        if not folder or not Path(folder).is_dir():
            self.show_error(self.tr("Choose a labelled folder that exists."))
            return False
        use_file = self.model_combo.currentData() == "file"
        model_path = self.model_file.text().strip()
        if use_file and not Path(model_path).is_file():
            self.show_error(self.tr("Choose a model file (.qcs) that exists."))
            return False
        if not use_file and self.bridge.station.model is None:
            self.show_error(self.tr("No active model: load or train one, or choose a model file."))
            return False
        device = self.settings.inference.device
        station = self.bridge.station

        def work(progress, cancel: threading.Event):
            from inference import load
            from inference.evaluation import evaluate, load_labelled_folder

            progress("indexing", 0.0)
            labelled = load_labelled_folder(folder)
            if use_file:
                progress("loading model", 0.0)
                model = load(model_path, device=device)
            else:
                model = StationModel(station) if station.running else station.model
            report = evaluate(model, labelled, progress=progress, cancel=cancel)
            return report, model, labelled

        self._task = create_worker(work, _progress=True, _long=True, _start=False,
                                   _name="qcs-evaluate")
        self._task.progress.connect(self._on_progress)
        self._task.returned.connect(self.evaluated)
        self._task.errored.connect(self._on_failed)
        self._task.cancelled.connect(self._on_cancelled)
        self._task.finished.connect(self._on_finished)
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("starting…"))
        self.status.setText("")
        self._task.start()
        return True

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.status.setText(self.tr("Cancelling…"))

    def is_running(self) -> bool:
        return self._task is not None and self._task.is_running()

    def _on_progress(self, stage: str, fraction: float) -> None:
        stages = {"indexing": self.tr("indexing the folder"), "loading model": self.tr("loading the model"),
                  "evaluating": self.tr("evaluating")}
        self.progress.setValue(int(fraction * 1000))
        self.progress.setFormat(f"{stages.get(stage, stage)} %p%")

    def _on_finished(self) -> None:
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _on_failed(self, message: str) -> None:
        self.progress.setFormat(self.tr("failed"))
        self.show_error(message)

    def _on_cancelled(self) -> None:
        self.progress.setFormat(self.tr("cancelled"))
        self.status.setText(self.tr("Evaluation cancelled; the previous results stay."))

    def show_error(self, message: str) -> None:
        self.status.setText(f"<span style='color:#d33'>{message}</span>")

    def show_done(self) -> None:
        self.progress.setValue(1000)
        self.progress.setFormat(self.tr("done"))

    def shutdown(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task.wait(5)  # an event loop, not a join: the window keeps drawing
