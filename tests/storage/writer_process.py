"""A writer process for the reliability tests: inserts until killed, printing each committed figId.

    python -m tests.storage.writer_process DB MODE     (MODE: single | batch | import)
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta

from storage import Database, InspectionRecord


def record(i: int) -> InspectionRecord:
    return InspectionRecord(
        id=None, name=f"kill_{i:06d}_瓶子.png", source="camera", part_id=f"SN{i}",
        timestamp=datetime(2024, 3, 1) + timedelta(seconds=7 * i), label="NG" if i % 5 == 0 else "OK",
        defect_count=i % 3, score=0.5, normalized_score=0.5, confidence=0.9, model_id="m",
        model_version=1, processing_ms=10.0, regions=({"x": i, "y": 0, "width": 1, "height": 1},))


def main() -> None:
    path, mode = sys.argv[1], sys.argv[2]
    db = Database(path)
    i = 0
    while True:
        if mode == "single":
            ids = [db.insert(record(i))]
            i += 1
        elif mode == "batch":
            ids = db.insert_many([record(i + k) for k in range(50)])
            i += 50
        else:
            n = db.import_records((record(i + k) for k in range(2000)), batch=2000)
            ids = [n]
            i += 2000
        print(ids[-1], flush=True)


if __name__ == "__main__":
    main()
