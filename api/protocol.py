"""The PEKAT VISION query string, parsed the way the official client actually sends it.

Why not FastAPI's query parsing: the client sends bare flags (``context_in_body``, ``bayer``),
the literal ``data=None`` when no data is given, does not URL-encode ``data`` (so stray
parameters appear), and orders parameters freely. We take what arrives and ignore the rest.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import unquote_to_bytes

from api.errors import ApiError, bad_request, too_large

RESPONSE_TYPES = ("context", "image", "annotated_image", "heatmap")
MAX_DATA_CHARS = 4096  # the data string becomes the part id; keep the history usable
_TRUE = {"", "1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def parse_query(raw: bytes | str) -> dict[str, str | None]:
    """``a=1&flag&b=x y`` -> ``{"a": "1", "flag": None, "b": "x y"}``; the first occurrence wins.

    A bare flag maps to ``None`` (present, no value); ``flag=`` maps to ``""``. Percent escapes
    and ``+`` are decoded as a form would be; bytes that are not UTF-8 are read as Latin-1.
    """
    data = raw.encode("utf-8") if isinstance(raw, str) else raw
    out: dict[str, str | None] = {}
    for part in data.split(b"&"):
        if not part:
            continue
        key_b, eq, value_b = part.partition(b"=")
        key = _decode(key_b)
        if key and key not in out:
            out[key] = _decode(value_b) if eq else None
    return out


def _decode(text: bytes) -> str:
    raw = unquote_to_bytes(text.replace(b"+", b" "))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def flag(query: dict[str, str | None], name: str) -> bool:
    """A bare ``name`` or ``name=1/true/yes/on`` is set; absent or ``0/false/no/off`` is not."""
    if name not in query:
        return False
    value = (query[name] or "").strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise bad_request(f"{name} must be a bare flag or true/false, got {query[name]!r}")


def positive_int(query: dict[str, str | None], name: str) -> int:
    raw = query.get(name)
    if raw is None or raw.strip() == "":
        raise bad_request(f"query parameter {name} is required (a positive integer, pixels)")
    try:
        value = int(raw.strip())
    except ValueError:
        raise bad_request(f"{name} must be a positive integer, got {raw!r}") from None
    if value <= 0:
        raise bad_request(f"{name} must be a positive integer, got {value}")
    return value


def check_pixels(width: int, height: int, max_pixels: int) -> None:
    """Refuse before allocating: an absurd frame size answers 413 instead of exhausting memory."""
    if max_pixels and width * height > max_pixels:
        raise too_large(
            f"image of {width}×{height} = {width * height} px exceeds the limit of {max_pixels} px "
            "(settings: server.max_pixels)"
        )


@dataclass(frozen=True)
class AnalyzeQuery:
    """What an analyze request asks for, validated."""

    response_type: str = "context"
    data: str | None = None
    api_key: str | None = None
    context_in_body: bool = False
    extra: dict[str, str | None] = field(default_factory=dict)

    @classmethod
    def parse(cls, query: dict[str, str | None]) -> AnalyzeQuery:
        rtype = query.get("response_type")
        rtype = "context" if rtype is None or rtype == "" else rtype.strip()
        if rtype not in RESPONSE_TYPES:
            raise bad_request(f"unknown response_type {rtype!r}; expected one of {', '.join(RESPONSE_TYPES)}")
        data = query.get("data")
        if data == "None":  # the official client's spelling of "no data"
            data = None
        if data is not None and len(data) > MAX_DATA_CHARS:
            raise bad_request(f"data is {len(data)} characters; at most {MAX_DATA_CHARS} are accepted")
        return cls(
            response_type=rtype,
            data=data,
            api_key=query.get("api_key"),
            context_in_body=flag(query, "context_in_body"),
            extra=query,
        )


def frame_size(query: dict[str, str | None], max_pixels: int) -> tuple[int, int]:
    """``(width, height)`` from the query, checked against the pixel limit."""
    width = positive_int(query, "width")
    height = positive_int(query, "height")
    check_pixels(width, height, max_pixels)
    return width, height


__all__ = [
    "RESPONSE_TYPES",
    "AnalyzeQuery",
    "ApiError",
    "check_pixels",
    "flag",
    "frame_size",
    "parse_query",
    "positive_int",
]
