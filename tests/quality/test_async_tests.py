"""`async def` tests run (tests/conftest.py), with their fixtures; one that did not would fail."""

from __future__ import annotations

import asyncio

import pytest


async def test_an_async_test_runs_on_a_running_loop():
    await asyncio.sleep(0)
    assert asyncio.get_running_loop().is_running()


@pytest.mark.parametrize("n", [1, 2])
async def test_fixtures_and_parameters_reach_it(tmp_path, n):
    (tmp_path / "x").write_text("y" * n)
    await asyncio.sleep(0)
    assert (tmp_path / "x").read_text() == "y" * n
