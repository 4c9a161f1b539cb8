"""Screen handlers that run only while their screen is part of the app.

A handler can be called when its screen's widgets are gone or were never built: a burst of keys
closed the screen before its Mount was handled, the app began to quit while the screen was being
built, or a timer, a signal or a worker's message arrived after the screen closed. Querying a
widget then raises NoMatches, which ends the app with a traceback (issue 21, item 0). A handler
marked `@while_shown` does nothing then.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any, TypeVar

from textual.await_complete import AwaitComplete
from textual.screen import Screen, ScreenResultType

F = TypeVar("F", bound=Callable[..., Any])


def while_shown(handler: F) -> F:
    """Run `handler(self, …)` only while `self` (a screen or widget) is attached to the app."""
    if inspect.iscoroutinefunction(handler):

        @functools.wraps(handler)
        async def run_async(self: Any, *args: Any, **kwargs: Any) -> Any:
            if not self.is_attached:
                return None
            return await handler(self, *args, **kwargs)

        return run_async  # type: ignore[return-value]

    @functools.wraps(handler)
    def run(self: Any, *args: Any, **kwargs: Any) -> Any:
        if not self.is_attached:
            return None
        return handler(self, *args, **kwargs)

    return run  # type: ignore[return-value]


class ClosesOnce(Screen[ScreenResultType]):
    """A screen that closes once: a second `dismiss` before the first has taken the screen off
    the stack does nothing. Two closing keys typed fast (enter on Cancel, then escape) both
    reached the screen: the second called its result callback again (InvalidStateError) and
    popped the screen beneath it (found by the monkey test, issue 21 item 0).

    A dialog lists `ModalScreen` first and this second: Textual takes a screen's default styles
    and CSS type names along the first base of each class only, and this class has none."""

    _closing_once = False

    def dismiss(self, result: ScreenResultType | None = None) -> AwaitComplete:
        if self._closing_once:
            done: AwaitComplete = AwaitComplete.nothing()
            return done
        self._closing_once = True
        return super().dismiss(result)
