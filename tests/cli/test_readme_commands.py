"""The README's commands work as written in a new shell (issue 21, item 10): bare `storybank`
is only used after the block says how to put it on the PATH, and the "Your own bank" block runs
in a fresh bash whose PATH has no storybank on it."""

from __future__ import annotations

import os
import re
import subprocess

import pytest

from tests.helpers import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```sh\n(.*?)```", README, flags=re.S)
# The test command adds the `speak` extra (the offline voice, GPL-3.0: see the README) so the
# spoken-question tests run; the command that opens the program leaves it to the user's choice.
FIRST = ("python3 -m venv .venv && .venv/bin/pip install -q -e '.[pdf,test,voice]' && .venv/bin/storybank",
         "python3 -m venv .venv && .venv/bin/pip install -q -e '.[pdf,test,voice,speak]' && "
         ".venv/bin/python -m pytest -q -n 3")


def test_ci_runs_the_readme_test_command():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert FIRST[1] in ci


def commands(block: str) -> list[str]:
    return [line.split("  #")[0].strip() for line in block.splitlines() if line.strip()
            and not line.lstrip().startswith("#")]


def test_the_first_two_commands_are_as_they_were():
    assert commands(BLOCKS[0]) == list(FIRST)


@pytest.mark.parametrize("n", range(1, len(BLOCKS)))
def test_bare_storybank_comes_after_the_activation(n):
    lines = commands(BLOCKS[n])
    for i, line in enumerate(lines):
        if re.match(r"storybank\b", line):
            assert any(earlier.startswith("source .venv/bin/activate") for earlier in lines[:i]), line


@pytest.mark.slow
@pytest.mark.skipif(not (REPO / ".venv" / "bin" / "activate").exists(), reason="no .venv in this clone")
def test_your_own_bank_runs_in_a_new_shell(tmp_path):
    block = next(b for b in BLOCKS if "storybank init ~/interview" in b)
    script = "\n".join(line for line in commands(block) if line != "storybank")  # not the UI itself
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "STORYBANK_CACHE_DIR": str(tmp_path / "cache"),
           "LANG": os.environ.get("LANG", "C.UTF-8")}
    done = subprocess.run(["bash", "-ec", script], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "interview" / ".storybank.toml").exists()
    assert (tmp_path / "interview" / "cutting-checkout-latency-at-acme.toml").exists()
