"""mypy, strict, over the core modules listed in pyproject.toml ([tool.mypy] files)."""

from __future__ import annotations

import pytest

from .tools import run

pytestmark = pytest.mark.slow


def test_mypy_finds_nothing():
    output = run("mypy")
    assert output.startswith("Success"), output
