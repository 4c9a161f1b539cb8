"""mypy, strict, over the whole package: the core, the command line and the terminal UI."""

from __future__ import annotations

import tomllib

import pytest

from .tools import ROOT, run

pytestmark = pytest.mark.slow


def test_mypy_finds_nothing():
    output = run("mypy")
    assert output.startswith("Success"), output


def test_every_module_is_type_checked_strictly():
    """mypy reads the whole package and leaves nothing out: the core, the command line and the
    terminal UI; no override relaxes a UI module (the relaxed ones are glue to untyped libraries)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert config["files"] == ["src/storybank"]
    assert "exclude" not in config
    assert config["strict"] is True
    relaxed = [m for o in config.get("overrides", []) for m in o["module"] if m.startswith("storybank.ui")]
    assert relaxed == []
