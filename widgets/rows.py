"""A row of widgets in one call: the toolbars and button rows of every page and dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLayout, QWidget

STRETCH = None
"""In a row: the empty space that pushes what follows to the right edge."""

Item = QWidget | QLayout | tuple[QWidget, int] | None


def hrow(*items: Item) -> QHBoxLayout:
    """A horizontal layout of ``items`` left to right: widgets, layouts, ``(widget, stretch)`` for a
    widget that takes a share of the spare width, and :data:`STRETCH`."""
    row = QHBoxLayout()
    for item in items:
        if item is STRETCH:
            row.addStretch(1)
        elif isinstance(item, tuple):
            row.addWidget(*item)
        elif isinstance(item, QLayout):
            row.addLayout(item)
        else:
            row.addWidget(item)
    return row


def row_widget(*items: Item) -> QWidget:
    """A widget holding ``hrow(*items)`` edge to edge (no margins): one piece of a larger row or form."""
    widget = QWidget()
    row = hrow(*items)
    row.setContentsMargins(0, 0, 0, 0)
    widget.setLayout(row)
    return widget
