"""Roles (PIN, PBKDF2, idle timeout) and the audit trail's rows, without Qt."""

from __future__ import annotations

import csv
import os
from datetime import datetime

import pytest

from station import audit
from station.roles import ENGINEER, OPERATOR, PinError, RoleSession, hash_pin, is_pin_hash, verify_pin
from station.settings import InvalidSettings, Settings, SettingsStore, load_settings
from tests.station.fakes import Clock


def test_pin_is_stored_as_salted_pbkdf2_only():
    stored = hash_pin("4711")
    algo, iterations, salt, digest = stored.split("$")
    assert algo == "pbkdf2_sha256" and int(iterations) >= 100_000
    assert "4711" not in stored and is_pin_hash(stored)
    assert hash_pin("4711") != stored  # a fresh salt each time
    assert verify_pin("4711", stored) and not verify_pin("4712", stored) and not verify_pin("", stored)
    assert not verify_pin("4711", "pbkdf2_sha256$x$y$z") and not is_pin_hash("4711")
    with pytest.raises(PinError):
        hash_pin("12")
    with pytest.raises(PinError):
        hash_pin("12 34")


def test_pin_lock_and_idle_timeout():
    clock = Clock()
    pin = {"hash": ""}
    session = RoleSession(lambda: pin["hash"], lambda: 900.0, clock=clock)
    assert session.role == ENGINEER and not session.pin_set  # no PIN: today's behaviour
    pin["hash"] = hash_pin("2468")
    assert session.role == OPERATOR
    assert not session.unlock("1111") and session.role == OPERATOR
    assert session.unlock("2468") and session.role == ENGINEER and session.unlocked
    clock.t += 899
    session.touch()  # activity restarts the idle timer
    clock.t += 899
    assert session.role == ENGINEER and session.remaining_s() == pytest.approx(1.0)
    clock.t += 1.0
    assert session.role == OPERATOR  # 15 minutes idle: back to operator
    assert session.unlock("2468") and session.lock() and session.role == OPERATOR


def test_roles_settings_validated_and_pin_hash_kept(tmp_path):
    store = SettingsStore(Settings(), tmp_path / "s.json")
    with pytest.raises(InvalidSettings) as err:
        store.update({"roles.engineer_pin_hash": "1234"})  # a clear PIN is refused as a hash
    assert "roles.engineer_pin_hash" in err.value.errors
    with pytest.raises(InvalidSettings):
        store.update({"roles.idle_timeout_min": 0})
    stored = hash_pin("9876")
    store.update({"roles.engineer_pin_hash": stored, "roles.idle_timeout_min": 5.0})
    text = (tmp_path / "s.json").read_text()
    assert "9876" not in text and stored in text
    loaded = load_settings(tmp_path / "s.json")
    assert loaded.roles.engineer_pin_hash == stored and loaded.roles.idle_timeout_min == 5.0
    assert Settings().roles.idle_timeout_min == 15.0 and Settings().roles.engineer_pin_hash == ""


@pytest.fixture
def db(tmp_path):
    from storage import Database

    database = Database(tmp_path / "history.sqlite3")
    yield database
    database.close()


class FakeStation:
    def __init__(self, database) -> None:
        from station.events import EventBus
        from station.machine_state import MachineStateModel

        self.database = database
        self.events = EventBus()
        self.machine = MachineStateModel()


def _rows(db, **query):
    from storage.audit_query import audit_page

    return audit_page(db, **query)[1]


def test_settings_changes_are_audited_without_secrets(tmp_path, db):
    store = SettingsStore(Settings(), tmp_path / "s.json")
    station = FakeStation(db)
    role = {"now": "engineer"}
    audit.attach(station, store, lambda: role["now"])
    store.update({"ui.folder_interval_ms": 250, "server.api_key": "secret-key-123"})
    store.update({"roles.engineer_pin_hash": hash_pin("1357")})
    rows = list(reversed(_rows(db)))
    actions = [r["action"] for r in rows]
    assert actions == ["settings.saved", "endpoint.key_changed", "settings.saved", "roles.pin_changed"]
    saved = rows[0]["detail"]
    assert saved["keys"] == ["server.api_key", "ui.folder_interval_ms"]
    assert saved["values"]["ui.folder_interval_ms"] == {"old": 500, "new": 250}
    assert saved["values"]["server.api_key"]["new"] == "changed"
    every = repr(rows)
    assert "secret-key-123" not in every and "pbkdf2" not in every
    assert {r["actor"] for r in rows} == {"engineer"}


