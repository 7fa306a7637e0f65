"""The default target's training set on the Models page: count, thumbnails, remove, and Retrain.

Items come from History ("Add to training set") and from the machine API (``POST /api/v1/items``)
alike: both go through ``station.machine``. *Retrain* runs the same background training job as
``POST /api/v1/algorithms/{id}/train`` (one at a time across GUI and API), with the active model's
algorithm and parameters, and shows its progress; the new version is then *offered* through the
Models page's normal activation path: it never replaces the running model by itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.workers import run_async
from widgets.rows import hrow

log = logging.getLogger(__name__)

THUMB = 72
MAX_THUMBS = 300
POLL_MS = 400


def services(bridge: Any, settings: Any) -> Any:
    from station.machine import services_for

    return services_for(bridge.station, settings)


def _read_set(svc: Any) -> dict[str, Any]:
    """Worker thread: the default target's training items with small thumbnails (BGR -> RGB bytes)."""
    import cv2

    target = svc.store.default_target()
    rows = svc.store.list_items(True, limit=100_000, offset=0)
    images = svc.store.images_of([r["item_id"] for r in rows[:MAX_THUMBS]])
    thumbs = []
    for r in rows[:MAX_THUMBS]:
        first = images[r["item_id"]][:1]
        pixels = None
        if first:
            try:
                img = cv2.imread(str(svc.items.image_path(first[0])), cv2.IMREAD_REDUCED_COLOR_4)
                if img is not None:
                    scale = THUMB / max(img.shape[:2])
                    img = cv2.resize(img, (max(1, int(img.shape[1] * scale)), max(1, int(img.shape[0] * scale))),
                                     interpolation=cv2.INTER_AREA)
                    pixels = cv2.cvtColor(img, cv2.COLOR_BGR2RGB)
            except Exception:  # noqa: BLE001 - a missing file shows as an empty tile
                pixels = None
        thumbs.append((r, pixels))
    return {"target": target, "ok": sum(r["good"] != 0 for r in rows), "ng": sum(r["good"] == 0 for r in rows),
            "thumbs": thumbs, "total": len(rows)}


