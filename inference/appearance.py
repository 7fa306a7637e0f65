"""Appearance clusters: OK images grouped by global look (lighting, surface finish), for calibration.

Why: when the OK images were shot under several lightings (issue 10 §5: the tiles under six), the
normal variation between those lightings is as large as a defect, so one position profile and one
threshold fit none of them. Training groups the OK images by their pooled patch features (the mean
of the features PatchCore computes anyway, so routing a part at predict time costs one mean and a
few dot products), and learns the profile and the score scale per group.

Grouping is accepted only when it is clear: k-means for k = 2..max_k, the k with the best mean
silhouette, kept only when that silhouette reaches ``MIN_SILHOUETTE`` and every group holds at least
``MIN_CLUSTER_IMAGES`` images. Otherwise there is one group, which is exactly the model without
clusters (nothing changes where the OK images look alike).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np
import torch
import torch.nn.functional as F

MIN_CLUSTER_IMAGES = 10  # a profile and a median score from fewer images are noise
MIN_SILHOUETTE = 0.35  # OK sets of one look split in two score 0.1-0.3 here; two lightings 0.7+
MAX_CLUSTERS = 6
SCALE_RANGE = (1e-4, 1e4)  # a group's score scale (median OK score); outside it the bundle is refused
MAX_ABS_CENTROID = 1e6
KMEANS_RESTARTS = 8
KMEANS_ITERATIONS = 100


def pooled(feats: torch.Tensor) -> torch.Tensor:
    """(B, D, h, w) patch features → (B, D) global appearance descriptors (float32)."""
    return feats.float().mean(dim=(2, 3))


@dataclass(frozen=True)
class Grouping:
    """Result of :func:`find_groups`: labels per image and the centroids, or one group."""

    labels: np.ndarray  # (N,) int
    centroids: np.ndarray  # (K, D) float32, in descriptor space
    silhouette: float | None  # of the accepted or best rejected split; None when not tried
    tried_k: int  # the k whose silhouette is reported (1 when not tried)

    @property
    def k(self) -> int:
        return int(self.centroids.shape[0])


def _kmeans(x: np.ndarray, k: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, float]:
    """Lloyd's k-means with k-means++ seeding; (labels, centroids, inertia)."""
    n = x.shape[0]
    centres = [x[int(rng.integers(n))]]
    for _ in range(1, k):
        d2 = np.min(((x[:, None, :] - np.stack(centres)[None]) ** 2).sum(-1), axis=1)
        total = float(d2.sum())
        p = d2 / total if total > 0 else np.full(n, 1.0 / n)
        centres.append(x[int(rng.choice(n, p=p))])
    c = np.stack(centres).astype(np.float64)
    labels = np.zeros(n, dtype=np.int64)
    for it in range(KMEANS_ITERATIONS):
        d2 = ((x[:, None, :] - c[None]) ** 2).sum(-1)
        new = d2.argmin(1)
        if it and np.array_equal(new, labels):
            break
        labels = new
        for j in range(k):
            members = x[labels == j]
            if len(members):
                c[j] = members.mean(0)
    d2 = ((x[:, None, :] - c[None]) ** 2).sum(-1)
    labels = d2.argmin(1)
    return labels, c, float(d2[np.arange(n), labels].sum())


def silhouette(x: np.ndarray, labels: np.ndarray) -> float:
    """Mean silhouette coefficient (Euclidean); 0 for a single label."""
    ks = np.unique(labels)
    if len(ks) < 2:
        return 0.0
    dist = np.sqrt(np.maximum(((x[:, None, :] - x[None]) ** 2).sum(-1), 0.0))
    s = np.zeros(len(x))
    for i in range(len(x)):
        own = labels == labels[i]
        n_own = int(own.sum()) - 1
        if n_own == 0:
            continue  # a singleton scores 0 by convention
        a = dist[i, own].sum() / n_own
        b = min(dist[i, labels == j].mean() for j in ks if j != labels[i])
        s[i] = (b - a) / max(a, b) if max(a, b) > 0 else 0.0
    return float(s.mean())


