"""F1: every keyboard shortcut of the window and its pages, plus a few lines on getting started."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget


class HelpDialog(QDialog):
    """Built from ``window.shortcut_help()`` so pages that add shortcuts show up by themselves."""

    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Help: keyboard shortcuts"))
        self.rows = list(rows)
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(False)
        table = "".join(f"<tr><td style='padding:3px 18px 3px 0'><b>{html.escape(k)}</b></td>"
                        f"<td>{html.escape(v)}</td></tr>" for k, v in self.rows)
        start = [self.tr("No model yet? The Live page offers: train from a folder of good images, open a "
                         "model file, or try the built-in sample."),
                 self.tr("Live page: choose an image folder, a video file or a camera, then Start. "
                         "Images posted to the HTTP endpoint show there too."),
                 self.tr("Click a thumbnail in the NG strip to look at that part again; Esc returns to "
                         "the live stream."),
                 self.tr("F11 switches to operator mode: full screen, big verdict and counters.")]
        items = "".join(f"<li>{html.escape(s)}</li>" for s in start)
        keys_title = html.escape(self.tr("Keyboard shortcuts"))  # tr() outside f-strings: lupdate sees it
        start_title = html.escape(self.tr("Getting started"))
        self.text.setHtml(f"<h3>{keys_title}</h3><table>{table}</table><h3>{start_title}</h3><ul>{items}</ul>")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.text)
        lay.addWidget(buttons)
        self.resize(640, 560)


def show_help(window: QWidget) -> HelpDialog:
    """Open (non-modal) the help for ``window`` (a ``MainWindow``)."""
    rows = window.shortcut_help() if hasattr(window, "shortcut_help") else []
    dialog = HelpDialog(rows, window)
    dialog.open()
    return dialog
