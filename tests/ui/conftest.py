"""Fixtures for the UI tests: a fixed bank copied to tmp_path, a fake clock, an app factory."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .helpers import BANK, FakeClock


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

    def make(start: str = "bank", root: Path | None = None) -> StorybankApp:
        app = StorybankApp(root or bank, start=start, clock=clock, cursor_blink=False)
        app.animation_level = "none"  # scrolling jumps: the same picture however loaded the machine
        return app

    return make
