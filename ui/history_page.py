"""History page: search every inspection, look at one in full, review it, export the selection.

The seed's "conditional search with paging" as a window: a lazy table over ``storage.search``
(a page cache, never all rows), filters that re-query off the GUI thread (stale answers are
dropped), a detail panel with the images, regions, the PEKAT-style context and the operator's
review. New inspections refresh the first page while the user looks at the top.

The page owns the query state (filter, page cache, selection) and the live refresh; the filter
bar is ``ui.history_filters``, what the detail panel does with the selected record is
``ui.history_detail``, the filter itself (Qt-free) is ``station.history_filter``.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from station.history_filter import HistoryFilter
from ui.history_detail import RecordDetailController
from ui.history_filters import HistoryFilterBar
from ui.workers import LatestOnly, run_async, wait_for_pool
from widgets.detail_panel import RecordDetailPanel
from widgets.record_table import RecordTableModel

if TYPE_CHECKING:
    from station.settings import Settings
    from ui.station_bridge import StationBridge

log = logging.getLogger(__name__)

PAGE_SIZE = 200


class HistoryPage(QWidget):
    def __init__(self, bridge: StationBridge, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.settings = settings
        self._filter = HistoryFilter()
        self._gen_filter: dict[int, HistoryFilter] = {}
        self._stale = True  # needs a query when shown
        self._new_since_query = 0
        self._pending_select: int | None = None
        self._model_names: dict[str, str] = {}

        self.model = RecordTableModel(page_size=PAGE_SIZE, parent=self)
        self.model.pageRequested.connect(self._fetch_page)
        self._query = LatestOnly(self)
        self._query.resultReady.connect(self._on_query_result)
        self._query.failed.connect(self._on_query_failed)

        self.filters = HistoryFilterBar()
        self.filters.changed.connect(self._schedule)
        self.filters.reset_button.clicked.connect(self.clear_filters)
        self.filter_box = self.filters
        # the filter widgets other code reaches through the page
        self.name_edit, self.verdict_combo, self.model_combo = (
            self.filters.name_edit, self.filters.verdict_combo, self.filters.model_combo)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((140, 170, 56, 70, 56, 56, 60, 100)):
            self.table.setColumnWidth(col, width)
        # a reviewed verdict ("NG (was OK)") is read whole, never elided to "OK …"
        widest = max(self.table.fontMetrics().horizontalAdvance(t) for t in (
            QCoreApplication.translate("RecordTableModel", "{0} (was {1})").format("NG", "OK"), "NG ✓",
            self.tr("Verdict")))
        self.table.setColumnWidth(4, widest + 24)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.table.verticalScrollBar().valueChanged.connect(self._on_scrolled)

        self.detail = RecordDetailPanel()
        self.detail_actions = RecordDetailController(self, self.detail, self.model, bridge, settings,
                                                     self._database, self._say)

        self.total_label = QLabel()
        self.total_label.setObjectName("historyTotal")
        self.new_button = QPushButton()
        self.new_button.setVisible(False)
        self.new_button.setFlat(True)
        self.new_button.clicked.connect(self._go_newest)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setToolTip(self.tr("Export every record matching the current filter"))
        self.export_button.clicked.connect(self._export_csv)
        status = QHBoxLayout()
        status.addWidget(self.total_label)
        status.addWidget(self.new_button)
        status.addStretch(1)
        status.addWidget(self.export_button)

        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.addWidget(self.table, 1)
        left_lay.addLayout(status)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([700, 600])  # room for the record's images
        self.splitter = split

        records = QWidget()
        rec_lay = QVBoxLayout(records)
        rec_lay.setContentsMargins(0, 0, 0, 0)
        rec_lay.addWidget(self.filter_box)
        rec_lay.addWidget(split, 1)
        from ui.audit_view import AuditView

        self.audit_view = AuditView(self._database, self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("historyTabs")
        self.tabs.addTab(records, self.tr("Records"))
        self.tabs.addTab(self.audit_view, self.tr("Audit trail"))
        self.tabs.currentChanged.connect(lambda i: self.audit_view.refresh() if i == 1 else None)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(300)
        self._debounce.timeout.connect(self.apply_filters)
        self._live_timer = QTimer(self)
        self._live_timer.setInterval(1000)
        self._live_timer.timeout.connect(self._refresh_if_new)
        self._live_timer.start()
        bridge.resultReady.connect(self._on_result)
        bridge.modelChanged.connect(lambda _info: self._refresh_models())
        find = QShortcut(QKeySequence.StandardKey.Find, self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(lambda: (self.name_edit.setFocus(), self.name_edit.selectAll()))
        from ui.history_training import attach as attach_training_action

        attach_training_action(self)  # "Add to training set" for the selected records

    def title(self) -> str:
        return self.tr("History")

    # -- filters ------------------------------------------------------------------------------------
    def current_filter(self) -> HistoryFilter:
        return self.filters.current_filter()

    def set_filter(self, f: HistoryFilter) -> None:
        """Fill the filter widgets (other pages jump here, e.g. "show NG of today")."""
        self.filters.show_filter(f)
        self.apply_filters()

    def clear_filters(self) -> None:
        self.set_filter(HistoryFilter())

    def _schedule(self, *_args: Any) -> None:
        self._debounce.start()

    def _database(self) -> Any:
        return self.bridge.database

    def apply_filters(self, keep_selection: bool = False) -> None:
        """Re-run the query for the current filter in the background."""
        self._debounce.stop()
        f = self.current_filter()
        if f.start_date and f.end_date and f.start_date > f.end_date:
            self.total_label.setText(self.tr("The start date is after the end date."))
            return
        if f.score_min is not None and f.score_max is not None and f.score_min > f.score_max:
            self.total_label.setText(self.tr("The minimum score is above the maximum."))
            return
        db = self._database()
        if db is None:
            self.total_label.setText(self.tr("No history database."))
            return
        self._filter = f
        self._stale = False
        self._new_since_query = 0
        self.new_button.setVisible(False)
        current = self.detail.record
        self._pending_select = current.id if keep_selection and current is not None else None
        self.total_label.setText(self.tr("Searching…"))
        self._query.submit(self._run_query, db, f)

    @staticmethod
    def _run_query(db: Any, f: HistoryFilter) -> tuple[HistoryFilter, Any]:
        # The first page at once; a broad name's exact total follows (_count_later).
        return f, db.search(limit=PAGE_SIZE, page=1, exact_total=False, **f.to_kwargs())

    def _on_query_result(self, _token: int, result: tuple[HistoryFilter, Any]) -> None:
        f, page = result
        gen = self.model.reset(page.total, page.data)
        self._gen_filter = {gen: f}
        exact = getattr(page, "total_exact", True)
        self._show_total(page.total, exact)
        if not exact:
            self._count_later(gen, f)
        self._remember_models(page.data)
        row = self.model.row_of(self._pending_select) if self._pending_select is not None else None
        if row is not None:
            self.table.selectRow(row)
        elif self.detail.record is not None and self._pending_select is None:
            self.detail.show_record(None)
        self._pending_select = None

    def _on_query_failed(self, _token: int, reason: str) -> None:
        self.total_label.setText(self.tr("Search failed: {0}").format(reason))

    def _show_total(self, total: int, exact: bool = True) -> None:
        if exact:
            self.total_label.setText(self.tr("{0} records").format(f"{total:,}"))
        else:
            self.total_label.setText(self.tr("More than {0} records (counting…)").format(f"{total:,}"))

    def _count_later(self, generation: int, f: HistoryFilter) -> None:
        """The exact total of a search whose first page came with "more than N": the table grows
        to it (rows, selection and scroll position stay) unless another query came meanwhile."""
        db = self._database()

        def done(total: Any) -> None:
            if self.model.generation == generation:
                self.model.grow(generation, int(total))
                self._show_total(int(total))

        def failed(reason: str) -> None:
            log.warning("history count failed: %s", reason)

        run_async(db.count_search, **f.to_kwargs(), on_done=done, on_error=failed)

    def _fetch_page(self, generation: int, page: int) -> None:
        f = self._gen_filter.get(generation)
        db = self._database()
        if f is None or db is None:
            self.model.page_failed(generation, page)
            return

        def done(result: Any) -> None:
            self.model.deliver_page(generation, page, result.data)

        def failed(reason: str) -> None:
            log.warning("history page %d failed: %s", page, reason)
            self.model.page_failed(generation, page)

        run_async(db.search, limit=PAGE_SIZE, page=page, exact_total=False, **f.to_kwargs(), on_done=done,
                  on_error=failed)

    def _remember_models(self, records: list[Any]) -> None:
        """Offer the models seen so far in the model filter (named when the name is known)."""
        info = self.bridge.model_info()
        if info is not None:
            self._model_names[info.id] = info.name
            self.model.set_model_names({info.id: info.name})
            self.detail.model_names[info.id] = info.name
        ids = {r.model_id for r in records if r.model_id} | set(self._model_names)
        for mid in sorted(ids):
            name = self._model_names.get(mid)
            self.filters.offer_model(mid, f"{name} ({mid[:8]})" if name else mid)

    def _refresh_models(self) -> None:
        self._remember_models([])
        self._read_library_names()

    def _read_library_names(self) -> None:
        """Names of every model in the library (off the GUI thread): records of models not loaded
        since the start show a name, not a hex id."""
        from station.model_library import list_models

        def done(entries: list[Any]) -> None:
            names = {e.info.id: e.info.name for e in entries if e.info is not None}
            names = {k: v for k, v in names.items() if k not in self._model_names}
            if not names:
                return
            self._model_names.update(names)
            self.model.set_model_names(names)
            self.detail.model_names.update(names)
            self._remember_models([])

        run_async(list_models, self.settings.models_dir, on_done=done,
                  on_error=lambda m: log.info("model library not read: %s", m))

    # -- live updates -------------------------------------------------------------------------------
    def page_shown(self) -> None:
        self._read_library_names()
        if self._stale or self._new_since_query:
            self.apply_filters(keep_selection=True)

    def _on_result(self, _inspection: Any) -> None:
        self._new_since_query += 1

    def _at_top(self) -> bool:
        return self.table.verticalScrollBar().value() == 0

    def _refresh_if_new(self) -> None:
        if not self._new_since_query or not self.isVisible() or self._query.busy:
            return
        if self._at_top():
            self.apply_filters(keep_selection=True)
        else:
            self.new_button.setText(self.tr("{0} new — show newest").format(self._new_since_query))
            self.new_button.setVisible(True)

    def _on_scrolled(self, value: int) -> None:
        if value == 0 and self._new_since_query:
            self._refresh_if_new()

    def _go_newest(self) -> None:
        self.table.scrollToTop()
        self.apply_filters(keep_selection=False)

    # -- detail -------------------------------------------------------------------------------------
    def _on_current_row(self, current: Any, _previous: Any) -> None:
        self.detail_actions.show(self.model.record_at(current.row()) if current.isValid() else None)

    def _say(self, text: str) -> None:
        self.total_label.setText(text)

    def _save_review(self, record_id: int, label: str, note: str) -> None:
        self.detail_actions.save_review(record_id, label, note)

    def _copy_image(self, which: str) -> None:
        self.detail_actions.copy_image(which)

    @property
    def similar_dialog(self) -> Any:
        return self.detail_actions.similar_dialog

    # -- export -------------------------------------------------------------------------------------
    def _export_csv(self) -> None:
        db = self._database()
        if db is None:
            return
        default = str(Path.home() / f"qcstation-history-{date.today():%Y%m%d}.csv")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export history as CSV"), default,
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        """Write the current filter's records to ``path`` in the background."""
        db = self._database()
        f = self._filter
        self.export_button.setEnabled(False)
        self.total_label.setText(self.tr("Exporting…"))

        def done(count: int) -> None:
            self.export_button.setEnabled(True)
            self.total_label.setText(self.tr("Exported {0} records to {1}").format(f"{count:,}", path))

        def failed(reason: str) -> None:
            self.export_button.setEnabled(True)
            self.total_label.setText(self.tr("Export failed: {0}").format(reason))
            QMessageBox.warning(self, self.tr("Export history as CSV"), reason)

        run_async(db.export_csv, path, **f.to_kwargs(), on_done=done, on_error=failed)

    def shortcut_help(self) -> list[tuple[str, str]]:
        return [(self.tr("History: ↑ / ↓"), self.tr("previous / next record")),
                (self.tr("History: Ctrl+F"), self.tr("search by name"))]

    def shutdown(self) -> None:
        self._live_timer.stop()
        self._debounce.stop()
        self._query.cancel()
        wait_for_pool(3000)  # reads must end before the station closes the database under them
