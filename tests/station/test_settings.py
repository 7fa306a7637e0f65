"""Settings: one file, defaults for what is missing, damage never stops the station."""

from __future__ import annotations

import json

import pytest

from station.settings import Settings, load_settings, save_settings, settings_path


def test_round_trip_under_config_dir(tmp_path):
    s = Settings()
    s.server.port = 8123
    s.storage.save_images = "ng"
    s.ui.language = "zh_CN"
    path = save_settings(s)
    assert path == settings_path() and str(path).startswith(str(tmp_path))
    loaded = load_settings()
    assert (loaded.server.port, loaded.storage.save_images, loaded.ui.language) == (8123, "ng", "zh_CN")
    assert [sh.start for sh in loaded.shifts] == ["06:00", "14:00", "22:00"]


def test_missing_damaged_and_foreign_files_give_defaults(tmp_path):
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


def test_cli_overrides_skip_unset_flags():
    s = Settings().override(**{"server.port": 9000, "server.api_key": None, "inference.device": "cpu"})
    assert (s.server.port, s.server.api_key, s.inference.device) == (9000, "", "cpu")
    with pytest.raises(KeyError):
        Settings().override(**{"server.nope": 1})


def test_data_dir_follows_env_and_settings(tmp_path):
    s = Settings()
    assert s.data_dir == tmp_path / "data"
    s.storage.data_dir = str(tmp_path / "elsewhere")
    assert s.db_path == tmp_path / "elsewhere" / "history.sqlite3"


def test_chosen_file_is_used_by_every_later_save(tmp_path):
    from station.settings import use_settings_file

    chosen = tmp_path / "line3.json"
    try:
        use_settings_file(chosen)
        s = Settings()
        s.inference.model_path = "/models/a.qcs"
        assert save_settings(s) == chosen  # e.g. model_library.remember_active saves without a path
        assert load_settings().inference.model_path == "/models/a.qcs"
    finally:
        use_settings_file(None)
    assert settings_path() != chosen
