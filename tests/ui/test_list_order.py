"""A new story takes its sorted place in the list at once, the place a reload gives it
(issue 13, defect 10)."""

from __future__ import annotations

from storybank.ui.widgets.story_list import StoryList

from .helpers import settle


async def test_a_new_story_is_listed_where_a_reload_puts_it(open_app):
    async with open_app((100, 30), "n") as pilot:
        app = pilot.app
        await pilot.press(*"Backfilling a lost day of orders", "ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        before = app.screen.query_one(StoryList).visible_ids()
        await pilot.press("r")
        await settle(pilot)
        after = app.screen.query_one(StoryList).visible_ids()
        assert "backfilling-a-lost-day-of-orders" in before
        assert before == after
