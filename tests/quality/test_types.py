"""mypy, strict, over the core modules listed in pyproject.toml ([tool.mypy] files)."""

from __future__ import annotations

import tomllib

import pytest

from .tools import ROOT, run

pytestmark = pytest.mark.slow


def test_mypy_finds_nothing():
    output = run("mypy")
    assert output.startswith("Success"), output


def test_every_core_module_is_type_checked():
    """The core is what the layering contracts call the core (a test keeps that list complete)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    contracts = {c["id"]: c for c in config["importlinter"]["contracts"]}
    checked = {f.removeprefix("src/").removesuffix(".py").replace("/", ".")
               for f in config["mypy"]["files"]}
    core = set(contracts["core-no-ui"]["source_modules"])
    assert core <= checked, f"add to [tool.mypy] files: {sorted(core - checked)}"
