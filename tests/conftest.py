"""For every test folder: `async def` tests run on a fresh event loop, without a plugin; and the
fixtures many component folders share: an empty bank, a bank with one good story, and a CLI runner.

The UI tests drive the app with `App.run_test()` and Pilot, which need a running loop. Instead of
an `asyncio.run` wrapper in every file (or the pytest-asyncio plugin), a test is written as a
coroutine and this hook runs it.
"""

from __future__ import annotations

import asyncio
import hashlib
import inspect
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest


def _keep_compiled_modules() -> None:
    """Where the environment forbids writing compiled modules beside the sources
    (PYTHONDONTWRITEBYTECODE, as on the development machines), every test process and every
    `python -m storybank` a CLI test starts compiled storybank again: 0.2 s of CPU per command,
    hundreds of times a run. They are kept in a folder under the system's temporary directory
    instead (PYTHONPYCACHEPREFIX, also for the subprocesses), still nothing in the tree."""
    if not sys.dont_write_bytecode:
        return
    prefix = str(Path(tempfile.gettempdir()) / f"storybank-tests-pycache-{getattr(os, 'getuid', lambda: 0)()}")
    sys.dont_write_bytecode = False
    sys.pycache_prefix = prefix
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = prefix


_keep_compiled_modules()

from tests.helpers import GOOD_STORY, Result, cli_env, run_cli  # noqa: E402 - compiled after the cache is set


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    test = pyfuncitem.obj
    if not inspect.iscoroutinefunction(test):
        return None  # pytest calls it as usual
    wanted = inspect.signature(test).parameters
    asyncio.run(test(**{name: value for name, value in pyfuncitem.funcargs.items() if name in wanted}))
    return True


UI_TESTS = Path(__file__).resolve().parent / "ui"


def _cpu_seconds() -> float:
    """This process's CPU time and its finished children's (the CLI tests' subprocesses)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Iterator[None]:
    """With `STORYBANK_CPU_LOG=FILE`, each test's CPU seconds (setup to teardown, its
    subprocesses included) and wall seconds are appended to FILE, one tab-separated line a test:
    where the suite's CPU goes, which `--durations` (wall time, inflated on a busy machine) hides."""
    log = os.environ.get("STORYBANK_CPU_LOG")
    cpu, wall = _cpu_seconds(), time.perf_counter()
    yield
    if log:
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"{item.nodeid}\t{_cpu_seconds() - cpu:.3f}\t{time.perf_counter() - wall:.3f}\n")


@pytest.fixture(autouse=True, scope="session")
def _each_recording_transcribed_once() -> Iterator[None]:
    """The real speech engine hears every distinct stretch of audio once per test process: the
    same committed clip played again (candid_facts.flac is answered three times in the spoken
    mock interview, and again in the drill and hands-free tests) gets the words the engine wrote
    down the first time. Decoding is at temperature 0, so the same samples, offset and prompt on
    the same model always give the same words: only the repeated CPU (a second or two per 7 s
    chunk) is saved, never a transcription that a test checks."""
    from storybank.speech import engine

    transcribe = engine._transcribe
    heard: dict[tuple[int, str, float, str | None], engine.Heard] = {}

    def once(model, samples, offset: float, prompt: str | None) -> engine.Heard:
        digest = hashlib.sha256(samples.dtype.str.encode() + samples.tobytes()).hexdigest()
        key = (id(model), digest, offset, prompt)
        if key not in heard:
            heard[key] = transcribe(model, samples, offset, prompt)
        return heard[key]

    engine._transcribe = once
    yield
    engine._transcribe = transcribe


# The longest tests, longest first (CPU seconds from `STORYBANK_CPU_LOG`, a full `-n 1` run on
# 2026-12-06, after the spoken interview's repeated clips were heard once: see
# `_each_recording_transcribed_once`). They are handed out first, and with `--dist worksteal`
# (pyproject's addopts) an idle worker takes the rest of the queue from a busy one: a run no
# longer ends with one worker still in a minute-long test while the other waits. A name that goes
# stale costs nothing but that ordering.
LONGEST_FIRST = (
    "tests/ui/test_monkey.py::test_monkey_keys_over_five_seeds_and_three_sizes_reach_every_screen",
    "tests/ui/test_handsfree.py::test_a_whole_interview_runs_hands_free_and_an_unheard_answer_is_not_logged",
    "tests/cli/test_hostile_bank.py::test_3000_stories",
    "tests/analysis/test_text.py::test_analyze_is_linear_on_a_4mb_story",
    "tests/ui/test_interview_voice.py::test_a_spoken_mock_interview_is_judged_on_what_was_heard_and_shows_the_spoken_figures",
    "tests/speech/test_spoken_questions.py::test_every_question_and_probe_is_heard_back_within_10_percent",
    "tests/speech/test_quality.py::test_refused_while_streaming_too_and_the_prompt_never_in_a_transcript",
    "tests/bank/test_fuzz.py::test_an_edited_story_saves_and_reloads_as_the_same_story",
    "tests/analysis/test_fuzz_analysis.py::test_analysis_never_raises",
    "tests/export/test_fuzz_export.py::test_export_never_raises_and_html_escapes_every_field",
)


def _rank(item: pytest.Item) -> int:
    try:
        return LONGEST_FIRST.index(item.nodeid.split("[")[0])
    except ValueError:
        return len(LONGEST_FIRST)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Everything under tests/ui is marked `ui`, and `slow` too: each test starts the app, so the
    inner loop (`-m "not slow"`) leaves them to their own loop (`-m ui`). The longest tests go
    first (a stable sort: the rest keep their order)."""
    for item in items:
        if UI_TESTS in Path(item.path).parents:
            item.add_marker(pytest.mark.ui)
            item.add_marker(pytest.mark.slow)
    items.sort(key=_rank)


# --- banks and the command line, for every component folder -------------------------------------


@pytest.fixture
def bank_dir(tmp_path: Path) -> Path:
    """An empty bank folder (no settings file: every setting is optional)."""
    root = tmp_path / "bank"
    root.mkdir()
    return root


@pytest.fixture
def good_bank(bank_dir: Path) -> Path:
    """A bank with one good story, `good.toml` (tests.helpers.GOOD_STORY)."""
    (bank_dir / "good.toml").write_text(GOOD_STORY, encoding="utf-8")
    return bank_dir


@pytest.fixture
def cli(tmp_path: Path):
    """Run `python -m storybank ARGS` in a scratch working folder (`cli.cwd`) with a clean
    environment whose report cache lives under tmp_path. `env=` replaces that environment."""
    cwd = tmp_path / "cwd"
    cwd.mkdir(exist_ok=True)
    default_env = cli_env(tmp_path / "cache")

    def run(*args: str | bytes, env: dict[str, str] | None = None, timeout: float = 120,
            stdin: bytes | None = None) -> Result:
        return run_cli(*args, cwd=cwd, env=default_env if env is None else env, timeout=timeout,
                       stdin=stdin)

    run.cwd = cwd  # type: ignore[attr-defined]
    return run
