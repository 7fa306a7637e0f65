"""Video analysis over HTTP (the user's video back end, for parts instead of pedestrians).

``POST /video``: multipart ``video`` + ``interval`` (ms of video time) [+ ``bucket_ms``, ``record``,
``mode``] → the per-frame and per-bucket arrays and ``processed_video_url``; a video with more
sampled frames than ``analysis.video_sync_max_frames`` (or ``mode=job``) runs as a job: ``202``
with ``job_id``; ``GET /video/jobs/{id}`` for progress and result, ``DELETE`` to cancel.
``POST /video-streaming``: the same analysis as newline-delimited JSON, one object per sampled
frame as soon as it is judged (annotated JPEG included), then one summary object.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import queue
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cv2
from fastapi import APIRouter, Depends, Request
from fastapi.responses import FileResponse, JSONResponse, StreamingResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from api import inspection
from api.auth import check_request
from api.errors import ApiError, bad_request, from_station_error, not_found, too_large
from station.errors import StationError

log = logging.getLogger(__name__)

router = APIRouter(tags=["video analysis"], dependencies=[Depends(check_request)])

VIDEO_SUFFIXES = (".mp4", ".avi", ".mkv", ".mov", ".m4v", ".webm", ".wmv", ".mpg", ".mpeg", ".ts")
STREAM_SIDE = 960  # long side of the streamed JPEG frames


def _analysis_settings(request: Request) -> Any:
    from station.settings import AnalysisSettings

    return getattr(request.app.state.settings, "analysis", None) or AnalysisSettings()


def _number(form: Any, name: str, default: float | None) -> float:
    raw = form.get(name)
    if raw is None or raw == "":
        if default is None:
            raise bad_request(f"missing form field '{name}' (milliseconds)")
        return default
    try:
        value = float(str(raw))
    except ValueError:
        raise bad_request(f"{name} must be a number of milliseconds, got {str(raw)[:40]!r}") from None
    if not value > 0:
        raise bad_request(f"{name} must be a positive number of milliseconds (got {value:g})")
    return value


def _flag(form: Any, name: str, default: bool) -> bool:
    raw = form.get(name)
    if raw is None or raw == "":
        return default
    text = str(raw).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise bad_request(f"{name} must be true or false, got {text[:20]!r}")


async def _receive(request: Request) -> tuple[Path, str, Any, Path]:
    """Multipart → (video copied to a private temp file, original name, form, temp dir)."""
    limit = int(_analysis_settings(request).video_max_mb) * 2**20
    declared = request.headers.get("content-length")
    if limit and declared and declared.isdigit() and int(declared) > limit + 2**20:
        raise too_large(f"upload of {int(declared)} bytes exceeds the {limit // 2**20} MB limit "
                        "(settings: analysis.video_max_mb)")
    try:
        form = await request.form(max_files=2, max_fields=16)
    except Exception as exc:  # noqa: BLE001 - malformed multipart is the client's error
        raise bad_request(f"expected multipart/form-data with the file in field 'video': {exc}") from None
    upload = form.get("video")
    if not isinstance(upload, UploadFile):
        await form.close()
        raise bad_request("no video provided: send the file in the multipart field 'video'")
    name = Path(upload.filename or "video.mp4").name or "video.mp4"
    suffix = Path(name).suffix.lower()
    if suffix and suffix not in VIDEO_SUFFIXES:
        await form.close()
        raise ApiError(415, "unsupported_media_type",
                       f"{name}: not a video file name (expected one of {', '.join(VIDEO_SUFFIXES)})")
    tmpdir = Path(tempfile.mkdtemp(prefix="qcs-video-"))
    target = tmpdir / f"upload{suffix or '.mp4'}"  # never the client's name on disk

    def copy() -> int:
        size = 0
        upload.file.seek(0)
        with open(target, "wb") as fh:
            while chunk := upload.file.read(1 << 20):
                size += len(chunk)
                if limit and size > limit:
                    raise too_large(f"{name} exceeds the {limit // 2**20} MB limit (settings: analysis.video_max_mb)")
                fh.write(chunk)
        return size

    try:
        await run_in_threadpool(copy)
    except BaseException:
        shutil.rmtree(tmpdir, ignore_errors=True)
        await form.close()
        raise
    await form.close()
    return target, name, form, tmpdir


def _probe(request: Request, path: Path, name: str, interval_ms: float) -> Any:
    from camera.video_sampling import VideoRejected, check_interval, probe

    try:
        info = probe(path, max_duration_s=_analysis_settings(request).video_max_duration_s or None)
        check_interval(info, interval_ms)
    except VideoRejected as exc:
        text = str(exc).replace(path.name, name)
        status = 413 if "limit" in text else (415 if "codec" in text or "not a video" in text else 400)
        error = {413: "too_large", 415: "unsupported_media_type", 400: "bad_request"}[status]
        raise ApiError(status, error, text) from None
    return info


def processed_url(relative: str | None) -> str | None:
    if not relative:
        return None
    parts = relative.split("/")
    return f"/video/files/{parts[-2]}/{parts[-1]}" if len(parts) >= 3 else None


def _answer(result: Any) -> dict[str, Any]:
    data = result.to_dict()
    data["processed_video_url"] = processed_url(result.processed_video)
    return data


@dataclass
class _Upload:
    info: Any  # camera.video_sampling.VideoInfo
    path: Path  # private temp copy
    name: str  # the client's file name (shown, never used on disk)
    form: Any
    tmpdir: Path
    interval: float
    bucket: float
    record: bool

    def discard(self) -> None:
        shutil.rmtree(self.tmpdir, ignore_errors=True)

    def analyse(self, station: Any, **options: Any) -> Any:
        """``analyse_video`` of this upload as its form asked (interval, buckets, record, the client's
        name); the private copy is removed whatever the outcome."""
        from station.video_analysis import analyse_video

        try:
            return analyse_video(station, self.path, interval_ms=self.interval, bucket_ms=self.bucket,
                                 record=self.record, display_name=self.name, info=self.info, **options)
        finally:
            self.discard()


async def _prepare(request: Request) -> _Upload:
    """Receive, check the common fields and probe the video; any refusal leaves no temp file."""
    station = request.app.state.station
    inspection.ensure_model(station)
    path, name, form, tmpdir = await _receive(request)
    try:
        interval = _number(form, "interval", None)
        bucket = _number(form, "bucket_ms", 60_000.0)
        record = _flag(form, "record", True)
        info = await run_in_threadpool(_probe, request, path, name, interval)
    except BaseException:
        shutil.rmtree(tmpdir, ignore_errors=True)
        raise
    return _Upload(info, path, name, form, tmpdir, interval, bucket, record)


@router.post("/video", summary="Analyse a video file: one frame every `interval` ms of video time")
async def post_video(request: Request) -> JSONResponse:
    from camera.video_sampling import VideoRejected, sample_times
    from station.jobs import TooManyJobs

    station = request.app.state.station
    up = await _prepare(request)
    mode = str(up.form.get("mode") or "auto").lower()
    if mode not in ("auto", "sync", "job"):
        up.discard()
        raise bad_request("mode must be auto, sync or job")
    frames = sample_times(up.info, up.interval)
    as_job = mode == "job" or (mode == "auto" and frames > _analysis_settings(request).video_sync_max_frames)

    def run(job: Any = None) -> Any:
        return up.analyse(station, cancel=job.cancelled if job is not None else None,
                          progress=(lambda d, t: job.progress(d, t)) if job is not None else None,
                          partial=job.set_partial if job is not None else None)

    if as_job:
        try:
            job = station.jobs.submit("video", run)
        except TooManyJobs as exc:
            up.discard()
            raise ApiError(409, "busy", str(exc)) from None
        job.progress(0, frames, f"analysing {up.name}")
        return JSONResponse({"job_id": job.id, "status_url": f"/video/jobs/{job.id}", "frames_to_sample": frames,
                             **up.info.to_dict()}, status_code=202)
    try:
        result = await run_in_threadpool(run)
    except VideoRejected as exc:
        raise bad_request(str(exc)) from None
    except StationError as exc:
        raise from_station_error(exc) from None
    return JSONResponse(_answer(result))


def _job(request: Request, job_id: str) -> Any:
    job = request.app.state.station.jobs.get(job_id)
    if job is None or job.kind != "video":
        raise not_found(f"no video job {job_id!r} (finished jobs are kept for an hour)")
    return job


def _job_answer(job: Any) -> dict[str, Any]:
    status = job.status()
    data = status.to_dict()
    if status.result is not None:
        data["result"] = _answer(status.result)
        data["frames_recorded"] = status.result.recorded
    return data


@router.get("/video/jobs/{job_id}", summary="Progress and (when done) the result of a video job")
def get_job(request: Request, job_id: str) -> dict[str, Any]:
    return _job_answer(_job(request, job_id))


@router.delete("/video/jobs/{job_id}", summary="Cancel a video job (frames already judged stay recorded)")
def cancel_job(request: Request, job_id: str) -> dict[str, Any]:
    job = _job(request, job_id)
    job.cancel()
    job.wait(30)
    return _job_answer(job)


@router.get("/video/files/{day}/{name}", summary="A processed (annotated) video", response_class=FileResponse)
def video_file(request: Request, day: str, name: str) -> FileResponse:
    import re

    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day) or not re.fullmatch(r"[\w\-.]+_video(-\d+)?\.(mp4|avi)", name):
        raise not_found("no such processed video")
    root = request.app.state.settings.data_dir.resolve()
    path = (root / "images" / day / name).resolve()
    if not path.is_relative_to(root) or not path.is_file():
        raise not_found("the processed video is no longer on disk (pruned by the image quota?)")
    media = "video/mp4" if name.endswith(".mp4") else "video/x-msvideo"
    return FileResponse(path, media_type=media)


def _jpeg_data_url(image: Any) -> str:
    h, w = image.shape[:2]
    scale = min(1.0, STREAM_SIDE / max(h, w))
    if scale < 1.0:
        image = cv2.resize(image, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_AREA)
    ok, buf = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 80])
    return "data:image/jpeg;base64," + base64.b64encode(buf.tobytes()).decode("ascii") if ok else ""


@router.post("/video-streaming", summary="Analyse a video, one NDJSON object per sampled frame as it is judged")
async def post_video_streaming(request: Request) -> StreamingResponse:
    station = request.app.state.station
    up = await _prepare(request)
    try:
        with_images = _flag(up.form, "frames", True)
    except BaseException:
        up.discard()
        raise
    lines: queue.Queue = queue.Queue(maxsize=64)
    cancel = threading.Event()
    end = object()

    def put(item: Any) -> None:
        while not cancel.is_set():
            try:
                lines.put(item, timeout=0.5)
                return
            except queue.Full:
                continue

    def on_frame(fv: Any, _result: Any, annotated: Any, bucket_now: Any) -> None:
        obj = fv.to_dict()
        obj.update(bucket_start_ms=bucket_now.start_ms, ok=bucket_now.ok, ng=bucket_now.ng,
                   parts_in_bucket=bucket_now.parts)
        if with_images and annotated is not None:
            obj["frame_base64"] = _jpeg_data_url(annotated)
        put(json.dumps(obj) + "\n")

    def work() -> None:
        try:
            result = up.analyse(station, cancel=cancel, on_frame=on_frame)
            summary = _answer(result)
            summary.pop("frames", None)
            put(json.dumps({"done": True, **summary}) + "\n")
        except Exception as exc:  # noqa: BLE001 - the stream has started: the error is its last line
            reason = str(exc) or type(exc).__name__
            put(json.dumps({"done": True, "error": "analysis_failed", "reason": reason}) + "\n")
        finally:
            up.discard()  # also when the analysis never started
            put(end)

    threading.Thread(target=work, name="qcs-video-stream", daemon=True).start()

    idle = object()

    def next_line() -> Any:
        try:
            return lines.get(timeout=0.5)
        except queue.Empty:
            return idle  # wake up now and then so a gone client never strands this thread

    async def body():
        try:
            while True:
                item = await asyncio.get_running_loop().run_in_executor(None, next_line)
                if item is idle:
                    continue
                if item is end:
                    return
                yield item
        finally:
            cancel.set()  # client gone or stream done: stop sampling

    return StreamingResponse(body(), media_type="application/x-ndjson",
                             headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})
