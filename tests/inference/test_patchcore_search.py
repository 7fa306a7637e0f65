"""PatchCore's nearest-neighbour search: the index-free path gives exactly the distances of the indexed one."""

from __future__ import annotations

import torch

from inference.algorithms.patchcore import PatchCore


def _bank_and_queries(seed: int = 0) -> tuple[torch.Tensor, torch.Tensor]:
    g = torch.Generator().manual_seed(seed)
    return torch.randn(300, 24, generator=g), torch.randn(1000, 24, generator=g) * 1.5


def test_nearest_distance_equals_indexed_search_across_chunks():
    bank, q = _bank_and_queries()
    algo = PatchCore({"score_rule": "max"}, bank)
    dist, idx = algo.nearest(q, chunk=256)
    fast = algo.nearest_distance(q, chunk=256)
    assert torch.equal(fast, dist)  # the same floats, not only close
    ref = torch.cdist(q.double(), bank.double()).min(dim=1)
    assert torch.allclose(fast.double(), ref.values, atol=1e-4)
    assert (idx == ref.indices).float().mean() > 0.99  # ties aside, the indexed search finds the same rows


def test_a_bank_row_is_at_distance_zero():
    bank, _ = _bank_and_queries(1)
    algo = PatchCore({"score_rule": "max"}, bank)
    d = algo.nearest_distance(bank[:50])
    assert float(d.max()) < 0.02 * float(algo.nearest_distance(bank[50:] + 0.5).median())  # float cancellation only


def test_patch_scores_same_with_and_without_reweighting_index():
    """The max rule skips the index; its map must equal the reweight rule's map (which needs the index)."""
    bank, q = _bank_and_queries(2)
    feats = q[:2 * 5 * 8].reshape(2, 5, 8, 24).permute(0, 3, 1, 2).contiguous()
    plain, w_plain = PatchCore({"score_rule": "max"}, bank).patch_scores(feats)
    rew, w_rew = PatchCore({"score_rule": "reweight"}, bank).patch_scores(feats)
    assert w_plain is None and w_rew is not None and w_rew.shape == (2,)
    assert plain.shape == (2, 5, 8)
    assert torch.equal(plain, rew)
    raw, _ = PatchCore({"score_rule": "reweight"}, bank).patch_scores(feats, raw=True)
    assert torch.equal(raw, plain)  # no profile: raw distances are the map
