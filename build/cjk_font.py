"""Subset Noto Sans CJK (SIL OFL 1.1) to the characters of our catalogues, into resources/fonts/.

    .venv/bin/python build/cjk_font.py [--source DIR] [--out DIR]

Why: 简体中文 / 日本語 / 한국어 render only with a CJK font, and a fresh Debian machine has none. The
full Noto Sans CJK collection is 19 MB per weight; the UI needs a few hundred distinct characters
per language, so the bundle ships, per language, the regional face (SC, JP, KR) cut down to the
characters of that catalogue plus ASCII, kana and CJK punctuation: well under 1 MB each. The
source is the Debian package fonts-noto-cjk (``/usr/share/fonts/opentype/noto``) or any folder
with ``NotoSansCJK-Regular.ttc`` (``--source`` or ``QCS_CJK_FONT_DIR``). The output is generated
(git-ignored); build_bundle.py runs this before PyInstaller, ui/fonts.py loads it at start.
"""

from __future__ import annotations

import argparse
import os
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SYSTEM_DIRS = (Path("/usr/share/fonts/opentype/noto"), Path("/usr/share/fonts/noto-cjk"),
               Path("/usr/share/fonts/google-noto-cjk"))
FACES = {"zh_CN": 2, "ja": 0, "ko": 1}  # face index in NotoSansCJK-*.ttc: JP, KR, SC, TC, HK, ...
WEIGHTS = ("Regular", "Bold")
PREFIX = "qcstation-cjk-"
# always in: ASCII, Latin-1 punctuation, general punctuation, arrows/shapes we use, CJK punctuation,
# kana (ja), full-width forms; the rest comes from the catalogue's own translations
BASE_RANGES = ((0x20, 0x7E), (0xA0, 0xFF), (0x2010, 0x2044), (0x2190, 0x21FF), (0x25A0, 0x25FF),
               (0x3000, 0x303F), (0x3040, 0x30FF), (0xFF01, 0xFF5E))


class FontBuildError(RuntimeError):
    """No source font, or fonttools is missing."""


def find_source(source: Path | None = None) -> Path:
    """The folder holding NotoSansCJK-Regular.ttc."""
    env = os.environ.get("QCS_CJK_FONT_DIR")
    for folder in ([Path(source)] if source else []) + ([Path(env)] if env else []) + list(SYSTEM_DIRS):
        if (folder / "NotoSansCJK-Regular.ttc").is_file():
            return folder
    raise FontBuildError("NotoSansCJK-Regular.ttc not found: install fonts-noto-cjk on the build machine "
                         "or pass --source DIR")


def catalogue_characters(ts: Path) -> set[str]:
    """Every character of the catalogue's translations (our own committed file)."""
    chars: set[str] = set()
    for m in ET.parse(ts).getroot().iter("message"):
        chars.update(m.findtext("translation") or "")
    return {c for c in chars if c.isprintable()}


def characters(ts: Path) -> str:
    chars = catalogue_characters(ts)
    for lo, hi in BASE_RANGES:
        chars.update(chr(c) for c in range(lo, hi + 1))
    return "".join(sorted(chars))


def subset_face(source: Path, face: int, text: str, out: Path) -> Path:
    try:
        from fontTools import subset
    except ImportError as exc:  # the build extra: pip install .[build]
        raise FontBuildError("fonttools is not installed (pip install fonttools)") from exc
    options = subset.Options()
    options.font_number = face
    options.layout_features = ["*"]  # vertical forms, locl, kerning: keep what the face has
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False  # CFF hints do little at UI sizes and cost space
    font = subset.load_font(str(source), options, dontLoadGlyphNames=True)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    subset.save_font(font, str(tmp), options)
    os.replace(tmp, out)
    return out


def build_fonts(catalogues: Path | None = None, out_dir: Path | None = None, source: Path | None = None,
                languages: tuple[str, ...] = tuple(FACES)) -> list[Path]:
    """One subset per language and weight, named ``qcstation-cjk-<lang>-<Weight>.otf``; the paths."""
    catalogues = Path(catalogues or ROOT / "resources" / "i18n")
    out_dir = Path(out_dir or ROOT / "resources" / "fonts")
    folder = find_source(source)
    written = []
    for lang in languages:
        ts = catalogues / f"qcstation_{lang}.ts"
        if not ts.is_file():
            continue
        text = characters(ts)
        for weight in WEIGHTS:
            src = folder / f"NotoSansCJK-{weight}.ttc"
            if src.is_file():
                written.append(subset_face(src, FACES[lang], text, out_dir / f"{PREFIX}{lang}-{weight}.otf"))
    licence = next((p for p in (folder.parents[2] / "doc" / "fonts-noto-cjk" / "copyright",
                                folder / "LICENSE") if p.is_file()), None) if len(folder.parents) > 2 else None
    notice = out_dir / f"{PREFIX}LICENSE.txt"
    notice.write_text("The qcstation-cjk-*.otf files are subsets of Noto Sans CJK (SC, JP, KR), "
                      "Copyright 2014-2021 Adobe (http://www.adobe.com/), licensed under the SIL Open "
                      "Font License 1.1 (https://openfontlicense.org).\n\n"
                      + (licence.read_text(encoding="utf-8", errors="replace") if licence else ""), encoding="utf-8")
    return written


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--source", type=Path, help="folder with NotoSansCJK-Regular.ttc (default: system)")
    p.add_argument("--out", type=Path, help="output folder (default: resources/fonts)")
    args = p.parse_args(argv)
    try:
        written = build_fonts(out_dir=args.out, source=args.source)
    except FontBuildError as exc:
        print(f"CJK font: {exc}", file=sys.stderr)
        return 2
    for path in written:
        print(f"{path.name}: {path.stat().st_size / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
