"""Issue 12 item 4: a huge posted image is decoded at the working size the model needs.

Before: a 7000² image was decoded in full and judged at full size (frame 147 MB, anomaly map and
region labels 196 MB each), so one request cost ~1 GB. Now JPEG is DCT-scaled at decode and other
formats are shrunk right after it, while answers, boxes and the stored original stay in original
pixels and the scores stay within a stated tolerance of the full-size judgement.
"""

from __future__ import annotations

import threading
import time
import tracemalloc
from concurrent.futures import Future
from pathlib import Path
from types import SimpleNamespace

import cv2
import numpy as np
import pytest

from inference.types import InspectionResult, PredictParams, Region
from inference.working_image import Geometry, decode_for_model, plan_decode
from tests.api.conftest import make_settings, serving

SIDE = 7000
SCORE_TOLERANCE = 0.01  # |normalized score (score / threshold) reduced − full|; measured ≤ 0.003
BOX_TOLERANCE = 0.01  # box edges, as a fraction of the image side; measured ≤ 0.002


def _big(path: Path, side: int = SIDE) -> np.ndarray:
    return cv2.resize(cv2.imread(str(path), cv2.IMREAD_COLOR), (side, side), interpolation=cv2.INTER_CUBIC)


def _encode(image: np.ndarray, ext: str) -> bytes:
    return cv2.imencode(ext, image)[1].tobytes()


def _boxes_close(a: tuple[Region, ...], b: tuple[Region, ...], side: int) -> bool:
    if len(a) != len(b):
        return False
    tol = BOX_TOLERANCE * side
    return all(abs(p - q) <= tol for ra, rb in zip(a, b, strict=True)
               for p, q in ((ra.x, rb.x), (ra.y, rb.y), (ra.x + ra.width, rb.x + rb.width),
                            (ra.y + ra.height, rb.y + rb.height)))


def test_geometry_keeps_roi_area_and_band_in_original_pixels():
    geo = Geometry(working=(1000, 500), original=(4000, 2000))  # 1/4 on both axes
    cfg = geo.cfg({"input_size": 256, "roi_x": 400, "roi_y": 800, "roi_width": 1200, "roi_height": 2000})
    assert (cfg["roi_x"], cfg["roi_y"], cfg["roi_width"], cfg["roi_height"]) == (100, 200, 300, 500)
    assert geo.cfg({"input_size": 256}) == {"input_size": 256}
    p = geo.params(PredictParams(threshold=2.0, pixel_threshold=1.5, min_detected_area=1600, ignore_outer=40))
    assert (p.min_detected_area, p.ignore_outer, p.threshold) == (100, 10, 2.0)
    r = geo.region(Region(x=10, y=20, width=5, height=6, area=25, score=3.0, normalized_score=1.5))
    assert (r.x, r.y, r.width, r.height, r.area, r.score) == (40, 80, 20, 24, 400, 3.0)
    edge = geo.region(Region(x=498, y=998, width=2, height=2, area=4, score=3.0, normalized_score=1.5))
    assert edge.x + edge.width == 2000 and edge.y + edge.height == 4000  # never outside the image


def test_only_images_far_larger_than_needed_are_reduced():
    cfg = {"input_size": 256, "resize": "area"}
    small = _encode(np.zeros((1944, 2592, 3), np.uint8), ".png")  # a 5 MP camera frame: as before
    assert not plan_decode(small, cfg=cfg, min_side=2048, max_pixels=0).reduced
    huge = _encode(np.zeros((6000, 8000, 3), np.uint8), ".jpg")
    plan = plan_decode(huge, cfg=cfg, min_side=2048, max_pixels=0)
    assert plan.reduced and plan.jpeg_factor == 2 and plan.working == (1536, 2048)
    assert not plan_decode(huge, cfg=cfg, min_side=0, max_pixels=0).reduced  # 0 = setting off
    assert not plan_decode(huge, cfg=None, min_side=2048, max_pixels=0).reduced  # model unknown
    # a model that analyses a small ROI at its input size needs more of the image than the floor
    roi = {**cfg, "roi_x": 0, "roi_y": 0, "roi_width": 1500, "roi_height": 1500}
    assert plan_decode(huge, cfg=roi, min_side=2048, max_pixels=0).scale == pytest.approx(2 * 256 / 1500)
    small_roi = {**roi, "roi_width": 1000, "roi_height": 1000}  # would need > ½: decoded in full
    assert not plan_decode(huge, cfg=small_roi, min_side=2048, max_pixels=0).reduced


