"""Inspection history: SQLite records, image store with quota, queries, CSV export, ES sync.

Headless (sqlite3, numpy, OpenCV); never imports Qt.
"""

from storage.database import Database, SearchPage
from storage.errors import (
    DatabaseCorrupt,
    InvalidQuery,
    InvalidRecord,
    MigrationError,
    RecordNotFound,
    SchemaTooNew,
    StorageError,
)
from storage.records import InspectionRecord

__all__ = [
    "Database",
    "DatabaseCorrupt",
    "InspectionRecord",
    "InvalidQuery",
    "InvalidRecord",
    "MigrationError",
    "RecordNotFound",
    "SchemaTooNew",
    "SearchPage",
    "StorageError",
]
