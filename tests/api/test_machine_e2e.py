"""Done-when: a client written from the HACARUS document drives ``main.py serve`` over real HTTP.

token -> 40 OK training items (real bottle images) -> train (small, fast config) -> poll to
finished -> predict 10 items with a callback to a loopback receiver -> 10 correct callbacks ->
annotate -> export, delete, import -> debug zip without secrets; revoking the client from the CLI
stops its token at once; the simulator routes on a folder of real images give the same miss and
over-detection rates as ``main.py evaluate`` on that folder.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

from tests.api.hacarus_client import HacarusClient, HacarusError
from tests.api.test_machine_api import Receiver, wait_for

ROOT = Path(__file__).resolve().parents[2]
BOTTLE = ROOT.parent / "shared" / "datasets" / "real_industrial" / "bottle"
API_KEY = "e2e-api-key-do-not-leak"

pytestmark = pytest.mark.skipif(not BOTTLE.is_dir(), reason="shared real images not available")


def _env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"QCS_CONFIG_DIR": str(tmp / "config"), "QT_QPA_PLATFORM": "offscreen"})
    return env


def cli(tmp: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", "--data-dir", str(tmp / "data"), *args], cwd=ROOT,
                          env=_env(tmp), capture_output=True, text=True, timeout=300)


class Served:
    """``main.py serve`` in a child process on a free loopback port."""

    def __init__(self, tmp: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "main.py", "--data-dir", str(tmp / "data"), "--device", "cpu", "serve",
             "--host", "127.0.0.1", "--port", "0", "--api-key", API_KEY],
            cwd=ROOT, env=_env(tmp), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: list[str] = []
        self.url: str | None = None
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        wait_for(lambda: self.url or self.proc.poll() is not None, 120, "serve to start")
        assert self.url, "serve did not start:\n" + "".join(self.lines)

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line)
            if "serving on " in line:
                self.url = line.split("serving on ")[1].split()[0]

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)
        self._reader.join(10)  # it ends at the pipe's end of file; then the pipe can be closed
        if self.proc.stdout is not None:
            self.proc.stdout.close()


def images(folder: Path, n: int) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix.lower() == ".png")[:n]


def test_hacarus_flow_against_main_serve(tmp_path):
    created = cli(tmp_path, "api-client", "add", "line-mes", "--json")
    assert created.returncode == 0, created.stderr
    cred = json.loads(created.stdout)
    served = Served(tmp_path)
    client = HacarusClient(served.url)
    try:
        # --- auth
        with pytest.raises(HacarusError) as err:
            client.login(cred["client_id"], "wrong-secret")
        assert err.value.status == 401 and "errors" in err.value.body
        with pytest.raises(HacarusError) as err:
            client.models()
        assert err.value.status == 401
        token = client.login(cred["client_id"], cred["client_secret"])
        assert token["token_type"] == "bearer" and token["expires_in"] > 0

        # --- 40 OK training items from the real images
        train_files = images(BOTTLE / "train" / "good", 40)
        assert len(train_files) == 40
        item_ids = client.add_items([(p.name, p.read_bytes()) for p in train_files], training=True, good=True)
        assert len(item_ids) == 40
        page = client.items("training", count=25, page=2)
        assert page["end_page"] == 2 and len(page["items"]) == 15

        # --- train (small config through override_params by the algorithm's parameter ids)
        algo = client.algorithm("patchcore")
        pid = {p["name"]: p["algorithm_parameter_id"] for p in algo["parameters"]}
        model = client.train("patchcore", "bottle-e2e", item_ids, [
            {"algorithm_parameter_id": pid["input_size"], "value": "128"},
            {"algorithm_parameter_id": pid["position_norm"], "value": "none"},
        ])
        model_id = model["model_id"]
        assert model["status"] == "training"
        with pytest.raises(HacarusError) as err:  # one training at a time
            client.train("patchcore", "second", item_ids, [])
        assert err.value.status == 425
        finished = wait_for(lambda: (m := client.model(model_id))["status"] in ("finished", "failed") and m,
                            600, "training to finish")
        assert finished["status"] == "finished", finished
        assert finished["ok_img_count"] == 40 and finished["active"] is False
        assert model_id in [m["model_id"] for m in client.models(algorithm_id="patchcore")]

        # --- predict 10 items with a callback to a loopback receiver
        test_ok = images(BOTTLE / "test" / "good", 5)
        test_ng = images(BOTTLE / "test" / "broken_large", 5)
        probe = test_ok + test_ng
        pred_ids = client.add_items([(p.name, p.read_bytes()) for p in probe], training=False)
        with Receiver() as hook:
            assert client.update_predict_callback(model_id, hook.url, "post")["callback_url"] == hook.url
            answer = client.predict(model_id, pred_ids)
            assert answer["item_ids"] == pred_ids and answer["model_version"]
            wait_for(lambda: len(hook.calls) >= 10, 300, "10 callbacks")
            time.sleep(0.2)
            assert len(hook.calls) == 10
        called = {}
        for call in hook.calls:
            item = json.loads(call["body"])["data"]["items"][0]
            called[item["item_id"]] = item["assessments"][-1]
        assert set(called) == set(pred_ids)
        # correct = what the engine itself says for that model and image
        from inference import load

        library_file = next((tmp_path / "data" / "models").glob("*.qcs"))
        engine = load(library_file, device="cpu")
        truth = engine.predict([str(p) for p in probe])
        for item_id, result in zip(pred_ids, truth, strict=True):
            got = called[item_id]
            assert got["result"] == result.verdict and got["model_id"] == model_id
            assert float(got["anomaly_score"]) == pytest.approx(result.score, rel=1e-4)
            assert got["detected_objects"] == result.defect_count
            assert client.item(item_id)["assessments"][-1]["result"] == result.verdict
        assert sum(called[i]["result"] == "NG" for i in pred_ids[5:]) >= 4  # broken bottles are caught
        csv_text = client.model_results([model_id])
        assert csv_text.count("\n") == 11

        # --- annotate one
        assert client.annotate(pred_ids[7], [{"x_min": 10, "x_max": 60, "y_min": 20, "y_max": 80, "label": 1,
                                              "notes": "broken lip"}]) == 202
        ann = client.item(pred_ids[7])["user_assessment"]["annotations"]
        assert ann[0]["notes"] == "broken lip" and ann[0]["defect_size"] == 50 * 60

        # --- export, delete, import
        exported = client.export_models([model_id])
        assert zipfile.ZipFile(io.BytesIO(exported)).namelist()
        assert client.delete_models([model_id])["model_ids"] == [model_id]
        with pytest.raises(HacarusError) as err:
            client.model(model_id)
        assert err.value.status == 404
        imported = client.import_models(exported)
        assert [m["model_id"] for m in imported] == [model_id]
        with pytest.raises(HacarusError) as err:  # the same model twice: refused, library unchanged
            client.import_models(exported)
        assert err.value.status == 409
        assert [m["model_id"] for m in client.models()].count(model_id) == 1

        # --- changeover to the imported model, then the simulator on real images
        client._call("POST", "/api/v1/targets/1", params={"model_id": model_id})
        assert client.model("active")["model_id"] == model_id
        sim = tmp_path / "data" / "datasets" / "bottle_sim"
        for label, files in (("OK", images(BOTTLE / "test" / "good", 8)),
                             ("NG", images(BOTTLE / "test" / "broken_small", 6) +
                              images(BOTTLE / "test" / "contamination", 6))):
            (sim / label).mkdir(parents=True)
            for p in files:
                shutil.copy(p, sim / label / f"{p.parent.name}_{p.name}")
        listing = client.http.get("/getAllData", params={"dataset": "bottle_sim", "api_key": API_KEY}).json()["list"]
        assert len(listing) == 20 and all(n.split("/")[0] in ("OK", "NG") for n in listing)
        for name in listing:
            r = client.http.get("/predict", params={"dataset": "bottle_sim", "img_name": name, "model": "CS-Flow",
                                                    "api_key": API_KEY})
            assert r.status_code == 200, r.text
            assert r.json()["label"] == name.split("/")[0] and r.json()["overlay"]
        hist = client.http.get("/getHistogram", params={"dataset": "bottle_sim", "api_key": API_KEY}).json()
        assert hist["status"] is True and hist["image"] and hist["predicted"] == 20
        bad = client.http.get("/getAllData", params={"dataset": "../data", "api_key": API_KEY})
        assert bad.status_code == 400
        report = tmp_path / "eval.json"
        ev = cli(tmp_path, "evaluate", "--model", str(next((tmp_path / "data" / "models").glob("*.qcs"))),
                 "--dataset", str(sim), "--json", str(report))
        assert ev.returncode == 0, ev.stderr
        rep = json.loads(report.read_text())
        assert hist["miss_rate"] == pytest.approx(rep["miss_rate"])
        assert hist["over_detection_rate"] == pytest.approx(rep["over_detection_rate"])

        # --- licence, node hash, debug zip without secrets
        assert client.set_license(b"anything")["license_expiry"]
        assert client.node_hash() == client.node_hash()
        debug = zipfile.ZipFile(io.BytesIO(client.logs()))
        for name in debug.namelist():
            text = debug.read(name)
            for secret in (cred["client_secret"], API_KEY, client.token):
                assert secret.encode() not in text, (name, secret[:4])
        assert "settings.json" in debug.namelist()

        # --- revoking the client from the CLI stops its token at once
        assert client.models()
        revoked = cli(tmp_path, "api-client", "revoke", cred["client_id"])
        assert revoked.returncode == 0, revoked.stderr
        with pytest.raises(HacarusError) as err:
            client.models()
        assert err.value.status == 401
    finally:
        client.close()
        served.stop()
    assert served.proc.returncode == 0, "".join(served.lines[-30:])
