"""The printable shift report: counts, yield, charts and the last NG parts, as HTML or PDF.

The offline stand-in for the seed's "AI analysis": everything is embedded (charts and images as
``data:`` URIs), so the file can be mailed or printed with no network and no external assets.
PDF goes through ``QTextDocument`` + ``QPdfWriter`` (QtGui), which renders the same HTML.
"""

from __future__ import annotations

import base64
import html
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from storage.images import resolve_image_path
from storage.period_stats import StatsSnapshot


def _labels() -> dict[str, str]:
    """The report's words in the UI language (literal calls so lupdate finds them)."""
    return {
        "charts": QCoreApplication.translate("ShiftReport", "Charts"),
        "counts": QCoreApplication.translate("ShiftReport", "Counts"),
        "defects_found": QCoreApplication.translate("ShiftReport", "Defects found"),
        "inspected": QCoreApplication.translate("ShiftReport", "Inspected"),
        "last_ng_parts": QCoreApplication.translate("ShiftReport", "Last NG parts"),
        "ng": QCoreApplication.translate("ShiftReport", "NG"),
        "ng_rate": QCoreApplication.translate("ShiftReport", "NG rate"),
        "no_ng_parts_in_this_period": QCoreApplication.translate("ShiftReport", "No NG parts in this period."),
        "ok": QCoreApplication.translate("ShiftReport", "OK"),
        "per_shift": QCoreApplication.translate("ShiftReport", "Per shift"),
        "period": QCoreApplication.translate("ShiftReport", "Period"),
        "qc_station_shift_report": QCoreApplication.translate("ShiftReport", "QC Station shift report"),
        "shift": QCoreApplication.translate("ShiftReport", "Shift"),
        "yield": QCoreApplication.translate("ShiftReport", "Yield"),
        "defects": QCoreApplication.translate("ShiftReport", "defects"),
        "generated": QCoreApplication.translate("ShiftReport", "generated"),
        "image_not_saved": QCoreApplication.translate("ShiftReport", "image not saved"),
        "image_pruned_by_quota": QCoreApplication.translate("ShiftReport", "image pruned by quota"),
        "score": QCoreApplication.translate("ShiftReport", "score"),
        "summary": QCoreApplication.translate("ShiftReport", "Summary"),
        "where_defects_sit": QCoreApplication.translate("ShiftReport", "Where defects sit (NG parts)"),
    }


def render_chart_pngs(charts: dict[str, Any], width: int | None = 900) -> list[tuple[str, bytes]]:
    """GUI thread: each chart (``widgets.charts.ChartWidget``) as PNG bytes, light background.

    ``width=None``: every chart at the same 1.2× its on-screen scale, so their lettering prints the
    same size whatever each chart's width on screen (the report then sizes them alike).
    """
    out = []
    with tempfile.TemporaryDirectory(prefix="qcs-report-") as tmp:
        for key, chart in charts.items():
            w = width if width is not None else max(480, int(chart.width() * 1.2))
            path = chart.export_png(Path(tmp) / f"{key}.png", width=w)
            out.append((chart.title, path.read_bytes()))
    return out


def _encode(image: QImage, fmt: str = "JPG", quality: int = 85) -> bytes:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, fmt, quality)
    buf.close()
    return bytes(data.data())


def gather_ng_images(db: Any, period: Any, data_dir: Path, limit: int = 8,
                     size: int = 360) -> list[tuple[Any, bytes | None]]:
    """Worker thread: the last ``limit`` NG records of the period with a small JPEG each
    (annotated image preferred; ``None`` when the image was not saved or was pruned)."""
    page = db.search(limit=limit, page=1, label="NG", start_date=period.start,
                     end_date=period.end - timedelta(microseconds=1))
    out = []
    for rec in page.data:
        jpeg = None
        if not rec.image_pruned:
            for stored in (rec.result_path, rec.image_path):
                path = resolve_image_path(Path(data_dir), stored)
                if path is not None and path.is_file():
                    img = QImage(str(path))
                    if not img.isNull():
                        img = img.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                                         Qt.TransformationMode.SmoothTransformation)
                        jpeg = _encode(img)
                        break
        out.append((rec, jpeg))
    return out


