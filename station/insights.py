"""The offline "AI analysis" of the history: findings with figures and a plain-language summary.

Seed 000 sends ``getRecent`` rows to an online language model. QC Station answers the same
questions from statistics, locally: are OK scores drifting from calibration (station/drift.py),
where on the part do defects sit, does the NG rate differ from the previous period or between
shifts or hours, which defect counts and sizes dominate, how first-pass yield compares by part-id
prefix. Every number comes from the hourly summaries (``stats_hourly``, ``insight_hourly``), so a
15-day period costs milliseconds-to-a-few-hundred at a million records; run it off the GUI thread.
Texts come from :mod:`station.insight_text` in the language asked for.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, TypedDict

import numpy as np

from station.insight_text import Catalogue
from station.significance import binomial_excess, chi_square_rates, two_proportions
from storage import insights_store as store
from storage.insight_schema import AREA_EDGES, GRID

SEVERITY_ORDER = {"alert": 0, "warning": 1, "info": 2}
ALPHA = 0.01  # a difference is reported as significant below this p (after Bonferroni where many)
MIN_NG_FOR_MAP = 10  # NG parts with a known size before clusters are named
CLUSTER_RADIUS = 3  # cells (a 7×7-cell window ≈ 22 % of the part's side)


class _FpyRow(TypedDict):
    """One part-id prefix's first-pass yield (a row of the ``first_pass_yield`` figure)."""

    prefix: str
    parts: int
    first_pass_ok: int
    first_pass_yield: float | None


@dataclass(frozen=True)
class Finding:
    kind: str  # drift | trend | shift | hour | location | pareto | fpy
    severity: str  # alert | warning | info
    text: str
    figures: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "severity": self.severity, "text": self.text, "figures": self.figures}


@dataclass(frozen=True)
class Cluster:
    model_id: str
    x: float  # centre, normalised 0..1 (left → right)
    y: float  # centre, normalised 0..1 (top → bottom)
    share: float  # of the model's NG parts with a region centre in the cluster
    parts: int
    expected: float  # share if defects fell uniformly
    p: float
    where: str  # "top left", …

    def to_dict(self) -> dict[str, Any]:
        return {"model_id": self.model_id, "x": round(self.x, 3), "y": round(self.y, 3),
                "share": round(self.share, 4), "ng_parts": self.parts, "expected_share": round(self.expected, 4),
                "p_value": float(f"{self.p:.3g}"), "where": self.where}


@dataclass(frozen=True)
class Insights:
    start: datetime
    end: datetime
    lang: str
    summary: str
    findings: list[Finding]
    drift: dict[str, Any]
    clusters: list[Cluster]
    location: dict[str, np.ndarray]  # model -> GRID×GRID counts (for the map)
    ng_parts: dict[str, int]
    figures: dict[str, Any]
    elapsed_ms: float = 0.0

    def to_dict(self, location_map_url: str | None = None) -> dict[str, Any]:
        return {"summary": self.summary, "findings": [f.to_dict() for f in self.findings],
                "drift": self.drift, "location_map_url": location_map_url,
                "clusters": [c.to_dict() for c in self.clusters],
                "period": {"start": self.start.isoformat(timespec="seconds"),
                           "end": self.end.isoformat(timespec="seconds")},
                "language": self.lang, "figures": self.figures, "elapsed_ms": round(self.elapsed_ms, 1)}

    def model_for_map(self) -> str | None:
        """The model whose location map is shown: the one with the most NG parts."""
        if not self.ng_parts:
            return None
        return max(self.ng_parts, key=lambda m: self.ng_parts[m])


# ------------------------------------------------------------------------------ helpers

def _where(x: float, y: float) -> str:
    col = "left" if x < 1 / 3 else ("right" if x > 2 / 3 else "")
    row = "top" if y < 1 / 3 else ("bottom" if y > 2 / 3 else "")
    return " ".join(p for p in (row, col) if p) or "centre"


