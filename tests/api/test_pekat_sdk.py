"""The official client, unchanged, against the embedded endpoint with a real model and station.

Every response type × (file path, bytes, numpy over HTTP, numpy over shared memory) ×
context_in_body on/off; data round trip; API key; verdicts and scores equal model.predict.
"""

from __future__ import annotations

import contextlib
import itertools
import math

import cv2
import numpy as np
import pytest

PekatVisionSDK = pytest.importorskip("PekatVisionSDK")
from PekatVisionSDK import Instance  # noqa: E402

from tests.api.conftest import make_settings, serving  # noqa: E402

RESPONSE_TYPES = ("context", "image", "annotated_image", "heatmap")
TRANSPORTS = ("path", "bytes", "numpy_http", "numpy_shm")


@pytest.fixture(scope="module")
def real_api(trained_model_path, tmp_path_factory):
    settings = make_settings(tmp_path_factory.mktemp("pekat"), **{
        "inference.device": "cpu", "storage.save_images": "none"})
    with serving(settings) as (station, server, client):
        station.load_model(trained_model_path)
        yield station, server, client


@pytest.fixture(scope="module")
def samples(bottle_images, trained_model):
    """One OK and one NG image: path, bytes, decoded array, and the engine's own verdict."""
    out = []
    for path in (bottle_images["ok"][0], bottle_images["ng"][0]):
        image = cv2.imread(str(path), cv2.IMREAD_UNCHANGED)
        expected = trained_model.predict([image])[0]
        out.append({"path": path, "bytes": path.read_bytes(), "array": image, "expected": expected})
    assert {s["expected"].verdict for s in out} == {"OK", "NG"}, "fixture images must give one OK and one NG"
    return out


def make_instance(port: int, *, context_in_body: bool, shm: bool) -> Instance:
    inst = Instance(port=port, already_running=True, context_in_body=context_in_body)
    if not shm:
        inst.__dict__["_can_use_shm"] = False  # as if the server were on another host: raw bytes over HTTP
    return inst


def close_instance(inst: Instance) -> None:
    # the SDK never unlinks its block (it leaves that to Python's resource tracker); do it for it
    inst._shm.close()
    with contextlib.suppress(FileNotFoundError):
        inst._shm.unlink()


def image_input(sample: dict, transport: str):
    return {"path": str(sample["path"]), "bytes": sample["bytes"]}.get(transport, sample["array"])


def check_context(ctx: dict, expected, data: str | None) -> None:
    assert ctx["result"] is (expected.verdict == "OK")
    assert math.isclose(ctx["score"], expected.score, rel_tol=1e-4, abs_tol=1e-6)
    assert math.isclose(ctx["threshold"], expected.threshold, rel_tol=1e-9)
    assert ctx["defect_count"] == expected.defect_count == len(ctx["detectedRectangles"])
    assert ctx["imageShape"] == {"height": expected.image_shape[0], "width": expected.image_shape[1]}
    assert ctx["data"] == data and ctx["production_mode"] is True and ctx["operatorInput"] == {}
    assert ctx["completeTime"] > 0 and isinstance(ctx["record_id"], int)
    for rect in ctx["detectedRectangles"]:
        assert {"x", "y", "width", "height", "confidence", "id", "classNames", "area", "source"} <= set(rect)
        assert rect["classNames"][0]["label"] == "anomaly" and rect["source"]["type"] == "UNSUPERVISED"


def test_every_response_type_transport_and_context_mode(real_api, samples):
    station, server, _client = real_api
    before = station.database.count()
    instances = {(cib, shm): make_instance(server.port, context_in_body=cib, shm=shm)
                 for cib in (True, False) for shm in (True, False)}
    try:
        assert instances[(True, True)]._can_use_shm is True  # /version made the client pick shared memory
        calls = 0
        for n, (rtype, transport, cib) in enumerate(itertools.product(RESPONSE_TYPES, TRANSPORTS, (True, False))):
            sample = samples[n % 2]
            inst = instances[(cib, transport == "numpy_shm")]
            if transport == "numpy_shm":
                inst._analyze_numpy = None  # would raise if the client fell back to HTTP
            data = f"part-{n}"
            res = inst.analyze(image_input(sample, transport), response_type=rtype, data=data)
            calls += 1
            check_context(res.context, sample["expected"], data)
            stored = station.database.get(res.context["record_id"])
            assert (stored.source, stored.part_id, stored.label) == ("http", data, sample["expected"].verdict)
            if rtype == "context":
                assert res.image_bytes is None
                continue
            picture = res.get_decoded_image()
            assert picture.shape[:2] == sample["array"].shape[:2], (rtype, transport)
            if rtype == "image":
                assert np.array_equal(picture, sample["array"]), transport
            elif rtype == "annotated_image" and sample["expected"].verdict == "NG":
                assert not np.array_equal(picture, sample["array"])
        assert station.database.count() - before == calls
    finally:
        for inst in instances.values():
            close_instance(inst)


def test_records_carry_source_http_and_data_as_part_id(real_api, samples):
    station, server, _client = real_api
    inst = make_instance(server.port, context_in_body=True, shm=True)
    try:
        res = inst.analyze(samples[1]["array"], data="lot 7/serial 0042")
        none = inst.analyze(samples[0]["bytes"])  # the client sends data=None
    finally:
        close_instance(inst)
    assert res.context["data"] == "lot 7/serial 0042"
    record = station.database.get(res.context["record_id"])
    assert record.source == "http" and record.part_id == "lot 7/serial 0042"
    assert record.label == samples[1]["expected"].verdict
    assert none.context["data"] is None
    assert station.database.get(none.context["record_id"]).part_id is None


def test_bayer_raw_frame(real_api, samples):
    _station, server, client = real_api
    from tests.api.test_rawimage import mosaic_rggb

    image = samples[0]["array"]
    h, w = image.shape[:2]
    r = client.post(f"/analyze_raw_image?width={w}&height={h}&bayer&response_type=image&context_in_body",
                    content=mosaic_rggb(image).tobytes())
    assert r.status_code == 200, r.text
    n = int(r.headers["ImageLen"])
    back = cv2.imdecode(np.frombuffer(r.content[:n], np.uint8), cv2.IMREAD_COLOR)
    assert np.abs(back.astype(int) - image.astype(int)).mean() < 12  # demosaicing, not a colour swap


def test_api_key_with_the_sdk(trained_model_path, tmp_path, samples):
    settings = make_settings(tmp_path, **{"inference.device": "cpu", "storage.save_images": "none",
                                          "server.api_key": "line-7"})
    with serving(settings) as (station, server, _client):
        station.load_model(trained_model_path)
        inst = make_instance(server.port, context_in_body=True, shm=True)
        try:
            assert inst.analyze(samples[0]["bytes"]).context["error"] == "unauthorized"
            assert inst.analyze(samples[0]["array"], response_type="heatmap").context["error"] == "unauthorized"
            assert inst.analyze(samples[0]["bytes"], data="x&api_key=wrong").context["error"] == "unauthorized"
            ok = inst.analyze(samples[0]["bytes"], data="p1&api_key=line-7", response_type="annotated_image")
            assert ok.context["data"] == "p1" and ok.image_bytes
        finally:
            close_instance(inst)
        assert station.database.count() == 1
