"""CS-Flow: a cross-scale normalising flow on frozen backbone features, trained per part.

Rudolph et al., "Fully Convolutional Cross-Scale-Flows for Image-based Defect Detection" (WACV 2022).
The same backbone layer is read from the image at three resolutions (full, 1/2, 1/4); a stack of
affine coupling blocks maps the three feature maps jointly to a standard normal latent. Each coupling's
scale/shift network is fully convolutional and *crosses scales* (every scale also receives its finer
neighbour through a stride-2 convolution and its coarser neighbour upsampled), so a position is judged
in its context at three sizes. Trained on OK images only by maximum likelihood; a part whose features
the flow finds unlikely maps far from the origin. The anomaly map is the latent's per-position
Gaussian negative log-likelihood, 0.5 · mean over channels of z², averaged over the three scales.

Differences from the paper, all for a 2-core CPU: EfficientNet-Lite (stride-16 features, 112 ch) instead
of EfficientNet-B5 at 768 px; a narrow hidden width (64 instead of 1024); a wall-clock training budget;
per-channel standardisation of the features (stored with the model).
"""

from __future__ import annotations

import functools
import math
import operator
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from inference.algorithms import AlgorithmSpec, ParamSpec
from inference.algorithms.patchcore import SPEC as _PATCHCORE
from inference.backbone import FeatureExtractor
from inference.coreset import _single_thread as single_thread

N_SCALES = 3
LEAKY_SLOPE = 0.1
ATAN_FACTOR = 0.636  # ≈ 2/π: the soft clamp's slope at 0 is 1 and it saturates at ±clamp
STD_FLOOR = 1e-3
MAX_ABS_PARAM = 1e4  # a trained weight beyond this is corruption, not learning

_PC = {p.name: p for p in _PATCHCORE.parameters}  # preprocessing and calibration: the same knobs
SPEC = AlgorithmSpec(
    name="csflow",
    title="CS-Flow (cross-scale normalising flow)",
    description=(
        "Learns from OK images only. A normalising flow trained for this part judges each position at three "
        "image scales together; slower to train (minutes) than PatchCore, for surfaces where defects differ "
        "from normal variation in texture and context rather than in a single patch."
    ),
    parameters=(
        *(_PC[k] for k in ("backbone", "roi_x", "roi_y", "roi_width", "roi_height")),
        ParamSpec("input_size", "int", 256, "analysed size of the finest scale: about input_size² pixels (area), "
                  "the long side (long_side, cap) or both sides (square); the other scales are 1/2 and 1/4",
                  64, 1024),
        _PC["resize"],
        _PC["pad"],
        ParamSpec("layer", "choice", "s16_last", "backbone stage read at each of the three scales",
                  choices=("s16_last", "s16_mid", "s8")),
        _PC["contrast"],
        ParamSpec("coupling_blocks", "int", 4, "coupling blocks of the flow (more = more flexible, slower)", 1, 8),
        ParamSpec("hidden_channels", "int", 64, "width of the cross-scale convolutions inside each coupling",
                  8, 512),
        ParamSpec("clamp", "float", 3.0, "soft clamp of the coupling's log-scale (stability)", 0.5, 10.0),
        ParamSpec("learning_rate", "float", 1e-3, "Adam learning rate", 1e-4, 1e-2),
        ParamSpec("batch_size", "int", 8, "feature maps per optimisation step", 1, 64),
        ParamSpec("train_seconds", "float", 180.0, "wall-clock budget for training the flow (s); training stops "
                  "at this budget or after max_epochs, whichever comes first", 1.0, 7200.0),
        ParamSpec("max_epochs", "int", 200, "upper bound on passes over the training features", 1, 10000),
        ParamSpec("augment_views", "int", 2, "views per OK image (the original plus brightness/contrast-jittered "
                  "copies); features are computed once per view", 1, 8),
        _PC["smoothing_sigma"],
        ParamSpec("holdout_fraction", "float", 0.2, "OK images held out of training to calibrate", 0.05, 0.5),
        _PC["threshold_margin"],
        ParamSpec("seed", "int", 0, "random seed (initialisation, permutations, batch order, jitter)", 0,
                  2**31 - 1),
        # the shared operating point and self-check (no NG head: it learns on PatchCore's patch features)
        *(_PC[k] for k in ("ok_reject_rate", "miss_cost", "max_ok_reject_rate", "synthetic_check")),
    ),
)