def _box_sum(grid: np.ndarray, r: int) -> np.ndarray:
    """Sum over the (2r+1)² window around every cell (clipped at the border)."""
    padded = np.pad(grid, r)
    c = padded.cumsum(0).cumsum(1)
    c = np.pad(c, ((1, 0), (1, 0)))
    n = grid.shape[0]
    w = 2 * r + 1
    return c[w:w + n, w:w + n] - c[:n, w:w + n] - c[w:w + n, :n] + c[:n, :n]


def _window_fraction(cy: int, cx: int, r: int) -> float:
    h = min(GRID, cy + r + 1) - max(0, cy - r)
    w = min(GRID, cx + r + 1) - max(0, cx - r)
    return h * w / (GRID * GRID)


def find_clusters(model_id: str, grid: np.ndarray, ng_parts: int, top: int = 3) -> list[Cluster]:
    """Greedy peaks of the smoothed count map: each takes its (2r+1)² window out before the next."""
    grid = grid.astype(np.float64).copy()
    out: list[Cluster] = []
    if ng_parts <= 0 or grid.sum() <= 0:
        return out
    r = CLUSTER_RADIUS
    for _ in range(top):
        sums = _box_sum(grid, r)
        cy, cx = np.unravel_index(int(np.argmax(sums)), sums.shape)
        count = float(sums[cy, cx])
        if count <= 0:
            break
        y0, y1, x0, x1 = max(0, cy - r), min(GRID, cy + r + 1), max(0, cx - r), min(GRID, cx + r + 1)
        win = grid[y0:y1, x0:x1]
        ys, xs = np.mgrid[y0:y1, x0:x1]
        mx = float((win * (xs + 0.5)).sum() / win.sum()) / GRID
        my = float((win * (ys + 0.5)).sum() / win.sum()) / GRID
        expected = _window_fraction(int(cy), int(cx), r)
        parts = int(min(count, ng_parts))
        share = parts / ng_parts
        # the best of ~GRID² windows was picked: Bonferroni over the windows tried
        p = min(1.0, binomial_excess(parts, ng_parts, expected) * GRID * GRID)
        out.append(Cluster(model_id, mx, my, share, parts, expected, p, _where(mx, my)))
        grid[y0:y1, x0:x1] = 0
    return out


def _size_name(cls: int) -> str:
    if cls == 0:
        return "tiny"
    if cls <= 2:
        return "small"
    if cls <= 4:
        return "medium"
    return "large"


def prefix_of(part_id: str) -> str:
    """The part-id prefix the summaries use (same rule as the SQL in storage/insight_schema.py)."""
    d, u = part_id.find("-"), part_id.find("_")
    if d > 0 and (u < 0 or d < u):
        return part_id[:d]
    if u > 0:
        return part_id[:u]
    return part_id[:4]


def _weighted_quantile(counts: np.ndarray, centres: np.ndarray, q: float) -> float | None:
    total = counts.sum()
    if total <= 0:
        return None
    cum = np.cumsum(counts)
    i = int(np.searchsorted(cum, q * total))
    return float(centres[min(i, len(centres) - 1)])


# ------------------------------------------------------------------------------ the analysis

