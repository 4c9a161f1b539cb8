"""Fixtures for the engine tests: strong baseline stories to vary, a linter, and a CLI runner.

Every rule test starts from one of the example bank's stories (they lint clean), changes the one
thing the rule is about, and looks at that rule's findings only.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from storybank.analysis.engine import analyze
from storybank.analysis.explain import examples
from storybank.analysis.types import Finding, StoryReport
from storybank.bank import read_story_file
from storybank.catalog import builtin_catalog
from storybank.model import Story
from storybank.settings import Settings

REPO = Path(__file__).resolve().parents[2]
EXAMPLE_BANK = REPO / "stories"

# One clean example story per question type; a variant is mapped to that type only. The same
# baselines the rule examples (data/rule_examples.toml) start from.
BASELINES: dict[str, str] = dict(examples()["baselines"])

_BASE_DATA: dict[str, dict] = {}


def base_data(kind: str) -> dict:
    """The baseline story for a question type as plain data (a fresh deep copy)."""
    if kind not in _BASE_DATA:
        loaded = read_story_file(EXAMPLE_BANK / f"{BASELINES[kind]}.toml")
        assert not hasattr(loaded, "message"), f"example story failed to load: {loaded}"
        data = loaded.story.to_data()
        data["questions"] = [kind]
        _BASE_DATA[kind] = data
    return copy.deepcopy(_BASE_DATA[kind])


def make_story(kind: str = "project", *, followups: dict | None = None, drop: tuple[str, ...] = (),
               **fields) -> Story:
    """A variant of the `kind` baseline: `fields` replace top-level keys, `followups` replace
    single probes (a value of None removes that probe), `drop` removes top-level keys."""
    data = base_data(kind)
    for key in drop:
        data.pop(key, None)
    data.update(fields)
    if followups is not None:
        merged = dict(data.get("followups") or {})
        for probe, text in followups.items():
            if text is None:
                merged.pop(probe, None)
            else:
                merged[probe] = text
        data["followups"] = merged
    return Story.model_validate(data)


def lint_story(story: Story, settings: Settings | None = None) -> StoryReport:
    return analyze(story, builtin_catalog(), settings or Settings(), "story")


def hits(report: StoryReport, code: str) -> list[Finding]:
    return [f for f in report.findings if f.code == code]


def codes(report: StoryReport) -> set[str]:
    return {f.code for f in report.findings}


@pytest.fixture(scope="session")
def catalog():
    return builtin_catalog()


@pytest.fixture
def mk():
    """Build a variant story: mk("failure", action="...", followups={"technical": None})."""
    return make_story


@pytest.fixture
def lint():
    """Analyse a Story with the built-in catalog (default Settings unless given)."""
    return lint_story


# --- the command line --------------------------------------------------------------------------


@dataclass
class Result:
    code: int
    out: str
    err: str
    args: tuple[str, ...]

    def json(self):
        """stdout parsed as JSON; it must hold nothing else."""
        try:
            return json.loads(self.out)
        except ValueError as exc:  # pragma: no cover - the assertion message is the point
            raise AssertionError(f"stdout of {self.args} is not pure JSON: {exc}\n{self.out!r}") from exc


def cli_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("STORYBANK_", "FORCE_COLOR", "NO_COLOR", "CLICOLOR"))}
    env["PYTHONIOENCODING"] = "utf-8"
    env.update(extra)
    return env


def run_storybank(*args: str, cwd: Path, env: dict[str, str] | None = None,
                  timeout: float = 60) -> Result:
    proc = subprocess.run(
        [sys.executable, "-m", "storybank", *args],
        cwd=cwd, env=env if env is not None else cli_env(),
        capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=timeout,
    )
    result = Result(proc.returncode, proc.stdout, proc.stderr, args)
    # No command ever prints a Python traceback (README "The JSON"), whatever the input.
    assert "Traceback" not in proc.stdout and "Traceback" not in proc.stderr, (args, proc.stderr)
    assert "internal error" not in proc.stderr, (args, proc.stderr)
    return result


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    """A private copy of the example bank (the stories only)."""
    root = tmp_path / "bank"
    root.mkdir()
    for path in sorted(EXAMPLE_BANK.glob("*.toml")):
        shutil.copyfile(path, root / path.name)
    return root


@pytest.fixture
def sb(tmp_path: Path):
    """Run `python -m storybank ARGS` from a scratch folder (so ./stories is not picked up)."""
    cwd = tmp_path / "cwd"
    cwd.mkdir(exist_ok=True)

    cache = tmp_path / "report-cache"

    def _run(*args: str, **env: str) -> Result:
        """`env` adds variables (FORCE_COLOR="1"); the report cache stays in tmp_path."""
        return run_storybank(*args, cwd=cwd, env=cli_env(STORYBANK_CACHE_DIR=str(cache), **env))

    return _run


# Plain, filler-free engineering prose to pad a part to an exact length: the same text the
# rule examples (`storybank explain`) pad with, so tests and examples measure alike.
from storybank.analysis.explain import PROSE  # noqa: E402


def prose(n: int) -> str:
    """Exactly `n` words of realistic prose (cycling PROSE), ending with a full stop."""
    pool = PROSE.split()
    out = [pool[i % len(pool)] for i in range(n)]
    text = " ".join(out).rstrip(".,") + "."
    return text


@pytest.fixture
def pad():
    return prose


class Kit:
    """What the rule tables build stories with: `mk` (a variant), `prose(n)` (n words of
    padding), `data(kind)` (the baseline as a dict)."""

    mk = staticmethod(make_story)
    prose = staticmethod(prose)
    data = staticmethod(base_data)


@pytest.fixture
def kit():
    return Kit()