def test_a_huge_jpeg_never_exists_at_full_size():
    data = _encode(cv2.resize(np.arange(256, dtype=np.uint8).reshape(16, 16), (SIDE, SIDE))[:, :, None]
                   .repeat(3, axis=2), ".jpg")
    import inference.features  # noqa: F401 - torch imported before tracing (run alone, it was not yet)

    tracemalloc.start()
    try:
        decoded = decode_for_model(data, cfg={"input_size": 256}, min_side=2048, max_pixels=80_000_000)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert decoded.image.shape == (2048, 2048, 3) and decoded.source.shape == (SIDE, SIDE)
    assert decoded.source.data == data and decoded.source.extension == "jpg"
    assert peak < 60 * 2**20, f"decode peak {peak / 2**20:.0f} MB (a full frame is 147 MB)"


def test_reduced_scores_match_the_full_size_judgement(trained_model, bottle_images):
    """Real bottle parts upscaled to 7000² (JPEG and PNG): the verdict is the same, the normalised
    score within SCORE_TOLERANCE and the boxes within BOX_TOLERANCE of judging the full frame."""
    from inference.imageio import decode_image

    cfg = trained_model.config
    for path in (bottle_images["ok"][0], bottle_images["ng"][0]):
        big = _big(path)
        for ext in (".jpg", ".png"):
            data = _encode(big, ext)
            full = trained_model.predict([decode_image(data)])[0]
            d = decode_for_model(data, cfg=cfg, min_side=2048, max_pixels=80_000_000)
            assert d.source is not None and max(d.image.shape[:2]) == 2048
            red = trained_model.predict([d.image], original_shapes=[d.source.shape])[0]
            assert red.image_shape == (SIDE, SIDE) and red.verdict == full.verdict, (path.name, ext)
            assert abs(red.normalized_score - full.normalized_score) <= SCORE_TOLERANCE, (
                path.name, ext, red.normalized_score, full.normalized_score)
            assert _boxes_close(red.regions, full.regions, SIDE), (path.name, ext, red.regions, full.regions)
    assert full.verdict == "NG" and full.regions  # the NG part really was found in both


def test_huge_jpeg_over_http_costs_a_working_image_and_answers_in_original_pixels(
        tmp_path, trained_model, bottle_images):
    """Before: 3.5 GB of numpy arrays for this one request (full frame, full-size map, labels and
    float overlays), 39 s on the 2-core PC; now a working image's worth, ~1 s."""
    data = _encode(_big(bottle_images["ng"][0]), ".jpg")
    settings = make_settings(tmp_path, **{"storage.save_images": "all"})
    with serving(settings, trained_model) as (station, _server, client):
        client.post("/analyze_image", content=_encode(_big(bottle_images["ok"][0], 900), ".png"))  # warm
        tracemalloc.start()
        try:
            r = client.post("/analyze_image?response_type=annotated_image", content=data, timeout=120)
            _current, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert r.status_code == 200, r.text
        import base64
        import json

        context = json.loads(base64.b64decode(r.headers["ContextBase64utf"]).decode())
        assert context["imageShape"] == {"height": SIDE, "width": SIDE}
        assert context["verdict"] == "NG" and context["detectedRectangles"]
        for rect in context["detectedRectangles"]:
            assert rect["x"] >= 0 and rect["x"] + rect["width"] <= SIDE
            assert rect["y"] >= 0 and rect["y"] + rect["height"] <= SIDE
        # measured: 155 MB now; 3,507 MB (and 39 s) before, when frame, map and overlays were 7000²
        assert peak < 256 * 2**20, f"{peak / 2**20:.0f} MB of arrays for one 7000² JPEG"
        annotated = cv2.imdecode(np.frombuffer(r.content, np.uint8), cv2.IMREAD_UNCHANGED)
        assert annotated.shape[:2] == (2048, 2048)  # the overlay is drawn on the working image

        record_id = context["record_id"]
        end = time.monotonic() + 60
        while (rec := station.database.get(record_id)).image_path is None:
            assert time.monotonic() < end, "images never attached"
            threading.Event().wait(0.05)
        stored = station.image_store.resolve(rec.image_path)
        assert stored.suffix == ".jpg" and stored.read_bytes() == data  # the original itself, 7000²
        assert rec.extra["image_size"] == [SIDE, SIDE]
        regions = [tuple(rr[k] for k in ("x", "y", "width", "height")) for rr in rec.regions]
        assert regions == [(d["x"], d["y"], d["width"], d["height"]) for d in context["detectedRectangles"]]

    full = trained_model.predict([data])[0]  # the old way, for the coordinates
    assert abs(context["normalized_score"] - full.normalized_score) <= SCORE_TOLERANCE
    got = tuple(Region(d["x"], d["y"], d["width"], d["height"], d["area"], d["score"], d["normalized_score"])
                for d in context["detectedRectangles"])
    assert _boxes_close(got, full.regions, SIDE)