def find_groups(descriptors: np.ndarray, max_k: int, *, seed: int = 0,
                min_images: int = MIN_CLUSTER_IMAGES, min_silhouette: float = MIN_SILHOUETTE) -> Grouping:
    """Group OK images by appearance; one group unless a split is clear (see the module doc)."""
    x = np.asarray(descriptors, dtype=np.float64)
    n = x.shape[0]
    one = Grouping(np.zeros(n, dtype=np.int64), x.mean(0, keepdims=True).astype(np.float32), None, 1)
    upper = min(int(max_k), MAX_CLUSTERS, n // max(1, min_images))
    if upper < 2 or not np.isfinite(x).all():
        return one
    rng = np.random.default_rng(seed)
    best: tuple[float, int, np.ndarray, np.ndarray] | None = None
    for k in range(2, upper + 1):
        runs = [_kmeans(x, k, rng) for _ in range(KMEANS_RESTARTS)]
        labels, centres, _ = min(runs, key=lambda r: r[2])
        sil = silhouette(x, labels)
        if best is None or sil > best[0]:
            best = (sil, k, labels, centres)
    assert best is not None
    sil, k, labels, centres = best
    sizes = np.bincount(labels, minlength=k)
    if sil < min_silhouette or int(sizes.min()) < min_images:
        return Grouping(one.labels, one.centroids, round(sil, 4), k)
    return Grouping(labels.astype(np.int64), centres.astype(np.float32), round(sil, 4), k)


def nearest(centroids: torch.Tensor, descriptors: torch.Tensor) -> torch.Tensor:
    """(K, D) centroids, (B, D) descriptors → (B,) index of each descriptor's nearest centroid."""
    d2 = torch.cdist(descriptors.float(), centroids.float().to(descriptors.device))
    return d2.argmin(dim=1)


@dataclass(frozen=True)
class AppearanceGroups:
    """Per-group position profiles and score scales, and the centroids that route a part to one.

    A part's patch distances are divided by its group's profile and by the group's scale (the median
    score of the group's OK images), so one image threshold means the same in every group.
    """

    TENSORS: ClassVar[tuple[str, str, str]] = ("appearance_centroids", "appearance_profiles", "appearance_scales")
    centroids: torch.Tensor  # (K, D)
    profiles: torch.Tensor  # (K, G, G), positive
    scales: torch.Tensor  # (K,), positive

    @property
    def k(self) -> int:
        return int(self.centroids.shape[0])

    def route(self, feats: torch.Tensor) -> torch.Tensor:
        """(B, D, h, w) patch features → (B,) group index."""
        return nearest(self.centroids, pooled(feats))

    def normalise(self, scores: torch.Tensor, feats: torch.Tensor) -> torch.Tensor:
        """(B, h, w) raw distances → divided by each image's group profile and scale."""
        g = self.route(feats).to(self.profiles.device)
        h, w = scores.shape[-2:]
        prof = F.interpolate(self.profiles[g][:, None], size=(h, w), mode="bilinear", align_corners=False)[:, 0]
        return scores / (prof * self.scales[g][:, None, None]).to(scores.device)

    def tensors(self) -> dict[str, np.ndarray]:
        return {name: t.detach().cpu().numpy().astype(np.float32)
                for name, t in zip(self.TENSORS, (self.centroids, self.profiles, self.scales), strict=True)}

    @classmethod
    def from_tensors(cls, tensors: dict[str, np.ndarray], feature_dim: int, grid: int, device: str,
                     ) -> AppearanceGroups:
        """Validated rebuild from a bundle (ValueError says what is wrong): the file is untrusted."""
        c, p, s = (tensors[name] for name in cls.TENSORS)
        for name, arr in zip(cls.TENSORS, (c, p, s), strict=True):
            if arr.dtype != np.float32:
                raise ValueError(f"{name} has dtype {arr.dtype}, expected float32")
            if not np.isfinite(arr).all():
                raise ValueError(f"{name} contains NaN or infinite values")
        if c.ndim != 2 or not 2 <= c.shape[0] <= MAX_CLUSTERS or c.shape[1] != feature_dim:
            raise ValueError(f"appearance_centroids has shape {tuple(c.shape)}, expected (2..{MAX_CLUSTERS}, "
                             f"{feature_dim})")
        k = c.shape[0]
        if p.shape != (k, grid, grid):
            raise ValueError(f"appearance_profiles has shape {tuple(p.shape)}, expected ({k}, {grid}, {grid})")
        if s.shape != (k,):
            raise ValueError(f"appearance_scales has shape {tuple(s.shape)}, expected ({k},)")
        if (np.abs(c) > MAX_ABS_CENTROID).any():
            raise ValueError("appearance_centroids hold implausibly large values")
        if (p <= 0).any():
            raise ValueError("appearance_profiles must be positive")
        lo, hi = SCALE_RANGE
        if (s < lo).any() or (s > hi).any():
            raise ValueError(f"appearance_scales must lie in {lo:g}..{hi:g}")

        def as_tensor(a: np.ndarray) -> torch.Tensor:
            return torch.from_numpy(np.ascontiguousarray(a)).to(device)

        return cls(as_tensor(c), as_tensor(p), as_tensor(s))
