"""BackgroundTask: the running state callers see changes on the GUI thread, together with the outcome."""

from __future__ import annotations

import threading

from ui.tasks import BackgroundTask


def test_running_until_the_outcome_reached_the_gui_thread(qtbot):
    results: list[object] = []
    task = BackgroundTask(lambda progress, cancel: 42)
    task.succeeded.connect(results.append)
    task.start()
    assert task.wait(10)  # the worker thread has ended ...
    assert task.is_running() and results == []  # ... but the GUI has not heard yet: still running
    qtbot.waitUntil(lambda: not task.is_running(), timeout=5_000)
    assert results == [42]  # whoever sees "not running" also sees the result


def test_failure_and_cancel_also_end_it(qtbot):
    failed: list[str] = []
    task = BackgroundTask(lambda progress, cancel: 1 / 0)
    task.failed.connect(failed.append)
    task.start()
    qtbot.waitUntil(lambda: not task.is_running(), timeout=5_000)
    assert failed and "division" in failed[0]

    gate = threading.Event()
    cancelled: list[bool] = []

    def slow(progress, cancel):
        gate.set()
        cancel.wait(10)

    task = BackgroundTask(slow)
    task.cancelled.connect(lambda: cancelled.append(True))
    task.start()
    assert gate.wait(5) and task.is_running()
    task.cancel()
    qtbot.waitUntil(lambda: not task.is_running(), timeout=5_000)
    assert cancelled == [True]


def test_never_started_is_not_running():
    assert not BackgroundTask(lambda progress, cancel: None).is_running()
