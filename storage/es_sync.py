"""Optional mirror of the history into Elasticsearch, for plants that search across lines there.

SQLite stays the record of truth. A background thread pushes records in figId order with the bulk
API, using the figId as the document ``_id`` (``index`` action), so a batch sent twice leaves the
same documents. The last pushed figId is kept in the SQLite ``meta`` table (one key per index), so a
restart resumes where it stopped. ES down or slow only delays the mirror: inspection never waits
on it (the thread reads with its own connection and writes one bookmark per batch), failed batches
are retried with exponential backoff, and nothing is dropped. Documents ES refuses for good (a
400-class item error such as a mapping conflict) are counted and logged, never retried forever.

Operator reviews are logged in SQLite (``review_log``); records reviewed after they were mirrored
are sent again (same ``_id``), so the mirror's verdicts follow the operators'.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from storage.database import Database
from storage.records import InspectionRecord

log = logging.getLogger(__name__)

EMBEDDING_DIMS = 256  # inference.embedding.EMBEDDING_DIM (a fixed projection, whatever the backbone)


def _typed(kind: str, *fields: str) -> dict[str, Any]:
    """Mapping entries of one field type."""
    return {f: {"type": kind} for f in fields}


MAPPINGS: dict[str, Any] = {
    "properties": {
        "figId": {"type": "long"},
        "name": {"type": "text", "fields": {"keyword": {"type": "keyword", "ignore_above": 512}}},
        **_typed("keyword", "source", "part_id", "date", "time", "label", "final_label", "model_id",
                 "image_path", "result_path", "heatmap_path", "review_label"),
        **_typed("date", "timestamp", "reviewed_at"),
        **_typed("integer", "num", "model_version"),
        **_typed("double", "score", "normalized_score", "dice", "processing_ms"),
        "image_pruned": {"type": "boolean"},
        "review_note": {"type": "text"},
        "regions": {"type": "object", "enabled": False},
        "extra": {"type": "object", "enabled": False},
        # similar-defect search (storage.es_knn): the float16 unit vector of inference.embedding
        "embedding": {"type": "dense_vector", "dims": EMBEDDING_DIMS, "index": True, "similarity": "cosine"},
    }
}


class EsSyncError(Exception):
    """A batch could not be mirrored now; it will be retried."""


@dataclass(frozen=True)
class EsSyncStatus:
    last_id: int  # highest figId mirrored
    pushed: int  # documents pushed since start
    rejected: int  # documents ES refused for good (logged)
    last_error: str | None  # the latest failure, None after a success
    last_success: float | None  # time.time() of the latest successful batch


def _fig(record: InspectionRecord) -> int:
    """A stored record's figId (records read back from the database always have one)."""
    if record.id is None:
        raise EsSyncError("a record without figId cannot be mirrored")
    return record.id


def document(record: InspectionRecord) -> dict[str, Any]:
    """The ES document of a record: every stored field plus the seed-000 names."""
    doc = record.to_dict()
    doc.pop("id", None)
    doc.update(figId=record.id, date=record.date, time=record.time, num=record.defect_count,
               dice=record.confidence, final_label=record.final_label)
    doc.pop("defect_count", None)
    doc.pop("confidence", None)
    return doc


