"""The PEKAT query string as the official client really sends it."""

from __future__ import annotations

import pytest

from api.errors import ApiError
from api.protocol import AnalyzeQuery, flag, frame_size, parse_query


def test_bare_flags_and_values():
    q = parse_query(b"response_type=image&data=None&height=4&width=5&context_in_body")
    assert q == {"response_type": "image", "data": "None", "height": "4", "width": "5", "context_in_body": None}
    assert flag(q, "context_in_body") is True
    assert flag(q, "bayer") is False
    assert flag(parse_query("bayer"), "bayer") is True
    assert flag(parse_query("bayer=false"), "bayer") is False
    with pytest.raises(ApiError) as err:
        flag(parse_query("bayer=maybe"), "bayer")
    assert err.value.status == 400


def test_data_none_literal_means_no_data():
    assert AnalyzeQuery.parse(parse_query("data=None")).data is None
    assert AnalyzeQuery.parse(parse_query("")).data is None
    assert AnalyzeQuery.parse(parse_query("data=")).data == ""


def test_unencoded_data_keeps_first_part_and_ignores_strays():
    # the client does not URL-encode data: "data=a b&c=1" arrives as data="a b" plus c=1
    q = parse_query("response_type=context&data=a%20b&c=1&api_key=K")
    p = AnalyzeQuery.parse(q)
    assert p.data == "a b" and p.api_key == "K" and p.response_type == "context"
    assert q["c"] == "1"


def test_percent_and_utf8_decoding():
    q = parse_query("data=%E9%9B%B6%E4%BB%B6-7%2B8&x=caf%E9")
    assert q["data"] == "零件-7+8"
    assert q["x"] == "café"  # not UTF-8: read as Latin-1 instead of failing


def test_first_occurrence_wins_and_order_free():
    q = parse_query("api_key=first&response_type=heatmap&api_key=second")
    assert AnalyzeQuery.parse(q).api_key == "first"
    assert AnalyzeQuery.parse(q).response_type == "heatmap"


def test_unknown_response_type_is_400():
    with pytest.raises(ApiError) as err:
        AnalyzeQuery.parse(parse_query("response_type=pdf"))
    assert err.value.status == 400 and "response_type" in err.value.reason


@pytest.mark.parametrize("query, status", [
    ("width=abc&height=10", 400), ("width=10", 400), ("width=0&height=10", 400),
    ("width=-5&height=10", 400), ("width=100000&height=100000", 413), ("width=10.5&height=3", 400),
])
def test_frame_size_errors(query, status):
    with pytest.raises(ApiError) as err:
        frame_size(parse_query(query), max_pixels=50_000_000)
    assert err.value.status == status


def test_frame_size_ok():
    assert frame_size(parse_query("height=1024&width=1280"), 50_000_000) == (1280, 1024)
