"""Issue 12 item 5: the image quota holds after every save, not every 50th."""

from __future__ import annotations

import os
import time

import numpy as np

from station.core import Station
from tests.api.conftest import make_settings
from tests.api.fakes import BrightSpotModel


def _disk_bytes(root) -> int:
    total = 0
    for folder, _dirs, files in os.walk(root):
        total += sum(os.path.getsize(os.path.join(folder, f)) for f in files)
    return total


def test_quota_is_never_exceeded(tmp_path):
    settings = make_settings(tmp_path, **{"storage.quota_mb": 1, "storage.save_images": "all",
                                          "storage.min_free_mb": 0})
    rng = np.random.default_rng(0)
    quota = 1 << 20
    peak = 0
    with Station(settings, model=BrightSpotModel()) as station:
        images_dir = settings.data_dir / "images"
        for i in range(40):
            noise = rng.integers(0, 180, (300, 300, 3), dtype=np.uint8)  # ~100 kB as JPEG q95
            station.inspect_sync(noise, source="cli", name=f"n{i}")
            # the images of record i are written after its answer: wait for them, then measure
            end = time.monotonic() + 10.0
            while station.database.get(i + 1).image_path is None and time.monotonic() < end:
                time.sleep(0.01)
            peak = max(peak, _disk_bytes(images_dir))
        assert station.database.get(40).image_path is not None
    assert peak <= quota, f"image store peaked at {peak} bytes, quota {quota}"
