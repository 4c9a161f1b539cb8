"""The export dialog agrees with `storybank export`: the path's suffix decides the format."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, RadioSet

from .helpers import screen_text, settle


async def open_export(pilot):
    await settle(pilot)
    await pilot.press("x")
    await settle(pilot)
    assert pilot.app.screen.__class__.__name__ == "ExportScreen"
    return pilot.app.screen


async def type_path(pilot, text: str) -> None:
    box = pilot.app.screen.query_one("#export-path", Input)
    box.focus()
    await pilot.pause()
    await pilot.press("ctrl+u", *text)   # ctrl+u: delete to the start of the line
    await pilot.pause()


async def test_the_path_suffix_decides_the_format(make_app, tmp_path: Path):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_export(pilot)
        await type_path(pilot, str(tmp_path / "sheet.html"))
        assert screen.query_one("#export-formats", RadioSet).pressed_button.name == "html"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "BankScreen"
    assert (tmp_path / "sheet.html").read_text().lstrip().lower().startswith("<!doctype html")


async def test_an_unknown_suffix_is_refused_like_the_cli(make_app, tmp_path: Path):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_export(pilot)
        await type_path(pilot, str(tmp_path / "sheet.docx"))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "ExportScreen"
        text = screen_text(app)
        assert "cannot tell the format" in text and ".pdf" in text
    assert not (tmp_path / "sheet.docx").exists()


async def test_changing_the_format_changes_the_suffix_of_an_edited_path(make_app, tmp_path: Path):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_export(pilot)
        await type_path(pilot, str(tmp_path / "my-notes.md"))
        await pilot.click("#fmt-txt")
        await pilot.pause()
        assert screen.query_one("#export-path", Input).value == str(tmp_path / "my-notes.txt")


async def test_the_default_path_is_outside_the_bank(make_app, bank: Path):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_export(pilot)
        path = Path(screen.query_one("#export-path", Input).value).expanduser()
        assert path.is_absolute() and bank.resolve() not in path.resolve().parents
        assert path.suffix == ".md"


async def test_the_dialog_footer_offers_ctrl_s_and_paper_and_template_are_chosen(make_app, tmp_path: Path):
    template = tmp_path / "mine.md.j2"
    template.write_text("My own sheet on {{ paper_name }} paper\n")
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_export(pilot)
        text = screen_text(app)
        assert "^s Export" in text and "n New" not in text
        await pilot.click("#paper-a4")
        await pilot.pause()
        box = app.screen.query_one("#export-template", Input)
        box.value = str(template)
        await type_path(pilot, str(tmp_path / "sheet.md"))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "BankScreen"
    assert (tmp_path / "sheet.md").read_text().startswith("My own sheet on A4")