STRIDES = {"s8": 8, "s16_mid": 16, "s16_last": 16}
CL = torch.channels_last


@contextmanager
def _training_context() -> Iterator[None]:
    """Deterministic algorithms and one thread while the flow trains; both restored afterwards.

    One thread: the flow is many small convolutions; on the busy 2-core CPU one thread ran its forward in
    29-77 ms where two took 0.4-1.8 s (a 2-thread op waits for its descheduled peer)."""
    before = torch.are_deterministic_algorithms_enabled()
    torch.use_deterministic_algorithms(True, warn_only=True)
    try:
        with single_thread():
            yield
    finally:
        torch.use_deterministic_algorithms(before)


# -- the flow -----------------------------------------------------------------------------------------------
class CrossConvolutions(nn.Module):
    """The scale/shift network of one coupling: two conv layers per scale, with cross-scale paths.

    Scale i receives its own features, the coarser scale i+1 upsampled and the finer scale i-1 through a
    stride-2 convolution. The output is multiplied by learned per-scale gains that start at zero, so
    every coupling starts as the identity (stable start, as in the paper).
    """

    def __init__(self, cin: int, cout: int, hidden: int, kernel: int):
        super().__init__()
        pad = kernel // 2
        self.first = nn.ModuleList(nn.Conv2d(cin, hidden, kernel, padding=pad) for _ in range(N_SCALES))
        self.second = nn.ModuleList(nn.Conv2d(hidden, cout, kernel, padding=pad) for _ in range(N_SCALES))
        self.up = nn.ModuleList(nn.Conv2d(hidden, cout, kernel, padding=pad) for _ in range(N_SCALES - 1))
        self.down = nn.ModuleList(nn.Conv2d(hidden, cout, kernel, padding=pad, stride=2)
                                  for _ in range(N_SCALES - 1))
        self.gamma = nn.Parameter(torch.zeros(N_SCALES))

    def forward(self, xs: Sequence[torch.Tensor]) -> list[torch.Tensor]:
        hs = [F.leaky_relu(conv(x), LEAKY_SLOPE) for conv, x in zip(self.first, xs, strict=True)]
        outs = [conv(h) for conv, h in zip(self.second, hs, strict=True)]
        for i in range(N_SCALES - 1):
            coarse = F.interpolate(hs[i + 1], size=hs[i].shape[-2:], mode="bilinear", align_corners=False)
            outs[i] = outs[i] + self.up[i](coarse)
            outs[i + 1] = outs[i + 1] + self.down[i](hs[i])  # sizes are ceil-halved, so this fits exactly
        return [o * self.gamma[i] for i, o in enumerate(outs)]


class Coupling(nn.Module):
    """GLOW-style affine coupling on all scales at once, log-scales soft-clamped with atan."""

    def __init__(self, channels: int, hidden: int, kernel: int, clamp: float):
        super().__init__()
        self.c1 = channels // 2
        self.c2 = channels - self.c1
        self.clamp = float(clamp)
        self.net_a = CrossConvolutions(self.c2, 2 * self.c1, hidden, kernel)  # second half → first half
        self.net_b = CrossConvolutions(self.c1, 2 * self.c2, hidden, kernel)  # new first half → second half

    def _log_scale(self, s: torch.Tensor) -> torch.Tensor:
        return self.clamp * ATAN_FACTOR * torch.atan(s / self.clamp)

    def forward(self, xs: Sequence[torch.Tensor]) -> tuple[list[torch.Tensor], list[torch.Tensor]]:
        """Latents per scale and each scale's log-determinant per position (B, h, w)."""
        a = [x[:, : self.c1] for x in xs]
        b = [x[:, self.c1 :] for x in xs]
        ya, yb, logdet = [], [], []
        for ai, r in zip(a, self.net_a(b), strict=True):
            ls = self._log_scale(r[:, : self.c1])
            ya.append(ai * torch.exp(ls) + r[:, self.c1 :])
            logdet.append(ls.sum(1))
        for i, (bi, r) in enumerate(zip(b, self.net_b(ya), strict=True)):
            ls = self._log_scale(r[:, : self.c2])
            yb.append(bi * torch.exp(ls) + r[:, self.c2 :])
            logdet[i] = logdet[i] + ls.sum(1)
        return [torch.cat(p, 1) for p in zip(ya, yb, strict=True)], logdet


