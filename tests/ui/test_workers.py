"""ui.workers: every outcome reaches the GUI thread, and the running state changes there with it."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread

from ui.workers import LatestOnly, create_worker, query_pool, run_async


def _gui_thread():
    return QThread.currentThread()


def test_running_until_the_outcome_reached_the_gui_thread(qtbot):
    results: list[object] = []
    worker = create_worker(lambda: 42, _start=False)
    worker.returned.connect(results.append)
    worker.start()
    assert query_pool().waitForDone(10_000)  # the pool thread has ended (no event processed) ...
    assert worker.is_running() and results == []  # ... but the GUI has not heard yet: still running
    qtbot.waitUntil(lambda: not worker.is_running(), timeout=5_000)
    assert results == [42]  # whoever sees "not running" also sees the result


def test_result_error_progress_arrive_on_the_gui_thread(qtbot):
    gui = _gui_thread()
    seen: list[tuple[str, object, bool]] = []
    worker_threads: list[str] = []

    def work(progress, cancel, n):
        worker_threads.append(threading.current_thread().name)
        for i in range(n):
            progress("step", (i + 1) / n)
        return n * 10

    worker = create_worker(work, 3, _progress=True, _long=True, _start=False, _name="qcs-test-long")
    worker.started.connect(lambda: seen.append(("started", None, QThread.currentThread() is gui)))
    worker.progress.connect(lambda s, f: seen.append((s, f, QThread.currentThread() is gui)))
    worker.returned.connect(lambda r: seen.append(("returned", r, QThread.currentThread() is gui)))
    with qtbot.waitSignal(worker.finished, timeout=5_000):
        worker.start()
    assert worker_threads == ["qcs-test-long"]  # the work itself ran elsewhere
    assert [s[0] for s in seen] == ["started", "step", "step", "step", "returned"]
    assert [s[1] for s in seen if s[0] == "step"] == [1 / 3, 2 / 3, 1.0]
    assert seen[-1][1] == 30 and all(on_gui for *_, on_gui in seen)

    errors: list[tuple[str, bool]] = []
    failing = create_worker(lambda: 1 / 0, _start=False)
    failing.errored.connect(lambda m: errors.append((m, QThread.currentThread() is gui)))
    with qtbot.waitSignal(failing.finished, timeout=5_000):
        failing.start()
    assert len(errors) == 1 and "division" in errors[0][0] and errors[0][1]


def test_cancel_returns_at_once_and_ends_it_as_cancelled(qtbot):
    gate = threading.Event()
    outcome: list[str] = []

    def slow(progress, cancel):
        gate.set()
        cancel.wait(10)

    worker = create_worker(slow, _progress=True, _long=True, _start=False)
    worker.cancelled.connect(lambda: outcome.append("cancelled"))
    worker.returned.connect(lambda _r: outcome.append("returned"))
    worker.start()
    assert gate.wait(5) and worker.is_running()
    worker.cancel()  # no join: the function is still inside cancel.wait when this returns
    qtbot.waitUntil(lambda: not worker.is_running(), timeout=5_000)
    assert outcome == ["cancelled"]


def test_wait_spins_the_event_loop_instead_of_joining(qtbot):
    release = threading.Event()
    ticks: list[int] = []
    from PySide6.QtCore import QTimer

    timer = QTimer()
    timer.timeout.connect(lambda: (ticks.append(1), len(ticks) >= 3 and release.set()))
    timer.start(10)
    worker = create_worker(lambda: release.wait(10) and "done", _long=True)
    assert worker.wait(10)  # the GUI timer kept firing while we waited: it is what released the work
    timer.stop()
    assert len(ticks) >= 3 and not worker.is_running()


def test_latest_only_drops_superseded_answers(qtbot):
    first_gate = threading.Event()
    latest = LatestOnly()
    got: list[tuple[int, object]] = []
    latest.resultReady.connect(lambda t, r: got.append((t, r)))
    old = latest.submit(lambda: first_gate.wait(10) and "old")
    new = latest.submit(lambda: "new")
    qtbot.waitUntil(lambda: got == [(new, "new")], timeout=5_000)
    first_gate.set()
    qtbot.waitUntil(lambda: not latest._running, timeout=5_000)
    assert got == [(new, "new")] and old != new and not latest.busy


def test_run_async_tolerates_a_deleted_receiver(qtbot):
    import shiboken6
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    set_text = label.setText
    shiboken6.delete(label)  # the page closed while its query ran
    done: list[str] = []
    worker = run_async(lambda: "text", on_done=set_text)  # pytest-qt fails on an exception in a slot
    later = run_async(lambda: "ok", on_done=done.append)
    qtbot.waitUntil(lambda: not worker.is_running() and done == ["ok"], timeout=5_000)
    assert not later.is_running()


def test_never_started_is_not_running():
    assert not create_worker(lambda: None, _start=False).is_running()
