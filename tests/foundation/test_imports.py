"""`storybank --help` and the other quick paths import nothing heavy.

This measures what a start-up loads, which the import-linter contracts in pyproject.toml cannot:
those check the layering (the core never imports the UI), see tests/quality/test_layers.py."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import clean_env

pytestmark = pytest.mark.slow

HEAVY = ("pydantic", "textual", "jinja2", "rapidfuzz", "tomlkit", "rich")


def _modules_after(code: str) -> list[str]:
    script = code + "\nimport sys, json\nprint('\\n@@MODULES@@' + json.dumps(sorted(sys.modules)))\n"
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=clean_env(), timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "@@MODULES@@" in proc.stdout, proc.stdout
    return json.loads(proc.stdout.rsplit("@@MODULES@@", 1)[1])


def _family(modules: list[str], top: str) -> list[str]:
    return [m for m in modules if m == top or m.startswith(top + ".")]


def test_help_imports_nothing_heavy():
    modules = _modules_after(
        "from storybank.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit as exc:\n    assert exc.code == 0, exc.code\n"
    )
    assert "storybank.cli.helptext" in modules  # the fast path: no argparse either
    assert "argparse" not in modules
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
