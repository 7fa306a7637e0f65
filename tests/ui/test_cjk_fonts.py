"""CJK fonts: the build cuts Noto Sans CJK down to the catalogues' characters, the app loads the
subset for its language first, and says so when no font can draw the language."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("cjk_font", ROOT / "build" / "cjk_font.py")
cjk_font = importlib.util.module_from_spec(spec)
spec.loader.exec_module(cjk_font)


def noto_source() -> Path | None:
    try:
        return cjk_font.find_source(None)
    except cjk_font.FontBuildError:
        return None


def test_subset_characters_cover_the_catalogue():
    ts = resource_path("i18n", "qcstation_ja.ts")
    text = cjk_font.characters(ts)
    for word in ("開始", "しきい値", "ソース喪失", "OK", "NG", "%1"):
        assert set(word) <= set(text), word
    assert len(text) < 3000  # a subset, not the 65 000 glyphs of the full face
    ko = cjk_font.characters(resource_path("i18n", "qcstation_ko.ts"))
    assert set("소스 끊김") - {" "} <= set(ko)


def test_missing_source_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.delenv("QCS_CJK_FONT_DIR", raising=False)
    monkeypatch.setattr(cjk_font, "SYSTEM_DIRS", (tmp_path / "none",))
    with pytest.raises(cjk_font.FontBuildError, match="fonts-noto-cjk"):
        cjk_font.build_fonts(out_dir=tmp_path / "out", source=tmp_path / "nothing")


def test_subset_face_keeps_only_the_asked_glyphs(tmp_path):
    pytest.importorskip("fontTools")
    from fontTools.ttLib import TTFont

    source = next(iter(sorted(Path("/usr/share/fonts").rglob("DejaVuSans.ttf"))), None)
    if source is None:
        pytest.skip("no DejaVuSans.ttf to cut")
    out = cjk_font.subset_face(source, 0, "OK NG", tmp_path / "s.otf")
    cmap = TTFont(out).getBestCmap()
    assert {chr(c) for c in cmap} == set("OK NG")
    assert out.stat().st_size < source.stat().st_size / 10


@pytest.mark.skipif(noto_source() is None, reason="fonts-noto-cjk not installed (set QCS_CJK_FONT_DIR)")
def test_noto_subsets_are_small_and_draw_the_language(qapp, tmp_path):
    pytest.importorskip("fontTools")
    from ui import fonts

    written = cjk_font.build_fonts(out_dir=tmp_path, languages=("ja", "ko"))
    assert sorted(p.name for p in written)[:2] == ["qcstation-cjk-ja-Bold.otf", "qcstation-cjk-ja-Regular.otf"]
    assert sum(p.stat().st_size for p in written) < 4 * 2**20  # the bundle grows by ~2 MB, not 20
    assert fonts.language_families("ja", tmp_path) == ["Noto Sans CJK JP"]
    assert fonts.language_families("ko", tmp_path) == ["Noto Sans CJK KR"]
    assert (tmp_path / "qcstation-cjk-LICENSE.txt").read_text(encoding="utf-8").count("Open Font License")


def test_the_language_face_comes_first(qapp, monkeypatch):
    from ui import fonts

    before = qapp.font()
    try:
        fonts.prefer_families(["Noto Sans CJK KR"])
        assert qapp.font().families()[:2] == [before.family(), "Noto Sans CJK KR"]
    finally:
        qapp.setFont(before)
    monkeypatch.setattr(fonts, "families_for", lambda lang: [])
    assert "fonts-noto-cjk" in (fonts.prepare_fonts("ko") or "")


def test_source_from_environment(tmp_path, monkeypatch):
    (tmp_path / "NotoSansCJK-Regular.ttc").write_bytes(b"")
    monkeypatch.setenv("QCS_CJK_FONT_DIR", str(tmp_path))
    assert cjk_font.find_source(None) == tmp_path


def test_glyph_coverage_is_asked_of_the_fonts(qapp):
    from ui import fonts

    assert fonts.drawing_families("OK NG") != []  # any Latin font draws these
    assert fonts.drawing_families("\U000F0000") == []  # a private-use plane no installed font fills