class CrossScaleFlow(nn.Module):
    """Fixed channel permutation + coupling, ``blocks`` times; the last block has a 5×5 kernel (paper)."""

    perms: torch.Tensor  # a registered buffer

    def __init__(self, channels: int, blocks: int, hidden: int, clamp: float, perms: torch.Tensor):
        super().__init__()
        kernels = [3] * (blocks - 1) + [5]
        self.blocks = nn.ModuleList(Coupling(channels, hidden, k, clamp) for k in kernels)
        self.register_buffer("perms", perms.long())  # (blocks, scales, channels)

    def forward(self, xs: Sequence[torch.Tensor]) -> tuple[list[torch.Tensor], list[torch.Tensor]]:
        logdet = [torch.zeros(x.shape[0], *x.shape[-2:], device=x.device, dtype=x.dtype) for x in xs]
        for j, block in enumerate(self.blocks):
            xs = [x[:, self.perms[j, i]] for i, x in enumerate(xs)]
            xs, ld = block(xs)
            logdet = [acc + d for acc, d in zip(logdet, ld, strict=True)]
        return list(xs), logdet


def random_perms(blocks: int, channels: int, seed: int) -> torch.Tensor:
    g = torch.Generator().manual_seed(int(seed) + 7919)
    return torch.stack([torch.stack([torch.randperm(channels, generator=g) for _ in range(N_SCALES)])
                        for _ in range(blocks)])


def nll_loss(zs: Sequence[torch.Tensor], logdet: Sequence[torch.Tensor]) -> torch.Tensor:
    """Negative log-likelihood per dimension (constant dropped), averaged over the batch."""
    dims = sum(z.shape[1] * z.shape[2] * z.shape[3] for z in zs)
    per_image = functools.reduce(operator.add, (0.5 * (z * z).sum((1, 2, 3)) - ld.sum((1, 2))
                                                 for z, ld in zip(zs, logdet, strict=True)))
    return (per_image / dims).mean()


