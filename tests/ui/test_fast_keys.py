"""Keys typed faster than the app handles them (issue 21, items 0 and 4): each lands in the field
that shows focus when it is pressed, and a burst of screen keys never finds a screen half built."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from .helpers import burst, open_story, settle


async def test_keys_typed_quickly_after_tab_land_in_the_next_field(open_app):
    async with open_app((100, 40)) as pilot:
        editor = await open_story(pilot, "order-outbox")
        role = editor.query_one("#role", Input)
        role.focus()
        await pilot.pause()
        burst(pilot.app, "ctrl+u", *"Senior engineer, Fernway", "tab", "ctrl+u", *"2023", "tab", "ctrl+u",
              *"PostgreSQL", "shift+tab", "shift+tab", "end", *" Payments")
        await settle(pilot)
        assert role.value == "Senior engineer, Fernway Payments"
        assert editor.query_one("#when", Input).value == "2023"
        assert editor.query_one("#technologies", Input).value == "PostgreSQL"


async def test_a_burst_of_screen_keys_opens_and_closes_each_screen_whole(open_app):
    async with open_app((80, 24)) as pilot:
        app = pilot.app
        burst(app, "question_mark", "escape", "c", "escape", "p", "escape", "question_mark", "q",
              "x", "escape", "d", "escape", "n", *"Title", "escape")
        await settle(pilot)
        assert app.return_code is None and app._exception is None
        # n opened a new story, "Title" went into its title, and escape asks before dropping it
        assert app.screen.__class__.__name__ == "UnsavedScreen"
        assert app.screen_stack[-2].display_title == "Title"


def keys_read(data: str) -> list[str]:
    from storybank.ui.terminal_keys import EscapeKeepingParser

    parser = EscapeKeepingParser()
    return [token.key for token in parser.feed(data) if hasattr(token, "key")]


def test_escape_typed_fast_before_a_key_is_escape_not_a_caret():
    assert keys_read("\x1ba\x1b[A") == ["escape", "a", "up"]     # escape, a, up: one quick burst
    assert keys_read("\x1b[\x1b\x1b") == ["escape", "left_square_bracket", "escape"]
    assert "circumflex_accent" not in keys_read("\x1bO\x1b[B")


def test_a_caret_typed_is_still_a_caret():
    assert keys_read("x^y") == ["x", "circumflex_accent", "y"]
    assert keys_read("^\x1b[A^") == ["circumflex_accent", "up", "circumflex_accent"]


def test_the_terminal_driver_reads_keys_with_that_parser(monkeypatch):
    from textual.drivers import linux_driver

    from storybank.ui import terminal_keys

    monkeypatch.setattr(linux_driver, "XTermParser", linux_driver.XTermParser)  # restored after
    terminal_keys.install()
    assert linux_driver.XTermParser is terminal_keys.EscapeKeepingParser


@pytest.mark.parametrize("keys", [("ctrl+p", "pageup"), ("ctrl+p", "pagedown"), ("ctrl+p", *"zzz", "pageup")])
async def test_page_keys_in_a_palette_just_opened_do_not_crash(open_app, keys):
    async with open_app((80, 24)) as pilot:
        burst(pilot.app, *keys)
        await settle(pilot)
        assert pilot.app._exception is None and pilot.app.return_code is None
        assert pilot.app.screen.__class__.__name__ == "Palette"


@pytest.mark.parametrize("opener", ["x", "delete"])
async def test_two_closing_keys_typed_fast_close_the_dialog_once(open_app, opener):
    async with open_app((80, 24)) as pilot:
        app = pilot.app
        await pilot.press(opener)
        await settle(pilot)
        dialog = app.screen
        cancel = dialog.query_one("#export-cancel" if opener == "x" else "#choice-cancel")
        cancel.focus()
        await pilot.pause()
        burst(app, "enter", "escape", "escape")
        await settle(pilot)
        assert app._exception is None
        assert [s.__class__.__name__ for s in app.screen_stack][1:] == ["BankScreen"]
        # The race itself, without its timing: the button's Pressed and the escape both close it.
        await pilot.press(opener)
        await settle(pilot)
        dialog = app.screen
        dialog.dismiss(None)
        dialog.dismiss(None)
        await settle(pilot)
        assert app._exception is None
        assert [s.__class__.__name__ for s in app.screen_stack][1:] == ["BankScreen"]
