"""The cheat sheet from an installed wheel: the templates ship inside the package."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from .conftest import REPO

OFFLINE_SIGNS = ("No matching distribution", "Could not find a version", "Network is unreachable",
                 "Temporary failure in name resolution", "Max retries exceeded")


def _run(*command: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, timeout=300)


@pytest.mark.slow
def test_wheel_exports_with_its_own_templates(small_bank, tmp_path):
    dist = tmp_path / "dist"
    built = _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(REPO))
    if built.returncode != 0:
        if any(sign in built.stderr + built.stdout for sign in OFFLINE_SIGNS):
            pytest.skip("cannot fetch the build backend (offline)")
        pytest.fail(built.stderr[-2000:])
    wheel = next(dist.glob("storybank-*.whl"))

    # A fresh venv with only the wheel; the dependencies come from this venv's site-packages via a
    # .pth file (whose own .pth files, including the editable install of the repo, are not read).
    venv = tmp_path / "venv"
    assert _run(sys.executable, "-m", "venv", "--without-pip", str(venv)).returncode == 0
    python = venv / "bin" / "python"
    site = Path(_run(str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])")
                .stdout.strip())
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    installed = _run(sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
                     "--no-index", "-q", str(wheel))
    assert installed.returncode == 0, installed.stderr[-2000:]

    work = tmp_path / "elsewhere"
    work.mkdir()
    where = _run(str(python), "-c", "import storybank.paths as p; print(p.templates_dir())", cwd=work)
    templates = Path(where.stdout.strip())
    assert templates.is_relative_to(venv) and (templates / "cheatsheet.html.j2").is_file()

    storybank = venv / "bin" / "storybank"
    result = _run(str(storybank), "export", "--bank", str(small_bank), "-o", "out.html", cwd=work)
    assert result.returncode == 0, result.stderr
    html = (work / "out.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "Story 1 for project" in html
    assert os.path.getsize(work / "out.html") > 2000
