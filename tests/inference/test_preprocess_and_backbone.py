"""Preprocessing geometry and the speed-ups of the frozen backbone, which must not change its output."""

from __future__ import annotations

import pytest
import torch

from inference.backbone import FeatureExtractor, _find_stages, _weights_path, get_backbone
from inference.features import input_shape_for


@pytest.mark.parametrize("shape", [(512, 203), (203, 512), (320, 320), (390, 512), (64, 900)])
def test_area_keeps_aspect_and_the_pixel_budget(shape):
    h, w = input_shape_for(shape, {"input_size": 256, "resize": "area"})
    assert h % 16 == 0 and w % 16 == 0
    assert abs(h * w - 256 * 256) / (256 * 256) < 0.2 + 16 * (h + w) / (256 * 256)
    assert abs(h / w - shape[0] / shape[1]) / (shape[0] / shape[1]) < 0.25


def test_square_and_cap_modes_unchanged():
    assert input_shape_for((512, 203), {"input_size": 256, "resize": "square"}) == (256, 256)
    assert input_shape_for((100, 80), {"input_size": 512, "resize": "cap"}) == (96, 80)
    with pytest.raises(ValueError, match="unknown resize mode"):
        input_shape_for((10, 10), {"input_size": 64, "resize": "stretch"})


def test_folded_channels_last_backbone_matches_the_plain_network():
    """BatchNorm folding and channels-last are pure speed-ups: features equal the reference network."""
    from efficientnet_lite_pytorch import EfficientNet

    net = EfficientNet.from_name("efficientnet-lite0")
    net.load_state_dict(torch.load(_weights_path("efficientnet-lite0"), map_location="cpu", weights_only=True))
    reference = FeatureExtractor(net.eval(), _find_stages(net)).eval()
    fast = get_backbone("efficientnet-lite0", "cpu")
    assert not any(isinstance(m, torch.nn.BatchNorm2d) for m in fast.modules())
    x = torch.randn(2, 3, 160, 224, generator=torch.Generator().manual_seed(0))
    with torch.inference_mode():
        want = reference(x)
        got = fast(x.contiguous(memory_format=torch.channels_last))
    for name in want:
        scale = float(want[name].abs().max())
        assert float((want[name] - got[name]).abs().max()) < 1e-4 * max(1.0, scale), name
