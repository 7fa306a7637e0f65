"""Rows of the machine API (schema v10): clients, tokens, targets, items, assessments, audit.

It shares the history :class:`~storage.database.Database`'s single writer connection and write
lock (one writer per file, as the history does) and its per-thread read connections, so it adds
no locking rules of its own. Plain dict rows out; the services in ``station`` give them meaning.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timezone
from typing import Any

from storage.database import Database


def utc_now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _dicts(cur: Any) -> list[dict[str, Any]]:
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


def _marks(values: Sequence[Any]) -> str:
    return ",".join("?" for _ in values)


class MachineStore:
    """Data access for the machine API; every method is one short transaction."""

    def __init__(self, database: Database) -> None:
        self.db = database

    # ------------------------------------------------------------------ plumbing
    @contextlib.contextmanager
    def _tx(self) -> Iterator[Any]:
        with self.db._transaction() as conn:  # noqa: SLF001 - same package: the history's one writer
            yield conn.execute

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return _dicts(self.db._reader().execute(sql, params))  # noqa: SLF001

    def _one(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        rows = self._read(sql, params)
        return rows[0] if rows else None

    # ------------------------------------------------------------------ audit
    def audit(self, actor: str, action: str, **detail: Any) -> None:
        with self._tx() as w:
            w("INSERT INTO audit_log(at, actor, action, detail) VALUES (?, ?, ?, ?)",
              (utc_now(), actor, action, json.dumps(detail, default=str)))

    def audit_log(self, limit: int = 1000) -> list[dict[str, Any]]:
        rows = self._read("SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?", (int(limit),))
        for r in rows:
            r["detail"] = json.loads(r["detail"])
        return rows

    # ------------------------------------------------------------------ clients and tokens
    def add_client(self, client_id: str, name: str, salt: bytes, secret_hash: bytes, iterations: int) -> None:
        with self._tx() as w:
            w("INSERT INTO api_clients(client_id, name, salt, secret_hash, iterations, created_at) "
              "VALUES (?, ?, ?, ?, ?, ?)", (client_id, name, salt, secret_hash, iterations, utc_now()))
            w("INSERT INTO audit_log(at, actor, action, detail) VALUES (?, 'cli', 'api_client.add', ?)",
              (utc_now(), json.dumps({"client_id": client_id, "name": name})))

    def client(self, client_id: str) -> dict[str, Any] | None:
        return self._one("SELECT * FROM api_clients WHERE client_id = ?", (client_id,))

    def clients(self) -> list[dict[str, Any]]:
        return self._read("SELECT client_id, name, created_at, revoked_at FROM api_clients ORDER BY created_at")

    def active_client_count(self) -> int:
        return int(self._read("SELECT count(*) AS n FROM api_clients WHERE revoked_at IS NULL")[0]["n"])

    def revoke_client(self, client_id: str) -> bool:
        with self._tx() as w:
            cur = w("UPDATE api_clients SET revoked_at = ? WHERE client_id = ? AND revoked_at IS NULL",
                    (utc_now(), client_id))
            w("DELETE FROM api_tokens WHERE client_id = ?", (client_id,))
            if cur.rowcount:
                w("INSERT INTO audit_log(at, actor, action, detail) VALUES (?, 'cli', 'api_client.revoke', ?)",
                  (utc_now(), json.dumps({"client_id": client_id})))
        return bool(cur.rowcount)

    def add_token(self, token_hash: str, client_id: str, expires_at: float) -> None:
        with self._tx() as w:
            w("DELETE FROM api_tokens WHERE expires_at < ?", (time.time(),))
            w("INSERT INTO api_tokens(token_hash, client_id, expires_at) VALUES (?, ?, ?)",
              (token_hash, client_id, float(expires_at)))

    def token_client(self, token_hash: str, now: float) -> str | None:
        """The client of a live token of a client that is not revoked, else None."""
        row = self._one(
            "SELECT t.client_id FROM api_tokens t JOIN api_clients c ON c.client_id = t.client_id "
            "WHERE t.token_hash = ? AND t.expires_at > ? AND c.revoked_at IS NULL", (token_hash, now))
        return row["client_id"] if row else None

    # ------------------------------------------------------------------ targets and model meta
    def targets(self) -> list[dict[str, Any]]:
        return self._read("SELECT * FROM targets ORDER BY target_id")

    def target(self, target_id: int) -> dict[str, Any] | None:
        return self._one("SELECT * FROM targets WHERE target_id = ?", (int(target_id),))

    def default_target(self) -> dict[str, Any]:
        row = self._one("SELECT * FROM targets WHERE is_default = 1 ORDER BY target_id LIMIT 1")
        if row is None:  # the default was never unset by code; recreate rather than fail
            with self._tx() as w:
                w("INSERT OR IGNORE INTO targets(name, is_default, created_at) VALUES ('default', 1, ?)", (utc_now(),))
                w("UPDATE targets SET is_default = 1 WHERE name = 'default'")
            row = self._one("SELECT * FROM targets WHERE is_default = 1 ORDER BY target_id LIMIT 1")
        assert row is not None
        return row

    def add_target(self, name: str, model_id: str | None) -> int:
        with self._tx() as w:
            cur = w("INSERT INTO targets(name, model_id, created_at) VALUES (?, ?, ?)", (name, model_id, utc_now()))
        return int(cur.lastrowid)

    def set_default_target(self, target_id: int) -> None:
        with self._tx() as w:
            w("UPDATE targets SET is_default = (target_id = ?)", (int(target_id),))

    def set_target_model(self, target_id: int, model_id: str | None) -> None:
        with self._tx() as w:
            w("UPDATE targets SET model_id = ? WHERE target_id = ?", (model_id, int(target_id)))

    def model_meta(self, model_id: str) -> dict[str, Any]:
        row = self._one("SELECT * FROM model_meta WHERE model_id = ?", (model_id,))
        return row or {"model_id": model_id, "target_id": None, "callback_url": None, "callback_method": None,
                       "anomaly_range": 0.0}

    def set_model_meta(self, model_id: str, **fields: Any) -> dict[str, Any]:
        current = self.model_meta(model_id)
        current.update(fields)
        with self._tx() as w:
            w("INSERT INTO model_meta(model_id, target_id, callback_url, callback_method, anomaly_range) "
              "VALUES (?, ?, ?, ?, ?) ON CONFLICT(model_id) DO UPDATE SET target_id = excluded.target_id, "
              "callback_url = excluded.callback_url, callback_method = excluded.callback_method, "
              "anomaly_range = excluded.anomaly_range",
              (model_id, current["target_id"], current["callback_url"], current["callback_method"],
               float(current["anomaly_range"] or 0.0)))
        return current

    def forget_model(self, model_id: str) -> None:
        with self._tx() as w:
            w("DELETE FROM model_meta WHERE model_id = ?", (model_id,))
            w("UPDATE targets SET model_id = NULL WHERE model_id = ?", (model_id,))

    # ------------------------------------------------------------------ items
    def add_items(self, items: Iterable[dict[str, Any]], actor: str) -> list[str]:
        """Insert items with their images (``images``: list of dicts) in one transaction."""
        ids: list[str] = []
        with self._tx() as w:
            seq = int(self.db._writer.execute("SELECT COALESCE(max(seq), 0) FROM items").fetchone()[0])  # noqa: SLF001
            for item in items:
                seq += 1
                w("INSERT INTO items(item_id, name, is_training, good, user_label, model_id, target_id, record_id, "
                  "status, created_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  (item["item_id"], item["name"], int(bool(item["is_training"])), item.get("good"),
                   item.get("user_label"), item.get("model_id"), item.get("target_id"), item.get("record_id"),
                   "new", utc_now(), seq))
                for i, img in enumerate(item["images"]):
                    w("INSERT INTO item_images(item_id, idx, name, path, width, height, file_size) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?)",
                      (item["item_id"], i, img["name"], img["path"], int(img["width"]), int(img["height"]),
                       int(img["file_size"])))
                ids.append(item["item_id"])
            w("INSERT INTO audit_log(at, actor, action, detail) VALUES (?, ?, 'items.add', ?)",
              (utc_now(), actor, json.dumps({"item_ids": ids})))
        return ids

    def item(self, item_id: str) -> dict[str, Any] | None:
        return self._one("SELECT * FROM items WHERE item_id = ?", (item_id,))

    def items_by_ids(self, item_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        if not item_ids:
            return {}
        rows = self._read(f"SELECT * FROM items WHERE item_id IN ({_marks(item_ids)})", list(item_ids))
        return {r["item_id"]: r for r in rows}

    def _item_where(self, is_training: bool | None, model_id: str | None,
                    target_id: int | None) -> tuple[str, list[Any]]:
        where: list[str] = ["active = 1"]
        params: list[Any] = []
        if is_training is not None:
            where.append("is_training = ?")
            params.append(int(is_training))
        if model_id:
            where.append("(model_id = ? OR item_id IN (SELECT item_id FROM assessments WHERE model_id = ?))")
            params += [model_id, model_id]
        if target_id is not None:
            where.append("target_id = ?")
            params.append(int(target_id))
        return " AND ".join(where), params

    def count_items(self, is_training: bool | None, model_id: str | None = None,
                    target_id: int | None = None) -> int:
        where, params = self._item_where(is_training, model_id, target_id)
        return int(self._read(f"SELECT count(*) AS n FROM items WHERE {where}", params)[0]["n"])

    def list_items(self, is_training: bool | None, *, limit: int, offset: int, model_id: str | None = None,
                   target_id: int | None = None) -> list[dict[str, Any]]:
        where, params = self._item_where(is_training, model_id, target_id)
        return self._read(f"SELECT * FROM items WHERE {where} ORDER BY seq LIMIT ? OFFSET ?",
                          params + [int(limit), int(offset)])

    def _by_item(self, table: str, order: str, item_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
        """The rows of ``table`` of each item (every id a key, [] when it has none)."""
        out: dict[str, list[dict[str, Any]]] = {i: [] for i in item_ids}
        if item_ids:
            for r in self._read(f"SELECT * FROM {table} WHERE item_id IN ({_marks(item_ids)}) "
                                f"ORDER BY {order}", list(item_ids)):
                out[r["item_id"]].append(r)
        return out

    def images_of(self, item_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
        return self._by_item("item_images", "item_id, idx", item_ids)

    def set_item_status(self, item_ids: Sequence[str], status: str) -> None:
        if item_ids:
            with self._tx() as w:
                w(f"UPDATE items SET status = ? WHERE item_id IN ({_marks(item_ids)})", [status, *item_ids])

    def set_user_assessment(self, item_id: str, good: int | None, label: str | None) -> None:
        with self._tx() as w:
            w("UPDATE items SET good = ?, user_label = ? WHERE item_id = ?", (good, label, item_id))

    def set_training(self, item_id: str, is_training: bool) -> None:
        with self._tx() as w:
            w("UPDATE items SET is_training = ? WHERE item_id = ?", (int(is_training), item_id))

    def delete_items(self, item_ids: Sequence[str], actor: str) -> list[dict[str, Any]]:
        """Remove the rows (images are the caller's to delete); returns the image rows removed."""
        images = [img for imgs in self.images_of(item_ids).values() for img in imgs]
        with self._tx() as w:
            m = _marks(item_ids)
            for table in ("item_images", "assessments", "annotations", "items"):
                w(f"DELETE FROM {table} WHERE item_id IN ({m})", list(item_ids))
            w("INSERT INTO audit_log(at, actor, action, detail) VALUES (?, ?, 'items.delete', ?)",
              (utc_now(), actor, json.dumps({"item_ids": list(item_ids), "images": len(images)})))
        return images

    def training_items_of_records(self, record_ids: Sequence[int]) -> dict[int, str]:
        if not record_ids:
            return {}
        rows = self._read(f"SELECT record_id, item_id FROM items WHERE is_training = 1 AND record_id IN "
                          f"({_marks(record_ids)})", [int(r) for r in record_ids])
        return {int(r["record_id"]): r["item_id"] for r in rows}

    # ------------------------------------------------------------------ annotations
    def replace_annotations(self, item_id: str, annotations: Sequence[dict[str, Any]]) -> None:
        with self._tx() as w:
            w("DELETE FROM annotations WHERE item_id = ?", (item_id,))
            for a in annotations:
                w("INSERT INTO annotations(item_id, x_min, x_max, y_min, y_max, label, notes, created_at) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                  (item_id, a.get("x_min"), a.get("x_max"), a.get("y_min"), a.get("y_max"), a.get("label"),
                   a.get("notes"), utc_now()))

    def annotations_of(self, item_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
        return self._by_item("annotations", "annotation_id", item_ids)

    # ------------------------------------------------------------------ assessments
    def add_assessment(self, row: dict[str, Any]) -> int:
        with self._tx() as w:
            cur = w("INSERT INTO assessments(item_id, model_id, model_version, result, anomaly_score, threshold, "
                    "detected_objects, regions, created_at, callback_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (row["item_id"], row["model_id"], row.get("model_version"), row["result"],
                     float(row["anomaly_score"]), float(row["threshold"]), int(row["detected_objects"]),
                     json.dumps(row.get("regions", [])), utc_now(), row.get("callback_state")))
            w("UPDATE items SET status = 'predicted' WHERE item_id = ?", (row["item_id"],))
        return int(cur.lastrowid)

    def assessments_of(self, item_ids: Sequence[str], model_id: str | None = None) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {i: [] for i in item_ids}
        if item_ids:
            sql = f"SELECT * FROM assessments WHERE item_id IN ({_marks(item_ids)})"
            params: list[Any] = list(item_ids)
            if model_id:
                sql += " AND model_id = ?"
                params.append(model_id)
            for r in self._read(sql + " ORDER BY assessment_id", params):
                r["regions"] = json.loads(r["regions"])
                out[r["item_id"]].append(r)
        return out

    def assessments_of_models(self, model_ids: Sequence[str]) -> list[dict[str, Any]]:
        sql = "SELECT a.*, i.name AS item_name, i.good AS item_good FROM assessments a JOIN items i USING (item_id)"
        params: list[Any] = []
        if model_ids:
            sql += f" WHERE a.model_id IN ({_marks(model_ids)})"
            params = list(model_ids)
        return self._read(sql + " ORDER BY a.assessment_id", params)

    def set_callback_state(self, assessment_id: int, state: str, attempts: int, error: str | None) -> None:
        with self._tx() as w:
            w("UPDATE assessments SET callback_state = ?, callback_attempts = ?, callback_error = ? "
              "WHERE assessment_id = ?", (state, int(attempts), error, int(assessment_id)))


__all__ = ["MachineStore", "utc_now"]
