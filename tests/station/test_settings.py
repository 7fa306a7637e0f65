"""Settings: frozen values, one set of rules, one store that validates, saves atomically and notifies."""

from __future__ import annotations

import dataclasses
import json
import os
import threading

import pytest

from station.settings import (
    InvalidSettings,
    ServerSettings,
    Settings,
    SettingsApplyError,
    SettingsSaveError,
    SettingsStore,
    Shift,
    is_loopback,
    load_settings,
    save_settings,
    settings_path,
)


def test_settings_are_frozen():
    s = Settings()
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.server.port = 1  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.shifts = ()  # type: ignore[misc]
    assert isinstance(Settings(shifts=[Shift("X", "07:00")]).shifts, tuple)  # a list is frozen too


def test_round_trip_under_config_dir(tmp_path):
    s = Settings().override(**{"server.port": 8123, "storage.save_images": "ng", "ui.language": "zh_CN"})
    path = save_settings(s)
    assert path == settings_path() and str(path).startswith(str(tmp_path))
    loaded = load_settings()
    assert loaded == s
    assert [sh.start for sh in loaded.shifts] == ["06:00", "14:00", "22:00"]


def test_missing_damaged_foreign_and_invalid_files_give_defaults(tmp_path):
    assert load_settings(tmp_path / "nope.json") == Settings()
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    assert load_settings(broken) == Settings()
    odd = tmp_path / "odd.json"
    odd.write_text(json.dumps({"server": {"port": "eighty", "host": "0.0.0.0", "future_key": 1},
                               "shifts": "bad", "new_section": {}}), encoding="utf-8")
    s = load_settings(odd)
    assert s.server.port == 8000 and s.server.host == "0.0.0.0"
    assert len(s.shifts) == 3
    invalid = tmp_path / "invalid.json"
    invalid.write_text(json.dumps({"server": {"port": 70000, "api_key": "short"}, "ui": {"theme": "pink"},
                                   "storage": {"quota_mb": 123}}), encoding="utf-8")
    s = load_settings(invalid)
    assert (s.server.port, s.ui.theme) == (8000, "dark")  # each bad field: its default
    assert s.storage.quota_mb == 123  # the valid ones are kept
    assert s.server.api_key == "short"  # never dropped: that would open the endpoint to anyone
    store = SettingsStore(s, tmp_path / "again.json")
    assert store.update({"ui.theme": "light"}).server.api_key == "short"  # an old flaw does not block others
    with pytest.raises(InvalidSettings):
        store.update({"server.api_key": "tiny"})


def test_validate_names_each_bad_field(tmp_path):
    assert Settings().validate() == {}
    a_file = tmp_path / "f.txt"
    a_file.write_text("x")
    bad = Settings().override(**{
        "server.host": "bad host", "server.port": 70000, "server.api_key": "short",
        "storage.data_dir": str(a_file), "storage.es_url": "es:9200", "inference.device": "tpu",
        "inference.max_batch": 0, "shifts": [("A", "06:00"), ("A", "25:61")],
    })
    errors = bad.validate()
    assert set(errors) == {"server.host", "server.port", "server.api_key", "storage.data_dir", "storage.es_url",
                           "inference.device", "inference.max_batch", "shifts"}
    assert "65535" in errors["server.port"].message and "70000" in errors["server.port"].message
    assert "twice" in errors["shifts"].message
    assert "%1" in errors["server.port"].template  # the GUI translates the template, then fills it
    cuda = Settings().override(**{"inference.device": "cuda"})
    assert cuda.validate() == {} and "inference.device" in cuda.validate(cuda_available=False)
    assert "shifts" in Settings(shifts=()).validate()
    assert "same time" in Settings(shifts=(Shift("A", "6:00"), Shift("B", "06:00"))).validate()["shifts"].message


def test_cli_overrides_skip_unset_flags():
    s = Settings().override(**{"server.port": 9000, "server.api_key": None, "inference.device": "cpu"})
    assert (s.server.port, s.server.api_key, s.inference.device) == (9000, "", "cpu")
    with pytest.raises(KeyError):
        Settings().override(**{"server.nope": 1})
    with pytest.raises(KeyError):
        Settings().override(nope=1)


def test_loopback_and_exposure():
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1") and is_loopback(" [::1] ")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.20")
    assert not ServerSettings().exposed
    assert ServerSettings(host="0.0.0.0").exposed
    assert not ServerSettings(host="0.0.0.0", api_key="line-3-secret").exposed


