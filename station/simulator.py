"""The anomaly-detection simulator's back end (seed 001) over labelled folders in the data dir.

Datasets are folders under ``<data dir>/datasets/<name>`` in the ``OK/`` + ``NG/`` or the MVTec
layout (``inference.evaluation.load_labelled_folder``, the same index ``main.py evaluate`` uses).
Images are named to clients as ``OK/...`` / ``NG/...`` and resolved only through that index, so
a client can never name a file outside the dataset. Each prediction goes through the station's
inference queue and is appended to the dataset's result CSV; the rates are computed from it with
``evaluate``'s definitions (miss = NG judged OK / NG, over-detection = OK judged NG / OK).
"""

from __future__ import annotations

import csv
import random
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from station.machine_errors import InvalidInput, NotFound

NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
CSV_HEADER = ["file name", "label", "prediction", "anomaly score"]


@dataclass(frozen=True)
class Dataset:
    name: str
    root: Path
    images: dict[str, Any]  # client name ("OK/x.png", "NG/crack/y.png") -> LabelledImage


class Simulator:
    def __init__(self, station: Any, data_dir: Path) -> None:
        self.station = station
        self.root = Path(data_dir) / "datasets"
        self.results_dir = Path(data_dir) / "simulator"
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[float, Dataset]] = {}

    # ------------------------------------------------------------------ datasets
    def names(self) -> list[str]:
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.iterdir() if p.is_dir() and NAME_RE.match(p.name))

    def dataset(self, name: str | None) -> Dataset:
        from inference.errors import EngineError
        from inference.evaluation import load_labelled_folder

        if not name or not NAME_RE.match(name) or ".." in name:
            raise InvalidInput("dataset must be a folder name (letters, digits, . _ -) under <data dir>/datasets",
                               "/query/dataset")
        folder = (self.root / name).resolve()
        if folder.parent != self.root.resolve() or not folder.is_dir():
            raise NotFound(f"no dataset {name!r}; available: {', '.join(self.names()) or 'none'}", "/query/dataset")
        mtime = folder.stat().st_mtime
        hit = self._cache.get(name)
        if hit and hit[0] == mtime:
            return hit[1]
        try:
            labelled = load_labelled_folder(folder)
        except EngineError as exc:
            raise InvalidInput(str(exc), "/query/dataset") from None
        images: dict[str, Any] = {}
        for item in labelled.items:
            rel = item.path.relative_to(folder)
            parts = rel.parts
            if labelled.layout == "mvtec":  # test/<defect>/x.png -> OK/good/x.png, NG/<defect>/x.png
                key = f"{item.label}/{item.defect}/{item.path.name}"
            else:
                key = f"{item.label}/" + "/".join(parts[1:])
            images[key] = item
        ds = Dataset(name, folder, images)
        self._cache[name] = (mtime, ds)
        return ds

    def _csv(self, name: str) -> Path:
        return self.results_dir / f"{name}_result.csv"

    # ------------------------------------------------------------------ the three routes
    def all_data(self, name: str, seed: int | None = None) -> list[str]:
        """Every image, shuffled; starts a new result file for the dataset."""
        ds = self.dataset(name)
        names = list(ds.images)
        random.Random(seed).shuffle(names)
        with self._lock:
            self.results_dir.mkdir(parents=True, exist_ok=True)
            with self._csv(name).open("w", newline="", encoding="utf-8") as fh:
                csv.writer(fh).writerow(CSV_HEADER)
        return names

    def predict(self, name: str, img_name: str | None, model: Any = None) -> dict[str, Any]:
        from inference.errors import ImageDecodeError
        from inference.imageio import read_image, to_bgr
        from inference.visualize import annotate
        from station.core import validate_image
        from station.errors import InvalidImage

        ds = self.dataset(name)
        item = ds.images.get(img_name or "")
        if item is None:
            raise NotFound(f"no image {img_name!r} in dataset {name!r} (names come from /getAllData)",
                           "/query/img_name")
        try:
            image = read_image(item.path)
            try:
                validate_image(image)
            except InvalidImage:
                image = to_bgr(image)
        except ImageDecodeError as exc:
            raise InvalidInput(f"{img_name}: {exc}", "/query/img_name") from None
        result = self.station.inspect(image, source="batch", name=item.path.name, record=False,
                                      model=model).result(120)
        row = [item.path.name, item.label, result.verdict, f"{result.score:.6f}"]
        with self._lock:
            path = self._csv(name)
            if not path.is_file():
                self.results_dir.mkdir(parents=True, exist_ok=True)
                path.write_text(",".join(CSV_HEADER) + "\n", encoding="utf-8")
            with path.open("a", newline="", encoding="utf-8") as fh:
                csv.writer(fh).writerow(row)
        return {"label": item.label, "isAnomaly": result.verdict == "NG", "image": image,
                "overlay": annotate(image, result), "score": float(result.score),
                "threshold": float(result.threshold), "prediction": result.verdict, "name": img_name}

    def rows(self, name: str) -> list[dict[str, Any]]:
        self.dataset(name)
        path = self._csv(name)
        if not path.is_file():
            return []
        with self._lock, path.open(newline="", encoding="utf-8") as fh:
            reader = csv.reader(fh)
            next(reader, None)
            return [{"file": r[0], "label": r[1], "prediction": r[2], "score": float(r[3])}
                    for r in reader if len(r) == 4]

    def rates(self, name: str) -> dict[str, Any]:
        rows = self.rows(name)
        ng = [r for r in rows if r["label"] == "NG"]
        ok = [r for r in rows if r["label"] == "OK"]
        missed = sum(r["prediction"] == "OK" for r in ng)
        over = sum(r["prediction"] == "NG" for r in ok)
        return {"predicted": len(rows), "n_ok": len(ok), "n_ng": len(ng), "missed": missed, "over_detected": over,
                "miss_rate": missed / len(ng) if ng else None, "over_detection_rate": over / len(ok) if ok else None}

    def histogram(self, name: str, width: int = 640, height: int = 360, bins: int = 30) -> np.ndarray:
        """Score histogram of what was predicted (OK green, NG red, stacked), as a BGR image."""
        import cv2

        rows = self.rows(name)
        img = np.full((height, width, 3), 255, np.uint8)
        margin = 40
        cv2.line(img, (margin, height - margin), (width - 10, height - margin), (0, 0, 0), 1)
        cv2.line(img, (margin, 10), (margin, height - margin), (0, 0, 0), 1)
        if not rows:
            cv2.putText(img, "no predictions yet", (margin + 10, height // 2), cv2.FONT_HERSHEY_SIMPLEX, 0.6,
                        (80, 80, 80), 1, cv2.LINE_AA)
            return img
        scores = np.array([r["score"] for r in rows], dtype=np.float64)
        lo, hi = float(scores.min()), float(scores.max())
        if hi <= lo:
            hi = lo + 1e-6
        edges = np.linspace(lo, hi, bins + 1)
        ok = np.histogram([r["score"] for r in rows if r["label"] == "OK"], edges)[0]
        ng = np.histogram([r["score"] for r in rows if r["label"] == "NG"], edges)[0]
        top = max(1, int((ok + ng).max()))
        plot_w, plot_h = width - margin - 10, height - margin - 10
        bw = plot_w / bins
        for i in range(bins):
            x0, x1 = int(margin + i * bw) + 1, int(margin + (i + 1) * bw) - 1
            h_ok = int(plot_h * ok[i] / top)
            h_ng = int(plot_h * ng[i] / top)
            base = height - margin
            if h_ok:
                cv2.rectangle(img, (x0, base - h_ok), (x1, base), (80, 180, 60), -1)
            if h_ng:
                cv2.rectangle(img, (x0, base - h_ok - h_ng), (x1, base - h_ok), (60, 60, 220), -1)
        for text, x in ((f"{lo:.3g}", margin), (f"{hi:.3g}", width - 60)):
            cv2.putText(img, text, (x, height - margin + 18), cv2.FONT_HERSHEY_SIMPLEX, 0.45, (0, 0, 0), 1, cv2.LINE_AA)
        cv2.putText(img, f"max {top}", (4, 20), cv2.FONT_HERSHEY_SIMPLEX, 0.4, (0, 0, 0), 1, cv2.LINE_AA)
        cv2.putText(img, "OK", (width - 90, 24), cv2.FONT_HERSHEY_SIMPLEX, 0.5, (80, 180, 60), 2, cv2.LINE_AA)
        cv2.putText(img, "NG", (width - 50, 24), cv2.FONT_HERSHEY_SIMPLEX, 0.5, (60, 60, 220), 2, cv2.LINE_AA)
        return img


__all__ = ["Simulator"]
