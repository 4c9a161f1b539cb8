"""`storybank --help` and the other quick paths import nothing heavy.

This measures what a start-up loads, which the import-linter contracts in pyproject.toml cannot:
those check the layering (the core never imports the UI), see tests/quality/test_layers.py."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from tests.helpers import REPO, clean_env

pytestmark = pytest.mark.slow

EXAMPLES = REPO / "stories"
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


FIRST_FRAME = r'''
import json, sys
from textual.app import App
import storybank.ui.app as ui_app
from storybank.cli import main

bank, mode = sys.argv[1], sys.argv[2]
ui_app.PREVIEW_GRACE = 3600  # the bank itself loads on the first key: only the first frame counts


async def warm(pilot):  # a first start: load, analyse, remember the rows
    pilot.app.start_load()
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    pilot.app.exit()


async def first_rows(pilot):
    for _ in range(5000):
        await pilot.pause()
        stories = getattr(pilot.app.screen, "story_list", None)
        if stories is not None and stories.total > 0:
            print("@@MODULES@@" + json.dumps(sorted(sys.modules)))
            break
    pilot.app.exit()


def headless(self, *args, **kwargs):  # what `storybank` runs, without a terminal
    return run(self, headless=True, size=(120, 40), auto_pilot=warm if mode == "warm" else first_rows)


run, App.run = App.run, headless
raise SystemExit(main(["--bank", bank]))
'''


def test_ui_first_frame_imports_no_model_analysis_or_export(tmp_path):
    """`storybank` on a bank it has shown before: the rows come from the row cache, so nothing
    that reads or judges stories is imported before they are on the screen."""
    bank = tmp_path / "bank"
    shutil.copytree(EXAMPLES, bank)
    env = clean_env(STORYBANK_CACHE_DIR=str(tmp_path / "cache"))
    for mode in ("warm", "first"):
        proc = subprocess.run([sys.executable, "-c", FIRST_FRAME, str(bank), mode],
                              capture_output=True, text=True, env=env, timeout=120)
        assert proc.returncode == 0, proc.stderr[-3000:]
    assert "@@MODULES@@" in proc.stdout, "the story list never showed a row"
    modules = json.loads(proc.stdout.rsplit("@@MODULES@@", 1)[1])
    assert "storybank.ui.screens.bank" in modules
    # Nor the spoken report's module: a log of typed practice has none to read.
    for heavy in ("pydantic", "storybank.model", "storybank.storyfile", "storybank.export", "jinja2",
                  "rapidfuzz", "tomlkit", "storybank.speech.report"):
        assert _family(modules, heavy) == [], heavy
    # Of the analysis, only the report types the screens are written against (plain dataclasses).
    analysis = [m for m in _family(modules, "storybank.analysis") if m != "storybank.analysis"]
    assert analysis == ["storybank.analysis.types"]


PROGRESS_FIRST = r'''
import json, sys
from storybank.ui.app import StorybankApp


async def drawn(pilot):
    for _ in range(5000):
        await pilot.pause()
        if getattr(pilot.app.screen, "_drawn", False):
            print("@@MODULES@@" + json.dumps(sorted(sys.modules)))
            break
    pilot.app.exit()


StorybankApp(sys.argv[1], start="progress").run(headless=True, size=(120, 40), auto_pilot=drawn)
'''


def test_starting_on_progress_draws_it_without_building_the_bank_screen(tmp_path):
    """`storybank progress` shows the charts first; the bank screen is built only on the way back,
    so its module is not imported before the progress screen is drawn."""
    bank = tmp_path / "bank"
    shutil.copytree(EXAMPLES, bank)
    proc = subprocess.run([sys.executable, "-c", PROGRESS_FIRST, str(bank)], capture_output=True,
                          text=True, env=clean_env(STORYBANK_CACHE_DIR=str(tmp_path / "cache")),
                          timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "@@MODULES@@" in proc.stdout, "the progress screen never drew"
    modules = json.loads(proc.stdout.rsplit("@@MODULES@@", 1)[1])
    assert "storybank.ui.screens.progress" in modules
    assert "storybank.ui.screens.bank" not in modules
