"""ruff runs as a test, so CI (which runs only the test command) enforces it."""

from __future__ import annotations

import pytest

from .tools import run

pytestmark = pytest.mark.slow


def test_ruff_finds_nothing():
    run("ruff", "check", "--no-cache", "src", "tests", "benchmarks")


def test_a_finding_fails_with_ruffs_own_message(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("import os\n", encoding="utf-8")
    with pytest.raises(AssertionError) as failure:
        run("ruff", "check", "--no-cache", "--isolated", "--select", "F401", str(bad))
    assert "F401" in str(failure.value) and "bad.py" in str(failure.value)
