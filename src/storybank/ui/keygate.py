"""Keys typed faster than the app handles them land where the screen shows focus.

Textual picks a key's target when the key arrives: the focused widget. The key then travels: the
widget handles it (a letter goes into a field and stops there) or passes it up to the screen and
the app, which run its binding (`tab` moves the focus, `ctrl+u` clears a field, `?` opens help).
A key that arrives while another is still travelling is sent to the widget that had focus before
that binding ran, so "Payments<tab>2023" typed fast put "2023" in the old field, and a burst of
screen keys could reach a screen that was not built yet (issue 21, items 0 and 4).

The gate lets one key travel at a time. A key that arrives while another travels, or while the
screen on top is still being built, waits in order and goes out when the way is clear: when the
travelling key was stopped by a widget, came back to the app and had its binding run, or was
lost (its widget removed: then after LOST_AFTER seconds). Keys that arrive one by one, as most
typing does, pass straight through. Keys that arrive after the app started to quit go nowhere.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App
from textual.message import Message
from textual.screen import Screen

if TYPE_CHECKING:  # pragma: no cover
    from textual.dom import DOMNode
    from textual.timer import Timer

LOST_AFTER = 1.0   # seconds: a key whose widget went away before handling it is given up on
POLL = 0.02        # seconds between checks while keys wait for a screen to be built


class KeyGate:
    def __init__(self, app: App[Any], send: Callable[[events.Key], Awaitable[None]]) -> None:
        self.app = app
        self.send = send                      # the app's own handling of a key that just arrived
        self.waiting: deque[events.Key] = deque()
        self.travelling: events.Key | None = None
        self.since = 0.0
        self._watched: list[DOMNode] = []
        self._timer: Timer | None = None
        self._releasing = False
        self._ready: Screen[Any] | None = None      # the top screen, once built and settled
        self._settling: Screen[Any] | None = None   # the top screen, built, its settling queued

    # --- called by the app -----------------------------------------------------------------

    async def arrived(self, event: events.Key) -> None:
        """A key from the terminal: send it now if the way is clear, else keep it in order."""
        if self.waiting or not self._clear():
            self.waiting.append(event)
            self._poll()
            return
        await self._send(event)

    def came_back(self, event: Message) -> None:
        """A key bubbled back to the app and its binding (if any) has run."""
        if event is self.travelling:
            self._arrived_home()

    # --- inside ------------------------------------------------------------------------------

    def _clear(self) -> bool:
        if self.travelling is not None:
            if time.monotonic() - self.since < LOST_AFTER:
                return False
            self._arrived_home()  # its widget went away: do not wait for it any longer
        screen = self.app.screen_stack[-1] if self.app.screen_stack else None
        if screen is None or screen is self._ready:
            return True
        if screen.is_mounted and screen is not self._settling:
            # Built; what its on_mount asked the app to do (focus a field) is queued on the
            # app: the screen is ready only when the app reaches this callback, queued after
            # it, so the next key goes to that field, not to the bare screen. Checks queued
            # earlier find it still settling.
            self._settling = screen
            self.app.call_later(self._settled, screen)
        return False

    async def _settled(self, screen: Screen[Any]) -> None:
        if self._settling is screen:
            self._ready = screen
            await self._release()

    async def _send(self, event: events.Key) -> None:
        target = self.app.focused or (self.app.screen_stack[-1] if self.app.screen_stack else None)
        self.travelling, self.since = event, time.monotonic()
        await self.send(event)
        if not event.is_forwarded:      # a priority binding took it, or nothing could
            self._arrived_home()
            return
        if self.travelling is event and target is not None:
            self._watch(event, target)

    def _watch(self, event: events.Key, target: DOMNode) -> None:
        """Learn when a widget on the key's way up stops it (a field that took a letter).

        The screen always looks stopped (Textual stops a key at the screen, the last node
        before the app that sent it, and still passes it up), so there the gate checks one turn
        later: by then a key passed up has come back to the app (`came_back`), and one that the
        screen's own handler kept is done."""

        def handled(message: Message) -> None:
            if message is event and message._stop_propagation and self.travelling is event:
                self._arrived_home()

        def left_screen(message: Message) -> None:
            if message is event and self.travelling is event:
                self.app.call_later(self._done_at_screen, event)

        for node in target.ancestors_with_self:
            if node is self.app:
                break
            if node.is_running:
                callback = left_screen if isinstance(node, Screen) else handled
                node.message_signal.subscribe(self.app, callback, immediate=True)
                self._watched.append(node)

    def _done_at_screen(self, event: events.Key) -> None:
        if self.travelling is event:
            self._arrived_home()

    def _arrived_home(self) -> None:
        self.travelling = None
        for node in self._watched:
            node.message_signal.unsubscribe(self.app)
        self._watched.clear()
        if self.waiting:
            self.app.call_later(self._release)

    async def _release(self) -> None:
        if self._releasing:
            return
        self._releasing = True
        try:
            while self.waiting and self._clear():
                if getattr(self.app, "_exit", False):
                    self.waiting.clear()
                    break
                await self._send(self.waiting.popleft())
        finally:
            self._releasing = False
        if not self.waiting and self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _poll(self) -> None:
        """While keys wait, check now and then: a screen being built says nothing when done.

        A tick only queues the check on the app: Textual runs a timer's callback in the timer's
        own task, which would send a key ahead of what the app has queued (the new screen's
        `focus()` of its first field)."""
        if self._timer is None:
            self._timer = self.app.set_interval(POLL, lambda: self.app.call_later(self._release),
                                                name="key gate")
