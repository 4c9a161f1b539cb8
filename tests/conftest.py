"""For every test folder: `async def` tests run on a fresh event loop, without a plugin.

The UI tests drive the app with `App.run_test()` and Pilot, which need a running loop. Instead of
an `asyncio.run` wrapper in every file (or the pytest-asyncio plugin), a test is written as a
coroutine and this hook runs it.
"""

from __future__ import annotations

import asyncio
import inspect

import pytest


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    test = pyfuncitem.obj
    if not inspect.iscoroutinefunction(test):
        return None  # pytest calls it as usual
    wanted = inspect.signature(test).parameters
    asyncio.run(test(**{name: value for name, value in pyfuncitem.funcargs.items() if name in wanted}))
    return True
