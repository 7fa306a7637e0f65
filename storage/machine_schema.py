"""Schema v7: the machine API's tables (HACARUS Check v1 style), beside the inspection history.

Why in the history file: one database, one backup, one migration path; items can point at the
inspection record they were made from (``record_id``) and the audit log sits with the history.
"""

from __future__ import annotations

V10_MACHINE = [
    # API clients (client_credentials): the secret is never stored, only a salted PBKDF2 hash.
    """CREATE TABLE api_clients (
        client_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        salt BLOB NOT NULL,
        secret_hash BLOB NOT NULL,
        iterations INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        revoked_at TEXT
    )""",
    # Bearer tokens by SHA-256 (a leaked database does not leak usable tokens).
    """CREATE TABLE api_tokens (
        token_hash TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES api_clients(client_id),
        expires_at REAL NOT NULL
    )""",
    "CREATE INDEX idx_api_tokens_client ON api_tokens(client_id)",
    # Inspection targets (a product / recipe): the model it runs and that model's recipe.
    """CREATE TABLE targets (
        target_id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL UNIQUE,
        model_id TEXT,
        is_default INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
    )""",
    "INSERT INTO targets(name, is_default, created_at) VALUES ('default', 1, datetime('now'))",
    # Per-model machine settings: which target it belongs to, callback, heatmap range.
    """CREATE TABLE model_meta (
        model_id TEXT PRIMARY KEY,
        target_id INTEGER,
        callback_url TEXT,
        callback_method TEXT,
        anomaly_range REAL NOT NULL DEFAULT 0
    )""",
    # Items: one inspected product with one or more images (judged together).
    """CREATE TABLE items (
        item_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        is_training INTEGER NOT NULL,
        good INTEGER,                    -- user assessment: 1 OK, 0 NG, NULL not assessed
        user_label TEXT,
        model_id TEXT,
        target_id INTEGER,
        record_id INTEGER,               -- the inspection record it was made from, if any
        status TEXT NOT NULL DEFAULT 'new',
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        seq INTEGER NOT NULL
    )""",
    "CREATE INDEX idx_items_type ON items(is_training, seq)",
    """CREATE TABLE item_images (
        item_id TEXT NOT NULL REFERENCES items(item_id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        name TEXT NOT NULL,
        path TEXT NOT NULL,              -- relative to the data directory
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        file_size INTEGER NOT NULL,
        PRIMARY KEY (item_id, idx)
    )""",
    # Machine assessments (predictions) of an item by a model, with callback delivery state.
    """CREATE TABLE assessments (
        assessment_id INTEGER PRIMARY KEY AUTOINCREMENT,
        item_id TEXT NOT NULL,
        model_id TEXT NOT NULL,
        model_version TEXT,
        result TEXT NOT NULL,
        anomaly_score REAL NOT NULL,
        threshold REAL NOT NULL,
        detected_objects INTEGER NOT NULL,
        regions TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        callback_state TEXT,             -- NULL none, pending, delivered, failed
        callback_attempts INTEGER NOT NULL DEFAULT 0,
        callback_error TEXT
    )""",
    "CREATE INDEX idx_assessments_item ON assessments(item_id, assessment_id)",
    "CREATE INDEX idx_assessments_model ON assessments(model_id, assessment_id)",
    """CREATE TABLE annotations (
        annotation_id INTEGER PRIMARY KEY AUTOINCREMENT,
        item_id TEXT NOT NULL,
        x_min REAL, x_max REAL, y_min REAL, y_max REAL,
        label INTEGER,
        notes TEXT,
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX idx_annotations_item ON annotations(item_id)",
    # Who did what over the machine API and the GUI: kept when the things themselves are deleted.
    """CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '{}'
    )""",
]
