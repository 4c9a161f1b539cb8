"""The story list widget on its own: filtering semantics and speed with thousands of rows."""

from __future__ import annotations

import time

from textual.app import App

from storybank.ui.widgets.story_list import Row, StoryList

WORDS = ["payment", "retry", "pipeline", "kafka", "postgres", "redis", "spark", "latency", "migration",
         "outbox", "rust", "android", "terraform", "schedule", "rubric", "clinical", "firmware"]


def rows(n: int) -> list[Row]:
    out = []
    for i in range(n):
        title = " ".join(WORDS[(i * k) % len(WORDS)] for k in (1, 3, 7)) + f" {i}"
        out.append(Row(f"story-{i}", title, "proj perf", 70.0, "clean", "—", f"{title} story-{i} proj perf"))
    return out


class ListApp(App):
    def compose(self):
        yield StoryList()


async def test_filter_semantics_and_selection():
    app = ListApp()
    async with app.run_test(size=(100, 30)) as pilot:
        story_list = app.query_one(StoryList)
        story_list.set_rows(rows(50))
        story_list.select("story-7")
        story_list.filter("sp")                        # short: plain substring
        by_id = {r.id: r for r in rows(50)}
        assert story_list.row_count and all("sp" in by_id[i].haystack for i in story_list.visible_ids())
        story_list.filter("kafak")                     # typo: fuzzy still finds kafka
        assert story_list.row_count > 0
        story_list.filter("zzzzqqq")
        assert story_list.row_count == 0 and story_list.selected_id is None
        story_list.filter("")
        assert story_list.row_count == 50
        await pilot.pause()


async def test_filter_keeps_the_selection_when_it_still_matches():
    app = ListApp()
    async with app.run_test(size=(100, 30)):
        story_list = app.query_one(StoryList)
        story_list.set_rows(rows(50))
        title = next(r for r in rows(50) if r.id == "story-20").title
        story_list.select("story-20")
        story_list.filter(title.split()[0])
        assert story_list.selected_id == "story-20"


async def test_one_filter_keystroke_on_5000_stories_is_fast():
    app = ListApp()
    async with app.run_test(size=(120, 40)) as pilot:
        story_list = app.query_one(StoryList)
        story_list.set_rows(rows(5000))
        await pilot.pause()
        samples = []
        query = "billing retry latency"
        for i in range(1, len(query) + 1):
            start = time.perf_counter()
            story_list.filter(query[:i])
            samples.append(time.perf_counter() - start)
        samples.sort()
        # typically ~4 ms; generous for a loaded CI machine
        assert samples[len(samples) // 2] < 0.05
