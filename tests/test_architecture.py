"""The dependency direction holds: headless rooms never import Qt, lower rooms never import upper ones."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# room -> top-level modules it must not import
FORBIDDEN = {
    "inference": {"PySide6", "pyqtgraph", "station", "storage", "camera", "api", "ui", "widgets"},
    "storage": {"PySide6", "pyqtgraph", "station", "camera", "api", "ui", "widgets"},
    "camera": {"PySide6", "pyqtgraph", "station", "storage", "inference", "api", "ui", "widgets"},
    "station": {"PySide6", "pyqtgraph", "api", "ui", "widgets"},
    "api": {"PySide6", "pyqtgraph", "ui", "widgets"},
    "widgets": {"station", "api", "ui"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("room", sorted(FORBIDDEN))
def test_room_imports_only_downwards(room):
    bad = []
    for path in sorted((ROOT / room).rglob("*.py")):
        hits = _imports(path) & FORBIDDEN[room]
        if hits:
            bad.append(f"{path.relative_to(ROOT)} imports {sorted(hits)}")
    assert not bad, "\n".join(bad)
