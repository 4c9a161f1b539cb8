"""The layering, declared as import-linter contracts in pyproject.toml, holds.

Contracts see every import in the source, including the lazy ones inside functions, which a
`sys.modules` check after importing a module cannot. (What `storybank --help` loads at start-up is
a different question, answered by tests/cli/test_imports.py.)
"""

from __future__ import annotations

import pkgutil
import shutil
import tomllib

import pytest

from .tools import ROOT, run

pytestmark = pytest.mark.slow

FRONT_ENDS = {"ui", "cli", "__main__"}


def _contracts() -> dict[str, dict]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return {c["id"]: c for c in config["tool"]["importlinter"]["contracts"]}


def test_the_contracts_are_kept():
    output = run("lint-imports", "--no-cache")
    assert "0 broken" in output, output


def test_every_core_module_is_under_the_core_contracts():
    """A new top-level module (speech, scheduler, ...) is core unless it is a front end, so it must
    be listed, or the contracts would silently not cover it."""
    package = ROOT / "src" / "storybank"
    core = {f"storybank.{m.name}" for m in pkgutil.iter_modules([str(package)])} - {
        f"storybank.{name}" for name in FRONT_ENDS}
    contracts = _contracts()
    listed = set(contracts["core"]["source_modules"])
    assert listed == core, f"core in pyproject.toml: add {sorted(core - listed)}, remove {sorted(listed - core)}"
    assert {"storybank.ui", "storybank.cli", "textual"} <= set(contracts["core"]["forbidden_modules"])
    # the one list: no other contract restates the core
    assert [cid for cid, c in contracts.items() if set(c["source_modules"]) == core] == ["core"]


def test_a_lazy_import_of_the_ui_breaks_a_contract(tmp_path, monkeypatch):
    """The check can fail: a copy of the package where a core function imports Textual."""
    shutil.copytree(ROOT / "src" / "storybank", tmp_path / "src" / "storybank",
                    ignore=shutil.ignore_patterns("__pycache__"))
    words = tmp_path / "src" / "storybank" / "words.py"
    words.write_text(words.read_text(encoding="utf-8")
                     + "\n\ndef _leak():\n    import textual.app  # noqa: F401\n", encoding="utf-8")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    monkeypatch.setenv("PYTHONPATH", str(tmp_path / "src"))
    with pytest.raises(AssertionError) as failure:
        run("lint-imports", "--no-cache", cwd=tmp_path)
    assert "BROKEN" in str(failure.value)
    assert "storybank.words -> textual" in str(failure.value)
