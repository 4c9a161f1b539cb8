"""The export dialog agrees with `storybank export`: the path's suffix decides the format."""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

from textual.widgets import Input, RadioSet

from .helpers import screen_text, settle


async def open_export(pilot):
    await settle(pilot)
    await pilot.press("x")
    await settle(pilot)
    assert pilot.app.screen.__class__.__name__ == "ExportScreen"
    return pilot.app.screen


@asynccontextmanager
async def exporting(make_app, size: tuple[int, int] = (100, 30)):
    """A new app run at `size` with the export dialog open: yields the pilot and the dialog."""
    async with make_app().run_test(size=size) as pilot:
        yield pilot, await open_export(pilot)


async def type_path(pilot, text: str) -> None:
    box = pilot.app.screen.query_one("#export-path", Input)
    box.focus()
    await pilot.pause()
    await pilot.press("ctrl+u", *text)   # ctrl+u: delete to the start of the line
    await pilot.pause()


async def save_to(pilot, path: Path) -> None:
    """Type `path` into the dialog and press ctrl+s, as the user saves the sheet there."""
    await type_path(pilot, str(path))
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_the_path_suffix_decides_the_format(make_app, tmp_path: Path):
    async with exporting(make_app) as (pilot, screen):
        await type_path(pilot, str(tmp_path / "sheet.html"))
        assert screen.query_one("#export-formats", RadioSet).pressed_button.name == "html"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert pilot.app.screen.__class__.__name__ == "BankScreen"
    assert (tmp_path / "sheet.html").read_text().lstrip().lower().startswith("<!doctype html")


async def test_an_unknown_suffix_is_refused_like_the_cli(make_app, tmp_path: Path):
    async with exporting(make_app) as (pilot, screen):
        await save_to(pilot, tmp_path / "sheet.docx")
        assert pilot.app.screen.__class__.__name__ == "ExportScreen"
        text = screen_text(pilot.app)
        assert "cannot tell the format" in text and ".pdf" in text
    assert not (tmp_path / "sheet.docx").exists()


async def test_changing_the_format_changes_the_suffix_of_an_edited_path(make_app, tmp_path: Path):
    async with exporting(make_app) as (pilot, screen):
        await type_path(pilot, str(tmp_path / "my-notes.md"))
        await pilot.click("#fmt-txt")
        await pilot.pause()
        assert screen.query_one("#export-path", Input).value == str(tmp_path / "my-notes.txt")


async def test_the_default_path_is_outside_the_bank(make_app, bank: Path):
    async with exporting(make_app) as (pilot, screen):
        path = Path(screen.query_one("#export-path", Input).value).expanduser()
        assert path.is_absolute() and bank.resolve() not in path.resolve().parents
        assert path.suffix == ".md"


async def test_the_dialog_footer_offers_ctrl_s_and_paper_and_template_are_chosen(make_app, tmp_path: Path):
    template = tmp_path / "mine.md.j2"
    template.write_text("My own sheet on {{ paper_name }} paper\n")
    async with exporting(make_app, (100, 40)) as (pilot, screen):
        # the dialog's own footer (the bank's, dimmed behind the dialog, is not the dialog's keys)
        from storybank.ui.widgets.keys import KeysFooter

        keys = pilot.app.screen.query_one(KeysFooter).render().plain
        assert "^s Export" in keys and "n New" not in keys
        assert screen_text(pilot.app).rstrip().splitlines()[-1].startswith("esc Cancel ^s Export")
        await pilot.click("#paper-a4")
        await pilot.pause()
        box = pilot.app.screen.query_one("#export-template", Input)
        box.value = str(template)
        await save_to(pilot, tmp_path / "sheet.md")
        assert pilot.app.screen.__class__.__name__ == "BankScreen"
    assert (tmp_path / "sheet.md").read_text().startswith("My own sheet on A4")


async def test_an_existing_file_is_replaced_only_after_asking(make_app, tmp_path: Path):
    """Exporting an emptied bank once replaced a full cheat sheet (issue 21, item 15)."""
    target = tmp_path / "sheet.md"
    target.write_text("my full cheat sheet\n")
    async with exporting(make_app, (80, 24)) as (pilot, screen):
        await save_to(pilot, target)
        assert pilot.app.screen.__class__.__name__ == "ReplaceScreen"
        assert pilot.app.focused.id == "choice-cancel"            # enter keeps the file
        assert "sheet.md is already there" in " ".join(screen_text(pilot.app).split())
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.screen.__class__.__name__ == "ExportScreen"
        assert "left as it is" in screen_text(pilot.app)
        assert target.read_text() == "my full cheat sheet\n"
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.click("#choice-replace")
        await settle(pilot)
        assert pilot.app.screen.__class__.__name__ == "BankScreen"
    assert target.read_text().startswith("# Interview cheat sheet")


async def test_an_error_goes_away_when_the_path_is_edited(make_app, tmp_path: Path):
    async with exporting(make_app) as (pilot, screen):
        await save_to(pilot, tmp_path / "sheet.docx")
        assert "cannot tell the format" in screen_text(pilot.app)
        await pilot.press("backspace")
        await pilot.pause()
        assert "cannot tell the format" not in screen_text(pilot.app)
        assert not pilot.app.screen.query_one("#export-error").display


async def test_the_dialog_reopens_on_the_last_choice_of_the_session(make_app, tmp_path: Path):
    async with exporting(make_app) as (pilot, screen):
        await pilot.click("#fmt-html")
        await type_path(pilot, str(tmp_path / "mine.html"))
        await pilot.click("#paper-a4")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert (tmp_path / "mine.html").exists(), screen_text(pilot.app)
        screen = await open_export(pilot)
        assert screen.query_one("#export-formats", RadioSet).pressed_button.name == "html"
        assert screen.query_one("#export-path", Input).value == str(tmp_path / "mine.html")
        assert screen.query_one("#export-paper", RadioSet).pressed_button.name == "a4"
        await pilot.click("#fmt-txt")           # picked, then cancelled: still picked next time
        await pilot.press("escape")
        await settle(pilot)
        screen = await open_export(pilot)
        assert screen.query_one("#export-formats", RadioSet).pressed_button.name == "txt"
        assert screen.query_one("#export-path", Input).value == str(tmp_path / "mine.txt")
