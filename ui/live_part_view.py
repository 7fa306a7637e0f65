"""The Live page's picture: the part with its heatmap and boxes, the overlay controls, and which
part it is (live, or a past NG part held for review)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget

from widgets.image_view import ImageView


class PartView(QWidget):
    """``draw(shown, held)``; ``backClicked`` when the operator asks for the live part again."""

    backClicked = Signal()
    opacityChanged = Signal(float)

    def __init__(self, opacity: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = ImageView()
        self.view.set_heatmap_opacity(opacity)
        self.heatmap_check = QCheckBox()
        self.heatmap_check.setChecked(True)
        self.heatmap_check.toggled.connect(self.view.set_heatmap_visible)
        self.opacity_caption = QLabel()
        self.opacity_slider = QSlider(Qt.Orientation.Horizontal)
        self.opacity_slider.setRange(0, 100)
        self.opacity_slider.setValue(round(opacity * 100))
        self.opacity_slider.setMaximumWidth(180)
        self.opacity_slider.valueChanged.connect(self._on_opacity)
        self.fit_button = QPushButton()
        self.fit_button.clicked.connect(self.view.fit)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.backClicked)
        self.back_button.hide()
        self.part_label = QLabel()
        self.part_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        overlay = self._overlay = QHBoxLayout()
        for w, stretch in ((self.heatmap_check, 0), (self.opacity_caption, 0), (self.opacity_slider, 0),
                           (self.fit_button, 0), (self.back_button, 0), (self.part_label, 1)):
            overlay.addWidget(w, stretch)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.view, 1)
        lay.addLayout(overlay)

    def add_overlay_widget(self, widget: QWidget) -> None:
        """Another feature's control beside "Back to live" (before the part's text)."""
        self._overlay.insertWidget(self._overlay.indexOf(self.part_label), widget)

    def retranslate(self) -> None:
        self.heatmap_check.setText(self.tr("Heatmap"))
        self.heatmap_check.setToolTip(self.tr("Show the anomaly heatmap (H)"))
        self.opacity_caption.setText(self.tr("Opacity"))
        self.fit_button.setText(self.tr("Fit"))
        self.fit_button.setToolTip(self.tr("Fit the image to the view (F, or double-click)"))
        self.back_button.setText(self.tr("Back to live"))
        self.view.set_placeholder(self.tr("Choose a source and press Start,\nor post images to the endpoint."))

    def _on_opacity(self, value: int) -> None:
        self.view.set_heatmap_opacity(value / 100.0)
        self.opacityChanged.emit(value / 100.0)

    def draw(self, shown: Any, held: bool) -> None:
        """A prepared ``ui.live_shown.Shown``: images already converted off the GUI thread, swapped
        in together (frame, heatmap, boxes of the same part)."""
        record = shown.record
        if shown.qimage is not None:
            self.view.set_part(shown.qimage, shown.size, shown.heat_rgba, shown.regions, shown.threshold,
                               shown.detail)
        else:  # not prepared (tools): converted here
            self.view.set_image(shown.image)
            self.view.set_heatmap(shown.anomaly_map, shown.threshold)
            self.view.set_regions(shown.regions, shown.threshold)
        self.back_button.setVisible(held)
        prefix = self.tr("NG part held: ") if held else ""
        when = record.timestamp.strftime("%H:%M:%S") if record.timestamp else ""
        self.part_label.setText(f"{prefix}{record.name} · {when} · {record.source}")
