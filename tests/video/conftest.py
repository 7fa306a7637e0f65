"""Parts the session model judges with a clear margin, and videos made of them."""

from __future__ import annotations

import pytest

from inference.imageio import read_image


def pick_clear_parts(trained_model, bottle_images, bottle_dir):
    """{"ok": [...], "ng": [...]} real images the model calls OK / NG far from its threshold, so a
    video's compression cannot flip them: the known NG times are then the truth."""
    from inference.imageio import list_images

    spare = list_images(bottle_dir / "train" / "good")[len(bottle_images["train"]):][:12]  # not trained on
    ok_imgs = [read_image(p) for p in [*bottle_images["ok"], *spare]]
    ng_imgs = [read_image(p) for p in bottle_images["ng"][:14]]
    ok_res = trained_model.predict(ok_imgs)
    ng_res = trained_model.predict(ng_imgs)
    ok = [im for im, r in zip(ok_imgs, ok_res, strict=True) if r.verdict == "OK" and r.normalized_score < 0.93]
    ng = [im for im, r in zip(ng_imgs, ng_res, strict=True) if r.verdict == "NG" and r.normalized_score > 1.25]
    if len(ok) < 4 or len(ng) < 3:
        pytest.skip("the session model separates too few bottle images with a margin")
    return {"ok": ok, "ng": ng}


@pytest.fixture(scope="session")
def clear_parts(trained_model, bottle_images, bottle_dir):
    return pick_clear_parts(trained_model, bottle_images, bottle_dir)


@pytest.fixture()
def video_settings(tmp_path):
    from station.settings import Settings

    return Settings().override(**{"storage.data_dir": str(tmp_path / "data"), "storage.save_images": "ng",
                                  "inference.device": "cpu"})


def sequence(parts, ng_seconds, n):
    """n one-second parts; NG at the given seconds, OK elsewhere (cycling through the images)."""
    out = []
    for i in range(n):
        pool = parts["ng"] if i in ng_seconds else parts["ok"]
        out.append(pool[i % len(pool)])
    return out
