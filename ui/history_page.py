"""History page: search every inspection, look at one in full, review it, export the selection.

The seed's "conditional search with paging" as a window: a lazy table over ``storage.search``
(a page cache, never all rows), filters that re-query off the GUI thread (stale answers are
dropped), a detail panel with the images, regions, the PEKAT-style context and the operator's
review. New inspections refresh the first page while the user looks at the top.

Why it stays one file for now (~550 lines): the filter bar, the paged table and the detail panel
share one query state (filter, page cache, selection); other engineers are editing this page, so
the cut into a filter panel and the table view waits until their work has landed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from storage.images import resolve_image_path
from ui.record_images import load_record_images
from ui.workers import LatestOnly, run_async, wait_for_pool
from widgets.detail_panel import RecordDetailPanel
from widgets.record_table import RecordTableModel

if TYPE_CHECKING:
    from station.settings import Settings
    from ui.station_bridge import StationBridge

log = logging.getLogger(__name__)

PAGE_SIZE = 200


@dataclass(frozen=True)
class HistoryFilter:
    """What the user asked for; ``to_kwargs`` gives ``storage.search`` / ``export_csv`` arguments."""

    name: str = ""
    start_date: date | None = None
    end_date: date | None = None
    label: str | None = None  # "OK" | "NG" | None
    num: int | None = None  # exact defect count
    score_min: float | None = None
    score_max: float | None = None
    model_id: str | None = None
    part_id: str = ""  # exact part identifier (PLC data or the code read from the image)

    def to_kwargs(self) -> dict[str, Any]:
        kw: dict[str, Any] = {
            "name": self.name.strip() or None,
            "start_date": self.start_date,
            "end_date": self.end_date,
            "label": self.label,
            "num": self.num,
            "score_min": self.score_min,
            "score_max": self.score_max,
            "model_id": self.model_id or None,
            "part_id": self.part_id.strip() or None,
        }
        return {k: v for k, v in kw.items() if v is not None}


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
        self._images: dict[str, QImage | None] = {"original": None, "annotated": None}
        self._model_names: dict[str, str] = {}

        self.model = RecordTableModel(page_size=PAGE_SIZE, parent=self)
        self.model.pageRequested.connect(self._fetch_page)
        self._query = LatestOnly(self)
        self._query.resultReady.connect(self._on_query_result)
        self._query.failed.connect(self._on_query_failed)

        self._build_filters()
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
        self.detail.reviewRequested.connect(self._save_review)
        self.detail.copyImageRequested.connect(self._copy_image)
        self.detail.openFolderRequested.connect(self._open_folder)
        self.detail.findSimilarRequested.connect(self._find_similar)

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

    # -- building -----------------------------------------------------------------------------------
    def _build_filters(self) -> None:
        self.filter_box = QWidget()
        g = QGridLayout(self.filter_box)
        g.setContentsMargins(0, 0, 0, 0)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("part of the file name"))
        self.name_edit.setClearButtonEnabled(True)
        self.verdict_combo = QComboBox()
        self.verdict_combo.addItem(self.tr("All"), None)
        self.verdict_combo.addItem(self.tr("OK"), "OK")
        self.verdict_combo.addItem(self.tr("NG"), "NG")
        self.defects_spin = QSpinBox()
        self.defects_spin.setRange(-1, 9999)
        self.defects_spin.setSpecialValueText(self.tr("any"))
        self.defects_spin.setValue(-1)
        self.model_combo = QComboBox()
        self.model_combo.setEditable(True)
        self.model_combo.setMinimumContentsLength(14)
        self.model_combo.addItem(self.tr("All models"), None)
        self.model_combo.lineEdit().setPlaceholderText(self.tr("model id"))

        today = QDate.currentDate()
        self.date_check = QCheckBox(self.tr("Dates"))
        self.date_from = QDateEdit(today.addDays(-6))
        self.date_to = QDateEdit(today)
        for d in (self.date_from, self.date_to):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
            d.setEnabled(False)
        self.score_check = QCheckBox(self.tr("Score"))
        self.score_min = QDoubleSpinBox()
        self.score_max = QDoubleSpinBox()
        for s, v in ((self.score_min, 0.0), (self.score_max, 10.0)):
            s.setDecimals(4)
            s.setRange(-1e9, 1e9)
            s.setSingleStep(0.1)
            s.setValue(v)
            s.setEnabled(False)
        self.reset_button = QPushButton(self.tr("Clear filters"))
        self.reset_button.clicked.connect(self.clear_filters)

        row1 = QHBoxLayout()
        row1.addWidget(QLabel(self.tr("Name")))
        row1.addWidget(self.name_edit, 3)
        row1.addWidget(QLabel(self.tr("Verdict")))
        row1.addWidget(self.verdict_combo)
        row1.addWidget(QLabel(self.tr("Defects")))
        row1.addWidget(self.defects_spin)
        row1.addWidget(QLabel(self.tr("Model")))
        row1.addWidget(self.model_combo, 1)
        self.part_edit = QLineEdit()
        self.part_edit.setPlaceholderText(self.tr("part id / code"))
        self.part_edit.setClearButtonEnabled(True)
        self.part_edit.textChanged.connect(self._schedule)
        row1.addWidget(QLabel(self.tr("Part")))
        row1.addWidget(self.part_edit, 1)
        row2 = QHBoxLayout()
        row2.addWidget(self.date_check)
        row2.addWidget(self.date_from)
        row2.addWidget(QLabel("–"))
        row2.addWidget(self.date_to)
        row2.addSpacing(16)
        row2.addWidget(self.score_check)
        row2.addWidget(self.score_min)
        row2.addWidget(QLabel("–"))
        row2.addWidget(self.score_max)
        row2.addStretch(1)
        row2.addWidget(self.reset_button)
        g.addLayout(row1, 0, 0)
        g.addLayout(row2, 1, 0)

        self.name_edit.textChanged.connect(self._schedule)
        self.verdict_combo.currentIndexChanged.connect(self._schedule)
        self.defects_spin.valueChanged.connect(self._schedule)
        self.model_combo.currentTextChanged.connect(self._schedule)
        self.date_check.toggled.connect(self._on_date_toggled)
        self.date_from.dateChanged.connect(self._schedule)
        self.date_to.dateChanged.connect(self._schedule)
        self.score_check.toggled.connect(self._on_score_toggled)
        self.score_min.valueChanged.connect(self._schedule)
        self.score_max.valueChanged.connect(self._schedule)

    def _on_date_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self._schedule()

    def _on_score_toggled(self, on: bool) -> None:
        self.score_min.setEnabled(on)
        self.score_max.setEnabled(on)
        self._schedule()

    # -- filters ------------------------------------------------------------------------------------
    def current_filter(self) -> HistoryFilter:
        model_text = self.model_combo.currentText().strip()
        idx = self.model_combo.currentIndex()
        if idx >= 0 and model_text == self.model_combo.itemText(idx):
            model_id = self.model_combo.itemData(idx)  # a listed model (None for "All models")
        else:
            model_id = model_text or None  # typed by the user: a model id
        return HistoryFilter(
            name=self.name_edit.text(),
            start_date=self.date_from.date().toPython() if self.date_check.isChecked() else None,
            end_date=self.date_to.date().toPython() if self.date_check.isChecked() else None,
            label=self.verdict_combo.currentData(),
            num=self.defects_spin.value() if self.defects_spin.value() >= 0 else None,
            score_min=self.score_min.value() if self.score_check.isChecked() else None,
            score_max=self.score_max.value() if self.score_check.isChecked() else None,
            model_id=model_id or None,
            part_id=self.part_edit.text(),
        )

    def set_filter(self, f: HistoryFilter) -> None:
        """Fill the filter widgets (other pages jump here, e.g. "show NG of today")."""
        widgets = (self.name_edit, self.verdict_combo, self.defects_spin, self.model_combo, self.date_check,
                   self.date_from, self.date_to, self.score_check, self.score_min, self.score_max, self.part_edit)
        for w in widgets:
            w.blockSignals(True)
        try:
            self.name_edit.setText(f.name)
            self.part_edit.setText(f.part_id)
            self.verdict_combo.setCurrentIndex(max(0, self.verdict_combo.findData(f.label)) if f.label else 0)
            self.defects_spin.setValue(-1 if f.num is None else f.num)
            idx = self.model_combo.findData(f.model_id) if f.model_id else 0
            if idx >= 0:
                self.model_combo.setCurrentIndex(idx)
            else:
                self.model_combo.setEditText(f.model_id)
            has_dates = f.start_date is not None or f.end_date is not None
            self.date_check.setChecked(has_dates)
            if f.start_date:
                self.date_from.setDate(QDate(f.start_date))
            if f.end_date:
                self.date_to.setDate(QDate(f.end_date))
            has_score = f.score_min is not None or f.score_max is not None
            self.score_check.setChecked(has_score)
            if f.score_min is not None:
                self.score_min.setValue(f.score_min)
            if f.score_max is not None:
                self.score_max.setValue(f.score_max)
            for w in (self.date_from, self.date_to):
                w.setEnabled(has_dates)
            for w in (self.score_min, self.score_max):
                w.setEnabled(has_score)
        finally:
            for w in widgets:
                w.blockSignals(False)
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
            text = f"{name} ({mid[:8]})" if name else mid
            idx = self.model_combo.findData(mid)
            self.model_combo.blockSignals(True)
            if idx < 0:
                self.model_combo.addItem(text, mid)
            elif self.model_combo.itemText(idx) != text:
                self.model_combo.setItemText(idx, text)
            self.model_combo.blockSignals(False)

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
        record = self.model.record_at(current.row()) if current.isValid() else None
        shown = self.detail.record
        if record is not None and shown is not None and record.id == shown.id and record == shown:
            return  # the same record re-selected after a live refresh: keep images, no flicker
        self.detail.show_record(record)
        self._images = {"original": None, "annotated": None}
        if record is None or record.image_pruned or not (record.image_path or record.result_path):
            return
        data_dir = self.settings.data_dir

        def done(result: tuple[int, QImage | None, QImage | None]) -> None:
            rid, original, annotated = result
            if self.detail.record is not None and self.detail.record.id == rid:
                self._images = {"original": original, "annotated": annotated}
                self.detail.set_images(rid, original, annotated)

        run_async(load_record_images, data_dir, record, on_done=done,
                  on_error=lambda reason: log.warning("images not loaded: %s", reason))

    def _save_review(self, record_id: int, label: str, note: str) -> None:
        db = self._database()

        def done(record: Any) -> None:
            self.model.replace_record(record)
            if self.detail.record is not None and self.detail.record.id == record.id:
                images = dict(self._images)
                self.detail.show_record(record)
                self.detail.set_images(record.id, images["original"], images["annotated"])
                self._images = images

        from station.audit import set_review

        run_async(set_review, db, record_id, label, note or None, on_done=done,
                  on_error=self.detail.review_failed)

    def _find_similar(self, record_id: int) -> None:
        from ui.similar_dialog import SimilarDialog

        self.similar_dialog = SimilarDialog(self.bridge, record_id, self)
        self.similar_dialog.show()

    def _copy_image(self, which: str) -> None:
        image = self._images.get(which)
        if image is None:
            self.total_label.setText(self.tr("No image to copy."))
            return
        QGuiApplication.clipboard().setImage(image)
        self.total_label.setText(self.tr("Image copied to the clipboard."))

    def _open_folder(self) -> None:
        record = self.detail.record
        if record is None:
            return
        path = resolve_image_path(self.settings.data_dir, record.image_path or record.result_path)
        if path is None or not path.parent.is_dir():
            QMessageBox.warning(self, self.tr("Open image folder"), self.tr("The image folder does not exist."))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

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
