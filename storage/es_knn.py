"""Similar-defect search through the Elasticsearch mirror's ``dense_vector`` (approximate kNN).

For plants that search across lines in Elasticsearch: the same question as
:class:`storage.vectors.EmbeddingIndex`, answered by ES's HNSW ``knn`` search. The mirror's
mapping (``storage.es_sync.MAPPINGS``) indexes ``embedding`` with cosine similarity; ES scores a
cosine hit as ``(1 + cos) / 2``, converted back here so both back ends report the same number.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import numpy as np


class EsKnnError(Exception):
    """Elasticsearch could not answer the kNN search (down, no index, mapping without vectors)."""


def knn_body(vector: np.ndarray, k: int, *, verdict: str | None = None, since: datetime | None = None,
             exclude: int | None = None) -> dict[str, Any]:
    """The exact search request (also what the contract test checks)."""
    v = np.asarray(vector, dtype=np.float32).reshape(-1)
    v = v / max(1e-12, float(np.linalg.norm(v)))
    k = int(k)
    knn: dict[str, Any] = {
        "field": "embedding",
        "query_vector": [round(float(x), 5) for x in v],
        "k": k + (1 if exclude is not None else 0),
        "num_candidates": max(100, 10 * k),
    }
    filters: list[dict[str, Any]] = []
    if verdict:
        filters.append({"term": {"final_label": verdict}})
    if since is not None:
        filters.append({"range": {"timestamp": {"gte": since.isoformat(timespec="milliseconds")}}})
    if filters:
        knn["filter"] = filters
    return {"knn": knn, "_source": ["figId"], "size": knn["k"]}


def knn_search(client: Any, index: str, vector: np.ndarray, k: int = 20, *, verdict: str | None = None,
               since: datetime | None = None, exclude: int | None = None) -> list[tuple[int, float]]:
    """``(figId, cosine similarity)`` best first; raises :class:`EsKnnError` on any ES failure."""
    from elasticsearch import ApiError, TransportError

    body = knn_body(vector, k, verdict=verdict, since=since, exclude=exclude)
    try:
        response = client.search(index=index, knn=body["knn"], source=body["_source"], size=body["size"])
    except (ApiError, TransportError) as exc:
        raise EsKnnError(f"Elasticsearch kNN search on {index} failed: {exc}") from exc
    data = getattr(response, "body", response)
    out: list[tuple[int, float]] = []
    for hit in data.get("hits", {}).get("hits", []):
        fig = (hit.get("_source") or {}).get("figId", hit.get("_id"))
        try:
            fig_id = int(fig)
        except (TypeError, ValueError):
            continue
        if fig_id == exclude:
            continue
        out.append((fig_id, 2.0 * float(hit.get("_score") or 0.0) - 1.0))
    return out[: int(k)]
