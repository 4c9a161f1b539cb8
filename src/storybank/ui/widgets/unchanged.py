"""Updating a widget only when what it shows changes.

`Static.update` lays the whole screen out again, even when the text is the one already shown.
The running clock of a timed answer ticks five times a second and rewrote its zone line, the
typed answer's figures and the interview's talk meter at every tick, while the user read or typed
and nothing on screen moved; each key typed in the editor or the export path rewrote an empty
message line below it; a change of state redrew the bank's details of the same story. These
places go through the functions here instead: an update that changes nothing costs nothing.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Digits, ProgressBar, Static


def show(static: Static, content: str | Content) -> None:
    """Show `content` in `static` unless it already shows exactly that."""
    shown = static.content
    if type(shown) is not type(content) or shown != content:
        static.update(content)


def show_digits(digits: Digits, value: str) -> None:
    """Show `value` on `digits` unless it already does."""
    if digits.value != value:
        digits.update(value)


def show_progress(bar: ProgressBar, progress: float) -> None:
    """Move `bar` to `progress` unless it is there. (An update, even to the same place, reads
    the bar's estimate of the time left off the wall clock: a repaint.)"""
    if bar.progress != progress:
        bar.update(progress=progress)
