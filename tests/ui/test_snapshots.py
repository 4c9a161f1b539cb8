"""Snapshots of every screen at 80×24 and 200×60 (regenerate with --snapshot-update and look).

Deterministic: a fixed bank copied to tmp_path/bank, a fake clock, no cursor blink, workers
awaited before the picture is taken.
"""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from .helpers import settle

SIZES = [(80, 24), (200, 60)]


def ids(size):
    return f"{size[0]}x{size[1]}"


async def wait(pilot):
    await settle(pilot)


async def live(pilot):
    """The editor's live panel, without waiting for its debounce timer."""
    await settle(pilot)               # every keystroke handled (each restarts the debounce) ...
    pilot.app.screen.analyse_now()    # ... then analyse at once instead of waiting it out
    await settle(pilot)


async def editor(pilot):
    await settle(pilot)
    pilot.app.screen.query_one("StoryList").select("order-outbox")
    await pilot.press("enter")
    await live(pilot)


async def editor_with_problem(pilot):
    await editor(pilot)
    await pilot.press("ctrl+n")
    await settle(pilot)
    await pilot.press(*"p99", "tab", "tab", *"4.2s", "tab", *"1.1")
    await live(pilot)
    await pilot.press("ctrl+s")
    await settle(pilot)


async def new_from_coverage(pilot):
    await settle(pilot)
    await pilot.press("c")
    await settle(pilot)
    await pilot.press("down", "down", "n")
    await live(pilot)


async def coverage(pilot):
    await settle(pilot)
    await pilot.press("c")
    await settle(pilot)


async def help_screen(pilot):
    await settle(pilot)
    await pilot.press("question_mark")
    await settle(pilot)


async def drill_choose(pilot):
    await settle(pilot)
    await pilot.press("d")
    await settle(pilot)


def _pick(pilot, story_id):
    stories = pilot.app.screen.query_one("#drill-stories", OptionList)
    ids_ = [stories.get_option_at_index(i).id for i in range(stories.option_count)]
    stories.highlighted = ids_.index(story_id)


async def drill_running(pilot):
    await drill_choose(pilot)
    _pick(pilot, "spark-skew")
    await pilot.press("enter")
    pilot.app.clock.advance(84)  # past the window, not yet the limit
    pilot.app.screen.tick()
    await settle(pilot)


async def drill_card(pilot):
    await drill_running(pilot)
    await pilot.press("space")
    pilot.app.clock.advance(41)
    await pilot.press("space")
    await settle(pilot)


async def export_dialog(pilot):
    await settle(pilot)
    await pilot.press("x")
    await settle(pilot)
    box = pilot.app.screen.query_one("#export-path")
    box.value = "cheatsheet.md"  # the default is next to the bank, a different folder each run


async def delete_dialog(pilot):
    await settle(pilot)
    pilot.app.screen.query_one("StoryList").select("spark-skew")
    await pilot.press("delete")
    await settle(pilot)


async def filtered(pilot):
    await settle(pilot)
    await pilot.press("slash", *"parcelo")
    await settle(pilot)


SCENES = {
    "bank": wait,
    "bank-filtered": filtered,
    "editor": editor,
    "editor-blocked": editor_with_problem,
    "editor-guidance": new_from_coverage,
    "coverage": coverage,
    "help": help_screen,
    "drill-choose": drill_choose,
    "drill-running": drill_running,
    "drill-card": drill_card,
    "export": export_dialog,
    "delete": delete_dialog,
}
EVERY_SIZE = {"bank", "editor", "coverage", "help", "drill-choose", "drill-card", "export"}


@pytest.mark.parametrize("size", SIZES, ids=ids)
@pytest.mark.parametrize("scene", sorted(EVERY_SIZE))
def test_screen(snap_compare, make_app, scene, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=SCENES[scene])


@pytest.mark.parametrize("scene", sorted(set(SCENES) - EVERY_SIZE))
def test_state(snap_compare, make_app, scene):
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=SCENES[scene])
