"""List the messages the zh_CN catalogue has that another catalogue lacks or has unfinished.

    .venv/bin/python tools/i18n_missing.py [--ref zh_CN] [LANG ...]      (default: ja ko)

zh_CN is the reference because every branch adds its new UI strings there; after a merge, run this
to see what ja/ko still need (context, source, why). Placeholders (%1, {name}) that differ from the
English source are reported too. Exit code 1 when anything is missing, so a script can check it.
"""

from __future__ import annotations

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "i18n"
PLACEHOLDER = re.compile(r"%\d+|\{[^{}]*\}")
UNFINISHED = ("unfinished", "vanished", "obsolete")


def load(path: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) → the finished translation, or None when empty/unfinished/vanished."""
    out: dict[tuple[str, str], str | None] = {}
    for ctx in ET.parse(path).getroot().iter("context"):  # our own committed files
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            tr = m.find("translation")
            text = (tr.text or "") if tr is not None else ""
            done = text.strip() and (tr is None or tr.get("type") not in UNFINISHED)
            out[(name, m.findtext("source") or "")] = text if done else None
    return out


def problems(ref: dict, other: dict) -> list[tuple[str, str, str]]:
    """(context, source, why) for each reference message ``other`` lacks, leaves unfinished or
    translates with other placeholders than the source."""
    found = []
    for (ctx, src) in ref:
        if (ctx, src) not in other:
            found.append((ctx, src, "missing"))
        elif other[(ctx, src)] is None:
            found.append((ctx, src, "unfinished"))
        elif sorted(PLACEHOLDER.findall(src)) != sorted(PLACEHOLDER.findall(other[(ctx, src)])):
            found.append((ctx, src, "placeholders differ"))
    return found


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("langs", nargs="*", default=["ja", "ko"], help="catalogues to check (default: ja ko)")
    p.add_argument("--ref", default="zh_CN", help="reference catalogue (default: zh_CN)")
    p.add_argument("--folder", type=Path, default=FOLDER, help="folder of qcstation_*.ts")
    args = p.parse_args(argv)
    ref_path = args.folder / f"qcstation_{args.ref}.ts"
    if not ref_path.is_file():
        print(f"no reference catalogue {ref_path}", file=sys.stderr)
        return 2
    ref = load(ref_path)
    total = 0
    for lang in args.langs:
        path = args.folder / f"qcstation_{lang}.ts"
        if not path.is_file():
            print(f"{lang}: no catalogue {path}", file=sys.stderr)
            return 2
        found = problems(ref, load(path))
        total += len(found)
        print(f"{lang}: {len(found)} of {len(ref)} {args.ref} messages missing or unfinished")
        for ctx, src, why in found:
            print(f"  [{ctx}] {src!r}: {why}")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
