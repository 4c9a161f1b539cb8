"""The core never imports the UI toolkit, and `storybank --help` imports nothing heavy."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import pytest

from .conftest import clean_env

pytestmark = pytest.mark.slow

CORE = ["storybank", "storybank.model", "storybank.bank", "storybank.storyfile", "storybank.catalog",
        "storybank.settings", "storybank.ids", "storybank.atomic", "storybank.tomltext",
        "storybank.errors", "storybank.paths"]
OPTIONAL = ["storybank.analysis", "storybank.export", "storybank.cues", "storybank.practice",
            "storybank.drill"]
HEAVY = ("pydantic", "textual", "jinja2", "rapidfuzz", "tomlkit", "rich")


def _modules_after(code: str) -> list[str]:
    script = code + "\nimport sys, json\nprint('\\n@@MODULES@@' + json.dumps(sorted(sys.modules)))\n"
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=clean_env(), timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "@@MODULES@@" in proc.stdout, proc.stdout
    return json.loads(proc.stdout.rsplit("@@MODULES@@", 1)[1])


def _exists(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def _family(modules: list[str], top: str) -> list[str]:
    return [m for m in modules if m == top or m.startswith(top + ".")]


@pytest.mark.parametrize("module", CORE + OPTIONAL)
def test_core_module_does_not_import_textual(module):
    if module in OPTIONAL and not _exists(module):
        pytest.skip(f"{module} does not exist yet")
    modules = _modules_after(f"import {module}")
    assert module in modules
    assert _family(modules, "textual") == []


def test_help_imports_nothing_heavy():
    modules = _modules_after(
        "from storybank.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit as exc:\n    assert exc.code == 0, exc.code\n"
    )
    assert "storybank.cli.parser" in modules
    for heavy in HEAVY:
        assert _family(modules, heavy) == [], heavy


def test_python_m_storybank_help_by_importtime():
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "storybank", "--help"],
                          capture_output=True, text=True, env=clean_env(), timeout=60)
    assert proc.returncode == 0
    assert "usage: storybank" in proc.stdout
    imported = [line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines()
                if line.startswith("import time:") and line.count("|") == 2]
    assert "storybank.cli" in imported
    for heavy in HEAVY:
        assert _family(imported, heavy) == [], heavy


@pytest.mark.parametrize("argv", [["--version"], ["list", "--help"], ["new", "--help"]])
def test_other_quick_paths_import_nothing_heavy(argv):
    modules = _modules_after(
        "from storybank.cli import main\n"
        f"try:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
    )
    for heavy in HEAVY:
        assert _family(modules, heavy) == [], heavy
