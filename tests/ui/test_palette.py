"""The command palette: one entry per command, each with its own description, and a Screenshot
that works (issue 13, defect 12 and the palette friction)."""

from __future__ import annotations

from textual.command import CommandList

from .helpers import settle


async def palette_entries(pilot) -> list[tuple[str, str]]:
    await pilot.press("ctrl+p")
    await settle(pilot)
    options = pilot.app.screen.query_one(CommandList)
    out = []
    for i in range(options.option_count):
        prompt = options.get_option_at_index(i).prompt
        lines = str(getattr(prompt, "plain", prompt)).splitlines()
        out.append((lines[0].strip(), " ".join(lines[1:]).strip()))
    return out


async def test_palette_entries_are_unique_and_described(open_app):
    async with open_app((120, 40)) as pilot:
        entries = await palette_entries(pilot)
        names = [name for name, _ in entries]
        assert "Quit" in names and "Help" in names and "Screenshot" in names
        assert len(names) == len(set(names)), names
        descriptions = [help_text for _, help_text in entries]
        assert len(set(descriptions)) == len(descriptions), descriptions


async def test_palette_screenshot_saves_a_picture_next_to_the_bank(make_app, bank):
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"Screenshot")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        pictures = list(bank.parent.glob("*.svg"))
        assert len(pictures) == 1 and pictures[0].read_text().lstrip().startswith("<svg")
        assert not list(bank.rglob("*.svg"))


def test_every_key_says_what_it_does_in_one_table():
    """Issue 20 item 3: every binding of the UI is made in `bindings.py` with a sentence (its
    tooltip), which the palette and the help screen read; no screen declares keys of its own."""
    from pathlib import Path

    import storybank.ui
    from storybank.ui import bindings
    from storybank.ui.widgets.story_list import StoryList

    every = [b for table in bindings.TABLES for b in table]
    assert len(every) >= 50
    missing = [b.key for b in every if not (b.tooltip and b.tooltip[0].isupper())]
    assert missing == []
    assert StoryList.BINDINGS == bindings.STORY_LIST
    for table in bindings.TABLES:                            # ids are unique within a table
        ids = [b.id for b in table if b.id]
        assert len(ids) == len(set(ids))
    for source in Path(storybank.ui.__file__).parent.rglob("*.py"):
        if source.name != "bindings.py":
            assert 'Binding("' not in source.read_text(encoding="utf-8"), source



async def test_the_palette_opened_again_while_the_last_one_closes_does_not_crash(make_app):
    """The palette closed and opened again in one tick: the new one is pushed while the old one
    is still being removed. Found by the monkey under load: both had one fixed id, and the app
    ended on DuplicateIds."""
    from textual.command import CommandPalette

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.action_command_palette()
        await settle(pilot)
        old = app.screen
        assert isinstance(old, CommandPalette)
        app.pop_screen()                    # its removal is under way, not finished
        app.action_command_palette()        # a key already queued opens the palette again
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette) and app.screen is not old
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, CommandPalette)
        assert app.return_code is None and app._exception is None
