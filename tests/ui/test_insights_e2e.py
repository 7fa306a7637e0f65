"""End to end: real bottle images posted over HTTP, then brightened copies of the same OK images
(a lamp changed). The drift warning must reach ``/api/data/insights``, ``/api/status``, the
Statistics page's banner and its insights panel, and end in the drift log."""

from __future__ import annotations

import cv2
import pytest

from inference.imageio import list_images
from station.insights import drift_text
from storage import insights_store
from tests.api.conftest import make_settings, serving
from tests.ui.gui_station import shown
from ui.station_bridge import StationBridge
from ui.statistics_page import StatisticsPage
from ui.workers import wait_for_pool

pytestmark = pytest.mark.timeout(300)


def _png(image) -> bytes:
    return cv2.imencode(".png", image)[1].tobytes()


def test_lighting_change_is_found_over_http_and_on_the_statistics_page(qtbot, tmp_path, trained_model, bottle_dir):
    ok_parts = list_images(bottle_dir / "train" / "good")[20:60]  # OK parts the model never saw
    settings = make_settings(tmp_path, **{"storage.save_images": "all"})
    with serving(settings, trained_model) as (station, _server, client):
        for i, path in enumerate(ok_parts):
            r = client.post(f"/analyze_image?data=BTL-{i:03d}", content=path.read_bytes())
            assert r.status_code == 200, r.text
        qtbot.waitUntil(lambda: station.drift.status().parts >= len(ok_parts), timeout=10_000)
        assert station.drift.status().state == "ok"
        before = client.get("/api/data/insights").json()
        assert not [f for f in before["findings"] if f["kind"] == "drift" and f["severity"] != "info"]
        assert before["drift"]["active"] is False

        bridge = StationBridge(station, settings)
        page = shown(qtbot, StatisticsPage(bridge, settings), (1400, 900))
        page.set_period("today")
        try:
            assert not page.drift_banner.isVisible()
            # a strong lamp change (+110 grey levels): the fitted-tail threshold sits well above the OK
            # scores, so a mild one moves them less than the monitor's tolerance (by design)
            brighter = [cv2.convertScaleAbs(cv2.imread(str(p)), alpha=1.0, beta=110) for p in ok_parts]
            posted = 0
            for i, image in enumerate(brighter * 2):
                r = client.post(f"/analyze_image?data=BTL-L{i:03d}", content=_png(image))
                assert r.status_code == 200, r.text
                posted += 1
                if station.drift.status().drifting:
                    break
            qtbot.waitUntil(lambda: station.drift.status().drifting, timeout=10_000)
            status = station.drift.status()
            assert status.state == "drift_up" and status.median > status.reference
            # within three batches of 20 of the lamp change; the monitor hears a record just after its
            # answer went out, so this loop may notice it a post or two late
            assert posted <= 62

            body = client.get("/api/data/insights").json()
            drift = [f for f in body["findings"] if f["kind"] == "drift"]
            assert drift and drift[0]["severity"] == "alert" and body["findings"][0] == drift[0]
            # "OK parts now score 0.97 of the threshold against 0.90 at calibration …", or, when over
            # half the brightened parts were judged NG, "Over half the parts now score at or above …"
            assert "at calibration" in drift[0]["text"] and "bottle-test" in drift[0]["text"]
            assert drift[0]["figures"]["active"] and drift[0]["figures"]["direction"] == "up"
            assert body["drift"]["active"] is True and body["drift"]["status"]["state"] == "drift_up"
            assert drift[0]["text"].split(":")[0] in body["summary"]
            s = client.get("/api/status").json()
            assert s["drift"]["drifting"] and s["warnings"][0]["kind"] == "score_drift"
            if body["location_map_url"] is not None:  # some brightened parts were judged NG with regions
                assert client.get(body["location_map_url"]).status_code == 200

            # the window: the banner (live signal) and the panel (next refresh)
            qtbot.waitUntil(lambda: page.drift_banner.isVisible(), timeout=10_000)
            assert page.drift_banner.text() == drift_text(station.drift.status())
            page.refresh()
            qtbot.waitUntil(lambda: page.insights is not None and
                            any(f.kind == "drift" and f.severity == "alert" for f in page.insights.findings),
                            timeout=20_000)
            assert drift[0]["text"] in page.insights_panel.text.toPlainText()
            # the panel draws the location map exactly when the endpoint serves one
            assert (page.insights_panel.map_image is not None) == (body["location_map_url"] is not None)
        finally:
            page.shutdown()
            wait_for_pool()
            bridge.close()
        events = insights_store.drift_events(station.database)
        assert len(events) == 1 and events[0].active and events[0].model_name == "bottle-test"
