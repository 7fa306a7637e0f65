"""PEKAT VISION routes: what the official client (``PekatVisionSDK.Instance``) calls, unchanged.

See ``docs/api.md`` and ``../shared/docs/pekat-protocol.md``. Every analysed image goes through
the station core, so it is recorded (source ``http``, ``data`` as part id) and shown live.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from starlette.concurrency import run_in_threadpool

from api import budget, idempotency, images, inspection, rawimage, shm
from api.auth import request_key, require_key
from api.bearer import bearer_token, check_bearer
from api.context import build_context
from api.errors import ApiError
from api.protocol import RESPONSE_TYPES, AnalyzeQuery, flag, frame_size, parse_query
from api.responses import pekat_response, render_png

# /version answers at least 3.18.0 so a client on the same host sends numpy frames through
# shared memory instead of the socket (the client compares with packaging.version).
PEKAT_VERSION = "3.19.0"

router = APIRouter(tags=["PEKAT VISION"])


def _param(name: str, description: str, schema: dict[str, Any] | None = None,
           required: bool = False) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": required, "description": description,
            "schema": schema or {"type": "string"}}


_COMMON = [
    _param("response_type", "context (default), image, annotated_image or heatmap",
           {"type": "string", "enum": list(RESPONSE_TYPES), "default": "context"}),
    _param("data", "free text copied into the context's `data` and stored as the part id; "
                   "the literal `None` means no data"),
    _param("api_key", "required when the station has an API key"),
    _param("context_in_body", "bare flag: body = PNG + context JSON, header `ImageLen` = PNG length; "
                              "otherwise header `ContextBase64utf`", {"type": "boolean"}),
]
_SIZE = [_param("width", "frame width in pixels", {"type": "integer", "minimum": 1}, True),
         _param("height", "frame height in pixels", {"type": "integer", "minimum": 1}, True)]
_OCTETS = {"required": True, "content": {"application/octet-stream": {
    "schema": {"type": "string", "format": "binary"}}}}
_ANSWERS = {
    "200": {"description": "context JSON, or a PNG with the context (see response_type)",
            "content": {"application/json": {}, "image/png": {}, "application/octet-stream": {}}},
    "400": {"description": "bad request: `{error, reason}`"},
    "401": {"description": "missing or wrong API key"},
    "413": {"description": "image above server.max_pixels"},
    "503": {"description": "`no_model`, `busy` (queue full) or `stopped`"},
    "504": {"description": "no verdict within server.request_timeout_s"},
}


@router.get("/ping", summary="Liveness", response_class=PlainTextResponse)
async def ping() -> str:
    return "pong"


@router.get("/version", summary="PEKAT protocol version (plain text)", response_class=PlainTextResponse)
async def version() -> str:
    return PEKAT_VERSION


@router.get("/stop", summary="Stop (refused: the station is not the client's own process)")
async def stop() -> JSONResponse:
    return ApiError(403, "forbidden", "this server is a QC Station endpoint; it cannot be stopped over HTTP").response()


Decoder = Callable[[bytes], Any]  # an array, or an inference.working_image.Decoded


async def _analyze(request: Request, prepare: Callable[[dict[str, str | None], int], Decoder],
                   *, needs_body: bool, cost: Callable[[dict[str, str | None], bytes], int] | None = None
                   ) -> Response:
    """Auth, parameters, model check, body, decode + inspect off the loop, then the answer.

    ``prepare(query, max_pixels)`` validates the route's own parameters (size, shm name) before
    the body is read and returns the decoder that turns the body into an image.
    """
    settings = request.app.state.settings
    station = request.app.state.station
    query = parse_query(request.scope.get("query_string", b""))
    if bearer_token(request) is not None:  # a machine-API token is accepted beside the key
        check_bearer(request, bearer_token(request) or "")
    else:
        require_key(settings.server.api_key, request_key(request, query))
    params = AnalyzeQuery.parse(query)
    max_pixels = settings.server.max_pixels
    decode = prepare(query, max_pixels)
    request_id = idempotency.request_id_of(request, query)
    done = (await idempotency.stored(station, request_id)).get(0)
    if done is not None:  # a retry: answer from the record, judge nothing
        return await _replay(station, done, params)
    inspection.ensure_model(station)
    memory = request.app.state.body_budget
    held = await budget.reserve_body(memory, request.headers.get("content-length") if needs_body else None,
                                     settings.server.request_timeout_s)
    body = b""
    try:
        body = await images.read_body(request, images.body_limit(max_pixels)) if needs_body else b""
        held = memory.shrink(held, len(body))  # the chunks are gone; the body stays until the answer
        return await _judge(request, station, settings, params, query, decode, body, request_id, cost)
    finally:
        body = b""  # noqa: F841 - dropped before the pages are handed back
        memory.release(held)
        await run_in_threadpool(budget.trim_when_idle, request.app.state.budget, memory)


async def _judge(request: Request, station: Any, settings: Any, params: AnalyzeQuery,
                 query: dict[str, str | None], decode: Decoder, body: bytes, request_id: str | None,
                 cost: Callable[[dict[str, str | None], bytes], int] | None) -> Response:
    part_id = params.data or None  # "data=" (empty) is no part id
    timing: dict[str, float] = {}

    def timed_decode() -> Any:
        t0 = time.perf_counter()
        image = decode(body)
        timing["decode"] = (time.perf_counter() - t0) * 1000
        return image

    found = await inspection.inspect(
        station, timed_decode, name=part_id or inspection.default_name(),
        part_id=part_id, timeout=settings.server.request_timeout_s, timing=timing,
        tags=idempotency.tags(request_id), budget=request.app.state.budget,
        cost=(lambda: cost(query, body)) if cost is not None else None)
    machine = getattr(station, "machine", None)
    context = build_context(found.result, found.record, params.data,
                            machine.snapshot().state.value if machine is not None else None)
    png = None
    if params.response_type != "context":
        t0 = time.perf_counter()
        png = await run_in_threadpool(render_png, params.response_type, found)
        timing["render"] = (time.perf_counter() - t0) * 1000
    timing["model"] = float(found.record.processing_ms)
    response = pekat_response(context, png, context_in_body=params.context_in_body)
    response.headers["Server-Timing"] = server_timing(timing)
    return response


async def _replay(station: Any, record: Any, params: AnalyzeQuery) -> Response:
    found = idempotency.replayed(record)
    context = build_context(found.result, record, params.data)
    png = None
    if params.response_type != "context":
        png = await run_in_threadpool(idempotency.stored_png, station, record, params.response_type)
    response = pekat_response(context, png, context_in_body=params.context_in_body)
    response.headers["X-Request-Replayed"] = "true"
    return response


def server_timing(timing: dict[str, float]) -> str:
    """Standard ``Server-Timing`` header: where the time of this request went, in ms
    (decode, station = queue + model + recording, model, render)."""
    return ", ".join(f"{name};dur={value:.2f}" for name, value in timing.items())


@router.post("/analyze_image", summary="Analyze an encoded image (PNG, JPEG, BMP, TIFF, WebP)",
             openapi_extra={"parameters": _COMMON, "requestBody": _OCTETS, "responses": _ANSWERS})
async def analyze_image(request: Request) -> Response:
    station, settings = request.app.state.station, request.app.state.settings
    posted: dict[int, images.EncodedImage] = {}  # one header read for the cost and the decode

    def encoded(body: bytes, max_pixels: int) -> images.EncodedImage:
        return posted.setdefault(id(body), images.EncodedImage(body, max_pixels, station, settings))

    def prepare(query: dict[str, str | None], max_pixels: int) -> Decoder:
        def decode(body: bytes) -> Any:
            image = encoded(body, max_pixels)
            posted.pop(id(body), None)  # the body is not kept past its decode through this map
            return image.decode()

        return decode

    return await _analyze(request, prepare, needs_body=True,
                          cost=lambda _q, body: encoded(body, settings.server.max_pixels).cost())


@router.post("/analyze_raw_image", summary="Analyze raw uint8 pixels (BGR, grey, BGRA or Bayer RG8)",
             openapi_extra={"parameters": [*_COMMON, *_SIZE, _param(
                 "bayer", "bare flag: the body is H×W Bayer RG8 (R at the top-left) to demosaic",
                 {"type": "boolean"})], "requestBody": _OCTETS, "responses": _ANSWERS})
async def analyze_raw_image(request: Request) -> Response:
    def prepare(query: dict[str, str | None], max_pixels: int) -> Decoder:
        width, height = frame_size(query, max_pixels)  # 400/413 before the body is read
        bayer = flag(query, "bayer")
        return lambda body: rawimage.decode_raw(body, width, height, bayer=bayer, max_pixels=max_pixels)

    return await _analyze(request, prepare, needs_body=True, cost=_frame_cost)


@router.post("/analyze_image_shared_memory", summary="Analyze an H×W×3 frame from a shared-memory block",
             openapi_extra={"parameters": [*_COMMON, *_SIZE, _param(
                 "name", "POSIX shared-memory block created by the client on this host", required=True)],
                 "responses": _ANSWERS})
async def analyze_image_shared_memory(request: Request) -> Response:
    def prepare(query: dict[str, str | None], max_pixels: int) -> Decoder:
        _require_same_host(request)
        width, height = frame_size(query, max_pixels)
        name = query.get("name")
        return lambda body: shm.read_frame(name, width, height, max_pixels=max_pixels)

    return await _analyze(request, prepare, needs_body=False, cost=_frame_cost)


def _frame_cost(query: dict[str, str | None], _body: bytes) -> int:
    return budget.frame_cost(int(query.get("width") or 0), int(query.get("height") or 0))


def _require_same_host(request: Request) -> None:
    """Shared memory is a same-host transport; a remote caller must not read this host's blocks."""
    host = request.client.host if request.client else None
    if host is None or host == "testclient" or _is_local(host):
        return
    raise ApiError(403, "forbidden", "shared-memory analysis is only accepted from this host")


def _is_local(host: str) -> bool:
    import ipaddress
    import socket

    import psutil

    try:
        ip = ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        return False
    mapped = getattr(ip, "ipv4_mapped", None)
    ip = mapped or ip
    if ip.is_loopback:
        return True
    for iface in psutil.net_if_addrs().values():
        for a in iface:
            if a.family in (socket.AF_INET, socket.AF_INET6) and a.address.split("%")[0] == str(ip):
                return True
    return False
