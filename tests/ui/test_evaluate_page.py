"""Evaluate page on the real industrial images: the page shows the same rates as
``inference.evaluation.evaluate`` and ``python main.py evaluate``; the threshold slider moves the
rates without re-inference; "use this threshold" reaches the station; Cancel stops a run."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from station.core import Station
from station.settings import Settings
from tests.ui.gui_station import bridged_station, close_gui_station, shown
from ui.evaluate_page import EvaluatePage
from ui.station_bridge import StationBridge

pytestmark = pytest.mark.timeout(300)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def page(qtbot, tmp_path, trained_model):
    station, db, settings, bridge = bridged_station(tmp_path, trained_model)
    p = shown(qtbot, EvaluatePage(bridge, settings), (1400, 850))
    yield p, station
    close_gui_station(bridge, db, p, pool_ms=30_000)


def _run(qtbot, p, folder, timeout=240_000):
    p.folder_edit.setText(str(folder))
    assert p.start()
    qtbot.waitUntil(lambda: not p.is_running() and p.run_button.isEnabled(), timeout=timeout)
    assert p.report is not None, p.status.text()


def _shown(p):
    return {"miss": p.miss_label.text(), "over": p.over_label.text(), "auroc": p.auroc_label.text(),
            "confusion": {k: int(c.text()) for k, c in p.confusion_cells.items()}}


def _fmt(m):
    return {"miss": f"{m['miss_rate'] * 100:.1f} %", "over": f"{m['over_detection_rate'] * 100:.1f} %",
            "auroc": f"{m['image_auroc']:.3f}", "confusion": m["confusion"]}


def test_real_category_matches_cli(qtbot, page, bottle_dir, trained_model_path, tmp_path):
    p, _station = page
    bottle = bottle_dir
    _run(qtbot, p, bottle)  # the active model, through the station's inference worker
    assert len(p.report.rows) == 31 and p.table_model.rowCount() == 31

    assert _shown(p) == _fmt(p.report.metrics())

    out = tmp_path / "cli.json"
    cli = subprocess.run([sys.executable, str(ROOT / "main.py"), "evaluate", "--model", str(trained_model_path),
                          "--dataset", str(bottle), "--json", str(out)], cwd=ROOT, capture_output=True,
                         text=True, timeout=240)
    assert cli.returncode == 0, cli.stderr[-2000:]
    rep = json.loads(out.read_text())
    assert _shown(p) == _fmt(rep)
    assert p.pixel_label.text().startswith("–")  # bottle has no masks

    # the histogram holds the scores per true label, the threshold line sits on the model's threshold
    ok_counts = p.hist.curves["true OK"].getData()[1]
    ng_counts = p.hist.curves["true NG"].getData()[1]
    assert ok_counts.sum() == rep["n_ok"] and ng_counts.sum() == rep["n_ng"]
    assert p.hist.threshold_line.value() == pytest.approx(rep["threshold"])

    # clicking a row shows the image with its overlay (predicted through the station)
    assert p.select_source_row(3)
    qtbot.waitUntil(lambda: p.viewer.has_image() and p.original_view.has_image(), timeout=30_000)
    assert p.report.rows[3].name in p.viewer_caption.text()
    assert len(p.viewer.boxes) == p.report.rows[3].defect_count  # the boxes of the evaluated result


def test_threshold_slider_and_use(qtbot, page, bottle_dir, tmp_path):
    p, station = page
    # seed-001 layout: OK/ + NG/ built from real bottle images
    folder = tmp_path / "lens"
    for sub, src in (("OK", sorted((bottle_dir / "test/good").iterdir())[:4]),
                     ("NG", sorted((bottle_dir / "test/broken_large").iterdir())[:4])):
        (folder / sub).mkdir(parents=True)
        for f in src:
            (folder / sub / f.name).symlink_to(f)
    _run(qtbot, p, folder)
    assert p.report.layout == "ok_ng" and len(p.report.rows) == 8
    scores = sorted(r.score for r in p.report.rows)

    # a threshold above every score: every NG is missed, nothing over-detected
    p.set_threshold(scores[-1] + 1.0)
    assert p.miss_label.text() == "100.0 %" and p.over_label.text() == "0.0 %"
    assert {p.table_model.prediction(i) for i in range(8)} == {"OK"}
    # "errors only" lists the four missed NG images; sorting by score orders them by number
    p.errors_only.setChecked(True)
    assert p.proxy.rowCount() == 4
    assert {p.proxy.index(i, 1).data() for i in range(4)} == {"NG"}
    p.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    shown = [float(p.proxy.index(i, 3).data(Qt.ItemDataRole.UserRole)) for i in range(4)]
    assert shown == sorted(shown, reverse=True)
    p.errors_only.setChecked(False)
    assert p.proxy.rowCount() == 8
    # below every score: nothing missed, every OK over-detected
    p.set_threshold(scores[0] - 1e-6)
    assert p.miss_label.text() == "0.0 %" and p.over_label.text() == "100.0 %"
    assert p.confusion_cells["fp"].text() == "4"
    # the slider drives the same computation
    p.slider.setValue(p.slider.maximum())
    assert p.threshold == pytest.approx(p._hi) and p.miss_label.text() == "100.0 %"

    # shuffled playback walks through every image once, then stops
    from PySide6.QtCore import QModelIndex

    p.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    p.interval.setValue(100)
    p.table.setCurrentIndex(QModelIndex())
    seen = []
    p.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: seen.append(cur.row()))
    p.play_button.setChecked(True)
    qtbot.waitUntil(lambda: not p.play_button.isChecked(), timeout=20_000)
    assert sorted(seen) == list(range(8))

    # export at the chosen threshold
    csv_path = p.write_csv(tmp_path / "lens_result.csv")
    rows = list(csv.reader(csv_path.open(encoding="utf-8")))
    assert rows[0][:4] == ["file name", "label", "prediction", "anomaly score"]
    assert {r[2] for r in rows[1:]} == {"OK"}
    files = p.export_figures(tmp_path / "fig")
    assert all(f.stat().st_size > 0 for f in files)

    # use this threshold -> the station's model judges with it
    mid = (scores[3] + scores[4]) / 2
    p.set_threshold(mid)
    assert p.use_button.isEnabled()
    assert p.apply_threshold()
    assert station.params.threshold == pytest.approx(mid)


def test_pixel_auroc_with_masks(qtbot, page, require_dataset, tmp_path, trained_model):
    p, _station = page
    src = require_dataset("kolektor_commutator")
    folder = tmp_path / "kolektor_small"
    (folder / "test/good").mkdir(parents=True)
    (folder / "test/crack").mkdir(parents=True)
    (folder / "ground_truth/crack").mkdir(parents=True)
    for f in sorted((src / "test/good").iterdir())[:3]:
        (folder / "test/good" / f.name).symlink_to(f)
    for f in sorted((src / "test/crack").iterdir())[:3]:
        (folder / "test/crack" / f.name).symlink_to(f)
        mask = src / "ground_truth/crack" / f"{f.stem}_mask.png"
        (folder / "ground_truth/crack" / mask.name).symlink_to(mask)
    _run(qtbot, p, folder)
    from inference.evaluation import evaluate, load_labelled_folder

    want = evaluate(trained_model, load_labelled_folder(folder)).metrics()
    assert want["pixel_auroc"] is not None
    assert p.pixel_label.text() == f"{want['pixel_auroc']:.3f}"


def test_cancel_and_bad_input(qtbot, tmp_path, require_dataset, trained_model_path):
    settings = Settings().override(**{"storage.data_dir": str(tmp_path / "data")})
    station = Station(settings)  # no model, not started: a file model is evaluated privately
    bridge = StationBridge(station, settings)
    p = EvaluatePage(bridge, settings)
    qtbot.addWidget(p)
    p.folder_edit.setText(str(tmp_path / "missing"))
    assert not p.start() and "folder" in p.status.text()
    p.folder_edit.setText(str(require_dataset("kolektor_commutator")))
    assert not p.start() and "active model" in p.status.text()
    p.model_combo.setCurrentIndex(p.model_combo.findData("file"))
    p.model_file.setText(str(trained_model_path))
    assert p.start()
    p.cancel()
    # The worker ends before its queued "cancelled" signal reaches the GUI thread: wait for what
    # the operator sees, not for the thread.
    qtbot.waitUntil(lambda: "cancelled" in p.status.text(), timeout=120_000)
    qtbot.waitUntil(lambda: not p.is_running(), timeout=10_000)
    assert p.report is None
    p.shutdown()
    bridge.close()
