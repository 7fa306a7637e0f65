"""The procedural defect generator: every kind is visible, inside the part, and its mask is right."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from inference.imageio import list_images, read_image
from inference.synthetic import KINDS, make_defect, part_mask


def _flat(colour: bool) -> np.ndarray:
    rng = np.random.default_rng(1)
    base = np.full((200, 260, 3), (90, 120, 160) if colour else (128, 128, 128), np.float32)
    return np.clip(base + rng.normal(0, 4, base.shape), 0, 255).astype(np.uint8)


def _object_on_background() -> np.ndarray:
    img = np.full((240, 240, 3), 30, np.uint8)
    cv2.circle(img, (120, 120), 80, (150, 160, 170), -1)
    return img


def _check(img: np.ndarray, kind: str, seed: int) -> None:
    part = part_mask(img if img.ndim == 3 else cv2.cvtColor(img, cv2.COLOR_GRAY2BGR))
    out, mask = make_defect(img, kind, np.random.default_rng(seed), part)
    assert out.shape == img.shape and out.dtype == np.uint8
    assert mask.dtype == np.uint8 and mask.shape == img.shape[:2] and set(np.unique(mask)) <= {0, 255}
    m = mask > 0
    assert m.sum() >= 3, kind
    assert m.mean() <= 0.08, kind  # a few px up to a few % of the part
    assert not (m & (part == 0)).any(), f"{kind} outside the part"
    diff = np.abs(out.astype(np.int16) - img.astype(np.int16))
    diff = diff.max(axis=2) if diff.ndim == 3 else diff
    # a brightness patch is the subtle kind by nature (uneven lighting, "uneven" tiles): a lower bar
    assert diff[m].mean() >= (12 if kind == "brightness" else 20), f"{kind} not visible ({diff[m].mean():.1f})"
    near = cv2.dilate(mask, np.ones((9, 9), np.uint8)) > 0
    assert diff[~near].max(initial=0) <= 12, f"{kind} changed pixels far outside its mask"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("surface", ["grey", "colour", "object"])
def test_each_kind_is_visible_inside_the_part_with_a_right_mask(kind, surface):
    img = {"grey": lambda: cv2.cvtColor(_flat(False), cv2.COLOR_BGR2GRAY), "colour": lambda: _flat(True),
           "object": _object_on_background}[surface]()
    for seed in range(4):
        _check(img, kind, seed)


def test_part_mask_finds_an_object_on_a_uniform_background_and_the_frame_otherwise():
    obj = part_mask(_object_on_background())
    assert obj[120, 120] == 255 and obj[5, 5] == 0 and obj[120, 230] == 0
    assert 0.25 < obj.mean() / 255 < 0.45
    assert part_mask(_flat(True)).all()


def test_on_real_parts(datasets):
    """Bottle (colour object on a dark background) and kolektor (grey, frame-filling)."""
    for cat in ("bottle", "kolektor_commutator"):
        d = datasets / cat / "train" / "good"
        if not d.is_dir():
            pytest.skip(f"{cat} missing")
        img = read_image(list_images(d)[0])
        for i, kind in enumerate(KINDS):
            _check(img, kind, i)
    bottle = part_mask(read_image(list_images(datasets / "bottle" / "train" / "good")[0]))
    assert 0.3 < bottle.mean() / 255 < 0.95 and bottle[bottle.shape[0] // 2, bottle.shape[1] // 2] == 255


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        make_defect(_flat(False), "dent", np.random.default_rng(0))
