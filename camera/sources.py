"""The three capture sources: USB/UVC camera, video file, image folder."""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from camera.frames import Frame, FrameSource, SourceError
from common.images import IMAGE_SUFFIXES, natural_key  # noqa: F401 - re-exported (camera.natural_key)
from common.images import list_images as common_list_images

log = logging.getLogger(__name__)

def list_images(folder: str | Path, recursive: bool = False) -> list[Path]:
    """Image files of a folder in natural order (by relative path); not a folder: SourceError."""
    root = Path(folder)
    if not root.is_dir():
        raise SourceError(f"not a folder: {root}")
    return common_list_images(root, recursive=recursive, natural=True)


def decode_file(path: Path) -> np.ndarray:
    """Read an image as stored (grey stays grey); unicode paths work on Windows too."""
    try:
        data = np.fromfile(str(path), dtype=np.uint8)
    except OSError as exc:
        raise SourceError(f"cannot read {path.name}: {exc.strerror or exc}") from None
    image = cv2.imdecode(data, cv2.IMREAD_UNCHANGED) if data.size else None
    if image is None:
        raise SourceError(f"{path.name} is not a readable image")
    if image.ndim == 3 and image.shape[2] == 4:
        image = cv2.cvtColor(image, cv2.COLOR_BGRA2BGR)
    return image


class _Pacer:
    """Keeps a steady period between frames without drifting (next deadline = previous + period)."""

    def __init__(self, period_s: float) -> None:
        self.period_s = max(0.0, period_s)
        self._next: float | None = None

    def wait(self, stop: threading.Event) -> bool:
        """Sleep until the next tick; False when stopped meanwhile."""
        now = time.monotonic()
        if self._next is None or self.period_s <= 0:
            self._next = now + self.period_s
            return not stop.is_set()
        delay = self._next - now
        if delay > 0 and stop.wait(delay):
            return False
        # After a long stall (slow disk) restart the schedule instead of bursting to catch up.
        self._next = max(self._next + self.period_s, time.monotonic())
        return not stop.is_set()


class FolderSource(FrameSource):
    """Plays a folder of images like parts passing on a line, one every ``interval_s``.

    ``shuffle`` mixes the order each round (the seed-001 simulator does); ``loop`` starts over at
    the end. An unreadable file is skipped (and counted), never ends the run.
    """

    kind = "folder"

    def __init__(self, folder: str | Path, *, interval_s: float = 0.5, shuffle: bool = False,
                 loop: bool = False, recursive: bool = False, seed: int | None = None) -> None:
        self.folder = Path(folder)
        self.interval_s = max(0.0, float(interval_s))
        self.shuffle = shuffle
        self.loop = loop
        self.recursive = recursive
        self.paced = self.interval_s > 0
        self._rng = random.Random(seed)
        self._files: list[Path] = []
        self._order: list[Path] = []
        self._pos = 0
        self._pacer = _Pacer(self.interval_s)
        self.skipped: list[str] = []

    def open(self) -> None:
        self._files = list_images(self.folder, self.recursive)
        if not self._files:
            raise SourceError(f"no images in {self.folder}")
        self._new_round()

    def _new_round(self) -> None:
        self._order = list(self._files)
        if self.shuffle:
            self._rng.shuffle(self._order)
        self._pos = 0

    def __len__(self) -> int:
        return len(self._files)

    def read(self, stop: threading.Event, wait: bool = True) -> Frame | None:
        if not self._files:
            raise SourceError("folder source is not open")
        for _ in range(len(self._files) + 1):
            if self._pos >= len(self._order):
                if not self.loop:
                    return None
                self._new_round()
            path = self._order[self._pos]
            self._pos += 1
            if wait and self.paced and not self._pacer.wait(stop):
                return None
            if stop.is_set():
                return None
            try:
                image = decode_file(path)
            except SourceError as exc:
                log.warning("skipping %s", exc)
                self.skipped.append(str(exc))
                continue
            name = str(path.relative_to(self.folder)) if self.recursive else path.name
            return Frame(image=image, timestamp=time.time(), source="folder", name=name)
        raise SourceError(f"none of the images in {self.folder} can be read")

    def close(self) -> None:
        self._order = []

    def describe(self) -> str:
        return f"{self.folder} ({len(self._files)} images)"