class TrainingSetPanel(QGroupBox):
    retrained = Signal(object)  # Path of the new model in the library

    def __init__(self, bridge: Any, settings: Any, activate: Callable[[Path], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingSetPanel")
        self.bridge = bridge
        self.settings = settings
        self._activate = activate
        self._job_id: str | None = None
        self.new_model_path: Path | None = None
        self.loaded = False

        self.setTitle(self.tr("Training set"))
        self.count_label = QLabel()
        self.count_label.setObjectName("trainingSetCount")
        self.list = QListWidget()
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setMinimumHeight(THUMB + 40)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove the selected images from the training set"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.retrain_button = QPushButton(self.tr("Retrain"))
        self.retrain_button.setToolTip(self.tr("Train a new model version from this training set in the "
                                               "background; the running model is not replaced"))
        self.retrain_button.clicked.connect(self.retrain)
        self.activate_button = QPushButton()
        self.activate_button.setVisible(False)
        self.activate_button.clicked.connect(self._offer_activation)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)

        lay = QVBoxLayout(self)
        lay.addLayout(hrow((self.count_label, 1), self.remove_button, self.retrain_button, self.activate_button))
        lay.addWidget(self.list, 1)
        lay.addWidget(self.progress)
        lay.addWidget(self.status)

        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._update_buttons()

    # ------------------------------------------------------------------ reading
    def _svc(self) -> Any | None:
        try:
            return services(self.bridge, self.settings)
        except Exception as exc:  # noqa: BLE001 - no database yet: say so instead of failing the page
            self.status.setText(self.tr("The training set is not available: %1").replace("%1", str(exc)))
            return None

    def refresh(self) -> None:
        svc = self._svc()
        if svc is None:
            return
        run_async(_read_set, svc, on_done=self._show,
                  on_error=lambda msg: self.status.setText(self.tr("Cannot read the training set: %1")
                                                           .replace("%1", msg)))

    def _show(self, data: dict[str, Any]) -> None:
        self.list.clear()
        for row, pixels in data["thumbs"]:
            item = QListWidgetItem()
            if pixels is not None:
                h, w = pixels.shape[:2]
                qimg = QImage(pixels.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
                item.setIcon(QIcon(QPixmap.fromImage(qimg)))
            verdict = self.tr("NG") if row["good"] == 0 else self.tr("OK")
            item.setText(verdict)
            item.setToolTip(f"{row['name']} ({verdict})")
            item.setData(Qt.ItemDataRole.UserRole, row["item_id"])
            self.list.addItem(item)
        self.count_label.setText(self.tr("Target %1: %2 images (%3 OK, %4 NG)")
                                 .replace("%1", data["target"]["name"]).replace("%2", str(data["total"]))
                                 .replace("%3", str(data["ok"])).replace("%4", str(data["ng"])))
        self.loaded = True
        self._total = data["total"]
        self._update_buttons()

    def _update_buttons(self) -> None:
        training = self._job_id is not None
        self.remove_button.setEnabled(bool(self.list.selectedItems()) and not training)
        self.retrain_button.setEnabled(not training and getattr(self, "_total", 0) >= 2)

    # ------------------------------------------------------------------ changing
    def selected_ids(self) -> list[str]:
        return [i.data(Qt.ItemDataRole.UserRole) for i in self.list.selectedItems()]

    def remove_selected(self) -> None:
        ids = self.selected_ids()
        svc = self._svc()
        if not ids or svc is None:
            return
        run_async(svc.items.delete, ids, "gui", on_done=lambda _r: self.refresh(),
                  on_error=lambda msg: self.status.setText(self.tr("Not removed: %1").replace("%1", msg)))

    def retrain(self) -> None:
        """A new version from the training set, with the active model's algorithm and parameters."""
        svc = self._svc()
        if svc is None:
            return
        info = self.bridge.model_info()
        algorithm = info.algorithm if info is not None and info.algorithm != "fake" else "patchcore"
        params = dict(info.parameters) if info is not None else {}
        base = info.name if info is not None else self.tr("model")
        name = f"{base} {datetime.now():%Y-%m-%d %H%M}"
        try:
            job = svc.start_training(algorithm=algorithm, name=name, item_ids=None, parameters=params, actor="gui")
        except Exception as exc:  # noqa: BLE001 - busy, too few images, bad parameters: shown, not raised
            self.status.setText(self.tr("Retrain not started: %1").replace("%1", getattr(exc, "detail", str(exc))))
            return
        self._job_id = job.model_id
        self.new_model_path = None
        self.activate_button.setVisible(False)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.status.setText(self.tr("Training %1…").replace("%1", name))
        self._update_buttons()
        self._timer.start()

    def _poll(self) -> None:
        svc = self._svc()
        job = svc.training.get(self._job_id) if svc is not None and self._job_id else None
        if job is None:
            self._timer.stop()
            return
        self.progress.setValue(int(job.progress * 100))
        self.progress.setFormat(job.status_text)
        if job.running:
            return
        self._timer.stop()
        self._job_id = None
        self.progress.setVisible(False)
        if job.status == "finished" and job.path is not None:
            self.new_model_path = job.path
            self.status.setText(self.tr("New model %1 is in the library. It is not active yet.")
                                .replace("%1", job.name))
            self.activate_button.setText(self.tr("Activate new model"))
            self.activate_button.setVisible(True)
            self.retrained.emit(job.path)
        elif job.status == "cancelled":
            self.status.setText(self.tr("Retrain cancelled."))
        else:
            self.status.setText(self.tr("Retrain failed: %1").replace("%1", job.error or ""))
        self._update_buttons()

    def _offer_activation(self) -> None:
        if self.new_model_path is not None:
            self.activate_button.setVisible(False)
            self._activate(self.new_model_path)

    def shutdown(self) -> None:
        self._timer.stop()


def attach(page: Any, splitter: Any) -> TrainingSetPanel:
    """Hook for the Models page: the panel between the library and the parameters."""
    panel = TrainingSetPanel(page.bridge, page.settings, page.activate, page)
    splitter.insertWidget(1, panel)
    panel.retrained.connect(lambda _p: page.refresh())
    page.training_set = panel
    return panel


__all__ = ["TrainingSetPanel", "attach"]
