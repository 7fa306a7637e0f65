"""The active model's prediction parameters (threshold, pixel threshold, minimum area, border)
with a live preview on a real image.

Why together: an engineer moves the threshold and sees at once what the line would say about a
real part. The preview goes through the station's inference worker (``bridge.preview``), debounced
so a dragged slider sends one request, not hundreds; Apply hands the values to
``station.changeover.apply_params`` (which asks first while the line runs and rewrites the bundle).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from station import changeover
from station.threshold_scale import SliderScale
from ui.changeover_prompt import confirm_changeover
from ui.workers import run_async
from widgets.image_view import ImageView

SLIDER_STEPS = 1000
SLIDER_SPAN = (0.2, 3.0)  # threshold slider covers these multiples of the model's saved threshold
PREVIEW_DEBOUNCE_MS = 150


class ModelParamsPanel(QGroupBox):
    """Parameter editor (left) and preview with its verdict (right)."""

    previewShown = Signal(object)  # an InspectionResult was drawn in the preview

    def __init__(self, bridge: Any, engineer: Callable[[Any], bool], warn: Callable[[str, str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Prediction parameters of the active model"))
        self.bridge = bridge
        self._engineer = engineer
        self._warn = warn
        self.preview_image: Any = None
        self.preview_model_id = getattr(bridge.model_info(), "id", None)
        self.preview_source = ""
        self.preview_result: Any = None
        self._awaiting_preview = False
        self._scale = SliderScale.around(1.0, SLIDER_SPAN, SLIDER_STEPS)
        self._build()

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(PREVIEW_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.send_preview)
        bridge.previewReady.connect(self._on_preview)
        bridge.previewFailed.connect(self._on_preview_failed)

    def _build(self) -> None:
        self.threshold_spin = QDoubleSpinBox()
        self.threshold_spin.setDecimals(4)
        self.threshold_spin.setRange(0.0001, 1e6)
        self.threshold_spin.setSingleStep(0.01)
        self.threshold_spin.setToolTip(self.tr("Image score above this is NG (raw score units)."))
        self.threshold_slider = QSlider(Qt.Orientation.Horizontal)
        self.threshold_slider.setRange(0, SLIDER_STEPS)
        self.threshold_slider.setMinimumWidth(140)
        self.threshold_slider.setToolTip(self.tr("From 0.2× to 3× the model's saved threshold."))
        self.threshold_spin.setMaximumWidth(120)
        self.pixel_spin = QDoubleSpinBox()
        self.pixel_spin.setDecimals(4)
        self.pixel_spin.setRange(0.0001, 1e6)
        self.pixel_spin.setSingleStep(0.01)
        self.pixel_spin.setToolTip(self.tr("Pixels above this form defect regions (boxes)."))
        self.area_spin = QSpinBox()
        self.area_spin.setRange(0, 100_000_000)
        self.area_spin.setSingleStep(10)
        self.area_spin.setSuffix(self.tr(" px"))
        self.area_spin.setToolTip(self.tr("Defect regions smaller than this are ignored."))
        self.outer_spin = QSpinBox()
        self.outer_spin.setRange(0, 10_000)
        self.outer_spin.setSuffix(self.tr(" px"))
        self.outer_spin.setToolTip(self.tr("A band along the image border that is not inspected."))

        thr_row = QWidget()
        thr_lay = QHBoxLayout(thr_row)
        thr_lay.setContentsMargins(0, 0, 0, 0)
        thr_lay.addWidget(self.threshold_slider, 1)
        thr_lay.addWidget(self.threshold_spin)
        form = QFormLayout()
        form.addRow(self.tr("Threshold:"), thr_row)
        form.addRow(self.tr("Pixel threshold:"), self.pixel_spin)
        form.addRow(self.tr("Min. defect area:"), self.area_spin)
        form.addRow(self.tr("Ignore border:"), self.outer_spin)

        self.apply_button = QPushButton(self.tr("Apply"))
        self.revert_button = QPushButton(self.tr("Revert"))
        self.apply_button.clicked.connect(self.apply_params)
        self.revert_button.clicked.connect(self.load_from_model)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.last_button = QPushButton(self.tr("Use last inspected image"))
        self.open_button = QPushButton(self.tr("Open image…"))
        self.last_button.clicked.connect(self.use_last_inspection)
        self.open_button.clicked.connect(self._ask_open_image)

        left = QVBoxLayout()
        left.addLayout(form)
        left.addLayout(_button_row(self.apply_button, self.revert_button))
        left.addWidget(self.status)
        left.addStretch(1)
        left.addLayout(_button_row(self.last_button, self.open_button))

        self.verdict_label = QLabel("–")
        self.verdict_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.verdict_label.setMinimumWidth(90)
        vfont = self.verdict_label.font()
        vfont.setPointSize(max(vfont.pointSize(), 10) * 2)
        vfont.setBold(True)
        self.verdict_label.setFont(vfont)
        self.preview_info = QLabel()
        self.preview_info.setWordWrap(True)
        self.preview_view = ImageView()
        self.preview_view.set_placeholder(self.tr("No image yet: inspect a part on the Live page or open an image."))
        self.preview_view.setMinimumSize(240, 180)
        right = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(self.verdict_label)
        top.addWidget(self.preview_info, 1)
        right.addLayout(top)
        right.addWidget(self.preview_view, 1)

        lay = QHBoxLayout(self)
        left_w = QWidget()
        left_w.setLayout(left)
        left_w.setMaximumWidth(460)
        lay.addWidget(left_w)
        lay.addLayout(right, 1)

        self.threshold_slider.valueChanged.connect(self._slider_moved)
        self.threshold_spin.valueChanged.connect(self._threshold_typed)
        for spin in (self.pixel_spin, self.area_spin, self.outer_spin):
            spin.valueChanged.connect(self.params_edited)

    # -- editing -----------------------------------------------------------------------------------
    def _slider_moved(self, pos: int) -> None:
        value = self._scale.to_value(pos)
        if abs(self._scale.to_position(self.threshold_spin.value()) - pos) > 0:
            self.threshold_spin.blockSignals(True)
            self.threshold_spin.setValue(value)
            self.threshold_spin.blockSignals(False)
            self.params_edited()

    def _threshold_typed(self, value: float) -> None:
        self.threshold_slider.blockSignals(True)
        self.threshold_slider.setValue(self._scale.to_position(value))
        self.threshold_slider.blockSignals(False)
        self.params_edited()

    def edited_params(self) -> Any:
        """The parameters shown in the panel, or None without a model."""
        current = self.bridge.params()
        if current is None:
            return None
        return current.with_(threshold=_spun(self.threshold_spin, current.threshold),
                             pixel_threshold=_spun(self.pixel_spin, current.pixel_threshold),
                             min_detected_area=int(self.area_spin.value()),
                             ignore_outer=int(self.outer_spin.value()))

    def is_dirty(self) -> bool:
        edited = self.edited_params()
        return edited is not None and edited != self.bridge.params()

    def load_from_model(self) -> None:
        """Show the active model's saved parameters (Revert, a new model)."""
        params = self.bridge.params()
        has = params is not None
        for w in (self.threshold_spin, self.threshold_slider, self.pixel_spin, self.area_spin, self.outer_spin,
                  self.apply_button, self.revert_button):
            w.setEnabled(has)
        if not has:
            self.setTitle(self.tr("Prediction parameters (no active model)"))
            self.status.setText(self.tr("Activate a model to tune its parameters."))
            return
        info = self.bridge.model_info()
        self.setTitle(self.tr("Prediction parameters of “%1”").replace("%1", info.name if info else ""))
        self._scale = SliderScale.around(float(params.threshold), SLIDER_SPAN, SLIDER_STEPS)
        widgets = (self.threshold_spin, self.threshold_slider, self.pixel_spin, self.area_spin, self.outer_spin)
        for w in widgets:
            w.blockSignals(True)
        self.threshold_spin.setValue(params.threshold)
        self.threshold_slider.setValue(self._scale.to_position(params.threshold))
        self.pixel_spin.setValue(params.pixel_threshold)
        self.area_spin.setValue(params.min_detected_area)
        self.outer_spin.setValue(params.ignore_outer)
        for w in widgets:
            w.blockSignals(False)
        self.params_edited()

    def params_edited(self) -> None:
        dirty = self.is_dirty()
        self.apply_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        self.status.setText(self.tr("Not applied yet: the preview uses these values.") if dirty else "")
        self.schedule_preview()

    def apply_params(self) -> bool:
        """Apply what the panel shows."""
        return self.apply(self.edited_params())

    def apply(self, params: Any) -> bool:
        """The station uses ``params`` from the next image on and rewrites the bundle."""
        if params is None or not self._engineer(self.apply_button):
            return False
        info = self.bridge.model_info()
        old = self.bridge.params()
        go, confirmed = confirm_changeover(
            self, self.bridge.station, "params",
            self.tr("%1 with threshold %2").replace("%1", getattr(info, "name", "—"))
            .replace("%2", f"{getattr(old, 'threshold', 0.0):.4g}"),
            self.tr("%1 with threshold %2").replace("%1", getattr(info, "name", "—"))
            .replace("%2", f"{params.threshold:.4g}"))
        if not go:
            self.status.setText(self.tr("Not applied: the line keeps the current parameters."))
            return False
        try:
            changeover.apply_params(self.bridge.station, params, confirmed=confirmed)
        except Exception as exc:  # noqa: BLE001 - NoModelLoaded, ValueError: shown, not raised
            self._warn(self.tr("Parameters not applied"), str(exc))
            return False
        self.status.setText(self.tr("Applied and saved with the model."))
        return True

    # -- preview -----------------------------------------------------------------------------------
    def use_last_inspection(self) -> bool:
        inspection = getattr(self.bridge, "last_inspection", None)
        if inspection is None or getattr(inspection, "image", None) is None:
            return False
        info = self.bridge.model_info()
        judged_by = getattr(inspection.record, "model_id", None) if inspection.record is not None else None
        if info is not None and judged_by and judged_by != info.id:
            return False  # a part of the product judged before: not a preview of this model
        self.set_preview_image(inspection.image, inspection.record.name if inspection.record else "")
        return True

    def _ask_open_image(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open an image"), str(Path.home()),
            self.tr("Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)"))
        if path:
            self.open_image(Path(path))

    def open_image(self, path: Path) -> None:
        from inference.imageio import read_image

        run_async(read_image, path, on_done=lambda img: self.set_preview_image(img, Path(path).name),
                  on_error=lambda m: self._warn(self.tr("Cannot open the image"), m))

    def set_preview_image(self, image: Any, name: str = "") -> None:
        self.preview_image = image
        self.preview_source = name
        self.preview_result = None
        self.preview_view.show_result(image)
        self.preview_info.setText(name)
        self.verdict_label.setText("…")
        self.schedule_preview()

    def clear_preview_of_other_model(self, info: Any) -> None:
        """A changeover: the preview showed the old product's part; drop it (and take the new
        model's last part when there is one)."""
        new_id = getattr(info, "id", None)
        if new_id == self.preview_model_id:
            return
        self.preview_model_id = new_id
        if self.preview_image is None:
            return
        self.preview_image = None
        self.preview_result = None
        self.preview_source = ""
        self.preview_info.setText("")
        self.verdict_label.setText("")
        self.preview_view.clear()
        self.use_last_inspection()

    def schedule_preview(self) -> None:
        if self.preview_image is not None and self.bridge.params() is not None:
            self._debounce.start()

    def send_preview(self) -> None:
        params = self.edited_params()
        if self.preview_image is None or params is None:
            return
        self._awaiting_preview = True
        self.bridge.preview(self.preview_image, params)

    def _on_preview(self, result: Any) -> None:
        if not self._awaiting_preview or self.preview_image is None:
            return
        if tuple(result.image_shape) != tuple(self.preview_image.shape[:2]):
            return  # another page's preview
        self._awaiting_preview = False
        self.preview_result = result
        self.preview_view.show_result(self.preview_image, result)
        ng = result.verdict == "NG"
        self.verdict_label.setText(self.tr("NG") if ng else self.tr("OK"))
        self.verdict_label.setStyleSheet(f"color: white; background: {'#c62828' if ng else '#2e7d32'};"
                                         " border-radius: 6px; padding: 6px 14px;")
        self.preview_info.setText(
            self.tr("%1 · score %2 / threshold %3 · %4 defect region(s)")
            .replace("%1", self.preview_source or self.tr("image"))
            .replace("%2", f"{result.score:.4f}").replace("%3", f"{result.threshold:.4f}")
            .replace("%4", str(len(result.regions))))
        self.previewShown.emit(result)

    def _on_preview_failed(self, message: str) -> None:
        if not self._awaiting_preview:
            return
        self._awaiting_preview = False
        self.verdict_label.setText("–")
        self.verdict_label.setStyleSheet("")
        self.preview_info.setText(self.tr("Preview failed: %1").replace("%1", message))

    def shutdown(self) -> None:
        self._debounce.stop()


def _spun(spin: QDoubleSpinBox, exact: float) -> float:
    """The spin box's value, or the model's exact value when the box only shows it rounded."""
    value = float(spin.value())
    return float(exact) if round(float(exact), spin.decimals()) == round(value, spin.decimals()) else value


def _button_row(*buttons: QWidget) -> QHBoxLayout:
    """Buttons side by side from the left, the rest of the row empty."""
    row = QHBoxLayout()
    for b in buttons:
        row.addWidget(b)
    row.addStretch(1)
    return row
