"""The HACARUS Check v1 machine API against a real station (fake model) over loopback HTTP.

Fast: the bright-spot model judges; real training is covered by test_machine_e2e.py.
"""

from __future__ import annotations

import http.server
import io
import json
import threading
import time
import zipfile

import cv2
import numpy as np
import pytest

from tests.api.conftest import make_settings, serving
from tests.api.fakes import BrightSpotModel, grey_part


def png(image: np.ndarray) -> bytes:
    return cv2.imencode(".png", image)[1].tobytes()


def wait_for(predicate, timeout: float = 20.0, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def base_error(resp, status: int, pointer: str | None = None) -> dict:
    assert resp.status_code == status, resp.text
    err = resp.json()["errors"]
    assert err["status"] == status and err["title"] and err["detail"], err
    assert isinstance(err["message"], list) and err["message"][0]["errors"], err
    if pointer is not None:
        assert err["source"]["pointer"] == pointer, err
    return err


class Receiver:
    """A loopback HTTP server that records callback requests."""

    def __init__(self, fail_first: int = 0):
        self.calls: list[dict] = []
        self.fail_first = fail_first
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _record(self, method: str) -> None:
                n = len(outer.calls) + 1
                body = self.rfile.read(int(self.headers.get("content-length") or 0))
                outer.calls.append({"method": method, "path": self.path, "body": body})
                self.send_response(500 if n <= outer.fail_first else 200)
                self.end_headers()

            def do_POST(self):  # noqa: N802
                self._record("POST")

            def do_GET(self):  # noqa: N802
                self._record("GET")

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def api(tmp_path):
    settings = make_settings(tmp_path, **{"storage.save_images": "none"})
    with serving(settings, BrightSpotModel()) as trio:
        yield trio


def add_items(client, images, training="false", good=None, headers=None):
    files = [("files[]", (f"part{i}.png", png(im), "image/png")) for i, im in enumerate(images)]
    data = {"training": training}
    if good is not None:
        data["good"] = good
    return client.post("/api/v1/items/", files=files, data=data, headers=headers or {})


def test_token_auth_bearer_and_revocation(api, tmp_path):
    station, server, client = api
    svc_clients = __import__("station.api_clients", fromlist=["ApiClients"])
    from station.machine import services_for

    svc = services_for(station, server.settings)
    assert client.get("/api/v1/models/").status_code == 200  # no client, no key: open (loopback default)
    new = svc.clients.add("mes")
    assert isinstance(new, svc_clients.NewClient)
    base_error(client.get("/api/v1/models/"), 401)  # a client exists: the machine routes need a token
    assert client.post("/analyze_image", content=png(grey_part())).status_code == 200  # PEKAT unchanged
    base_error(client.post("/api/auth/token", json={"grant_type": "client_credentials", "client_id": new.client_id,
                                                    "client_secret": "wrong"}), 401)
    base_error(client.post("/api/auth/token", json={"client_id": new.client_id}), 422, "/body/grant_type")
    base_error(client.post("/api/auth/token", json={"grant_type": "password", "client_id": "a",
                                                    "client_secret": "b"}), 422, "/body/grant_type")
    base_error(client.post("/api/auth/token", content=b"{nope", headers={"content-type": "application/json"}), 422)
    r = client.post("/api/auth/token", data={"grant_type": "client_credentials", "client_id": new.client_id,
                                             "client_secret": new.client_secret})
    assert r.status_code == 200, r.text
    tok = r.json()
    assert tok["token_type"] == "bearer" and tok["scope"] == "all" and tok["expires_in"] > 0
    auth = {"Authorization": f"Bearer {tok['access_token']}"}
    assert client.get("/api/v1/models/", headers=auth).status_code == 200
    base_error(client.get("/api/v1/models/", headers={"Authorization": "Bearer not-a-token"}), 401)
    # a bad bearer token is refused on PEKAT routes too, with their error shape
    r = client.post("/analyze_image", content=png(grey_part()), headers={"Authorization": "Bearer bad"})
    assert r.status_code == 401 and r.json()["error"] == "unauthorized"
    assert client.post("/analyze_image", content=png(grey_part()), headers=auth).status_code == 200
    # the secret is stored hashed only
    rows = svc.store._read("SELECT * FROM api_clients")
    assert new.client_secret.encode() not in rows[0]["secret_hash"] and len(rows[0]["salt"]) == 16
    assert svc.clients.revoke(new.client_id)
    base_error(client.get("/api/v1/models/", headers=auth), 401)
    # expired tokens stop too
    new2 = svc.clients.add("mes2")
    svc.clients.ttl_s = -1
    t2 = svc.clients.issue(new2.client_id, new2.client_secret)
    base_error(client.get("/api/v1/models/", headers={"Authorization": f"Bearer {t2.access_token}"}), 401)


def test_items_predict_callbacks_annotate_delete(api):
    station, server, client = api
    with Receiver(fail_first=1) as hook:
        r = client.post("/api/v1/models/active/update_predict_callback",
                        json={"callback_url": hook.url, "callback_method": "post"})
        assert r.status_code == 200 and r.json()["data"] == {"callback_url": hook.url, "callback_method": "post"}
        images = [grey_part(spot=i % 2 == 1) for i in range(4)]
        r = add_items(client, images)
        assert r.status_code == 201, r.text
        ids = r.json()["data"]["item_ids"]
        assert len(ids) == 4
        r = client.post("/api/v1/models/active/predict", json={"item_ids": ids})
        assert r.status_code == 200, r.text
        assert r.json()["data"]["item_ids"] == ids and r.json()["data"]["model_version"] == "1"
        # every item called back (the first delivery fails once and is retried)
        wait_for(lambda: len(hook.calls) == 5, what="4 callbacks + 1 retry")
        by_id = {}
        for c in hook.calls:
            item = json.loads(c["body"])["data"]["items"][0]
            by_id[item["item_id"]] = item
        for i, item_id in enumerate(ids):
            got = by_id[item_id]["assessments"][-1]
            assert got["result"] == ("NG" if i % 2 else "OK"), got
            assert got["model_id"] == "bright-1" and float(got["anomaly_score"]) == (250.0 if i % 2 else 90.0)
            assert got["detected_objects"] == (1 if i % 2 else 0)
        assert len(by_id) == 4
        wait_for(lambda: all(client.get(f"/api/v1/items/{i}").json()["data"]["assessments"][-1]["callback"]["state"]
                             == "delivered" for i in ids), what="delivery state")
    item = client.get(f"/api/v1/items/{ids[1]}").json()["data"]
    assert item["status"] == "predicted" and item["is_training_data"] is False
    assert item["images"][0]["width"] == 80 and item["images"][0]["height"] == 64
    box = item["assessments"][0]["annotations"][0]
    assert (box["x_min"], box["y_min"], box["x_max"], box["y_max"]) == (10, 20, 16, 25)
    img = client.get(item["images"][0]["url"])
    assert img.status_code == 200 and img.content == png(images[1])
    # annotate
    r = client.patch(f"/api/v1/items/{ids[1]}", json={"annotations": [
        {"x_min": 10, "x_max": 16, "y_min": 20, "y_max": 25, "label": 1, "notes": "scratch"}], "result": "NG"})
    assert r.status_code == 202, r.text
    ua = client.get(f"/api/v1/items/{ids[1]}").json()["data"]["user_assessment"]
    assert ua["result"] == "NG" and ua["annotations"][0]["notes"] == "scratch"
    assert ua["annotations"][0]["defect_size"] == 30
    base_error(client.patch(f"/api/v1/items/{ids[1]}", json={"annotations": [{"x_min": "a"}]}), 422,
               "/body/annotations/0/x_min")
    base_error(client.patch(f"/api/v1/items/{ids[1]}", json={"annotations": [{"x_min": 9, "x_max": 2}]}), 422,
               "/body/annotations/0/x_min")
    base_error(client.patch(f"/api/v1/items/{ids[1]}", json={"annotations": [{"x_max": 900}]}), 422,
               "/body/annotations/0/x_max")
    base_error(client.patch("/api/v1/items/nope", json={"annotations": []}), 404, "/path/item_id")
    # paging as the document
    page = client.get("/api/v1/items/?item_type=prediction&count=3&page=2").json()["data"]
    assert (page["end_page"], page["current_page"], page["count_per_page"]) == (2, 2, 3)
    assert [i["item_id"] for i in page["items"]] == ids[3:]
    assert client.get("/api/v1/items/?item_type=training").json()["data"]["items"] == []
    base_error(client.get("/api/v1/items/"), 422, "/query/item_type")
    base_error(client.get("/api/v1/items/?item_type=bogus"), 422, "/query/item_type")
    base_error(client.get("/api/v1/items/?item_type=training&count=0"), 422, "/query/count")
    # CSV of results
    csv_text = client.post("/api/v1/targets/model/results?model_ids=bright-1").text
    assert csv_text.count("\n") == 5 and "bright-1" in csv_text
    base_error(client.post("/api/v1/targets/model/results?model_ids=nope"), 404, "/query/model_ids/0")
    # delete, audited
    r = client.request("DELETE", f"/api/v1/items/?item_ids={ids[0]},{ids[1]}")
    assert r.status_code == 200 and r.json()["data"]["item_ids"] == ids[:2]
    base_error(client.get(f"/api/v1/items/{ids[0]}"), 404)
    base_error(client.request("DELETE", f"/api/v1/items/?item_ids={ids[0]}"), 404, "/query/item_ids/0")
    r = client.request("DELETE", "/api/v1/items/", json={"item_ids": [ids[2]]})
    assert r.status_code == 200
    from station.machine import services_for

    svc = services_for(station, server.settings)
    actions = [a["action"] for a in svc.store.audit_log()]
    assert actions.count("items.delete") == 2
    assert not (server.settings.data_dir / "items" / ids[0]).exists()


def test_items_bad_input(api):
    _station, _server, client = api
    base_error(client.post("/api/v1/items/", data={"training": "true"}), 422, "/body/files")
    base_error(add_items(client, [grey_part()], training="maybe"), 422, "/body/training")
    base_error(client.post("/api/v1/items/", files=[("files[]", ("x.png", png(grey_part()), "image/png"))]), 422,
               "/body/training")
    r = client.post("/api/v1/items/", data={"training": "true"},
                    files=[("files[]", ("a.png", png(grey_part()), "image/png")),
                           ("files[]", ("b.png", b"not an image", "image/png"))])
    base_error(r, 422, "/body/files/1")
    assert client.get("/api/v1/items/?item_type=training").json()["data"]["items"] == []  # nothing half-added
    r = client.post("/api/v1/items/", data={"training": "true", "model_id": "nope"},
                    files=[("files[]", ("a.png", png(grey_part()), "image/png"))])
    base_error(r, 404, "/body/model_id")
    base_error(client.post("/api/v1/items/", content=b"x", headers={"content-type": "text/plain"}), 422)
    # a grouped item: two faces judged together
    r = client.post("/api/v1/items/", data={"training": "false", "group": "true"},
                    files=[("files[]", ("a.png", png(grey_part()), "image/png")),
                           ("files[]", ("b.png", png(grey_part(spot=True)), "image/png"))])
    (item_id,) = r.json()["data"]["item_ids"]
    assert client.post("/api/v1/models/active/predict", json={"item_ids": [item_id]}).status_code == 200
    got = wait_for(lambda: client.get(f"/api/v1/items/{item_id}").json()["data"]["assessments"], what="assessment")
    assert got[0]["result"] == "NG" and got[0]["annotations"][0]["image"] == 1


def test_predict_and_models_bad_input(api, tmp_path):
    station, server, client = api
    base_error(client.post("/api/v1/models/active/predict", json={}), 422, "/body/item_ids")
    base_error(client.post("/api/v1/models/active/predict", json={"item_ids": "x"}), 422, "/body/item_ids")
    base_error(client.post("/api/v1/models/active/predict", json={"item_ids": ["nope"]}), 404, "/body/item_ids/0")
    base_error(client.post("/api/v1/models/nope/predict", json={"item_ids": ["x"]}), 404, "/path/model_id")
    base_error(client.post("/api/v1/models/active/update_predict_callback", json={"callback_url": "ftp://x"}), 422,
               "/body/callback_url")
    base_error(client.post("/api/v1/models/active/update_predict_callback",
                           json={"callback_url": "http://127.0.0.1:1/", "callback_method": "put"}), 422,
               "/body/callback_method")
    # busy: a gated model holds the first job
    gate = threading.Event()
    station.set_model(BrightSpotModel(gate=gate))
    ids = add_items(client, [grey_part(), grey_part()]).json()["data"]["item_ids"]
    assert client.post("/api/v1/models/active/predict", json={"item_ids": ids}).status_code == 200
    base_error(client.post("/api/v1/models/active/predict", json={"item_ids": ids}), 425)
    gate.set()
    wait_for(lambda: all(client.get(f"/api/v1/items/{i}").json()["data"]["assessments"] for i in ids))
    # models: the active one by id and alias, delete refused, unknown ids
    models = client.get("/api/v1/models/").json()["data"]
    assert [m["model_id"] for m in models] == ["bright-1"] and models[0]["active"] is True
    for key in ("algorithm_type", "algorithm_id", "version", "updated_at", "context_id", "model_id", "created_at",
                "name", "status", "stats", "ok_img_count", "ng_img_count"):
        assert key in models[0], key
    assert client.get("/api/v1/models/active").json()["data"]["model_id"] == "bright-1"
    base_error(client.get("/api/v1/models/nope"), 404, "/path/model_id")
    base_error(client.request("DELETE", "/api/v1/models/?model_ids=bright-1"), 409, "/query/model_ids/0")
    base_error(client.request("DELETE", "/api/v1/models/?model_ids=nope"), 404, "/query/model_ids/0")
    base_error(client.request("DELETE", "/api/v1/models/"), 422, "/query/model_ids")
    base_error(client.post("/api/v1/models/export", json={"model_ids": ["nope"]}), 404, "/body/model_ids/0")
    base_error(client.post("/api/v1/models/export", json={}), 422, "/body/model_ids")
    # predict parameters in the document's forms
    for form, want in ((4, 4), ("6", 6), ("(3,3)", 3), ([2, 2], 2)):
        r = client.post("/api/v1/models/bright-1/update_predict_parameters", json={"ignore_outer": form})
        assert r.status_code == 200 and r.json()["data"]["ignore_outer"] == want, r.text
    r = client.post("/api/v1/models/active/update_predict_parameters",
                    json={"threshold": 255, "min_detected_area": 3, "anomaly_range": 0.5})
    d = r.json()["data"]
    assert (d["threshold"], d["min_detected_area"], d["anomaly_range"], d["pixel_threshold"]) == (255, 3, 0.5, 200)
    assert station.model.params.threshold == 255
    for bad, ptr in (({"threshold": -1}, "/body/threshold"), ({"threshold": "x"}, "/body/threshold"),
                     ({"ignore_outer": "(1,2)"}, "/body/ignore_outer"), ({"ignore_outer": "x"}, "/body/ignore_outer"),
                     ({"ignore_outer": [-1, -1]}, "/body/ignore_outer"), ({"anomaly_range": 2}, "/body/anomaly_range"),
                     ({"colour": 1}, "/body/colour")):
        base_error(client.post("/api/v1/models/bright-1/update_predict_parameters", json=bad), 422, ptr)
    base_error(client.post("/api/v1/models/nope/update_predict_parameters", json={"threshold": 1}), 404)


def test_import_refuses_hostile_files_and_leaves_the_library(api, tmp_path):
    _station, server, client = api
    models_dir = server.settings.models_dir
    before = sorted(p.name for p in models_dir.glob("*")) if models_dir.exists() else []

    def zipped(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", compression=compression) as zf:
            for name, data in members.items():
                zf.writestr(name, data)
        return buf.getvalue()

    bomb = zipped({"big.qcs": b"\0" * (50 * 1024 * 1024)})
    cases = [
        (b"", "/body/models"),
        (b"plain text", "/body/models"),
        (bomb, "/body/models/0"),
        (zipped({"../evil.qcs": b"x"}), "/body/models/0"),
        (zipped({"notes.txt": b"x"}), "/body/models/0"),
        (zipped({"a.qcs": b"not a bundle"}), "/body/models/0"),
        (zipped({"manifest.json": b"{\"format\": 1}"}), "/body/models/0"),
    ]
    for data, pointer in cases:
        r = client.post("/api/v1/models/import", files={"models": ("m.zip", data, "application/zip")})
        base_error(r, 422, pointer)
    base_error(client.post("/api/v1/models/import", data={"x": "1"}), 422, "/body/models")
    after = sorted(p.name for p in models_dir.glob("*")) if models_dir.exists() else []
    assert after == before


def test_targets_utils_and_algorithms(api):
    station, server, client = api
    targets = client.get("/api/v1/targets/").json()["data"]
    assert targets[0]["target_id"] == 1 and targets[0]["name"] == "default"
    assert {p["name"] for p in targets[0]["preprocessing"]} == {"roi", "resize", "contrast"}
    assert client.get("/api/v1/targets/1").json()["data"]["model_id"] == "bright-1"
    assert client.post("/api/v1/targets/1").json()["data"]["default"] is True
    base_error(client.get("/api/v1/targets/99"), 404, "/path/target_id")
    r = client.post("/api/v1/targets/", json={"name": "cap"})
    assert r.status_code == 201 and r.json()["data"]["target_id"] == 2 and r.json()["data"]["default"] is False
    base_error(client.post("/api/v1/targets/", json={"name": "cap"}), 409, "/body/name")
    base_error(client.post("/api/v1/targets/", json={"name": ""}), 422, "/body/name")
    base_error(client.post("/api/v1/targets/", json={"name": "x", "model_id": "nope"}), 404, "/body/model_id")
    assert [t["name"] for t in client.get("/api/v1/targets/").json()["data"]] == ["default", "cap"]
    base_error(client.post("/api/v1/targets/2"), 422, "/query/model_id")  # no model to change over to
    assert client.get("/api/v1/targets/1").json()["data"]["default"] is True
    base_error(client.get("/api/v1/targets/x"), 422, "/path/target_id")
    algos = client.get("/api/v1/algorithms/").json()["data"]
    a = algos[0]
    for key in ("type", "algorithm_id", "version", "updated_at", "file_name", "class_name", "created_at", "name",
                "attribute", "parameters"):
        assert a[key] is not None, key
    for p in a["parameters"]:
        for key in ("algorithm_parameter_id", "algorithm_id", "model_parameter", "name", "data_type", "created_at",
                    "updated_at", "display_name", "range_lower", "range_upper", "value"):
            assert key in p, key
    assert [p["algorithm_parameter_id"] for p in a["parameters"]] == list(range(1, len(a["parameters"]) + 1))
    assert client.get("/api/v1/algorithms/patchcore").json()["data"]["class_name"] == "PatchCore"
    base_error(client.get("/api/v1/algorithms/nope"), 404, "/path/algorithm_id")
    base_error(client.post("/api/v1/algorithms/nope/train", json={}), 404)
    base_error(client.post("/api/v1/algorithms/patchcore/train", json={"item_ids": []}), 422, "/body/item_ids")
    base_error(client.post("/api/v1/algorithms/patchcore/train", json={"item_ids": ["nope"]}), 404,
               "/body/item_ids/0")
    base_error(client.post("/api/v1/algorithms/patchcore/train",
                           json={"override_params": [{"algorithm_parameter_id": 999, "value": "1"}]}), 422,
               "/body/override_params/0")
    base_error(client.post("/api/v1/algorithms/patchcore/train", json={"override_params": "x"}), 422,
               "/body/override_params")
    # licence, node hash, debug zip without the API key
    lic = client.post("/api/v1/utils/").json()["data"]
    assert lic["license_expiry"] == "never"
    h1 = client.post("/api/v1/utils/node_hash").json()["data"]["hash_id"]
    assert h1 == client.post("/api/v1/utils/node_hash").json()["data"]["hash_id"] and len(h1) == 32
    r = client.post("/api/v1/utils/debug")
    assert r.status_code == 200 and r.headers["content-type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(r.content)).namelist()
    assert {"settings.json", "station.json", "audit_log.json"} <= set(names)
    base_error(client.get("/api/v1/nothing"), 404)
    spec = client.get("/openapi.json").json()["paths"]
    for path in ("/api/auth/token", "/api/v1/items/", "/api/v1/models/{model_id}/predict", "/api/v1/utils/debug",
                 "/api/v1/targets/model/results", "/getAllData", "/getHistogram", "/predict"):
        assert path in spec, path


def test_debug_zip_blanks_the_api_key(tmp_path):
    settings = make_settings(tmp_path, **{"server.api_key": "sup3r-secret-key", "storage.save_images": "none"})
    with serving(settings, BrightSpotModel()) as (_st, _sv, client):
        logging_line = client.get("/api/v1/models/?api_key=sup3r-secret-key")
        assert logging_line.status_code == 200
        base_error(client.get("/api/v1/models/"), 401)
        r = client.post("/api/v1/utils/debug", headers={"X-API-Key": "sup3r-secret-key"})
        assert r.status_code == 200
        zf = zipfile.ZipFile(io.BytesIO(r.content))
        for name in zf.namelist():
            assert b"sup3r-secret-key" not in zf.read(name), name
        assert json.loads(zf.read("settings.json"))["server"]["api_key"] == "***"


def test_callback_to_a_dead_receiver_never_blocks_inspection(api):
    station, _server, client = api
    assert client.post("/api/v1/models/active/update_predict_callback",
                       json={"callback_url": "http://127.0.0.1:9/dead"}).status_code == 200
    ids = add_items(client, [grey_part()] * 3).json()["data"]["item_ids"]
    assert client.post("/api/v1/models/active/predict", json={"item_ids": ids}).status_code == 200
    wait_for(lambda: all(client.get(f"/api/v1/items/{i}").json()["data"]["assessments"] for i in ids))
    t0 = time.monotonic()
    r = client.post("/analyze_image", content=png(grey_part()), timeout=10)
    assert r.status_code == 200 and time.monotonic() - t0 < 5
    state = client.get(f"/api/v1/items/{ids[0]}").json()["data"]["assessments"][0]["callback"]
    assert state["state"] in ("pending", "failed") and state["error"]


def test_changeover_while_the_line_runs_needs_confirmation(api):
    station, _server, client = api
    from station.machine import services_for

    svc = services_for(station, _server.settings)
    assert client.post("/api/v1/targets/1").status_code == 200  # line idle: no confirmation needed
    station.inspect_sync(grey_part(), source="camera", name="line-part")
    wait_for(lambda: svc.line_running, what="the line part to be seen")
    base_error(client.post("/api/v1/targets/1"), 409, "/query/confirm")
    assert client.post("/api/v1/targets/1?confirm=true").status_code == 200
    assert [a["action"] for a in svc.store.audit_log()].count("target.changeover") == 2


def test_simulator_on_an_mvtec_folder_and_hostile_names(api):
    station, server, client = api
    root = server.settings.data_dir / "datasets" / "parts"
    for sub, spot in (("good", False), ("scratch", True)):
        d = root / "test" / sub
        d.mkdir(parents=True)
        for i in range(3):
            (d / f"{i:03d}.png").write_bytes(png(grey_part(spot=spot)))
    (server.settings.data_dir / "secret.png").write_bytes(png(grey_part()))
    names = client.get("/getAllData?dataset=parts").json()["list"]
    assert sorted(names) == [f"NG/scratch/{i:03d}.png" for i in range(3)] + [f"OK/good/{i:03d}.png" for i in range(3)]
    for name in names:
        r = client.get("/predict", params={"dataset": "parts", "img_name": name, "model": "CS-Flow"}).json()
        assert r["label"] == name[:2] and r["isAnomaly"] == (name[:2] == "NG")
    rates = client.get("/getRates?dataset=parts").json()
    assert (rates["miss_rate"], rates["over_detection_rate"], rates["predicted"]) == (0.0, 0.0, 6)
    csv_path = server.settings.data_dir / "simulator" / "parts_result.csv"
    assert csv_path.read_text().splitlines()[0] == "file name,label,prediction,anomaly score"
    assert client.get("/getHistogram?dataset=parts").json()["status"] is True
    for bad in ("../data", "..", "parts/../..", "/etc", "", "a" * 80):
        assert client.get("/getAllData", params={"dataset": bad}).status_code in (400, 404), bad
    for bad in ("../secret.png", "OK/../../secret.png", "/etc/passwd", "OK/good/999.png"):
        r = client.get("/predict", params={"dataset": "parts", "img_name": bad})
        assert r.status_code == 404 and r.json()["error"] == "not_found", bad
    assert client.get("/getAllData?dataset=nothing").status_code == 404
    assert client.get("/predict", params={"dataset": "parts", "img_name": names[0], "model": "nope"}).status_code == 404
    # getAllData starts the result file afresh
    client.get("/getAllData?dataset=parts")
    assert client.get("/getRates?dataset=parts").json()["predicted"] == 0


def test_inspection_records_are_items(tmp_path):
    settings = make_settings(tmp_path, **{"storage.save_images": "all"})
    with serving(settings, BrightSpotModel()) as (station, _server, client):
        for spot in (False, True):
            assert client.post("/analyze_image", content=png(grey_part(spot=spot))).status_code == 200
        wait_for(lambda: all(r.image_path for r in station.database.recent(5)) and station.database.count() == 2)
        page = client.get("/api/v1/items/?item_type=inspection&count=10").json()["data"]
        assert page["total"] == 2 and [i["item_id"][:4] for i in page["items"]] == ["rec-", "rec-"]
        ng = page["items"][0]
        assert ng["assessments"][0]["result"] == "NG" and ng["images"][0]["width"] == 80
        assert client.get(ng["images"][0]["url"]).status_code == 200
        # review + annotate a record, then move it into the training set
        r = client.patch(f"/api/v1/items/{ng['item_id']}", json={"result": "OK", "annotations": [
            {"x_min": 1, "x_max": 5, "y_min": 1, "y_max": 5, "label": 2, "notes": "glare, not a defect"}],
            "training": True})
        assert r.status_code == 202, r.text
        got = client.get(f"/api/v1/items/{ng['item_id']}").json()["data"]
        assert got["user_assessment"]["result"] == "OK" and got["user_assessment"]["annotations"][0]["label"] == 2
        assert station.database.get(int(ng["item_id"][4:])).review_label == "OK"
        training = client.get("/api/v1/items/?item_type=training").json()["data"]["items"]
        assert len(training) == 1 and training[0]["record_id"] == int(ng["item_id"][4:])
        assert training[0]["user_assessment"]["result"] == "OK"
        # predict a record again; its history is never deleted here
        assert client.post("/api/v1/models/active/predict", json={"item_ids": [ng["item_id"]]}).status_code == 200
        wait_for(lambda: len(client.get(f"/api/v1/items/{ng['item_id']}").json()["data"]["assessments"]) == 2)
        base_error(client.request("DELETE", f"/api/v1/items/?item_ids={ng['item_id']}"), 422, "/query/item_ids/0")
        base_error(client.get("/api/v1/items/rec-999"), 404, "/path/item_id")
        base_error(client.post("/api/v1/algorithms/patchcore/train", json={"item_ids": [ng["item_id"]]}), 422,
                   "/body/item_ids/0")
