"""Translations: the committed zh_CN catalogue compiles with PySide6's lrelease, every message is
translated, and the window speaks Chinese when asked (compiled on the fly into the cache)."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from resources import resource_path
from tests.ui.part2_helpers import station_with_db
from ui import i18n
from ui.station_bridge import StationBridge

TS = resource_path("i18n", "qcstation_zh_CN.ts")


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("QCS_CACHE_DIR", str(tmp_path / "cache"))
    yield tmp_path / "cache" / "i18n"
    i18n.install_translator("en")


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

    station, db, settings = station_with_db(tmp_path)
    station.set_model(trained_model)
    station.start()
    bridge = StationBridge(station, settings)
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
        bridge.close()
        station.stop()
        db.close()
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

    Fix a failure with: .venv/bin/pyside6-lupdate -no-obsolete -extensions py ui widgets
    -ts resources/i18n/qcstation_zh_CN.ts, then translate the new (unfinished) entries.
    """
    import subprocess
    import sys

    exe = Path(sys.executable).parent / "pyside6-lupdate"
    if not exe.is_file():
        pytest.skip("pyside6-lupdate not installed")
    root = Path(__file__).resolve().parents[2]
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(exe), "-extensions", "py", "ui", "widgets", "-ts", str(fresh)], cwd=root,
                   check=True, capture_output=True, timeout=120)

    def pairs(path: Path) -> set[tuple[str, str]]:
        root_el = ET.parse(path).getroot()
        return {(ctx.findtext("name"), m.findtext("source")) for ctx in root_el.iter("context")
                for m in ctx.iter("message")}

    assert sorted(pairs(fresh) - pairs(TS)) == []


def test_algorithm_registry_texts_are_translated(cache):
    """The engine's registry is Qt-free; its titles and descriptions live in the AlgorithmRegistry
    context (lupdate cannot see them: keep them when regenerating with -no-obsolete)."""
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
