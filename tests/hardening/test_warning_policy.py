"""The suite turns Python warnings raised from the project's own modules into errors."""

from __future__ import annotations

import warnings

import pytest


def test_a_warning_from_a_project_module_is_an_error():
    import station.settings as mod

    with pytest.raises(UserWarning):
        warnings.warn_explicit("deprecated thing", UserWarning, mod.__file__, 1, module=mod.__name__)


def test_a_warning_from_a_third_party_module_is_not():
    with warnings.catch_warnings(record=True):
        warnings.warn_explicit("their problem", UserWarning, "x.py", 1, module="somelib.sub")