def compute(db: Any, start: datetime, end: datetime, *, shifts: list[Any] | None = None, lang: str = "en",
            drift_status: Any = None, now: datetime | None = None) -> Insights:
    """Every finding of ``[start, end)``; ``drift_status``: the live monitor's (station.drift)."""
    import time

    t0 = time.perf_counter()
    cat = Catalogue(lang)
    pct, fmt_p = cat.percent, cat.p_value
    findings: list[Finding] = []
    figures: dict[str, Any] = {}
    day_fmt = "%Y-%m-%d %H:%M"

    # -- volume, and the previous period of the same length
    by_hour = db.yield_stats(start, end, bucket="hour")
    total = sum(b.total for b in by_hour)
    ng = sum(b.ng for b in by_hour)
    figures["parts"], figures["ng"] = total, ng
    figures["ng_rate"] = round(ng / total, 6) if total else None
    length = end - start
    prev_start = start - length
    prev = db.yield_stats(prev_start, start, bucket="day" if length >= timedelta(days=2) else "hour")
    p_total, p_ng = sum(b.total for b in prev), sum(b.ng for b in prev)
    if total and p_total:
        test = two_proportions(ng, total, p_ng, p_total)
        figures["previous_period"] = {"start": prev_start.isoformat(timespec="seconds"), **test.to_dict()}
        if test.p < ALPHA:
            up = test.rate_a > test.rate_b
            findings.append(Finding(
                "trend", "warning" if up else "info",
                cat.text("trend.up" if up else "trend.down", rate=pct(test.rate_a), previous=pct(test.rate_b),
                         p=fmt_p(test.p), parts=f"{total + p_total:,}"),
                {"metric": "ng_rate", **test.to_dict()}))

    by_day: dict[str, list[int]] = {}
    for b in by_hour:
        day = by_day.setdefault(b.start.date().isoformat(), [0, 0])
        day[0] += b.ng
        day[1] += b.total
    figures["ng_by_day"] = [{"day": d, "ng": v[0], "parts": v[1], "ng_rate": round(v[0] / v[1], 6) if v[1] else None}
                            for d, v in by_day.items()]

    # -- NG rate per hour of day (figures) and its peak hour
    hour_of_day = [[0, 0] for _ in range(24)]
    for b in by_hour:
        hour_of_day[b.start.hour][0] += b.ng
        hour_of_day[b.start.hour][1] += b.total
    figures["ng_by_hour_of_day"] = [{"hour": h, "ng": v[0], "parts": v[1]} for h, v in enumerate(hour_of_day)]
    used = [(h, v) for h, v in enumerate(hour_of_day) if v[1]]
    if len(used) >= 3 and ng:
        h, (h_ng, h_n) = max(used, key=lambda hv: hv[1][0] / hv[1][1])
        test = two_proportions(h_ng, h_n, ng - h_ng, total - h_n)
        p = min(1.0, test.p * len(used))  # the worst of len(used) hours was picked
        if p < ALPHA and test.rate_a > test.rate_b:
            findings.append(Finding("hour", "warning", cat.text(
                "hour.peak", hour=f"{h:02d}", rate=pct(test.rate_a), rest=pct(test.rate_b), p=fmt_p(p)),
                {"hour": h, **test.to_dict(), "p_value": float(f"{p:.4g}"), "correction": "bonferroni"}))

    # -- shifts: homogeneity, and the worst against the best
    if shifts:
        per_shift: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for b in db.yield_stats(start, end, bucket="shift", shifts=shifts):
            name = b.label.split(" ", 1)[1] if " " in b.label else b.label
            per_shift[name][0] += b.ng
            per_shift[name][1] += b.total
        rows = [{"shift": k, "ng": v[0], "parts": v[1], "ng_rate": round(v[0] / v[1], 6) if v[1] else None}
                for k, v in per_shift.items()]
        figures["shifts"] = rows
        active = [(k, v) for k, v in per_shift.items() if v[1]]
        if len(active) >= 2:
            stat, p_all, df = chi_square_rates([(v[0], v[1]) for _, v in active])
            worst = max(active, key=lambda kv: kv[1][0] / kv[1][1])
            best = min(active, key=lambda kv: kv[1][0] / kv[1][1])
            test = two_proportions(worst[1][0], worst[1][1], best[1][0], best[1][1])
            pairs = len(active) * (len(active) - 1) / 2
            p_pair = min(1.0, test.p * pairs)
            figures["shift_test"] = {"chi2": round(stat, 3), "df": df, "p_value": float(f"{p_all:.4g}"),
                                     "worst": worst[0], "best": best[0], **test.to_dict(),
                                     "p_pair": float(f"{p_pair:.4g}")}
            if p_pair < ALPHA and worst[0] != best[0]:
                findings.append(Finding("shift", "warning", cat.text(
                    "shift.diff", worst=worst[0], worst_rate=pct(test.rate_a), best=best[0],
                    best_rate=pct(test.rate_b), p=fmt_p(p_pair),
                    parts=f"{worst[1][1] + best[1][1]:,}"), figures["shift_test"]))

    # -- pre-aggregates: drift figures, locations, sizes, first pass
    agg = store.period_aggregates(db, start, end)
    drift = _drift_section(db, agg, start, end, cat, drift_status, findings, now)

    clusters: list[Cluster] = []
    for model_id, grid in agg.cells.items():
        n_ng = agg.ng_parts.get(model_id, 0)
        if n_ng < MIN_NG_FOR_MAP:
            continue
        found = find_clusters(model_id, grid, n_ng)
        clusters.extend(found)
        name = drift.get("model_names", {}).get(model_id, model_id)
        if found and found[0].p < ALPHA and found[0].share >= 2 * found[0].expected:
            c = found[0]
            findings.append(Finding("location", "warning", cat.text(
                "location.cluster", where=cat.text(f"where.{c.where}"), x=f"{c.x:.2f}", y=f"{c.y:.2f}",
                share=pct(c.share), expected=pct(c.expected), model=name), {"model": name, **c.to_dict()}))
        else:
            findings.append(Finding("location", "info", cat.text("location.spread", model=name),
                                    {"model": name, "ng_parts": n_ng}))
    clusters.sort(key=lambda c: (-c.share, c.p))

    ng_counts = {k: v for k, v in agg.defect_counts.items() if k > 0}
    figures["defect_count_pareto"] = _pareto([(str(k), v) for k, v in ng_counts.items()])
    if ng_counts:
        k_top, v_top = max(ng_counts.items(), key=lambda kv: kv[1])
        n_all = sum(ng_counts.values())
        multi = sum(v for k, v in ng_counts.items() if k > 1) / n_all
        findings.append(Finding("pareto", "info", cat.text("pareto.count", share=pct(v_top / n_all),
                                                           count=k_top, multi=pct(multi)),
                                {"by_defect_count": figures["defect_count_pareto"]}))
    areas = np.zeros(16, np.int64)
    for arr in agg.areas.values():
        areas += arr
    size_rows = [(_area_label(i), int(areas[i])) for i in range(len(AREA_EDGES) + 1) if areas[i]]
    figures["region_size_pareto"] = _pareto(size_rows)
    if areas.sum():
        named: dict[str, int] = defaultdict(int)
        for i in range(16):
            named[_size_name(i)] += int(areas[i])
        size, n_size = max(named.items(), key=lambda kv: kv[1])
        findings.append(Finding("pareto", "info", cat.text(
            "pareto.size", size=cat.text(f"size.{size}"), share=pct(n_size / areas.sum()),
            regions=f"{int(areas.sum()):,}"), {"by_region_size": figures["region_size_pareto"]}))

    fpy_rows: list[_FpyRow] = []
    for prefix, (ok_first, ng_first) in sorted(agg.first_pass.items()):
        n = ok_first + ng_first
        fpy_rows.append({"prefix": prefix, "parts": n, "first_pass_ok": ok_first,
                         "first_pass_yield": round(ok_first / n, 6) if n else None})
    figures["first_pass_yield"] = fpy_rows
    if len(fpy_rows) >= 2:
        all_ok = sum(r["first_pass_ok"] for r in fpy_rows)
        all_n = sum(r["parts"] for r in fpy_rows)
        low = min(fpy_rows, key=lambda r: r["first_pass_yield"] if r["first_pass_yield"] is not None else 2)
        test = two_proportions(low["parts"] - low["first_pass_ok"], low["parts"],
                               (all_n - all_ok) - (low["parts"] - low["first_pass_ok"]), all_n - low["parts"])
        p = min(1.0, test.p * len(fpy_rows))
        if p < ALPHA and test.rate_a > test.rate_b:
            findings.append(Finding("fpy", "warning", cat.text(
                "fpy.low", prefix=low["prefix"], fpy=pct(1 - test.rate_a), rest=pct(1 - test.rate_b),
                p=fmt_p(p), parts=f"{all_n:,}"), {"prefix": low["prefix"], **test.to_dict(),
                                                 "p_value": float(f"{p:.4g}")}))
    if fpy_rows:
        table = ", ".join(f"{r['prefix']} {pct(r['first_pass_yield'])} ({r['parts']:,})" for r in fpy_rows[:8])
        findings.append(Finding("fpy", "info", cat.text("fpy.table", table=table), {"rows": fpy_rows}))

    findings.sort(key=lambda f: SEVERITY_ORDER.get(f.severity, 9))
    summary = _summary(cat, start, end, total, ng, findings, day_fmt)
    return Insights(start=start, end=end, lang=cat.lang, summary=summary, findings=findings, drift=drift,
                    clusters=clusters, location={m: g for m, g in agg.cells.items()}, ng_parts=agg.ng_parts,
                    figures=figures, elapsed_ms=(time.perf_counter() - t0) * 1000)


