"""The station's charts (pyqtgraph): bars per category, rate lines, score histograms.

Each chart keeps the numbers it shows (``table()``) so the page can export them as CSV, and can
render itself to PNG (``export_png``) on a light background for reports. Tests read the numbers
back from the plot items (``BarGraphItem.opts``, ``PlotDataItem.getData()``), which is what the
user sees.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QPalette

OK_COLOR = QColor(60, 170, 90)
NG_COLOR = QColor(220, 60, 60)
BLUE = QColor(70, 130, 220)
AMBER = QColor(230, 160, 40)


def _sparse_ticks(labels: Sequence[str], max_labels: int = 12) -> list[tuple[float, str]]:
    step = max(1, int(np.ceil(len(labels) / max_labels)))
    return [(float(i), str(lab)) for i, lab in enumerate(labels) if i % step == 0]


class ChartWidget(pg.PlotWidget):
    """A plot with a title, a legend, its numbers as a table, and PNG export."""

    def __init__(self, title: str = "", parent=None) -> None:
        super().__init__(parent)
        self._title = title
        self.setTitle(title)
        self.showGrid(x=False, y=True, alpha=0.25)
        self.setMouseEnabled(x=False, y=False)
        self.setMenuEnabled(False)
        self.getPlotItem().hideButtons()
        self.legend = self.addLegend(offset=(-10, 10))
        self.setMinimumSize(240, 180)
        self._headers: list[str] = []
        self._rows: list[list] = []
        self._categories: list[str] = []
        self._apply_palette()

    def _apply_palette(self) -> None:
        """Follow the window's theme (light or dark) instead of pyqtgraph's fixed black."""
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        self.setBackground(pal.color(QPalette.ColorRole.Base))
        for name in ("left", "bottom"):
            axis = self.getPlotItem().getAxis(name)
            axis.setPen(pg.mkPen(text))
            axis.setTextPen(pg.mkPen(text))
        self.getPlotItem().setTitle(self._title, color=text.name())
        self._legend_color(text)

    def _legend_color(self, color: Any) -> None:
        """Legend text in ``color``, existing labels included: pyqtgraph's setLabelTextColor only
        stores the colour, so labels drawn before kept theirs (near-white on a printed page)."""
        if self.legend is None:
            return
        self.legend.setLabelTextColor(color)
        value = pg.mkColor(color)
        for _sample, label in self.legend.items:
            label.setText(label.text, color=value)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        ready = getattr(self, "legend", None) is not None  # not during the base constructor
        if ready and event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._apply_palette()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if getattr(self, "_categories", None):
            self._set_ticks()

    def _set_ticks(self) -> None:
        longest = max((len(c) for c in self._categories), default=4)
        fits = max(2, int(self.width() / max(40, 8 * longest + 16)))
        self.getAxis("bottom").setTicks([_sparse_ticks(self._categories, fits)])

    def set_categories(self, categories: Sequence[str]) -> None:
        self._categories = [str(c) for c in categories]
        self._set_ticks()

    @property
    def title(self) -> str:
        return self._title

    def set_title(self, title: str) -> None:
        self._title = title
        self._apply_palette()

    def table(self) -> tuple[list[str], list[list]]:
        """The numbers on show: (column headers, rows) for CSV export."""
        return list(self._headers), [list(r) for r in self._rows]

    def write_csv(self, path: str | Path) -> Path:
        path = Path(path)
        with path.open("w", newline="", encoding="utf-8-sig") as fh:
            w = csv.writer(fh)
            w.writerow(self._headers)
            for row in self._rows:  # an empty bucket (NaN rate) is an empty cell, not "nan"
                w.writerow(["" if isinstance(v, float) and not np.isfinite(v) else v for v in row])
        return path

    def _set_table(self, headers: Sequence[str], rows: Sequence[Sequence]) -> None:
        self._headers = list(headers)
        self._rows = [list(r) for r in rows]

    def _set_category_table(self, header: str, categories: Sequence[str],
                            series: dict[str, Sequence[float]]) -> None:
        """The table of a chart over categories: a row per category, a column per series."""
        self._set_table([header, *series.keys()],
                        [[c, *(s[i] for s in series.values())] for i, c in enumerate(categories)])

    # Plot items are created once per series name and then only updated: removing PlotDataItems
    # from a plot over and over breaks PySide6 6.12 + pyqtgraph 0.14 (a reference-count fault
    # that crashes the process after a few dozen removals), and a live chart redraws every 2 s.
    def _item(self, name: str, make) -> Any:
        items = self.__dict__.setdefault("_items", {})
        item = items.get(name)
        if item is None:
            item = make()
            self.addItem(item)  # named items join the legend by themselves
            items[name] = item
        self._set_shown(item, True)
        return item

    def _hide_others(self, keep: dict) -> None:
        for name, item in self.__dict__.get("_items", {}).items():
            if name not in keep:
                self._set_shown(item, False)

    def _set_shown(self, item: Any, visible: bool) -> None:
        """Show or hide a series together with its legend entry (sample and label)."""
        item.setVisible(visible)
        if self.legend is not None:
            for sample, label in self.legend.items:
                if sample.item is item:
                    sample.setVisible(visible)
                    label.setVisible(visible)

    def _visible_items(self) -> dict[str, Any]:
        return {n: i for n, i in self.__dict__.get("_items", {}).items() if i.isVisible()}

    def export_png(self, path: str | Path, width: int = 900, light: bool = True) -> Path:
        """Render the chart to PNG; ``light`` draws it black on white for printing."""
        from pyqtgraph.exporters import ImageExporter

        path = Path(path)
        item = self.getPlotItem()
        try:
            if light:
                self.setBackground("w")
                for name in ("left", "bottom"):
                    item.getAxis(name).setPen("k")
                    item.getAxis(name).setTextPen("k")
                item.setTitle(self._title, color="k")
                self._legend_color("k")
                if self.legend is not None:
                    self.legend.setBrush(pg.mkBrush(255, 255, 255, 220))
            exporter = ImageExporter(item)
            exporter.parameters()["width"] = int(width)
            exporter.export(str(path))
        finally:
            if self.legend is not None:
                self.legend.setBrush(None)
            self._apply_palette()
        if not path.is_file():
            raise OSError(f"could not write {path}")
        return path


class GroupedBarChart(ChartWidget):
    """Categories on x (dates, defect counts), one coloured bar per series side by side."""

    def set_data(self, categories: Sequence[str], series: dict[str, Sequence[float]],
                 colors: Sequence[QColor] = (BLUE, AMBER), category_header: str = "") -> None:
        n = max(1, len(series))
        width = 0.8 / n
        x = np.arange(len(categories), dtype=float)
        for i, (name, values) in enumerate(series.items()):
            color = colors[i % len(colors)]
            item = self._item(name, lambda c=color, nm=name: pg.BarGraphItem(
                x=[], height=[], width=0.1, brush=c, pen=pg.mkPen(c.darker(130)), name=nm))
            item.setOpts(x=x - 0.4 + width * (i + 0.5), height=np.asarray(values, dtype=float), width=width * 0.95)
        self._hide_others(series)
        self.set_categories(categories)
        self.setXRange(-0.6, max(0.6, len(categories) - 0.4), padding=0)
        peak = max([float(np.max(v)) for v in series.values() if len(v)] + [1.0])
        self.setYRange(0, peak * 1.15, padding=0)
        self._set_category_table(category_header or self.tr("category"), categories, series)

    @property
    def bars(self) -> dict[str, pg.BarGraphItem]:
        return self._visible_items()


class LineChart(ChartWidget):
    """One or more series over categories (dates, shifts) as lines with markers, e.g. NG rate %."""

    def set_data(self, categories: Sequence[str], series: dict[str, Sequence[float]],
                 colors: Sequence[QColor] = (NG_COLOR, BLUE), y_label: str = "",
                 category_header: str = "") -> None:
        x = np.arange(len(categories), dtype=float)
        for i, (name, values) in enumerate(series.items()):
            color = colors[i % len(colors)]
            item = self._item(name, lambda c=color, nm=name: pg.PlotDataItem(
                pen=pg.mkPen(c, width=2), symbol="o", symbolSize=6, symbolBrush=c, name=nm, connect="finite"))
            y = np.asarray(values, dtype=float)
            # NaN (an empty bucket) is a gap in the line; all-NaN data upsets pyqtgraph's bounds
            if np.isfinite(y).any():
                item.setData(x, y)
            else:
                item.setData([], [])
        self._hide_others(series)
        self.set_categories(categories)
        if y_label:
            self.setLabel("left", y_label)
        self.setXRange(-0.5, max(0.5, len(categories) - 0.5), padding=0)
        finite = [float(np.nanmax(v)) for v in series.values() if len(v) and np.isfinite(v).any()]
        self.setYRange(0, max(finite + [1.0]) * 1.15, padding=0)
        self._set_category_table(category_header or self.tr("category"), categories, series)

    @property
    def lines(self) -> dict[str, pg.PlotDataItem]:
        return self._visible_items()


class ScoreHistogram(ChartWidget):
    """Score distributions of two groups (OK vs NG) as filled step curves, with the threshold line."""

    def __init__(self, title: str = "", parent=None) -> None:
        super().__init__(title, parent)
        self.threshold_line = pg.InfiniteLine(
            pos=0.0, angle=90, pen=pg.mkPen(AMBER, width=2, style=pg.QtCore.Qt.PenStyle.DashLine),
            label=self.tr("threshold {value:.3g}"), labelOpts={"position": 0.9, "color": AMBER})
        self.threshold_line.setVisible(False)
        self.addItem(self.threshold_line, ignoreBounds=True)

    def set_data(self, edges: Sequence[float], groups: dict[str, Sequence[float]],
                 threshold: float | None = None, colors: Sequence[QColor] = (OK_COLOR, NG_COLOR),
                 x_label: str = "") -> None:
        """``edges``: bin edges (n+1); ``groups``: name -> counts per bin (n)."""
        edges = np.asarray(edges, dtype=float)
        for i, (name, counts) in enumerate(groups.items()):
            color = colors[i % len(colors)]
            fill = QColor(color)
            fill.setAlpha(90)
            item = self._item(name, lambda c=color, f=fill, nm=name: pg.PlotDataItem(
                stepMode="center", fillLevel=0, brush=f, pen=pg.mkPen(c, width=2), name=nm))
            item.setData(edges, np.asarray(counts, dtype=float))
        self._hide_others(groups)
        shown = threshold is not None and bool(np.isfinite(threshold))
        self.threshold_line.setVisible(shown)
        if shown:
            self.threshold_line.setValue(float(threshold))
        if x_label:
            self.setLabel("bottom", x_label)
        self._categories = []
        self.getAxis("bottom").setTicks(None)
        self.enableAutoRange()
        if len(edges) > 1:
            lo, hi = float(edges[0]), float(edges[-1])
            if shown:
                lo, hi = min(lo, float(threshold)), max(hi, float(threshold))
            self.setXRange(lo, hi, padding=0.03)
        n = max(0, len(edges) - 1)
        self._set_table([self.tr("bin start"), self.tr("bin end"), *groups.keys()],
                        [[float(edges[i]), float(edges[i + 1]), *(float(g[i]) for g in groups.values())]
                         for i in range(n)])

    def set_threshold(self, threshold: float) -> None:
        """Move the threshold line only (the slider): the curves stay."""
        self.threshold_line.setValue(float(threshold))
        self.threshold_line.setVisible(True)

    @property
    def curves(self) -> dict[str, pg.PlotDataItem]:
        return self._visible_items()


def histogram_bins(values: Sequence[float], bins: int = 40, extra: Sequence[float] = ()) -> np.ndarray:
    """Shared bin edges covering ``values`` and ``extra`` (e.g. the threshold)."""
    data = np.asarray(list(values) + list(extra), dtype=float)
    data = data[np.isfinite(data)]
    if data.size == 0:
        return np.linspace(0.0, 1.0, bins + 1)
    lo, hi = float(data.min()), float(data.max())
    if hi <= lo:
        hi = lo + 1.0
    return np.linspace(lo, hi, bins + 1)
