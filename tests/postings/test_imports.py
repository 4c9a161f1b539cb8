"""The posting matcher stays off the paths that must stay fast: `storybank --help` and `lint`
import none of storybank.postings (issue 23: `--help` and `lint` no slower)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.helpers import REPO, clean_env

pytestmark = pytest.mark.slow


def modules_after(argv: list[str]) -> list[str]:
    code = ("import sys, json\nfrom storybank.cli import main\n"
            f"try:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
            "print('\\n@@MODULES@@' + json.dumps(sorted(sys.modules)))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=clean_env(),
                          timeout=120)
    return json.loads(proc.stdout.rsplit("@@MODULES@@", 1)[1])


@pytest.mark.parametrize("argv", [["--help"], ["lint", "--bank", str(REPO / "stories")],
                                  ["coverage", "--bank", str(REPO / "stories")]])
def test_the_fast_paths_import_no_posting_code(argv):
    modules = modules_after(argv)
    assert "storybank.cli" in modules
    assert [m for m in modules if m.startswith("storybank.postings")] == []


def test_the_posting_command_does_not_import_the_ui():
    modules = modules_after(["posting", str(REPO / "benchmarks" / "posting.md"), "--bank", str(REPO / "stories")])
    assert "storybank.postings.match" in modules
    assert [m for m in modules if m.startswith(("textual", "storybank.ui", "jinja2", "rapidfuzz"))] == []
