"""Issue 12 item 6: a database given apart from the data folder (``serve --db FILE``) still gets
its images saved when the data folder does not exist yet."""

from __future__ import annotations

import time

from station.core import Station
from storage import Database
from tests.api.conftest import make_settings
from tests.api.fakes import BrightSpotModel, grey_part


def test_missing_data_folder_is_created_and_images_are_saved(tmp_path):
    data_dir = tmp_path / "not" / "yet" / "there"
    settings = make_settings(tmp_path, **{"storage.data_dir": str(data_dir), "storage.save_images": "all"})
    database = Database(tmp_path / "elsewhere.sqlite3")
    try:
        with Station(settings, database=database, model=BrightSpotModel()) as station:
            found = station.inspect_sync(grey_part(spot=True), name="p1")
            deadline = time.monotonic() + 10
            while database.get(found.record.id).image_path is None and time.monotonic() < deadline:
                time.sleep(0.01)
            assert database.get(found.record.id).image_path is not None
            assert not station.warnings
        assert (data_dir / "images").is_dir()
    finally:
        database.close()


def test_serve_writes_the_rotating_log_in_its_data_dir(tmp_path):
    import argparse
    import logging
    import threading

    from composition import run_serve

    data_dir = tmp_path / "fresh" / "data"
    args = argparse.Namespace(config=None, host="127.0.0.1", port=0, api_key=None, device="cpu",
                              data_dir=str(data_dir), db=str(tmp_path / "db" / "h.sqlite3"), model=None)
    ready, stop = threading.Event(), threading.Event()
    rc: list[int] = []
    handlers_before = list(logging.getLogger().handlers)
    t = threading.Thread(target=lambda: rc.append(run_serve(args, ready=ready, stop=stop)))
    t.start()
    try:
        assert ready.wait(30), "serve did not start"
    finally:
        stop.set()
        t.join(30)
    assert rc == [0]
    text = (data_dir / "logs" / "qcstation.log").read_text(encoding="utf-8")
    assert "HTTP endpoint listening on http://127.0.0.1:" in text
    assert "no model loaded" in text
    assert logging.getLogger().handlers == handlers_before  # the file handler is removed again
