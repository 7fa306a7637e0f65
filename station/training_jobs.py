"""Background training jobs (``POST /api/v1/algorithms/{id}/train``, the Models page's Retrain).

At most one job runs at a time (a second is refused with :class:`Busy`, HTTP 425), on a daemon
thread at low priority beside the line. The model id is chosen when the job starts, so a client
can poll ``GET /api/v1/models/{id}`` from the first second: ``training`` with progress text, then
``finished`` (the bundle is in the library) or ``failed`` with the reason. A finished model is
never activated here: activation stays the operator's (or the client's) explicit changeover.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from station.machine_errors import Busy, InvalidInput

log = logging.getLogger(__name__)


@dataclass
class TrainingJob:
    model_id: str
    name: str
    algorithm: str
    target_id: int | None
    ok_count: int
    ng_count: int
    created_at: str
    status: str = "training"  # training -> finished | failed | cancelled
    status_text: str = "queued"
    progress: float = 0.0
    path: Path | None = None
    error: str | None = None
    started: float = field(default_factory=time.monotonic)
    cancel: threading.Event = field(default_factory=threading.Event)

    @property
    def running(self) -> bool:
        return self.status == "training"


def train_model(ok: Sequence[Path], ng: Sequence[Path], *, algorithm: str, parameters: dict[str, Any], name: str,
                device: str, progress: Callable[[str, float], None], cancel: threading.Event) -> Any:
    """The one call that trains for the machine API and the GUI's retrain: the station's engine entry.

    Kept a single call so the station's inference owner (backbone lock, priorities) can wrap it.
    """
    from inference import train

    return train(list(ok), ng_images=list(ng) or None, algorithm=algorithm, parameters=parameters, name=name,
                 device=device, progress=progress, cancel=cancel)


class TrainingJobs:
    def __init__(self, models_dir: Path, device: str, on_finished: Callable[[TrainingJob], None] | None = None,
                 trainer: Callable[..., Any] = train_model) -> None:
        self.models_dir = Path(models_dir)
        self.device = device
        self.on_finished = on_finished
        self.trainer = trainer
        self._lock = threading.Lock()
        self._jobs: dict[str, TrainingJob] = {}
        self._thread: threading.Thread | None = None

    def get(self, model_id: str) -> TrainingJob | None:
        with self._lock:
            return self._jobs.get(model_id)

    def jobs(self) -> list[TrainingJob]:
        with self._lock:
            return list(self._jobs.values())

    @property
    def busy(self) -> bool:
        with self._lock:
            return any(j.running for j in self._jobs.values())

    def start(self, *, ok: Sequence[Path], ng: Sequence[Path], algorithm: str, parameters: dict[str, Any],
              name: str, target_id: int | None) -> TrainingJob:
        from inference.algorithms import get_spec
        from inference.training import MIN_OK_IMAGES
        from storage.machine import utc_now

        if len(ok) < MIN_OK_IMAGES:
            raise InvalidInput(f"training needs at least {MIN_OK_IMAGES} OK (good) training images, "
                               f"got {len(ok)}", "/body/item_ids")
        try:
            get_spec(algorithm).resolve(parameters)
        except ValueError as exc:
            raise InvalidInput(str(exc), "/body/override_params") from None
        with self._lock:
            if any(j.running for j in self._jobs.values()):
                raise Busy("a training job is already running; poll GET /api/v1/models/{id} and retry when it "
                           "has finished")
            job = TrainingJob(model_id=uuid.uuid4().hex, name=name, algorithm=algorithm, target_id=target_id,
                              ok_count=len(ok), ng_count=len(ng), created_at=utc_now())
            self._jobs[job.model_id] = job
            self._thread = threading.Thread(target=self._run, args=(job, list(ok), list(ng), dict(parameters)),
                                            name="qcs-training-job", daemon=True)
            self._thread.start()
        return job

    def cancel(self, model_id: str) -> bool:
        job = self.get(model_id)
        if job is None or not job.running:
            return False
        job.cancel.set()
        return True

    def wait(self, timeout: float | None = None) -> None:
        thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def _run(self, job: TrainingJob, ok: list[Path], ng: list[Path], parameters: dict[str, Any]) -> None:
        from inference.errors import TrainingCancelled
        from inference.model import AnomalyModel
        from station.model_library import unique_path

        _lower_priority()

        def progress(stage: str, fraction: float) -> None:
            job.progress = max(0.0, min(1.0, float(fraction)))
            job.status_text = f"{stage} {int(job.progress * 100)}%"

        try:
            model = self.trainer(ok, ng, algorithm=job.algorithm, parameters=parameters, name=job.name,
                                 device=self.device, progress=progress, cancel=job.cancel)
            model = AnomalyModel(replace(model.info, id=job.model_id), model._core, model.params)  # noqa: SLF001
            self.models_dir.mkdir(parents=True, exist_ok=True)
            job.path = Path(model.save(unique_path(self.models_dir, job.name)))
            job.status, job.status_text, job.progress = "finished", "finished", 1.0
        except TrainingCancelled:
            job.status, job.status_text = "cancelled", "cancelled"
        except Exception as exc:  # noqa: BLE001 - a failed job reports its reason; the station goes on
            log.exception("training job %s failed", job.model_id)
            job.status, job.error = "failed", str(exc) or type(exc).__name__
            job.status_text = f"failed: {job.error}"
        if self.on_finished is not None:
            try:
                self.on_finished(job)
            except Exception:  # noqa: BLE001
                log.exception("after-training hook failed")


def _lower_priority() -> None:
    """Training shares the CPU with the line: give the line's threads the first call on it."""
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)


__all__ = ["TrainingJob", "TrainingJobs", "train_model"]
