"""camera/: sources read what they should, pace as asked, and the newest frame wins."""

from __future__ import annotations

import threading
import time
from concurrent.futures import Future

import cv2
import numpy as np
import pytest

from camera import CameraSource, CaptureWorker, FolderSource, Frame, SourceError, VideoFileSource, list_images
from camera.synthetic import DEFECTS, make_part, write_sample_set


def _folder(tmp_path, n=5):
    d = tmp_path / "imgs"
    d.mkdir()
    for i in (1, 2, 10, 3, 20)[:n]:
        cv2.imwrite(str(d / f"img{i}.png"), np.full((16, 16, 3), i, np.uint8))
    (d / "notes.txt").write_text("not an image")
    return d


def _video(tmp_path, frames=12, fps=50.0):
    path = tmp_path / "clip.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, (64, 48))
    assert writer.isOpened()
    for i in range(frames):
        writer.write(np.full((48, 64, 3), i * 20 % 255, np.uint8))
    writer.release()
    return path


def test_folder_natural_order_and_end(tmp_path):
    d = _folder(tmp_path)
    assert [p.name for p in list_images(d)] == ["img1.png", "img2.png", "img3.png", "img10.png", "img20.png"]
    src = FolderSource(d, interval_s=0)
    stop = threading.Event()
    with src:
        names = []
        while (f := src.read(stop)) is not None:
            names.append(f.name)
            assert f.source == "folder" and f.image.shape == (16, 16, 3)
    assert names == ["img1.png", "img2.png", "img3.png", "img10.png", "img20.png"]


def test_folder_shuffle_loop_and_bad_file(tmp_path):
    d = _folder(tmp_path)
    (d / "broken.png").write_bytes(b"\x89PNG garbage")
    src = FolderSource(d, interval_s=0, shuffle=True, loop=True, seed=3)
    stop = threading.Event()
    with src:
        names = [src.read(stop).name for _ in range(10)]
    assert "broken.png" not in names and len(set(names)) == 5
    assert src.skipped, "the unreadable file is reported"
    assert names[:5] != sorted(names[:5], key=lambda n: int(n[3:-4])) or names[5:] != names[:5]


def test_folder_errors_are_readable(tmp_path):
    with pytest.raises(SourceError, match="not a folder"):
        FolderSource(tmp_path / "missing").open()
    (tmp_path / "empty").mkdir()
    with pytest.raises(SourceError, match="no images"):
        FolderSource(tmp_path / "empty").open()


def test_folder_interval_paces(tmp_path):
    d = _folder(tmp_path, 3)
    src = FolderSource(d, interval_s=0.1)
    stop = threading.Event()
    with src:
        t0 = time.monotonic()
        for _ in range(3):
            src.read(stop)
        elapsed = time.monotonic() - t0
    assert 0.18 <= elapsed < 1.0


def test_video_reads_all_frames_and_loops(tmp_path):
    path = _video(tmp_path, frames=12)
    stop = threading.Event()
    with VideoFileSource(path, realtime=False) as src:
        frames = []
        while (f := src.read(stop)) is not None:
            frames.append(f)
    assert len(frames) == 12 and frames[0].source == "video" and frames[-1].name.endswith("#000012")
    with VideoFileSource(path, realtime=False, loop=True) as src:
        assert sum(src.read(stop) is not None for _ in range(30)) == 30


def test_video_missing_or_garbage(tmp_path):
    with pytest.raises(SourceError, match="not found"):
        VideoFileSource(tmp_path / "nope.avi").open()
    bad = tmp_path / "bad.avi"
    bad.write_bytes(b"nonsense" * 100)
    with pytest.raises(SourceError):
        VideoFileSource(bad).open()


class _FakeCap:
    def __init__(self, fail_after):
        self.left = fail_after
        self.released = False

    def isOpened(self):  # noqa: N802 - cv2 API
        return True

    def set(self, prop, value):
        return prop != cv2.CAP_PROP_GAIN  # this "driver" ignores gain

    def read(self):
        if self.left <= 0:
            return False, None
        self.left -= 1
        return True, np.zeros((8, 8, 3), np.uint8)

    def release(self):
        self.released = True


