"""Shared fixtures: isolated config/data dirs, the real industrial dataset, a trained model.

Every test runs with its own QCS_CONFIG_DIR / QCS_DATA_DIR so nothing touches the user's files.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
DATASETS = Path(os.environ.get("QCS_DATASETS", ROOT.parent / "shared" / "datasets" / "real_industrial"))


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("QCS_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("QCS_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture(scope="session")
def datasets() -> Path:
    if not DATASETS.is_dir():
        pytest.skip(f"dataset folder not found: {DATASETS}")
    return DATASETS


pytest_plugins = ["tests.model_fixtures"]
