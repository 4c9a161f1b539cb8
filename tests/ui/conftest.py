"""Fixtures for the UI tests: a fixed bank copied to tmp_path, a fake clock, an app factory."""

from __future__ import annotations

import shutil
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

from .helpers import BANK, FakeClock, settle


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch) -> None:
    """Report and row caches go to a per-test folder, never the user's."""
    monkeypatch.setenv("STORYBANK_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture(autouse=True)
def _no_microphone(monkeypatch) -> None:
    """The drill never records from this machine's microphone in tests: a screen must look the
    same with or without one (tests/ui/test_drill_voice.py turns voice back on with a clip)."""
    monkeypatch.setenv("STORYBANK_VOICE", "off")


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    dest = tmp_path / "bank"
    shutil.copytree(BANK, dest)
    return dest


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_app(bank: Path, clock: FakeClock):
    from storybank.ui.app import StorybankApp

    def make(start: str = "bank", root: Path | None = None, **seams: Any) -> StorybankApp:
        """The app on the test bank; `seams` are its test parameters (tz, audio_source, …)."""
        app = StorybankApp(root or bank, start=start, clock=clock, cursor_blink=False, **seams)
        app.animation_level = "none"  # scrolling jumps: the same picture however loaded the machine
        return app

    return make


@pytest.fixture
def open_app(make_app):
    """The start of most UI tests: `async with open_app((100, 30), "c") as pilot:` runs the app
    (made by `make_app(**options)`, or `app` if given) at that size, waits for the bank to load
    and, if `keys` are given, presses them and waits again."""

    @asynccontextmanager
    async def run(size: tuple[int, int] = (100, 30), *keys: str, app=None, **options):
        app = app or make_app(**options)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            if keys:
                await pilot.press(*keys)
                await settle(pilot)
            yield pilot

    return run
