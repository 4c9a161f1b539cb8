"""The schedule, the mock-interview planner and progress are core: no Textual, no pydantic."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["storybank.scheduler", "storybank.interview", "storybank.progress"])
def test_core_module_imports_no_ui_toolkit(module):
    code = f"import {module}, sys, json; print(json.dumps(sorted(sys.modules)))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    modules = json.loads(proc.stdout)
    assert module in modules
    assert not [m for m in modules if m.split(".")[0] in {"textual", "pydantic", "rapidfuzz"}]