def test_changeovers_sources_counters_and_library_are_audited(tmp_path, db):
    from station import changeover
    from station.shift_counts import remember_reset

    station = FakeStation(db)
    audit.attach(station, None, lambda: "operator")
    station.machine.source_started("folder")
    station.machine.source_lost("folder", "folder vanished", 5.0)
    station.machine.source_lost("folder", "folder vanished", 4.0)  # a retry: no second row
    station.machine.source_started("folder")
    station.machine.source_stopped()
    event = changeover.ChangeoverDone("params", "m (v1, a)", "m (v1, a)", True, True,
                                      {"old": {"threshold": 1.0, "min_area": 4}, "new": {"threshold": 1.35, "min_area": 4}})
    changeover.record_changeover(station, event)
    changeover.record_changeover(station, changeover.ChangeoverDone(
        "params", "m", "m", False, False, {"old": {"threshold": 1.0, "min_area": 4}, "new": {"threshold": 1.0, "min_area": 9}}))
    changeover.record_changeover(station, changeover.ChangeoverDone("activate", "a", "b", False, False, {}))
    remember_reset(db, datetime(2026, 1, 2, 6, 0), (10, 2))
    rows = list(reversed(_rows(db)))
    assert [r["action"] for r in rows] == ["source.started", "source.lost", "source.started", "source.stopped",
                                           "threshold.applied", "model.params_changed", "model.activated",
                                           "counters.reset"]
    assert rows[1]["detail"]["reason"] == "folder vanished" and rows[2]["detail"]["reconnected"] is True
    assert rows[4]["detail"]["new"]["threshold"] == 1.35 and rows[4]["detail"]["old_model"] == "m (v1, a)"
    assert rows[7]["detail"] == {"since": "2026-01-02T06:00:00", "ok": 10, "ng": 2}
    assert {r["actor"] for r in rows} == {"operator"}
    assert [r["action"] for r in _rows(db, action="source.")] == ["source.stopped", "source.started",
                                                                 "source.lost", "source.started"]


def test_model_library_rows(tmp_path, db, trained_model_path):
    from station import model_library as lib

    station = FakeStation(db)
    audit.attach(station, None)
    models = tmp_path / "models"
    entry = lib.import_model(trained_model_path, models, trail=station)
    lib.rename_model(entry.path, "Renamed", trail=station)
    lib.delete_model(entry.path, None, trail=station)
    rows = list(reversed(_rows(db)))
    assert [r["action"] for r in rows] == ["model.imported", "model.renamed", "model.deleted"]
    assert rows[1]["detail"]["old"] == entry.info.name and rows[1]["detail"]["new"] == "Renamed"
    assert rows[2]["detail"]["model"] == "Renamed" and rows[0]["detail"]["model_id"] == entry.info.id


def test_audit_query_paging_filters_and_csv(tmp_path, db):
    from storage.audit_query import audit_page, export_audit_csv
    from storage.errors import InvalidQuery

    trail = audit.AuditTrail(db, lambda: "engineer")
    for i in range(5):
        trail.record("review.given", record_id=i, label="OK")
    total, page2 = audit_page(db, limit=2, page=2)
    assert total == 5 and [r["detail"]["record_id"] for r in page2] == [2, 1]
    today = datetime.utcnow().date().isoformat()
    assert audit_page(db, start_date=today, end_date=today)[0] == 5
    assert audit_page(db, end_date="2000-01-01")[0] == 0
    for bad in ({"start_date": "2026-13-01"}, {"start_date": "yesterday"}, {"limit": 0}, {"page": 0},
                {"start_date": "2026-02-02", "end_date": "2026-02-01"}, {"action": "x'; DROP"}):
        with pytest.raises(InvalidQuery):
            audit_page(db, **bad)
    out = tmp_path / "audit.csv"
    old = os.umask(0o022)
    try:
        assert export_audit_csv(db, out) == 5
    finally:
        os.umask(old)
    assert oct(out.stat().st_mode & 0o777) == oct(0o644)
    with out.open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["seq", "at_utc", "actor", "action", "detail"] and len(rows) == 6


def test_history_csv_export_uses_the_umask(tmp_path, db):
    old = os.umask(0o027)
    try:
        db.export_csv(tmp_path / "h.csv")
    finally:
        os.umask(old)
    assert (tmp_path / "h.csv").stat().st_mode & 0o777 == 0o640


def test_audit_route_behind_the_key_with_paging_and_400(tmp_path):
    from tests.api.conftest import make_settings, serving
    from tests.api.fakes import BrightSpotModel

    settings = make_settings(tmp_path, **{"storage.save_images": "none", "server.api_key": "k3y-k3y-k3y"})
    with serving(settings, BrightSpotModel()) as (station, _server, client):
        trail = audit.attach(station, None, lambda: "engineer")
        for i in range(3):
            trail.record("counters.reset", n=i)
        assert client.get("/api/data/audit").status_code == 401
        headers = {"X-API-Key": "k3y-k3y-k3y"}
        r = client.get("/api/data/audit?limit=2&page=1", headers=headers)
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["total"] == 3 and [row["detail"]["n"] for row in body["data"]] == [2, 1]
        assert set(body["data"][0]) == {"seq", "at", "actor", "action", "detail"}
        for bad in ("startDate=2026-99-01", "limit=0", "page=x", "startDate=2026-02-02&endDate=2026-02-01"):
            r = client.get(f"/api/data/audit?{bad}", headers=headers)
            assert r.status_code == 400 and r.json(), bad


def test_trained_model_is_audited(tmp_path, db, trained_model):
    from station import model_library as lib

    station = FakeStation(db)
    audit.attach(station, None, lambda: "engineer")
    path = lib.save_trained(trained_model, tmp_path / "models", trail=station)
    (row,) = _rows(db)
    assert row["action"] == "model.trained" and row["detail"]["file"] == path.name
    assert row["detail"]["model_id"] == trained_model.info.id and row["actor"] == "engineer"
