"""Frame sources for the live view: USB/UVC camera, video file, image folder (no Qt).

    source = FolderSource("parts/", interval_s=0.5, shuffle=True, loop=True)
    worker = CaptureWorker(source, process=lambda frame: station.inspect(frame.image, ...))
    worker.start(); ...; worker.stop()

Every source yields :class:`Frame` values; the :class:`CaptureWorker` reads one source on its own
thread and lets the newest frame win when inference is slower than capture (dropped frames are
counted, never queued). HTTP arrivals do not pass through here: the station publishes them.
"""

from camera.frames import Frame, FrameSource, SourceError
from camera.sources import CameraSource, FolderSource, VideoFileSource, list_images, natural_key
from camera.worker import CaptureStats, CaptureWorker

__all__ = [
    "CameraSource",
    "CaptureStats",
    "CaptureWorker",
    "FolderSource",
    "Frame",
    "FrameSource",
    "SourceError",
    "VideoFileSource",
    "list_images",
    "natural_key",
]
