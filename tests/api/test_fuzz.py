"""Random bad and good requests from several threads: every answer is 200 or a JSON 4xx/503, the
server keeps serving, and every 200 answer is exactly one stored record."""

from __future__ import annotations

import random
import threading

import cv2
import httpx
import numpy as np

from tests.api.fakes import grey_part

ROUTES = ["/analyze_image", "/analyze_raw_image", "/analyze_image_shared_memory"]


def random_request(rng: random.Random, good_png: bytes, good_raw: bytes) -> tuple[str, bytes]:
    route = rng.choice(ROUTES)
    parts = []
    if rng.random() < 0.8:
        parts.append(f"response_type={rng.choice(['context', 'image', 'annotated_image', 'heatmap', 'pdf', ''])}")
    if rng.random() < 0.5:
        parts.append(rng.choice(["data=None", "data=a b", "data=%ZZ", "data=零件", "data=" + "x" * 5000, "data"]))
    if rng.random() < 0.4:
        parts.append("context_in_body")
    if route != "/analyze_image":
        parts.append(f"width={rng.choice(['80', '0', '-1', 'abc', '', '99999999'])}")
        parts.append(f"height={rng.choice(['64', '64', '1', '1e3'])}")
    if route.endswith("memory"):
        parts.append(f"name={rng.choice(['psm_nope', '', '../x', 'a' * 300])}")
    if rng.random() < 0.2:
        parts.append("bayer")
    rng.shuffle(parts)
    body = rng.choice([good_png, good_raw, b"", good_png[:100], bytes(rng.randrange(0, 5000)),
                       good_raw[:-1]])
    return f"{route}?{'&'.join(parts)}", body


def test_random_requests_never_break_the_server(fake_api):
    station, server, _client = fake_api
    good_png = cv2.imencode(".png", grey_part(spot=True))[1].tobytes()
    good_raw = grey_part().tobytes()
    oks: list[int] = []
    bad: list[str] = []

    def worker(seed: int) -> None:
        rng = random.Random(seed)
        with httpx.Client(base_url=server.url, timeout=30) as client:
            for _ in range(60):
                url, body = random_request(rng, good_png, good_raw)
                r = client.post(url, content=body)
                if r.status_code == 200:
                    oks.append(1)
                    continue
                try:
                    payload = r.json()
                except ValueError:
                    payload = {}
                if r.status_code not in (400, 403, 404, 413, 415) or not payload.get("reason"):
                    bad.append(f"{url} -> {r.status_code} {r.text[:120]}")

    threads = [threading.Thread(target=worker, args=(seed,)) for seed in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not bad, "\n".join(bad[:10])
    assert oks, "no request was valid: the generator is broken"
    assert station.database.count() == len(oks)
    r = httpx.post(f"{server.url}/analyze_raw_image?width=80&height=64", content=good_raw)
    assert r.status_code == 200 and np.isfinite(r.json()["score"])
