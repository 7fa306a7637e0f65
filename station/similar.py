"""Similar-defect search: "which earlier parts had a defect like this one?".

The query is a stored record's embedding or a new image's, computed by a not-recorded pass through
the station's one inference queue (same model, no second backbone). Answered by the local exact
index (``storage.vectors.EmbeddingIndex``) or, with ``analysis.similar_backend = "elasticsearch"``
and a mirror configured, by Elasticsearch kNN on the mirror (``storage.es_knn``).
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np

from station.errors import StationError

_indexes: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_lock = threading.Lock()


class NoEmbedding(StationError):
    """The record has no stored embedding (recorded before the feature, or by another backbone)."""


@dataclass(frozen=True)
class SimilarHit:
    record: Any  # storage.InspectionRecord
    similarity: float

    def to_dict(self) -> dict[str, Any]:
        r = self.record
        has_image = bool(r.result_path or r.image_path) and not r.image_pruned
        return {"record_id": r.id, "name": r.name, "time": r.timestamp.isoformat(timespec="seconds"),
                "verdict": r.final_label, "similarity": round(self.similarity, 4), "part_id": r.part_id,
                "source": r.source,
                "image_url": f"/api/data/image/{r.id}/{'result' if r.result_path else 'original'}"
                if has_image else None}


def index_for(database: Any) -> Any:
    """One in-memory index per open database, shared by every caller (GUI, HTTP)."""
    from storage.vectors import EmbeddingIndex

    with _lock:
        index = _indexes.get(database)
        if index is None:
            index = EmbeddingIndex(database)
            _indexes[database] = index
        return index


def record_vector(station: Any, record_id: int) -> np.ndarray:
    from storage.vectors import get_embedding

    vec = get_embedding(station.database, int(record_id))
    if vec is None:
        raise NoEmbedding(f"record {record_id} has no stored embedding (recorded before similar search "
                          "existed, or not recorded)")
    return vec


def image_vector(station: Any, image: np.ndarray, timeout: float = 60.0) -> np.ndarray:
    """The embedding of a new image: one not-recorded inspection through the station's queue."""
    result = station.inspect(image, source="http", name="similar-query", record=False).result(timeout)
    if getattr(result, "embedding", None) is None:
        raise NoEmbedding("the active model did not produce an embedding for this image")
    return result.embedding


def find_similar(station: Any, vector: np.ndarray, k: int = 20, *, verdict: str | None = None,
                 since: datetime | None = None, exclude: int | None = None) -> list[SimilarHit]:
    settings = station.settings
    analysis = getattr(settings, "analysis", None)
    if analysis is not None and analysis.similar_backend == "elasticsearch" and settings.storage.es_url:
        return _find_es(station, vector, k, verdict=verdict, since=since, exclude=exclude)
    hits = index_for(station.database).search(vector, k, verdict=verdict, since=since, exclude=exclude)
    return [SimilarHit(h.record, h.similarity) for h in hits]


def _find_es(station: Any, vector: np.ndarray, k: int, **filters: Any) -> list[SimilarHit]:
    from storage.es_knn import knn_search
    from storage.vectors import get_records

    s = station.settings.storage
    client = getattr(station, "_es_knn_client", None)
    if client is None:
        from elasticsearch import Elasticsearch

        client = Elasticsearch(s.es_url, request_timeout=10, max_retries=0)
        station._es_knn_client = client
    pairs = knn_search(client, s.es_index, vector, k, **filters)
    records = get_records(station.database, [fid for fid, _ in pairs])
    return [SimilarHit(records[fid], sim) for fid, sim in pairs if fid in records]
