"""Analyse a recorded video: sampled frames through the station's one inference queue.

One frame every ``interval_ms`` of video time (``camera.video_sampling``) is judged by the station
like any other part — same queue, same model, recorded in the history as source ``video`` with the
name ``<file>@<ms>`` (unless ``record=False``) — and the verdicts are summed per ``bucket_ms`` of
video time (NG per minute of the shift). An annotated copy (heatmap, boxes, verdict and video time
burned in, one frame per sample) is written beside the stored images, so the image quota counts and
prunes it like them.

A few frames are kept in flight so the station batches them; a cancelled analysis stops reading,
lets the frames already queued finish (they are recorded) and says how many were.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from camera.video_sampling import SampledFrame, VideoInfo, VideoRejected, probe, sample, sample_times
from station.errors import StationBusy

log = logging.getLogger(__name__)

SOURCE = "video"
# (fourcc, extension) in order of preference. H.264 needs an encoder the opencv-python-headless
# wheels do not ship (only the absent V4L2 hardware one): there MPEG-4 Part 2 in MP4 is used, which
# desktop players (VLC, Windows' Films & TV, QuickTime) open; MJPG/AVI is the last resort.
CODECS = (("avc1", "mp4"), ("mp4v", "mp4"), ("MJPG", "avi"))
_codec_cache: dict[str, tuple[str, str]] = {}


@dataclass(frozen=True)
class FrameVerdict:
    time_ms: float
    frame_index: int
    verdict: str
    score: float  # normalized: 1.0 is the threshold
    defect_count: int
    record_id: int | None
    part_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"time_ms": round(self.time_ms, 1), "frame_index": self.frame_index, "verdict": self.verdict,
                "score": round(self.score, 4), "defect_count": self.defect_count,
                "record_id": self.record_id, "part_id": self.part_id}


@dataclass
class Bucket:
    start_ms: float
    parts: int = 0
    ok: int = 0
    ng: int = 0
    defects: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"start_ms": round(self.start_ms, 1), "parts": self.parts, "ok": self.ok, "ng": self.ng,
                "defects": self.defects}


@dataclass
class VideoAnalysis:
    """The answer for one video (also the partial answer of a cancelled job)."""

    file: str
    info: VideoInfo
    interval_ms: float
    bucket_ms: float
    frames: list[FrameVerdict] = field(default_factory=list)
    buckets: list[Bucket] = field(default_factory=list)
    processed_video: str | None = None  # path relative to the data dir
    processed_codec: str | None = None
    cancelled: bool = False
    elapsed_s: float = 0.0

    @property
    def recorded(self) -> int:
        return sum(1 for f in self.frames if f.record_id is not None)

    @property
    def ng_frames(self) -> list[FrameVerdict]:
        return [f for f in self.frames if f.verdict == "NG"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "fps": round(self.info.fps, 4),
            "duration_ms": round(self.info.duration_ms, 1),
            "interval_ms": self.interval_ms,
            "bucket_ms": self.bucket_ms,
            "frames_sampled": len(self.frames),
            "frames_recorded": self.recorded,
            "cancelled": self.cancelled,
            "processed_video": self.processed_video,
            "processed_codec": self.processed_codec,
            "frames": [f.to_dict() for f in self.frames],
            "buckets": [b.to_dict() for b in self.buckets],
            # the seed's parallel arrays, for parts instead of pedestrians
            "ng_counts": [f.defect_count if f.verdict == "NG" else 0 for f in self.frames],
            "ng_per_interval": [b.ng for b in self.buckets],
            "parts_per_interval": [b.parts for b in self.buckets],
            "elapsed_s": round(self.elapsed_s, 3),
        }

    def write_csv(self, path: str | Path) -> Path:
        """Per sampled frame, UTF-8 with BOM (opens in Excel)."""
        import csv

        path = Path(path)
        with open(path, "w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["time_ms", "frame_index", "verdict", "score", "defect_count", "record_id", "part_id"])
            for f in self.frames:
                w.writerow([f"{f.time_ms:.1f}", f.frame_index, f.verdict, f"{f.score:.4f}", f.defect_count,
                            f.record_id if f.record_id is not None else "", f.part_id or ""])
        return path


def open_writer(path_stem: Path, fps: float, size: tuple[int, int]) -> tuple[Any, Path, str]:
    """The first codec of :data:`CODECS` this OpenCV build can write; (writer, file, fourcc)."""
    order = [_codec_cache["chosen"]] if "chosen" in _codec_cache else list(CODECS)
    for fourcc, ext in order:
        target = path_stem.with_suffix(f".{ext}")
        writer = cv2.VideoWriter(str(target), cv2.VideoWriter.fourcc(*fourcc), fps, size)
        if writer.isOpened():
            _codec_cache["chosen"] = (fourcc, ext)
            return writer, target, fourcc
        writer.release()
        target.unlink(missing_ok=True)
    raise RuntimeError("this OpenCV build cannot write any of the video codecs " +
                       ", ".join(c for c, _ in CODECS))


def clock(ms: float) -> str:
    s, ms_ = divmod(int(round(ms)), 1000)
    h, s = divmod(s, 3600)
    m, s = divmod(s, 60)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms_:03d}"


def burn_in(image: np.ndarray, result: Any, time_ms: float) -> np.ndarray:
    """The annotated frame: heatmap overlay and boxes, plus a banner with verdict, score and time."""
    from inference.visualize import NG_COLOUR, OK_COLOUR, annotate

    out = annotate(image, result)
    h, w = out.shape[:2]
    bar = max(18, h // 14)
    scale = bar / 32
    thick = max(1, round(bar / 16))
    colour = NG_COLOUR if result.verdict == "NG" else OK_COLOUR
    cv2.rectangle(out, (0, 0), (w - 1, bar), colour, -1)
    text = f"{result.verdict}  {result.normalized_score:.2f}  {clock(time_ms)}"
    if result.defect_count:
        text += f"  {result.defect_count} defect(s)"
    (tw, _th), _ = cv2.getTextSize(text, cv2.FONT_HERSHEY_SIMPLEX, scale, thick)
    if tw > w - 12:  # narrow frames: shrink the banner text to fit rather than cut it
        scale *= (w - 12) / tw
    cv2.putText(out, text, (6, int(bar * 0.75)), cv2.FONT_HERSHEY_SIMPLEX, scale, (255, 255, 255), thick,
                cv2.LINE_AA)
    return out


FrameCallback = Callable[[FrameVerdict, Any, np.ndarray, Bucket], None]  # verdict, result, annotated, bucket


def analyse_video(
    station: Any,
    path: str | Path,
    *,
    interval_ms: float,
    bucket_ms: float = 60_000,
    record: bool = True,
    processed: bool = True,
    display_name: str | None = None,
    cancel: threading.Event | None = None,
    on_frame: FrameCallback | None = None,
    progress: Callable[[int, int], None] | None = None,
    partial: Callable[[VideoAnalysis], None] | None = None,
    info: VideoInfo | None = None,
) -> VideoAnalysis:
    """Judge one frame every ``interval_ms`` of ``path``; see the module docstring.

    Raises :class:`VideoRejected` for a file or parameters that cannot be analysed (before any
    frame is queued), and the station's errors (no model, stopped) as they happen.
    """
    started = time.perf_counter()
    settings = station.settings
    limit = getattr(getattr(settings, "analysis", None), "video_max_duration_s", 0)
    info = info or probe(path, max_duration_s=limit or None)
    if not bucket_ms or bucket_ms <= 0:
        raise VideoRejected(f"bucket_ms must be a positive number of milliseconds (got {bucket_ms:g})")
    file = display_name or Path(path).name
    total = sample_times(info, interval_ms)
    if total > 200_000:
        raise VideoRejected(f"{total} frames would be sampled; choose a longer interval")
    n_buckets = max(1, math.ceil(info.duration_ms / bucket_ms))
    out = VideoAnalysis(file=file, info=info, interval_ms=float(interval_ms), bucket_ms=float(bucket_ms),
                        buckets=[Bucket(i * bucket_ms) for i in range(n_buckets)])
    cancel = cancel or threading.Event()

    writer = None
    if processed:
        store = getattr(station, "image_store", None)
        when = datetime.now()
        if store is not None:
            target, relative = store.video_path(when, file, "tmp")
        else:
            from storage.images import IMAGES_DIR, safe_stem

            day = when.strftime("%Y-%m-%d")
            folder = settings.data_dir / IMAGES_DIR / day
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / f"{when.strftime('%H%M%S_%f')}_{safe_stem(file)}_video.tmp"
            relative = f"{IMAGES_DIR}/{day}/{target.name}"
        fps_out = min(info.fps, max(1.0, 1000.0 / float(interval_ms)))
        writer, written, fourcc = open_writer(target.with_suffix(""), fps_out, (info.width, info.height))
        out.processed_video = relative.rsplit("/", 1)[0] + "/" + written.name
        out.processed_codec = fourcc

    window = max(1, min(int(settings.inference.max_batch), max(1, station.queue_capacity // 2)))
    pending: deque[tuple[SampledFrame, Any]] = deque()

    def finish_one() -> None:
        frame, future = pending.popleft()
        found = future.result()
        result = found if not hasattr(found, "record") else found.result
        rec = getattr(found, "record", None)
        fv = FrameVerdict(frame.time_ms, frame.index, result.verdict, float(result.normalized_score),
                          int(result.defect_count), getattr(rec, "id", None), getattr(rec, "part_id", None))
        out.frames.append(fv)
        bucket = out.buckets[min(len(out.buckets) - 1, int(frame.time_ms // bucket_ms))]
        bucket.parts += 1
        bucket.defects += fv.defect_count
        if fv.verdict == "NG":
            bucket.ng += 1
        else:
            bucket.ok += 1
        if writer is not None or on_frame is not None:
            annotated = burn_in(frame.image, result, frame.time_ms)
            if writer is not None:
                writer.write(annotated)
            if on_frame is not None:
                on_frame(fv, result, annotated, bucket)
        if progress is not None:
            progress(len(out.frames), total)
        if partial is not None:
            partial(out)

    try:
        for frame in sample(info, interval_ms, cancel):
            while len(pending) >= window:
                finish_one()
            name = f"{file}@{int(round(frame.time_ms))}"
            while True:
                try:
                    future = station.inspect(frame.image, source=SOURCE, name=name, record=record)
                    break
                except StationBusy:  # the live camera or the PLC filled the queue: wait for room
                    if cancel.is_set():
                        future = None
                        break
                    if pending:
                        finish_one()
                    else:
                        time.sleep(0.02)
            if future is None:
                break
            pending.append((frame, future))
        while pending:  # cancelled or done: frames already queued are judged (and recorded)
            finish_one()
    finally:
        for _frame, future in pending:
            future.cancel()
        if writer is not None:
            writer.release()
            final = settings.data_dir / out.processed_video if out.processed_video else None
            store = getattr(station, "image_store", None)
            if final is not None and final.exists() and store is not None:
                store.add_file(final)
    out.cancelled = cancel.is_set()
    out.elapsed_s = time.perf_counter() - started
    return out
