"""Part alignment: the part is found, turned and framed; maps and masks come back to where it lies."""

from __future__ import annotations

import math

import cv2
import numpy as np
import pytest

from inference import load, train
from inference.algorithms import get_spec
from inference.alignment import fit_alignment, from_frame, locate, to_frame
from inference.features import prepare

SIZE = 240


def _part(angle: float, cx: float, cy: float, *, seed: int = 0, notch: bool = False,
          shape: tuple[int, int] = (SIZE, SIZE)) -> np.ndarray:
    """A dark 'screw' (a head disc and a threaded shaft) on a light, slightly noisy background.

    ``angle``: head → tip direction in degrees (image coordinates, y down). ``notch``: a bright bite
    out of the shaft, 60 % of the way to the tip."""
    rng = np.random.default_rng(seed)
    img = np.full((*shape, 3), 200, np.uint8)
    img = np.clip(img.astype(np.int16) + rng.integers(-6, 7, img.shape), 0, 255).astype(np.uint8)
    a = math.radians(angle)
    ux, uy = math.cos(a), math.sin(a)
    vx, vy = -uy, ux

    def at(u: float, v: float) -> tuple[int, int]:
        return int(round(cx + u * ux + v * vx)), int(round(cy + u * uy + v * vy))

    length, half = 110, 7
    cv2.fillPoly(img, [np.array([at(-35, -half), at(length - 35, -half), at(length - 25, 0), at(length - 35, half),
                                 at(-35, half)], np.int32)], (60, 60, 60))
    cv2.circle(img, at(-38, 0), 16, (50, 50, 50), -1)
    for u in range(0, length - 40, 9):  # thread crests
        cv2.line(img, at(u, -half - 4), at(u + 4, half + 4), (40, 40, 40), 2)
    if notch:
        cv2.circle(img, at(0.6 * (length - 35), half), 6, (210, 210, 210), -1)
    return img


def _angle_diff(a: float, b: float) -> float:
    return abs((a - b + 180) % 360 - 180)


@pytest.mark.parametrize("angle", [0, 37, 90, 145, 200, 290])
def test_locate_finds_position_and_head_to_tip_direction(angle):
    img = _part(angle, 110, 125, seed=angle)
    pose = locate(img)
    assert pose is not None
    assert _angle_diff(pose.angle, angle) < 4, (pose.angle, angle)
    assert pose.elongation > 2
    # the centroid lies on the axis, a little toward the heavy head
    a = math.radians(angle)
    along = (pose.cx - 110) * math.cos(a) + (pose.cy - 125) * math.sin(a)
    across = -(pose.cx - 110) * math.sin(a) + (pose.cy - 125) * math.cos(a)
    assert abs(across) < 2 and -30 < along < 20


def test_locate_refuses_images_without_one_isolated_part():
    rng = np.random.default_rng(3)
    texture = rng.integers(0, 255, (SIZE, SIZE, 3), dtype=np.uint8)  # a frame-filling surface
    assert locate(texture) is None
    assert locate(np.full((SIZE, SIZE, 3), 128, np.uint8)) is None  # nothing at all
    two = _part(0, 70, 60)
    two[140:200, 20:220] = 50  # a second, larger dark object: the "part" is no longer one component
    two[150:190, 60:180] = 200
    assert locate(two) is None


def test_fit_rotates_parts_at_any_angle_and_frames_them():
    rng = np.random.default_rng(0)
    imgs = [_part(float(rng.uniform(0, 360)), rng.uniform(100, 140), rng.uniform(100, 140), seed=i) for i in range(12)]
    params, stats = fit_alignment(imgs)
    assert params["align"] == "rotate"
    assert stats["align_located"] == 12 and stats["align_angle_spread"] > 30
    # the frame fits a 150-px part lying along x: wide and low
    assert 0.6 < params["align_width"] < 1.0 and 0.15 < params["align_height"] < 0.4
    cfg = dict(params)
    frames = [to_frame(im, cfg)[0] for im in imgs]
    assert len({f.shape for f in frames}) == 1
    # every part now points the same way: the frames agree far better than the images did
    spread_before = np.std(np.stack([cv2.cvtColor(im, cv2.COLOR_BGR2GRAY) for im in imgs]).astype(np.float32), axis=0)
    spread_after = np.std(np.stack([cv2.cvtColor(f, cv2.COLOR_BGR2GRAY) for f in frames]).astype(np.float32), axis=0)
    assert spread_after.mean() < 0.5 * spread_before.mean()


def test_fit_translates_only_when_the_orientation_is_fixed_and_leaves_frame_filling_parts_alone():
    rng = np.random.default_rng(1)
    fixed = [_part(30 + float(rng.normal(0, 1)), rng.uniform(90, 150), rng.uniform(90, 150), seed=i) for i in range(12)]
    params, _ = fit_alignment(fixed)
    assert params["align"] == "translate"
    textures = [rng.integers(0, 255, (SIZE, SIZE, 3), dtype=np.uint8) for _ in range(12)]
    params, stats = fit_alignment(textures)
    assert params == {"align": "none", "align_width": 1.0, "align_height": 1.0}
    assert "not aligned" in stats["align_note"]