def test_data_dir_follows_env_and_settings(tmp_path):
    s = Settings()
    assert s.data_dir == tmp_path / "data"
    s = s.override(**{"storage.data_dir": str(tmp_path / "elsewhere")})
    assert s.db_path == tmp_path / "elsewhere" / "history.sqlite3"


def test_store_updates_validate_save_and_notify(tmp_path):
    path = tmp_path / "line3.json"
    store = SettingsStore.load(path)
    seen: list[Settings] = []
    unsubscribe = store.subscribe(seen.append)
    before = store.current
    new = store.update({"server.port": 8123, "inference.model_path": "/models/a.qcs"})
    assert new is store.current and seen == [new] and before.server.port == 8000  # the old object is untouched
    assert load_settings(path).inference.model_path == "/models/a.qcs"

    with pytest.raises(InvalidSettings) as caught:
        store.update({"server.port": -5, "shifts": []})
    assert set(caught.value.errors) == {"server.port", "shifts"} and "server.port" in caught.value.to_dict()
    assert store.current is new and len(seen) == 1 and load_settings(path).server.port == 8123

    edited = dataclasses.replace(new, ui=dataclasses.replace(new.ui, theme="light"))
    assert store.update(edited).ui.theme == "light" and load_settings(path).ui.theme == "light"
    assert store.update(edited) is store.current and len(seen) == 2  # no change: no write, no notification

    store.update({"ui.geometry": "abc"}, save=False)
    assert load_settings(path).ui.geometry == "" and store.save() == path
    assert load_settings(path).ui.geometry == "abc" and store.save() is None
    unsubscribe()
    store.update({"server.port": 8124})
    assert len(seen) == 3


def test_overrides_apply_once_and_are_not_written(tmp_path):
    path = tmp_path / "s.json"
    save_settings(Settings().override(**{"server.port": 8100}), path)
    store = SettingsStore.load(path, overrides={"storage.data_dir": str(tmp_path / "usb"), "inference.device": "cpu",
                                                "server.host": None})
    assert store.current.data_dir == tmp_path / "usb" and store.current.server.port == 8100
    store.update({"ui.theme": "light"})
    on_disk = load_settings(path)
    assert on_disk.storage.data_dir == "" and on_disk.inference.device == "auto" and on_disk.ui.theme == "light"
    store.update({"inference.device": "cpu"})  # chosen by the user now: written
    assert load_settings(path).inference.device == "cpu"
    with pytest.raises(InvalidSettings):
        SettingsStore.load(path, overrides={"server.port": 99999})
    with pytest.raises(KeyError):
        SettingsStore.load(path, overrides={"server.nope": 1})


def test_failed_save_changes_nothing_and_leaves_no_temp_file(tmp_path, monkeypatch):
    folder = tmp_path / "cfg"
    store = SettingsStore(Settings(), folder / "s.json")
    seen: list[Settings] = []
    store.subscribe(seen.append)

    def broken_dump(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(json, "dump", broken_dump)
    with pytest.raises(SettingsSaveError, match="No space left"):
        store.update({"server.port": 8200})
    assert store.current.server.port == 8000 and seen == []
    assert os.listdir(folder) == []  # the temp file went too


def test_a_failing_subscriber_does_not_stop_the_others(tmp_path):
    store = SettingsStore(Settings(), tmp_path / "s.json")
    seen: list[int] = []

    def broken(_s: Settings) -> None:
        raise RuntimeError("image store unavailable")

    store.subscribe(broken)
    store.subscribe(lambda s: seen.append(s.server.port))
    with pytest.raises(SettingsApplyError, match="image store unavailable"):
        store.update({"server.port": 8300})
    assert seen == [8300] and store.current.server.port == 8300  # saved and current regardless
    assert load_settings(tmp_path / "s.json").server.port == 8300


def test_concurrent_updates_are_serialised(tmp_path):
    store = SettingsStore(Settings(), tmp_path / "s.json")
    seen: list[int] = []
    store.subscribe(lambda s: seen.append(s.ui.folder_interval_ms))

    def worker(base: int) -> None:
        for i in range(20):
            store.update({"ui.folder_interval_ms": base + i}, save=False)

    threads = [threading.Thread(target=worker, args=(1000 * k,)) for k in range(1, 4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(seen) == 60 and seen[-1] == store.current.ui.folder_interval_ms
