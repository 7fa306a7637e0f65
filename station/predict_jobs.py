"""Background prediction of stored items (``POST /api/v1/models/{id}/predict``).

Images are decoded at the working size the job's model needs, within the endpoint's memory
budget (``station.item_decode``), and go through the station's one inference queue
(``station.inspect(..., record=False)``), so API predictions batch with, and never overtake, the line's own parts; when the queue is full the
job waits and retries instead of failing. An item is NG when any of its images is. Each result is
stored as an assessment and, when the model has a callback, handed to the delivery thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from station.item_decode import NO_BUDGETS, Budgets, submit_working
from station.machine_errors import Busy

log = logging.getLogger(__name__)

IMAGE_TIMEOUT_S = 120.0


@dataclass
class PredictJob:
    model_id: str
    model_version: str
    item_ids: list[str]
    done: int = 0
    failed: list[str] = field(default_factory=list)
    running: bool = True


def judge_item(station: Any, model: Any, paths: Sequence[Any], name: str, *, min_side: int = 0,
               max_pixels: int = 0, budgets: Budgets = NO_BUDGETS) -> dict[str, Any]:
    """One item's assessment from its stored images, judged through the station's queue at the
    working size for ``model`` (``station.item_decode``), regions in original pixels."""
    futures = [submit_working(station, model, path, name=f"{name}#{i}", min_side=min_side,
                              max_pixels=max_pixels, budgets=budgets) for i, path in enumerate(paths)]
    results = [f.result(IMAGE_TIMEOUT_S) for f in futures]
    regions = []
    for i, r in enumerate(results):
        for reg in r.regions:
            regions.append({"image": i, **reg.to_dict()})
    worst = max(results, key=lambda r: r.normalized_score)
    return {
        "result": "NG" if any(r.verdict == "NG" for r in results) else "OK",
        "anomaly_score": float(worst.score),
        "threshold": float(worst.threshold),
        "detected_objects": sum(r.defect_count for r in results),
        "regions": regions,
    }


class PredictJobs:
    def __init__(self, station: Any, image_paths: Callable[[str], list[Any]],
                 on_result: Callable[[PredictJob, str, dict[str, Any]], None], *, min_side: int = 0,
                 max_pixels: int = 0) -> None:
        self.station = station
        self.image_paths = image_paths
        self.on_result = on_result
        self.min_side = int(min_side)
        self.max_pixels = int(max_pixels)
        self._lock = threading.Lock()
        self._job: PredictJob | None = None
        self._thread: threading.Thread | None = None

    @property
    def busy(self) -> bool:
        with self._lock:
            return self._job is not None and self._job.running

    @property
    def current(self) -> PredictJob | None:
        return self._job

    def start(self, model: Any, item_rows: Sequence[dict[str, Any]], on_start: Callable[[list[str]], None],
              budgets: Budgets = NO_BUDGETS) -> PredictJob:
        """``budgets``: the endpoint's memory pools each image is decoded within."""
        ids = [r["item_id"] for r in item_rows]
        with self._lock:
            if self._job is not None and self._job.running:
                raise Busy("a prediction job is running; retry when it has finished")
            job = PredictJob(model.info.id, str(model.info.version), ids)
            on_start(ids)
            self._job = job
            names = {r["item_id"]: r["name"] for r in item_rows}
            self._thread = threading.Thread(target=self._run, args=(job, model, names, budgets), daemon=True,
                                            name="qcs-predict-job")
            self._thread.start()
        return job

    def wait(self, timeout: float | None = None) -> None:
        thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def _run(self, job: PredictJob, model: Any, names: dict[str, str], budgets: Budgets) -> None:
        try:
            for item_id in job.item_ids:
                try:
                    assessment = judge_item(self.station, model, self.image_paths(item_id), names[item_id],
                                            min_side=self.min_side, max_pixels=self.max_pixels, budgets=budgets)
                except Exception as exc:  # noqa: BLE001 - one unreadable item must not end the job
                    log.warning("predicting item %s failed: %s", item_id, exc)
                    job.failed.append(item_id)
                    assessment = {"error": str(exc) or type(exc).__name__}
                self.on_result(job, item_id, assessment)
                job.done += 1
        finally:
            job.running = False


__all__ = ["PredictJob", "PredictJobs", "judge_item"]