class EsSync:
    """Push new records to ``index`` at ``url``; :meth:`start` runs it in a daemon thread.

    ``client``: an ``elasticsearch.Elasticsearch`` (built from ``url`` when omitted; tests and
    plants with TLS/auth pass their own).
    """

    def __init__(
        self,
        db: Database,
        url: str = "",
        index: str = "qcstation-inspections",
        *,
        client: Any = None,
        batch: int = 500,
        interval_s: float = 2.0,
        backoff_s: float = 1.0,
        max_backoff_s: float = 60.0,
        request_timeout_s: float = 10.0,
        on_error: Callable[[str], None] | None = None,
    ) -> None:
        if client is None:
            if not url:
                raise ValueError("an Elasticsearch URL or client is needed")
            from elasticsearch import Elasticsearch

            # No client-side retries: the loop below retries with its own backoff, never blocking.
            client = Elasticsearch(url, request_timeout=request_timeout_s, max_retries=0,
                                   retry_on_timeout=False)
        if not index or index != index.lower() or any(c in index for c in '\\/*?"<>| ,#:'):
            raise ValueError(f"invalid Elasticsearch index name {index!r}")
        self.db = db
        self.client = client
        self.index = index
        self.batch = int(batch)
        self.interval_s = float(interval_s)
        self.backoff_s = float(backoff_s)
        self.max_backoff_s = float(max_backoff_s)
        self.on_error = on_error
        self._key = f"es_sync:{index}:last_id"
        self._review_key = f"es_sync:{index}:review_seq"
        self._index_ready = False
        self._pushed = 0
        self._rejected = 0
        self._last_error: str | None = None
        self._last_success: float | None = None
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: Any = None  # threading.Thread or a station supervisor

    # ------------------------------------------------------------------ state

    @property
    def last_id(self) -> int:
        return int(self.db.get_meta(self._key, "0") or 0)

    def status(self) -> EsSyncStatus:
        return EsSyncStatus(self.last_id, self._pushed, self._rejected, self._last_error, self._last_success)

    def notify(self) -> None:
        """New records are waiting (the station calls this after each stored batch): push them now
        rather than at the next interval. Ignored while backing off after a failure, so a busy line
        never turns an Elasticsearch outage into a storm of retries."""
        if self._last_error is None:
            self._wake.set()

    # ------------------------------------------------------------------ one pass

    def _ensure_index(self) -> None:
        if self._index_ready:
            return
        if not self.client.indices.exists(index=self.index):
            try:
                self.client.indices.create(index=self.index, mappings=MAPPINGS)
            except Exception as exc:  # created meanwhile by another station: fine
                if "resource_already_exists" not in str(exc):
                    raise
        self._index_ready = True

    def sync_once(self) -> int:
        """Push every pending record (batch by batch); returns how many. Raises on failure, after
        saving the progress of the batches that succeeded."""
        from elasticsearch import ApiError, TransportError

        try:
            self._ensure_index()
        except (ApiError, TransportError) as exc:
            raise EsSyncError(f"Elasticsearch index {self.index}: {exc}") from exc
        pushed = 0
        # Reviews logged before this pass are already in the records this pass sends.
        before = self.last_id
        seen_seq = self.db.last_review_seq()
        while not self._stop.is_set():
            last = self.last_id
            records = self.db.records_after(last, self.batch)
            if not records:
                break
            response = self._bulk(records, f"bulk push of figId {records[0].id}..{records[-1].id}")
            done, rejected, retry = self._settle(records, response)
            if done > last:
                self.db.set_meta(self._key, str(done))
                self._pushed += sum(1 for r in records if _fig(r) <= done) - rejected
                self._rejected += rejected
                pushed += sum(1 for r in records if _fig(r) <= done)
                self._last_success = time.time()
            if retry:
                raise EsSyncError(retry)
        return pushed + self._sync_reviews(before, seen_seq)

    def _bulk(self, records: list[InspectionRecord], what: str) -> Any:
        """Index ``records`` by figId in one bulk request; transport or API failures become EsSyncError."""
        from elasticsearch import ApiError, TransportError

        from storage.vectors import get_embeddings

        vectors = get_embeddings(self.db, [r.id for r in records if r.id is not None])
        operations: list[dict[str, Any]] = []
        for r in records:
            operations.append({"index": {"_id": str(r.id)}})
            doc = document(r)
            vec = vectors.get(r.id) if r.id is not None else None
            if vec is not None and vec.shape[0] == EMBEDDING_DIMS:
                doc["embedding"] = [round(float(x), 5) for x in vec]
            operations.append(doc)
        try:
            return self.client.bulk(operations=operations, index=self.index)
        except (ApiError, TransportError) as exc:
            raise EsSyncError(f"{what} failed: {exc}") from exc

    def _sync_reviews(self, mirrored_before: int, seen_seq: int) -> int:
        """Send again the mirrored records whose review changed since the last pass."""

        sent = 0
        while not self._stop.is_set():
            seq = int(self.db.get_meta(self._review_key, "0") or 0)
            logged = self.db.reviews_after(seq, self.batch)
            if not logged:
                break
            last = self.last_id  # newer records go out with their review anyway
            ids = sorted({rid for s, rid in logged
                          if rid <= last and not (s <= seen_seq and rid > mirrored_before)})
            records = [r for r in (self.db.get(i) for i in ids) if r is not None]
            if records:
                response = self._bulk(records, f"re-sending {len(records)} reviewed records")
                _done, _rejected, retry = self._settle(records, response)
                if retry:
                    raise EsSyncError(retry)
                sent += len(records)
            self.db.set_meta(self._review_key, str(logged[-1][0]))
        return sent

    def _settle(self, records: list[InspectionRecord], response: Any) -> tuple[int, int, str | None]:
        """(highest figId safely done, documents refused for good, reason to retry or None)."""
        body = getattr(response, "body", response)
        if not body.get("errors"):
            return _fig(records[-1]), 0, None
        done = _fig(records[0]) - 1
        rejected = 0
        for record, item in zip(records, body.get("items", []), strict=False):
            result = next(iter(item.values()))
            status = int(result.get("status", 500))
            if 200 <= status < 300:
                done = _fig(record)
            elif 400 <= status < 500 and status != 429:
                log.error("Elasticsearch refused figId %s for good (%s): %s", record.id, status,
                          result.get("error"))
                rejected += 1
                done = _fig(record)
            else:
                return done, rejected, f"Elasticsearch answered {status} for figId {record.id}; will retry"
        if len(body.get("items", [])) < len(records):
            return done, rejected, "Elasticsearch answered fewer items than sent; will retry"
        return done, rejected, None

    # ------------------------------------------------------------------ background thread

    def start(self, supervise: Any = None) -> EsSync:
        """Start the mirror loop; ``supervise(name, loop)`` (the station's supervisor factory; storage
        cannot import station) runs it supervised, so a bug escaping the loop is logged and restarted."""
        if self._thread is None:
            self._stop.clear()
            if supervise is not None:
                self._thread = supervise("es_mirror", self._run)
            else:
                self._thread = threading.Thread(target=self._run, name="es-sync", daemon=True)
                self._thread.start()
        return self

    def worker_status(self) -> Any:
        """The supervisor's status of the loop, or None when it runs as a plain thread."""
        return getattr(self._thread, "status", None)

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            if hasattr(self._thread, "request_stop"):
                self._thread.request_stop()
            self._thread.join(timeout)
            self._thread = None

    def _run(self) -> None:
        delay = self.backoff_s
        while not self._stop.is_set():
            try:
                self.sync_once()
                self._last_error = None
                delay = self.backoff_s
                wait = self.interval_s
            except Exception as exc:  # noqa: BLE001 - the mirror must never die; it retries
                message = str(exc)
                if message != self._last_error:
                    log.warning("Elasticsearch sync: %s (retrying in %.0f s)", message, delay)
                    if self.on_error:
                        self.on_error(message)
                self._last_error = message
                wait = delay
                delay = min(delay * 2, self.max_backoff_s)
            self._wake.wait(wait)
            self._wake.clear()
