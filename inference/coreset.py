"""Greedy k-center coreset (PatchCore): a small memory bank that still covers every normal patch."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import torch

_threads_lock = threading.Lock()
_single_users = 0
_threads_before = 0


@contextmanager
def _single_thread() -> Iterator[None]:
    """The greedy loop is thousands of tiny ops: one thread is ~5x faster than two on a busy CPU.

    The thread count is process-wide: overlapping trainings count their users, so the last one
    out restores the count the first one found (two plain save/restore pairs could leave 1)."""
    global _single_users, _threads_before
    with _threads_lock:
        if _single_users == 0:
            _threads_before = torch.get_num_threads()
            torch.set_num_threads(1)
        _single_users += 1
    try:
        yield
    finally:
        with _threads_lock:
            _single_users -= 1
            if _single_users == 0:
                torch.set_num_threads(_threads_before)


@torch.no_grad()
def greedy_coreset(
    features: torch.Tensor,
    n_select: int,
    *,
    projection_dim: int = 32,
    seed: int = 0,
    tick: Callable[[float], None] | None = None,
) -> torch.Tensor:
    """Indices of ``n_select`` rows chosen by farthest-point sampling.

    Distances are computed on a random Johnson-Lindenstrauss projection (as in the PatchCore paper)
    to keep each of the ``n_select`` serial steps cheap; the selection itself returns full rows.
    """
    n = features.shape[0]
    if n_select >= n:
        return torch.arange(n, device=features.device)
    if features.device.type == "cpu":
        with _single_thread():
            return _greedy(features, n_select, projection_dim, seed, tick)
    return _greedy(features, n_select, projection_dim, seed, tick)


def _greedy(features: torch.Tensor, n_select: int, projection_dim: int, seed: int,
            tick: Callable[[float], None] | None) -> torch.Tensor:
    n = features.shape[0]
    gen = torch.Generator(device="cpu").manual_seed(seed)
    x = features.float()
    if projection_dim and x.shape[1] > projection_dim:
        proj = torch.randn(x.shape[1], projection_dim, generator=gen) / projection_dim**0.5
        x = x @ proj.to(x.device)
    sq = (x * x).sum(1)
    start = int(torch.randint(n, (1,), generator=gen))
    selected = torch.empty(n_select, dtype=torch.long, device=x.device)
    selected[0] = start
    min_d = sq - 2 * (x @ x[start]) + sq[start]
    step = max(1, n_select // 50)
    for i in range(1, n_select):
        idx = int(torch.argmax(min_d))
        selected[i] = idx
        d = sq - 2 * (x @ x[idx]) + sq[idx]
        torch.minimum(min_d, d, out=min_d)
        if tick is not None and i % step == 0:
            tick(i / n_select)
    return selected
