"""The station: one object that the GUI, the HTTP endpoint and the CLI all go through.

Flow (one way)::

    inspect(image) ─▶ bounded job queue ─▶ inference worker (the only thread that runs the model)
                                              │ batches what is waiting, same model + params
                                              ▼
                                           recorder thread: insert row ─▶ resolve Future ─▶ events
                                              └──▶ save images, enforce quota (after the reply)

Why two threads: encoding and writing PNGs costs as much as inference on a 2-core PC, so it
runs beside the next batch instead of after it; the caller's Future resolves as soon as the
record row exists (it carries the record id), and the images follow. The part's printed code
(``analysis.read_identifiers``) is read on a third thread from the moment the image is queued, so
the row does not wait for it after the verdict (``station.identifier_reads``).
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from station.errors import InvalidImage, NoModelLoaded, StationBusy, StationError, StationStopped
from station.events import EventBus, ModelChanged, QueueDepth, ResultReady, StorageWarning, WorkerHealth
from station.machine_state import MachineStateModel
from station.settings import Settings
from station.supervisor import FAILED, RESTARTING, RUNNING, Supervisor, WorkerStatus

if TYPE_CHECKING:
    from inference.model import AnomalyModel
    from inference.types import InspectionResult, ModelInfo, PredictParams
    from inference.working_image import SourceImage
    from storage import ImageStore, InspectionRecord

log = logging.getLogger(__name__)

_STOP = object()
SOURCES = ("camera", "video", "folder", "http", "batch", "cli")


@dataclass(frozen=True, eq=False)
class Inspection:
    """One judged part: what was stored, what the engine said, and the image it saw."""

    record: InspectionRecord
    result: InspectionResult
    image: np.ndarray
    source: SourceImage | None = None  # the posted original when ``image`` is a reduced working copy


@dataclass(eq=False)
class _Job:
    image: np.ndarray
    source: str
    name: str
    part_id: str | None
    record: bool
    model: AnomalyModel
    params: PredictParams | None  # None: the model's own
    future: Future[Any]
    tags: dict[str, Any] | None = None  # stored in the record's extra (request_id, request_item, image shape)
    original: SourceImage | None = None  # image is a reduced copy of this (inference.working_image)
    identifier: Future[Any] | None = None  # its code being read beside the model (station.identifier_reads)
    enqueued: float = field(default_factory=time.perf_counter)
    when: datetime = field(default_factory=datetime.now)


def _drop_read_if_cancelled(read: Future[Any], job: Future[Any]) -> None:
    if job.cancelled():
        read.cancel()


def validate_image(image: Any) -> np.ndarray:
    """Accept H×W or H×W×{1,3,4} uint8/uint16 arrays; anything else is a clear InvalidImage."""
    if not isinstance(image, np.ndarray):
        raise InvalidImage(f"expected a numpy image array, got {type(image).__name__}")
    if image.ndim not in (2, 3) or (image.ndim == 3 and image.shape[2] not in (1, 3, 4)):
        raise InvalidImage(f"unsupported image shape {image.shape}: expected H×W or H×W×3")
    if image.shape[0] < 8 or image.shape[1] < 8:
        raise InvalidImage(f"image too small: {image.shape[1]}×{image.shape[0]} px")
    if image.dtype not in (np.uint8, np.uint16):
        raise InvalidImage(f"unsupported pixel type {image.dtype}: expected uint8 or uint16")
    return image


class Station:
    """Active model + the one inference worker + recording + events. Thread-safe."""

    def __init__(self, settings: Settings, *, database: Any = None, model: AnomalyModel | None = None,
                 image_store: ImageStore | None = None) -> None:
        self.settings = settings
        self.events = EventBus()
        self._own_database = database is None
        self._database = database
        self._image_store: ImageStore | None = image_store
        self._lock = threading.RLock()
        self._persist_lock = threading.Lock()
        self._model: AnomalyModel | None = model
        self._model_path: Path | None = None
        cap = max(1, int(settings.inference.queue_size))
        self._jobs: queue.Queue = queue.Queue(maxsize=cap)
        self._records: queue.Queue = queue.Queue(maxsize=max(8, cap * 2))
        self._worker: Supervisor | None = None
        self._recorder: Supervisor | None = None
        self._accepting = False
        self._failed: str | None = None  # set when a worker gave up: work is refused as "stopped"
        self._in_batch: list[_Job] = []  # what each loop holds, failed by the supervisor on a crash
        self._in_records: list[tuple] = []
        self._others: list[Supervisor] = []  # capture and other loops started through supervise()
        self._es_sync: Any = None
        self._last_es_error: str | None = None
        self.warnings: list[str] = []  # problems met at start, for a GUI that subscribes later
        self.drift: Any = None  # station.drift.DriftMonitor once started
        self.roles: Any = None  # station.roles.RoleSession, attached by composition
        self.audit_trail: Any = None  # station.audit.AuditTrail, attached by composition
        from station.identifier_reads import IdentifierReads
        from station.jobs import JobRegistry

        self._identifiers = IdentifierReads()  # part codes read while the image waits and is judged
        self.jobs = JobRegistry()  # long work (video analysis) shared by the GUI and the endpoint
        self.machine = MachineStateModel()  # RUNNING / REVIEWING / ... for the tile, the PLC and the API
        self.machine.set_model(model.info.name if model is not None else None)

    # ----------------------------------------------------------------- lifecycle
    def start(self) -> Station:
        with self._lock:
            if self._worker is not None:
                return self
            if self._database is None or self.settings.storage.save_images != "none":
                # images go under data_dir even when the database lives elsewhere (serve --db)
                self.settings.data_dir.mkdir(parents=True, exist_ok=True)
            if self._database is None:
                from storage import Database

                self._database = Database(self.settings.db_path)
                for message in getattr(self._database, "warnings", []):
                    self._warn(message)
            if self._image_store is None and self.settings.storage.save_images != "none":
                self._image_store = self._make_image_store()
            if self._model is None and self.settings.inference.model_path:
                try:
                    self.load_model(self.settings.inference.model_path)
                except StationError as exc:
                    log.warning("active model not loaded: %s", exc)
                    self._warn(f"model not loaded: {exc}")
            self._start_es_sync()
            self._failed = None
            from station.drift import attach

            self.drift = attach(self)  # score drift of OK parts vs calibration (docs/insights.md)
            self._identifiers.start()
            self._accepting = True
            self._worker = self._supervised("inference", self._run_worker, self._in_batch)
            self._recorder = self._supervised("recorder", self._run_recorder, self._in_records)
        return self

    def _supervised(self, name: str, loop: Any, holding: list) -> Supervisor:
        """Run ``loop`` under a supervisor: a crash fails what the loop held, then it restarts."""

        def on_crash(exc: BaseException) -> None:
            err = StationError(f"the {name} worker failed on this image: {type(exc).__name__}: {exc}")
            for item in list(holding):
                job = item[0] if isinstance(item, tuple) else item
                if not job.future.done():
                    job.future.set_exception(err)
            holding.clear()

        return Supervisor(name, loop, on_crash=on_crash, on_give_up=lambda exc: self._give_up(name, exc),
                          on_state=self._worker_state, thread_name=f"qcs-{name}").start()

    def _give_up(self, name: str, exc: BaseException) -> None:
        """A worker crashed more often than it may: refuse work (503 stopped) instead of hanging."""
        self._failed = (f"the {name} worker stopped after repeated failures "
                        f"({type(exc).__name__}: {exc}); restart the station")
        self._accepting = False
        self._fail_pending(StationStopped(self._failed))

    def _worker_state(self, status: WorkerStatus) -> None:
        if status.state == RUNNING and status.restarts == 0:
            return  # a normal start is not news
        text = {RESTARTING: f"The {status.name} worker failed ({status.last_error}); restarting it.",
                RUNNING: f"The {status.name} worker is running again.",
                FAILED: f"The {status.name} worker stopped for good ({status.last_error}): the station "
                        "refuses new work until it is restarted."}.get(status.state)
        if text:
            self.events.publish(WorkerHealth(text, worker=status.name, state=status.state))

    def supervise(self, name: str, loop: Any, *, max_restarts: int = 3) -> Supervisor:
        """Run another long-lived loop (capture, ...) supervised and listed in :meth:`worker_status`:
        ``CaptureWorker(...).start(supervise=station.supervise)``."""
        sup = Supervisor(name, loop, max_restarts=max_restarts, on_state=self._worker_state,
                         thread_name=f"qcs-{name}")
        self._others = [s for s in self._others if s.alive] + [sup]
        return sup.start()

    def worker_status(self) -> dict[str, dict]:
        """Each supervised worker's state, for ``/api/status`` and the GUI."""
        out = {}
        for sup in (self._worker, self._recorder, *self._others):
            if sup is not None:
                out[sup.name] = sup.status.to_dict()
        es_status = self._es_sync.worker_status() if self._es_sync is not None else None
        if es_status is not None:
            out["es_mirror"] = es_status.to_dict()
        return out

    @property
    def failure(self) -> str | None:
        """Why the station refuses work after a worker gave up, else None."""
        return self._failed

    def stop(self, timeout: float = 10.0) -> None:
        """Finish queued work, then stop the threads; close the database if the station opened it."""
        with self._lock:
            if self._worker is None:
                return
            self._accepting = False
            worker, recorder = self._worker, self._recorder
            self._worker = self._recorder = None
        worker.request_stop()
        if recorder is not None:
            recorder.request_stop()
        self._jobs.put(_STOP)
        worker.join(timeout)
        self._records.put(_STOP)
        if recorder is not None:
            recorder.join(timeout)
        self._identifiers.stop()
        self._fail_pending(StationStopped("the station stopped before this image was inspected"))
        if self._es_sync is not None:
            self._es_sync.stop()
            self._es_sync = None
        if self.drift is not None:
            self.drift.close()
        if self._own_database and self._database is not None:
            self._database.close()
            self._database = None

    def __enter__(self) -> Station:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _warn(self, message: str) -> None:
        self.warnings.append(message)
        self.events.publish(StorageWarning(message))

    def _start_es_sync(self) -> None:
        """Mirror the history to Elasticsearch when configured; SQLite stays the record of truth."""
        s = self.settings.storage
        if not s.es_url:
            return
        from storage.es_sync import EsSync

        def on_error(message: str) -> None:
            if message != self._last_es_error:  # once per distinct problem, not once per retry
                self._last_es_error = message
                self.events.publish(StorageWarning(f"Elasticsearch mirror: {message}"))

        try:
            self._es_sync = EsSync(self._database, s.es_url, s.es_index, on_error=on_error).start(
                supervise=lambda name, loop: Supervisor(name, loop, max_restarts=10, on_state=self._worker_state,
                                                        thread_name="es-sync").start())
        except (ValueError, ImportError) as exc:
            self._warn(f"Elasticsearch mirror not started: {exc}")

    @property
    def running(self) -> bool:
        return self._accepting

    # ----------------------------------------------------------------- model
    @property
    def model(self) -> AnomalyModel | None:
        return self._model

    @property
    def model_info(self) -> ModelInfo | None:
        model = self._model
        return model.info if model is not None else None

    @property
    def model_path(self) -> Path | None:
        return self._model_path

    @property
    def params(self) -> PredictParams | None:
        model = self._model
        return model.params if model is not None else None

    def set_model(self, model: AnomalyModel | None, path: str | Path | None = None) -> None:
        """Switch the active model. Work already queued finishes on the model it was queued with."""
        with self._lock:
            self._model = model
            self._model_path = Path(path) if path else None
        self.machine.set_model(model.info.name if model is not None else None)
        self.events.publish(ModelChanged(model.info if model is not None else None))

    def load_model(self, path: str | Path) -> ModelInfo:
        """Load a bundle and make it active; a missing or damaged file raises StationError."""
        from inference import load
        from inference.errors import EngineError

        path = Path(path)
        if not path.is_file():
            raise StationError(f"model file not found: {path}")
        try:
            model = load(path, device=self.settings.inference.device)
        except EngineError as exc:
            raise StationError(f"cannot load model {path.name}: {exc}") from exc
        self.set_model(model, path)
        return model.info

    def set_params(self, params: PredictParams, persist: bool = True) -> None:
        """New prediction parameters (threshold, min area, ignore outer); no retraining.

        With ``persist`` the model file is rewritten (atomically, in the background) so the
        parameters survive a restart, as HACARUS' ``update_predict_parameters`` does.
        """
        with self._lock:
            if self._model is None:
                raise NoModelLoaded("no model loaded: train or open a model first")
            self._model = self._model.with_params(params)
            model, path = self._model, self._model_path
        self.events.publish(ModelChanged(model.info))
        if persist and path is not None:
            threading.Thread(target=self._persist_model, args=(model, path), daemon=True,
                             name="qcs-save-params").start()

    def _persist_model(self, model: AnomalyModel, path: Path) -> None:
        """One save at a time, and only of the newest parameters: quick Apply clicks must not race
        on the bundle's temp file or let older parameters land last."""
        with self._persist_lock:
            if model is not self._model:
                return  # superseded: the newer call's thread saves
            try:
                model.save(path)  # atomic (temp file + rename) in the bundle writer
            except Exception:  # noqa: BLE001 - the live model is already switched; log and go on
                log.exception("could not save prediction parameters to %s", path)

    # ----------------------------------------------------------------- storage
    @property
    def database(self) -> Any:
        return self._database

    @property
    def image_store(self) -> ImageStore | None:
        return self._image_store

    def _make_image_store(self) -> ImageStore:
        from storage import ImageStore

        s = self.settings.storage
        return ImageStore(self.settings.data_dir, quota_mb=s.quota_mb,
                          min_free_mb=s.min_free_mb, save_rule=s.save_images)

    def apply_settings(self, settings: Settings) -> None:
        """A ``SettingsStore`` subscriber: later jobs use ``settings``. The data folder stays the one
        the database was opened in until a restart, so images keep landing beside their records."""
        old = self.settings
        if settings.storage.data_dir != old.storage.data_dir:
            settings = replace(settings, storage=replace(settings.storage, data_dir=old.storage.data_dir))
        if settings.storage != old.storage:
            self.apply_storage_settings(settings)
        else:
            self.settings = settings

    def apply_storage_settings(self, settings: Settings) -> None:
        """Saving rule / quota changed in the GUI: takes effect for the next record."""
        self.settings = settings
        self._image_store = None if settings.storage.save_images == "none" else self._make_image_store()

    # ----------------------------------------------------------------- work
    @property
    def queue_depth(self) -> int:
        return self._jobs.qsize()

    @property
    def queue_capacity(self) -> int:
        return self._jobs.maxsize

    def inspect(self, image: np.ndarray, *, source: str, name: str, part_id: str | None = None,
                record: bool = True, tags: dict[str, Any] | None = None, model: Any = None,
                original: SourceImage | None = None) -> Future[Any]:
        """Queue one image; the Future resolves to an :class:`Inspection` once it is recorded.

        ``model`` (default: the active one) lets the machine API judge with a library model
        through the same queue. Raises at once (not through the Future) when the station cannot
        take the work: StationStopped, NoModelLoaded, InvalidImage, StationBusy (queue full).
        ``original``: ``image`` is a reduced working copy of this posted image (answers and the
        stored original then follow the original).
        """
        return self._submit(image, source=source, name=name, part_id=part_id, record=record, params=None,
                            tags=tags, model=model, original=original)

    def preview(self, image: np.ndarray, params: PredictParams | None) -> Future[InspectionResult]:
        """Judge with trial parameters, not recorded: the Future resolves to an InspectionResult."""
        return self._submit(image, source="preview", name="preview", part_id=None, record=False,
                            params=params)

    def _submit(self, image: np.ndarray, *, source: str, name: str, part_id: str | None, record: bool,
                params: Any, tags: dict[str, Any] | None = None, model: Any = None,
                original: SourceImage | None = None) -> Future[Any]:
        if not self._accepting:
            raise StationStopped(self._failed or "the station is not running")
        model = model if model is not None else self._model
        if model is None:
            raise NoModelLoaded("no model loaded: train or open a model first")
        image = validate_image(image)
        job = _Job(image=image, source=source, name=name or "image", part_id=part_id, record=record,
                   model=model, params=params, future=Future(), tags=tags, original=original)
        if record and self._reads_identifiers():
            job.identifier = self._identifiers.submit(image)  # before the queue: the recorder may be quick
            if job.identifier is not None:  # an abandoned request (cancelled before the model) reads nothing
                job.future.add_done_callback(partial(_drop_read_if_cancelled, job.identifier))
        try:
            self._jobs.put_nowait(job)
        except queue.Full:
            if job.identifier is not None:
                job.identifier.cancel()
            raise StationBusy(f"busy: {self._jobs.maxsize} images are already waiting") from None
        self.events.publish(QueueDepth(self._jobs.qsize(), self._jobs.maxsize))
        return job.future

    def inspect_sync(self, image: np.ndarray, *, source: str = "cli", name: str = "image",
                     part_id: str | None = None, timeout: float | None = 60.0) -> Inspection:
        return self.inspect(image, source=source, name=name, part_id=part_id).result(timeout)

    # ----------------------------------------------------------------- inference worker
    def _next_batch(self) -> list[_Job] | None:
        first = self._jobs.get()
        if first is _STOP:
            return None
        batch = [first]
        limit = max(1, int(self.settings.inference.max_batch))
        held: list[_Job] = []
        while len(batch) < limit:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                break
            if job is _STOP or job.model is not first.model or job.params != first.params:
                held.append(job)  # a different model/params (or stop) ends this batch
                break
            batch.append(job)
        for job in held:  # back to the front is impossible with queue.Queue; re-queue in order
            self._requeue_front(job)
        return batch

    def _requeue_front(self, job: _Job) -> None:
        with self._jobs.mutex:
            self._jobs.queue.appendleft(job)
            self._jobs.unfinished_tasks += 1
            self._jobs.not_empty.notify()

    def _run_worker(self) -> None:
        while True:
            batch = self._next_batch()
            if batch is None:
                return
            self.events.publish(QueueDepth(self._jobs.qsize(), self._jobs.maxsize))
            batch = [job for job in batch if job.future.set_running_or_notify_cancel()]
            if not batch:
                continue
            self._in_batch[:] = batch
            started = time.perf_counter()
            try:
                model = batch[0].model
                images = [job.image for job in batch]
                shapes = [job.original.shape if job.original is not None else None for job in batch]
                if any(shapes):  # working copies of huge images: answers in original pixels
                    results = model.predict(images, params=batch[0].params, original_shapes=shapes)
                else:
                    results = model.predict(images, params=batch[0].params)
            except Exception as exc:  # noqa: BLE001 - one bad batch must not kill the station
                log.exception("inference failed for %d image(s)", len(batch))
                err = StationError(f"inference failed: {exc}")
                for job in batch:
                    job.future.set_exception(err)
                self._in_batch.clear()
                continue
            batch_ms = (time.perf_counter() - started) * 1000.0
            for job, result in zip(batch, results, strict=True):
                if not job.record:
                    job.future.set_result(result)
                    continue
                waited_ms = (started - job.enqueued) * 1000.0
                self._hand_to_recorder((job, result, batch_ms / len(batch), waited_ms))
            self._in_batch.clear()

    def _hand_to_recorder(self, item: tuple) -> None:
        if self._failed is None:
            self._records.put(item)
            if self._failed is None:
                return
        # the recorder gave up: nobody will take this item, so answer it (and any left) now
        self._fail_pending(StationStopped(self._failed))
        if not item[0].future.done():
            item[0].future.set_exception(StationStopped(self._failed))

    # ----------------------------------------------------------------- recorder
    def _run_recorder(self) -> None:
        while True:
            items = self._take_records()
            if items is None:
                return
            self._in_records[:] = items
            try:
                inspections = self._record_all(items)
            except Exception as exc:  # noqa: BLE001 - report to the callers, keep recording others
                log.exception("could not record %d result(s)", len(items))
                for job, *_rest in items:
                    job.future.set_exception(StationError(f"could not store the result: {exc}"))
                self._in_records.clear()
                continue
            for (job, *_rest), inspection in zip(items, inspections, strict=True):
                if job.source == "http":
                    self.machine.endpoint_judged()
                job.future.set_result(inspection)
                self.events.publish(ResultReady(inspection))
            self._in_records.clear()
            for inspection in inspections:
                try:  # one record's images (or their paths) failing must not stop the recorder
                    self._save_images(inspection)
                except Exception as exc:  # noqa: BLE001
                    log.exception("images of record %s not attached", inspection.record.id)
                    self.events.publish(StorageWarning(f"images not saved: {exc}"))

    def _take_records(self) -> list[tuple] | None:
        """The next result plus any already waiting: one transaction for all (group commit)."""
        first = self._records.get()
        if first is _STOP:
            return None
        items = [first]
        while len(items) < 64:
            try:
                item = self._records.get_nowait()
            except queue.Empty:
                break
            if item is _STOP:
                self._records.put(_STOP)  # handled on the next turn, after these are recorded
                break
            items.append(item)
        return items

    def _record_all(self, items: list[tuple]) -> list[Inspection]:
        built = [self._build_record(*item) for item in items]
        from storage.vectors import to_blob

        blobs = [to_blob(item[1].embedding) if getattr(item[1], "embedding", None) is not None else None
                 for item in items]
        records = [record for record, _job in built]
        ids = (self._database.insert_many(records, embeddings=blobs) if any(b is not None for b in blobs)
               else self._database.insert_many(records))
        if self._es_sync is not None:
            self._es_sync.notify()  # mirror now, not at the next interval
        return [Inspection(record=replace(record, id=rid), result=item[1], image=job.image, source=job.original)
                for (record, job), rid, item in zip(built, ids, items, strict=True)]

    def _build_record(self, job: _Job, result: InspectionResult, infer_ms: float,
                      waited_ms: float) -> tuple[InspectionRecord, _Job]:
        from storage import InspectionRecord

        model_info = job.model.info
        extra: dict[str, Any] = {
            "queue_ms": round(waited_ms, 2), "threshold": float(result.threshold),
            # [width, height]: the insights place regions on normalised part coordinates
            "image_size": [int(result.image_shape[1]), int(result.image_shape[0])], **(job.tags or {})}
        part_id = job.part_id
        if job.identifier is not None or self._reads_identifiers():
            found = self._identifiers.result(job.identifier, job.image)
            if found is not None:
                extra.update(identifier=found.text, identifier_type=found.kind)
                part_id = part_id or found.text  # the PLC's `data` wins when it sent one
        record = InspectionRecord(
            id=None,
            name=job.name,
            source=job.source,
            part_id=part_id,
            timestamp=job.when,
            label=result.verdict,
            defect_count=result.defect_count,
            score=float(result.score),
            normalized_score=float(result.normalized_score),
            confidence=float(result.confidence),
            model_id=model_info.id,
            model_version=model_info.version,
            processing_ms=float(result.timings.get("total", infer_ms)),
            regions=tuple(r.to_dict() for r in result.regions),
            extra=extra,
        )
        return record, job

    def _reads_identifiers(self) -> bool:
        return bool(getattr(getattr(self.settings, "analysis", None), "read_identifiers", False))

    def _save_images(self, inspection: Inspection) -> None:
        """Runs after the caller has its answer: render and write images, then keep the quota."""
        store = self._image_store
        record = inspection.record
        rule = self.settings.storage.save_images
        if store is None or rule == "none" or (rule == "ng" and record.label != "NG"):
            return
        from inference.visualize import annotate, heatmap_image

        try:
            annotated = annotate(inspection.image, inspection.result)
            heatmap = heatmap_image(inspection.result)
            src = inspection.source  # a reduced decode: the history keeps the posted bytes themselves
            saved = store.save(record.timestamp, record.name, record.label, inspection.image,
                               annotated, heatmap, db=self._database,  # quota kept on every save
                               original_encoded=(src.data, src.extension) if src is not None else None)
        except Exception as exc:  # noqa: BLE001 - inspection goes on without images
            log.exception("saving images of record %s failed", record.id)
            self.events.publish(StorageWarning(f"images not saved: {exc}"))
            return
        while (warning := store.pop_warning()) is not None:  # paused / resumed, once each
            self.events.publish(StorageWarning(warning))
        if saved is None:
            return
        self._database.set_image_paths(record.id, saved.image_path, saved.result_path, saved.heatmap_path)

    def _fail_pending(self, exc: Exception) -> None:
        for q in (self._jobs, self._records):
            while True:
                try:
                    item = q.get_nowait()
                except queue.Empty:
                    break
                if item is _STOP:
                    continue
                job = item[0] if isinstance(item, tuple) else item
                if not job.future.done():
                    job.future.set_exception(exc)
