"""Updating a widget only when what it shows changes.

`Static.update` lays the whole screen out again, even when the text is the one already shown.
The running clock of a timed answer ticks five times a second and rewrote its zone line, the
typed answer's figures and the interview's talk meter at every tick: a layout and repaint of the
screen each time, while the user read or typed and nothing on screen moved. The clock's ticks go
through these functions instead, so a tick that changes nothing costs nothing on screen.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Digits, Static


def show(static: Static, content: str | Content) -> bool:
    """Show `content` in `static` unless it already shows exactly that; True if it changed."""
    shown = static.content
    if type(shown) is type(content) and shown == content:
        return False
    static.update(content)
    return True


def show_digits(digits: Digits, value: str) -> bool:
    """Show `value` on `digits` unless it already does; True if it changed."""
    if digits.value == value:
        return False
    digits.update(value)
    return True
