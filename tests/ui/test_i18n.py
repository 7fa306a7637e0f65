"""Translations: the committed zh_CN catalogue compiles with PySide6's lrelease, every message is
translated, and the window speaks Chinese when asked (compiled on the fly into the cache)."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from resources import resource_path
from tests.ui.gui_station import bridged_station, close_gui_station
from ui import i18n

TS = resource_path("i18n", "qcstation_zh_CN.ts")


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("QCS_CACHE_DIR", str(tmp_path / "cache"))
    yield tmp_path / "cache" / "i18n"
    i18n.install_translator("en")


def messages(lang: str) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> message element of a committed catalogue."""
    root = ET.parse(resource_path("i18n", f"qcstation_{lang}.ts")).getroot()
    return {(ctx.findtext("name"), m.findtext("source")): m for ctx in root.iter("context")
            for m in ctx.iter("message")}


def found_by_lupdate(tmp_path: Path) -> set[tuple[str, str]]:
    """(context, source) of every string lupdate finds in ui/ and widgets/ today (into a scratch
    catalogue: lupdate must never rewrite the committed ones)."""
    import subprocess
    import sys

    exe = Path(sys.executable).parent / "pyside6-lupdate"
    if not exe.is_file():
        pytest.skip("pyside6-lupdate not installed")
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(exe), "-extensions", "py", "ui", "widgets", "-ts", str(fresh)],
                   cwd=Path(__file__).resolve().parents[2], check=True, capture_output=True, timeout=120)
    return {(ctx.findtext("name"), m.findtext("source")) for ctx in ET.parse(fresh).getroot().iter("context")
            for m in ctx.iter("message")}


def test_every_message_is_translated():
    root = ET.parse(TS).getroot()
    missing = [m.findtext("source") for m in root.iter("message")
               if not (m.findtext("translation") or "").strip()
               or m.find("translation").get("type") in ("unfinished",)]
    assert len(list(root.iter("message"))) > 300
    assert missing == []


def test_compile_translations_writes_qm(tmp_path):
    folder = tmp_path / "i18n"
    folder.mkdir()
    shutil.copy(TS, folder / TS.name)
    written = i18n.compile_translations(folder)
    assert written == [folder / "qcstation_zh_CN.qm"]
    assert written[0].stat().st_size > 1000


def test_compile_reports_a_broken_ts(tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "qcstation_xx.ts").write_text("<TS><context>", encoding="utf-8")
    with pytest.raises(i18n.TranslationError, match="qcstation_xx.ts"):
        i18n.compile_translations(folder)


def test_resolve_language():
    assert i18n.resolve_language("zh_CN") == "zh_CN"
    assert i18n.resolve_language("en") == "en"
    assert i18n.resolve_language("auto") in i18n.LANGUAGES


def test_zh_cn_window_speaks_chinese(qtbot, tmp_path, cache, trained_model):
    assert i18n.install_translator("zh_CN") == "zh_CN"
    qm = i18n.qm_file("zh_CN")
    assert qm is not None and qm.is_file()
    if not resource_path("i18n", "qcstation_zh_CN.qm").is_file():
        assert qm.parent == cache  # compiled at run time, nothing written into the source tree

    from ui.main_window import MainWindow

    _station, db, settings, bridge = bridged_station(tmp_path, trained_model)
    win = MainWindow(bridge, settings)
    qtbot.addWidget(win)
    try:
        live = win.pages["live"]
        assert live.title() == "实时检测"
        assert live.start_button.text() == "开始"
        assert live.counters.reset_button.text() == "清零"
        assert win.nav.item(0).text() == "实时检测"
        assert "历史记录" in [win.nav.item(i).text() for i in range(win.nav.count())]
        assert win.model_label.text().startswith("模型：")
        assert QCoreApplication.translate("StationShell", "Endpoint %1") == "接口 %1"
        from ui.help_dialog import HelpDialog

        help_text = HelpDialog(win.shortcut_help(), win).text.toPlainText()
        assert "键盘快捷键" in help_text and "快速入门" in help_text and "实时：单次触发" in help_text
    finally:
        win.shutdown_pages()
        close_gui_station(bridge, db)
    assert i18n.install_translator("en") == "en"
    assert QCoreApplication.translate("LivePage", "Start") == "Start"


def test_missing_catalogue_falls_back_to_english(cache):
    assert i18n.install_translator("fr_FR") == "en"