def test_the_budget_keeps_only_the_working_image_once_a_png_is_decoded():
    """A PNG cannot be scaled while decoding: the full frame is reserved for the decode, then the
    reservation drops to what the working image costs while it is judged."""
    from api import images, inspection
    from api.budget import ByteBudget

    data = _encode(np.full((SIDE, SIDE, 3), 90, np.uint8), ".png")  # ~150 kB, 49 MP
    settings = make_settings(Path("/nonexistent"))
    station = SimpleNamespace(model=SimpleNamespace(config={"input_size": 256, "resize": "area"}))
    seen: dict = {}

    def inspect(image, **kw):
        seen.update(image=image, used=budget.used, **kw)
        return Future()

    station.inspect = inspect
    budget = ByteBudget(512 << 20)
    posted = images.EncodedImage(data, 80_000_000, station, settings)
    reserved = posted.cost()
    assert reserved >= SIDE * SIDE * 3  # the full frame exists inside the decode
    inspection.submit(station, posted.decode, name="x", part_id=None, budget=budget, cost=posted.cost)
    assert seen["image"].shape == (2048, 2048, 3) and seen["original"].shape == (SIDE, SIDE)
    assert seen["used"] == inspection.retained_cost(seen["image"]) < reserved // 2


def test_overlays_draw_original_pixel_boxes_on_a_working_image():
    from inference.visualize import annotate

    amap = np.zeros((100, 200), np.float32)
    result = InspectionResult(
        verdict="NG", score=2.0, normalized_score=2.0, confidence=0.9, threshold=1.0, anomaly_map=amap,
        regions=(Region(x=1000, y=400, width=200, height=100, area=20000, score=2.0, normalized_score=2.0),),
        image_shape=(1000, 2000), model_id="m")
    out = annotate(np.zeros((100, 200, 3), np.uint8), result, opacity=0)
    red = np.argwhere((out[:, :, 2] > 200) & (out[:, :, 0] < 80))
    box = red[(red[:, 0] >= 40)]  # the box (its label sits above it)
    assert box[:, 0].min() == 40 and box[:, 1].min() == 100
    assert box[:, 0].max() == 49 and box[:, 1].max() == 119


def test_live_view_scales_original_pixel_regions_onto_the_working_image():
    from ui.live_shown import Shown

    result = SimpleNamespace(
        anomaly_map=np.zeros((100, 200), np.float32), threshold=1.0, score=2.0, image_shape=(1000, 2000),
        regions=(Region(x=1000, y=400, width=200, height=100, area=1, score=2.0, normalized_score=2.0),))
    insp = SimpleNamespace(result=result, image=np.zeros((100, 200, 3), np.uint8), record=SimpleNamespace(score=2.0))
    shown = Shown.from_inspection(insp, prepare=False)
    r = shown.regions[0]
    assert (r["x"], r["y"], r["width"], r["height"]) == (100, 40, 20, 10)


