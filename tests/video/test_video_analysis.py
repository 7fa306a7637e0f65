"""Video analysis in the station: real bottle images in real video files, the real engine."""

from __future__ import annotations

import math
import threading

import cv2
import numpy as np
import pytest

from camera.video_sampling import VideoRejected, probe, sample, sample_times
from station.core import Station
from station.video_analysis import analyse_video
from tests.video.conftest import sequence
from tests.video.media import count_frames, write_video

NG_SECONDS = {2, 5, 6, 10}


def test_ng_per_bucket_match_the_known_ng_times(tmp_path, video_settings, trained_model, clear_parts):
    clip = write_video(tmp_path / "line3.avi", sequence(clear_parts, NG_SECONDS, 12), fps=10)
    with Station(video_settings, model=trained_model) as st:
        result = analyse_video(st, clip, interval_ms=1000, bucket_ms=3000)
        rows = st.database.search(limit=100, page=1, source="video").data
    assert result.info.fps == pytest.approx(10)
    assert [f.time_ms for f in result.frames] == [1000.0 * i for i in range(12)]
    assert {int(f.time_ms // 1000) for f in result.frames if f.verdict == "NG"} == NG_SECONDS
    assert [(b.start_ms, b.parts, b.ng, b.ok) for b in result.buckets] == [
        (0, 3, 1, 2), (3000, 3, 1, 2), (6000, 3, 1, 2), (9000, 3, 1, 2)]
    assert all(b.defects >= b.ng for b in result.buckets)
    # every sampled frame is a record named <file>@<ms>, source video
    assert sorted(r.name for r in rows) == sorted(f"line3.avi@{1000 * i}" for i in range(12))
    assert {r.id for r in rows} == {f.record_id for f in result.frames}
    assert sum(r.label == "NG" for r in rows) == len(NG_SECONDS)
    # the processed video: one annotated frame per sample, readable, with the banner burned in
    video = video_settings.data_dir / result.processed_video
    assert video.is_file() and result.processed_codec in ("avc1", "mp4v", "MJPG")
    assert count_frames(video) == 12
    cap = cv2.VideoCapture(str(video))
    cap.set(cv2.CAP_PROP_POS_FRAMES, 2)
    ok, frame = cap.read()
    cap.release()
    assert ok and frame.shape[:2] == clear_parts["ng"][0].shape[:2]
    banner = frame[2:12, :, :].reshape(-1, 3).mean(0)
    assert banner[2] > banner[1] + 60, "an NG frame carries the red verdict banner"


@pytest.mark.parametrize("fps,interval", [(5, 500), (25, 500), (12, 1000), (30, 250)])
def test_sampling_follows_video_time_at_several_frame_rates(tmp_path, fps, interval, clear_parts):
    clip = write_video(tmp_path / f"c{fps}.mkv", [clear_parts["ok"][0]] * 4, fps=fps, hold_s=1.0, fourcc="FFV1")
    info = probe(clip)
    assert info.frame_count == 4 * fps
    times = [f.time_ms for f in sample(info, interval)]
    step = 1000.0 / fps
    assert len(times) == sample_times(info, interval) == math.ceil(info.duration_ms / interval - 1e-9)
    for i, t in enumerate(times):
        assert i * interval - 1e-6 <= t < i * interval + step, "first frame at or after each multiple"


def test_a_cancelled_job_keeps_its_recorded_frames_and_says_how_many(tmp_path, video_settings, trained_model,
                                                                      clear_parts):
    clip = write_video(tmp_path / "long.avi", sequence(clear_parts, {3}, 60), fps=4)
    with Station(video_settings, model=trained_model) as st:
        started = threading.Event()

        def run(job):
            def progress(done, total):
                job.progress(done, total)
                if done >= 3:
                    started.set()
            return analyse_video(st, clip, interval_ms=1000, cancel=job.cancelled, progress=progress,
                                 partial=job.set_partial)

        job = st.jobs.submit("video", run)
        assert started.wait(120)
        assert job.cancel()
        assert job.wait(60)
        status = job.status()
        stored = st.database.search(limit=100, page=1, source="video").total
    assert status.state == "cancelled"
    result = status.result
    assert result.cancelled and 3 <= result.recorded < 60
    assert stored == result.recorded == len(result.frames)
    assert count_frames(video_settings.data_dir / result.processed_video) == result.recorded


def test_not_recorded_analysis_leaves_the_history_alone(tmp_path, video_settings, trained_model, clear_parts):
    clip = write_video(tmp_path / "dry.avi", sequence(clear_parts, {1}, 3), fps=10)
    with Station(video_settings, model=trained_model) as st:
        result = analyse_video(st, clip, interval_ms=1000, record=False, processed=False)
        assert st.database.count() == 0
    assert [f.verdict for f in result.frames] == ["OK", "NG", "OK"]
    assert result.recorded == 0 and result.processed_video is None


def test_bad_videos_and_parameters_are_refused_with_a_reason(tmp_path, clear_parts):
    text = tmp_path / "notes.mp4"
    text.write_text("this is not a video")
    empty = tmp_path / "empty.avi"
    empty.write_bytes(b"")
    with pytest.raises(VideoRejected, match="not a video|no frame"):
        probe(text)
    with pytest.raises(VideoRejected, match="empty"):
        probe(empty)
    clip = write_video(tmp_path / "short.avi", [clear_parts["ok"][0]] * 2, fps=10)
    info = probe(clip)
    for bad in (0, -5):
        with pytest.raises(VideoRejected, match="positive"):
            list(sample(info, bad))
    with pytest.raises(VideoRejected, match="longer than the video"):
        list(sample(info, 5000))
    # a two-hour recording is refused up front (before any frame is judged)
    small = cv2.resize(clear_parts["ok"][0], (32, 32))
    long = write_video(tmp_path / "shift.avi", [small] * 2, fps=1, hold_s=3600)
    assert probe(long).duration_ms == pytest.approx(7_200_000)
    with pytest.raises(VideoRejected, match="limit"):
        probe(long, max_duration_s=3600)


def test_damaged_tail_is_analysed_up_to_the_damage(tmp_path, clear_parts):
    clip = write_video(tmp_path / "cut.avi", [clear_parts["ok"][0]] * 6, fps=10)
    data = clip.read_bytes()
    clip.write_bytes(data[: len(data) * 2 // 3])
    info = probe(clip)
    frames = list(sample(info, 1000))
    assert 1 <= len(frames) < 6
    assert all(isinstance(f.image, np.ndarray) for f in frames)
