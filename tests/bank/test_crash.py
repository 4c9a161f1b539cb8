"""A writer killed with SIGKILL at any moment leaves the old story or the new one, never a broken file."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from storybank.bank import Bank, StoryFile, read_story_file
from tests.helpers import clean_env, minimal_story

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")]

BIG_EXPR = '"Large version. " + "x" * 100_000'
BIG = eval(BIG_EXPR)  # the writer builds the same text: it is too long for a command line
SMALL = "Small version."

WRITER = r"""
import sys
from storybank.bank import Bank

big, small = eval(sys.argv[2]), sys.argv[3]
bank = Bank.open(sys.argv[1])
sf = bank.get("story")
big_story = sf.story.model_copy(update={"situation": big})
small_story = sf.story.model_copy(update={"situation": small})
i = 0
if sf.story.situation != big:  # one save done before "ready": saving works, and the loop is hot
    bank.save(sf, big_story)
    i = 1
sys.stdout.write("ready\n")
sys.stdout.flush()
while True:
    bank.save(sf, big_story if i % 2 else small_story)
    i += 1
"""


def _check(path, seen: set[str]) -> None:
    result = read_story_file(path)
    assert isinstance(result, StoryFile), str(result)
    assert result.story.situation in {BIG, SMALL}
    assert result.story.title == "Crash test"
    seen.add(result.story.situation)


def test_sigkill_mid_save_never_breaks_the_story(bank_dir):
    path = bank_dir / "story.toml"
    path.write_text(minimal_story("Crash test", situation=f'"{SMALL}"'), encoding="utf-8")
    rng = random.Random(1234)
    seen = set()
    for _ in range(20):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(bank_dir), BIG_EXPR, SMALL],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=clean_env(), text=True,
        )
        try:
            assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
            # Until the kill, read the file as a second process would: never half-written either.
            deadline = time.monotonic() + rng.uniform(0.001, 0.05)
            while time.monotonic() < deadline:
                _check(path, seen)
        finally:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
            proc.stdout.close()
            proc.stderr.close()
        assert proc.returncode == -signal.SIGKILL

        _check(path, seen)

        # Leftover temp files are hidden, so they never load as stories.
        for entry in bank_dir.iterdir():
            assert entry.name == "story.toml" or entry.name.startswith("."), entry.name
        bank = Bank.open(bank_dir)
        assert [sf.id for sf in bank.stories] == ["story"]
        assert bank.errors == []
    assert BIG in seen