def test_an_uncompressed_upload_keeps_a_full_size_jpeg_not_its_raw_bytes():
    """A 190 MB BMP judged at a working size: the history gets a JPEG of the full frame (as every
    original was stored before), not 190 MB as posted; PNG and JPEG keep the posted bytes."""
    rng = np.random.default_rng(1)
    frame = cv2.resize(rng.integers(0, 255, (60, 60, 3), dtype=np.uint8), (1200, 1000))
    cfg = {"input_size": 256, "resize": "area"}
    bmp = decode_for_model(_encode(frame, ".bmp"), cfg=cfg, min_side=512, max_pixels=0)
    assert bmp.image.shape == (480, 576, 3) and bmp.source.format == "JPEG"  # 2 × the model input
    stored = cv2.imdecode(np.frombuffer(bmp.source.data, np.uint8), cv2.IMREAD_UNCHANGED)
    assert stored.shape == (1000, 1200, 3) and np.abs(stored.astype(int) - frame).mean() < 3
    png = _encode(frame, ".png")
    assert decode_for_model(png, cfg=cfg, min_side=512, max_pixels=0).source.data == png


_RSS_CHILD = """
import resource, sys
import cv2, numpy as np
import inference.features  # torch, imported before the baseline
from inference.working_image import decode_for_model
data = cv2.imencode(".png", np.full((7000, 7000, 3), 90, np.uint8))[1].tobytes()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
d = decode_for_model(data, cfg={"input_size": 256, "resize": "area"}, min_side=2048, max_pixels=80_000_000)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(d.image.shape, (peak - base) * 1024)
"""


def test_a_huge_png_never_exists_at_full_size_inside_its_decode():
    """Measured as the decoding process's peak RSS, 7000² RGB flat: a full read then resize
    +142 MiB (one frame), OpenCV's reduced read at 1/2 +37 MiB (a quarter: the half-size frame)."""
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", _RSS_CHILD], capture_output=True, text=True, timeout=120,
                         cwd=Path(__file__).resolve().parents[2], check=True).stdout.split()
    frame = SIDE * SIDE * 3
    assert " ".join(out[:3]) == "(2048, 2048, 3)"
    assert int(out[3]) < 0.5 * frame, f"decode peak +{int(out[3]) / 2**20:.0f} MB, a frame is {frame / 2**20:.0f} MB"


def test_only_8_bit_grey_or_rgb_png_and_tiff_take_the_reduced_read():
    cfg = {"input_size": 256, "resize": "area"}

    def plan(image, ext):
        return plan_decode(_encode(image, ext), cfg=cfg, min_side=2048, max_pixels=0)

    rgb = np.full((5000, 5000, 3), 90, np.uint8)
    assert plan(rgb, ".png").lossless_factor == 2 and plan(rgb, ".tif").lossless_factor == 2
    assert plan(rgb[:, :, 0], ".png").lossless_factor == 2  # grey
    for kind in (rgb.astype(np.uint16) * 200, np.dstack([rgb, rgb[:, :, :1]])):  # 16-bit, alpha: as before
        assert plan(kind, ".png").lossless_factor == 1 and plan(kind, ".tif").lossless_factor == 1
    small = plan(rgb[:1000, :1000], ".png")
    assert not small.reduced and small.lossless_factor == 1  # not reduced: read as before
    d = decode_for_model(_encode(rgb[:, :, 0], ".png"), cfg=cfg, min_side=2048, max_pixels=0)
    assert d.image.shape == (2048, 2048) and d.image.dtype == np.uint8 and int(d.image.mean()) == 90
    d16 = decode_for_model(_encode(rgb.astype(np.uint16) * 200, ".png"), cfg=cfg, min_side=2048, max_pixels=0)
    assert d16.image.dtype == np.uint16 and d16.image.shape == (2048, 2048, 3)
