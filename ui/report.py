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
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from storage.image_paths import resolve_image_path
from ui.stats_data import StatsSnapshot


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


def render_chart_pngs(charts: dict[str, Any], width: int = 900) -> list[tuple[str, bytes]]:
    """GUI thread: each chart (``widgets.charts.ChartWidget``) as PNG bytes, light background."""
    out = []
    with tempfile.TemporaryDirectory(prefix="qcs-report-") as tmp:
        for key, chart in charts.items():
            path = chart.export_png(Path(tmp) / f"{key}.png", width=width)
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


def _insights_html(insights: Any, location_map: Any, title: str, map_title: str) -> str:
    """The plain-language summary and findings (station/insights.py), with the location map."""
    if insights is None:
        return ""
    import cv2

    esc = html.escape
    lines = insights.summary.split("\n")
    colours = {"alert": "#d93025", "warning": "#e37400", "info": "#5f6368"}
    items = "".join(f"<li><b style='color:{colours.get(f.severity, '#5f6368')}'>●</b> {esc(f.text)}</li>"
                    for f in insights.findings)
    img = ""
    if location_map is not None:
        ok, png = cv2.imencode(".png", location_map)
        if ok:
            img = f"<p><b>{esc(map_title)}</b><br><img src='{_uri(png.tobytes(), 'image/png')}' width='360'></p>"
    return f"<h2>{esc(title)}</h2><p>{esc(lines[0])}</p><ul>{items}</ul>{img}"


def build_html(snap: StatsSnapshot, charts: list[tuple[str, bytes]], ng_images: list[tuple[Any, bytes | None]],
               settings: Any = None, generated: datetime | None = None, insights: Any = None,
               location_map: Any = None) -> str:
    """The report as one self-contained HTML document; ``insights`` (station.insights.Insights) puts
    the plain-language summary at the top."""
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
    shift_table = (
        f"<h2>{esc(L['per_shift'])}</h2><table border='1' cellspacing='0' cellpadding='4'>"
        f"<tr><th>{esc(L['shift'])}</th><th>{esc(L['inspected'])}</th><th>{esc(L['ok'])}</th>"
        f"<th>{esc(L['ng'])}</th><th>{esc(L['ng_rate'])}</th></tr>{shift_rows}</table>"
        if shift_rows else "")
    chart_html = "".join(
        f"<p><img src='{_uri(png, 'image/png')}' width='640' alt='{esc(title)}'></p>" for title, png in charts)
    cells = []
    for rec, jpeg in ng_images:
        img = (f"<img src='{_uri(jpeg, 'image/jpeg')}' width='200'>" if jpeg
               else f"<i>{esc(L['image_pruned_by_quota'] if rec.image_pruned else L['image_not_saved'])}</i>")
        reviewed = f" → {esc(rec.review_label)}" if rec.review_label else ""
        cells.append(
            f"<td valign='top' align='center'>{img}<br><b>{esc(rec.name)}</b><br>"
            f"{rec.timestamp:%Y-%m-%d %H:%M:%S}<br>{esc(L['score'])} {rec.normalized_score:.2f}× · "
            f"{esc(L['defects'])} {rec.defect_count}{reviewed}</td>")
    ng_html = "".join("<tr>" + "".join(cells[i:i + 4]) + "</tr>" for i in range(0, len(cells), 4))
    ng_section = (f"<table cellspacing='6'>{ng_html}</table>" if cells
                  else f"<p>{esc(L['no_ng_parts_in_this_period'])}</p>")
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{esc(L['qc_station_shift_report'])}</title>"
        "<style>body{font-family:sans-serif;margin:24px;color:#111} table{border-collapse:collapse}"
        " th,td{padding:4px 10px} h1{margin-bottom:2px} .sub{color:#555}</style></head><body>"
        f"<h1>{esc(L['qc_station_shift_report'])}</h1>"
        f"<p class='sub'>{esc(L['period'])}: <b>{esc(snap.period.label)}</b> · "
        f"{esc(L['generated'])} {generated:%Y-%m-%d %H:%M}</p>"
        f"{_insights_html(insights, location_map, L['summary'], L['where_defects_sit'])}"
        f"<h2>{esc(L['counts'])}</h2><table border='1' cellspacing='0' cellpadding='4'>{summary}</table>"
        f"{shift_table}<h2>{esc(L['charts'])}</h2>{chart_html}"
        f"<h2>{esc(L['last_ng_parts'])}</h2>{ng_section}</body></html>")


def write_report(path: str | Path, snap: StatsSnapshot, charts: list[tuple[str, bytes]],
                 ng_images: list[tuple[Any, bytes | None]], settings: Any = None, insights: Any = None,
                 location_map: Any = None) -> Path:
    """Write HTML (``.html``/``.htm``) or PDF (any other suffix, ``.pdf`` added when missing)."""
    path = Path(path)
    doc_html = build_html(snap, charts, ng_images, settings, insights=insights, location_map=location_map)
    if path.suffix.lower() in (".html", ".htm"):
        path.write_text(doc_html, encoding="utf-8")
        return path
    if path.suffix.lower() != ".pdf":
        path = path.with_suffix(path.suffix + ".pdf")
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)
    writer.setResolution(150)
    writer.setTitle(_labels()["qc_station_shift_report"])
    doc = QTextDocument()
    doc.setHtml(doc_html)
    doc.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size().toSizeF())
    doc.print_(writer)
    del writer  # flushes the file
    if not path.is_file() or path.stat().st_size == 0:
        raise OSError(f"the PDF could not be written to {path}")
    return path
