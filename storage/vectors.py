"""Similarity embeddings of inspections: stored in SQLite, searched exactly in memory.

Storage: table ``embeddings`` (schema v9), one float16 unit vector per record (512 bytes at 256
dimensions), written by the station's recorder right after the record row. Search: the vectors
are loaded once into one contiguous float16 matrix (torch, 0.5 GB at 10⁶ records) and appended
to as new records arrive; a query is one matrix-vector product plus a top-k — exact, no index to
train or drift, and measured under the 100 ms target at 10⁶ records (docs/benchmarks.md).
Filters (verdict, since) are applied to the best candidates with the records' current values
(an operator's review counts), widening the candidate set until enough pass.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from types import ModuleType
from typing import Any

import numpy as np

from storage.records import InspectionRecord
from storage.rows import SELECT_COLUMNS, row_record

torch: ModuleType | None
try:
    torch = importlib.import_module("torch")
except ImportError:  # pragma: no cover - torch is a dependency; numpy is the fallback
    torch = None


def to_blob(vector: np.ndarray) -> bytes:
    v = np.asarray(vector, dtype=np.float32).reshape(-1)
    n = float(np.linalg.norm(v))
    if not np.isfinite(n) or n == 0:
        raise ValueError("embedding must be a finite, non-zero vector")
    return (v / n).astype("<f2").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<f2").copy()


def put_embeddings(db: Any, pairs: Iterable[tuple[int, np.ndarray]]) -> int:
    """Store ``(record_id, vector)`` pairs in one transaction (the writer thread's); returns how many."""
    rows = [(int(rid), to_blob(vec)) for rid, vec in pairs if vec is not None]
    if not rows:
        return 0
    with db._write_lock:  # the database's one writer connection, as every other write
        conn = db._writer
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.executemany("INSERT OR REPLACE INTO embeddings(record_id, vec) VALUES (?, ?)", rows)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return len(rows)


def get_embedding(db: Any, record_id: int) -> np.ndarray | None:
    row = db._reader().execute("SELECT vec FROM embeddings WHERE record_id = ?", (int(record_id),)).fetchone()
    return from_blob(row[0]) if row else None


def _rows_in(db: Any, sql: str, ids: Sequence[int]) -> Iterable[Any]:
    """Rows of ``sql`` (with one ``{marks}`` placeholder list) for ``ids``, 500 at a time."""
    ids = [int(i) for i in ids]
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        yield from db._reader().execute(sql.format(marks=", ".join("?" * len(chunk))), chunk)


def get_embeddings(db: Any, record_ids: Sequence[int]) -> dict[int, np.ndarray]:
    sql = "SELECT record_id, vec FROM embeddings WHERE record_id IN ({marks})"
    return {int(rid): from_blob(blob) for rid, blob in _rows_in(db, sql, record_ids)}


def get_records(db: Any, record_ids: Sequence[int]) -> dict[int, InspectionRecord]:
    sql = f"SELECT {SELECT_COLUMNS} FROM inspections WHERE id IN ({{marks}})"
    records = (row_record(row) for row in _rows_in(db, sql, record_ids))
    return {int(r.id): r for r in records if r.id is not None}  # rows read back always have an id


@dataclass(frozen=True)
class Hit:
    record: InspectionRecord
    similarity: float  # cosine, −1 … 1


class EmbeddingIndex:
    """Exact cosine search over every stored embedding; thread-safe, refreshed on each search."""

    def __init__(self, db: Any, *, chunk: int = 50_000) -> None:
        self.db = db
        self.chunk = int(chunk)
        self._lock = threading.Lock()
        self._ids = np.empty(0, dtype=np.int64)
        self._mat: Any = None  # (capacity, dim) float16
        self._n = 0
        self._dim = 0
        self._last_id = 0

    def __len__(self) -> int:
        return self._n

    @property
    def dim(self) -> int:
        return self._dim

    def refresh(self) -> int:
        """Load embeddings stored since the last call; returns how many were added."""
        added = 0
        with self._lock:
            while True:
                rows = self.db._reader().execute(
                    "SELECT record_id, vec FROM embeddings WHERE record_id > ? ORDER BY record_id LIMIT ?",
                    (self._last_id, self.chunk)).fetchall()
                if not rows:
                    return added
                self._last_id = int(rows[-1][0])
                if not self._dim:
                    self._dim = len(rows[0][1]) // 2
                rows = [r for r in rows if len(r[1]) == 2 * self._dim]  # other dims: other backbones
                if not rows:
                    continue
                block = np.frombuffer(b"".join(r[1] for r in rows), dtype="<f2").reshape(len(rows), self._dim)
                self._append(np.array([r[0] for r in rows], dtype=np.int64), block)
                added += len(rows)

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        """Append vectors directly (bulk loads and benchmarks); ids must be above those loaded."""
        with self._lock:
            if not self._dim:
                self._dim = int(vectors.shape[1])
            self._append(np.asarray(ids, dtype=np.int64), np.asarray(vectors, dtype=np.float16))
            self._last_id = max(self._last_id, int(ids[-1]))

    def _append(self, ids: np.ndarray, block: np.ndarray) -> None:
        need = self._n + len(ids)
        cap = 0 if self._mat is None else self._mat.shape[0]
        if need > cap:
            new_cap = max(need, cap * 2, 1024)
            new = torch.empty((new_cap, self._dim), dtype=torch.float16) if torch is not None \
                else np.empty((new_cap, self._dim), dtype=np.float16)
            if self._n:
                new[: self._n] = self._mat[: self._n]
            self._mat = new
            ids_new = np.empty(new_cap, dtype=np.int64)
            ids_new[: self._n] = self._ids[: self._n]
            self._ids = ids_new
        self._mat[self._n:need] = torch.from_numpy(np.array(block, dtype=np.float16)) if torch is not None else block
        self._ids[self._n:need] = ids
        self._n = need

    def nearest(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(record ids, similarities) of the k most similar stored vectors, best first."""
        q = np.asarray(query, dtype=np.float32).reshape(-1)
        if self._n == 0 or q.shape[0] != self._dim:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32)
        q = q / max(1e-12, float(np.linalg.norm(q)))
        k = min(int(k), self._n)
        with self._lock:
            if torch is not None:
                sims = self._mat[: self._n] @ torch.from_numpy(q.astype(np.float16))
                top = torch.topk(sims.float(), k)
                idx, val = top.indices.numpy(), top.values.numpy()
            else:
                sims = self._mat[: self._n].astype(np.float32) @ q
                idx = np.argpartition(-sims, k - 1)[:k]
                idx = idx[np.argsort(-sims[idx])]
                val = sims[idx]
            return self._ids[idx].copy(), val.astype(np.float32)

    def search(self, query: np.ndarray, k: int = 20, *, verdict: str | None = None,
               since: datetime | None = None, exclude: int | None = None) -> list[Hit]:
        """The ``k`` most similar past inspections passing the filters, best first."""
        self.refresh()
        hits: list[Hit] = []
        want = max(1, int(k))
        pool = want * 4 + (1 if exclude is not None else 0)
        while True:
            ids, sims = self.nearest(query, pool)
            records = get_records(self.db, ids.tolist())
            hits = []
            for rid, sim in zip(ids.tolist(), sims.tolist(), strict=True):
                rec = records.get(rid)
                if rec is None or rid == exclude:
                    continue
                if verdict and rec.final_label != verdict:
                    continue
                if since is not None and rec.timestamp < since:
                    continue
                hits.append(Hit(rec, float(sim)))
                if len(hits) >= want:
                    return hits
            if pool >= self._n:
                return hits
            pool *= 8
