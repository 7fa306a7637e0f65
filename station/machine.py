"""The machine API's services over one running station (HACARUS Check v1 style), Qt-free.

Built once per endpoint (or GUI) from the station: items, targets, the model catalogue, training
and prediction jobs and callback delivery share the history database (schema v10 tables) and the
station's one inference queue. The HTTP routes in ``api/machine`` and the GUI's training-set
panel both call these methods, so the rules are the same from the line and from the MES.
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from station.api_clients import ApiClients
from station.callbacks import CallbackDelivery, check_url
from station.item_decode import NO_BUDGETS, Budgets
from station.items import ItemService
from station.machine_errors import Conflict, InvalidInput, NotFound, Unavailable
from station.machine_models import ModelCatalog
from station.predict_jobs import PredictJobs
from station.training_jobs import TrainingJob, TrainingJobs

log = logging.getLogger(__name__)


class MachineServices:
    def __init__(self, station: Any, settings: Any) -> None:
        from storage.machine import MachineStore

        if station.database is None:
            raise Unavailable("the station has no history database open (it is not started)")
        self.station = station
        self.settings = settings
        self.store = MachineStore(station.database)
        self.clients = ApiClients(self.store)
        self.items = ItemService(self.store, settings.data_dir, settings.server.max_pixels)
        self.training = TrainingJobs(settings.models_dir, settings.inference.device, on_finished=self._trained)
        self.models = ModelCatalog(station, settings.models_dir, self.training)
        self.callbacks = CallbackDelivery(self._callback_state)
        self.predictions = PredictJobs(station, self.image_paths, self._predicted,
                                       min_side=settings.limits.decode_working_side,
                                       max_pixels=self.items.pixel_limit)
        from station.debug_bundle import install_recent_logs

        install_recent_logs()
        self._last_line_part = 0.0  # monotonic time of the last part from a camera, video or folder
        self._unsubscribe = station.events.subscribe(self._on_event)

    LINE_SOURCES = ("camera", "video", "folder")
    LINE_IDLE_S = 10.0

    def _on_event(self, event: Any) -> None:
        from station.events import ResultReady

        if isinstance(event, ResultReady) and event.inspection.record.source in self.LINE_SOURCES:
            self._last_line_part = time.monotonic()

    @property
    def line_running(self) -> bool:
        """Parts from the line were judged in the last few seconds."""
        return self._last_line_part > 0 and time.monotonic() - self._last_line_part < self.LINE_IDLE_S

    @staticmethod
    def models_max_import() -> int:
        from station.machine_models import MAX_IMPORT_BYTES

        return MAX_IMPORT_BYTES

    def close(self) -> None:
        self._unsubscribe()
        self.callbacks.stop()

    # ------------------------------------------------------------------ items and history records
    def rows_for(self, item_ids: Sequence[str], pointer: str = "/body/item_ids") -> list[dict[str, Any]]:
        """Item rows for ids; ``rec-<figId>`` names an inspection record (a pseudo row with ``record``)."""
        from station.record_items import record_id

        plain = self.store.items_by_ids([i for i in item_ids if record_id(i) is None])
        out = []
        for n, iid in enumerate(item_ids):
            where = pointer if pointer.startswith("/path") else f"{pointer}/{n}"
            rid = record_id(iid)
            if rid is not None:
                record = self.station.database.get(rid)
                if record is None:
                    raise NotFound(f"no item {iid!r} (no inspection record {rid})", where)
                out.append({"item_id": iid, "name": record.name, "record": record, "is_training": 0,
                            "good": None if record.review_label is None else int(record.review_label == "OK"),
                            "active": 1})
                continue
            row = plain.get(iid)
            if row is None or not row["active"]:
                raise NotFound(f"no item {iid!r}", where)
            out.append(row)
        return out

    def image_paths(self, item_id: str) -> list[Path]:
        """The stored image files of an item, or the original of an inspection record (``rec-<id>``)."""
        from station.record_items import original_path, record_id

        rid = record_id(item_id)
        if rid is None:
            return self.items.image_files(item_id)
        record = self.station.database.get(rid)
        path = original_path(self.settings.data_dir, record) if record is not None else None
        if path is None:
            raise InvalidInput(f"inspection record {rid} has no stored image")
        return [path]

    def views(self, rows: Sequence[dict[str, Any]], **options: Any) -> list[dict[str, Any]]:
        """Item views in the document's shape, for item rows and record pseudo rows alike."""
        from station.machine_views import item_views
        from station.record_items import record_view

        plain = [r for r in rows if "record" not in r]
        built = {v["item_id"]: v for v in item_views(self, plain, **options)}
        recs = [r["item_id"] for r in rows if "record" in r]
        notes = self.store.annotations_of(recs) if recs else {}
        judged = self.store.assessments_of(recs, options.get("model_id")) if recs else {}
        for r in rows:
            if "record" in r:
                built[r["item_id"]] = record_view(self, r["record"], notes.get(r["item_id"]),
                                                  judged.get(r["item_id"]))
        return [built[r["item_id"]] for r in rows]

    def record_page(self, count: int, page: int, model_id: str | None) -> tuple[int, list[dict[str, Any]]]:
        from station.record_items import item_id

        result = self.station.database.search(limit=count, page=page, model_id=model_id or None)
        rows = [{"item_id": item_id(r), "name": r.name, "record": r, "is_training": 0, "good": None, "active": 1}
                for r in result.data]
        return result.total, rows

    def review_record(self, item: dict[str, Any], good: bool | None, note: str | None) -> None:
        self.station.database.set_review(item["record"].id, None if good is None else ("OK" if good else "NG"), note)

    # ------------------------------------------------------------------ targets
    def default_target_id(self) -> int:
        return int(self.store.default_target()["target_id"])

    def target(self, target_id: Any, pointer: str = "/path/target_id") -> dict[str, Any]:
        try:
            tid = int(target_id)
        except (TypeError, ValueError):
            raise InvalidInput(f"target_id must be an integer, got {target_id!r}", pointer) from None
        row = self.store.target(tid)
        if row is None:
            raise NotFound(f"no inspection target {tid}", pointer)
        return row

    def target_model_id(self, row: dict[str, Any]) -> str | None:
        """The model a target runs: its own choice, or (default target) the active model."""
        if row["model_id"]:
            return row["model_id"]
        if row["is_default"]:
            info = self.station.model_info
            return info.id if info is not None else None
        return None

    def create_target(self, name: str, model_id: str | None, actor: str) -> dict[str, Any]:
        import sqlite3

        name = name.strip()
        if not name:
            raise InvalidInput("a target needs a name", "/body/name")
        if model_id:
            view = self.models.view(model_id, "/body/model_id")
            if view.path is None:
                raise InvalidInput(f"model {model_id!r} is {view.status}", "/body/model_id")
        try:
            tid = self.store.add_target(name, model_id or None)
        except sqlite3.IntegrityError:
            raise Conflict(f"a target named {name!r} exists already", "/body/name") from None
        self.store.audit(actor, "target.add", target_id=tid, name=name, model_id=model_id)
        return self.target(tid)

    def set_default_target(self, target_id: Any, actor: str, model_id: str | None = None,
                           confirm: bool = False) -> dict[str, Any]:
        """The changeover: the target's model becomes the station's active model (audited).

        ``model_id`` (QC Station) first assigns that library model to the target. While the line
        is running (parts judged in the last seconds) the caller must ``confirm``, as an operator
        must in the window: a changeover mid-batch is deliberate or it is a mistake.
        """
        row = self.target(target_id)
        if self.line_running and not confirm:
            raise Conflict("the line is running: confirm the changeover (confirm=true) or stop the line first",
                           "/query/confirm")
        if model_id:
            view = self.models.view(model_id, "/query/model_id")
            if view.path is None:
                raise InvalidInput(f"model {model_id!r} is {view.status}", "/query/model_id")
            self.store.set_target_model(row["target_id"], view.model_id)
            row = self.target(target_id)
        model_id = self.target_model_id(row)
        if not model_id and not row["is_default"]:
            raise InvalidInput(f"target {row['name']!r} has no model yet: assign one with ?model_id=", "/query/model_id")
        before = self.station.model_info
        if model_id and (before is None or before.id != model_id):
            view = self.models.view(model_id, "/path/target_id")
            if view.path is None:
                raise InvalidInput(f"the target's model {model_id!r} is {view.status}", "/path/target_id")
            from station.errors import StationError

            try:
                self.station.load_model(view.path)
            except StationError as exc:
                raise InvalidInput(str(exc), "/path/target_id") from None
        self.store.set_default_target(row["target_id"])
        self.store.audit(actor, "target.changeover", target_id=row["target_id"],
                         from_model=before.id if before else None, to_model=model_id)
        return self.target(row["target_id"])

    # ------------------------------------------------------------------ training
    def start_training(self, *, algorithm: str, name: str | None, item_ids: Sequence[str] | None,
                       parameters: dict[str, Any], actor: str) -> TrainingJob:
        target_id = self.default_target_id()
        if item_ids:
            rows = self.rows_for(list(item_ids))
            for i, row in enumerate(rows):
                if "record" in row:
                    raise InvalidInput(f"{row['item_id']!r} is an inspection record: add it to the training set "
                                       "first (PATCH with training=true)", f"/body/item_ids/{i}")
                if not row["is_training"]:
                    raise InvalidInput(f"item {row['item_id']!r} is not a training item", f"/body/item_ids/{i}")
        else:
            rows = self.store.list_items(True, limit=100_000, offset=0)
        ok, ng = self.items.training_paths(rows)
        job = self.training.start(ok=ok, ng=ng, algorithm=algorithm, parameters=parameters,
                                  name=(name or f"model-{len(self.models.views()) + 1}").strip()[:120],
                                  target_id=target_id)
        self.store.audit(actor, "training.start", model_id=job.model_id, items=len(rows), ok=len(ok), ng=len(ng))
        return job

    def _trained(self, job: TrainingJob) -> None:
        if job.status == "finished":
            self.store.set_model_meta(job.model_id, target_id=job.target_id)
        self.store.audit("station", f"training.{job.status}", model_id=job.model_id, error=job.error)

    # ------------------------------------------------------------------ prediction
    def start_prediction(self, model_id: str, item_ids: Sequence[str], actor: str,
                         budgets: Budgets = NO_BUDGETS) -> Any:
        """``budgets``: the endpoint's memory pools the job decodes within (``station.item_decode``)."""
        if not item_ids:
            raise InvalidInput("item_ids: give at least one item id", "/body/item_ids")
        model = self.models.loaded(model_id)
        rows = self.rows_for(list(item_ids))
        job = self.predictions.start(model, rows, lambda ids: self.store.set_item_status(ids, "predicting"),
                                     budgets)
        self.store.audit(actor, "predict.start", model_id=model.info.id, items=len(rows))
        return job

    def _predicted(self, job: Any, item_id: str, assessment: dict[str, Any]) -> None:
        if "error" in assessment:
            self.store.set_item_status([item_id], "failed")
            return
        meta = self.store.model_meta(job.model_id)
        url, method = meta["callback_url"], meta["callback_method"] or "post"
        aid = self.store.add_assessment({"item_id": item_id, "model_id": job.model_id,
                                         "model_version": job.model_version, **assessment,
                                         "callback_state": "pending" if url else None})
        if url:
            from station.machine_views import callback_payload

            self.callbacks.submit(aid, url, method, callback_payload(self, item_id))

    def _callback_state(self, assessment_id: int, state: str, attempts: int, error: str | None) -> None:
        from storage.errors import StorageError

        try:
            self.store.set_callback_state(assessment_id, state, attempts, error)
        except StorageError as exc:  # the station stopped: nothing left to record deliveries in
            log.info("callback delivery stops: %s", exc)
            self.callbacks.abandon()

    def set_callback(self, model_id: str, url: str, method: str) -> dict[str, Any]:
        view = self.models.view(model_id)
        method = (method or "post").lower()
        if method not in ("post", "get"):
            raise InvalidInput("callback_method must be 'post' or 'get'", "/body/callback_method")
        if url:
            try:
                check_url(url)
            except ValueError as exc:
                raise InvalidInput(str(exc), "/body/callback_url") from None
        meta = self.store.set_model_meta(view.model_id, callback_url=url or None, callback_method=method)
        return {"callback_url": meta["callback_url"] or "", "callback_method": meta["callback_method"]}

    # ------------------------------------------------------------------ results
    def model_results_csv(self, model_ids: Sequence[str]) -> str:
        import csv
        import io

        for i, mid in enumerate(model_ids):
            self.models.view(mid, f"/query/model_ids/{i}")
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(["model_id", "model_version", "item_id", "item_name", "user_result", "result", "anomaly_score",
                    "threshold", "detected_objects", "created_at"])
        for r in self.store.assessments_of_models(list(model_ids)):
            user = "" if r["item_good"] is None else ("OK" if r["item_good"] else "NG")
            w.writerow([r["model_id"], r["model_version"], r["item_id"], r["item_name"], user, r["result"],
                        f"{r['anomaly_score']:.6g}", f"{r['threshold']:.6g}", r["detected_objects"], r["created_at"]])
        return buf.getvalue()

    # ------------------------------------------------------------------ history -> training set (GUI)
    def add_records_to_training(self, record_ids: Sequence[int], good: bool | None, actor: str = "gui") -> list[str]:
        """History records become training items; ``good=None`` takes each record's final verdict."""
        db = self.station.database
        records = []
        for rid in record_ids:  # every record checked before any is added
            record = db.get(int(rid))
            if record is None:
                raise NotFound(f"no inspection record {rid}")
            if not record.image_path or record.image_pruned:
                raise InvalidInput(f"record {record.name} (#{record.id}) has no stored image "
                                   "(image saving was off for it, or it was pruned)")
            records.append(record)
        target_id = self.default_target_id()
        return [self.items.add_from_record(r, good=(r.final_label == "OK") if good is None else bool(good),
                                           target_id=target_id, actor=actor) for r in records]


_lock = threading.Lock()
_services: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def services_for(station: Any, settings: Any) -> MachineServices:
    """The one set of services of a station, made on first use: the HTTP endpoint and the GUI share
    it, so "one training at a time" and the callback thread hold across both."""
    with _lock:
        svc = _services.get(station)
        if svc is None or svc.store.db is not station.database:
            svc = MachineServices(station, settings)
            _services[station] = svc
        return svc


__all__ = ["MachineServices", "services_for"]
