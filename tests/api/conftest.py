"""Fixtures: a real Station (fake or real model) behind a real EmbeddedServer on a free loopback port."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import httpx
import pytest

from station.settings import Settings
from tests.api.fakes import BrightSpotModel


def make_settings(tmp_path, **overrides) -> Settings:
    settings = Settings().override(**{"storage.data_dir": str(tmp_path / "data"), "server.port": 0,
                                      "server.host": "127.0.0.1"})
    return settings.override(**overrides) if overrides else settings


@contextlib.contextmanager
def serving(settings: Settings, model=None) -> Iterator[tuple]:
    from api.server import EmbeddedServer
    from station.core import Station

    station = Station(settings, model=model).start()
    server = EmbeddedServer(station, settings).start()
    try:
        with httpx.Client(base_url=server.url, timeout=30) as client:
            yield station, server, client
    finally:
        server.stop()
        station.stop()


@pytest.fixture
def fake_api(tmp_path):
    """(station, server, client) with the bright-spot model, no API key."""
    with serving(make_settings(tmp_path, **{"storage.save_images": "none"}), BrightSpotModel()) as trio:
        yield trio