def test_frame_round_trip_puts_map_values_back_on_the_part():
    img = _part(123, 120, 118, seed=5)
    params, _ = fit_alignment([_part(a, 120, 118, seed=a) for a in range(0, 360, 30)])
    framed, m = to_frame(img, params)
    assert m is not None
    grey = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY).astype(np.float32)
    back = from_frame(cv2.cvtColor(framed, cv2.COLOR_BGR2GRAY).astype(np.float32), m, img.shape[:2])
    inside = from_frame(np.ones(framed.shape[:2], np.float32), m, img.shape[:2]) > 0.999  # not the blended rim
    assert abs(float(back[inside].mean() - grey[inside].mean())) < 3
    assert float(np.abs(back[inside] - grey[inside]).mean()) < 6
    # the whole part is inside the frame
    part = grey < 120
    assert inside[part].mean() > 0.99


def test_masks_follow_the_part_into_the_network_geometry():
    params = fit_alignment([_part(a, 120, 120, seed=a) for a in range(0, 360, 30)])[0]
    cfg = {**get_spec("patchcore").resolve({}), **params}
    img = _part(250, 120, 120, seed=9)
    p = prepare(img, cfg)
    assert p.warp is not None and p.frame is not None
    dark = (cv2.cvtColor(img, cv2.COLOR_BGR2GRAY) < 120).astype(np.float32)
    in_net = p.to_input(dark) > 0.5
    # the network sees the part along x: the mask's extent is wide, not tall
    ys, xs = np.nonzero(in_net)
    assert xs.max() - xs.min() > 2.5 * (ys.max() - ys.min())
    # and the same pixels are dark in the prepared tensor (tensor is (x − 127) / 128)
    pad = int(cfg["pad"])
    t = p.tensor.mean(axis=0)[pad:-pad, pad:-pad]  # without the mirrored border
    assert float(t[in_net].mean()) < -0.3 < float(t[~in_net].mean())


@pytest.fixture(scope="module")
def aligned_model():
    rng = np.random.default_rng(7)
    ok = [_part(float(rng.uniform(0, 360)), rng.uniform(100, 140), rng.uniform(100, 140), seed=100 + i) for i in range(14)]
    return train(ok, parameters={"align": "auto", "input_size": 128, "synthetic_check": False}, device="cpu")


def test_training_decides_and_stores_the_alignment(aligned_model, tmp_path):
    cfg = aligned_model.config
    assert cfg["align"] == "rotate" and cfg["align_width"] < 1.0
    assert aligned_model.info.stats["align_located"] == 14
    path = aligned_model.save(tmp_path / "aligned.qcs")
    again = load(path, device="cpu")
    assert again.config["align"] == "rotate" and again.config["align_width"] == cfg["align_width"]
    img = _part(77, 115, 130, seed=999, notch=True)
    assert np.array_equal(aligned_model.anomaly_maps([img])[0], again.anomaly_maps([img])[0])


def test_defect_on_a_turned_part_is_found_where_it_is(aligned_model):
    angle, cx, cy = 212.0, 118.0, 124.0
    ok = [_part(a, cx, cy, seed=500 + int(a)) for a in (20.0, 160.0, 300.0)]
    ng = _part(angle, cx, cy, seed=777, notch=True)
    maps = aligned_model.anomaly_maps(ok + [ng])
    assert maps[-1].shape == ng.shape[:2]  # the map is in the image's own pixels
    assert float(maps[-1].max()) > 1.2 * max(float(m.max()) for m in maps[:-1])
    # the hottest pixel sits on the notch (drawn 0.6 of the way to the tip, on the shaft's +v side)
    a = math.radians(angle)
    u, v = 0.6 * (110 - 35), 7
    nx, ny = cx + u * math.cos(a) - v * math.sin(a), cy + u * math.sin(a) + v * math.cos(a)
    py, px = np.unravel_index(int(np.argmax(maps[-1])), maps[-1].shape)
    assert math.hypot(px - nx, py - ny) < 20, ((px, py), (nx, ny))


def test_default_and_old_bundles_do_not_align(trained_model):
    assert get_spec("patchcore").resolve({})["align"] in ("none", "auto")
    assert trained_model.config["align"] == "none"  # a bottle fills its frame: nothing to align
    for bad in ({"align": "sideways"}, {"align_width": 0.0}, {"align_height": 1.6}):
        with pytest.raises(ValueError):
            get_spec("patchcore").resolve(bad)


def test_cli_summary_reports_the_alignment(aligned_model):
    from station.commands import _describe_calibration

    text = _describe_calibration(aligned_model)
    assert "part alignment: rotated to its axis, centred and cropped (14 of 14 OK images" in text