def _area_label(cls: int) -> str:
    lo = 0 if cls == 0 else AREA_EDGES[cls - 1]
    return f"≥{lo:,} px" if cls >= len(AREA_EDGES) else f"{lo:,}–{AREA_EDGES[cls] - 1:,} px"


def _pareto(rows: list[tuple[str, int]]) -> list[dict[str, Any]]:
    rows = sorted(rows, key=lambda r: -r[1])
    total = sum(v for _, v in rows) or 1
    out, cum = [], 0
    for name, v in rows:
        cum += v
        out.append({"category": name, "count": v, "share": round(v / total, 4), "cumulative": round(cum / total, 4)})
    return out


def _drift_section(db: Any, agg: Any, start: datetime, end: datetime, cat: Catalogue, status: Any,
                   findings: list[Finding], now: datetime | None) -> dict[str, Any]:
    centres = store.score_bin_centres()
    names: dict[str, str] = {}
    per_model = []
    for model_id, hist in agg.scores.items():
        ref_meta = db.get_meta(f"drift_reference:{model_id}")
        ref = json.loads(ref_meta) if ref_meta else {}
        names[model_id] = ref.get("name") or model_id
        hourly = []
        counts = hist.sum(axis=1)
        cum = hist.cumsum(axis=1)
        med_idx = (cum >= 0.5 * counts[:, None]).argmax(axis=1)
        p90_idx = (cum >= 0.9 * counts[:, None]).argmax(axis=1)
        for i in np.flatnonzero(counts):
            hourly.append({"hour": agg.hours[i] + ":00", "parts": int(counts[i]), "ng_parts": int(hist[i, -1]),
                           "median": round(float(centres[med_idx[i]]), 3),
                           "p90": round(float(centres[p90_idx[i]]), 3)})
        total_hist = hist.sum(axis=0)
        per_model.append({"model_id": model_id, "model_name": names[model_id],
                          "reference": ref.get("reference"), "reference_source": ref.get("source"),
                          "parts": int(total_hist.sum()),
                          "median": _weighted_quantile(total_hist, centres, 0.5),
                          "p90": _weighted_quantile(total_hist, centres, 0.9), "hourly": hourly})
    events = store.drift_events(db, start, end)
    for e in events:
        names.setdefault(e.model_id, e.model_name)
    live = status.to_dict() if status is not None and getattr(status, "model_id", None) else None
    fmt = "%Y-%m-%d %H:%M"
    for e in events:
        if e.ended_at is None:  # still active
            severity = "alert"
            text = _drift_sentence(cat, e.direction, e.latest, e.reference, e.model_name, e.started_at.strftime(fmt))
        else:
            severity = "warning"
            text = cat.text("drift.past", model=e.model_name, since=e.started_at.strftime(fmt),
                            until=e.ended_at.strftime(fmt), median=_level(max(e.level, e.latest)),
                            reference=f"{e.reference:.2f}")
        findings.append(Finding("drift", severity, text, e.to_dict()))
    if not events:
        for m in per_model:
            if m["reference"] is not None and m["median"] is not None and m["parts"] >= 100:
                findings.append(Finding("drift", "info", cat.text(
                    "drift.ok", model=m["model_name"], median=f"{m['median']:.2f}",
                    reference=f"{m['reference']:.2f}"), {k: v for k, v in m.items() if k != "hourly"}))
    return {"active": bool(live and live.get("drifting")), "status": live,
            "events": [e.to_dict() for e in events], "models": per_model, "model_names": names}


