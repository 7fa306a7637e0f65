"""The question asked before the model a running line is judged by changes.

Asked when a live source runs or the endpoint judged a part within the last minute
(``station.changeover.line_active``); it names the old and the new model so a slip (activating a
magnetic-tile model on the bottle line) is caught before the first part is judged by it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from station.changeover import line_active


class ChangeoverPrompt(QObject):
    """``ask(parent, station, action, old, new)`` → (go ahead, confirmed by the user)."""

    def ask(self, parent: QWidget | None, station: Any, action: str, old: str | None,
            new: str | None) -> tuple[bool, bool]:
        if not line_active(station):
            return True, False
        texts = {
            "activate": self.tr("Activate a different model"),
            "params": self.tr("Apply new prediction parameters"),
            "train": self.tr("Make the trained model active"),
        }
        text = (self.tr("The line is running. From the next part on, parts will be judged by\n\n"
                        "    %2\n\ninstead of\n\n    %1\n\nChange over now?")
                .replace("%1", old or "—").replace("%2", new or "—"))
        answer = QMessageBox.question(parent, texts.get(action, texts["activate"]), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        ok = answer == QMessageBox.StandardButton.Yes
        return ok, ok


def confirm_changeover(parent: QWidget | None, station: Any, action: str, old: str | None,
                       new: str | None) -> tuple[bool, bool]:
    return ChangeoverPrompt().ask(parent, station, action, old, new)
