"""Roles in the window (PIN dialog, page gate, idle timeout back to operator), the Evaluate
threshold typed as a person types it, and the audit rows the GUI actions leave."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from inference.evaluation import EvaluationReport, Row
from station import audit
from station.roles import ENGINEER, OPERATOR, RoleSession, hash_pin
from tests.station.fakes import Clock
from tests.ui.gui_station import bridged_station, close_gui_station
from ui.role_guard import PinDialog, RoleGuard

pytestmark = pytest.mark.timeout(300)


@pytest.fixture
def stationed(qtbot, tmp_path, trained_model):
    station, db, settings, bridge = bridged_station(tmp_path, trained_model)
    yield station, db, settings, bridge
    close_gui_station(bridge, db, pool_ms=30_000)


def _rows(db, **query):
    from storage.audit_query import audit_page

    return list(reversed(audit_page(db, **query)[1]))


def test_pin_dialog_refuses_a_wrong_pin(qtbot):
    stored = hash_pin("8642")
    session = RoleSession(lambda: stored, lambda: 900.0)
    dialog = PinDialog("Models", session.unlock)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.edit, "1111")
    dialog.try_accept()
    assert dialog.isVisible() and dialog.error.text() and dialog.edit.text() == ""
    assert session.role == OPERATOR
    qtbot.keyClicks(dialog.edit, "8642")
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    assert dialog.result() == PinDialog.DialogCode.Accepted and session.role == ENGINEER


def test_window_gates_engineer_pages_and_times_out(qtbot, stationed):
    from ui.main_window import MainWindow

    station, db, settings, bridge = stationed
    clock = Clock(100.0)
    stored = hash_pin("2580")
    station.roles = RoleSession(lambda: stored, lambda: 60.0, clock=clock)
    trail = audit.attach(station, None, lambda: station.roles.role)
    window = MainWindow(bridge, settings)
    qtbot.addWidget(window)
    window.show()
    guard = window.role_guard
    assert isinstance(guard, RoleGuard) and window.role_indicator.label.text() == "Operator"
    typed: list[str] = []

    def ask(_parent, what):
        typed.append(what)
        return station.roles.unlock(answers.pop(0))

    guard.ask = ask
    answers = ["0000"]
    assert not window.show_page("models") or window.current_page_key() != "models"
    assert window.current_page_key() == "live" and typed == ["Models"]
    answers = ["2580"]
    window.show_page("models")
    assert window.current_page_key() == "models" and station.roles.role == ENGINEER
    assert window.role_indicator.label.text() == "Engineer"
    # the counters' Reset asks too, and is audited once granted
    from widgets.counters import ShiftCounters

    counters = window.findChild(ShiftCounters)
    assert counters is not None and counters.guard is not None
    clock.t += 61  # idle past the timeout: operator again, back on Live
    guard.poll()
    qtbot.waitUntil(lambda: window.current_page_key() == "live")
    assert station.roles.role == OPERATOR and window.role_indicator.label.text() == "Operator"
    answers = ["1"]
    counters.resetClicked.connect(lambda: typed.append("reset done"))
    counters._on_reset()
    assert "reset done" not in typed  # refused without the PIN
    actions = [r["action"] for r in _rows(db)]
    assert actions == ["roles.unlocked", "roles.locked"]
    assert _rows(db)[1]["detail"]["reason"] == "idle"
    window.close()
    trail.detach()


def test_no_pin_keeps_todays_behaviour_with_a_hint(qtbot, stationed):
    from ui.main_window import MainWindow

    station, _db, settings, bridge = stationed
    station.roles = RoleSession(lambda: "", lambda: 60.0)
    window = MainWindow(bridge, settings)
    qtbot.addWidget(window)
    window.role_guard.ask = lambda *_a: pytest.fail("no PIN set: nobody is asked")
    assert window.show_page("settings") and window.current_page_key() == "settings"
    assert "No engineer PIN" in window.role_indicator.label.text()
    window.close()


def _report(model_id: str) -> EvaluationReport:
    rows = []
    for i, (label, score) in enumerate([("OK", 0.9), ("OK", 1.1), ("OK", 1.32), ("NG", 1.38), ("NG", 1.6),
                                        ("NG", 2.0)]):
        rows.append(Row(path=f"/nowhere/{i}.png", name=f"{i}.png", label=label, defect="good" if label == "OK"
                        else "crack", prediction="OK", score=score, normalized_score=score / 1.5, defect_count=0,
                        latency_ms=1.0))
    return EvaluationReport(dataset="/nowhere", layout="ok_ng", model={"id": model_id}, threshold=1.5, rows=rows,
                            pixel_auroc=None, latencies_ms=[1.0] * len(rows))


def test_typed_threshold_stays_and_is_applied_and_audited(qtbot, stationed, monkeypatch):
    from ui.evaluate_page import EvaluatePage

    station, db, settings, bridge = stationed
    audit.attach(station, None, lambda: "engineer")
    page = EvaluatePage(bridge, settings)
    qtbot.addWidget(page)
    page.resize(1366 - 170, 768 - 60)
    page.show()
    page._on_done((_report(station.model_info.id), None, None))
    spin = page.threshold_spin
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "1.35")
    assert spin.lineEdit().text().startswith("1.35")  # not rewritten under the cursor
    assert page.threshold == pytest.approx(1.5)  # not taken until typing is finished
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.use_button.click()  # typed, then straight to the button: the typed value is used
    assert page.threshold == pytest.approx(1.35) and spin.lineEdit().text().startswith("1.35")
    qtbot.waitUntil(lambda: abs(station.params.threshold - 1.35) < 1e-9)
    assert page.miss_label.text() == "0.0 %"  # 1.38 is NG at 1.35
    row = _rows(db, action="threshold.applied")[-1]
    assert row["detail"]["new"]["threshold"] == pytest.approx(1.35) and row["actor"] == "engineer"
    # the judged verdict is coloured by itself: OK green even when it is a miss
    page.set_threshold(1.5)
    caption = page._caption(3)  # true NG 1.38 judged OK: a miss
    assert "color:#2a2'>OK" in caption and "✗" in caption
    # the annotated pane and the empty-state text fit a 1366×768 screen
    assert page.viewer.width() > 150 and page.original_view.width() > 150
    right = page.viewer.mapTo(page, page.viewer.rect().topRight()).x()
    assert right <= page.width()
    page.shutdown()


def test_empty_state_text_is_never_clipped(qtbot):
    from widgets.image_view import ImageView

    view = ImageView()
    qtbot.addWidget(view)
    view.resize(180, 200)
    view.show()
    view.set_placeholder("Run an evaluation, then pick an image.")
    rect = view.mapFromScene(view._placeholder.sceneBoundingRect()).boundingRect()
    assert rect.left() >= 0 and rect.right() <= view.viewport().width()
