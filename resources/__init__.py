"""Bundled resources (icons, translations, OpenAPI page assets, sample model).

``resource_path`` is the one way to find them, so the same code works from a checkout,
an installed wheel and a PyInstaller bundle (where files live under ``sys._MEIPASS``).
"""

from __future__ import annotations

import sys
from pathlib import Path


def resource_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent


def resource_path(*parts: str) -> Path:
    """Absolute path of a bundled resource, e.g. ``resource_path("i18n", "qcstation_zh_CN.qm")``."""
    return resource_root().joinpath(*parts)
