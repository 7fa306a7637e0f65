"""The insights in the window: the drift banner hook (Live, Statistics) and the Statistics panel.

Numbers and sentences come from the station (station/insights.py, in the UI language); this module
only places them. ``collect_insights`` runs in a worker; widgets are touched on the GUI thread only.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from widgets.drift_banner import DriftBanner
from widgets.image_convert import FitImageLabel, bgr_to_qimage

SEVERITY_COLOURS = {"alert": "#d93025", "warning": "#e37400", "info": "#5f6368"}


def ui_language(settings: Any) -> str:
    from ui.i18n import resolve_language

    return resolve_language(getattr(getattr(settings, "ui", None), "language", "auto"))


class _DriftHook(QObject):
    """Owned by the banner, so its connections to the bridge end when the banner is destroyed."""

    def __init__(self, banner: DriftBanner, bridge: Any, settings: Any) -> None:
        super().__init__(banner)
        # the language is read from the bridge at each update: a copy kept here would go stale
        # when the settings store publishes new settings
        self.banner, self.bridge, self._fallback_settings = banner, bridge, settings
        self.title = QCoreApplication.translate("DriftBanner", "Score drift")
        bridge.driftChanged.connect(self.show_status)
        bridge.modelChanged.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args: Any) -> None:
        monitor = getattr(getattr(self.bridge, "station", None), "drift", None)
        self.show_status(monitor.status() if monitor is not None else None)

    def show_status(self, status: Any) -> None:
        from station.insights import drift_text

        if status is not None and getattr(status, "drifting", False):
            self.banner.show_drift(self.title, drift_text(status, ui_language(getattr(self.bridge, "settings", None) or self._fallback_settings)))
        else:
            self.banner.clear()


def attach_drift_banner(bridge: Any, settings: Any) -> DriftBanner:
    """A banner that follows the station's drift monitor; the caller places it in its layout."""
    banner = DriftBanner()
    banner.hook = _DriftHook(banner, bridge, settings)
    return banner


def collect_insights(db: Any, start: Any, end: Any, shifts: list[Any], lang: str, drift_status: Any,
                     data_dir: Path) -> tuple[Any, np.ndarray | None]:
    """Worker thread: the period's insights and its location map (BGR, or None)."""
    from station import insights

    ins = insights.compute(db, start, end, shifts=shifts, lang=lang, drift_status=drift_status)
    return ins, insights.render_location_map(db, ins, data_dir, max_side=480)


class InsightsPanel(QWidget):
    """Summary and findings on the left, the defect-location map and its clusters on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.insights: Any = None
        self.map_image: np.ndarray | None = None
        self.text = QTextBrowser()
        self.text.setObjectName("insightsText")
        self.text.setOpenLinks(False)
        self.text.setMinimumHeight(120)
        self.map_title = QLabel(self.tr("Where defects sit (NG parts)"))
        self.map_title.setStyleSheet("font-weight: bold;")
        self.map_view = FitImageLabel(self.tr("No NG parts with defect regions in this period"))
        self.map_view.setMinimumSize(220, 160)
        self.clusters = QLabel()
        self.clusters.setWordWrap(True)
        self.clusters.setTextFormat(Qt.TextFormat.RichText)
        self.save_map_button = QPushButton(self.tr("Save map as PNG…"))
        self.save_map_button.setEnabled(False)
        self.save_map_button.clicked.connect(self._save_map)
        right = QVBoxLayout()
        right.addWidget(self.map_title)
        right.addWidget(self.map_view, 1)
        right.addWidget(self.clusters)
        right.addWidget(self.save_map_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.text, 3)
        lay.addLayout(right, 2)

    def set_insights(self, ins: Any, map_image: np.ndarray | None) -> None:
        self.insights, self.map_image = ins, map_image
        self.text.setHtml(self.html(ins))
        if map_image is not None:
            self.map_view.set_image(bgr_to_qimage(map_image))
        else:
            self.map_view.set_image(None, self.tr("No NG parts with defect regions in this period"))
        self.save_map_button.setEnabled(map_image is not None)
        model = ins.model_for_map()
        rows = [c for c in ins.clusters if c.model_id == model][:3]
        self.clusters.setText("<br>".join(
            self.tr("{0}. centre x {1:.2f}, y {2:.2f}: {3:.1f} % of NG parts").format(
                i, c.x, c.y, c.share * 100) for i, c in enumerate(rows, 1)))

    def html(self, ins: Any) -> str:
        esc = html.escape
        head = esc(ins.summary.split("\n", 1)[0])
        items = []
        for f in ins.findings:
            colour = SEVERITY_COLOURS.get(f.severity, "#5f6368")
            items.append(f"<li><span style='color:{colour}; font-weight:bold'>●</span> {esc(f.text)}</li>")
        title = esc(self.tr("Insights"))
        return (f"<h3 style='margin:0'>{title}</h3><p>{head}</p>"
                f"<ul style='margin-left:-20px'>{''.join(items)}</ul>")

    def export_png(self, path: str | Path) -> Path:
        """The location map as shown (with its clusters numbered) into ``path``."""
        import cv2

        if self.map_image is None:
            raise OSError("no location map for this period")
        path = Path(path)
        if not cv2.imwrite(str(path), self.map_image):
            raise OSError(f"could not write {path}")
        return path

    def _save_map(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save location map"), "defect_locations.png",
                                              self.tr("PNG images (*.png)"))
        if path:
            try:
                self.export_png(path)
            except OSError as exc:
                QMessageBox.warning(self, self.tr("Export"), str(exc))
