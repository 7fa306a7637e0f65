"""Light and dark palettes (Fusion style) so the window looks the same on every OS.

Why Fusion: native styles ignore parts of a palette (Windows' style ignores dark palettes), and
a factory PC's OS theme should not decide whether the verdict colours stay readable.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

DARK = {
    QPalette.ColorRole.Window: "#2b2b2b", QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1f1f1f", QPalette.ColorRole.AlternateBase: "#272727",
    QPalette.ColorRole.Text: "#e6e6e6", QPalette.ColorRole.Button: "#3a3a3a",
    QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.Highlight: "#2d6cdf",
    QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#3a3a3a",
    QPalette.ColorRole.ToolTipText: "#f0f0f0", QPalette.ColorRole.PlaceholderText: "#9a9a9a",
    QPalette.ColorRole.Link: "#8ab4f8", QPalette.ColorRole.BrightText: "#ff6b6b",
}

STYLE = """
QListWidget#navigation { font-size: 15px; }
QListWidget#navigation::item { padding: 6px 10px; }
QLabel#warningLabel { color: #f29900; font-weight: bold; }
QLabel[state="error"] { color: #ea4335; font-weight: bold; }
"""


def apply_theme(app: QApplication, theme: str) -> None:
    """``dark`` or ``light`` (anything else: light)."""
    app.setStyle("Fusion")
    palette = app.style().standardPalette()
    if theme == "dark":
        for role, color in DARK.items():
            palette.setColor(role, QColor(color))
        for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
            palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    app.setPalette(palette)
    app.setStyleSheet(STYLE)
