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
