"""The filter: words in any order, and the down arrow into the list (issue 13, friction)."""

from __future__ import annotations

import pytest

from storybank.ui.widgets.story_list import StoryList

from .helpers import settle


@pytest.mark.parametrize("query", ["spark job", "job spark", "nightly attribution"])
async def test_multi_word_queries_match_words_in_any_order(open_app, query):
    async with open_app((100, 30), "slash", *query) as pilot:
        app = pilot.app
        visible = app.screen.query_one(StoryList).visible_ids()
        assert visible[:1] == ["spark-skew"], visible


async def test_every_word_must_match(open_app):
    async with open_app((100, 30), "slash", *"spark outbox") as pilot:
        app = pilot.app
        assert app.screen.query_one(StoryList).visible_ids() == []


async def test_down_arrow_moves_from_the_filter_into_the_list(open_app):
    async with open_app((100, 30), "slash", *"o") as pilot:
        app = pilot.app
        story_list = app.screen.query_one(StoryList)
        assert app.focused is not story_list
        await pilot.press("down")
        await settle(pilot)
        assert app.focused is story_list
