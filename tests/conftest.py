"""For every test folder: `async def` tests run on a fresh event loop, without a plugin; and the
fixtures many component folders share: an empty bank, a bank with one good story, and a CLI runner.

The UI tests drive the app with `App.run_test()` and Pilot, which need a running loop. Instead of
an `asyncio.run` wrapper in every file (or the pytest-asyncio plugin), a test is written as a
coroutine and this hook runs it.
"""

from __future__ import annotations

import asyncio
import inspect
from pathlib import Path

import pytest

from tests.helpers import GOOD_STORY, Result, cli_env, run_cli


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    test = pyfuncitem.obj
    if not inspect.iscoroutinefunction(test):
        return None  # pytest calls it as usual
    wanted = inspect.signature(test).parameters
    asyncio.run(test(**{name: value for name, value in pyfuncitem.funcargs.items() if name in wanted}))
    return True


UI_TESTS = Path(__file__).resolve().parent / "ui"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Everything under tests/ui is marked `ui`, and `slow` too: each test starts the app, so the
    inner loop (`-m "not slow"`) leaves them to their own loop (`-m ui`)."""
    for item in items:
        if UI_TESTS in Path(item.path).parents:
            item.add_marker(pytest.mark.ui)
            item.add_marker(pytest.mark.slow)


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
