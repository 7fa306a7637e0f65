"""History page on a real history database: filters change the rows and the total, review is saved,
paging is lazy, new results refresh the top, CSV export follows the filter."""

from __future__ import annotations

import csv
import json
from datetime import datetime, timedelta

import pytest

from tests.ui.gui_station import bridged_station, close_gui_station, shown
from tests.ui.part2_helpers import make_record, varied_records
from ui.history_page import PAGE_SIZE, HistoryFilter, HistoryPage

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def page(qtbot, tmp_path):
    _station, db, settings, bridge = bridged_station(tmp_path, start=False)
    start = datetime.now().replace(microsecond=0) - timedelta(minutes=8 * 500 + 60)
    records = varied_records(500, start, step=timedelta(minutes=8))
    db.insert_many(records)
    p = shown(qtbot, HistoryPage(bridge, settings), (1400, 800))
    p.page_shown()
    qtbot.waitUntil(lambda: p.model.total == 500, timeout=10_000)
    yield p, db, records
    close_gui_station(bridge, db, p)


def _expected(records, **f):
    out = records
    if "label" in f:
        out = [r for r in out if r.label == f["label"]]
    if "num" in f:
        out = [r for r in out if r.defect_count == f["num"]]
    if "name" in f:
        out = [r for r in out if f["name"] in r.name]
    if "model_id" in f:
        out = [r for r in out if r.model_id == f["model_id"]]
    if "score_min" in f:
        out = [r for r in out if f["score_min"] <= r.score <= f["score_max"]]
    return out


def _apply(qtbot, page, f: HistoryFilter):
    page.set_filter(f)
    qtbot.waitUntil(lambda: not page._query.busy, timeout=10_000)
    qtbot.wait(20)


def test_filters_change_rows_and_total(qtbot, page):
    p, _db, records = page
    assert "500" in p.total_label.text()
    assert p.model.rowCount() == 500 and p.model.cached_rows() == PAGE_SIZE  # lazy: page 1 only

    cases = [
        {"label": "NG"},
        {"label": "OK", "model_id": "m-tile"},
        {"num": 2},
        {"name": "part_001"},
        {"score_min": 0.5, "score_max": 1.2},
    ]
    for kw in cases:
        _apply(qtbot, p, HistoryFilter(**kw))
        want = _expected(records, **kw)
        assert 0 < len(want) < 500, kw
        assert p.model.total == len(want), kw
        assert f"{len(want):,}" in p.total_label.text()
        shown = [p.model.index(r, 1).data() for r in range(min(len(want), PAGE_SIZE))]
        assert set(shown) <= {r.name for r in want}, kw
        verdicts = {p.model.index(r, 4).data() for r in range(min(len(want), PAGE_SIZE))}
        if kw.get("label") == "NG":
            assert verdicts == {"NG"}

    # a date range of the first day only
    first_day = records[0].timestamp.date()
    _apply(qtbot, p, HistoryFilter(start_date=first_day, end_date=first_day))
    assert p.model.total == sum(r.timestamp.date() == first_day for r in records)
    # UI widgets drive the same filter
    p.clear_filters()
    qtbot.waitUntil(lambda: p.model.total == 500, timeout=10_000)
    p.verdict_combo.setCurrentIndex(p.verdict_combo.findData("NG"))
    qtbot.waitUntil(lambda: p.model.total == len(_expected(records, label="NG")), timeout=10_000)


def test_lazy_paging_fetches_pages_on_scroll(qtbot, page):
    p, _db, records = page
    newest_first = sorted(records, key=lambda r: r.timestamp, reverse=True)
    assert p.model.record_at(450) is None  # page 3 not loaded yet: requested
    qtbot.waitUntil(lambda: p.model.record_at(450) is not None, timeout=10_000)
    assert p.model.record_at(450).name == newest_first[450].name
    p.table.scrollToBottom()
    qtbot.waitUntil(lambda: p.model.index(499, 1).data() == newest_first[499].name, timeout=10_000)


def test_review_is_saved(qtbot, page):
    p, db, _records = page
    _apply(qtbot, p, HistoryFilter(label="NG"))
    p.table.selectRow(0)
    rec = p.detail.record
    assert rec is not None and rec.label == "NG"
    assert '"result": false' in p.detail.context.toPlainText()
    p.detail.review_ok.setChecked(True)
    p.detail.review_note.setText("scratch is on the label, part is fine")
    p.detail.review_save.click()
    qtbot.waitUntil(lambda: db.get(rec.id).review_label == "OK", timeout=10_000)
    stored = db.get(rec.id)
    assert stored.review_note == "scratch is on the label, part is fine"
    assert stored.final_label == "OK"
    qtbot.waitUntil(lambda: "was NG" in (p.model.index(0, 4).data() or ""), timeout=5_000)
    assert "Reviewed" in p.detail.review_state.text()


def test_new_results_refresh_the_top(qtbot, page):
    p, db, _records = page
    rec = make_record(9999, datetime.now() + timedelta(minutes=1), label="NG", defects=1, score=1.5,
                      name="just_arrived.png")
    rid = db.insert(rec)
    from dataclasses import replace

    from station.core import Inspection

    p.bridge.resultReady.emit(Inspection(record=replace(rec, id=rid), result=None, image=None))
    qtbot.waitUntil(lambda: p.model.total == 501, timeout=10_000)
    assert p.model.index(0, 1).data() == "just_arrived.png"


