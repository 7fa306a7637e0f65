"""The insights' sentences in every UI language, without Qt.

Why not ``tr()``: the summary is built below the UI (the HTTP endpoint serves it too), and the
station must not import Qt. The catalogue is still the UI's: English templates live here, their
translations in the ``Insights`` context of ``resources/i18n/qcstation_<lang>.ts`` (read with the
standard XML parser, once per language), so translators edit one file and the window, the shift
report and ``/api/data/insights`` say the same words. Templates use ``str.format`` fields
(``{rate}``); a translation keeps the same fields.
"""

from __future__ import annotations

import functools
import logging
import xml.etree.ElementTree as ET
from typing import Any

from resources import resource_path

log = logging.getLogger(__name__)

CONTEXT = "Insights"

# key -> English template. Keys are stable; the English text is the catalogue's source string.
MESSAGES: dict[str, str] = {
    "summary.volume": "From {start} to {end}, {total} parts were inspected: {ng} NG ({rate}).",
    "summary.empty": "No parts were inspected from {start} to {end}.",
    "summary.nothing": "No notable change: NG rate, shifts, defect locations and scores look as usual.",
    "summary.findings": "{count} findings need attention:",
    "drift.up": ("OK parts now score {median} of the threshold against {reference} at calibration "
                 "(model {model}, since {since}): lighting, focus or the part changed; the "
                 "over-detection rate will rise."),
    "drift.over": ("Over half the parts now score at or above the threshold, where OK parts scored "
                   "{reference} of it at calibration (model {model}, since {since}): lighting, focus or the "
                   "part changed; good parts are being rejected."),
    "drift.down": ("OK parts now score {median} of the threshold against {reference} at calibration "
                   "(model {model}, since {since}): the image may be blurred, darker or the part "
                   "changed; defects may pass unnoticed."),
    "drift.past": ("Score drift of model {model} from {since} to {until}: OK parts scored up to "
                   "{median} of the threshold against {reference} at calibration."),
    "drift.ok": "OK parts of model {model} score {median} of the threshold, as at calibration ({reference}).",
    "trend.up": ("NG rate {rate} against {previous} in the previous period of the same length "
                 "({p} on {parts} parts)."),
    "trend.down": ("NG rate fell to {rate} from {previous} in the previous period of the same length "
                   "({p} on {parts} parts)."),
    "shift.diff": "Shift {worst} NG {worst_rate} vs shift {best} {best_rate}, {p} on {parts} parts.",
    "hour.peak": "Parts inspected around {hour}:00 are NG {rate} of the time against {rest} otherwise ({p}).",
    "location.cluster": ("NG parts concentrate {where} of the part (x {x}, y {y}): {share} of NG parts "
                         "have a defect there, against {expected} if defects fell anywhere (model {model})."),
    "location.spread": "Defects are spread over the part: no location stands out (model {model}).",
    "pareto.count": "{share} of NG parts have {count} defect(s); {multi} have more than one.",
    "pareto.size": "Most defect regions are {size} ({share} of {regions} regions).",
    "fpy.low": ("First-pass yield of part ids {prefix}… is {fpy} against {rest} for the others "
                "({p} on {parts} parts)."),
    "fpy.table": "First-pass yield by part id prefix: {table}.",
    "p.lt": "p < {value}",
    "p.eq": "p = {value}",
    "where.top left": "at the top left",
    "where.top": "at the top",
    "where.top right": "at the top right",
    "where.left": "on the left",
    "where.centre": "in the centre",
    "where.right": "on the right",
    "where.bottom left": "at the bottom left",
    "where.bottom": "at the bottom",
    "where.bottom right": "at the bottom right",
    "size.tiny": "tiny (under 16 px)",
    "size.small": "small (16–255 px)",
    "size.medium": "medium (256–4,095 px)",
    "size.large": "large (4,096 px or more)",
    "severity.info": "info",
    "severity.warning": "warning",
    "severity.alert": "alert",
    "banner.title": "Score drift",
}


@functools.lru_cache(maxsize=8)
def _translations(lang: str) -> dict[str, str]:
    if not lang or lang == "en":
        return {}
    path = resource_path("i18n", f"qcstation_{lang}.ts")
    if not path.is_file():
        return {}
    try:
        root = ET.parse(path).getroot()  # our own bundled file, not user input
    except (OSError, ET.ParseError) as exc:
        log.warning("insight translations for %s unreadable: %s", lang, exc)
        return {}
    out: dict[str, str] = {}
    for ctx in root.iter("context"):
        if ctx.findtext("name") != CONTEXT:
            continue
        for m in ctx.iter("message"):
            source, target = m.findtext("source"), (m.findtext("translation") or "").strip()
            if source and target:
                out[source] = target
    return out


def normalise_language(lang: str | None) -> str:
    """``zh``, ``zh-CN``, ``zh_CN`` → ``zh_CN``; ``ja``/``ja_JP`` → ``ja``, ``ko``/``ko-KR`` → ``ko``;
    anything unknown → ``en``."""
    text = (lang or "en").strip().replace("-", "_").lower()
    if text.startswith("zh"):
        return "zh_CN"
    if text.split("_")[0] in ("ja", "ko"):
        return text.split("_")[0]
    return "en"


class Catalogue:
    """The insight sentences of one language; ``text(key, **fields)``."""

    def __init__(self, lang: str | None = "en") -> None:
        self.lang = normalise_language(lang)
        self._tr = _translations(self.lang)

    def template(self, key: str) -> str:
        source = MESSAGES[key]
        return self._tr.get(source, source)

    def text(self, key: str, **fields: Any) -> str:
        try:
            return self.template(key).format(**fields)
        except (KeyError, IndexError, ValueError):  # a broken translation must not hide the finding
            log.warning("insight template %s (%s) does not fit its fields", key, self.lang)
            return MESSAGES[key].format(**fields)

    def percent(self, value: float | None) -> str:
        if value is None:
            return "–"
        return f"{value * 100:.1f} %" if value * 100 >= 0.1 or value == 0 else f"{value * 100:.2f} %"

    def p_value(self, p: float) -> str:
        if p < 0.001:
            return self.text("p.lt", value="0.001")
        if p < 0.01:
            return self.text("p.lt", value="0.01")
        return self.text("p.eq", value=f"{p:.2f}" if p >= 0.01 else f"{p:.3f}")
