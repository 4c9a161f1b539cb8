"""Run a code-quality tool from the project's environment and fail with what it printed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def tool(name: str) -> str:
    """The tool's console script next to this Python (the `test` extra installs it)."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    assert found, f"{name} is not installed: pip install -e '.[test]'"
    return found


def run(name: str, *args: str, cwd: Path = ROOT, timeout: float = 540) -> str:
    """Run `name args...` (at the repository root unless told); fail with its own output unless it
    exits 0."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FORCE_COLOR", "CLICOLOR"))}
    env["NO_COLOR"] = "1"
    proc = subprocess.run([tool(name), *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout)
    output = (proc.stdout + proc.stderr).strip()
    assert proc.returncode == 0, f"`{name} {' '.join(args)}` failed:\n{output}"
    return output
