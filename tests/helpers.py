"""Shared test helpers: a good story's text, a minimal story, running `python -m storybank`, and
a folder's whole tree (to show nothing was written where it must not be), and the follow-up
prompts asked after a spoken answer.

The fixtures built on them (`bank_dir`, `good_bank`, `cli`) are in tests/conftest.py; import the
rest with `from tests.helpers import ...`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "stories"          # the example stories `init --examples` copies

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


@dataclass
class Result:
    """What one `python -m storybank` run printed and returned."""

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


def clean_env(**extra: str) -> dict[str, str]:
    """This process's environment without storybank's variables or forced colour, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("STORYBANK_", "FORCE_COLOR"))}
    env["NO_COLOR"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    env.update(extra)
    return env


def cli_env(cache: Path, **extra: str) -> dict[str, str]:
    """A clean environment whose report cache lives in `cache` (never the user's own)."""
    return clean_env(STORYBANK_CACHE_DIR=str(cache), **extra)


def run_cli(*args: str | bytes, cwd: Path, env: dict[str, str], timeout: float = 120,
            stdin: bytes | None = None) -> Result:
    """Run `python -m storybank ARGS`; output that is not UTF-8 is decoded with replacements."""
    proc = subprocess.run([sys.executable, "-m", "storybank", *args], cwd=cwd, env=env,
                          input=stdin, capture_output=True, timeout=timeout)
    return Result(proc.returncode, proc.stdout.decode("utf-8", "replace"),
                  proc.stderr.decode("utf-8", "replace"))


def tree(folder: Path) -> dict[str, bytes | str]:
    """Every path under `folder` (links not followed) with its bytes, or its link target."""
    out: dict[str, bytes | str] = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            rel = str(path.relative_to(folder))
            if path.is_symlink():
                out[rel] = "-> " + os.readlink(path)
            elif path.is_file():
                out[rel] = path.read_bytes()
            else:
                out[rel] = "dir"
    return out


def spoken_prompts(text: str, qtype: str | None, profession: str | None = None) -> dict[str, str]:
    """The probe prompts asked after a spoken answer to a question of this type (None: of no
    known type), by probe id, the way `rehearse` and the real-corpus measure ask them."""
    from storybank.analysis.followups import followup_prompts
    from storybank.answers.judge import answer_story, judge_answer, weak_codes
    from storybank.catalog import builtin_catalog
    from storybank.settings import Settings

    catalog = builtin_catalog()
    report = judge_answer(text, catalog, Settings(), question=qtype)
    story = answer_story(report.parts, [qtype] if qtype else [], None)
    # The answer's weak points word its probes, as `storybank answer` words them (round 25).
    return {p.probe: p.prompt for p in followup_prompts(story, catalog, Settings(), profession,
                                                        findings=weak_codes(report.findings))
            if not p.probe.startswith("type:")}


def family_cues(wording: str) -> dict[str, int]:
    """How many cues of each paraphrase family (question types, probes, the common questions)
    a wording holds, read by the families alone (no learned model), by family id."""
    from storybank.analysis.matching import Matcher
    from storybank.catalog import builtin_catalog

    families = Matcher(builtin_catalog(), model=None)
    return {entry.id: ev.cues for entry, ev in families.evidence(wording)}


def probe_cases(asked: list[tuple[str, str | None, str | None, dict[str, str]]]) -> list[Any]:
    """A follow-up table's rows (answer, question type, field, {probe: prompt}) as one pytest case
    per probe asked, so an answer's probes fail one by one."""
    import pytest

    return [pytest.param(text, qtype, field, probe, prompt, id=f"{qtype}-{probe}-{text[:20]}")
            for text, qtype, field, expected in asked for probe, prompt in expected.items()]
