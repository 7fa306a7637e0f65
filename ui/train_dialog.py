"""Train a model from a folder of OK images (optionally NG images for calibration), off the GUI thread.

Why a dialog of its own: the Live page's first-run screen and the Models page both open it. The
engine's ``inference.train`` runs in a ``ui.workers`` worker with the dialog's Cancel wired to its
``threading.Event``; the bundle lands in ``settings.models_dir`` and can be activated at once.

The per-algorithm parameter editors are ``ui.param_form``; what needs no Qt (counting and listing
a folder's images, the default model name, the progress share per engine stage) is
``station.training_inputs``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from station.changeover import describe, line_active, switch_model
from station.settings import Settings
from station.training_inputs import (
    count_folders,
    default_name,
    folder_images,
    min_ok_images,
    overall_fraction,
)
from station.validation import is_validated
from ui.changeover_prompt import confirm_changeover
from ui.param_form import ParamForm, registry_text
from ui.workers import LatestOnly, Worker, create_worker
from widgets.rows import STRETCH, hrow

log = logging.getLogger(__name__)

BAR_MAX = 1000
COUNT_DEBOUNCE_MS = 250  # typing a path: count the folder's images once the typing pauses


class TrainDialog(QDialog):
    """Folder of OK images → a trained, saved (and optionally active) model."""

    modelTrained = Signal(object)  # Path of the saved bundle

    def __init__(self, bridge: Any, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.settings = settings
        self.task: Worker | None = None
        self.saved_path: Path | None = None
        self.model: Any = None
        self.setWindowTitle(self.tr("Train a model"))
        self.setMinimumWidth(620)
        self._stage_names = {
            "loading images": self.tr("Loading images"),
            "extracting features": self.tr("Extracting features"),
            "building memory bank": self.tr("Building the memory bank"),
            "learning OK variation": self.tr("Learning how OK parts vary"),
            "calibrating": self.tr("Calibrating the threshold"),
            "training flow": self.tr("Training the flow"),
        }

        self.ok_edit = QLineEdit()
        self.ok_edit.setPlaceholderText(self.tr("folder with images of good parts"))
        self.ok_count = QLabel()
        self.ng_edit = QLineEdit()
        self.ng_edit.setPlaceholderText(self.tr("optional: defective parts, to calibrate the threshold"))
        self.ng_count = QLabel()
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. bottle-line-3"))
        self.algo_combo = QComboBox()
        self.algo_desc = QLabel()
        self.algo_desc.setWordWrap(True)
        self.algo_desc.setObjectName("hint")
        self.params = ParamForm()
        self.activate_box = QCheckBox(self.tr("Make it the active model when training succeeds"))
        self.activate_box.setChecked(True)

        form = QFormLayout()
        form.addRow(self.tr("OK images:"), self._folder_row(self.ok_edit, self.tr("Choose the folder of OK images")))
        form.addRow("", self.ok_count)
        form.addRow(self.tr("NG images:"), self._folder_row(self.ng_edit, self.tr("Choose the folder of NG images")))
        form.addRow("", self.ng_count)
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Algorithm:"), self.algo_combo)
        form.addRow("", self.algo_desc)

        # defaults suit most parts: the engineer opens the parameters on purpose
        self.advanced = QCheckBox(self.tr("Set the algorithm parameters myself"))
        self.params_box = QGroupBox(self.tr("Algorithm parameters"))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.params)
        scroll.setMinimumHeight(220)
        reset = QPushButton(self.tr("Defaults"))
        reset.clicked.connect(self.params.reset)
        adv_lay = QVBoxLayout(self.params_box)
        adv_lay.addWidget(scroll)
        adv_lay.addWidget(reset, 0, Qt.AlignmentFlag.AlignRight)
        self.params_box.setVisible(False)
        self.advanced.toggled.connect(self.params_box.setVisible)
        self.advanced.toggled.connect(lambda _on: self.adjustSize())

        self.stage_label = QLabel(self.tr("Ready."))
        self.progress = QProgressBar()
        self.progress.setRange(0, BAR_MAX)
        self.progress.setValue(0)
        self.check_label = QLabel()  # the engine's synthetic-defect self-check, after training
        self.check_label.setObjectName("checkLabel")
        self.check_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #e05050; font-weight: bold;")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.validation_label = QLabel(self.tr(
            "Not validated yet: without NG images the threshold comes from OK images only, and such a "
            "threshold can pass many defects (on a real commutator set it missed half of the cracks). "
            "Evaluate the model on a labelled folder with NG parts before it judges the line."))
        self.validation_label.setObjectName("validationHint")
        self.validation_label.setWordWrap(True)
        self.validation_label.setStyleSheet("color: #e37400; font-weight: bold;")
        self.validation_label.hide()
        self.evaluate_button = QPushButton(self.tr("Evaluate next…"))
        self.evaluate_button.clicked.connect(self.open_evaluate)
        self.evaluate_button.hide()

        self.train_button = QPushButton(self.tr("Train"))
        self.train_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel training"))
        self.cancel_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Close"))
        self.train_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        buttons = hrow(self.evaluate_button, STRETCH, self.train_button, self.cancel_button, self.close_button)

        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.advanced)
        lay.addWidget(self.params_box, 1)
        lay.addWidget(self.activate_box)
        lay.addWidget(self.stage_label)
        lay.addWidget(self.progress)
        lay.addWidget(self.check_label)
        lay.addWidget(self.error_label)
        lay.addWidget(self.validation_label)
        lay.addLayout(buttons)

        from inference.algorithms import registry

        self._specs = registry()
        for spec in self._specs:
            self.algo_combo.addItem(registry_text(spec.title), spec.name)
        self.algo_combo.currentIndexChanged.connect(self._on_algorithm)
        self._on_algorithm(0)
        # counting a folder's images reads the disk: never per keystroke, never on the GUI thread
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DEBOUNCE_MS)
        self._count_timer.timeout.connect(self._update_counts)
        self._counts = LatestOnly(self)
        self._counts.resultReady.connect(self._show_counts)
        self.ok_edit.textChanged.connect(self._count_timer.start)
        self.ng_edit.textChanged.connect(self._count_timer.start)
        self._update_counts()
        self._line_running = line_active(bridge.station)
        if self._line_running:  # the line runs: a new model becomes active only on purpose
            self.activate_box.setChecked(False)
            self.activate_box.setToolTip(self.tr("The line is running: tick this to switch it to the new model "
                                                 "when training ends (you will be asked to confirm)."))

    # -- form ------------------------------------------------------------------------------------
    def _folder_row(self, edit: QLineEdit, caption: str) -> QWidget:
        row = QWidget()
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(edit, 1)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(lambda: self._browse(edit, caption))
        lay.addWidget(browse)
        return row

    def _browse(self, edit: QLineEdit, caption: str) -> None:
        folder = QFileDialog.getExistingDirectory(self, caption, edit.text() or str(Path.home()))
        if folder:
            edit.setText(folder)

    @staticmethod
    def default_name(folder: str) -> str:
        """``…/bottle/train/good`` → ``bottle``: the part's name rather than the folder's role."""
        return default_name(folder)

    def _on_algorithm(self, index: int) -> None:
        if not 0 <= index < len(self._specs):
            return
        spec = self._specs[index]
        self.algo_desc.setText(registry_text(spec.description))
        self.params.set_spec(spec)

    def _update_counts(self) -> None:
        """Ask a pool thread to count both folders; :meth:`_show_counts` writes the answer."""
        self._count_timer.stop()
        self._counts.submit(count_folders, self.ok_edit.text(), self.ng_edit.text())

    def counts_pending(self) -> bool:
        return self._count_timer.isActive() or self._counts.busy

    def _show_counts(self, _token: int, counts: tuple[str, int | None, str, int | None]) -> None:
        ok_text, n_ok, ng_text, n_ng = counts
        if ok_text != self.ok_edit.text() or ng_text != self.ng_edit.text():
            return  # typed on meanwhile: a newer count follows
        need = min_ok_images()
        self.name_edit.setPlaceholderText(self.default_name(ok_text) if ok_text.strip()
                                          else self.tr("e.g. bottle-line-3"))
        if not ok_text.strip():
            self.ok_count.setText(self.tr("Need at least %1 images of good parts.").replace("%1", str(need)))
        elif n_ok is None:
            self.ok_count.setText(self.tr("This folder does not exist."))
        else:
            text = self.tr("%1 images found.").replace("%1", str(n_ok))
            if n_ok < need:
                text += " " + self.tr("Need at least %1.").replace("%1", str(need))
            elif n_ok < 10:
                text += " " + self.tr("More images (20 or more) give a more reliable model.")
            self.ok_count.setText(text)
        if ng_text.strip():
            self.ng_count.setText(self.tr("%1 images found.").replace("%1", str(n_ng or 0)))
        else:
            self.ng_count.setText(self.tr("Without NG images the threshold is set from held-out OK images."))

    def algorithm(self) -> str:
        return str(self.algo_combo.currentData())

    # -- training --------------------------------------------------------------------------------
    def validate(self) -> tuple[list[Path], list[Path]] | None:
        """The image lists to train on, or None after showing why not."""
        self.error_label.clear()
        self.check_label.clear()
        need = min_ok_images()
        ok_folder = self.ok_edit.text().strip()
        if not ok_folder or not Path(ok_folder).is_dir():
            self._error(self.tr("Choose an existing folder of OK images."))
            return None
        ok = folder_images(ok_folder)
        if len(ok) < need:
            self._error(self.tr("Need at least %1 OK images; this folder has %2.")
                        .replace("%1", str(need)).replace("%2", str(len(ok))))
            return None
        ng: list[Path] = []
        ng_folder = self.ng_edit.text().strip()
        if ng_folder:
            if not Path(ng_folder).is_dir():
                self._error(self.tr("The NG folder does not exist."))
                return None
            ng = folder_images(ng_folder)
            if not ng:
                self._error(self.tr("The NG folder has no images; clear it or choose another one."))
                return None
        if not self.name_edit.text().strip():
            self.name_edit.setText(self.default_name(ok_folder))
        return ok, ng

    def start(self) -> bool:
        if self.is_running():
            return False
        lists = self.validate()
        if lists is None:
            return False
        ok, ng = lists
        algorithm = self.algorithm()
        parameters = self.params.changed_values() if self.advanced.isChecked() else {}
        name = self.name_edit.text().strip()
        device = self.settings.inference.device
        models_dir = self.settings.models_dir
        trail_holder = self.bridge.station

        def work(progress, cancel):
            from inference import train
            from station.model_library import save_trained

            model = train(ok, ng_images=ng or None, algorithm=algorithm, parameters=parameters, name=name,
                          device=device, progress=progress, cancel=cancel)
            if cancel.is_set():
                return None
            path = save_trained(model, models_dir, trail=trail_holder)
            return model, path

        self.saved_path = None
        self.model = None
        self.progress.setValue(0)
        self.stage_label.setText(self.tr("Starting…"))
        self.task = create_worker(work, _progress=True, _long=True, _start=False, _name="qcs-train")
        self.task.progress.connect(self._on_progress)
        self.task.returned.connect(self._on_done)
        self.task.errored.connect(self._on_failed)
        self.task.cancelled.connect(self._on_cancelled)
        self.task.finished.connect(self._on_finished)
        self._set_running(True)
        self.task.start()
        return True

    def cancel(self) -> None:
        if self.task is not None and self.task.is_running():
            self.stage_label.setText(self.tr("Cancelling…"))
            self.task.cancel()

    def is_running(self) -> bool:
        return self.task is not None and self.task.is_running()

    def _set_running(self, running: bool) -> None:
        self.train_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.close_button.setEnabled(not running)
        for w in (self.ok_edit, self.ng_edit, self.name_edit, self.algo_combo, self.advanced, self.params_box):
            w.setEnabled(not running)

    def _on_progress(self, stage: str, fraction: float) -> None:
        if self.task is not None and self.task.cancel_event.is_set():
            return
        self.progress.setValue(round(overall_fraction(stage, fraction, self.algorithm()) * BAR_MAX))
        label = self._stage_names.get(stage, stage)
        self.stage_label.setText(f"{label} — {fraction * 100:.0f} %")

    def _on_done(self, result: Any) -> None:
        if result is None:
            self._on_cancelled()
            return
        model, path = result
        self.model = model
        self.saved_path = Path(path)
        self.progress.setValue(BAR_MAX)
        info = model.info
        self.stage_label.setText(
            self.tr("Trained “%1” in %2 s; saved as %3.")
            .replace("%1", info.name).replace("%2", f"{info.training_seconds:.1f}").replace("%3", self.saved_path.name))
        self._show_self_check(info.stats)
        if self.activate_box.isChecked():
            self.activate()
        self._advise_validation(info)
        self.modelTrained.emit(self.saved_path)
        self.close_button.setText(self.tr("Done"))

    def _advise_validation(self, info: Any) -> None:
        """An OK-only threshold can pass half of the defects: say so and offer Evaluate next."""
        validated = is_validated(info, self.settings.data_dir)
        self.validation_label.setVisible(not validated)
        self.evaluate_button.setVisible(not validated)

    def open_evaluate(self) -> None:
        window = self.parent().window() if self.parent() is not None else None
        if window is not None and hasattr(window, "show_page") and window.show_page("evaluate"):
            self.accept()

    def _show_self_check(self, stats: dict) -> None:
        """Synthetic catch rate and expected false rejects; a warning when small defects will be missed."""
        rate = stats.get("synthetic_catch_rate")
        if rate is None:
            self.check_label.clear()
            return
        text = (self.tr("Self-check: %1 % of synthetic defects caught at the threshold; about %2 % of good "
                        "parts expected to be rejected.")
                .replace("%1", f"{100 * rate:.0f}")
                .replace("%2", f"{100 * float(stats.get('expected_ok_reject_rate', 0.0)):.1f}"))
        mode = stats.get("align_mode")
        if mode in ("rotate", "translate"):
            text += " " + (self.tr("Each part is found, turned to one orientation and framed before it is inspected.")
                           if mode == "rotate" else
                           self.tr("Each part is found, centred and framed before it is inspected."))
        warn = rate < 0.8
        if warn:
            text += " " + self.tr("This model will likely miss small defects on this part: add NG examples or "
                                  "more OK images.")
        self.check_label.setStyleSheet("color: #e0a030; font-weight: bold;" if warn else "")
        self.check_label.setText(text)

    def activate(self) -> None:
        """The trained model becomes the station's model now (no reload) and after a restart."""
        if self.model is None or self.saved_path is None:
            return
        from station.model_library import remember_active

        station = self.bridge.station
        go, confirmed = confirm_changeover(self, station, "train", describe(station.model_info),
                                           describe(self.model.info))
        if not go:
            self.stage_label.setText(self.stage_label.text() + " " + self.tr("Not activated: the line keeps its model."))
            return
        try:
            switch_model(station, self.model, self.saved_path, action="train", confirmed=confirmed)
            remember_active(self.bridge.settings_store, self.saved_path)
        except Exception as exc:  # noqa: BLE001 - shown in the dialog
            log.exception("activating the trained model failed")
            self._error(self.tr("The model was saved but could not be activated: %1").replace("%1", str(exc)))

    def _on_failed(self, message: str) -> None:
        self.progress.setValue(0)
        self.stage_label.setText(self.tr("Training failed."))
        self._error(message)

    def _on_cancelled(self) -> None:
        self.progress.setValue(0)
        self.stage_label.setText(self.tr("Training cancelled; nothing was saved."))

    def _on_finished(self) -> None:
        self._set_running(False)

    def _error(self, message: str) -> None:
        self.error_label.setText(message)

    # -- closing ---------------------------------------------------------------------------------
    def reject(self) -> None:
        if self.is_running():  # Esc while training: ask the engine to stop, close when it has
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        if self.is_running():
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)

    def shutdown(self, timeout: float = 10.0) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task.wait(timeout)
