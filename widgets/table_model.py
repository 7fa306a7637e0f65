"""The part every table model of the station shares: titled columns, untitled rows."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, Qt


class TitledColumnsModel(QAbstractTableModel):
    """A table model whose column titles are ``self._headers`` (set, translated, by the subclass)."""

    _headers: Sequence[str] = ()

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole):
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None
