"""The machine state reaches the line: ``station_state`` in every PEKAT context and ``/api/status``."""

from __future__ import annotations

import cv2

from tests.api.conftest import make_settings, serving
from tests.api.fakes import BrightSpotModel, grey_part


def test_status_follows_the_machine_state_and_the_context_carries_it(tmp_path):
    settings = make_settings(tmp_path, **{"storage.save_images": "none"})
    with serving(settings, BrightSpotModel()) as (station, _server, client):
        body = client.get("/api/status").json()
        assert body["station_state"] == "STOPPED" and body["model_id"] == "bright-1"
        assert body["queue_capacity"] > 0 and body["accepting"] is True

        png = cv2.imencode(".png", grey_part(spot=True))[1].tobytes()
        ctx = client.post("/analyze_image", content=png).json()
        assert ctx["station_state"] == "RUNNING"  # the endpoint judging parts is a running line
        assert client.get("/api/status").json()["line_active"] is True

        station.machine.source_lost("camera", "camera lost", 4.0)
        body = client.get("/api/status").json()
        assert body["station_state"] == "SOURCE_LOST" and body["state_reason"] == "camera lost"
        assert 0 < body["reconnect_in_s"] <= 4.0
        station.machine.source_stopped()

        station.machine.begin_changeover("bright-1", "bright-2")
        assert client.get("/api/status").json()["station_state"] == "CHANGEOVER"
        station.machine.end_changeover()
        station.set_model(None)
        assert client.get("/api/status").json()["station_state"] == "NO_MODEL"


def test_status_needs_the_api_key_when_one_is_set(tmp_path):
    settings = make_settings(tmp_path, **{"storage.save_images": "none", "server.api_key": "s3cret"})
    with serving(settings, BrightSpotModel()) as (_station, _server, client):
        assert client.get("/api/status").status_code == 401
        assert client.get("/api/status", headers={"X-API-Key": "s3cret"}).json()["station_state"] == "STOPPED"
