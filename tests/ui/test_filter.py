"""The filter: words in any order, and the down arrow into the list (issue 13, friction)."""

from __future__ import annotations

import pytest

from storybank.ui.widgets.story_list import StoryList

from .helpers import settle


@pytest.mark.parametrize("query", ["spark job", "job spark", "nightly attribution"])
async def test_multi_word_queries_match_words_in_any_order(make_app, query):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *query)
        await settle(pilot)
        visible = app.screen.query_one(StoryList).visible_ids()
        assert visible[:1] == ["spark-skew"], visible


async def test_every_word_must_match(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"spark outbox")
        await settle(pilot)
        assert app.screen.query_one(StoryList).visible_ids() == []


async def test_down_arrow_moves_from_the_filter_into_the_list(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"o")
        await settle(pilot)
        story_list = app.screen.query_one(StoryList)
        assert app.focused is not story_list
        await pilot.press("down")
        await settle(pilot)
        assert app.focused is story_list
