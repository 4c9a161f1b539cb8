"""Fixtures for the foundation tests: temporary banks, story texts and a CLI runner."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

GOOD_STORY = '''\
schema = 1
title = "Payment retry pipeline at Acme"
questions = ["project", "performance"]
role = "Backend engineer, Acme"
when = "2023"
technologies = ["Redis", "Python"]
ownership = "I owned the retry pipeline end to end: design, rollout, on-call."
situation = """
Failed card payments were retried by a cron job every hour.
"""
action = """
I moved retries onto a Redis queue with exponential backoff.
"""
outcome = """
Retry latency fell from 4.2 s to 1.1 s and recovered revenue rose 12%.
"""
reflection = """
I would add the dead-letter dashboard before the rollout next time.
"""
ignore = ["SB204"]

[[metrics]]
name = "failed-retry latency"
before = 4.2
after = 1.1
unit = "s"

[[metrics]]
name = "transactions"
value = 3000000
unit = "per day"

[followups]
differently = "Build the dashboard first."
alternatives = "Kafka, rejected for operational cost."
technical = "Sorted sets keyed by next-attempt time."
collaborators = "Dana from payments reviewed the design."
'''


def minimal_story(title: str = "A good story", **extra: str) -> str:
    lines = [f'title = "{title}"', 'questions = ["project"]']
    lines += [f"{k} = {v}" for k, v in extra.items()]
    lines += ["", "[[metrics]]", 'name = "latency"', "value = 3", ""]
    return "\n".join(lines)


@pytest.fixture
def bank_dir(tmp_path: Path) -> Path:
    """An empty bank folder (no settings file: every setting is optional)."""
    root = tmp_path / "bank"
    root.mkdir()
    return root


@pytest.fixture
def good_bank(bank_dir: Path) -> Path:
    """A bank with one good story, `good.toml`."""
    (bank_dir / "good.toml").write_text(GOOD_STORY, encoding="utf-8")
    return bank_dir


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("STORYBANK_", "FORCE_COLOR"))}
    env["NO_COLOR"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    env.update(extra)
    return env


def run_cli(*args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 60) -> Result:
    proc = subprocess.run(
        [sys.executable, "-m", "storybank", *args],
        cwd=cwd, env=env if env is not None else clean_env(),
        capture_output=True, text=True, encoding="utf-8", timeout=timeout,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def cli(tmp_path: Path):
    """Run `python -m storybank ARGS` in a scratch working folder."""
    cwd = tmp_path / "cwd"
    cwd.mkdir(exist_ok=True)

    def _run(*args: str, env: dict[str, str] | None = None) -> Result:
        return run_cli(*args, cwd=cwd, env=env)

    _run.cwd = cwd  # type: ignore[attr-defined]
    return _run
