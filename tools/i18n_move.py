"""Give the strings a class split moved their translations back, in every catalogue.

    .venv/bin/python tools/i18n_move.py NewContext=OldContext [...] [--folder resources/i18n]

``self.tr`` looks strings up by class name, so when a page is split into panels, the strings that
moved into a panel class are looked up in a new context and would show in English. This runs
lupdate over ui/ and widgets/ (into a temporary file: the catalogues are never regenerated, that
would drop the Qt-free contexts), and for each (NewContext, source) it finds that no catalogue
has yet, copies the translated entry of the same source from OldContext. An OldContext entry that
was copied and that lupdate no longer finds there is removed. The files are edited as text, so
every other line stays as it was. Exit code 1 when a string has no entry to copy from.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONTEXT = re.compile(r"    <context>\n        <name>(.*?)</name>\n(.*?)    </context>\n", re.S)
MESSAGE = re.compile(r"[ \t]*<message>\n.*?</message>\n", re.S)
LOCATION = re.compile(r'<location filename="[^"]*" line="\d+" ?/>')


def found_strings(root: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """(context, source) → (file relative to ``root``, line) as lupdate finds them in the code."""
    exe = Path(sys.executable).parent / "pyside6-lupdate"
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.ts"
        subprocess.run([str(exe), "-extensions", "py", "ui", "widgets", "-ts", str(fresh)], cwd=root,
                       check=True, capture_output=True, timeout=300)
        out: dict[tuple[str, str], tuple[str, str]] = {}
        for ctx in ET.parse(fresh).getroot().iter("context"):  # our own lupdate output
            for m in ctx.iter("message"):
                loc = m.find("location")
                name = (loc.get("filename") or "") if loc is not None else ""
                rel = name[name.index(root.name + "/") + len(root.name) + 1:] if root.name + "/" in name else name
                key = (ctx.findtext("name") or "", m.findtext("source") or "")
                out.setdefault(key, (rel, loc.get("line", "0") if loc is not None else "0"))
        return out


def _source(block: str) -> str:
    return ET.fromstring(block).findtext("source") or ""


def move(text: str, moves: dict[str, str], found: dict[tuple[str, str], tuple[str, str]]) -> tuple[str, list[str]]:
    """The catalogue ``text`` with the moved entries; the second value lists what had no donor."""
    contexts = {m.group(1): MESSAGE.findall(m.group(2)) for m in CONTEXT.finditer(text)}
    added: dict[str, list[str]] = {}
    copied: set[tuple[str, str]] = set()
    missing = []
    for (ctx, src), (path, line) in sorted(found.items(), key=lambda kv: (kv[0][0], int(kv[1][1]))):
        if ctx not in moves:
            continue
        if src in {_source(b) for b in contexts.get(ctx, []) + added.get(ctx, [])}:
            continue
        old = moves[ctx]
        block = next((b for b in contexts.get(old, []) if _source(b) == src), None)
        if block is None:
            missing.append(f"[{ctx}] {src!r}: no entry in {old}")
            continue
        block = LOCATION.sub(f'<location filename="../../{path}" line="{line}" />', block)
        added.setdefault(ctx, []).append(re.sub(r"^[ \t]*<message>", "        <message>", block))
        copied.add((old, src))

    def strip(m: re.Match[str]) -> str:
        name = m.group(1)
        blocks = MESSAGE.findall(m.group(2))
        keep = [b for b in blocks if not ((name, _source(b)) in copied and (name, _source(b)) not in found)]
        if len(keep) == len(blocks):
            return m.group(0)  # untouched, byte for byte
        return f"    <context>\n        <name>{name}</name>\n" + "".join(keep) + "    </context>\n"

    out = CONTEXT.sub(strip, text)
    appended = ""
    for ctx, blocks in added.items():
        if ctx in contexts:
            out = re.sub(rf"(    <context>\n        <name>{re.escape(ctx)}</name>\n.*?)(    </context>\n)",
                         lambda m, b=blocks: m.group(1) + "".join(b) + m.group(2), out, count=1, flags=re.S)
        else:
            appended += f"    <context>\n        <name>{ctx}</name>\n" + "".join(blocks) + "    </context>\n"
    return out.replace("</TS>", appended + "</TS>") if appended else out, missing


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("moves", nargs="+", help="NewContext=OldContext")
    p.add_argument("--folder", type=Path, default=ROOT / "resources" / "i18n")
    args = p.parse_args(argv)
    moves = dict(m.split("=", 1) for m in args.moves)
    found = found_strings(ROOT)
    bad = False
    for ts in sorted(args.folder.glob("*.ts")):
        text, missing = move(ts.read_text(encoding="utf-8"), moves, found)
        ts.write_text(text, encoding="utf-8")
        for line in missing:
            print(f"{ts.name}: {line}")
        bad = bad or bool(missing)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