def _level(value: float) -> str:
    return "≥ 1.00" if value >= 1.0 else f"{value:.2f}"


def _summary(cat: Catalogue, start: datetime, end: datetime, total: int, ng: int, findings: list[Finding],
             fmt: str) -> str:
    end_shown = end - timedelta(microseconds=1) if end.time() == datetime.min.time() else end
    s_text, e_text = start.strftime(fmt), end_shown.strftime(fmt)
    if not total:
        head = cat.text("summary.empty", start=s_text, end=e_text)
    else:
        head = cat.text("summary.volume", start=s_text, end=e_text, total=f"{total:,}", ng=f"{ng:,}",
                        rate=cat.percent(ng / total))
    notable = [f for f in findings if f.severity in ("alert", "warning")]
    if not notable:
        return head + " " + cat.text("summary.nothing") if total else head
    lines = [head, cat.text("summary.findings", count=len(notable))]
    lines += [f"• {f.text}" for f in notable]
    return "\n".join(lines)


def location_heatmap(grid: np.ndarray, size: tuple[int, int], background: np.ndarray | None = None) -> np.ndarray:
    """BGR image ``size`` (w, h): the smoothed count map in a colour scale over ``background``
    (a representative OK image; a neutral grey part when none is saved)."""
    import cv2

    w, h = size
    g: np.ndarray = grid.astype(np.float32)
    if g.max() > 0:
        g = cv2.GaussianBlur(cv2.resize(g, (w, h), interpolation=cv2.INTER_NEAREST), (0, 0),
                             sigmaX=max(1.0, w / GRID * 0.8), sigmaY=max(1.0, h / GRID * 0.8))
        g = g / g.max()
    else:
        g = np.zeros((h, w), np.float32)
    colour = cv2.applyColorMap((g * 255).astype(np.uint8), cv2.COLORMAP_JET)
    base: np.ndarray
    if background is None:
        base = np.full((h, w, 3), 90, np.uint8)
    else:
        bg = background if background.ndim == 3 else cv2.cvtColor(background, cv2.COLOR_GRAY2BGR)
        base = cv2.resize(bg[..., :3], (w, h), interpolation=cv2.INTER_AREA)
    alpha = (0.15 + 0.65 * g)[..., None]
    alpha[g < 0.05] = 0.0
    return (base * (1 - alpha) + colour * alpha).astype(np.uint8)


