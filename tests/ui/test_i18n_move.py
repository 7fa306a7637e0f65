"""tools/i18n_move.py: strings that moved into a new class keep their translations; entries the
old class no longer has go, everything else stays byte for byte."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _tool():
    spec = importlib.util.spec_from_file_location("i18n_move", ROOT / "tools" / "i18n_move.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    return tool


def _msg(src: str, tr: str, line: int = 1) -> str:
    return (f'        <message>\n            <location filename="../../ui/page.py" line="{line}" />\n'
            f"            <source>{src}</source>\n            <translation>{tr}</translation>\n        </message>\n")


CATALOGUE = ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="ja">\n'
             "    <context>\n        <name>Page</name>\n" + _msg("Title", "題") + _msg("Apply", "適用")
             + _msg("Shared", "共有") + "    </context>\n"
             "    <context>\n        <name>Other</name>\n" + _msg("Apply", "別") + "        </context>\n</TS>\n")


def test_moved_strings_keep_their_translation():
    tool = _tool()
    found = {("Page", "Title"): ("ui/page.py", "9"), ("Page", "Shared"): ("ui/page.py", "10"),
             ("Panel", "Apply"): ("ui/panel.py", "20"), ("Panel", "Shared"): ("ui/panel.py", "21"),
             ("Panel", "New"): ("ui/panel.py", "22"), ("Other", "Apply"): ("ui/other.py", "3")}
    text, missing = tool.move(CATALOGUE, {"Panel": "Page"}, found)
    assert missing == ["[Panel] 'New': no entry in Page"]
    root = ET.fromstring(text.split("\n", 2)[2])
    got = {(c.findtext("name"), m.findtext("source")): m.findtext("translation")
           for c in root.iter("context") for m in c.iter("message")}
    assert got == {("Page", "Title"): "題", ("Page", "Shared"): "共有", ("Panel", "Apply"): "適用",
                   ("Panel", "Shared"): "共有", ("Other", "Apply"): "別"}
    assert '<location filename="../../ui/panel.py" line="20" />' in text
    assert "<name>Other</name>\n" + _msg("Apply", "別") + "        </context>" in text  # untouched
    again, _ = tool.move(text, {"Panel": "Page"}, found)
    assert again == text  # a second run changes nothing
