"""Tests that need ../shared/datasets skip without it on a developer's PC, but fail under CI=true."""

from __future__ import annotations

import pytest

from tests.conftest import in_ci, require_data


def test_present_data_is_returned(tmp_path):
    assert require_data(tmp_path, "here", env={"CI": "true"}) == tmp_path


def test_missing_data_skips_outside_ci(tmp_path):
    with pytest.raises(pytest.skip.Exception, match="nowhere"):
        require_data(tmp_path / "nowhere", "nowhere", env={})


@pytest.mark.parametrize("value", ["true", "TRUE", "1", "yes"])
def test_missing_data_fails_under_ci(tmp_path, value):
    assert in_ci({"CI": value})
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        require_data(tmp_path / "nowhere", "nowhere", env={"CI": value})


def test_ci_off_values():
    assert not in_ci({}) and not in_ci({"CI": "false"}) and not in_ci({"CI": "0"})
