"""Deleting a story from the bank screen: asked first, then moved to .storybank/trash/
(issue 14, item 1: Bank.delete gets a user path)."""

from __future__ import annotations

from storybank.ui.widgets.story_list import StoryList

from .helpers import on_story, screen_text, settle


async def test_delete_asks_then_moves_the_file_to_the_trash(open_app, bank):
    async with open_app((100, 30)) as pilot:
        app = pilot.app
        story_list = app.screen.query_one(StoryList)
        await on_story(pilot, "spark-skew", "delete")
        await settle(pilot)
        assert "Move “Cutting the nightly attribution job" in " ".join(screen_text(app).split())
        await pilot.press("escape")             # cancel: nothing moves
        await settle(pilot)
        assert (bank / "spark-skew.toml").exists()
        await pilot.press("delete")
        await settle(pilot)
        await pilot.click("#choice-delete")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "BankScreen"
        assert "spark-skew" not in story_list.visible_ids()
        assert app.state.story("spark-skew") is None
    assert not (bank / "spark-skew.toml").exists()
    trashed = list((bank / ".storybank" / "trash").glob("spark-skew.*.toml"))
    assert len(trashed) == 1


async def test_delete_is_in_the_footer_help_and_palette(open_app):
    async with open_app((120, 30)) as pilot:
        app = pilot.app
        assert "del Delete" in screen_text(app)
        await pilot.press("question_mark")
        await settle(pilot)
        assert "Move the selected story to the trash" in screen_text(app)
