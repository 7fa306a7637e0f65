"""NG-aware head: a small supervised patch classifier learned from the NG images a line already has.

Why: an unsupervised map ranks "unlike the OK images" - on grey surfaces normal variation (lighting,
edges) is as unlike as a crack. A few labelled defects say which kind of unlike matters. The head is
a logistic regression on each patch's backbone feature and the log of the unsupervised score
(standardised), trained in well under a second with L-BFGS: positives are the patches a mask covers
(or, without masks, each NG image's strongest patch), negatives the OK patches (scored leave-one-out,
as unseen parts) and the unmasked patches of masked NG images. It never replaces the unsupervised map:
``combined = score × (1 + gain × p(defect))`` (L2 and gain chosen out of fold, ``inference.ng_fit``),
so what the head has not learned is still found, and a patch the head is sure about is lifted well
above the OK level. Algorithm-agnostic: it needs patch features and a patch map on the same grid,
nothing else. Stored as four float32 tensors (+ the gain) in the bundle's safetensors (no pickle),
validated on load.
"""

from __future__ import annotations

import cv2
import numpy as np
import torch

GAIN = 3.0
MAX_NEG = 30000
MASK_POS = 0.25  # a patch is a defect patch when a mask covers at least this fraction of it
NAMES = ("ng_head_weight", "ng_head_bias", "ng_head_mean", "ng_head_std")
GAIN_NAME = "ng_head_gain"  # optional (bundles written before the gain was chosen per part use GAIN)
MAX_GAIN = 100.0


def _inputs(feats: torch.Tensor, scores: torch.Tensor) -> torch.Tensor:
    """(B, D, h, w), (B, h, w) → (B·h·w, D + 1) rows: feature, log score."""
    b, d, h, w = feats.shape
    f = feats.permute(0, 2, 3, 1).reshape(-1, d).float()
    s = torch.log(scores.reshape(-1, 1).float().clamp_min(1e-6))
    return torch.cat([f, s], 1)


def mask_to_grid(mask: np.ndarray, grid: tuple[int, int]) -> np.ndarray:
    """Fraction of each patch cell covered by a (prepared-geometry) boolean mask."""
    h, w = grid
    return cv2.resize(mask.astype(np.float32), (w, h), interpolation=cv2.INTER_AREA)


class NGHead:
    def __init__(self, weight: torch.Tensor, bias: torch.Tensor, mean: torch.Tensor, std: torch.Tensor,
                 gain: float = GAIN):
        self.weight, self.bias, self.mean, self.std = weight.float(), bias.float(), mean.float(), std.float()
        self.gain = float(gain)

    @classmethod
    def fit(cls, pos: torch.Tensor, neg: torch.Tensor, seed: int = 0, l2: float = 1e-2, gain: float = GAIN,
            max_neg: int = MAX_NEG) -> NGHead:
        """``pos`` / ``neg``: (N, D + 1) input rows (``_inputs``); class-balanced, L2-regularised."""
        if pos.shape[0] == 0 or neg.shape[0] == 0:
            raise ValueError("the NG head needs defect and OK patches")
        g = torch.Generator().manual_seed(seed)
        if neg.shape[0] > max_neg:
            neg = neg[torch.randperm(neg.shape[0], generator=g)[:max_neg].to(neg.device)]
        x = torch.cat([pos, neg]).float().cpu()
        y = torch.cat([torch.ones(pos.shape[0]), torch.zeros(neg.shape[0])])
        mean, std = x.mean(0), x.std(0).clamp_min(1e-4)
        xs = (x - mean) / std
        wt = torch.where(y > 0, 0.5 / pos.shape[0], 0.5 / neg.shape[0])
        w = torch.zeros(x.shape[1], requires_grad=True)
        b = torch.zeros(1, requires_grad=True)
        opt = torch.optim.LBFGS([w, b], lr=1, max_iter=100, line_search_fn="strong_wolfe")

        def closure() -> torch.Tensor:
            opt.zero_grad()
            z = xs @ w + b
            loss = (wt * torch.nn.functional.binary_cross_entropy_with_logits(z, y, reduction="none")).sum()
            loss = loss + l2 * (w * w).sum()
            loss.backward()  # type: ignore[no-untyped-call]  # torch leaves Tensor.backward unannotated
            return loss

        with torch.enable_grad():
            opt.step(closure)  # type: ignore[no-untyped-call]  # torch leaves LBFGS.step unannotated
        return cls(w.detach(), b.detach(), mean, std, gain)

    def probability_rows(self, x: torch.Tensor) -> torch.Tensor:
        """p(defect) of (N, D + 1) input rows (``_inputs``)."""
        dev = x.device
        z = ((x - self.mean.to(dev)) / self.std.to(dev)) @ self.weight.to(dev) + self.bias.to(dev)
        return torch.sigmoid(z)

    def probability(self, feats: torch.Tensor, scores: torch.Tensor) -> torch.Tensor:
        return self.probability_rows(_inputs(feats, scores)).view(scores.shape)

    def combine(self, feats: torch.Tensor, scores: torch.Tensor) -> torch.Tensor:
        return scores * (1 + self.gain * self.probability(feats, scores).to(scores.dtype))

    def tensors(self) -> dict[str, np.ndarray]:
        vals = (self.weight, self.bias, self.mean, self.std)
        out = {n: v.detach().cpu().numpy().astype(np.float32) for n, v in zip(NAMES, vals, strict=True)}
        out[GAIN_NAME] = np.array([self.gain], dtype=np.float32)
        return out

    @classmethod
    def from_tensors(cls, tensors: dict[str, np.ndarray], feature_dim: int, device: str) -> NGHead:
        """Rebuild from a bundle; ValueError says what is wrong with hostile or damaged tensors."""
        if set(tensors) - {GAIN_NAME} != set(NAMES):
            raise ValueError(f"NG head needs tensors {', '.join(NAMES)} [+ {GAIN_NAME}], found {sorted(tensors)}")
        gain = GAIN
        if GAIN_NAME in tensors:
            t = tensors[GAIN_NAME]
            if t.dtype != np.float32 or tuple(t.shape) != (1,) or not np.isfinite(t).all() or \
                    not 0 <= float(t[0]) <= MAX_GAIN:
                raise ValueError(f"{GAIN_NAME} must be one float32 in [0, {MAX_GAIN:g}]")
            gain = float(t[0])
        shapes = {"ng_head_weight": (feature_dim + 1,), "ng_head_bias": (1,), "ng_head_mean": (feature_dim + 1,),
                  "ng_head_std": (feature_dim + 1,)}
        for n in NAMES:
            t = tensors[n]
            if t.dtype != np.float32 or tuple(t.shape) != shapes[n]:
                raise ValueError(f"{n} has shape {tuple(t.shape)} / {t.dtype}, expected {shapes[n]} float32")
            if not np.isfinite(t).all():
                raise ValueError(f"{n} contains NaN or infinite values")
        if (tensors["ng_head_std"] <= 0).any():
            raise ValueError("ng_head_std must be positive")
        w, b, m, sd = (torch.from_numpy(np.ascontiguousarray(tensors[n])).to(device) for n in NAMES)
        return cls(w, b, m, sd, gain)
