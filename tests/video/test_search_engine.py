"""Similar-defect search quality, the vector store and the ES kNN contract; identifier reading."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import numpy as np
import pytest

from inference.identifiers import read_identifier
from inference.imageio import list_images, read_image
from storage import Database
from storage.es_knn import knn_body, knn_search
from storage.es_sync import MAPPINGS, EsSync
from storage.vectors import EmbeddingIndex, get_embedding, to_blob
from tests.storage.conftest import make_record
from tests.storage.test_es_sync import INDEX, JSON9, FakeEs
from tests.video.media import code_image, paste_code


@pytest.fixture(scope="module")
def bottle_mixed(trained_model, bottle_dir):
    """Every bottle test image with its defect type, judged once by the session model."""
    paths, types = [], []
    for sub in sorted(p for p in (bottle_dir / "test").iterdir() if p.is_dir()):
        for p in list_images(sub):
            paths.append(p)
            types.append(sub.name)
    results = []
    for i in range(0, len(paths), 8):
        results += trained_model.predict([read_image(p) for p in paths[i:i + 8]])
    return np.array(types), results


def test_same_defect_images_rank_above_others(tmp_path, bottle_mixed):
    """Bound asserted: over the NG queries of a mixed set (3 defect types + good parts), a same-type
    image beats an other-type one in ≥ 65 % of pairs (mean per-query AUROC; measured ≈ 0.75), and the
    nearest neighbour has the query's type at least twice as often as chance (measured 0.71 vs 0.20)."""
    types, results = bottle_mixed
    assert all(r.embedding is not None and r.embedding.dtype == np.float16 for r in results)
    assert all(abs(float(np.linalg.norm(r.embedding.astype(np.float32))) - 1) < 1e-2 for r in results)
    db = Database(tmp_path / "h.sqlite3")
    try:
        t0 = datetime(2026, 3, 1, 8)
        recs = [make_record(t0 + timedelta(seconds=i), r.verdict, name=f"{types[i]}_{i}.png")
                for i, r in enumerate(results)]
        ids = db.insert_many(recs, embeddings=[to_blob(r.embedding) for r in results])
        index = EmbeddingIndex(db)
        aucs, top1, chance = [], [], []
        by_id = dict(zip(ids, types, strict=True))
        for i in np.where(types != "good")[0]:
            hits = index.search(results[i].embedding, k=len(ids), exclude=ids[i])
            assert len(hits) == len(ids) - 1
            sims = np.array([h.similarity for h in hits])
            same = np.array([by_id[h.record.id] == types[i] for h in hits])
            aucs.append(np.mean(sims[same][:, None] > sims[~same][None, :]))
            top1.append(same[0])
            chance.append(same.mean())
    finally:
        db.close()
    assert np.mean(aucs) >= 0.65, np.mean(aucs)
    assert np.mean(top1) >= 2 * np.mean(chance), (np.mean(top1), np.mean(chance))


def test_index_filters_refreshes_and_survives_reopen(tmp_path):
    rng = np.random.default_rng(3)
    vecs = rng.standard_normal((50, 256)).astype(np.float32)
    db = Database(tmp_path / "h.sqlite3")
    t0 = datetime(2026, 3, 1, 8)
    ids = db.insert_many([make_record(t0 + timedelta(minutes=i), "NG" if i % 5 == 0 else "OK")
                          for i in range(50)], embeddings=[to_blob(v) for v in vecs])
    index = EmbeddingIndex(db, chunk=7)
    q = vecs[10] + 0.05 * rng.standard_normal(256).astype(np.float32)
    hits = index.search(q, k=3)
    assert hits[0].record.id == ids[10] and hits[0].similarity > 0.99
    assert [h.similarity for h in hits] == sorted((h.similarity for h in hits), reverse=True)
    ng = index.search(q, k=20, verdict="NG")
    assert len(ng) == 10 and all(h.record.final_label == "NG" for h in ng)
    late = index.search(q, k=100, since=t0 + timedelta(minutes=40))
    assert len(late) == 10 and all(h.record.timestamp >= t0 + timedelta(minutes=40) for h in late)
    db.set_review(ids[11], "NG")  # a review counts at once
    assert ids[11] in [h.record.id for h in index.search(vecs[11], k=11, verdict="NG")]
    new = db.insert_many([make_record(t0 + timedelta(hours=2), "OK")], embeddings=[to_blob(-vecs[10])])
    assert index.search(-vecs[10], k=1)[0].record.id == new[0], "new records are found without a rebuild"
    db.close()
    db = Database(tmp_path / "h.sqlite3")
    try:
        assert np.allclose(get_embedding(db, ids[3]).astype(np.float32), vecs[3] / np.linalg.norm(vecs[3]),
                           atol=2e-3)
        assert len(EmbeddingIndex(db).search(vecs[3], k=5)) == 5
    finally:
        db.close()
    with pytest.raises(ValueError):
        to_blob(np.zeros(256))


