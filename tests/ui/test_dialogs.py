"""The questions asked before anything is lost (issue 21, items 1 and 2): each opens on its safe
choice, so `enter` alone never deletes, discards or overwrites; and each shows every one of its
buttons, whole, at 80×24, 120×40 and 200×60, so the arrow keys never focus a button nobody sees."""

from __future__ import annotations

import pytest
from textual.widgets import Button

from storybank.ui.screens.modals import (
    Choice,
    ConflictScreen,
    DeleteScreen,
    ReplaceScreen,
    UnsavedScreen,
)

from .helpers import digests, on_story, open_story, screen_text, settle

SIZES = [(80, 24), (120, 40), (200, 60)]


def assert_every_button_shows(app) -> None:
    screen = app.screen
    dialog = screen.query_one(".dialog")
    width, height = app.size
    text = screen_text(app)
    for button in screen.query(Button):
        region = button.region
        assert region.width and region.height, f"{button.label} has no place on screen"
        assert region.right <= width and region.bottom <= height, f"{button.label} is off screen"
        assert dialog.region.contains_region(region), f"{button.label} is cut off by the dialog"
        assert str(button.label) in text


async def cycle_focus(pilot, keys: tuple[str, ...]) -> None:
    """Arrow through every choice: the focused button is always one that shows."""
    app = pilot.app
    for key in keys:
        await pilot.press(key)
        await pilot.pause()
        focused = app.focused
        assert isinstance(focused, Button)
        assert app.screen.query_one(".dialog").region.contains_region(focused.region)


async def change_on_disk_and_save(pilot, bank):
    path = bank / "spark-skew.toml"
    await open_story(pilot, "spark-skew")
    await pilot.press(*" (mine)")
    path.write_text(path.read_text().replace("Data engineer, Adquire", "Staff data engineer, Adquire"))
    await pilot.press("ctrl+s")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ConflictScreen)


@pytest.mark.parametrize("size", SIZES)
async def test_delete_then_enter_keeps_the_story(open_app, bank, size):
    async with open_app(size) as pilot:
        await on_story(pilot, "spark-skew", "delete")
        await settle(pilot)
        assert isinstance(pilot.app.screen, DeleteScreen)
        assert pilot.app.focused.id == "choice-cancel"
        assert_every_button_shows(pilot.app)
        await cycle_focus(pilot, ("left", "left", "right", "right", "right"))
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("delete", "enter")     # in one burst, the way a hurried hand does
        await settle(pilot)
        assert pilot.app.screen.__class__.__name__ == "BankScreen"
    assert (bank / "spark-skew.toml").exists()


@pytest.mark.parametrize("size", SIZES)
async def test_a_conflict_then_enter_keeps_my_edits_and_their_file(open_app, bank, size):
    async with open_app(size) as pilot:
        await change_on_disk_and_save(pilot, bank)
        before = digests(bank)
        assert pilot.app.focused.id == "choice-cancel"
        assert_every_button_shows(pilot.app)
        await cycle_focus(pilot, ("right",) * 5 + ("left",) * 5)
        pilot.app.screen.query_one("#choice-cancel").focus()
        await pilot.press("enter")
        await settle(pilot)
        editor = pilot.app.screen
        assert editor.__class__.__name__ == "EditorScreen"
        assert editor.dirty and editor.display_title.endswith("(mine)")
        assert "Not saved" in screen_text(pilot.app)
    assert digests(bank) == before


@pytest.mark.parametrize("size", SIZES)
async def test_unsaved_then_enter_keeps_editing(open_app, bank, size):
    before = digests(bank)
    async with open_app(size) as pilot:
        await open_story(pilot, "spark-skew")
        await pilot.press("x", "escape", "enter")
        await settle(pilot)
        editor = pilot.app.screen
        assert editor.__class__.__name__ == "EditorScreen" and editor.dirty
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, UnsavedScreen)
        assert pilot.app.focused.id == "choice-cancel"
        assert "Keep editing" in screen_text(pilot.app)
        assert_every_button_shows(pilot.app)
        await cycle_focus(pilot, ("left", "left", "left", "right", "right", "right"))
        await pilot.press("escape")
        await settle(pilot)
    assert digests(bank) == before


def test_every_dialog_names_a_safe_choice_that_it_offers():
    for dialog in (UnsavedScreen, ConflictScreen, DeleteScreen, ReplaceScreen):
        assert issubclass(dialog, Choice)
        assert dialog.SAFE in {value for value, _label, _variant in dialog.CHOICES}


async def test_the_dialog_says_what_enter_will_do_as_the_focus_moves(open_app, bank):
    """After a tab or two the focused button was hard to tell from the coloured ones: the line
    under them names the choice enter takes, in the warning colour when it loses work."""
    before = digests(bank)
    async with open_app((80, 24)) as pilot:
        await open_story(pilot, "spark-skew")
        await pilot.press("x", "escape")
        await settle(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, UnsavedScreen)
        hint = dialog.query_one(".dialog-hint")
        assert "enter: Keep editing" in screen_text(pilot.app)
        assert not hint.has_class("-danger")
        await pilot.press("tab", "tab")
        await settle(pilot)
        assert pilot.app.focused.id == "choice-discard"
        assert "enter: Discard" in screen_text(pilot.app) and hint.has_class("-danger")
        await pilot.press("left")                     # back to Save: no warning
        await settle(pilot)
        assert "enter: Save" in screen_text(pilot.app) and not hint.has_class("-danger")
        await pilot.press("escape")
        await settle(pilot)
    assert digests(bank) == before


async def test_overwriting_a_file_changed_on_disk_is_said_in_the_warning_colour(open_app):
    async with open_app((100, 30)) as pilot:
        await pilot.app.push_screen(ConflictScreen("stories/spark-skew.toml"))
        await settle(pilot)
        hint = pilot.app.screen.query_one(".dialog-hint")
        await pilot.press("left")                     # Keep both: nothing is lost
        await settle(pilot)
        assert "enter: Keep both" in screen_text(pilot.app) and not hint.has_class("-danger")
        await pilot.press("left")                     # Overwrite: the other program's version goes
        await settle(pilot)
        assert "enter: Overwrite" in screen_text(pilot.app) and hint.has_class("-danger")