def test_export_follows_the_filter(qtbot, page, tmp_path):
    p, _db, records = page
    _apply(qtbot, p, HistoryFilter(label="NG", num=1))
    out = tmp_path / "ng.csv"
    p.export_to(str(out))
    qtbot.waitUntil(lambda: "Exported" in p.total_label.text(), timeout=10_000)
    with out.open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) - 1 == len(_expected(records, label="NG", num=1))


def test_pruned_image_is_said(qtbot, page):
    p, db, _records = page
    rid = db.insert(make_record(1, datetime.now() - timedelta(hours=1), image_pruned=True, name="old.png"))
    _apply(qtbot, p, HistoryFilter(name="old.png"))
    assert p.model.total == 1
    p.table.selectRow(0)
    assert p.detail.record.id == rid
    assert "pruned" in p.detail.original.text()


def test_station_records_show_their_images(qtbot, tmp_path, trained_model, bottle_images):
    """Records inserted by the real station (real model, real images saved by the image store)."""
    from PySide6.QtGui import QGuiApplication

    from inference.imageio import read_image
    from ui.main_window import MainWindow

    station, db, settings, bridge = bridged_station(tmp_path, trained_model)
    paths = bottle_images["ok"][:2] + bottle_images["ng"][:3]
    futures = [station.inspect(read_image(p), source="folder", name=p.name) for p in paths]
    inspections = [f.result(timeout=120) for f in futures]
    win = MainWindow(bridge, settings)
    qtbot.addWidget(win)
    try:
        assert {"history", "statistics", "evaluate"} <= set(win.pages)
        assert win.show_page("history")
        p = win.pages["history"]
        qtbot.waitUntil(lambda: p.model.total == len(paths), timeout=10_000)
        # images are written after the reply: wait until the station has stored their paths
        qtbot.waitUntil(lambda: all(db.get(i.record.id).result_path for i in inspections), timeout=30_000)
        p.apply_filters()
        qtbot.waitUntil(lambda: not p._query.busy, timeout=10_000)
        ng = [i.record for i in inspections if i.record.label == "NG"]
        assert ng, "the bottle model judges some defective bottles NG"
        p.set_filter(HistoryFilter(label="NG"))
        qtbot.waitUntil(lambda: p.model.total == len(ng) and not p._query.busy, timeout=10_000)
        p.table.selectRow(0)
        qtbot.waitUntil(lambda: p.detail.annotated.image() is not None, timeout=10_000)
        assert p.detail.original.image().width() == read_image(paths[0]).shape[1]
        p._copy_image("annotated")
        assert not QGuiApplication.clipboard().image().isNull()
        assert p.detail.regions.rowCount() == p.detail.record.defect_count
        rec = p.detail.record  # the region's ratio is the one drawn on its box (score / image threshold)
        assert p.detail.regions.item(0, 5).text() == f"{rec.regions[0]['score'] / rec.extra['threshold']:.2f}×"
        # the history's context view says what the HTTP endpoint said for the same inspection
        from api.context import build_context
        from widgets.detail_panel import pekat_context

        shown = json.loads(p.detail.context.toPlainText())
        insp = next(i for i in inspections if i.record.id == p.detail.record.id)
        live = json.loads(json.dumps(build_context(insp.result, insp.record, None)))
        for key in ("production_mode", "data"):
            live.pop(key)
            shown.pop(key)
        assert shown == live
        assert pekat_context(p.detail.record)["result"] is False
    finally:
        win.shutdown_pages()
        close_gui_station(bridge, db)


def test_broad_name_total_is_counted_after_the_first_page(qtbot, page, monkeypatch):
    """The first page comes with "More than N records (counting…)"; the exact total follows from a
    background count and the table grows to it, keeping the selection."""
    import threading

    import storage.db_reads as db_reads

    p, db, _records = page
    monkeypatch.setattr(db_reads, "COUNT_CAP", PAGE_SIZE)  # 500 matches: "more than 200" first
    gate = threading.Event()
    exact_count = db.count_search

    def slow_count(**filters):  # the exact count waits until the test has seen the first state
        assert gate.wait(20)
        return exact_count(**filters)

    monkeypatch.setattr(db, "count_search", slow_count)
    try:
        db._planner.invalidate()
        p.set_filter(HistoryFilter(name="part_"))
        qtbot.waitUntil(lambda: "More than" in p.total_label.text(), timeout=10_000)
        assert p.total_label.text() == "More than 200 records (counting…)"
        assert p.model.rowCount() == PAGE_SIZE
        assert p.model.index(0, 1).data() == "part_00499.png"  # newest first, exact rows
        p.table.selectRow(3)
        gate.set()
        qtbot.waitUntil(lambda: p.model.rowCount() == 500, timeout=10_000)
        assert p.total_label.text() == "500 records"
        assert p.table.selectionModel().selectedRows()[0].row() == 3  # the table grew, not reset
        p.table.scrollToBottom()
        qtbot.waitUntil(lambda: p.model.index(499, 1).data() == "part_00000.png", timeout=10_000)
    finally:
        gate.set()
