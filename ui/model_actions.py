"""What the Models page's library buttons do: train, activate, rename, delete, export, import.

Why apart from the table (``ui.model_library_panel``): every action here asks first where it must
(the engineer PIN, the changeover prompt while the line runs, "delete cannot be undone"), runs the
slow part off the GUI thread through the headless ``station.model_library`` and then only asks the
table to re-read the folder. The rules themselves (the active model cannot be deleted, renaming
the active model switches to a renamed copy) live in ``station.model_library``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from station import model_library as lib
from station.changeover import describe
from ui.changeover_prompt import confirm_changeover
from ui.model_library_panel import ModelLibraryPanel
from ui.workers import run_async


class ModelActions(QObject):
    """The library's actions on the selected model; dialogs open over ``page``."""

    def __init__(self, page: QWidget, bridge: Any, settings: Any, library: ModelLibraryPanel,
                 engineer: Callable[[Any], bool], warn: Callable[[str, str], None]) -> None:
        super().__init__(page)
        self.page = page
        self.bridge = bridge
        self.settings = settings
        self.library = library
        self._engineer = engineer  # the engineer PIN, asked in the words of the pressed button
        self._warn = warn
        self.pending_activate: Path | None = None
        self.train_dialog: Any = None
        for button, slot in ((library.train_button, self.open_train_dialog),
                             (library.activate_button, self.activate_selected),
                             (library.rename_button, self.ask_rename), (library.delete_button, self.ask_delete),
                             (library.export_button, self.ask_export), (library.import_button, self.ask_import)):
            button.clicked.connect(slot)

    def _status(self, text: str) -> None:
        self.library.set_status(text)

    # -- train -----------------------------------------------------------------------------------
    def open_train_dialog(self) -> Any:
        from ui.train_dialog import TrainDialog

        if not self._engineer(self.library.train_button):
            return None

        dlg = TrainDialog(self.bridge, self.settings, self.page)
        dlg.modelTrained.connect(self._on_trained)
        self.train_dialog = dlg
        dlg.open()
        return dlg

    def _on_trained(self, path: Path) -> None:
        self._status(self.tr("Saved %1.").replace("%1", Path(path).name))
        self.library.refresh()

    # -- activate --------------------------------------------------------------------------------
    def activate_selected(self) -> None:
        e = self.library.selected_entry()
        if e is None or e.info is None:
            return
        self.activate(e.path)

    def activate(self, path: Path) -> bool:
        """Load the bundle on a worker; the table and settings follow when ``modelChanged`` arrives.
        While the line runs, asks first (naming both models); False when the user declines."""
        if not self._engineer(self.library.activate_button):
            return False
        entry = self.library.entry_for(path)
        new = describe(entry.info) if entry is not None and entry.info is not None else Path(path).name
        go, confirmed = confirm_changeover(self.page, self.bridge.station, "activate",
                                           describe(self.bridge.model_info()), new)
        if not go:
            self._status(self.tr("Not activated: the line keeps its model."))
            return False
        self.pending_activate = Path(path)
        self._status(self.tr("Loading %1…").replace("%1", Path(path).name))
        self.library.activate_button.setEnabled(False)
        self.bridge.load_model_async(path, confirmed=confirmed)
        return True

    def model_changed(self, info: Any) -> None:
        """The station runs another model: if it is the one asked for, remember it in the settings."""
        pending = self.pending_activate
        current = self.bridge.station.model_path
        if pending is not None and current is not None and lib.is_active(pending, current):
            self.pending_activate = None
            try:
                lib.remember_active(self.bridge.settings_store, current)
            except OSError as exc:
                self._warn(self.tr("Settings not saved"), str(exc))
            self._status(self.tr("Active model: %1").replace("%1", info.name if info else ""))

    def load_failed(self, message: str) -> None:
        if self.pending_activate is None:
            return
        self.pending_activate = None
        self.library.update_buttons()
        self._status("")
        self._warn(self.tr("Model not activated"), message)

    # -- rename ----------------------------------------------------------------------------------
    def ask_rename(self) -> None:
        e = self.library.selected_entry()
        if e is None or e.info is None:
            return
        name, ok = QInputDialog.getText(self.page, self.tr("Rename model"), self.tr("New name:"), text=e.info.name)
        if ok:
            self.rename_selected(name)

    def rename_selected(self, new_name: str) -> None:
        e = self.library.selected_entry()
        if e is None or e.info is None or not self._engineer(self.library.rename_button):
            return
        # station.model_library: the active model is renamed by a switch to a renamed copy
        run_async(lib.rename_in_station, self.bridge.station, e.path, new_name, trail=self.bridge.station,
                  on_done=lambda _i: self.library.refresh(),
                  on_error=lambda m: self._warn(self.tr("Rename failed"), m))

    # -- delete ----------------------------------------------------------------------------------
    def ask_delete(self) -> None:
        e = self.library.selected_entry()
        if e is None:
            return
        if lib.is_active(e.path, self.bridge.station.model_path):
            self._warn(self.tr("Cannot delete"),
                       self.tr("This is the active model. Activate another model before deleting it."))
            return
        name = e.info.name if e.info else e.path.name
        answer = QMessageBox.question(
            self.page, self.tr("Delete model"),
            self.tr("Delete the model “%1” (%2)? This cannot be undone.").replace("%1", name).replace("%2", e.path.name))
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_selected()

    def delete_selected(self) -> bool:
        e = self.library.selected_entry()
        if e is None or not self._engineer(self.library.delete_button):
            return False
        try:
            lib.delete_model(e.path, self.bridge.station.model_path or self.settings.inference.model_path,
                             trail=self.bridge.station)
        except lib.LibraryError as exc:
            self._warn(self.tr("Cannot delete"), str(exc))
            return False
        self._status(self.tr("Deleted %1.").replace("%1", e.path.name))
        self.library.refresh()
        return True

    # -- export / import -------------------------------------------------------------------------
    def ask_export(self) -> None:
        e = self.library.selected_entry()
        if e is None or e.info is None:
            return
        dest, _ = QFileDialog.getSaveFileName(self.page, self.tr("Export model"), str(Path.home() / e.path.name),
                                              self.tr("QC Station models (*.qcs)"))
        if dest:
            self.export_selected(Path(dest))

    def export_selected(self, dest: Path) -> None:
        e = self.library.selected_entry()
        if e is None:
            return
        run_async(lib.export_model, e.path, dest,
                  on_done=lambda p: self._status(self.tr("Exported to %1.").replace("%1", str(p))),
                  on_error=lambda m: self._warn(self.tr("Export failed"), m))

    def ask_import(self) -> None:
        src, _ = QFileDialog.getOpenFileName(self.page, self.tr("Import model"), str(Path.home()),
                                             self.tr("QC Station models (*.qcs);;All files (*)"))
        if src:
            self.import_file(Path(src))

    def import_file(self, src: Path) -> None:
        """Validate with the engine, then copy into the library; a bad file gets the engine's reason."""
        button = self.library.import_button
        if not self._engineer(button):
            return
        self._status(self.tr("Checking %1…").replace("%1", Path(src).name))
        button.setEnabled(False)

        def done(entry: lib.ModelEntry) -> None:
            button.setEnabled(True)
            self._status(self.tr("Imported “%1” as %2.").replace("%1", entry.info.name if entry.info else "")
                         .replace("%2", entry.path.name))
            self.library.refresh()

        def failed(message: str) -> None:
            button.setEnabled(True)
            self._status("")
            self._warn(self.tr("Import failed"),
                       self.tr("%1 was not imported:\n%2").replace("%1", Path(src).name).replace("%2", message))

        run_async(lib.import_model, src, self.settings.models_dir, "cpu", trail=self.bridge.station,
                  on_done=done, on_error=failed)

    def shutdown(self) -> None:
        if self.train_dialog is not None:
            with contextlib.suppress(RuntimeError):  # the dialog was already deleted
                self.train_dialog.shutdown()
