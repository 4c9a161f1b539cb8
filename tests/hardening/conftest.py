"""Fixtures for the hardening tests: a hostile bank, a big generated bank, and a CLI runner whose
report cache lives in the test's own folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "stories"

GOOD = '''\
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

[[metrics]]
name = "failed-retry latency"
before = 4.2
after = 1.1
unit = "s"

[followups]
differently = "Build the dashboard first."
alternatives = "Kafka, rejected for operational cost."
technical = "Sorted sets keyed by next-attempt time."
collaborators = "Dana from payments reviewed the design."
'''

# file name -> content; every one of these must be reported as a load error naming the file.
BROKEN: dict[str, bytes] = {
    "broken-toml.toml": b'title = "Unclosed\nquestions = [\n',
    "wrong-types.toml": b'title = 5\nquestions = "project"\n[[metrics]]\nname = "x"\nbefore = "4.2s"\nafter = 1\n',
    "empty.toml": b"",
    "binary.toml": bytes(range(256)) * 8,
    "newer-schema.toml": b'schema = 7\ntitle = "From the future"\nquestions = ["project"]\n',
    "Twin.toml": b'title = "Upper-case twin"\nquestions = ["failure"]\n',
}

# Loadable, but odd: each must still be served.
ODD: dict[str, str] = {
    "unknown-question.toml": 'title = "Led a guild"\nquestions = ["leadership", "project"]\n'
                             '[[metrics]]\nname = "members"\nvalue = 12\n',
    "unknown-keys.toml": 'title = "Typos everywhere"\nquestions = ["learning"]\nsituaton = "typo"\n'
                         'mood = 3\n[[metrics]]\nname = "n"\nvalue = 1\nweird = true\n'
                         '[followups]\nsideways = "x"\n',
    "twin.toml": 'title = "Lower-case twin"\nquestions = ["failure"]\n',
}


def huge_story(megabytes: float = 4.0) -> str:
    """A valid story of about `megabytes` MB: long texts in every part and follow-up."""
    sentence = ("I profiled the ingestion path at Acme with py-spy and cut p99 latency from 420 ms "
                "to 95 ms by batching writes to Postgres. ")
    per_field = int(megabytes * 1024 * 1024 / 8 / len(sentence)) + 1
    text = sentence * per_field
    fields = "\n".join(f'{name} = """\n{text}"""' for name in ("situation", "action", "outcome", "reflection"))
    followups = "\n".join(f'{name} = """\n{text}"""' for name in
                          ("differently", "alternatives", "technical", "collaborators"))
    return (f'schema = 1\ntitle = "A very long story"\nquestions = ["performance"]\n'
            f'technologies = ["Postgres", "py-spy"]\nownership = "I owned it."\n{fields}\n'
            f'[[metrics]]\nname = "p99 latency"\nbefore = 420\nafter = 95\nunit = "ms"\n'
            f'[followups]\n{followups}\n')


def build_hostile_bank(root: Path, *, huge: bool = False) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "good.toml").write_text(GOOD, encoding="utf-8")
    for name in sorted(EXAMPLES.glob("*.toml"))[:3]:
        (root / name.name).write_bytes(name.read_bytes())
    for name, data in BROKEN.items():
        (root / name).write_bytes(data)
    for name, text in ODD.items():
        (root / name).write_text(text, encoding="utf-8")
    if huge:
        (root / "huge.toml").write_text(huge_story(), encoding="utf-8")
    return root


def good_ids(root: Path) -> set[str]:
    broken = set(BROKEN)
    return {p.stem for p in root.glob("*.toml") if p.name not in broken}


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]

    def json(self):
        return json.loads(self.out)

    def no_traceback(self) -> None:
        assert "Traceback" not in self.out and "Traceback" not in self.err, self.err[-3000:]
        assert "internal error" not in self.err, self.err


def cli_env(cache: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("STORYBANK_", "FORCE_COLOR"))}
    env.update(NO_COLOR="1", PYTHONIOENCODING="utf-8", STORYBANK_CACHE_DIR=str(cache))
    env.update(extra)
    return env


@pytest.fixture
def cli(tmp_path: Path):
    """Run `python -m storybank ARGS` in a scratch folder, its report cache under tmp_path."""
    cwd = tmp_path / "cwd"
    cwd.mkdir(exist_ok=True)
    env = cli_env(tmp_path / "cache")

    def run(*args: str, timeout: float = 120, stdin: bytes | None = None) -> Result:
        proc = subprocess.run([sys.executable, "-m", "storybank", *args], cwd=cwd, env=env,
                              input=stdin, capture_output=True, timeout=timeout)
        return Result(proc.returncode, proc.stdout.decode("utf-8", "replace"),
                      proc.stderr.decode("utf-8", "replace"))

    run.cwd = cwd  # type: ignore[attr-defined]
    return run


@pytest.fixture
def hostile_bank(tmp_path: Path) -> Path:
    return build_hostile_bank(tmp_path / "hostile")
