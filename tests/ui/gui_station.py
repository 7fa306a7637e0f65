"""The set-up and teardown nearly every GUI test repeats: a station on a temporary history database
with its bridge, a widget shown through qtbot, and the orderly close (pages, pool, bridge, station,
database) that keeps one test's background reads out of the next."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from station.core import Station
from station.settings import Settings
from storage import Database
from tests.ui.part2_helpers import station_with_db
from ui.station_bridge import StationBridge
from ui.workers import wait_for_pool

W = TypeVar("W")


def bridged_station(tmp_path: Path, model: Any = None, settings: Settings | None = None, *,
                start: bool = True) -> tuple[Station, Database, Settings, StationBridge]:
    """``station_with_db`` plus its bridge; ``model`` is a model object or a bundle path to load."""
    station, db, settings = station_with_db(tmp_path, settings)
    if isinstance(model, (str, Path)):
        station.load_model(model)
    elif model is not None:
        station.set_model(model)
    if start:
        station.start()
    return station, db, settings, StationBridge(station, settings)


def shown(qtbot: Any, widget: W, size: tuple[int, int] | None = None) -> W:
    """``widget`` handed to qtbot (closed after the test), resized when asked, and shown."""
    qtbot.addWidget(widget)
    if size is not None:
        widget.resize(*size)  # type: ignore[attr-defined]
    widget.show()  # type: ignore[attr-defined]
    return widget


def close_gui_station(bridge: StationBridge, db: Database, *pages: Any, pool_ms: int = 10_000) -> None:
    """Pages first (they stop their reads), then the pool, the bridge, the station, the database."""
    for page in pages:
        page.shutdown()
    wait_for_pool(pool_ms)
    bridge.close()
    bridge.station.stop()
    db.close()
