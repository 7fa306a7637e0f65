"""CJK glyphs for the 简体中文 / 日本語 / 한국어 UI: load bundled fonts, warn when none can draw them.

Why: Qt draws Chinese, Japanese or Korean only with a font that has those glyphs; a fresh Debian
machine without ``fonts-noto-cjk`` (or any CJK font) shows empty boxes ("tofu") for every label.
Fonts in ``resources/fonts/`` (``.ttf``/``.otf``/``.ttc``: the OFL Noto Sans CJK subsets that
build/cjk_font.py writes for the bundle, or any font a packager puts there) are registered with
QFontDatabase at start, the UI language's own face first; if after that no installed
font covers the chosen language's script, the station logs a warning and shows it in the status bar.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFontDatabase

from resources import resource_path

log = logging.getLogger(__name__)

FONT_SUFFIXES = (".ttf", ".otf", ".ttc")
_WRITING = {
    "zh_CN": QFontDatabase.WritingSystem.SimplifiedChinese,
    "ja": QFontDatabase.WritingSystem.Japanese,
    "ko": QFontDatabase.WritingSystem.Korean,
}
SAMPLES = {"zh_CN": "实时检测开始阈值", "ja": "ライブ検査開始しきい値", "ko": "라이브검사시작임계값"}
SYSTEM_PACKAGE = "fonts-noto-cjk"
BUNDLED_PREFIX = "qcstation-cjk-"  # build/cjk_font.py writes qcstation-cjk-<lang>-<Weight>.otf
_loaded: dict[Path, list[str]] = {}


def load_bundled_fonts(folder: Path | None = None) -> list[str]:
    """Register every font file in ``resources/fonts`` once; the font families they added."""
    folder = Path(folder) if folder is not None else resource_path("fonts")
    families: list[str] = []
    if not folder.is_dir():
        return families
    for path in sorted(p for p in folder.iterdir() if p.suffix.lower() in FONT_SUFFIXES):
        if path not in _loaded:
            font_id = QFontDatabase.addApplicationFont(str(path))
            _loaded[path] = list(QFontDatabase.applicationFontFamilies(font_id)) if font_id >= 0 else []
            if font_id < 0:
                log.warning("font %s could not be loaded", path.name)
        families += _loaded[path]
    return families


def families_for(language: str) -> list[str]:
    """Installed (or bundled) font families that can draw ``language``'s script; [] = none."""
    system = _WRITING.get(language)
    if system is None:
        return ["(latin)"]  # every font Qt finds draws English
    # our subsets draw the catalogue by construction, but fontconfig does not class a subset as
    # zh/ja/ko (too few characters for its orthography tables): count them explicitly
    found = language_families(language) + list(QFontDatabase.families(system))
    return found or drawing_families(SAMPLES[language])


def drawing_families(sample: str) -> list[str]:
    """Families whose glyphs cover ``sample``: fontconfig's language classes need whole orthographies
    (Droid Sans Fallback draws Hangul yet is not classed Korean), so ask the fonts themselves."""
    from PySide6.QtGui import QFont, QRawFont

    found = []
    for family in QFontDatabase.families():
        raw = QRawFont.fromFont(QFont(family))
        if raw.isValid() and all(raw.supportsCharacter(ch) for ch in sample):
            found.append(family)
    return found


def font_warning(language: str) -> str | None:
    """A warning when ``language`` needs CJK glyphs that no font here has; None when all is well.

    Deliberately English: written in the chosen language it would itself be drawn as empty boxes.
    """
    if families_for(language):
        return None
    return (f"No font with {language} glyphs is installed: the interface text will show as empty boxes. "
            f"Install the system package {SYSTEM_PACKAGE} (sudo apt install {SYSTEM_PACKAGE}) "
            f"or put a CJK font in resources/fonts/, then restart.")


def language_families(language: str, folder: Path | None = None) -> list[str]:
    """Families of the bundled subset made for ``language`` (build/cjk_font.py), e.g. Noto Sans CJK JP."""
    load_bundled_fonts(folder)
    return sorted({fam for path, fams in _loaded.items() if path.name.startswith(f"{BUNDLED_PREFIX}{language}-")
                   for fam in fams})


def prefer_families(families: list[str]) -> None:
    """Put ``families`` right after the application font's own family: CJK text uses the regional
    face made for the UI language (SC, JP or KR glyph shapes), Latin text keeps the system font."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None or not families:
        return
    font = app.font()
    font.setFamilies([font.family(), *[f for f in families if f != font.family()]])
    app.setFont(font)


def prepare_fonts(language: str) -> str | None:
    """Load the bundled fonts, prefer the language's own face, check ``language`` can be drawn;
    the warning (also logged) or None."""
    prefer_families(language_families(language))
    warning = font_warning(language)
    if warning:
        log.warning("%s", warning)
    return warning