def _uri(data: bytes, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def model_line(info: Any, params: Any) -> str:
    """"name v3 (id…) · threshold 1.35": which model judged, at which threshold (GUI thread: cheap)."""
    if info is None:
        return QCoreApplication.translate("ShiftReport", "no model loaded")
    text = f"{info.name} v{info.version} ({str(info.id)[:8]})"
    threshold = getattr(params, "threshold", None)
    if threshold is not None:
        text += " · " + QCoreApplication.translate("ShiftReport", "threshold %1").replace("%1", f"{threshold:.4g}")
    return text


def build_html(snap: StatsSnapshot, charts: list[tuple[str, bytes]], ng_images: list[tuple[Any, bytes | None]],
               settings: Any = None, generated: datetime | None = None, insights: Any = None,
               location_map: Any = None, model: str | None = None) -> str:
    """The report as one self-contained HTML document laid out for one A4 page: header with the
    model and threshold, counts beside the shifts, charts two per row, the last NG parts in a row.
    ``insights`` (station.insights.Insights) puts the plain-language summary first."""
    generated = generated or datetime.now()
    esc = html.escape
    L = _labels()  # noqa: N806 - a short name keeps the markup readable
    yield_text = f"{snap.yield_rate * 100:.2f} %" if snap.yield_rate is not None else "–"
    ng_rate = f"{snap.ng / snap.total * 100:.2f} %" if snap.total else "–"
    rows = [
        (L["inspected"], f"{snap.total:,}"), (L["ok"], f"{snap.ok:,}"), (L["ng"], f"{snap.ng:,}"),
        (L["ng_rate"], ng_rate), (L["yield"], yield_text), (L["defects_found"], f"{snap.defect_total:,}"),
    ]
    summary = "".join(f"<tr><th align='left'>{esc(k)}</th><td align='right'>{esc(v)}</td></tr>" for k, v in rows)
    shift_rows = "".join(
        f"<tr><td>{esc(b.label)}</td><td align='right'>{b.total:,}</td><td align='right'>{b.ok:,}</td>"
        f"<td align='right'>{b.ng:,}</td><td align='right'>{b.ng_rate * 100:.2f} %</td></tr>"
        for b in snap.by_shift if b.total)
    counts_table = (f"<h2>{esc(L['counts'])}</h2><table class='grid' border='1' cellspacing='0' cellpadding='3'>"
                    f"{summary}</table>")
    shift_table = (
        f"<h2>{esc(L['per_shift'])}</h2><table class='grid' border='1' cellspacing='0' cellpadding='3'>"
        f"<tr><th>{esc(L['shift'])}</th><th>{esc(L['inspected'])}</th><th>{esc(L['ok'])}</th>"
        f"<th>{esc(L['ng'])}</th><th>{esc(L['ng_rate'])}</th></tr>{shift_rows}</table>"
        if shift_rows else "")
    figures = [(title, _uri(png, "image/png")) for title, png in charts]
    if location_map is not None:
        import cv2

        ok, png = cv2.imencode(".png", location_map)
        if ok:
            figures.append((L["where_defects_sit"], _uri(png.tobytes(), "image/png")))
    chart_rows = []
    for i in range(0, len(figures), 2):
        pair = figures[i:i + 2]
        cells = "".join(f"<td width='50%' align='center' valign='top'><img src='{uri}' width='{CHART_PX}' "
                        f"alt='{esc(title)}'></td>" for title, uri in pair)
        chart_rows.append(f"<tr>{cells}</tr>")
    chart_html = f"<table width='100%' cellspacing='2' cellpadding='0'>{''.join(chart_rows)}</table>"
    cells = []
    for rec, jpeg in ng_images[:NG_SHOWN]:
        img = (f"<img src='{_uri(jpeg, 'image/jpeg')}' width='{NG_PX}'>" if jpeg
               else f"<i>{esc(L['image_pruned_by_quota'] if rec.image_pruned else L['image_not_saved'])}</i>")
        reviewed = f" → {esc(rec.review_label)}" if rec.review_label else ""
        cells.append(
            f"<td valign='top' align='center' class='small'>{img}<br><b>{esc(rec.name)}</b><br>"
            f"{rec.timestamp:%m-%d %H:%M:%S} · {rec.normalized_score:.2f}× · "
            f"{esc(L['defects'])} {rec.defect_count}{reviewed}</td>")
    ng_section = (f"<table cellspacing='4'><tr>{''.join(cells)}</tr></table>" if cells
                  else f"<p>{esc(L['no_ng_parts_in_this_period'])}</p>")
    insights_html = ""
    if insights is not None:
        colours = {"alert": "#b3261e", "warning": "#9a5b00", "info": "#444444"}
        first = insights.summary.split("\n")[0]
        items = "".join(f"<li><b style='color:{colours.get(f.severity, '#444444')}'>●</b> {esc(f.text)}</li>"
                        for f in list(insights.findings)[:4])
        insights_html = f"<h2>{esc(L['summary'])}</h2><p>{esc(first)}</p><ul>{items}</ul>"
    model_html = (f" · {esc(QCoreApplication.translate('ShiftReport', 'Model'))}: <b>{esc(model)}</b>"
                  if model else "")
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{esc(L['qc_station_shift_report'])}</title>"
        "<style>body{font-family:sans-serif;color:#111111;font-size:9pt} table.grid{border-collapse:collapse}"
        " th,td{padding:2px 6px} h1{font-size:16pt;margin:0} h2{font-size:11pt;margin:6px 0 2px 0}"
        " .sub{color:#333333} .small{font-size:7pt} ul{margin:0}</style></head><body>"
        f"<h1>{esc(L['qc_station_shift_report'])}</h1>"
        f"<p class='sub'>{esc(L['period'])}: <b>{esc(snap.period.label)}</b>{model_html} · "
        f"{esc(L['generated'])} {generated:%Y-%m-%d %H:%M}</p>"
        f"{insights_html}"
        f"<table width='100%' cellspacing='0'><tr><td valign='top'>{counts_table}</td>"
        f"<td valign='top'>{shift_table}</td></tr></table>"
        f"<h2>{esc(L['charts'])}</h2>{chart_html}"
        f"<h2>{esc(L['last_ng_parts'])}</h2>{ng_section}</body></html>")


