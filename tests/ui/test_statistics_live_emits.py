"""The live pages emit Qt signals all day (every inspection, every refresh). PySide6 6.12.0 drops a
reference to ``True`` on every Python-side ``Signal.emit()``, which kills a Python < 3.12 process
after a few hundred emits (``bool_dealloc``); pyproject excludes that version. This guards it."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    value = Signal(int)


def test_signal_emit_keeps_reference_counts():
    e = _Emitter()
    e.value.connect(lambda _v: None)
    before_true, before_false = sys.getrefcount(True), sys.getrefcount(False)
    for i in range(200):
        e.value.emit(i)
    leaked = before_true - sys.getrefcount(True), before_false - sys.getrefcount(False)
    assert leaked == (0, 0), (
        f"this PySide6 drops references on Signal.emit() {leaked}: the station would crash after a few "
        "hundred live updates; install a version pyproject.toml allows")