class VideoFileSource(FrameSource):
    """A video file played at its own frame rate (``realtime``) or as fast as inference takes it."""

    kind = "video"

    def __init__(self, path: str | Path, *, realtime: bool = True, loop: bool = False) -> None:
        self.path = Path(path)
        self.realtime = realtime
        self.loop = loop
        self.paced = realtime
        self._cap: Any = None
        self._pacer = _Pacer(0.0)
        self._index = 0
        self.fps = 0.0
        self.frame_count = 0

    def open(self) -> None:
        if not self.path.is_file():
            raise SourceError(f"video file not found: {self.path}")
        cap = cv2.VideoCapture(str(self.path))
        if not cap.isOpened():
            cap.release()
            raise SourceError(f"cannot open video {self.path.name}: unknown format or codec")
        self._cap = cap
        fps = float(cap.get(cv2.CAP_PROP_FPS) or 0.0)
        self.fps = fps if 0.5 <= fps <= 1000 else 25.0
        self.frame_count = int(cap.get(cv2.CAP_PROP_FRAME_COUNT) or 0)
        self._pacer = _Pacer(1.0 / self.fps if self.realtime else 0.0)
        self._index = 0

    def read(self, stop: threading.Event, wait: bool = True) -> Frame | None:
        if self._cap is None:
            raise SourceError("video source is not open")
        if wait and self.paced and not self._pacer.wait(stop):
            return None
        ok, image = self._cap.read()
        if not ok:
            if not self.loop or self._index == 0:
                return None
            self._cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
            self._index = 0
            ok, image = self._cap.read()
            if not ok:
                return None
        self._index += 1
        return Frame(image=image, timestamp=time.time(), source="video",
                     name=f"{self.path.stem}#{self._index:06d}")

    def close(self) -> None:
        if self._cap is not None:
            self._cap.release()
            self._cap = None

    def describe(self) -> str:
        return f"{self.path.name} ({self.fps:.0f} fps)"


Opener = Callable[[int], Any]  # camera index -> cv2.VideoCapture-like object


def _open_capture(index: int) -> Any:
    return cv2.VideoCapture(index)


class CameraSource(FrameSource):
    """A USB/UVC camera by index; resolution, exposure and gain are applied where the driver allows.

    When the camera drops (cable pulled, driver hiccup) the source reconnects by itself with a
    growing pause (0.5 s … ``max_backoff_s``) until ``stop`` is set; ``status`` says what it does.
    """

    kind = "camera"
    paced = True

    def __init__(self, index: int = 0, *, width: int | None = None, height: int | None = None,
                 exposure: float | None = None, gain: float | None = None, fps: float | None = None,
                 max_backoff_s: float = 5.0, opener: Opener = _open_capture) -> None:
        self.index = int(index)
        self.width, self.height = width, height
        self.exposure, self.gain, self.fps = exposure, gain, fps
        self.max_backoff_s = max_backoff_s
        self._opener = opener
        self._cap: Any = None
        self._count = 0
        self.reconnects = 0
        self.status = "closed"
        self.ignored_settings: list[str] = []

    def open(self) -> None:
        if not self._try_open():
            raise SourceError(f"camera {self.index} is not available (not connected or in use)")

    def _try_open(self) -> bool:
        try:
            cap = self._opener(self.index)
        except Exception as exc:  # noqa: BLE001 - some backends raise instead of returning closed
            log.warning("camera %d: open failed: %s", self.index, exc)
            return False
        if cap is None or not cap.isOpened():
            if cap is not None:
                cap.release()
            return False
        self._cap = cap
        self._apply_settings()
        self.status = "open"
        return True

    def _apply_settings(self) -> None:
        wanted = [
            ("width", cv2.CAP_PROP_FRAME_WIDTH, self.width),
            ("height", cv2.CAP_PROP_FRAME_HEIGHT, self.height),
            ("fps", cv2.CAP_PROP_FPS, self.fps),
            ("exposure", cv2.CAP_PROP_EXPOSURE, self.exposure),
            ("gain", cv2.CAP_PROP_GAIN, self.gain),
        ]
        if self.exposure is not None:
            self._cap.set(cv2.CAP_PROP_AUTO_EXPOSURE, 1)  # manual on V4L2 (0.25 on some drivers)
        self.ignored_settings = []
        for name, prop, value in wanted:
            if value is None:
                continue
            if not self._cap.set(prop, float(value)):
                self.ignored_settings.append(name)
        if self.ignored_settings:
            log.info("camera %d ignores: %s", self.index, ", ".join(self.ignored_settings))

    def read(self, stop: threading.Event, wait: bool = True) -> Frame | None:
        backoff = 0.5
        while not stop.is_set():
            if self._cap is not None:
                ok, image = self._cap.read()
                if ok and image is not None:
                    self._count += 1
                    return Frame(image=image, timestamp=time.time(), source="camera",
                                 name=f"cam{self.index}-{self._count:06d}")
                log.warning("camera %d: frame read failed; reconnecting", self.index)
                self._cap.release()
                self._cap = None
            self.status = f"reconnecting in {backoff:.1f} s"
            if stop.wait(backoff):
                break
            backoff = min(self.max_backoff_s, backoff * 2)
            if self._try_open():
                self.reconnects += 1
                backoff = 0.5
        return None

    def close(self) -> None:
        if self._cap is not None:
            self._cap.release()
            self._cap = None
        self.status = "closed"

    def describe(self) -> str:
        return f"camera {self.index}"
