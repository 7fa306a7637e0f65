"""The one value every source yields and the interface they share."""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from dataclasses import dataclass

import numpy as np


class SourceError(Exception):
    """A source cannot open or read; ``str(exc)`` is the reason shown to the operator."""


@dataclass(frozen=True, eq=False)
class Frame:
    """One captured image: OpenCV order (H×W grey or H×W×3 BGR), with where and when it came from."""

    image: np.ndarray
    timestamp: float  # time.time() at capture
    source: str  # "camera" | "video" | "folder" | "http" (the station's record sources)
    name: str  # file name, "cam0-000123", "clip.avi#42": shown and stored with the record
    part_id: str | None = None


class FrameSource(ABC):
    """A stream of frames read by exactly one thread (the capture worker).

    ``paced`` sources produce frames on their own clock (a camera, a video at its own rate, a
    folder at an interval): when inference is slower, the worker drops stale frames. Sources
    that are not paced are read only when the consumer is ready, so nothing is dropped.
    """

    kind: str = "?"
    paced: bool = True

    @abstractmethod
    def open(self) -> None:
        """Acquire the device or file; raises :class:`SourceError` with a readable reason."""

    @abstractmethod
    def read(self, stop: threading.Event, wait: bool = True) -> Frame | None:
        """The next frame; ``None`` at the end of a finite source or when ``stop`` is set.

        ``wait=False`` skips the source's own pacing (single-shot trigger).
        """

    @abstractmethod
    def close(self) -> None:
        """Release the device or file; safe to call twice."""

    def describe(self) -> str:
        return self.kind

    def __enter__(self) -> FrameSource:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