def test_stale_bundled_qm_is_not_used(tmp_path, monkeypatch, cache):
    """A .qm older than its .ts (someone edited translations) is recompiled into the cache."""
    res = tmp_path / "resources"
    (res / "i18n").mkdir(parents=True)
    ts = res / "i18n" / TS.name
    shutil.copy(TS, ts)
    old = res / "i18n" / "qcstation_zh_CN.qm"
    old.write_bytes(b"stale")
    import os

    os.utime(old, (1, 1))
    monkeypatch.setattr(i18n, "resource_path", lambda *parts: res.joinpath(*parts))
    got = i18n.qm_file("zh_CN")
    assert got.parent == cache and got.name.startswith("qcstation_zh_CN-") and got.stat().st_size > 1000
    assert Path(old).read_bytes() == b"stale"
    assert i18n.qm_file("zh_CN") == got  # built once
    # an edited catalogue gets a new build, whatever the file times say; the old build is removed
    ts.write_text(ts.read_text(encoding="utf-8").replace("实时检测", "实时"), encoding="utf-8")
    os.utime(ts, (2, 2))  # older than the cached build, newer than the stale bundled one
    newer = i18n.qm_file("zh_CN")
    assert newer != got and newer.is_file() and not got.exists()


def test_catalogue_covers_every_ui_string(tmp_path):
    """lupdate over ui/ and widgets/ finds no string that the committed catalogue lacks.

    Fix a failure by adding the listed messages (context, source) to every catalogue and translating
    them; lupdate must not rewrite the catalogues (it marks the Qt-free contexts vanished).
    """
    assert sorted(found_by_lupdate(tmp_path) - set(messages("zh_CN"))) == []


def test_algorithm_registry_texts_are_translated(qapp, cache):
    """The engine's registry is Qt-free; its titles and descriptions live in the AlgorithmRegistry
    context (lupdate cannot see them: never regenerate the catalogue with -no-obsolete)."""
    from inference.algorithms import registry
    from ui.train_dialog import registry_text

    root = ET.parse(TS).getroot()
    ctx = next(c for c in root.iter("context") if c.findtext("name") == "AlgorithmRegistry")
    translated = {m.findtext("source") for m in ctx.iter("message") if (m.findtext("translation") or "").strip()}
    texts = {t for spec in registry() for t in [spec.title, spec.description, *(p.description for p in spec.parameters)]}
    assert texts - translated == set()
    assert i18n.install_translator("zh_CN") == "zh_CN"
    spec = registry()[0]
    assert registry_text(spec.description) != spec.description
    assert "良品" in registry_text(spec.description)


# -- every catalogue, not only zh_CN --------------------------------------------------------------
CATALOGUES = ("zh_CN", "ja", "ko")
PLACEHOLDER = re.compile(r"%\d+|\{[^{}]*\}")