CHART_PX = 500  # two charts side by side on an A4 page at the PDF's 150 dpi
NG_PX = 150
NG_SHOWN = 6


def write_report(path: str | Path, snap: StatsSnapshot, charts: list[tuple[str, bytes]],
                 ng_images: list[tuple[Any, bytes | None]], settings: Any = None, insights: Any = None,
                 location_map: Any = None, model: str | None = None) -> Path:
    """Write HTML (``.html``/``.htm``) or PDF (any other suffix, ``.pdf`` added when missing).

    The PDF is always one A4 page: the document is laid out at the page's width and, should it
    still be taller (a long insight list), scaled down to fit rather than split. Safe off the GUI
    thread (QTextDocument, QPdfWriter and QImage only, no pixmaps).
    """
    path = Path(path)
    doc_html = build_html(snap, charts, ng_images, settings, insights=insights, location_map=location_map,
                          model=model)
    if path.suffix.lower() in (".html", ".htm"):
        path.write_text(doc_html, encoding="utf-8")
        return path
    if path.suffix.lower() != ".pdf":
        path = path.with_suffix(path.suffix + ".pdf")
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(10, 10, 10, 10), QPageLayout.Unit.Millimeter)
    writer.setResolution(150)
    writer.setTitle(_labels()["qc_station_shift_report"])
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    doc.setHtml(doc_html)
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    doc.setTextWidth(rect.width())
    height = doc.size().height()
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"the PDF could not be written to {path}")
    try:
        if height > rect.height():
            factor = rect.height() / height
            painter.scale(factor, factor)
        doc.drawContents(painter)
    finally:
        painter.end()
    del writer  # flushes the file
    if not path.is_file() or path.stat().st_size == 0:
        raise OSError(f"the PDF could not be written to {path}")
    return path


def report_job(path: str | Path, snap: StatsSnapshot, charts: list[tuple[str, bytes]], db: Any, settings: Any,
               insights: Any = None, location_map: Any = None, model: str | None = None) -> Path:
    """Worker thread: the last NG parts' images, the layout and the file."""
    ng_images = gather_ng_images(db, snap.period, Path(settings.data_dir), limit=NG_SHOWN) if db is not None else []
    return write_report(path, snap, charts, ng_images, settings, insights=insights, location_map=location_map,
                        model=model)