def draw_clusters(image: np.ndarray, clusters: list[Cluster]) -> np.ndarray:
    """Numbered circles on the map at each cluster centre (1 = largest share)."""
    import cv2

    out = image.copy()
    h, w = out.shape[:2]
    radius = int(max(6, (CLUSTER_RADIUS + 0.5) / GRID * min(w, h)))
    scale = max(0.6, min(w, h) / 300)  # labels stay readable when the page shows the map small
    thick = max(2, int(round(min(w, h) / 180)))
    for i, c in enumerate(clusters, 1):
        centre = (int(c.x * w), int(c.y * h))
        cv2.circle(out, centre, radius, (255, 255, 255), thick, cv2.LINE_AA)
        (tw, th), _ = cv2.getTextSize(str(i), cv2.FONT_HERSHEY_SIMPLEX, scale, thick)
        org = (centre[0] - tw // 2, centre[1] + th // 2)
        cv2.putText(out, str(i), org, cv2.FONT_HERSHEY_SIMPLEX, scale, (0, 0, 0), thick + 3, cv2.LINE_AA)
        cv2.putText(out, str(i), org, cv2.FONT_HERSHEY_SIMPLEX, scale, (255, 255, 255), thick, cv2.LINE_AA)
    return out


def render_location_map(db: Any, insights: Insights, data_dir: Any, model_id: str | None = None,
                        max_side: int = 640) -> np.ndarray | None:
    """The defect-location map of ``model_id`` (default: the model with most NG parts) as BGR, or
    None when no NG part of the period has a known image size."""
    from pathlib import Path

    from inference.imageio import read_image

    model_id = model_id or insights.model_for_map()
    if model_id is None or model_id not in insights.location:
        return None
    rel, _is_ok = store.representative_image(db, model_id, insights.start, insights.end)
    background = None
    if rel:
        root = Path(data_dir).resolve()
        path = (root / rel).resolve()
        if path.is_relative_to(root) and path.is_file():
            try:
                background = read_image(path, max_pixels=40_000_000)
            except Exception:  # noqa: BLE001 - a damaged image: the map goes on a neutral part
                background = None
    if background is not None:
        bh, bw = background.shape[:2]
        scale = max_side / max(bh, bw)
        size = (max(1, int(bw * scale)), max(1, int(bh * scale)))
    else:
        size = (max_side, max_side)
    image = location_heatmap(insights.location[model_id], size, background)
    return draw_clusters(image, [c for c in insights.clusters if c.model_id == model_id][:3])


def drift_text(status: Any, lang: str = "en") -> str:
    """The banner's sentence for a live :class:`station.drift.DriftStatus` that is drifting."""
    since = status.since.strftime("%Y-%m-%d %H:%M") if status.since else "–"
    return _drift_sentence(Catalogue(lang), "up" if status.state == "drift_up" else "down",
                           status.median or 0.0, status.reference or 0.0, status.model_name, since)


def _drift_sentence(cat: Catalogue, direction: str, median: float, reference: float, model: str,
                    since: str) -> str:
    """An active warning's sentence; a median at the threshold means over half the parts are NG
    (the median is censored there), which says more than "1.00"."""
    if direction == "up" and median >= 1.0:
        return cat.text("drift.over", reference=f"{reference:.2f}", model=model, since=since)
    return cat.text("drift.up" if direction == "up" else "drift.down", median=f"{median:.2f}",
                    reference=f"{reference:.2f}", model=model, since=since)


def period_bounds(start: Any, end: Any, today: datetime | None = None) -> tuple[datetime, datetime]:
    """The API's ``startDate``/``endDate`` (days, inclusive; default the last 15 days) as [start, end)."""
    from storage.timeutil import parse_day

    today_d = (today or datetime.now()).date()
    end_day = parse_day(end, "endDate") or today_d
    start_day = parse_day(start, "startDate") or end_day - timedelta(days=14)
    if start_day > end_day:
        raise ValueError("startDate must not be after endDate")
    if (end_day - start_day).days > 366:
        raise ValueError("at most 367 days per request")
    lo = datetime.combine(start_day, datetime.min.time())
    return lo, datetime.combine(end_day + timedelta(days=1), datetime.min.time())


__all__ = ["Cluster", "Finding", "Insights", "compute", "drift_text", "find_clusters", "location_heatmap",
           "period_bounds", "prefix_of", "render_location_map"]