@pytest.mark.parametrize("lang", CATALOGUES)
def test_catalogue_is_complete_and_finished(lang):
    """Each catalogue has every zh_CN message (Qt-free contexts included), all translated, none
    vanished or obsolete (lrelease would drop those)."""
    cat, ref = messages(lang), messages("zh_CN")
    assert sorted(set(ref) - set(cat)) == []
    unfinished = [key for key, m in cat.items() if not (m.findtext("translation") or "").strip()
                  or m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")]
    assert unfinished == []
    for ctx in ("SettingsValidation", "Insights", "AlgorithmRegistry", "LivePage"):
        assert any(c == ctx for c, _ in cat), ctx


@pytest.mark.parametrize("lang", CATALOGUES)
def test_placeholders_match_the_source(lang):
    """%1, {0:.4g}, {name}: the same fields in the translation as in the English source."""
    bad = [(src, m.findtext("translation")) for (_c, src), m in messages(lang).items()
           if sorted(PLACEHOLDER.findall(src)) != sorted(PLACEHOLDER.findall(m.findtext("translation") or ""))]
    assert bad == []


def test_placeholder_check_can_fail():
    assert sorted(PLACEHOLDER.findall("score %1 / threshold %2")) != sorted(PLACEHOLDER.findall("スコア %1"))
    assert PLACEHOLDER.findall("{0:.4g} {name}") == ["{0:.4g}", "{name}"]


@pytest.mark.parametrize("lang", ("ja", "ko"))
def test_cjk_catalogue_covers_every_ui_string(tmp_path, lang):
    """lupdate over ui/ and widgets/ finds no string that the ja/ko catalogue lacks."""
    assert sorted(found_by_lupdate(tmp_path) - set(messages(lang))) == []


def test_every_catalogue_compiles(tmp_path):
    written = i18n.compile_translations(resource_path("i18n"), tmp_path)
    names = {p.name for p in written}
    assert {"qcstation_zh_CN.qm", "qcstation_ja.qm", "qcstation_ko.qm"} <= names
    assert all(p.stat().st_size > 10000 for p in written)


@pytest.mark.parametrize(("lang", "start", "reset", "state"), [
    ("ja", "開始", "リセット", "ソース喪失"),
    ("ko", "시작", "초기화", "소스 끊김"),
])
def test_cjk_languages_install(qapp, cache, lang, start, reset, state):
    assert lang in i18n.LANGUAGES
    from station.settings import LANGUAGES

    assert lang in LANGUAGES
    assert i18n.install_translator(lang) == lang
    tr = QCoreApplication.translate
    assert tr("LivePage", "Start") == start
    assert tr("ShiftCounters", "Reset") == reset
    assert tr("VerdictPanel", "SOURCE LOST") == state
    ok_ng = {m.findtext("translation") for (_c, src), m in messages(lang).items() if src in ("OK", "NG")}
    assert ok_ng == {"OK", "NG"}  # verdict words stay OK/NG on every screen
    from inference.algorithms import registry
    from ui.train_dialog import registry_text

    spec = registry()[0]
    assert registry_text(spec.description) != spec.description


def test_resolve_language_maps_system_locales(monkeypatch):
    from PySide6.QtCore import QLocale

    for system, want in (("ja_JP", "ja"), ("ko_KR", "ko"), ("zh_TW", "zh_CN"), ("de_DE", "en")):
        monkeypatch.setattr(QLocale, "system", staticmethod(lambda s=system: QLocale(s)))
        assert i18n.resolve_language("auto") == want


def test_insight_sentences_in_japanese_and_korean():
    from station.insight_text import Catalogue, normalise_language

    assert normalise_language("ja_JP") == "ja" and normalise_language("ko-KR") == "ko"
    assert normalise_language("fr") == "en"
    from station.insight_text import MESSAGES

    for lang in ("ja", "ko"):
        catalogue = Catalogue(lang)
        assert all(catalogue.template(key) != text for key, text in MESSAGES.items() if len(text) > 20)


def test_camera_error_reason_is_translated(qtbot, cache):
    """The capture layer's English reasons (camera, folder, video) reach the tile and the message
    line in the UI language."""
    from ui.live_verdict_panel import VerdictPanel

    assert i18n.install_translator("ja") == "ja"
    panel = VerdictPanel()
    qtbot.addWidget(panel)
    assert panel.source_reason("camera 2 is not available (not connected or in use)") == \
        "カメラ 2 を使用できません (未接続または使用中)"
    assert panel.source_reason("cannot open video a.mp4: unknown format or codec") == \
        "動画 a.mp4 を開けません: 形式またはコーデックが不明です"
    assert panel.source_reason("x.png is not a readable image") == "x.png は読み取れる画像ではありません"
    assert panel.source_reason("cannot read x.png: Permission denied") == "x.png: Permission denied を読み取れません"
    assert i18n.install_translator("ko") == "ko"
    assert panel.source_reason("camera lost") == "카메라 연결 끊김"


def test_font_warning_when_no_cjk_font(monkeypatch, tmp_path):
    from ui import fonts

    assert fonts.font_warning("en") is None
    monkeypatch.setattr(fonts, "families_for", lambda lang: [])
    warning = fonts.font_warning("ja")
    assert warning and "fonts-noto-cjk" in warning and "ja" in warning


def test_bundled_font_folder_is_loaded(qtbot, tmp_path):
    """A font in resources/fonts is registered; a broken file is skipped with a log line."""
    from ui import fonts

    folder = tmp_path / "fonts"
    folder.mkdir()
    (folder / "broken.ttf").write_bytes(b"not a font")
    assert fonts.load_bundled_fonts(folder) == []
    source = next((p for p in Path("/usr/share/fonts").rglob("*.ttf")), None) if Path("/usr/share/fonts").is_dir() else None
    if source is None:
        pytest.skip("no system font to copy")
    shutil.copy(source, folder / "a.ttf")
    assert fonts.load_bundled_fonts(folder) != []


def test_i18n_missing_tool(tmp_path, capsys):
    """tools/i18n_missing.py: 0 on the committed catalogues; names what a merged zh_CN added."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("i18n_missing", Path(__file__).resolve().parents[2]
                                                  / "tools" / "i18n_missing.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    assert tool.main([]) == 0
    folder = tmp_path / "i18n"
    folder.mkdir()
    head = '<?xml version="1.0" encoding="utf-8"?><TS version="2.1"><context><name>LivePage</name>'
    (folder / "qcstation_zh_CN.ts").write_text(
        head + "<message><source>Start</source><translation>开始</translation></message>"
        "<message><source>New %1</source><translation>新 %1</translation></message>"
        "<message><source>Gone</source><translation>走</translation></message></context></TS>", encoding="utf-8")
    (folder / "qcstation_ja.ts").write_text(
        head + "<message><source>Start</source><translation>開始</translation></message>"
        "<message><source>Gone</source><translation type=\"unfinished\"></translation></message></context></TS>",
        encoding="utf-8")
    (folder / "qcstation_ko.ts").write_text(
        head + "<message><source>Start</source><translation>시작</translation></message>"
        "<message><source>New %1</source><translation>새</translation></message>"
        "<message><source>Gone</source><translation>감</translation></message></context></TS>", encoding="utf-8")
    capsys.readouterr()
    assert tool.main(["--folder", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "[LivePage] 'New %1': missing" in out and "[LivePage] 'Gone': unfinished" in out
    assert "ko: 1 of 3" in out and "[LivePage] 'New %1': placeholders differ" in out
