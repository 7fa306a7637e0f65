"""History: the Audit trail tab (rows, filter, CSV), reviews audited, model names read from the
library, the reviewed verdict read whole, zoomable detail images."""

from __future__ import annotations

import csv
import shutil
from datetime import datetime, timedelta

import numpy as np
import pytest
from PySide6.QtGui import QImage

from station import audit
from tests.ui.gui_station import bridged_station, close_gui_station, shown
from tests.ui.part2_helpers import make_record
from ui.history_page import HistoryPage

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def page(qtbot, tmp_path, trained_model_path, trained_model):
    station, db, settings, bridge = bridged_station(tmp_path, start=False)
    settings.models_dir.mkdir(parents=True, exist_ok=True)
    shutil.copy(trained_model_path, settings.models_dir / "bottle.qcs")  # in the library, never loaded
    start = datetime.now().replace(microsecond=0) - timedelta(hours=1)
    db.insert_many([make_record(i, start + timedelta(minutes=i), label="NG" if i % 2 else "OK",
                                model_id=trained_model.info.id) for i in range(6)])
    audit.attach(station, None, lambda: "operator")
    p = shown(qtbot, HistoryPage(bridge, settings), (1366 - 170, 700))
    p.page_shown()
    qtbot.waitUntil(lambda: p.model.total == 6, timeout=10_000)
    yield p, db, trained_model
    close_gui_station(bridge, db, p)


def test_model_names_come_from_the_library(qtbot, page):
    p, _db, model = page
    col = 7
    qtbot.waitUntil(lambda: p.model.index(0, col).data() and p.model.index(0, col).data().startswith(model.info.name),
                    timeout=10_000)
    assert model.info.id[:10] not in p.model.index(0, col).data()


def test_review_is_audited_and_the_verdict_is_read_whole(qtbot, page, tmp_path):
    p, db, _model = page
    p.table.selectRow(0)
    record = p.detail.record
    assert record is not None
    new_label = "OK" if record.label == "NG" else "NG"
    p._save_review(record.id, new_label, "lamp reflection")
    qtbot.waitUntil(lambda: db.get(record.id).review_label == new_label, timeout=10_000)
    # the reviewed verdict fits its column
    qtbot.waitUntil(lambda: "(" in p.model.index(0, 4).data(), timeout=10_000)
    text = p.model.index(0, 4).data()
    assert p.table.columnWidth(4) >= p.table.fontMetrics().horizontalAdvance(text) + 8
    # the Audit trail tab lists it, newest first, and exports it
    p.tabs.setCurrentIndex(1)
    view = p.audit_view
    qtbot.waitUntil(lambda: view.loaded and view.total >= 1, timeout=10_000)
    assert view.table.item(0, 1).text() == "operator"
    assert view.table.item(0, 2).data(0x0100) == "review.given"
    assert "lamp reflection" in view.table.item(0, 3).text()
    view.kind_combo.setCurrentIndex(view.kind_combo.findData("model."))
    qtbot.waitUntil(lambda: view.loaded and view.total == 0, timeout=10_000)
    view.kind_combo.setCurrentIndex(0)
    written = []
    view.export(tmp_path / "audit.csv", on_done=written.append)
    qtbot.waitUntil(lambda: bool(written), timeout=10_000)
    rows = list(csv.reader((tmp_path / "audit.csv").open(encoding="utf-8-sig")))
    assert rows[0][:4] == ["seq", "at_utc", "actor", "action"] and rows[1][3] == "review.given"


def test_detail_images_zoom(qtbot, page):
    p, _db, _model = page
    view = p.detail.annotated
    image = QImage(np.full((300, 400, 3), 128, np.uint8).data, 400, 300, 1200, QImage.Format.Format_RGB888).copy()
    view.set_image(image)
    assert view.image() is not None and view.text() == ""
    before = view.zoom_factor()
    view.zoom_by(2.0)
    assert view.zoom_factor() == pytest.approx(before * 2.0)
    view.fit()
    assert view.zoom_factor() == pytest.approx(before)
    view.set_image(None, "image file missing")
    assert view.image() is None and view.text() == "image file missing"
    # the images get most of the panel's height
    assert p.detail.original.height() > p.detail.tabs.height()
