"""Issue 12 item 4 on the machine API: ``/api/v1`` images are decoded like the PEKAT routes'.

Before: ``POST /api/v1/items`` decoded every upload in full just to check it, and a prediction job
decoded each stored image in full and judged it at full size, all outside ``limits.memory_budget_mb``.
Now uploads are checked at the least memory their format allows within the budget (bytes stored as
posted) and predictions are judged at the working size with regions in original pixels.
"""

from __future__ import annotations

import time
import tracemalloc
from dataclasses import replace

import cv2
import numpy as np
import pytest

from inference.working_image import Geometry
from tests.api.conftest import make_settings, serving
from tests.api.fakes import BrightSpotModel

SIDE = 7000
SPOT = (3500, 1400, 350, 280)  # x, y, width, height in original pixels


class WorkingSizeModel(BrightSpotModel):
    """The bright-spot model with a model config (so huge images are reduced for it), answering
    in original pixels like ``AnomalyModel.predict(original_shapes=...)``; records what it saw."""

    config = {"input_size": 256, "resize": "area"}

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[int, int]] = []

    def predict(self, images, params=None, original_shapes=None):
        self.seen += [tuple(im.shape[:2]) for im in images]
        out = super().predict(images, params)
        for i, shape in enumerate(original_shapes or []):
            geo = Geometry.between(out[i].image_shape, shape)
            if geo is not None:
                out[i] = replace(out[i], image_shape=tuple(shape),
                                 regions=tuple(geo.region(r) for r in out[i].regions))
        return out


def _huge(spot: bool = True) -> np.ndarray:
    image = np.full((SIDE, SIDE), 60, np.uint8)
    if spot:
        x, y, w, h = SPOT
        image[y:y + h, x:x + w] = 250
    return image


def _wait(predicate, what: str, timeout: float = 60.0):
    end = time.monotonic() + timeout
    while not (value := predicate()):
        assert time.monotonic() < end, f"timed out waiting for {what}"
        time.sleep(0.05)
    return value


@pytest.fixture
def machine(tmp_path):
    model = WorkingSizeModel()
    with serving(make_settings(tmp_path, **{"storage.save_images": "none"}), model) as (station, server, client):
        yield model, server, client


def _add(client, data: bytes, name: str, training: str = "false"):
    r = client.post("/api/v1/items/", data={"training": training},
                    files=[("files[]", (name, data, "application/octet-stream"))], timeout=120)
    assert r.status_code == 201, r.text
    return r.json()["data"]["item_ids"][0]


def test_a_huge_prediction_item_is_judged_at_working_size_in_original_pixels(machine):
    model, server, client = machine
    decodes = server.app.state.budget
    item = _add(client, cv2.imencode(".png", _huge())[1].tobytes(), "huge.png")
    assert client.post("/api/v1/models/active/predict", json={"item_ids": [item]}).status_code == 200
    got = _wait(lambda: client.get(f"/api/v1/items/{item}").json()["data"]["assessments"], "assessment")
    assert model.seen == [(2048, 2048)]  # before: (7000, 7000)
    (a,) = got
    assert a["result"] == "NG" and len(a["annotations"]) == 1
    box = a["annotations"][0]
    x, y, w, h = SPOT
    tol = 0.002 * SIDE
    assert abs(box["x_min"] - x) <= tol and abs(box["x_max"] - (x + w)) <= tol, box
    assert abs(box["y_min"] - y) <= tol and abs(box["y_max"] - (y + h)) <= tol, box
    assert decodes.peak >= SIDE * SIDE  # the PNG's full frame was reserved while it was decoded
    assert _wait(lambda: decodes.used == 0, "the reservation to end")


def test_a_huge_jpeg_upload_is_checked_without_its_full_frame(machine):
    _model, server, client = machine
    colour = cv2.cvtColor(_huge(), cv2.COLOR_GRAY2BGR)
    data = cv2.imencode(".jpg", colour)[1].tobytes()
    del colour
    tracemalloc.start()
    try:
        item = _add(client, data, "huge.jpg", training="true")
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 60 * 2**20, f"{peak / 2**20:.0f} MB of arrays to check one 7000² JPEG (full frame: 147 MB)"
    image = client.get(f"/api/v1/items/{item}").json()["data"]["images"][0]
    assert (image["width"], image["height"], image["file_size"]) == (SIDE, SIDE, len(data))
    stored = client.get(f"/api/v1/items/{item}/images/0")
    assert stored.content == data  # the training set keeps the original bytes
    assert server.app.state.budget.peak > 0 and server.app.state.body_budget.peak >= len(data)


def test_a_huge_png_upload_is_checked_within_the_memory_budget(tmp_path):
    """A PNG cannot be decoded reduced: its check reserves the full frame; one that does not fit
    the budget at all is refused (413) before it is decoded, and nothing is stored."""
    data = cv2.imencode(".png", cv2.cvtColor(_huge(), cv2.COLOR_GRAY2BGR))[1].tobytes()
    settings = make_settings(tmp_path, **{"storage.save_images": "none", "limits.memory_budget_mb": 1024})
    with serving(settings, WorkingSizeModel()) as (_station, server, client):
        decodes, bodies = server.app.state.budget, server.app.state.body_budget
        _add(client, data, "huge.png", training="true")
        assert decodes.peak >= SIDE * SIDE * 3 and bodies.peak >= len(data)  # before: 0, nothing reserved
        assert decodes.used == 0 and bodies.used == 0
    settings = make_settings(tmp_path / "small", **{"storage.save_images": "none", "limits.memory_budget_mb": 256})
    with serving(settings, WorkingSizeModel()) as (_station, server, client):
        r = client.post("/api/v1/items/", data={"training": "true"},
                        files=[("files[]", ("huge.png", data, "image/png"))])
        assert r.status_code == 413 and "memory budget" in r.json()["errors"]["detail"], r.text
        assert client.get("/api/v1/items/?item_type=training").json()["data"]["items"] == []


def test_item_uploads_stream_within_the_upload_limits(tmp_path):
    """Before: ``request.form()`` spooled every part in full whatever its size."""
    settings = make_settings(tmp_path, **{"storage.save_images": "none", "limits.upload_file_max_mb": 1})
    with serving(settings, WorkingSizeModel()) as (_station, _server, client):
        r = client.post("/api/v1/items/", data={"training": "true"},
                        files=[("files[]", ("big.png", b"\x89PNG\r\n\x1a\n" + bytes(2 << 20), "image/png"))])
        assert r.status_code == 413 and "per file" in r.json()["errors"]["detail"], r.text
        assert client.get("/api/v1/items/?item_type=training").json()["data"]["items"] == []