def test_mirror_sends_the_embedding_and_knn_asks_with_the_exact_body(tmp_path):
    fake = FakeEs()
    db = Database(tmp_path / "h.sqlite3")
    try:
        rng = np.random.default_rng(0)
        vecs = rng.standard_normal((3, 256)).astype(np.float32)
        db.insert_many([make_record(datetime(2026, 3, 1, 8, i), "NG") for i in range(3)],
                       embeddings=[to_blob(v) for v in vecs])
        EsSync(db, fake.url, INDEX).sync_once()
        create = json.loads(fake.requests[1][3])
        assert create["mappings"]["properties"]["embedding"] == {
            "type": "dense_vector", "dims": 256, "index": True, "similarity": "cosine"}
        assert MAPPINGS["properties"]["embedding"]["dims"] == 256
        doc = fake.docs["1"]
        assert len(doc["embedding"]) == 256
        assert np.allclose(doc["embedding"], vecs[0] / np.linalg.norm(vecs[0]), atol=2e-3)

        fake.requests.clear()
        from elasticsearch import Elasticsearch

        answers = {"took": 1, "timed_out": False, "hits": {"total": {"value": 2, "relation": "eq"}, "hits": [
            {"_index": INDEX, "_id": "2", "_score": 0.95, "_source": {"figId": 2}},
            {"_index": INDEX, "_id": "1", "_score": 0.75, "_source": {"figId": 1}}]}}
        client = Elasticsearch(fake.url, max_retries=0)
        fake_post = fake.server.RequestHandlerClass.do_POST

        def do_post(handler):
            if handler.path == f"/{INDEX}/_search":
                handler._record()
                return handler._answer(200, answers)
            return fake_post(handler)

        fake.server.RequestHandlerClass.do_POST = do_post
        since = datetime(2026, 3, 1, 7, 30)
        hits = knn_search(client, INDEX, vecs[1], 2, verdict="NG", since=since, exclude=3)
        method, path, headers, body = fake.requests[-1]
        assert (method, path) == ("POST", f"/{INDEX}/_search") and headers["content-type"] == JSON9
        sent = json.loads(body)
        assert sent == knn_body(vecs[1], 2, verdict="NG", since=since, exclude=3)
        assert sent["knn"]["field"] == "embedding" and sent["knn"]["k"] == 3
        assert sent["knn"]["num_candidates"] == 100 and sent["size"] == 3 and sent["_source"] == ["figId"]
        assert sent["knn"]["filter"] == [{"term": {"final_label": "NG"}},
                                         {"range": {"timestamp": {"gte": "2026-03-01T07:30:00.000"}}}]
        assert np.allclose(sent["knn"]["query_vector"], vecs[1] / np.linalg.norm(vecs[1]), atol=1e-4)
        assert hits == [(2, pytest.approx(0.9)), (1, pytest.approx(0.5))]  # ES (1+cos)/2 back to cos
    finally:
        db.close()
        fake.close()


@pytest.mark.parametrize("kind,text,module", [("qr", "SN-2026-000123", 4), ("datamatrix", "DM0042-LOT7", 5),
                                              ("ean13", "4006381333931", 3)])
@pytest.mark.parametrize("angle", [0, 9, -17])
@pytest.mark.parametrize("size", [(1280, 1024), (1920, 1080)])  # read at 1024 px: 0.8 and 0.53, bilinear
def test_codes_pasted_on_real_parts_are_read_rotated_and_blurred(bottle_dir, kind, text, module, angle, size):
    import cv2

    part = cv2.resize(read_image(list_images(bottle_dir / "test" / "good")[0]), size)
    img = paste_code(part, code_image(text, kind, module), at=(700, 420), angle=angle, blur_sigma=1.0)
    found = read_identifier(img)
    assert found is not None, (kind, angle)
    assert (found.text, found.kind) == (text, kind)
    x, y, w, h = found.box
    assert 690 <= x <= 900 and 410 <= y <= 700 and w > 20 and h > 20
    assert read_identifier(part) is None


def test_identifier_reading_never_raises_on_odd_images():
    assert read_identifier(np.zeros((8, 8), np.uint8)) is None
    assert read_identifier(np.zeros((64, 64, 4), np.uint8)) is None
    assert read_identifier(np.full((64, 64), 65535, np.uint16)) is None


def test_the_elasticsearch_backend_setting_routes_the_search_through_knn(tmp_path):
    from types import SimpleNamespace

    from elasticsearch import Elasticsearch

    from station.settings import Settings
    from station.similar import find_similar

    fake = FakeEs()
    db = Database(tmp_path / "h.sqlite3")
    try:
        ids = db.insert_many([make_record(datetime(2026, 3, 1, 8, i), "NG") for i in range(3)])
        answers = {"hits": {"hits": [{"_id": str(ids[2]), "_score": 0.9, "_source": {"figId": ids[2]}}]}}
        handler = fake.server.RequestHandlerClass

        def do_post(h):
            h._record()
            return h._answer(200, answers)

        handler.do_POST = do_post
        settings = Settings().override(**{"storage.es_url": fake.url, "storage.es_index": INDEX,
                                          "analysis.similar_backend": "elasticsearch"})
        station = SimpleNamespace(settings=settings, database=db,
                                  _es_knn_client=Elasticsearch(fake.url, max_retries=0))
        hits = find_similar(station, np.ones(256, np.float32), 5, verdict="NG")
        assert [(h.record.id, round(h.similarity, 3)) for h in hits] == [(ids[2], 0.8)]
        assert fake.requests[-1][1] == f"/{INDEX}/_search"
        assert json.loads(fake.requests[-1][3])["knn"]["filter"] == [{"term": {"final_label": "NG"}}]
        local = replace_backend(settings, "local")
        station.settings = local
        assert find_similar(station, np.ones(256, np.float32), 5) == [], "local index: no embeddings stored"
    finally:
        db.close()
        fake.close()


def replace_backend(settings, backend):
    from dataclasses import replace

    return replace(settings, analysis=replace(settings.analysis, similar_backend=backend))