# -- features at three scales ----------------------------------------------------------------------------
def scale_sizes(h: int, w: int) -> list[tuple[int, int]]:
    """Map sizes of the three scales: each the ceil-half of the previous (what a stride-2 conv gives)."""
    out = [(h, w)]
    for _ in range(N_SCALES - 1):
        ph, pw = out[-1]
        out.append(((ph + 1) // 2, (pw + 1) // 2))
    return out


def _interior(m: torch.Tensor, pad_frac: tuple[float, float], size: tuple[int, int]) -> torch.Tensor:
    """Resample the part of ``m`` that covers the unpadded image onto a ``size`` grid (cell centres)."""
    b = m.shape[0]
    fy, fx = pad_frac
    th, tw = size
    ys = (-1 + 2 * fy) + (torch.arange(th, dtype=torch.float32) + 0.5) / th * (2 - 4 * fy)
    xs = (-1 + 2 * fx) + (torch.arange(tw, dtype=torch.float32) + 0.5) / tw * (2 - 4 * fx)
    gy, gx = torch.meshgrid(ys, xs, indexing="ij")
    grid = torch.stack([gx, gy], -1).to(m.device)[None].expand(b, th, tw, 2)
    return F.grid_sample(m, grid, mode="bilinear", padding_mode="border", align_corners=False)


@torch.no_grad()
def scale_features(fx: nn.Module, batch: torch.Tensor, cfg: dict[str, Any]) -> list[torch.Tensor]:
    """(B, 3, H+2p, W+2p) prepared batch → the tapped layer at full, 1/2 and 1/4 resolution, float32.

    The lower scales are the same (padded) image downsampled with antialiasing; each map is cropped to
    the unpadded image and resampled onto the ceil-halved grid of the scale above.
    """
    layer = cfg["layer"]
    pad = int(cfg.get("pad", 0))
    ph, pw = batch.shape[-2:]
    stride = STRIDES[layer]
    sizes = scale_sizes(max(1, (ph - 2 * pad) // stride), max(1, (pw - 2 * pad) // stride))
    frac = (pad / ph, pad / pw)
    out = []
    for k in range(N_SCALES):
        x = batch
        if k:
            x = F.interpolate(batch.float(), scale_factor=0.5**k, mode="bilinear", antialias=True,
                              align_corners=False, recompute_scale_factor=False)
            x = x.to(batch.dtype).contiguous(memory_format=torch.channels_last)
        m = fx(x)[layer].float()
        out.append(_interior(m, frac, sizes[k]).contiguous())
    return out


# -- the fitted algorithm ----------------------------------------------------------------------------------
class CSFlow:
    """The fitted state: the flow and the feature standardisation, on the model's device."""

    name = "csflow"

    def __init__(self, cfg: dict[str, Any], channels: int, net: CrossScaleFlow, mean: torch.Tensor,
                 std: torch.Tensor):
        self.cfg = cfg
        self.channels = channels
        # oneDNN's fast path for these small convolutions; Module.to takes memory_format at runtime,
        # torch's overloads leave it out
        self.net = net.eval().to(memory_format=CL)  # type: ignore[call-overload]
        for p in self.net.parameters():
            p.requires_grad_(False)
        self.mean = mean.float().contiguous()  # (scales, C)
        self.std = std.float().contiguous()
        self.epochs_done = 0.0
        self.final_loss = float("nan")

    @staticmethod
    def build(cfg: dict[str, Any], channels: int) -> CrossScaleFlow:
        perms = random_perms(cfg["coupling_blocks"], channels, cfg["seed"])
        return CrossScaleFlow(channels, cfg["coupling_blocks"], cfg["hidden_channels"], cfg["clamp"], perms)

    def _standardise(self, feats: Sequence[torch.Tensor]) -> list[torch.Tensor]:
        return [((f - self.mean[i].view(1, -1, 1, 1)) / self.std[i].view(1, -1, 1, 1)).contiguous(memory_format=CL)
                for i, f in enumerate(feats)]

    def _latents(self, feats: Sequence[torch.Tensor]) -> list[torch.Tensor]:
        with single_thread():
            zs, _ = self.net(self._standardise(feats))
        return zs

    # the model's _Core calls features() then patch_scores() per same-shape batch
    def features(self, fx: nn.Module, batch: torch.Tensor, cfg: dict[str, Any]) -> list[torch.Tensor]:
        return scale_features(fx, batch, cfg)

    @torch.no_grad()
    def latent_maps(self, feats: Sequence[torch.Tensor]) -> list[torch.Tensor]:
        """Per scale (B, h, w): 0.5 · mean over channels of z² (the latent's Gaussian NLL per dimension)."""
        return [0.5 * (z * z).mean(1) for z in self._latents(feats)]

    @torch.no_grad()
    def patch_scores(self, feats: Sequence[torch.Tensor], raw: bool = False) -> tuple[torch.Tensor, None]:
        """(B, h, w) anomaly on the finest grid: the three scales' maps upsampled and averaged."""
        maps = self.latent_maps(feats)
        size = maps[0].shape[-2:]
        up = [maps[0]] + [F.interpolate(m[:, None], size=size, mode="bilinear", align_corners=False)[:, 0]
                          for m in maps[1:]]
        return torch.stack(up).mean(0), None

    @torch.no_grad()
    def paper_scores(self, feats: Sequence[torch.Tensor]) -> torch.Tensor:
        """The paper's image score: mean of z²/2 over every latent dimension of all scales (B,)."""
        zs = self._latents(feats)
        total = functools.reduce(operator.add, ((z * z).sum((1, 2, 3)) for z in zs))
        dims = sum(z[0].numel() for z in zs)
        return 0.5 * total / dims

    # -- fitting -------------------------------------------------------------------------------------
    @classmethod
    def fit(cls, cfg: dict[str, Any], samples: Sequence[Sequence[torch.Tensor]], channels: int, *,
            tick: Callable[[float], None] | None = None) -> CSFlow:
        """Train on ``samples`` (one list of three (C, h, w) maps per augmented view).

        Stops after ``max_epochs`` or when ``train_seconds`` have passed (checked after every step),
        whichever is first. With the same seed, data and thread count the result is bit-identical as long
        as the time budget is not what stops it. ``tick(fraction)`` may raise to cancel.
        """
        seed = int(cfg["seed"])
        device = samples[0][0].device
        stacked = [torch.cat([s[i].reshape(channels, -1) for s in samples], 1) for i in range(N_SCALES)]
        mean = torch.stack([t.mean(1) for t in stacked])
        std = torch.stack([t.std(1) for t in stacked]).clamp_min(STD_FLOOR)
        del stacked
        mean_b = [mean[i].view(-1, 1, 1) for i in range(N_SCALES)]
        std_b = [std[i].view(-1, 1, 1) for i in range(N_SCALES)]
        data = [[((s[i] - mean_b[i]) / std_b[i]).contiguous() for i in range(N_SCALES)] for s in samples]
        groups: dict[tuple[int, int], list[int]] = {}
        for j, s in enumerate(data):
            h, w = s[0].shape[-2:]
            groups.setdefault((int(h), int(w)), []).append(j)

        with _training_context():
            torch.manual_seed(seed)
            net = cls.build(cfg, channels).to(device, memory_format=CL)  # type: ignore[call-overload]  # as above
            gen = torch.Generator().manual_seed(seed)
            opt = torch.optim.Adam(net.parameters(), lr=float(cfg["learning_rate"]), eps=1e-4, weight_decay=1e-5)
            bs = int(cfg["batch_size"])
            budget = float(cfg["train_seconds"])
            epochs = int(cfg["max_epochs"])
            t0 = time.perf_counter()
            steps_per_epoch = sum(math.ceil(len(v) / bs) for v in groups.values())
            done_steps, losses, epoch_f = 0, [], 0.0
            net.train()
            with torch.enable_grad():
                for epoch in range(epochs):
                    batches = []
                    for idx in groups.values():
                        order = torch.randperm(len(idx), generator=gen).tolist()
                        batches += [[idx[o] for o in order[k : k + bs]] for k in range(0, len(idx), bs)]
                    batch_order = torch.randperm(len(batches), generator=gen).tolist()
                    out_of_time = False
                    for n, bi in enumerate(batch_order):
                        members = batches[bi]
                        xs = [torch.stack([data[j][i] for j in members]).contiguous(memory_format=CL)
                              for i in range(N_SCALES)]
                        opt.zero_grad(set_to_none=True)
                        zs, ld = net(xs)
                        loss = nll_loss(zs, ld)
                        if not torch.isfinite(loss):
                            raise FloatingPointError("the flow diverged (non-finite loss); lower learning_rate")
                        loss.backward()  # type: ignore[no-untyped-call]  # torch leaves Tensor.backward unannotated
                        nn.utils.clip_grad_norm_(net.parameters(), 1.0)
                        opt.step()
                        losses.append(float(loss.detach()))
                        done_steps += 1
                        epoch_f = epoch + (n + 1) / len(batch_order)
                        elapsed = time.perf_counter() - t0
                        if tick is not None:
                            tick(min(1.0, max(done_steps / (steps_per_epoch * epochs), elapsed / budget)))
                        if elapsed >= budget:
                            out_of_time = True
                            break
                    if out_of_time:
                        break
        algo = cls(cfg, channels, net, mean, std)
        algo.epochs_done = round(epoch_f, 3)
        tail = losses[-max(1, steps_per_epoch):]
        algo.final_loss = float(np.mean(tail)) if tail else float("nan")
        return algo

    # -- the bundle ------------------------------------------------------------------------------------
    def tensors(self) -> dict[str, np.ndarray]:
        out = {"feature_mean": self.mean.cpu().numpy().astype(np.float32),
               "feature_std": self.std.cpu().numpy().astype(np.float32)}
        for k, v in self.net.state_dict().items():
            arr = v.detach().cpu().numpy()
            out[f"flow.{k}"] = arr.astype(np.int64 if k == "perms" else np.float32)
        return out

    @classmethod
    def from_tensors(cls, cfg: dict[str, Any], tensors: dict[str, np.ndarray], channels: int, device: str,
                     ) -> CSFlow:
        """Rebuild from a bundle. Every tensor is checked against a freshly built flow of the manifest's
        configuration: names, shapes, dtypes, finite and bounded values, permutations that are
        permutations. ValueError says what is wrong."""
        template = cls.build(cfg, channels)
        expected = {f"flow.{k}": v for k, v in template.state_dict().items()}
        names = set(expected) | {"feature_mean", "feature_std"}
        if set(tensors) != names:
            missing, extra = sorted(names - set(tensors)), sorted(set(tensors) - names)
            raise ValueError(f"csflow tensors do not match the parameters (missing {missing[:3]}, "
                             f"unexpected {extra[:3]})")
        for key in ("feature_mean", "feature_std"):
            arr = tensors[key]
            if arr.shape != (N_SCALES, channels) or arr.dtype != np.float32:
                raise ValueError(f"{key} has shape {tuple(arr.shape)} / {arr.dtype}, expected "
                                 f"({N_SCALES}, {channels}) float32")
            if not np.isfinite(arr).all() or np.abs(arr).max() > MAX_ABS_PARAM:
                raise ValueError(f"{key} contains NaN, infinite or absurd values")
        if (tensors["feature_std"] < STD_FLOOR * 0.999).any():
            raise ValueError(f"feature_std must be >= {STD_FLOOR}")
        state = {}
        for key, ref in expected.items():
            arr = tensors[key]
            if tuple(arr.shape) != tuple(ref.shape):
                raise ValueError(f"{key} has shape {tuple(arr.shape)}, expected {tuple(ref.shape)}")
            if key == "flow.perms":
                if arr.dtype != np.int64:
                    raise ValueError(f"{key} has dtype {arr.dtype}, expected int64")
                want = np.arange(channels)
                if not all(np.array_equal(np.sort(row), want) for row in arr.reshape(-1, channels)):
                    raise ValueError("flow.perms are not permutations of the channels")
            else:
                if arr.dtype != np.float32:
                    raise ValueError(f"{key} has dtype {arr.dtype}, expected float32")
                if not np.isfinite(arr).all():
                    raise ValueError(f"{key} contains NaN or infinite values")
                if arr.size and np.abs(arr).max() > MAX_ABS_PARAM:
                    raise ValueError(f"{key} has values beyond ±{MAX_ABS_PARAM:g}")
            state[key[len("flow."):]] = torch.from_numpy(np.ascontiguousarray(arr))
        template.load_state_dict(state, strict=True)
        mean = torch.from_numpy(np.ascontiguousarray(tensors["feature_mean"]))
        std = torch.from_numpy(np.ascontiguousarray(tensors["feature_std"]))
        return cls(cfg, channels, template.to(device), mean.to(device), std.to(device))


def channels_of(fx: FeatureExtractor, cfg: dict[str, Any]) -> int:
    return int(fx.stages.channels[cfg["layer"]])
