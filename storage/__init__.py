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
from storage.images import ImageStore, SavedImages
from storage.records import InspectionRecord
from storage.stats import ScoreHistogram, YieldBucket

__all__ = [
    "Database",
    "DatabaseCorrupt",
    "ImageStore",
    "InspectionRecord",
    "InvalidQuery",
    "InvalidRecord",
    "MigrationError",
    "RecordNotFound",
    "SavedImages",
    "SchemaTooNew",
    "ScoreHistogram",
    "SearchPage",
    "StorageError",
    "YieldBucket",
]
