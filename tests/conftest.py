"""Shared fixtures: isolated config/data dirs, the real industrial dataset, a trained model.

Every test runs with its own QCS_CONFIG_DIR / QCS_DATA_DIR so nothing touches the user's files.
Tests that need ../shared/datasets get it through :func:`require_data` (the ``datasets`` and
``require_dataset`` fixtures): a missing folder skips them on a developer's PC, but under
``CI=true`` it fails the run, so CI can never go green while testing a fifth less.
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


def in_ci(env: dict[str, str] | None = None) -> bool:
    value = (os.environ if env is None else env).get("CI", "")
    return value.strip().lower() in ("1", "true", "yes")


def require_data(path: Path, what: str, env: dict[str, str] | None = None) -> Path:
    """``path`` when it exists; else skip the test, or fail it under ``CI=true``."""
    if path.exists():
        return path
    message = f"{what} not found: {path} (the shared datasets sit beside the repository in ../shared/datasets)"
    if in_ci(env):
        pytest.fail(f"{message}; CI=true, so a missing dataset fails the run", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def datasets() -> Path:
    return require_data(DATASETS, "dataset folder")


@pytest.fixture(scope="session")
def require_dataset(datasets):
    """``require_dataset("magnetic_tile")`` → that category's folder (skip / CI failure when missing)."""

    def need(*parts: str) -> Path:
        return require_data(datasets.joinpath(*parts), "dataset " + "/".join(parts))

    return need


pytest_plugins = ["tests.model_fixtures"]
