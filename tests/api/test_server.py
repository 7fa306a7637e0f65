"""EmbeddedServer: starts on a free port, stops quickly and cleanly (also with a request in flight)."""

from __future__ import annotations

import contextlib
import socket
import threading
import time

import httpx
import pytest

from api.server import EmbeddedServer
from station.core import Station
from tests.api.conftest import make_settings
from tests.api.fakes import BrightSpotModel


def gated_server(tmp_path, **server_kw) -> tuple[threading.Event, BrightSpotModel, Station, EmbeddedServer]:
    """A started station whose model holds every frame until the returned gate is set, and its
    started server."""
    gate = threading.Event()
    settings = make_settings(tmp_path, **{"storage.save_images": "none"})
    model = BrightSpotModel(gate=gate)
    station = Station(settings, model=model).start()
    return gate, model, station, EmbeddedServer(station, settings, **server_kw).start()


def test_start_stop_restart_and_keepalive(tmp_path):
    settings = make_settings(tmp_path, **{"storage.save_images": "none"})
    with Station(settings, model=BrightSpotModel()) as station:
        server = EmbeddedServer(station, settings).start()
        assert server.running and server.url.startswith("http://127.0.0.1:")
        client = httpx.Client(base_url=server.url)  # an idle keep-alive connection must not hold stop()
        assert client.get("/ping").status_code == 200
        t0 = time.monotonic()
        server.stop()
        assert time.monotonic() - t0 < 3 and not server.running
        with pytest.raises(httpx.TransportError):
            client.get("/ping")
        client.close()
        server.stop()  # idempotent
        server.start()
        assert httpx.get(f"{server.url}/version").text == "3.19.0"
        server.stop()


def test_stop_with_a_request_in_flight_is_quick(tmp_path):
    gate, model, station, server = gated_server(tmp_path, grace_s=0.5)
    done = threading.Event()

    def post():
        with contextlib.suppress(httpx.HTTPError):
            httpx.post(f"{server.url}/analyze_raw_image?width=8&height=8", content=bytes(192), timeout=20)
        done.set()

    threading.Thread(target=post, daemon=True).start()
    assert model.entered.wait(10), "the request never reached the model"
    t0 = time.monotonic()
    server.stop()
    assert time.monotonic() - t0 < 5
    gate.set()
    station.stop()
    assert done.wait(10)


def test_port_in_use_raises_a_readable_oserror(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        settings = make_settings(tmp_path, **{"server.port": port})
        server = EmbeddedServer(None, settings)
        with pytest.raises(OSError, match=f"cannot listen on 127.0.0.1:{port}"):
            server.start()
        assert not server.running


def test_exposure_warning_only_on_the_network_without_key(tmp_path):
    assert EmbeddedServer(None, make_settings(tmp_path)).exposure_warning is None
    exposed = make_settings(tmp_path, **{"server.host": "0.0.0.0"})
    assert "API key" in EmbeddedServer(None, exposed).exposure_warning
    keyed = make_settings(tmp_path, **{"server.host": "0.0.0.0", "server.api_key": "k"})
    assert EmbeddedServer(None, keyed).exposure_warning is None


def test_apply_settings_changes_the_key_live(tmp_path):
    settings = make_settings(tmp_path, **{"storage.save_images": "none"})
    with Station(settings, model=BrightSpotModel()) as station:
        server = EmbeddedServer(station, settings).start()
        try:
            assert httpx.get(f"{server.url}/api/v1/models").status_code == 200
            assert server.apply_settings(settings.override(**{"server.api_key": "new"})) is False
            assert httpx.get(f"{server.url}/api/v1/models").status_code == 401
            assert httpx.get(f"{server.url}/api/v1/models?api_key=new").status_code == 200
            assert server.apply_settings(settings.override(**{"server.port": 1})) is True
        finally:
            server.stop()


def test_event_loop_stays_free_while_images_are_judged(tmp_path):
    """Inference (held here by a gate) and decoding never run on the loop: /ping answers meanwhile."""
    gate, model, station, server = gated_server(tmp_path)
    try:
        answers: list = []
        big = bytes(4000 * 3000 * 3)  # a 36 MB raw frame: copying/reshaping it must not stall the loop
        posts = [threading.Thread(target=lambda: answers.append(httpx.post(
            f"{server.url}/analyze_raw_image?width=4000&height=3000", content=big, timeout=30)))
            for _ in range(2)]
        for t in posts:
            t.start()
        assert model.entered.wait(20), "no frame reached the model"
        t0 = time.monotonic()
        for _ in range(5):
            assert httpx.get(f"{server.url}/ping", timeout=5).status_code == 200
        assert time.monotonic() - t0 < 2.0
        gate.set()
        for t in posts:
            t.join(30)
        assert [a.status_code for a in answers] == [200, 200]
    finally:
        gate.set()
        server.stop()
        station.stop()
