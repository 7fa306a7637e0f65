"""Models page: the active model is listed even outside the library (the sample model), and a
changeover drops the old product's preview image."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from tests.ui.gui_station import bridged_station, close_gui_station
from tests.ui.test_models_page import _second_model, shown_models_page

pytestmark = pytest.mark.timeout(240)


@pytest.fixture
def env(qtbot, tmp_path, trained_model_path):
    elsewhere = tmp_path / "samples"
    elsewhere.mkdir()
    sample = Path(shutil.copy(trained_model_path, elsewhere / "sample-part.qcs"))  # like the sample model
    station, db, settings, bridge = bridged_station(tmp_path, sample)
    settings.models_dir.mkdir(parents=True)
    other = _second_model(sample, settings.models_dir / "other.qcs", "other-id", "other product")
    page = shown_models_page(qtbot, bridge, settings)
    yield page, station, sample, other
    close_gui_station(bridge, db, page)


def test_active_model_outside_the_library_is_listed(env):
    page, _station, sample, other = env
    paths = [e.path for e in page.entries]
    assert sample in paths and other in paths


def test_changeover_drops_the_old_products_preview(qtbot, env):
    page, station, _sample, other = env
    page.set_preview_image(np.full((64, 64, 3), 90, np.uint8), "old-product.png")
    assert page.preview_image is not None
    with qtbot.waitSignal(page.bridge.modelChanged, timeout=30_000):
        station.load_model(other)
    qtbot.waitUntil(lambda: page.preview_image is None, timeout=10_000)
    assert page.preview_info.text() == "" and not page.preview_view.has_image()
