"""Models page: the model library (train, activate, rename, delete, import, export) and the active
model's prediction parameters with a live preview.

Why one page: an engineer trains a model, activates it, then tunes threshold / minimum area /
border on a real image before the shift starts. The page only puts its panels together and keeps
them in step when the station changes model: the table (``ui.model_library_panel``), what its
buttons do (``ui.model_actions``), the parameters with the preview (``ui.model_params_panel``)
and the training set with Retrain (``ui.training_set_panel``). Every slow step runs off the GUI
thread; the library rules live in the headless ``station.model_library``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox, QSplitter, QVBoxLayout, QWidget

from station import model_library as lib
from station.settings import Settings
from ui.model_actions import ModelActions
from ui.model_library_panel import COLUMNS, ModelLibraryPanel
from ui.model_params_panel import ModelParamsPanel
from ui.role_guard import engineer_ok

log = logging.getLogger(__name__)


class ModelsPage(QWidget):
    """The library table on top, the active model's prediction parameters and preview below."""

    refreshed = Signal()  # the table shows the library's current content
    previewShown = Signal(object)  # an InspectionResult was drawn in the preview

    COLUMNS = COLUMNS

    def __init__(self, bridge: Any, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.settings = settings

        self.library = ModelLibraryPanel(settings, self.active_path)
        self.library_box = self.library
        self.library_actions = ModelActions(self, bridge, settings, self.library, self._engineer, self._warn)
        self.params = ModelParamsPanel(bridge, self._engineer, self._warn)
        self.params_box = self.params
        self.library.refreshed.connect(self.refreshed)
        self.params.previewShown.connect(self.previewShown)
        self.library.table.itemDoubleClicked.connect(lambda _item: self.activate_selected())
        for key, slot in ((QKeySequence.StandardKey.Delete, self.library_actions.ask_delete),
                          (Qt.Key.Key_F2, self.library_actions.ask_rename),
                          (Qt.Key.Key_Return, self.activate_selected), (Qt.Key.Key_Enter, self.activate_selected)):
            self.library.add_shortcut(key, slot)
        # the widgets tests and tools reach through the page
        lib_, par = self.library, self.params
        self.table = lib_.table
        self.library_status = lib_.status
        self.train_button, self.activate_button = lib_.train_button, lib_.activate_button
        self.rename_button, self.delete_button = lib_.rename_button, lib_.delete_button
        self.export_button, self.import_button = lib_.export_button, lib_.import_button
        self.refresh_button = lib_.refresh_button
        self.threshold_spin, self.threshold_slider = par.threshold_spin, par.threshold_slider
        self.pixel_spin, self.area_spin, self.outer_spin = par.pixel_spin, par.area_spin, par.outer_spin
        self.apply_button, self.revert_button, self.params_status = par.apply_button, par.revert_button, par.status
        self.last_button, self.open_button = par.last_button, par.open_button
        self.verdict_label, self.preview_info, self.preview_view = par.verdict_label, par.preview_info, par.preview_view

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.library)
        splitter.addWidget(self.params)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([200, 600])  # a few models need few rows; the preview needs the room
        splitter.setChildrenCollapsible(False)
        from ui.training_set_panel import attach as attach_training_set

        attach_training_set(self, splitter)  # the target's training set and Retrain
        lay = QVBoxLayout(self)
        lay.addWidget(splitter)

        bridge.modelChanged.connect(self._on_model_changed)
        bridge.modelLoadFailed.connect(self.library_actions.load_failed)
        self.params.load_from_model()

    def title(self) -> str:
        return self.tr("Models")

    def page_shown(self) -> None:
        self.refresh()
        self.training_set.refresh()
        if self.preview_image is None:
            self.use_last_inspection()

    def shortcut_help(self) -> list[tuple[str, str]]:
        return [("Del", self.tr("Models: delete the selected model")),
                ("F2", self.tr("Models: rename the selected model")),
                ("Enter", self.tr("Models: activate the selected model"))]

    def active_path(self) -> Path | None:
        path = self.bridge.station.model_path
        return Path(path) if path else None

    def _warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def _engineer(self, button: Any) -> bool:
        """Roles: an engineer action asks for the PIN (named by its button) when one is set."""
        return engineer_ok(self.bridge, self, button.text().replace("&", "").rstrip("…."))

    def _on_model_changed(self, info: Any) -> None:
        self.params.clear_preview_of_other_model(info)
        self.library_actions.model_changed(info)
        self.params.load_from_model()
        self.library.show_entries(self.entries)  # active marker, without re-reading the folder
        self.params.schedule_preview()

    # -- the library (table and actions) ---------------------------------------------------------
    @property
    def entries(self) -> list[lib.ModelEntry]:
        return self.library.entries

    def refresh(self) -> None:
        self.library.refresh()

    def selected_entry(self) -> lib.ModelEntry | None:
        return self.library.selected_entry()

    def select_path(self, path: Path) -> bool:
        return self.library.select_path(path)

    def open_train_dialog(self) -> Any:
        return self.library_actions.open_train_dialog()

    def activate_selected(self) -> None:
        self.library_actions.activate_selected()

    def activate(self, path: Path) -> bool:
        return self.library_actions.activate(path)

    def rename_selected(self, new_name: str) -> None:
        self.library_actions.rename_selected(new_name)

    def _ask_delete(self) -> None:
        self.library_actions.ask_delete()

    def delete_selected(self) -> bool:
        return self.library_actions.delete_selected()

    def export_selected(self, dest: Path) -> None:
        self.library_actions.export_selected(dest)

    def import_file(self, src: Path) -> None:
        self.library_actions.import_file(src)

    # -- prediction parameters and preview -------------------------------------------------------
    @property
    def preview_image(self) -> Any:
        return self.params.preview_image

    @property
    def preview_source(self) -> str:
        return self.params.preview_source

    @property
    def preview_result(self) -> Any:
        return self.params.preview_result

    def edited_params(self) -> Any:
        return self.params.edited_params()

    def is_dirty(self) -> bool:
        return self.params.is_dirty()

    def _params_edited(self) -> None:
        self.params.params_edited()

    def apply_params(self) -> bool:
        return self.params.apply(self.edited_params())

    def use_last_inspection(self) -> bool:
        return self.params.use_last_inspection()

    def open_image(self, path: Path) -> None:
        self.params.open_image(path)

    def set_preview_image(self, image: Any, name: str = "") -> None:
        self.params.set_preview_image(image, name)

    def schedule_preview(self) -> None:
        self.params.schedule_preview()

    def send_preview(self) -> None:
        self.params.send_preview()

    def shutdown(self) -> None:
        self.params.shutdown()
        self.library_actions.shutdown()
