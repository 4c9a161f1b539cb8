"""Snapshots of every screen at 80×24 and 200×60 (regenerate with --snapshot-update and look).

Deterministic: a fixed bank copied to tmp_path/bank, a fake clock, no cursor blink, workers
awaited before the picture is taken.
"""

from __future__ import annotations

import pytest

from .helpers import answer_with, live, on_story, open_story, settle

SIZES = [(80, 24), (200, 60)]


def ids(size):
    return f"{size[0]}x{size[1]}"


def pressing(*keys: str):
    """A scene: the bank loaded, then `keys` pressed on it and every worker done."""

    async def scene(pilot):
        await settle(pilot)
        if keys:
            await pilot.press(*keys)
            await settle(pilot)

    return scene


async def editor(pilot):
    await open_story(pilot, "order-outbox")
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
    await pressing("c")(pilot)
    await pilot.press("down", "down", "n")
    await live(pilot)


async def drill_running(pilot):
    await answer_with(pilot, "spark-skew")
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
    await pressing("x")(pilot)
    box = pilot.app.screen.query_one("#export-path")
    box.value = "cheatsheet.md"  # the default is next to the bank, a different folder each run


async def delete_dialog(pilot):
    await on_story(pilot, "spark-skew", "delete")
    await settle(pilot)


SCENES = {
    "bank": pressing(),
    "bank-filtered": pressing("slash", *"parcelo"),
    "editor": editor,
    "editor-blocked": editor_with_problem,
    "editor-guidance": new_from_coverage,
    "coverage": pressing("c"),
    "help": pressing("question_mark"),
    "drill-choose": pressing("d"),
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
