"""The headless model library: manifest-only listing (broken files listed with their reason), safe
file names, validated imports, rename that keeps the tensors, delete that refuses the active model."""

from __future__ import annotations

import shutil
import zipfile

import numpy as np
import pytest

from inference.bundle import read_bundle
from inference.errors import ModelFileError
from station import model_library as lib


def test_listing_reads_manifests_and_reports_broken_files(tmp_path, trained_model_path):
    models = tmp_path / "models"
    models.mkdir()
    good = shutil.copy(trained_model_path, models / "good.qcs")
    (models / "junk.qcs").write_bytes(b"garbage")
    (models / "notes.txt").write_text("ignored")
    with zipfile.ZipFile(models / "nomanifest.qcs", "w") as zf:
        zf.writestr("tensors.safetensors", b"x")
    entries = {e.path.name: e for e in lib.list_models(models)}
    assert set(entries) == {"good.qcs", "junk.qcs", "nomanifest.qcs"}
    assert entries["good.qcs"].ok and entries["good.qcs"].info.name == "bottle-test"
    assert "not a zip" in entries["junk.qcs"].error
    assert "missing manifest.json" in entries["nomanifest.qcs"].error
    assert lib.find_by_id(models, entries["good.qcs"].info.id).path == good
    assert lib.list_models(tmp_path / "absent") == []


def test_file_names_never_escape_or_collide(tmp_path):
    assert lib.safe_stem("../../etc/passwd") == "etc_passwd"
    assert lib.safe_stem("  ") == "model"
    assert lib.safe_stem("瓶子 line 3") == "瓶子_line_3"
    (tmp_path / "a.qcs").write_bytes(b"")
    assert lib.unique_path(tmp_path, "a").name == "a-2.qcs"
    assert lib.unique_path(tmp_path, "../a").parent == tmp_path


def test_import_validates_and_refuses_duplicates(tmp_path, trained_model_path):
    models = tmp_path / "models"
    bad = tmp_path / "bad.qcs"
    bad.write_bytes(b"PK\x03\x04broken")
    with pytest.raises(ModelFileError):
        lib.import_model(bad, models)
    assert not models.exists() or not list(models.iterdir())
    entry = lib.import_model(trained_model_path, models)
    assert entry.path.parent == models and entry.path.read_bytes() == trained_model_path.read_bytes()
    with pytest.raises(lib.LibraryError, match="already in the library"):
        lib.import_model(trained_model_path, models)
    assert len(list(models.glob("*.qcs"))) == 1


def test_rename_keeps_id_and_tensors_and_delete_refuses_active(tmp_path, trained_model_path):
    path = shutil.copy(trained_model_path, tmp_path / "m.qcs")
    before_manifest, before = read_bundle(path)
    info = lib.rename_model(path, "  new name ")
    manifest, after = read_bundle(path)
    assert info.name == "new name" == manifest["name"] and manifest["id"] == before_manifest["id"]
    assert np.array_equal(before["memory_bank"], after["memory_bank"])
    with pytest.raises(lib.LibraryError):
        lib.rename_model(path, "   ")

    out = lib.export_model(path, tmp_path / "exported")
    assert out.name == "exported.qcs" and out.read_bytes() == path.read_bytes()
    with pytest.raises(lib.LibraryError):
        lib.export_model(path, path)

    with pytest.raises(lib.LibraryError, match="active"):
        lib.delete_model(path, str(path))
    assert path.exists()
    lib.delete_model(path, None)
    assert not path.exists()


def test_rename_in_station_switches_the_active_model_to_a_renamed_copy(tmp_path, trained_model_path):
    from inference import load

    class _Station:  # the two attributes and the one call rename_in_station uses
        def __init__(self, model, path):
            self.model, self.model_path, self.switches = model, path, []

        def set_model(self, model, path):
            self.switches.append(path)
            self.model, self.model_path = model, path

    active = shutil.copy(trained_model_path, tmp_path / "active.qcs")
    other = shutil.copy(trained_model_path, tmp_path / "other.qcs")
    running = load(active, device="cpu")
    station = _Station(running, active)

    assert lib.rename_in_station(station, other, "stored one").name == "stored one"
    assert station.switches == [] and station.model is running  # not active: only the file changes

    info = lib.rename_in_station(station, active, " live one ")
    assert info.name == "live one" == lib.read_manifest(active).name
    assert station.switches == [active] and station.model is not running
    assert station.model.info.name == "live one" and running.info.name == "bottle-test"  # old one untouched
    with pytest.raises(lib.LibraryError):
        lib.rename_in_station(station, active, "  ")
    assert station.switches == [active]
