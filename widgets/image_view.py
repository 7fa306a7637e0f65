"""A zoomable image view with the anomaly heatmap laid over it and the defect boxes with their scores.

Why a QGraphicsView: the operator zooms on a scratch with the wheel and drags to pan, while the
heatmap and boxes stay registered to the image pixels whatever the zoom. Until the user zooms,
the image is fitted to the view (and refitted on resize); double-click fits again.
Reusable by any page: ``show_result(image, result)`` or the separate setters.

Large frames (``set_part``): the scene stays in the frame's own pixel coordinates (boxes, zoom), but
what is painted is a copy prepared off the GUI thread at the view's size, stretched onto the scene
by the item's transform; smoothly scaling a 5 MP pixmap on every repaint froze the GUI thread for
tens of ms. Zoomed in past that copy's resolution, the full-resolution frame (also prepared off
the GUI thread) takes its place. The heatmap stays at view resolution: anomaly maps are smooth.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPen, QPixmap, QTransform
from PySide6.QtWidgets import (
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
)

from inference.visualize import heatmap_rgba
from widgets.image_convert import bgr_to_qimage

BOX_COLOR = QColor("#ff3b30")


def _region_tuple(region: Any) -> tuple[float, float, float, float, float, float | None]:
    """(x, y, w, h, score, normalized) from an engine ``Region`` or a stored region dict."""
    if isinstance(region, dict):
        get = region.get
    else:
        def get(key: str, default: Any = None) -> Any:
            return getattr(region, key, default)
    norm = get("normalized_score", None)
    return (float(get("x", 0)), float(get("y", 0)), float(get("width", 0)), float(get("height", 0)),
            float(get("score", 0.0) or 0.0), None if norm is None else float(norm))


class ImageView(QGraphicsView):
    """Image + heatmap overlay (opacity, toggle) + boxes with scores; wheel zoom, drag pan, fit."""

    zoomChanged = Signal(float)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.scene().setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)  # a few items, changed per part
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setBackgroundBrush(QBrush(QColor("#1b1b1b")))
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setMinimumSize(200, 150)
        self._image_item = QGraphicsPixmapItem()
        self._image_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self._heat_item = QGraphicsPixmapItem()
        self._heat_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)  # stretched
        self._heat_item.setZValue(1)
        for item in (self._image_item, self._heat_item):  # never a mask traced from the pixels on hover
            item.setShapeMode(QGraphicsPixmapItem.ShapeMode.BoundingRectShape)
        self._scene_w, self._scene_h = 0, 0  # the frame's pixel size (scene coordinates)
        self._display_pix = QPixmap()  # what the image item shows when not zoomed past it
        self._detail: QImage | Callable[[], QImage] | None = None  # full-resolution frame (set_part)
        self._detail_pix: QPixmap | None = None
        self.scene().addItem(self._image_item)
        self.scene().addItem(self._heat_item)
        self._box_items: list[Any] = []
        self._heat_opacity = 0.45
        self._heat_visible = True
        self._auto_fit = True
        self._placeholder = QGraphicsSimpleTextItem()
        self._placeholder.setBrush(QBrush(QColor("#9a9a9a")))
        font = QFont()
        font.setPointSize(14)
        self._placeholder.setFont(font)
        self.scene().addItem(self._placeholder)
        self.boxes: list[tuple[float, float, float, float, float, float | None]] = []

    # -- content ---------------------------------------------------------------------------------
    def has_image(self) -> bool:
        return not self._image_item.pixmap().isNull()

    def set_placeholder(self, text: str) -> None:
        self._placeholder.setText(text)
        self._placeholder.setVisible(not self.has_image())
        if not self.has_image():
            self._fit_placeholder()

    def _fit_placeholder(self) -> None:
        """The empty-state text fits the view (shrunk in a narrow pane, never clipped or enlarged)."""
        rect = self._placeholder.boundingRect()
        self.scene().setSceneRect(rect)
        self.resetTransform()
        room = self.viewport().width() - 16
        if rect.width() > 0 and 0 < room < rect.width():
            self.scale(room / rect.width(), room / rect.width())

    def clear(self) -> None:
        self._set_layer(QPixmap(), 0, 0)
        self._detail = self._detail_pix = None
        self._heat_item.setPixmap(QPixmap())
        self._clear_boxes()
        self._placeholder.setVisible(True)
        self._fit_placeholder()

    def set_image(self, image: np.ndarray | QImage) -> None:
        """A numpy image, or a QImage already converted off the GUI thread (large frames)."""
        pix = QPixmap.fromImage(image if isinstance(image, QImage) else bgr_to_qimage(image))
        first = (self._scene_w, self._scene_h) != (pix.width(), pix.height())
        self._detail = self._detail_pix = None
        self._set_layer(pix, pix.width(), pix.height())
        self._placeholder.setVisible(False)
        self.scene().setSceneRect(QRectF(pix.rect()))
        if first or self._auto_fit:
            self.fit()

    def set_part(self, display: QImage, size: tuple[int, int], heat: QImage | None, regions: Iterable[Any],
                 threshold: float = 0.0, detail: QImage | Callable[[], QImage] | None = None) -> None:
        """One part's frame, heatmap and boxes, swapped together in one GUI-thread call, so no paint
        ever shows pieces of two parts. ``display`` and ``heat`` may be smaller than the frame's
        ``size`` (w, h: the scene's coordinates, the boxes' too); ``detail`` is the frame at ``size``, or
        a callable making it, called only once a zoom needs it."""
        w, h = int(size[0]), int(size[1])
        first = (self._scene_w, self._scene_h) != (w, h)
        self._detail, self._detail_pix = detail, None
        self._set_layer(QPixmap.fromImage(display), w, h)
        self._placeholder.setVisible(False)
        self.scene().setSceneRect(QRectF(0, 0, w, h))
        self._set_heat_pix(QPixmap.fromImage(heat) if heat is not None and not heat.isNull() else QPixmap())
        self.set_regions(regions, threshold)
        if first or self._auto_fit:
            self.fit()
        else:
            self._pick_layer()

    def _set_layer(self, pix: QPixmap, w: int, h: int) -> None:
        """The image item shows ``pix`` stretched over the frame's w × h scene pixels."""
        self._display_pix = pix
        self._scene_w, self._scene_h = w, h
        self._show_pix(pix)

    def _show_pix(self, pix: QPixmap) -> None:
        if self._image_item.pixmap().cacheKey() != pix.cacheKey():
            self._image_item.setPixmap(pix)
        self._image_item.setTransform(_stretch(pix, self._scene_w, self._scene_h))

    def _pick_layer(self) -> None:
        """Full resolution once a screen pixel shows less than one pixel of the view-size copy."""
        pix = self._display_pix
        if self._detail is not None and not pix.isNull() \
                and self.zoom_factor() * self.devicePixelRatioF() * self._scene_w / pix.width() > 1.02:
            if self._detail_pix is None:
                detail = self._detail if isinstance(self._detail, QImage) else self._detail()
                self._detail_pix = QPixmap.fromImage(detail)
            pix = self._detail_pix
        self._show_pix(pix)

    def wants_detail(self) -> bool:
        """Whether the user has zoomed or panned (not fitted): then the next part's full-resolution
        frame is worth converting ahead, off the GUI thread."""
        return not self._auto_fit

    def showing_detail(self) -> bool:
        """Whether the full-resolution frame is painted (zoomed in past the view-size copy)."""
        return self._detail_pix is not None and self._image_item.pixmap().cacheKey() == self._detail_pix.cacheKey()

    def display_box(self) -> tuple[int, int]:
        """The device pixels a fitted frame may cover: what ``set_part``'s ``display`` needs."""
        dpr = self.devicePixelRatioF()
        vp = self.viewport()
        return max(320, round(vp.width() * dpr)), max(240, round(vp.height() * dpr))

    def set_heatmap(self, anomaly_map: np.ndarray | None, threshold: float = 0.0,
                    prepared: QImage | None = None) -> None:
        """``prepared``: the coloured map already built by :func:`heatmap_rgba` off the GUI thread."""
        if prepared is None and (anomaly_map is None or not np.size(anomaly_map)):
            self._heat_item.setPixmap(QPixmap())
            return
        self._set_heat_pix(QPixmap.fromImage(prepared if prepared is not None
                                             else bgr_to_qimage(heatmap_rgba(anomaly_map, threshold))))

    def _set_heat_pix(self, pix: QPixmap) -> None:
        """Stretched over the frame by the item's transform (never rescaled here on the GUI thread)."""
        self._heat_item.setPixmap(pix)
        w, h = (self._scene_w, self._scene_h) if self._scene_w else (pix.width(), pix.height())
        self._heat_item.setTransform(_stretch(pix, w, h))
        self._apply_heat()

    def set_regions(self, regions: Iterable[Any], threshold: float = 0.0) -> None:
        """Boxes labelled on the score bar's scale (1.0 = the image threshold): score / ``threshold``
        when given, else the region's stored normalised score (the same scale)."""
        self._clear_boxes()
        self.boxes = [_region_tuple(r) for r in regions]
        pen = QPen(BOX_COLOR, 2)
        pen.setCosmetic(True)  # same line width at any zoom
        font = QFont()
        font.setPointSize(11)
        font.setBold(True)
        for x, y, w, h, score, norm in self.boxes:
            rect = QGraphicsRectItem(x, y, w, h)
            rect.setPen(pen)
            rect.setZValue(2)
            if threshold > 0:
                norm = score / threshold
            text = f"{norm:.2f}" if norm is not None else f"{score:.3g}"
            label = QGraphicsSimpleTextItem(text)
            label.setFont(font)
            label.setBrush(QBrush(QColor("white")))
            label.setFlag(QGraphicsSimpleTextItem.GraphicsItemFlag.ItemIgnoresTransformations)
            label.setPos(x, y)
            label.setZValue(3)
            bg = QGraphicsRectItem(label.boundingRect().adjusted(-2, -1, 2, 1), label)
            bg.setBrush(QBrush(BOX_COLOR))
            bg.setPen(QPen(Qt.PenStyle.NoPen))
            bg.setFlag(QGraphicsRectItem.GraphicsItemFlag.ItemStacksBehindParent)
            for item in (rect, label):
                self.scene().addItem(item)
                self._box_items.append(item)

    def show_result(self, image: np.ndarray, result: Any = None, regions: Iterable[Any] | None = None) -> None:
        """The image with the engine's anomaly map and regions (either may be missing)."""
        self.set_image(image)
        if result is not None:
            self.set_heatmap(getattr(result, "anomaly_map", None), float(getattr(result, "threshold", 0.0)))
            self.set_regions(regions if regions is not None else getattr(result, "regions", ()),
                             float(getattr(result, "threshold", 0.0) or 0.0))
        else:
            self.set_heatmap(None)
            self.set_regions(regions or ())

    def _clear_boxes(self) -> None:
        for item in self._box_items:
            self.scene().removeItem(item)
        self._box_items = []
        self.boxes = []

    # -- heatmap ---------------------------------------------------------------------------------
    def set_heatmap_opacity(self, opacity: float) -> None:
        self._heat_opacity = max(0.0, min(1.0, float(opacity)))
        self._apply_heat()

    def heatmap_opacity(self) -> float:
        return self._heat_opacity

    def set_heatmap_visible(self, visible: bool) -> None:
        self._heat_visible = bool(visible)
        self._apply_heat()

    def heatmap_visible(self) -> bool:
        return self._heat_visible

    def _apply_heat(self) -> None:
        self._heat_item.setOpacity(self._heat_opacity)
        self._heat_item.setVisible(self._heat_visible and not self._heat_item.pixmap().isNull())

    # -- zoom & pan ------------------------------------------------------------------------------
    def zoom_factor(self) -> float:
        return float(self.transform().m11())

    def fit(self) -> None:
        """Show the whole image (and keep refitting on resize until the user zooms)."""
        self._auto_fit = True
        if self.has_image():
            self.fitInView(self.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
            self._pick_layer()
        self.zoomChanged.emit(self.zoom_factor())

    def zoom_by(self, factor: float) -> None:
        new = self.zoom_factor() * factor
        if not 0.02 <= new <= 40:
            return
        self._auto_fit = False
        self.scale(factor, factor)
        self._pick_layer()
        self.zoomChanged.emit(self.zoom_factor())

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt override
        if not self.has_image():
            return
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(1.25 ** steps)
        event.accept()

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.fit()
        event.accept()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self._auto_fit and self.has_image():
            self.fitInView(self.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
            self._pick_layer()
        elif not self.has_image():
            self._fit_placeholder()


def _stretch(pix: QPixmap, w: int, h: int) -> QTransform:
    """Maps ``pix`` onto w × h scene pixels (identity when it already has that size)."""
    if pix.isNull() or not w or not h or (pix.width(), pix.height()) == (w, h):
        return QTransform()
    return QTransform.fromScale(w / pix.width(), h / pix.height())