def test_camera_reconnects_after_drop():
    opened = []

    def opener(index):
        cap = _FakeCap(fail_after=2)
        opened.append(cap)
        return cap

    cam = CameraSource(0, gain=3.0, width=640, opener=opener, max_backoff_s=0.05)
    stop = threading.Event()
    with cam:
        assert cam.ignored_settings == ["gain"]
        frames = [cam.read(stop) for _ in range(5)]
    assert all(isinstance(f, Frame) and f.source == "camera" for f in frames)
    assert cam.reconnects == 2 and opened[0].released


def test_camera_not_available():
    class Closed(_FakeCap):
        def isOpened(self):  # noqa: N802
            return False

    with pytest.raises(SourceError, match="camera 3 is not available"):
        CameraSource(3, opener=lambda i: Closed(0)).open()


def test_newest_frame_wins_and_drops_are_counted(tmp_path):
    """A slow consumer over a fast paced source: one in flight, stale frames dropped and counted."""
    d = tmp_path / "many"
    d.mkdir()
    for i in range(40):
        cv2.imwrite(str(d / f"f{i}.png"), np.full((8, 8), i, np.uint8))
    seen: list[str] = []
    in_flight = []

    def slow(frame):
        in_flight.append(1)
        assert len(in_flight) == 1, "never two frames in flight"
        fut: Future = Future()

        def finish():
            time.sleep(0.05)
            seen.append(frame.name)
            in_flight.pop()
            fut.set_result(frame)

        threading.Thread(target=finish).start()
        return fut

    done = threading.Event()
    worker = CaptureWorker(FolderSource(d, interval_s=0.005), slow, on_finished=done.set).start()
    assert done.wait(10)
    stats = worker.stats()
    assert stats.captured == 40
    assert stats.dropped > 10 and stats.processed == len(seen) == stats.captured - stats.dropped
    assert seen[-1] == "f39.png", "the newest frame is processed last"


def test_unpaced_source_loses_nothing(tmp_path):
    path = _video(tmp_path, frames=10)
    got = []

    def process(frame):
        fut: Future = Future()
        threading.Timer(0.01, lambda: (got.append(frame.name), fut.set_result(None))).start()
        return fut

    done = threading.Event()
    worker = CaptureWorker(VideoFileSource(path, realtime=False), process, on_finished=done.set).start()
    assert done.wait(10)
    assert worker.stats().dropped == 0 and len(got) == 10


def test_busy_consumer_drops_and_error_stops(tmp_path):
    d = _folder(tmp_path)
    errors = []
    done = threading.Event()
    worker = CaptureWorker(FolderSource(d, interval_s=0), lambda f: None, on_finished=done.set).start()
    assert done.wait(5) and worker.stats().dropped == 5

    def refuse(frame):
        raise RuntimeError("no model loaded: train or open a model first")

    done.clear()
    worker = CaptureWorker(FolderSource(d, interval_s=0), refuse, on_error=errors.append,
                           on_finished=done.set).start()
    assert done.wait(5)
    assert errors == ["no model loaded: train or open a model first"] and worker.error


def test_triggered_reads_one_frame_per_trigger(tmp_path):
    d = _folder(tmp_path)
    got = []

    def process(frame):
        fut: Future = Future()
        got.append(frame.name)
        fut.set_result(None)
        return fut

    worker = CaptureWorker(FolderSource(d, interval_s=5.0), process, triggered=True).start()
    time.sleep(0.2)
    assert got == []
    worker.trigger()
    worker.trigger()
    deadline = time.monotonic() + 3
    while len(got) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert got == ["img1.png", "img2.png"], "a trigger ignores the folder interval"
    assert worker.stop(2)


def test_synthetic_parts(tmp_path):
    good_a, good_b = make_part(1, 128), make_part(2, 128)
    assert good_a.shape == (128, 128, 3) and good_a.dtype == np.uint8
    assert np.array_equal(good_a, make_part(1, 128)), "deterministic from the seed"
    assert not np.array_equal(good_a, good_b)
    for kind in DEFECTS:
        assert np.abs(make_part(1, 128, kind).astype(int) - good_a).sum() > 0
    folders = write_sample_set(tmp_path / "s", n_good=3, n_test_good=2, n_per_defect=1, size=64)
    assert len(list_images(folders["train"])) == 3 and len(list_images(folders["ng"])) == len(DEFECTS)
    with pytest.raises(ValueError):
        make_part(1, 64, "crack")
