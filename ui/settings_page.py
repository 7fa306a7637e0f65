"""Settings page: endpoint, image saving, data folder, device, language, theme, shifts, ES mirror.

Why validation before anything is written: a bad port or shift time must never reach the settings
file, where it would stop the next start-up. The page edits a copy; Save runs ``Settings.validate``
(the rules the command line and the API use too), shows what is wrong next to each field, and only
then hands the change to the ``SettingsStore``, which writes the file and notifies the station and
the endpoint (saving rule, quota, API key apply at once); the page switches the theme. Host, port,
data folder, device and language take effect after a restart, and the page says so.

Why one file (~460 lines): it is one form: each group box is a few lines of field building bound
to one section of ``Settings``; the logic (rules, shifts, saving) already lives in ``station``.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inference.devices import cuda_available
from station.settings import (
    FieldError,
    InvalidSettings,
    ServerSettings,
    Settings,
    SettingsApplyError,
    SettingsSaveError,
    Shift,
    fill,
)
from ui.roles_box import RolesBox  # imported with the page's module, not while the page is built
from ui.workers import run_async
from widgets.rows import hrow, row_widget

log = logging.getLogger(__name__)

INVALID_STYLE = "border: 2px solid #e05050;"


class SettingsPage(QWidget):
    """Edits a copy of the settings; Save validates, applies and writes them."""

    saved = Signal()

    def __init__(self, bridge: Any, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.settings = settings
        self.errors: dict[str, str] = {}
        self._build()
        self.load_from_settings()

    def title(self) -> str:
        return self.tr("Settings")

    def _on_cuda_probe(self, ok: bool) -> None:
        self.cuda_ok = bool(ok)
        item = self.device_combo.model().item(2)
        item.setEnabled(self.cuda_ok)
        item.setToolTip("" if self.cuda_ok else
                        self.tr("No CUDA GPU is available on this PC (torch.cuda.is_available() is false)."))

    def page_shown(self) -> None:
        if not self.is_dirty():
            self.load_from_settings()

    # -- shown in pieces ---------------------------------------------------------------------------
    # Why: styling, laying out and painting the whole form at once took 40-80 ms on the GUI thread
    # when the page was first opened; one group box per event-loop turn keeps each step short.
    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._unrevealed:
            QTimer.singleShot(0, self._reveal_next)

    def _reveal_next(self) -> None:
        if self._unrevealed and self.isVisible():
            self._unrevealed.pop(0).setVisible(True)
            if self._unrevealed:
                QTimer.singleShot(10, self._reveal_next)  # its paint comes first, then the next box

    def is_complete(self) -> bool:
        """Every group box has been shown (the page builds its look in pieces after it is shown)."""
        return not self._unrevealed

    # ============================================================== widgets
    def _err(self, key: str) -> QLabel:
        """The message shown right under a field while its value is invalid."""
        label = QLabel()
        label.setWordWrap(True)
        label.setStyleSheet("color: #e05050; font-weight: bold;")
        label.setVisible(False)
        self.field_errors[key] = label
        return label

    def _build(self) -> None:
        self.field_errors: dict[str, QLabel] = {}
        # -- endpoint
        self.server_enabled = QCheckBox(self.tr("Start the HTTP endpoint with the window"))
        self.host_edit = QLineEdit()
        self.host_edit.setToolTip(self.tr("127.0.0.1: this PC only; 0.0.0.0: every network interface"))
        self.port_edit = QLineEdit()
        self.port_edit.setMaximumWidth(100)
        self.key_edit = QLineEdit()
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setPlaceholderText(self.tr("empty: no key required"))
        self.show_key = QCheckBox(self.tr("Show"))
        self.show_key.toggled.connect(lambda on: self.key_edit.setEchoMode(
            QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password))
        self.generate_key = QPushButton(self.tr("Generate"))
        self.generate_key.clicked.connect(lambda: self.key_edit.setText(secrets.token_urlsafe(24)))
        key_row = self._row(self.key_edit, self.show_key, self.generate_key)
        self.max_pixels_spin = QSpinBox()
        self.max_pixels_spin.setRange(1, 1000)
        self.max_pixels_spin.setSuffix(self.tr(" megapixels"))
        self.max_pixels_spin.setToolTip(self.tr("Larger images are refused with HTTP 413."))
        self.exposure_label = QLabel()
        self.exposure_label.setWordWrap(True)
        self.exposure_label.setStyleSheet("color: #f29900; font-weight: bold;")
        self.host_edit.textChanged.connect(self._update_exposure)
        self.key_edit.textChanged.connect(self._update_exposure)
        self.server_enabled.toggled.connect(self._update_exposure)

        server_box = QGroupBox(self.tr("HTTP endpoint (PEKAT VISION protocol)"))
        f = QFormLayout(server_box)
        f.addRow(self.server_enabled)
        f.addRow(self.tr("Host:"), self.host_edit)
        f.addRow("", self._err("host"))
        f.addRow(self.tr("Port:"), self.port_edit)
        f.addRow("", self._err("port"))
        f.addRow(self.tr("API key:"), key_row)
        f.addRow("", self._err("api_key"))
        f.addRow(self.tr("Max. image size:"), self.max_pixels_spin)
        f.addRow(self.exposure_label)
        f.addRow(self._note(self.tr("Host, port and on/off take effect after a restart; the API key and the "
                                    "image size limit at once.")))

        # -- storage
        self.save_rule = QComboBox()
        self.save_rule.addItem(self.tr("All images"), "all")
        self.save_rule.addItem(self.tr("NG images only"), "ng")
        self.save_rule.addItem(self.tr("No images (results only)"), "none")
        self.quota_spin = QSpinBox()
        self.quota_spin.setRange(10, 100_000_000)
        self.quota_spin.setSingleStep(1000)
        self.quota_spin.setSuffix(" MB")
        self.quota_spin.setToolTip(self.tr("The oldest images are deleted beyond this size (results are kept)."))
        self.min_free_spin = QSpinBox()
        self.min_free_spin.setRange(0, 100_000_000)
        self.min_free_spin.setSingleStep(100)
        self.min_free_spin.setSuffix(" MB")
        self.min_free_spin.setToolTip(self.tr("Saving pauses, with a warning, below this free disk space."))
        self.data_edit = QLineEdit()
        self.data_edit.setPlaceholderText(self.tr("default: the user's data folder"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse_data)
        self.es_url = QLineEdit()
        self.es_url.setPlaceholderText(self.tr("optional, e.g. http://es-server:9200"))
        self.es_index = QLineEdit()

        storage_box = QGroupBox(self.tr("History and images"))
        f = QFormLayout(storage_box)
        f.addRow(self.tr("Save images:"), self.save_rule)
        f.addRow(self.tr("Disk quota:"), self.quota_spin)
        f.addRow(self.tr("Keep free:"), self.min_free_spin)
        f.addRow(self.tr("Data folder:"), self._row(self.data_edit, browse))
        f.addRow("", self._err("data_dir"))
        f.addRow("", self._note(self.tr("A new data folder (history database, images, models, logs) is used "
                                        "after a restart; existing data is not moved.")))
        f.addRow(self.tr("Elasticsearch URL:"), self.es_url)
        f.addRow("", self._err("es_url"))
        f.addRow(self.tr("Elasticsearch index:"), self.es_index)
        f.addRow("", self._err("es_index"))

        # -- inference & UI
        self.device_combo = QComboBox()
        self.device_combo.addItem(self.tr("Automatic (CUDA when present)"), "auto")
        self.device_combo.addItem(self.tr("CPU"), "cpu")
        self.device_combo.addItem(self.tr("CUDA (NVIDIA GPU)"), "cuda")
        # importing torch and probing the driver takes seconds: never while the window is built
        self.cuda_ok: bool | None = None  # unknown until the probe answers
        run_async(cuda_available, on_done=self._on_cuda_probe, on_error=lambda _m: self._on_cuda_probe(False))
        self.language_combo = QComboBox()
        self.language_combo.addItem(self.tr("System language"), "auto")
        self.language_combo.addItem("English", "en")
        self.language_combo.addItem("简体中文", "zh_CN")
        self.language_combo.addItem("日本語", "ja")
        self.language_combo.addItem("한국어", "ko")
        self.theme_combo = QComboBox()
        self.theme_combo.addItem(self.tr("Dark"), "dark")
        self.theme_combo.addItem(self.tr("Light"), "light")
        station_box = QGroupBox(self.tr("Station"))
        f = QFormLayout(station_box)
        f.addRow(self.tr("Device:"), self.device_combo)
        f.addRow("", self._err("device"))
        f.addRow(self.tr("Language:"), self.language_combo)
        f.addRow(self.tr("Theme:"), self.theme_combo)
        f.addRow(self._note(self.tr("Device and language take effect after a restart; the theme at once.")))

        # -- shifts
        self.shift_table = QTableWidget(0, 2)
        self.shift_table.setHorizontalHeaderLabels([self.tr("Shift"), self.tr("Starts (HH:MM)")])
        self.shift_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.shift_table.verticalHeader().setVisible(False)
        self.shift_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.shift_table.setMinimumHeight(150)
        add = QPushButton(self.tr("Add shift"))
        remove = QPushButton(self.tr("Remove shift"))
        add.clicked.connect(lambda: self.add_shift("", ""))
        remove.clicked.connect(self._remove_shift)
        shifts_box = QGroupBox(self.tr("Shifts"))
        v = QVBoxLayout(shifts_box)
        v.addWidget(self.shift_table, 1)
        v.addWidget(self._err("shifts"))
        v.addWidget(self._row(add, remove))
        v.addWidget(self._note(self.tr("Counters and reports group parts by shift; a shift may cross midnight.")))

        # -- buttons
        self.save_button = QPushButton(self.tr("Save"))
        self.revert_button = QPushButton(self.tr("Revert"))
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.load_from_settings)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #e05050; font-weight: bold;")
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)

        grid = QGridLayout()
        grid.addWidget(server_box, 0, 0)
        grid.addWidget(storage_box, 0, 1)
        grid.addWidget(station_box, 1, 0)
        grid.addWidget(shifts_box, 1, 1)
        self.roles_box = RolesBox(self.bridge, self.settings)  # applied at once, not by Save
        grid.addWidget(self.roles_box, 2, 0)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self._unrevealed = [server_box, storage_box, station_box, shifts_box, self.roles_box]
        for box in self._unrevealed:  # shown one per event-loop turn once the page is shown (showEvent)
            box.setVisible(False)
        content = QWidget()
        cv = QVBoxLayout(content)
        cv.addLayout(grid)
        cv.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)

        lay = QVBoxLayout(self)
        lay.addWidget(scroll, 1)
        lay.addLayout(hrow((self.error_label, 1), self.status_label, self.revert_button, self.save_button))

    @staticmethod
    def _row(first: QWidget, *rest: QWidget) -> QWidget:
        """A field (taking the spare width) with its buttons after it."""
        return row_widget((first, 1), *rest)

    @staticmethod
    def _note(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet("color: palette(placeholder-text);")
        return label

    def _browse_data(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the data folder"),
                                                  self.data_edit.text() or str(self.settings.data_dir))
        if folder:
            self.data_edit.setText(folder)

    def _update_exposure(self) -> None:
        host = self.host_edit.text().strip()
        exposed = self.server_enabled.isChecked() and bool(host) \
            and ServerSettings(host=host, api_key=self.key_edit.text()).exposed
        self.exposure_label.setVisible(exposed)
        self.exposure_label.setText(
            self.tr("⚠ The endpoint will be reachable from the network without an API key: anyone on it "
                    "can post images and read the history. Set an API key.") if exposed else "")

    # -- shifts ------------------------------------------------------------------------------------
    def add_shift(self, name: str, start: str) -> None:
        row = self.shift_table.rowCount()
        self.shift_table.insertRow(row)
        self.shift_table.setItem(row, 0, QTableWidgetItem(name))
        self.shift_table.setItem(row, 1, QTableWidgetItem(start))
        if not name:
            self.shift_table.editItem(self.shift_table.item(row, 0))

    def _remove_shift(self) -> None:
        rows = sorted({i.row() for i in self.shift_table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.shift_table.removeRow(row)

    def shifts(self) -> list[tuple[str, str]]:
        out = []
        for row in range(self.shift_table.rowCount()):
            name = self.shift_table.item(row, 0)
            start = self.shift_table.item(row, 1)
            out.append(((name.text() if name else "").strip(), (start.text() if start else "").strip()))
        return out

    # ============================================================== load / validate / save
    def load_from_settings(self) -> None:
        s = self.settings
        self.server_enabled.setChecked(s.server.enabled)
        self.host_edit.setText(s.server.host)
        self.port_edit.setText(str(s.server.port))
        self.key_edit.setText(s.server.api_key)
        self.max_pixels_spin.setValue(max(1, min(1000, round(s.server.max_pixels / 1_000_000))))
        self._select(self.save_rule, s.storage.save_images)
        self.quota_spin.setValue(int(s.storage.quota_mb))
        self.min_free_spin.setValue(int(s.storage.min_free_mb))
        self.data_edit.setText(s.storage.data_dir)
        self.es_url.setText(s.storage.es_url)
        self.es_index.setText(s.storage.es_index)
        self._select(self.device_combo, s.inference.device)
        self._select(self.language_combo, s.ui.language)
        self._select(self.theme_combo, s.ui.theme)
        self.shift_table.setRowCount(0)
        for shift in s.shifts:
            self.add_shift(shift.name, shift.start)
        self._show_errors({})
        self.status_label.setText("")
        self._update_exposure()

    @staticmethod
    def _select(combo: QComboBox, value: Any) -> None:
        idx = combo.findData(value)
        combo.setCurrentIndex(idx if idx >= 0 else 0)

    def collect(self) -> tuple[Settings, dict[str, str]]:
        """A new Settings from the form (the current one is untouched) and the errors by field.

        The rules are ``Settings.validate`` (the same for the command line and the API); this page
        only reads its widgets and shows the translated message next to each field.
        """
        port_text = self.port_edit.text().strip()
        data_dir = self.data_edit.text().strip()
        es_url = self.es_url.text().strip()
        es_index = self.es_index.text().strip()
        new = self.settings.override(**{
            "server.enabled": self.server_enabled.isChecked(),
            "server.host": self.host_edit.text().strip(),
            "server.port": int(port_text) if port_text.isdigit() else -1,
            "server.api_key": self.key_edit.text().strip(),
            "server.max_pixels": int(self.max_pixels_spin.value()) * 1_000_000,
            "storage.save_images": self.save_rule.currentData(),
            "storage.quota_mb": int(self.quota_spin.value()),
            "storage.min_free_mb": int(self.min_free_spin.value()),
            "storage.data_dir": data_dir,
            "storage.es_url": es_url,
            "storage.es_index": es_index or self.settings.storage.es_index,
            "inference.device": self.device_combo.currentData(),
            "ui.language": self.language_combo.currentData(),
            "ui.theme": self.theme_combo.currentData(),
            "shifts": [Shift(n, st) for n, st in self.shifts()],
        })
        errors: dict[str, str] = {}
        for key, error in new.validate(cuda_available=self.cuda_ok).items():
            if key == "server.port":
                error = replace(error, args=(port_text,))  # what was typed, not the -1 stand-in
            errors[key.rpartition(".")[2]] = error_text(error)
        if errors.get("port") is not None or new.server.port < 0:
            new = new.override(**{"server.port": self.settings.server.port})
        return new, errors

    def _fields(self) -> dict[str, QWidget]:
        return {"host": self.host_edit, "port": self.port_edit, "api_key": self.key_edit,
                "data_dir": self.data_edit, "es_url": self.es_url, "es_index": self.es_index,
                "device": self.device_combo, "shifts": self.shift_table}

    def _show_errors(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        tips = self.__dict__.setdefault("_tips", {})
        for key, widget in self._fields().items():
            tips.setdefault(key, widget.toolTip())
            # scoped to the widget's own class so a table's header and scroll bars keep their look
            widget.setStyleSheet(f"{type(widget).__name__} {{ {INVALID_STYLE} }}" if key in errors else "")
            widget.setToolTip(errors.get(key, tips[key]))
            self.field_errors[key].setText(errors.get(key, ""))
            self.field_errors[key].setVisible(key in errors)
        self.error_label.setText("\n".join(errors.values()))

    def is_dirty(self) -> bool:
        new, _errors = self.collect()
        return new.to_dict() != self.settings.to_dict()

    def save(self) -> bool:
        """Validate; when everything is valid, hand the change to the settings store, which writes
        the file and applies it (station, endpoint, window); then the theme changes at once."""
        from ui.role_guard import engineer_ok

        if not engineer_ok(self.bridge, self, self.save_button.text()):
            return False
        new, errors = self.collect()
        self._show_errors(errors)
        if errors:
            self.status_label.setText(self.tr("Not saved."))
            return False
        new = replace(new, roles=self.bridge.settings_store.current.roles)  # the Roles box's own
        old = self.settings
        restart = (
            (old.server.enabled, old.server.host, old.server.port) != (new.server.enabled, new.server.host, new.server.port)
            or old.storage.data_dir != new.storage.data_dir
            or old.inference.device != new.inference.device
            or old.ui.language != new.ui.language
        )
        store = self.bridge.settings_store
        try:
            self.settings = store.update(new, cuda_available=self.cuda_ok)
        except InvalidSettings as exc:  # changed under us since collect(): show, keep the form
            self._show_errors({k.rpartition(".")[2]: error_text(e) for k, e in exc.errors.items()})
            self.status_label.setText(self.tr("Not saved."))
            return False
        except SettingsSaveError as exc:
            self._show_errors({})
            self.error_label.setText(self.tr("Cannot write the settings file: %1").replace("%1", str(exc)))
            return False
        except SettingsApplyError as exc:  # saved anyway; tell the user
            self.settings = store.current
            self.error_label.setText(self.tr("Saved, but the image store could not switch: %1")
                                     .replace("%1", str(exc)))
        if old.ui.theme != self.settings.ui.theme:
            app = QApplication.instance()
            if app is not None:
                from ui.theme import apply_theme

                apply_theme(app, self.settings.ui.theme)
        self.status_label.setText(self.tr("Saved. Some changes take effect after a restart.") if restart
                                  else self.tr("Saved."))
        self.saved.emit()
        return True


def error_text(error: FieldError) -> str:
    """A validation message in the UI language (the rules' English texts are in the catalogue)."""
    return fill(QCoreApplication.translate("SettingsValidation", error.template), error.args)


__all__ = ["SettingsPage", "cuda_available", "error_text"]
