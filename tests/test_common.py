"""The Qt-free helpers every room shares: atomic writes, image listing, safe file stems."""

from __future__ import annotations

import os

import pytest

from common.fileio import atomic_path, atomic_write
from common.images import is_image_file, list_images, natural_key
from common.names import safe_stem


def test_atomic_write_replaces_only_on_success(tmp_path):
    target = tmp_path / "sub" / "data.txt"
    with atomic_write(target) as fh:
        fh.write("first")
    assert target.read_text() == "first"
    with pytest.raises(RuntimeError), atomic_write(target) as fh:
        fh.write("half")
        raise RuntimeError("disk went away")
    assert target.read_text() == "first"  # the old file is intact
    assert os.listdir(target.parent) == ["data.txt"]  # and no temp file is left


def test_atomic_path_for_writers_that_need_a_name(tmp_path):
    target = tmp_path / "m.bin"
    with atomic_path(target) as tmp:
        assert tmp.parent == tmp_path and tmp.name.startswith(".m.bin.")
        tmp.write_bytes(b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01" and os.listdir(tmp_path) == ["m.bin"]
    with pytest.raises(OSError), atomic_path(target) as tmp:
        raise OSError(28, "No space left on device")
    assert os.listdir(tmp_path) == ["m.bin"]


def test_list_images_skips_hidden_and_other_files(tmp_path):
    for name in ("img10.png", "img2.JPG", ".img1.png", "notes.txt"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "img3.bmp").write_bytes(b"x")
    assert [p.name for p in list_images(tmp_path)] == ["img10.png", "img2.JPG"]
    assert [p.name for p in list_images(tmp_path, natural=True)] == ["img2.JPG", "img10.png"]
    assert [p.name for p in list_images(tmp_path, recursive=True, natural=True)] == ["img2.JPG", "img10.png", "img3.bmp"]
    assert is_image_file("a.TIFF") and not is_image_file("a.txt")
    assert natural_key("a2") < natural_key("a10")


def test_safe_stem():
    assert safe_stem("  Line 3 / 瓶子 v2  ") == "Line_3_瓶子_v2"
    assert safe_stem("../..") == "file" and safe_stem("...", fallback="model") == "model"
    assert safe_stem(".hidden") == "hidden" and len(safe_stem("x" * 200, limit=60)) == 60
