"""Models page: the model library (train, activate, rename, delete, import, export) and the active
model's prediction parameters with a live preview.

Why one page: an engineer trains a model, activates it, then tunes threshold / minimum area /
border on a real image before the shift starts. Every slow step (listing manifests, loading a
bundle, importing, inference for the preview) runs off the GUI thread; the library rules live in
the headless ``station.model_library``.

Why it stays one file for now (~700 lines): the library list, the parameter editor with its live
preview and the import/export actions will become panels (issue 11, item 5); this page is being
edited on other branches, so the split waits until that work has landed. The library rules are
already headless (``station.model_library``).
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSlider,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station import changeover
from station import model_library as lib
from station.changeover import describe
from station.settings import Settings
from station.validation import is_validated
from ui.changeover_prompt import confirm_changeover
from ui.role_guard import engineer_ok
from ui.workers import run_async
from widgets.image_view import ImageView

log = logging.getLogger(__name__)

SLIDER_STEPS = 1000
SLIDER_SPAN = (0.2, 3.0)  # threshold slider covers these multiples of the model's saved threshold
PREVIEW_DEBOUNCE_MS = 150


def _fmt_float(v: Any, digits: int = 3) -> str:
    return f"{v:.{digits}f}" if isinstance(v, (int, float)) and not isinstance(v, bool) else "–"


class ModelsPage(QWidget):
    """The library table on top, the active model's prediction parameters and preview below."""

    refreshed = Signal()  # the table shows the library's current content
    previewShown = Signal(object)  # an InspectionResult was drawn in the preview

    COLUMNS = ("active", "name", "created", "algorithm", "ok", "ng", "training", "threshold",
               "precision", "recall", "file")

    def __init__(self, bridge: Any, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.settings = settings
        self.entries: list[lib.ModelEntry] = []
        self._pending_activate: Path | None = None
        self._train_dialog: Any = None
        self.preview_image: Any = None
        self._preview_model_id = getattr(bridge.model_info(), "id", None)
        self.preview_source = ""
        self.preview_result: Any = None
        self._awaiting_preview = False
        self._saved_threshold = 1.0

        self._build_library()
        self._build_params()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.library_box)
        splitter.addWidget(self.params_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([200, 600])  # a few models need few rows; the preview needs the room
        splitter.setChildrenCollapsible(False)
        from ui.training_set_panel import attach as attach_training_set

        attach_training_set(self, splitter)  # the target's training set and Retrain
        lay = QVBoxLayout(self)
        lay.addWidget(splitter)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(PREVIEW_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.send_preview)

        bridge.modelChanged.connect(self._on_model_changed)
        bridge.modelLoadFailed.connect(self._on_load_failed)
        bridge.previewReady.connect(self._on_preview)
        bridge.previewFailed.connect(self._on_preview_failed)
        self._load_params_from_model()

    def title(self) -> str:
        return self.tr("Models")

    # ============================================================== library
    def _build_library(self) -> None:
        self.library_box = QGroupBox(self.tr("Model library"))
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([
            "", self.tr("Name"), self.tr("Created"), self.tr("Algorithm"), self.tr("OK imgs"), self.tr("NG imgs"),
            self.tr("Training"), self.tr("Threshold"), self.tr("Precision"), self.tr("Recall"), self.tr("File"),
        ])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.activate_selected())
        for key, slot in ((QKeySequence.StandardKey.Delete, self._ask_delete), (Qt.Key.Key_F2, self._ask_rename),
                          (Qt.Key.Key_Return, self.activate_selected), (Qt.Key.Key_Enter, self.activate_selected)):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

        self.train_button = QPushButton(self.tr("Train new model…"))
        self.activate_button = QPushButton(self.tr("Activate"))
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.import_button = QPushButton(self.tr("Import…"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.train_button.clicked.connect(self.open_train_dialog)
        self.activate_button.clicked.connect(self.activate_selected)
        self.rename_button.clicked.connect(self._ask_rename)
        self.delete_button.clicked.connect(self._ask_delete)
        self.export_button.clicked.connect(self._ask_export)
        self.import_button.clicked.connect(self._ask_import)
        self.refresh_button.clicked.connect(self.refresh)
        self.library_status = QLabel()
        self.library_status.setWordWrap(True)

        buttons = QHBoxLayout()
        for b in (self.train_button, self.activate_button, self.rename_button, self.delete_button,
                  self.export_button, self.import_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        lay = QVBoxLayout(self.library_box)
        lay.addLayout(buttons)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.library_status)
        self._update_buttons()

    def page_shown(self) -> None:
        self.refresh()
        self.training_set.refresh()
        if self.preview_image is None:
            self.use_last_inspection()

    def active_path(self) -> Path | None:
        path = self.bridge.station.model_path
        return Path(path) if path else None

    def refresh(self) -> None:
        """Re-read the manifests in the models folder (worker thread), then redraw the table."""
        run_async(lib.library_entries, self.settings.models_dir, self.bridge.station.model_path,
                  on_done=self._entries_read,
                  on_error=lambda msg: self._status(self.tr("Cannot read the models folder: %1").replace("%1", msg)))

    def _entries_read(self, entries: list[lib.ModelEntry]) -> None:
        self._show_entries(entries)
        self.refreshed.emit()

    def _show_entries(self, entries: list[lib.ModelEntry]) -> None:
        selected = self.selected_entry()
        keep = selected.path if selected else None
        self.entries = list(entries)
        active = self.active_path()
        self.table.setRowCount(len(self.entries))
        for row, e in enumerate(self.entries):
            info = e.info
            is_active = lib.is_active(e.path, active)
            if info is None:
                cells = ["", self.tr("(unreadable)"), "", "", "", "", "", "", "", "", e.path.name]
            else:
                stats = info.stats or {}
                validated = is_validated(info, self.settings.data_dir)
                unchecked = self.tr("not validated")
                cells = [
                    "●" if is_active else "",
                    info.name if validated else f"{info.name}  ⚠ {unchecked}",
                    info.created_at.replace("T", " ")[:19],
                    info.algorithm,
                    str(info.ok_img_count),
                    str(info.ng_img_count),
                    f"{info.training_seconds:.1f} s",
                    _fmt_float(info.params.threshold, 4),
                    _fmt_float(stats.get("precision")),
                    _fmt_float(stats.get("recall")),
                    e.path.name,
                ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if info is None:
                    item.setToolTip(e.error or "")
                elif col == 1:
                    item.setToolTip(self._details(info) + ("" if validated else "\n\n" + self.tr(
                        "Not validated: its threshold comes from OK images only and may pass defects. "
                        "Evaluate it on a labelled folder (Evaluate page) or retrain with NG images.")))
                if info is not None and is_active:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                    item.setToolTip(self.tr("Active model") + ("\n" + item.toolTip() if item.toolTip() else ""))
                self.table.setItem(row, col, item)
            if (keep is not None and e.path == keep) or (keep is None and is_active):
                self.table.selectRow(row)
        if not self.entries:
            self._status(self.tr("No models in %1 yet: train one or import a .qcs file.")
                         .replace("%1", str(self.settings.models_dir)))
        self._update_buttons()

    def _details(self, info: Any) -> str:
        """Tooltip of a model's name: what it was trained with and what calibration said."""
        stats = info.stats or {}
        lines = [f"{info.name}  ({info.id[:12]})",
                 self.tr("Backbone: %1, input %2 px").replace("%1", info.backbone).replace("%2", str(info.input_size)),
                 self.tr("Pixel threshold: %1").replace("%1", _fmt_float(info.params.pixel_threshold, 4)),
                 self.tr("Min. defect area: %1 px, ignore border: %2 px")
                 .replace("%1", str(info.params.min_detected_area)).replace("%2", str(info.params.ignore_outer))]
        for key in ("memory_bank_size", "f1", "rule", "note"):
            if key in stats:
                lines.append(f"{key}: {stats[key]}")
        return "\n".join(lines)

    def shortcut_help(self) -> list[tuple[str, str]]:
        return [("Del", self.tr("Models: delete the selected model")),
                ("F2", self.tr("Models: rename the selected model")),
                ("Enter", self.tr("Models: activate the selected model"))]

    def selected_entry(self) -> lib.ModelEntry | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        row = rows[0].row()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def select_path(self, path: Path) -> bool:
        for row, e in enumerate(self.entries):
            if lib.is_active(e.path, path):
                self.table.selectRow(row)
                return True
        return False

    def _update_buttons(self) -> None:
        e = self.selected_entry()
        has = e is not None
        readable = has and e.info is not None  # type: ignore[union-attr]
        self.activate_button.setEnabled(bool(readable))
        self.rename_button.setEnabled(bool(readable))
        self.export_button.setEnabled(bool(readable))
        self.delete_button.setEnabled(has)

    def _status(self, text: str) -> None:
        self.library_status.setText(text)

    def _warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    # -- train -----------------------------------------------------------------------------------
    def _engineer(self, button: Any) -> bool:
        """Roles: an engineer action asks for the PIN (named by its button) when one is set."""
        return engineer_ok(self.bridge, self, button.text().replace("&", "").rstrip("…."))

    def open_train_dialog(self) -> Any:
        from ui.train_dialog import TrainDialog

        if not self._engineer(self.train_button):
            return None

        dlg = TrainDialog(self.bridge, self.settings, self)
        dlg.modelTrained.connect(self._on_trained)
        self._train_dialog = dlg
        dlg.open()
        return dlg

    def _on_trained(self, path: Path) -> None:
        self._status(self.tr("Saved %1.").replace("%1", Path(path).name))
        self.refresh()

    # -- activate --------------------------------------------------------------------------------
    def activate_selected(self) -> None:
        e = self.selected_entry()
        if e is None or e.info is None:
            return
        self.activate(e.path)

    def activate(self, path: Path) -> bool:
        """Load the bundle on a worker; the table and settings follow when ``modelChanged`` arrives.
        While the line runs, asks first (naming both models); False when the user declines."""
        if not self._engineer(self.activate_button):
            return False
        entry = next((e for e in self.entries if lib.is_active(e.path, path)), None)
        new = describe(entry.info) if entry is not None and entry.info is not None else Path(path).name
        go, confirmed = confirm_changeover(self, self.bridge.station, "activate",
                                           describe(self.bridge.model_info()), new)
        if not go:
            self._status(self.tr("Not activated: the line keeps its model."))
            return False
        self._pending_activate = Path(path)
        self._status(self.tr("Loading %1…").replace("%1", Path(path).name))
        self.activate_button.setEnabled(False)
        self.bridge.load_model_async(path, confirmed=confirmed)
        return True

    def _clear_preview_of_other_model(self, info: Any) -> None:
        """A changeover: the preview showed the old product's part; drop it (and take the new
        model's last part when there is one)."""
        new_id = getattr(info, "id", None)
        if new_id == self._preview_model_id:
            return
        self._preview_model_id = new_id
        if self.preview_image is None:
            return
        self.preview_image = None
        self.preview_result = None
        self.preview_source = ""
        self.preview_info.setText("")
        self.verdict_label.setText("")
        self.preview_view.clear()
        self.use_last_inspection()

    def _on_model_changed(self, info: Any) -> None:
        self._clear_preview_of_other_model(info)
        pending = self._pending_activate
        current = self.bridge.station.model_path
        if pending is not None and current is not None and lib.is_active(pending, current):
            self._pending_activate = None
            try:
                lib.remember_active(self.bridge.settings_store, current)
            except OSError as exc:
                self._warn(self.tr("Settings not saved"), str(exc))
            self._status(self.tr("Active model: %1").replace("%1", info.name if info else ""))
        self._load_params_from_model()
        self._show_entries(self.entries)  # active marker, without re-reading the folder
        self.schedule_preview()

    def _on_load_failed(self, message: str) -> None:
        if self._pending_activate is None:
            return
        self._pending_activate = None
        self._update_buttons()
        self._status("")
        self._warn(self.tr("Model not activated"), message)

    # -- rename ----------------------------------------------------------------------------------
    def _ask_rename(self) -> None:
        e = self.selected_entry()
        if e is None or e.info is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename model"), self.tr("New name:"), text=e.info.name)
        if ok:
            self.rename_selected(name)

    def rename_selected(self, new_name: str) -> None:
        e = self.selected_entry()
        if e is None or e.info is None or not self._engineer(self.rename_button):
            return
        # station.model_library: the active model is renamed by a switch to a renamed copy
        run_async(lib.rename_in_station, self.bridge.station, e.path, new_name, trail=self.bridge.station, on_done=lambda _i: self.refresh(),
                  on_error=lambda m: self._warn(self.tr("Rename failed"), m))

    # -- delete ----------------------------------------------------------------------------------
    def _ask_delete(self) -> None:
        e = self.selected_entry()
        if e is None:
            return
        if lib.is_active(e.path, self.bridge.station.model_path):
            self._warn(self.tr("Cannot delete"),
                       self.tr("This is the active model. Activate another model before deleting it."))
            return
        name = e.info.name if e.info else e.path.name
        answer = QMessageBox.question(
            self, self.tr("Delete model"),
            self.tr("Delete the model “%1” (%2)? This cannot be undone.").replace("%1", name).replace("%2", e.path.name))
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_selected()

    def delete_selected(self) -> bool:
        e = self.selected_entry()
        if e is None or not self._engineer(self.delete_button):
            return False
        try:
            lib.delete_model(e.path, self.bridge.station.model_path or self.settings.inference.model_path,
                             trail=self.bridge.station)
        except lib.LibraryError as exc:
            self._warn(self.tr("Cannot delete"), str(exc))
            return False
        self._status(self.tr("Deleted %1.").replace("%1", e.path.name))
        self.refresh()
        return True

    # -- export / import -------------------------------------------------------------------------
    def _ask_export(self) -> None:
        e = self.selected_entry()
        if e is None or e.info is None:
            return
        dest, _ = QFileDialog.getSaveFileName(self, self.tr("Export model"), str(Path.home() / e.path.name),
                                              self.tr("QC Station models (*.qcs)"))
        if dest:
            self.export_selected(Path(dest))

    def export_selected(self, dest: Path) -> None:
        e = self.selected_entry()
        if e is None:
            return
        run_async(lib.export_model, e.path, dest,
                  on_done=lambda p: self._status(self.tr("Exported to %1.").replace("%1", str(p))),
                  on_error=lambda m: self._warn(self.tr("Export failed"), m))

    def _ask_import(self) -> None:
        src, _ = QFileDialog.getOpenFileName(self, self.tr("Import model"), str(Path.home()),
                                             self.tr("QC Station models (*.qcs);;All files (*)"))
        if src:
            self.import_file(Path(src))

    def import_file(self, src: Path) -> None:
        """Validate with the engine, then copy into the library; a bad file gets the engine's reason."""
        if not self._engineer(self.import_button):
            return
        self._status(self.tr("Checking %1…").replace("%1", Path(src).name))
        self.import_button.setEnabled(False)

        def done(entry: lib.ModelEntry) -> None:
            self.import_button.setEnabled(True)
            self._status(self.tr("Imported “%1” as %2.").replace("%1", entry.info.name if entry.info else "")
                         .replace("%2", entry.path.name))
            self.refresh()

        def failed(message: str) -> None:
            self.import_button.setEnabled(True)
            self._status("")
            self._warn(self.tr("Import failed"),
                       self.tr("%1 was not imported:\n%2").replace("%1", Path(src).name).replace("%2", message))

        run_async(lib.import_model, src, self.settings.models_dir, "cpu", trail=self.bridge.station,
                  on_done=done, on_error=failed)

    # ============================================================== prediction parameters
    def _build_params(self) -> None:
        self.params_box = QGroupBox(self.tr("Prediction parameters of the active model"))
        self.threshold_spin = QDoubleSpinBox()
        self.threshold_spin.setDecimals(4)
        self.threshold_spin.setRange(0.0001, 1e6)
        self.threshold_spin.setSingleStep(0.01)
        self.threshold_spin.setToolTip(self.tr("Image score above this is NG (raw score units)."))
        self.threshold_slider = QSlider(Qt.Orientation.Horizontal)
        self.threshold_slider.setRange(0, SLIDER_STEPS)
        self.threshold_slider.setMinimumWidth(140)
        self.threshold_slider.setToolTip(self.tr("From 0.2× to 3× the model's saved threshold."))
        self.threshold_spin.setMaximumWidth(120)
        self.pixel_spin = QDoubleSpinBox()
        self.pixel_spin.setDecimals(4)
        self.pixel_spin.setRange(0.0001, 1e6)
        self.pixel_spin.setSingleStep(0.01)
        self.pixel_spin.setToolTip(self.tr("Pixels above this form defect regions (boxes)."))
        self.area_spin = QSpinBox()
        self.area_spin.setRange(0, 100_000_000)
        self.area_spin.setSingleStep(10)
        self.area_spin.setSuffix(self.tr(" px"))
        self.area_spin.setToolTip(self.tr("Defect regions smaller than this are ignored."))
        self.outer_spin = QSpinBox()
        self.outer_spin.setRange(0, 10_000)
        self.outer_spin.setSuffix(self.tr(" px"))
        self.outer_spin.setToolTip(self.tr("A band along the image border that is not inspected."))

        thr_row = QWidget()
        thr_lay = QHBoxLayout(thr_row)
        thr_lay.setContentsMargins(0, 0, 0, 0)
        thr_lay.addWidget(self.threshold_slider, 1)
        thr_lay.addWidget(self.threshold_spin)
        form = QFormLayout()
        form.addRow(self.tr("Threshold:"), thr_row)
        form.addRow(self.tr("Pixel threshold:"), self.pixel_spin)
        form.addRow(self.tr("Min. defect area:"), self.area_spin)
        form.addRow(self.tr("Ignore border:"), self.outer_spin)

        self.apply_button = QPushButton(self.tr("Apply"))
        self.revert_button = QPushButton(self.tr("Revert"))
        self.apply_button.clicked.connect(self.apply_params)
        self.revert_button.clicked.connect(self._load_params_from_model)
        self.params_status = QLabel()
        self.params_status.setWordWrap(True)
        btns = QHBoxLayout()
        btns.addWidget(self.apply_button)
        btns.addWidget(self.revert_button)
        btns.addStretch(1)

        self.last_button = QPushButton(self.tr("Use last inspected image"))
        self.open_button = QPushButton(self.tr("Open image…"))
        self.last_button.clicked.connect(self.use_last_inspection)
        self.open_button.clicked.connect(self._ask_open_image)
        img_btns = QHBoxLayout()
        img_btns.addWidget(self.last_button)
        img_btns.addWidget(self.open_button)
        img_btns.addStretch(1)

        left = QVBoxLayout()
        left.addLayout(form)
        left.addLayout(btns)
        left.addWidget(self.params_status)
        left.addStretch(1)
        left.addLayout(img_btns)

        self.verdict_label = QLabel("–")
        self.verdict_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.verdict_label.setMinimumWidth(90)
        vfont = self.verdict_label.font()
        vfont.setPointSize(max(vfont.pointSize(), 10) * 2)
        vfont.setBold(True)
        self.verdict_label.setFont(vfont)
        self.preview_info = QLabel()
        self.preview_info.setWordWrap(True)
        self.preview_view = ImageView()
        self.preview_view.set_placeholder(self.tr("No image yet: inspect a part on the Live page or open an image."))
        self.preview_view.setMinimumSize(240, 180)
        right = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(self.verdict_label)
        top.addWidget(self.preview_info, 1)
        right.addLayout(top)
        right.addWidget(self.preview_view, 1)

        lay = QHBoxLayout(self.params_box)
        left_w = QWidget()
        left_w.setLayout(left)
        left_w.setMaximumWidth(460)
        lay.addWidget(left_w)
        lay.addLayout(right, 1)

        self.threshold_slider.valueChanged.connect(self._slider_moved)
        self.threshold_spin.valueChanged.connect(self._threshold_typed)
        for spin in (self.pixel_spin, self.area_spin, self.outer_spin):
            spin.valueChanged.connect(self._params_edited)

    def _slider_to_threshold(self, pos: int) -> float:
        lo, hi = SLIDER_SPAN
        return self._saved_threshold * (lo + (hi - lo) * pos / SLIDER_STEPS)

    def _threshold_to_slider(self, value: float) -> int:
        lo, hi = SLIDER_SPAN
        rel = value / max(self._saved_threshold, 1e-12)
        return int(round(min(max((rel - lo) / (hi - lo), 0.0), 1.0) * SLIDER_STEPS))

    def _slider_moved(self, pos: int) -> None:
        value = self._slider_to_threshold(pos)
        if abs(self._threshold_to_slider(self.threshold_spin.value()) - pos) > 0:
            self.threshold_spin.blockSignals(True)
            self.threshold_spin.setValue(value)
            self.threshold_spin.blockSignals(False)
            self._params_edited()

    def _threshold_typed(self, value: float) -> None:
        self.threshold_slider.blockSignals(True)
        self.threshold_slider.setValue(self._threshold_to_slider(value))
        self.threshold_slider.blockSignals(False)
        self._params_edited()

    def edited_params(self) -> Any:
        """The parameters shown in the panel, or None without a model."""
        current = self.bridge.params()
        if current is None:
            return None
        return current.with_(threshold=self._spun(self.threshold_spin, current.threshold),
                             pixel_threshold=self._spun(self.pixel_spin, current.pixel_threshold),
                             min_detected_area=int(self.area_spin.value()),
                             ignore_outer=int(self.outer_spin.value()))

    @staticmethod
    def _spun(spin: QDoubleSpinBox, exact: float) -> float:
        """The spin box's value, or the model's exact value when the box only shows it rounded."""
        value = float(spin.value())
        return float(exact) if round(float(exact), spin.decimals()) == round(value, spin.decimals()) else value

    def is_dirty(self) -> bool:
        edited = self.edited_params()
        return edited is not None and edited != self.bridge.params()

    def _load_params_from_model(self) -> None:
        params = self.bridge.params()
        has = params is not None
        for w in (self.threshold_spin, self.threshold_slider, self.pixel_spin, self.area_spin, self.outer_spin,
                  self.apply_button, self.revert_button):
            w.setEnabled(has)
        if not has:
            self.params_box.setTitle(self.tr("Prediction parameters (no active model)"))
            self.params_status.setText(self.tr("Activate a model to tune its parameters."))
            return
        info = self.bridge.model_info()
        self.params_box.setTitle(self.tr("Prediction parameters of “%1”").replace("%1", info.name if info else ""))
        self._saved_threshold = float(params.threshold)
        widgets = (self.threshold_spin, self.threshold_slider, self.pixel_spin, self.area_spin, self.outer_spin)
        for w in widgets:
            w.blockSignals(True)
        self.threshold_spin.setValue(params.threshold)
        self.threshold_slider.setValue(self._threshold_to_slider(params.threshold))
        self.pixel_spin.setValue(params.pixel_threshold)
        self.area_spin.setValue(params.min_detected_area)
        self.outer_spin.setValue(params.ignore_outer)
        for w in widgets:
            w.blockSignals(False)
        self._params_edited()

    def _params_edited(self) -> None:
        dirty = self.is_dirty()
        self.apply_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        self.params_status.setText(self.tr("Not applied yet: the preview uses these values.") if dirty else "")
        self.schedule_preview()

    def apply_params(self) -> bool:
        """The station uses the new values from the next image on and rewrites the bundle."""
        params = self.edited_params()
        if params is None or not self._engineer(self.apply_button):
            return False
        info = self.bridge.model_info()
        old = self.bridge.params()
        go, confirmed = confirm_changeover(
            self, self.bridge.station, "params",
            self.tr("%1 with threshold %2").replace("%1", getattr(info, "name", "—"))
            .replace("%2", f"{getattr(old, 'threshold', 0.0):.4g}"),
            self.tr("%1 with threshold %2").replace("%1", getattr(info, "name", "—"))
            .replace("%2", f"{params.threshold:.4g}"))
        if not go:
            self.params_status.setText(self.tr("Not applied: the line keeps the current parameters."))
            return False
        try:
            changeover.apply_params(self.bridge.station, params, confirmed=confirmed)
        except Exception as exc:  # noqa: BLE001 - NoModelLoaded, ValueError: shown, not raised
            self._warn(self.tr("Parameters not applied"), str(exc))
            return False
        self.params_status.setText(self.tr("Applied and saved with the model."))
        return True

    # -- preview ---------------------------------------------------------------------------------
    def use_last_inspection(self) -> bool:
        inspection = getattr(self.bridge, "last_inspection", None)
        if inspection is None or getattr(inspection, "image", None) is None:
            return False
        info = self.bridge.model_info()
        judged_by = getattr(inspection.record, "model_id", None) if inspection.record is not None else None
        if info is not None and judged_by and judged_by != info.id:
            return False  # a part of the product judged before: not a preview of this model
        self.set_preview_image(inspection.image, inspection.record.name if inspection.record else "")
        return True

    def _ask_open_image(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open an image"), str(Path.home()),
            self.tr("Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)"))
        if path:
            self.open_image(Path(path))

    def open_image(self, path: Path) -> None:
        from inference.imageio import read_image

        run_async(read_image, path, on_done=lambda img: self.set_preview_image(img, Path(path).name),
                  on_error=lambda m: self._warn(self.tr("Cannot open the image"), m))

    def set_preview_image(self, image: Any, name: str = "") -> None:
        self.preview_image = image
        self.preview_source = name
        self.preview_result = None
        self.preview_view.show_result(image)
        self.preview_info.setText(name)
        self.verdict_label.setText("…")
        self.schedule_preview()

    def schedule_preview(self) -> None:
        if self.preview_image is not None and self.bridge.params() is not None:
            self._debounce.start()

    def send_preview(self) -> None:
        params = self.edited_params()
        if self.preview_image is None or params is None:
            return
        self._awaiting_preview = True
        self.bridge.preview(self.preview_image, params)

    def _on_preview(self, result: Any) -> None:
        if not self._awaiting_preview or self.preview_image is None:
            return
        if tuple(result.image_shape) != tuple(self.preview_image.shape[:2]):
            return  # another page's preview
        self._awaiting_preview = False
        self.preview_result = result
        self.preview_view.show_result(self.preview_image, result)
        ng = result.verdict == "NG"
        self.verdict_label.setText(self.tr("NG") if ng else self.tr("OK"))
        self.verdict_label.setStyleSheet(f"color: white; background: {'#c62828' if ng else '#2e7d32'};"
                                         " border-radius: 6px; padding: 6px 14px;")
        self.preview_info.setText(
            self.tr("%1 · score %2 / threshold %3 · %4 defect region(s)")
            .replace("%1", self.preview_source or self.tr("image"))
            .replace("%2", f"{result.score:.4f}").replace("%3", f"{result.threshold:.4f}")
            .replace("%4", str(len(result.regions))))
        self.previewShown.emit(result)

    def _on_preview_failed(self, message: str) -> None:
        if not self._awaiting_preview:
            return
        self._awaiting_preview = False
        self.verdict_label.setText("–")
        self.verdict_label.setStyleSheet("")
        self.preview_info.setText(self.tr("Preview failed: %1").replace("%1", message))

    # ============================================================== lifecycle
    def shutdown(self) -> None:
        self._debounce.stop()
        if self._train_dialog is not None:
            with contextlib.suppress(RuntimeError):  # the dialog was already deleted
                self._train_dialog.shutdown()
