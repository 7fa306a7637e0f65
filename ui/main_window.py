"""The station window: a navigation list on the left, one page at a time on the right.

Page contract (GUI part 1 and part 2 build pages independently against it)
--------------------------------------------------------------------------
- A page is a ``QWidget`` subclass constructed as ``Page(bridge, settings, parent=None)`` where
  ``bridge`` is a ``ui.station_bridge.StationBridge`` and ``settings`` the current (frozen)
  ``station.settings.Settings``. Read ``self.settings``: the window replaces it on every widget
  that keeps one when the store changes. Change settings only through
  ``bridge.settings_store.update({"section.key": value})``.
- ``title() -> str``: the translated name shown in the navigation (use ``self.tr``).
- Optional hooks, called when present:
    ``page_shown()``   the page became visible: refresh lazily here, not in ``__init__``.
    ``shutdown()``     the window is closing, before the station stops: stop your workers
                       and timers (``ui.workers.cancel_all`` also cancels every worker).
    ``retranslate()``  the UI language changed at run time.
- Pages never block the GUI thread: slow work goes to ``ui.workers.create_worker`` or through
  the bridge's signals (``resultReady``, ``modelChanged``, ``previewReady`` ...).
- Pages are plugged in from ``PAGE_SPECS`` below, in navigation order. A module that does not
  import (``ImportError``) is skipped with a log line, so each page lands on its own:
  ``ui.history_page.HistoryPage``, ``ui.statistics_page.StatisticsPage`` and
  ``ui.evaluate_page.EvaluatePage`` are GUI part 2's.
- Other pages can ask the window to switch: ``window.show_page("models")`` by page key.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from station.settings import Settings
from ui.station_bridge import StationBridge

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageSpec:
    key: str  # stable id for show_page()
    module: str
    cls: str


PAGE_SPECS: tuple[PageSpec, ...] = (
    PageSpec("live", "ui.live_page", "LivePage"),
    PageSpec("history", "ui.history_page", "HistoryPage"),
    PageSpec("statistics", "ui.statistics_page", "StatisticsPage"),
    PageSpec("models", "ui.models_page", "ModelsPage"),
    PageSpec("evaluate", "ui.evaluate_page", "EvaluatePage"),
    PageSpec("settings", "ui.settings_page", "SettingsPage"),
)


def load_page_classes(specs: tuple[PageSpec, ...] = PAGE_SPECS) -> list[tuple[PageSpec, type]]:
    """The page classes whose modules import; the others are skipped (logged)."""
    found = []
    for spec in specs:
        try:
            module = importlib.import_module(spec.module)
        except ImportError as exc:
            log.info("page %s not available: %s", spec.key, exc)
            continue
        cls = getattr(module, spec.cls, None)
        if cls is None:
            log.warning("page module %s has no class %s", spec.module, spec.cls)
            continue
        found.append((spec, cls))
    return found


class MainWindow(QMainWindow):
    """Hosts the pages; owns nothing of the station (``ui.app`` does)."""

    pageChanged = Signal(str)

    def __init__(self, bridge: StationBridge, settings: Settings, parent: QWidget | None = None,
                 specs: tuple[PageSpec, ...] = PAGE_SPECS) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.settings = settings
        self.setWindowTitle(self.tr("QC Station"))
        self.setMinimumSize(QSize(1024, 640))

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(170)
        self.nav.setIconSize(QSize(22, 22))
        self.stack = QStackedWidget()
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.pages: dict[str, QWidget] = {}
        self._keys: list[str] = []
        for spec, cls in load_page_classes(specs):
            try:
                page = cls(bridge, settings, self)
            except Exception:  # noqa: BLE001 - one broken page must not stop the station
                log.exception("page %s failed to build", spec.key)
                continue
            self.pages[spec.key] = page
            self._keys.append(spec.key)
            self.stack.addWidget(page)
            item = QListWidgetItem(page.title())
            item.setSizeHint(QSize(150, 44))
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._on_row)

        self._build_status_bar()
        self._build_actions()
        self.page_gate: Any = None  # roles: returns False when an engineer page is refused
        self._shown_row = -1
        from ui import role_guard

        self.role_guard = role_guard.install(self)
        self.bridge.modelChanged.connect(self._on_model_changed)
        self.bridge.queueDepth.connect(self._on_queue_depth)
        self.bridge.storageWarning.connect(self._on_storage_warning)
        self.bridge.settingsChanged.connect(self._on_settings_changed)
        self._on_model_changed(bridge.model_info())
        if self._keys:
            self.nav.setCurrentRow(0)
        self._restore_geometry()

    def _on_settings_changed(self, settings: Settings) -> None:
        """Pages, panels and dialogs keep ``self.settings``: give each one the new object."""
        for widget in (self, *self.findChildren(QObject)):  # QObjects too (the shift tracker)
            if isinstance(widget.__dict__.get("settings"), Settings):
                widget.settings = settings

    # -- navigation ------------------------------------------------------------------------------
    def show_page(self, key: str) -> bool:
        if key not in self._keys:
            return False
        self.nav.setCurrentRow(self._keys.index(key))
        return True

    def current_page_key(self) -> str | None:
        row = self.nav.currentRow()
        return self._keys[row] if 0 <= row < len(self._keys) else None

    def _on_row(self, row: int) -> None:
        if not 0 <= row < len(self._keys):
            return
        if self.page_gate is not None and not self.page_gate(self._keys[row]):
            self.nav.blockSignals(True)  # the engineer PIN was not given: stay where we were
            self.nav.setCurrentRow(self._shown_row)
            self.nav.blockSignals(False)
            return
        self._shown_row = row
        page = self.pages[self._keys[row]]
        self.stack.setCurrentWidget(page)
        hook = getattr(page, "page_shown", None)
        if callable(hook):
            try:
                hook()
            except Exception:  # noqa: BLE001
                log.exception("page_shown failed on %s", self._keys[row])
        self.pageChanged.emit(self._keys[row])

    # -- status bar ------------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.endpoint_label = QLabel(self.tr("Endpoint: off"))
        self.model_label = QLabel()
        self.queue_label = QLabel()
        self.warning_label = QLabel()
        self.warning_label.setObjectName("warningLabel")
        bar.addWidget(self.model_label)
        bar.addWidget(self.warning_label, 1)
        bar.addPermanentWidget(self.queue_label)
        bar.addPermanentWidget(self.endpoint_label)

    def set_endpoint_status(self, text: str, ok: bool = True) -> None:
        self.endpoint_label.setText(text)
        self.endpoint_label.setProperty("state", "ok" if ok else "error")
        self.endpoint_label.style().unpolish(self.endpoint_label)
        self.endpoint_label.style().polish(self.endpoint_label)

    def _on_model_changed(self, info: Any) -> None:
        if info is None:
            self.model_label.setText(self.tr("No model loaded"))
        else:
            self.model_label.setText(self.tr("Model: %1").replace("%1", str(info.name)))

    def _on_queue_depth(self, depth: int, capacity: int) -> None:
        self.queue_label.setText(self.tr("Queue %1/%2").replace("%1", str(depth)).replace("%2", str(capacity)))

    def _on_storage_warning(self, message: str) -> None:
        self.warning_label.setText("⚠ " + message)
        self.statusBar().showMessage(message, 15000)

    # -- actions ---------------------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.fullscreen_action = QAction(self.tr("Operator mode (full screen)"), self)
        self.fullscreen_action.setShortcut(QKeySequence(Qt.Key.Key_F11))
        self.fullscreen_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.fullscreen_action.triggered.connect(self.toggle_operator_mode)
        self.addAction(self.fullscreen_action)
        self.help_action = QAction(self.tr("Keyboard shortcuts"), self)
        self.help_action.setShortcuts([QKeySequence(Qt.Key.Key_F1), QKeySequence("?")])
        self.help_action.triggered.connect(self.show_shortcuts)
        self.addAction(self.help_action)
        self.quit_action = QAction(self.tr("Quit"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.quit_action.triggered.connect(self.close)
        self.addAction(self.quit_action)
        self._queue_timer = QTimer(self)  # the queue figure stays true when no event says it changed
        self._queue_timer.timeout.connect(lambda: self._on_queue_depth(
            int(getattr(self.bridge.station, "queue_depth", 0)), int(getattr(self.bridge.station, "queue_capacity", 0))))
        self._queue_timer.start(1000)
        for i in range(min(9, len(self._keys))):
            act = QAction(self)
            act.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            act.triggered.connect(lambda _=False, row=i: self.nav.setCurrentRow(row))
            self.addAction(act)

    def toggle_operator_mode(self) -> None:
        """Full screen, big fonts, navigation hidden: the operator sees only the Live page."""
        operator = not self.isFullScreen()
        if operator:
            self.show_page("live")
            self.showFullScreen()
        else:
            self.showNormal()
        self.nav.setVisible(not operator)
        self.setProperty("operator", operator)
        live = self.pages.get("live")
        if live is not None and hasattr(live, "set_operator_mode"):
            live.set_operator_mode(operator)

    def shortcut_help(self) -> list[tuple[str, str]]:
        rows = [
            ("F11", self.tr("Operator mode: full screen, big fonts")),
            ("F1 / ?", self.tr("This help")),
            (f"Ctrl+1 … Ctrl+{min(9, len(self._keys))}",
             self.tr("Go to page 1 … %1").replace("%1", str(min(9, len(self._keys))))),
            ("Ctrl+Q", self.tr("Quit")),
        ]
        for page in self.pages.values():
            extra = getattr(page, "shortcut_help", None)
            if callable(extra):
                rows.extend(extra())
        return rows

    def show_shortcuts(self) -> None:
        dlg = QDialog(self)
        dlg.setWindowTitle(self.tr("Keyboard shortcuts"))
        text = QTextBrowser()
        rows = "".join(f"<tr><td style='padding:4px 16px 4px 0'><b>{k}</b></td><td>{v}</td></tr>"
                       for k, v in self.shortcut_help())
        text.setHtml(f"<table>{rows}</table>")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dlg.reject)
        lay = QVBoxLayout(dlg)
        lay.addWidget(text)
        lay.addWidget(buttons)
        dlg.resize(520, 420)
        dlg.exec()

    # -- geometry & shutdown ---------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geo = self.settings.ui.geometry
        if geo:
            try:
                self.restoreGeometry(QByteArray.fromBase64(geo.encode("ascii")))
                return
            except Exception:  # noqa: BLE001 - a bad stored geometry just means the default size
                log.warning("stored window geometry unusable")
        screen = QApplication.primaryScreen()
        if screen is not None:
            avail = screen.availableGeometry()
            self.resize(min(1600, avail.width()), min(960, avail.height()))

    def saved_geometry(self) -> str:
        return bytes(self.saveGeometry().toBase64().data()).decode("ascii")

    def shutdown_pages(self) -> None:
        for key, page in self.pages.items():
            hook = getattr(page, "shutdown", None)
            if callable(hook):
                try:
                    hook()
                except Exception:  # noqa: BLE001
                    log.exception("shutdown failed on page %s", key)

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        """Stop the pages' workers and remember the geometry; ``ui.app`` stops the station after."""
        if not self.isFullScreen():
            self.bridge.settings_store.update({"ui.geometry": self.saved_geometry()}, save=False)
        self.shutdown_pages()
        super().closeEvent(event)
