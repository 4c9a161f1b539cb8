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
    """mypy reads the whole package and leaves nothing out: the core, the command line, the
    terminal UI, the export and spoken practice; no override lets a module of ours go without
    annotations (the glue to the untyped audio, speech and PDF libraries is annotated too, with
    `Any` where a library's values are untyped). Only the Windows branch of `atomic` is allowed
    to be unreachable."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert config["files"] == ["src/storybank"]
    assert "exclude" not in config
    assert config["strict"] is True
    relaxed = {m: sorted(set(o) - {"module", "warn_unreachable"}) for o in config.get("overrides", [])
               for m in o["module"] if m.startswith("storybank")}
    assert all(keys == [] for keys in relaxed.values()), relaxed
