"""Inspection history: SQLite records, image store with quota, queries, CSV export, ES sync.

Headless (sqlite3, numpy, OpenCV); never imports Qt.
"""

from storage.records import InspectionRecord

__all__ = ["InspectionRecord"]
