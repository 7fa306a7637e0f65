"""The engine benchmark's per-defect-kind breakdown: the figures a category mean hides."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bench():
    sys.path.insert(0, str(ROOT / "benchmarks"))  # the script imports its sibling report.py
    try:
        spec = importlib.util.spec_from_file_location("bench_engine", ROOT / "benchmarks" / "bench_engine.py")
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return mod


def _row(label: str, defect: str, score: float) -> SimpleNamespace:
    return SimpleNamespace(label=label, defect=defect, score=score)


def test_breakdown_ranks_each_kind_against_every_ok_image(bench):
    rows = [_row("OK", "good", s) for s in (1.0, 2.0, 3.0, 4.0)]
    rows += [_row("NG", "break", s) for s in (5.0, 6.0)]  # above every OK score
    rows += [_row("NG", "crack", s) for s in (0.5, 2.5, 4.5)]  # 0, 2 and 4 of the 4 OK scores below
    out = bench.defect_breakdown(rows, threshold=4.2)
    assert out["break"] == {"n": 2, "auroc": 1.0, "miss_rate": 0.0}
    assert out["crack"]["n"] == 3
    assert out["crack"]["auroc"] == pytest.approx((0 + 2 + 4) / 12)
    assert out["crack"]["miss_rate"] == pytest.approx(2 / 3)


def test_table_lists_only_categories_with_several_kinds(bench):
    def run(cat, seed, kinds):
        return {"config": "c", "ng_shots": 0, "category": cat, "seed": seed, "by_defect": kinds}

    rows = [run("tile", s, {"crack": {"n": 5, "auroc": 0.5 + 0.1 * s, "miss_rate": 0.8},
                            "break": {"n": 5, "auroc": 1.0, "miss_rate": 0.0}}) for s in (0, 1)]
    rows.append(run("plate", 0, {"defect": {"n": 9, "auroc": 0.9, "miss_rate": 0.1}}))
    lines = bench.defect_table(rows, "c", 0)
    assert [ln.split(" | ")[:2] for ln in lines[2:]] == [["| tile", "break"], ["| tile", "crack"]]
    assert "0.550 ± 0.071" in lines[3] and "0.80 ± 0.00" in lines[3]
    assert bench.defect_table([rows[-1]], "c", 0) == []
