"""Elasticsearch mirror: exact requests against a local HTTP double, retries, resume; real server opt-in."""

from __future__ import annotations

import json
import os
import threading
import time
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from storage.es_sync import EsSync, EsSyncError
from tests.storage.conftest import make_record

INDEX = "qcs-test"
JSON9 = "application/vnd.elasticsearch+json; compatible-with=9"
NDJSON9 = "application/vnd.elasticsearch+x-ndjson; compatible-with=9"


class FakeEs:
    """A tiny Elasticsearch stand-in that records every request and answers like ES 9."""

    def __init__(self):
        self.requests: list[tuple[str, str, dict[str, str], bytes]] = []
        self.docs: dict[str, dict] = {}
        self.index_exists = False
        self.fail_bulks = 0  # answer the next N bulk requests with 503
        self.item_status: dict[str, int] = {}  # _id -> status to answer once
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self, status, body=None):
                data = b"" if body is None else json.dumps(body).encode()
                self.send_response(status)
                self.send_header("X-Elastic-Product", "Elasticsearch")
                self.send_header("Content-Type", "application/vnd.elasticsearch+json;compatible-with=9")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(data)

            def _record(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                fake.requests.append((self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body))
                return body

            def do_HEAD(self):
                self._record()
                self._answer(200 if fake.index_exists and self.path == f"/{INDEX}" else 404)

            def do_PUT(self):
                # The v9 client sends bulk with PUT when the index is in the path.
                if self.path.endswith("/_bulk"):
                    return self.do_POST()
                self._record()
                fake.index_exists = True
                self._answer(200, {"acknowledged": True, "shards_acknowledged": True, "index": INDEX})

            def do_POST(self):
                body = self._record()
                if self.path != f"/{INDEX}/_bulk":
                    return self._answer(404, {"error": "no route"})
                if fake.fail_bulks:
                    fake.fail_bulks -= 1
                    return self._answer(503, {"error": {"type": "unavailable_shards_exception"}, "status": 503})
                lines = body.decode().splitlines()
                items, errors = [], False
                for action, doc in zip(lines[::2], lines[1::2], strict=True):
                    _id = json.loads(action)["index"]["_id"]
                    status = fake.item_status.pop(_id, 201)
                    if status < 300:
                        fake.docs[_id] = json.loads(doc)
                    else:
                        errors = True
                    items.append({"index": {"_index": INDEX, "_id": _id, "status": status}})
                self._answer(200, {"took": 1, "errors": errors, "items": items})

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    def bulks(self):
        return [r for r in self.requests if r[1].endswith("/_bulk")]


@pytest.fixture
def fake_es():
    fake = FakeEs()
    yield fake
    fake.close()


def add(db, n, start=0):
    t0 = datetime(2024, 3, 1, 8)
    return db.insert_many([make_record(t0 + timedelta(seconds=start + i), "NG" if i % 2 else "OK",
                                       name=f"瓶子_{start + i}.png", num=i % 3) for i in range(n)])


def test_first_sync_creates_the_index_and_bulk_pushes_exact_ndjson(db, fake_es):
    add(db, 3)
    sync = EsSync(db, fake_es.url, INDEX, batch=2)
    assert sync.sync_once() == 3
    methods = [(m, p) for m, p, _h, _b in fake_es.requests]
    assert methods == [("HEAD", f"/{INDEX}"), ("PUT", f"/{INDEX}"), ("PUT", f"/{INDEX}/_bulk"),
                       ("PUT", f"/{INDEX}/_bulk")]
    _m, _p, headers, body = fake_es.requests[1]
    assert headers["content-type"] == JSON9
    assert json.loads(body)["mappings"]["properties"]["timestamp"] == {"type": "date"}
    _m, _p, headers, body = fake_es.bulks()[0]
    assert headers["content-type"] == NDJSON9
    assert headers["accept"] == JSON9
    assert body.endswith(b"\n")
    lines = [json.loads(x) for x in body.decode().splitlines()]
    assert lines[0] == {"index": {"_id": "1"}} and lines[2] == {"index": {"_id": "2"}}
    doc = lines[1]
    assert (doc["figId"], doc["name"], doc["label"], doc["num"], doc["date"], doc["time"]) == (
        1, "瓶子_0.png", "OK", 0, "2024-03-01", "08:00:00")
    assert doc["timestamp"] == "2024-03-01T08:00:00.000" and "id" not in doc
    assert len(fake_es.bulks()[1][3].decode().splitlines()) == 2  # the third record alone
    assert sorted(fake_es.docs) == ["1", "2", "3"]
    assert sync.last_id == 3 and db.get_meta(f"es_sync:{INDEX}:last_id") == "3"
    assert sync.sync_once() == 0  # nothing new: no bulk request
    assert len(fake_es.bulks()) == 2


def test_resumes_from_the_saved_id_after_a_restart(db, fake_es):
    add(db, 2)
    EsSync(db, fake_es.url, INDEX).sync_once()
    add(db, 2, start=2)
    fake_es.requests.clear()
    assert EsSync(db, fake_es.url, INDEX).sync_once() == 2  # a new instance (station restart)
    ids = [json.loads(x)["index"]["_id"] for x in fake_es.bulks()[0][3].decode().splitlines()[::2]]
    assert ids == ["3", "4"]


def test_es_down_loses_nothing_and_a_resend_is_idempotent(db, fake_es):
    add(db, 4)
    sync = EsSync(db, fake_es.url, INDEX, batch=2)
    fake_es.fail_bulks = 1
    with pytest.raises(EsSyncError, match="failed"):
        sync.sync_once()
    assert sync.last_id == 0 and fake_es.docs == {}
    fake_es.item_status = {"3": 429}  # ES overloaded for one document of the second batch
    with pytest.raises(EsSyncError, match="429"):
        sync.sync_once()
    assert sync.last_id == 2  # the first batch and nothing beyond the refused document
    assert sync.sync_once() == 2
    assert sorted(fake_es.docs) == ["1", "2", "3", "4"]
    assert sync.status().pushed == 4 and sync.status().rejected == 0


def test_documents_refused_for_good_are_skipped_not_retried_forever(db, fake_es):
    add(db, 3)
    fake_es.item_status = {"2": 400}
    sync = EsSync(db, fake_es.url, INDEX)
    assert sync.sync_once() == 3
    assert sync.last_id == 3 and sync.status().rejected == 1
    assert sorted(fake_es.docs) == ["1", "3"]


def test_background_thread_backs_off_while_es_is_down_and_never_blocks_inserts(db, fake_es):
    fake_es.fail_bulks = 3
    errors = []
    sync = EsSync(db, fake_es.url, INDEX, interval_s=0.05, backoff_s=0.05, max_backoff_s=0.2,
                  on_error=errors.append).start()
    try:
        t = time.perf_counter()
        add(db, 5)
        assert time.perf_counter() - t < 1.0
        sync.notify()
        deadline = time.time() + 10
        while len(fake_es.docs) < 5 and time.time() < deadline:
            time.sleep(0.05)
    finally:
        sync.stop()
    assert sorted(fake_es.docs, key=int) == ["1", "2", "3", "4", "5"]
    assert errors and "unavailable_shards_exception" in errors[0]
    assert len(errors) == 1  # the same failure is reported once, not per retry
    assert sync.status().last_error is None


def test_unreachable_server_is_an_error_not_a_hang(db):
    add(db, 1)
    sync = EsSync(db, "http://127.0.0.1:9", INDEX, request_timeout_s=2)
    t = time.perf_counter()
    with pytest.raises(EsSyncError):
        sync.sync_once()
    assert time.perf_counter() - t < 5
    assert sync.last_id == 0


def test_bad_index_name_is_refused(db):
    with pytest.raises(ValueError):
        EsSync(db, "http://127.0.0.1:9200", "Bad Index")


@pytest.mark.es
@pytest.mark.skipif(not os.environ.get("QCS_ES_URL"), reason="set QCS_ES_URL to test a real Elasticsearch")
def test_against_a_real_server(db):
    from elasticsearch import Elasticsearch

    url = os.environ["QCS_ES_URL"]
    index = f"qcs-test-{os.getpid()}-{int(time.time())}"
    client = Elasticsearch(url)
    try:
        add(db, 25)
        sync = EsSync(db, url, index, batch=10)
        assert sync.sync_once() == 25
        assert sync.sync_once() == 0
        client.indices.refresh(index=index)
        assert client.count(index=index)["count"] == 25
        doc = client.get(index=index, id="7")["_source"]
        assert doc["figId"] == 7 and doc["name"] == "瓶子_6.png"
        sync.db.set_meta(sync._key, "0")  # resend everything: still 25 documents
        assert sync.sync_once() == 25
        client.indices.refresh(index=index)
        assert client.count(index=index)["count"] == 25
    finally:
        client.options(ignore_status=404).indices.delete(index=index)


def test_records_reviewed_after_mirroring_are_sent_again(db, fake_es):
    add(db, 3)
    sync = EsSync(db, fake_es.url, INDEX)
    assert sync.sync_once() == 3
    assert fake_es.docs["2"]["final_label"] == "NG"
    db.set_review(2, "OK", "dust")
    add(db, 1, start=3)
    fake_es.requests.clear()
    assert sync.sync_once() == 2  # the new record, then the reviewed one
    bulks = fake_es.bulks()
    assert len(bulks) == 2
    ids = [json.loads(x)["index"]["_id"] for x in bulks[1][3].decode().splitlines()[::2]]
    assert ids == ["2"]
    assert (fake_es.docs["2"]["review_label"], fake_es.docs["2"]["final_label"]) == ("OK", "OK")
    assert fake_es.docs["2"]["review_note"] == "dust"
    fake_es.requests.clear()
    assert sync.sync_once() == 0 and fake_es.bulks() == []  # the review log is consumed once


def test_a_review_of_a_record_not_yet_mirrored_is_not_sent_twice(db, fake_es):
    add(db, 2)
    db.set_review(1, "NG")
    sync = EsSync(db, fake_es.url, INDEX)
    assert sync.sync_once() == 2
    assert len(fake_es.bulks()) == 1 and fake_es.docs["1"]["final_label"] == "NG"


def test_notify_pushes_at_once_but_not_while_backing_off(db, fake_es):
    sync = EsSync(db, fake_es.url, INDEX, interval_s=60, backoff_s=60).start()
    try:
        deadline = time.time() + 10
        while not any(m == "HEAD" for m, *_ in fake_es.requests) and time.time() < deadline:
            time.sleep(0.02)  # the first pass ran (nothing to push); the next one is a minute away
        add(db, 2)
        sync.notify()
        deadline = time.time() + 10
        while len(fake_es.docs) < 2 and time.time() < deadline:
            time.sleep(0.02)
        assert sorted(fake_es.docs, key=int) == ["1", "2"]
    finally:
        sync.stop()


def test_notify_does_not_cut_a_backoff_short(db, fake_es):
    fake_es.fail_bulks = 100
    add(db, 1)
    sync = EsSync(db, fake_es.url, INDEX, interval_s=60, backoff_s=60).start()
    try:
        deadline = time.time() + 10
        while sync.status().last_error is None and time.time() < deadline:
            time.sleep(0.02)
        assert sync.status().last_error is not None  # failed once; the next try is a minute away
        assert not sync._wake.is_set()
        sync.notify()  # a busy line keeps storing records
        assert not sync._wake.is_set(), "notify must not wake a loop that is backing off"
    finally:
        sync.stop()
