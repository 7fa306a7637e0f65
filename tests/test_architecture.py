"""The dependency direction holds: the import-linter contracts in pyproject.toml pass on this tree,
and the same contracts do catch an upward import, Qt below ui/, the UI reaching the endpoint, and a
cycle (checked on a small throw-away tree, so this test can fail)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _lint_imports() -> str:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.fail("lint-imports is missing: install the dev extras (pip install -e '.[dev]')")
    return exe


def _run(cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([_lint_imports(), "--no-cache"], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_the_tree_keeps_every_contract():
    proc = _run(ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 broken" in proc.stdout


def test_the_contracts_catch_violations(tmp_path):
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    for package in config["root_packages"]:
        (tmp_path / package).mkdir()
        (tmp_path / package / "__init__.py").write_text("")
    bad = {
        "storage/records.py": "import station\n",          # upwards
        "inference/view.py": "import PySide6.QtGui\n",    # Qt in a headless room
        "ui/page.py": "import api\n",                      # UI and endpoint are independent
        "station/one.py": "from station import two\n",    # a cycle
        "station/two.py": "from station import one\n",
    }
    for rel, text in bad.items():
        (tmp_path / rel).write_text(text)
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(text[text.index("[tool.importlinter]"):], encoding="utf-8")
    proc = _run(tmp_path)
    out = proc.stdout
    assert proc.returncode != 0, out
    assert "Rooms import downwards only BROKEN" in out
    assert "storage.records -> station" in out and "ui.page -> api" in out
    assert "No Qt below ui/ and widgets/ (serve runs without a display) BROKEN" in out
    assert "No import cycles between the modules of a room BROKEN" in out
