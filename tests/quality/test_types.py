"""mypy, strict, over the whole package (the command line too) but the UI excluded in pyproject.toml."""

from __future__ import annotations

import tomllib

import pytest

from .tools import ROOT, run

pytestmark = pytest.mark.slow


def test_mypy_finds_nothing():
    output = run("mypy")
    assert output.startswith("Success"), output


def test_every_core_module_is_type_checked():
    """mypy reads the whole package; only front ends (never a core module) may be excluded, so
    the core is listed once, in the layering contract."""
    import re

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    assert config["mypy"]["files"] == ["src/storybank"]
    assert not any(re.search(x, "src/storybank/cli/commands/lint.py") for x in config["mypy"]["exclude"])
    contracts = {c["id"]: c for c in config["importlinter"]["contracts"]}
    for module in contracts["core"]["source_modules"]:
        path = "src/" + module.replace(".", "/")
        for candidate in (path + "/__init__.py", path + ".py"):
            assert not any(re.search(x, candidate) for x in config["mypy"].get("exclude", [])), candidate
