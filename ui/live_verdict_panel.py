"""The Live page's verdict column: the state tile, the product (model) and threshold beside it, the
score bar, counters and the page's messages. It turns a machine-state snapshot into words (in the
UI language) and a tile look; it never decides the state itself (``station.machine_state`` does)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from station.machine_state import MachineState, StateSnapshot
from widgets.counters import ShiftCounters
from widgets.verdict_banner import ScoreBar, VerdictBanner


class VerdictPanel(QWidget):
    """Tile + product/threshold + score bar + details + counters + messages."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.banner = VerdictBanner()
        self.product_caption = QLabel()
        self.product_label = QLabel()
        self.product_label.setObjectName("productLabel")
        self.product_label.setWordWrap(True)
        self.threshold_caption = QLabel()
        self.threshold_label = QLabel()
        self.threshold_label.setObjectName("thresholdLabel")
        self.validation_label = QLabel()
        self.validation_label.setObjectName("validationLabel")
        self.validation_label.setWordWrap(True)
        self.validation_label.setStyleSheet("color: #fbbc04; font-weight: bold;")
        self.validation_label.hide()
        side = QWidget()
        sv = QVBoxLayout(side)
        sv.setContentsMargins(0, 0, 0, 0)
        for w in (self.product_caption, self.product_label, self.threshold_caption, self.threshold_label,
                  self.validation_label):
            sv.addWidget(w)
        sv.addStretch(1)
        self.side = side
        self.score_bar = ScoreBar()
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.counters = ShiftCounters()
        self.shift_label = QLabel()
        self.shift_label.setObjectName("shiftLabel")
        self.perf_label = QLabel()
        self.perf_label.setWordWrap(True)
        self.message_label = QLabel()
        self.message_label.setObjectName("liveMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #ea4335; font-weight: bold;")
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 0, 0, 0)
        grid.addWidget(self.banner, 0, 0)
        grid.addWidget(side, 0, 1)
        grid.addWidget(self.score_bar, 1, 0, 1, 2)
        grid.addWidget(self.detail_label, 2, 0, 1, 2)
        grid.addWidget(self.shift_label, 3, 0, 1, 2)
        grid.addWidget(self.counters, 4, 0, 1, 2)
        grid.addWidget(self.perf_label, 5, 0, 1, 2)
        grid.addWidget(self.message_label, 6, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        self.grid = grid
        self._big = False
        self.set_operator_mode(False)

    def retranslate(self) -> None:
        self.product_caption.setText(self.tr("Product / model"))
        self.threshold_caption.setText(self.tr("Threshold"))
        self.banner.set_idle_text(self.tr("Waiting for parts"))
        self.counters.retranslate()

    # -- content ---------------------------------------------------------------------------------
    def set_model(self, info: Any, validated: bool) -> None:
        if info is None:
            self.product_label.setText("—")
            self.threshold_label.setText("—")
            self.validation_label.hide()
            return
        self.product_label.setText(str(info.name))
        self.threshold_label.setText(f"{float(info.params.threshold):.4g}")
        self.threshold_label.setToolTip(self.tr("Image threshold in the model's raw score units; "
                                                "the score bar shows scores as multiples of it (1.0 = threshold)."))
        self.validation_label.setText(self.tr("Not validated: threshold set from OK images only"))
        self.validation_label.setToolTip(self.tr("Evaluate the model on a labelled folder, or calibrate it with "
                                                 "NG images, before trusting its verdicts on the line."))
        self.validation_label.setVisible(not validated)

    def show_perf(self, last_ms: float | None, rate: float, dropped: int, station: Any, source: Any) -> None:
        ms = "—" if last_ms is None else f"{last_ms:.0f}"
        text = (self.tr("Processing %1 ms · %2 parts/s · %3 frames dropped · queue %4/%5")
                .replace("%1", ms).replace("%2", f"{rate:.1f}").replace("%3", str(dropped))
                .replace("%4", str(getattr(station, "queue_depth", 0)))
                .replace("%5", str(getattr(station, "queue_capacity", 0))))
        if getattr(source, "kind", "") == "camera":
            if str(getattr(source, "status", "")).startswith("reconnecting"):
                text += "\n" + self.tr("Camera lost: reconnecting…")
            ignored = getattr(source, "ignored_settings", ())
            if ignored:
                text += "\n" + self.tr("The camera driver ignores: %1").replace("%1", ", ".join(ignored))
        self.perf_label.setText(text)

    def show_state(self, snap: StateSnapshot, live_verdict: str | None, reviewed_verdict: str | None) -> None:
        """The tile for ``snap``; RUNNING shows ``live_verdict`` (None: waiting for the first part)."""
        state = snap.state
        self.score_bar.set_stale(state not in (MachineState.RUNNING, MachineState.REVIEWING))
        if state is MachineState.RUNNING:
            self.banner.set_verdict(live_verdict)
            return
        if state is MachineState.REVIEWING:
            sub = self.tr("Reviewing part %1 — Esc for live").replace("%1", snap.reviewing or "")
            if snap.review_left_s is not None:
                sub += " " + self.tr("(live in %1 s)").replace("%1", f"{snap.review_left_s:.0f}")
            self.banner.set_state("REVIEWING", reviewed_verdict or self.tr("REVIEWING"), sub, reviewed_verdict)
        elif state is MachineState.STOPPED:
            self.banner.set_state("STOPPED", self.tr("STOPPED"),
                                  self.tr("Press Start (Space), or post images to the endpoint"))
        elif state is MachineState.SOURCE_LOST:
            sub = self.tr("Source: %1").replace("%1", self.source_reason(snap.reason))
            if snap.reconnect_in_s is not None:
                sub += "\n" + self.tr("Reconnecting in %1 s").replace("%1", f"{snap.reconnect_in_s:.0f}")
            self.banner.set_state("SOURCE_LOST", self.tr("SOURCE LOST"), sub)
        elif state is MachineState.NO_MODEL:
            self.banner.set_state("NO_MODEL", self.tr("NO MODEL"), self.tr("Train or open a model first"))
        elif state is MachineState.CHANGEOVER:
            self.banner.set_state("CHANGEOVER", self.tr("CHANGEOVER"),
                                  self.tr("Switching model: %1").replace("%1", snap.reason))

    def source_reason(self, reason: str) -> str:
        """The capture layer's reasons are English (no Qt below ui/): translate the common ones."""
        known = {
            "camera lost": self.tr("camera lost"),
        }
        if reason in known:
            return known[reason]
        if reason.startswith("none of the images in ") and reason.endswith(" can be read"):
            return self.tr("none of the images in %1 can be read").replace("%1", reason[22:-12])
        codec = ": unknown format or codec"
        if reason.startswith("cannot open video ") and reason.endswith(codec):
            return self.tr("cannot open video %1: unknown format or codec").replace("%1", reason[18:-len(codec)])
        if reason.endswith(" is not a readable image"):
            return self.tr("%1 is not a readable image").replace("%1", reason[:-24])
        for prefix, text in (("no images in ", self.tr("no images in %1")),
                             ("not a folder: ", self.tr("not a folder: %1")),
                             ("video file not found: ", self.tr("video file not found: %1")),
                             ("cannot open video ", self.tr("cannot open video %1")),
                             ("cannot read ", self.tr("cannot read %1"))):
            if reason.startswith(prefix):
                return text.replace("%1", reason[len(prefix):])
        if reason.startswith("camera ") and reason.endswith("is not available (not connected or in use)"):
            index = reason.split()[1]
            return self.tr("camera %1 is not available (not connected or in use)").replace("%1", index)
        return reason

    # -- operator mode ---------------------------------------------------------------------------
    def set_operator_mode(self, on: bool) -> None:
        self._big = on
        self.banner.set_big(on)
        self.score_bar.set_big(on)
        self.counters.set_big(on)
        base = max(9, QWidget().font().pointSize())
        for label, size in ((self.product_label, 30 if on else 13), (self.threshold_label, 30 if on else 13)):
            label.setStyleSheet(f"font-size: {size}pt; font-weight: bold;")
        for label in (self.product_caption, self.threshold_caption):
            label.setStyleSheet(f"font-size: {14 if on else base}pt; color: palette(mid);")
        self.validation_label.setStyleSheet(f"color: #fbbc04; font-weight: bold; font-size: {16 if on else base}pt;")
        self.side.setMinimumWidth(250 if on else 110)
        self.side.setMaximumWidth(420 if on else 160)
        self.setMinimumWidth(1260 if on else 440)
        font = self.font()
        font.setPointSize(14 if on else base)
        for w in (self.detail_label, self.perf_label, self.message_label, self.shift_label):
            w.setFont(font)
        self.perf_label.setVisible(not on)  # timings and queue are for the engineer, not across the cell
        self.grid.setRowStretch(0, 1 if on else 0)  # operator mode: the tile takes the room there is
        self.grid.setRowStretch(7, 0 if on else 1)
        self.grid.setAlignment(self.side, Qt.AlignmentFlag.AlignTop)
