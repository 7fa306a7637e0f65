"""Frames of a video file sampled by *video time*: one every ``interval_ms`` of the recording.

Why by video time: a line camera's recording is analysed faster (or slower) than it was shot, and
"one part per second of the shift" must mean seconds of the shift, not seconds of analysis. The
time of frame *i* is ``i / fps``: frame-accurate for the constant-rate files line cameras and
OpenCV write. The container's frame count only sizes the progress bar; reading goes on to the
real end of the file. Frames between samples are grabbed, not converted into images.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from camera.frames import SourceError


class VideoRejected(SourceError):
    """The file or the parameters cannot be analysed; ``str(exc)`` says why (shown as 4xx / dialog)."""


@dataclass(frozen=True)
class VideoInfo:
    path: Path
    fps: float
    frame_count: int
    width: int
    height: int
    codec: str  # fourcc as text, "" when the backend does not tell

    @property
    def duration_ms(self) -> float:
        return self.frame_count * 1000.0 / self.fps if self.fps > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"fps": round(self.fps, 4), "frame_count": self.frame_count, "width": self.width,
                "height": self.height, "codec": self.codec, "duration_ms": round(self.duration_ms, 1)}


@dataclass(frozen=True, eq=False)
class SampledFrame:
    index: int  # frame number in the file
    time_ms: float  # video time of the frame
    image: np.ndarray  # BGR uint8


def _fourcc(cap: Any) -> str:
    code = int(cap.get(cv2.CAP_PROP_FOURCC) or 0)
    text = "".join(chr((code >> (8 * i)) & 0xFF) for i in range(4)) if code else ""
    return text if text.isprintable() else ""


def probe(path: str | Path, *, max_duration_s: float | None = None) -> VideoInfo:
    """Open the file and read its first frame; raises :class:`VideoRejected` with the reason."""
    path = Path(path)
    if not path.is_file():
        raise VideoRejected(f"video file not found: {path.name}")
    if path.stat().st_size == 0:
        raise VideoRejected(f"{path.name} is empty (0 bytes)")
    cap = cv2.VideoCapture(str(path))
    try:
        if not cap.isOpened():
            raise VideoRejected(f"{path.name} is not a video OpenCV can open (unknown format or codec)")
        fps = float(cap.get(cv2.CAP_PROP_FPS) or 0.0)
        count = int(cap.get(cv2.CAP_PROP_FRAME_COUNT) or 0)
        codec = _fourcc(cap)
        ok, first = cap.read()
        if not ok or first is None:
            raise VideoRejected(f"{path.name}: no frame can be decoded (unsupported codec "
                                f"{codec or 'unknown'}, or a damaged file)")
        if not 0.5 <= fps <= 1000:
            raise VideoRejected(f"{path.name}: the frame rate ({fps:g}) is missing or implausible")
        if count <= 0:
            raise VideoRejected(f"{path.name} has no frames (zero-length video)")
        info = VideoInfo(path, fps, count, int(first.shape[1]), int(first.shape[0]), codec)
    finally:
        cap.release()
    if max_duration_s and info.duration_ms > max_duration_s * 1000:
        raise VideoRejected(f"{path.name} lasts {info.duration_ms / 60000:.1f} min, more than the "
                            f"{max_duration_s / 60:.0f} min limit (settings: analysis.video_max_duration_s); "
                            "split the recording")
    return info


def check_interval(info: VideoInfo, interval_ms: float) -> None:
    if not interval_ms or interval_ms <= 0:
        raise VideoRejected(f"interval must be a positive number of milliseconds (got {interval_ms:g})")
    if interval_ms > info.duration_ms:
        raise VideoRejected(f"interval {interval_ms:g} ms is longer than the video "
                            f"({info.duration_ms:.0f} ms): nothing would be sampled after the first frame")


def sample_times(info: VideoInfo, interval_ms: float) -> int:
    """How many frames :func:`sample` yields (for progress bars)."""
    count = 0
    target = 0.0
    step = 1000.0 / info.fps
    for i in range(info.frame_count):
        t = i * step
        if t + 1e-6 >= target:
            count += 1
            target += interval_ms
            while target <= t:
                target += interval_ms
    return count


def sample(info: VideoInfo, interval_ms: float, stop: threading.Event | None = None,
           ) -> Iterator[SampledFrame]:
    """Yield the first frame at or after each multiple of ``interval_ms`` (0, interval, 2·interval …)."""
    check_interval(info, interval_ms)
    cap = cv2.VideoCapture(str(info.path))
    if not cap.isOpened():
        raise VideoRejected(f"{info.path.name} can no longer be opened")
    try:
        step = 1000.0 / info.fps
        target = 0.0
        index = 0
        while stop is None or not stop.is_set():
            t = index * step
            wanted = t + 1e-6 >= target
            if wanted:
                ok, image = cap.read()
            else:
                ok, image = cap.grab(), None
            if not ok or (wanted and image is None):
                return  # end of the file (or a truncated tail: what was readable is analysed)
            if wanted and image is not None:
                yield SampledFrame(index, round(t, 3), image)
                target += interval_ms
                while target <= t:
                    target += interval_ms
            index += 1
    finally:
        cap.release()
