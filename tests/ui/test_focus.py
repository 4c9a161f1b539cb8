"""Every Tab stop is one the user can see and type into (issue 13, defect 1 and its class)."""

from __future__ import annotations

from textual.containers import HorizontalScroll, ScrollableContainer, VerticalScroll
from textual.widgets import Input, RadioSet, TextArea

from storybank.ui.screens.editor import EditorScreen

from .helpers import open_story, settle


def _plain_container(widget) -> bool:
    plain = isinstance(widget, (VerticalScroll, HorizontalScroll)) or type(widget) is ScrollableContainer
    return plain and not isinstance(widget, RadioSet)


async def _shows_focus(pilot, widget) -> bool:
    """Whether a container's border changes when it takes focus (so the user sees where they are)."""
    widget.focus()
    await pilot.pause()
    focused = (widget.styles.border_left, widget.styles.border_top)
    pilot.app.set_focus(None)
    await pilot.pause()
    return focused != (widget.styles.border_left, widget.styles.border_top)


async def test_tab_from_reflection_lands_in_the_metric_name_and_typing_is_kept(open_app):
    async with open_app((100, 40)) as pilot:
        app = pilot.app
        await open_story(pilot, "order-outbox")
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        editor.query_one("#reflection", TextArea).focus()
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
        # The reflection's cue box comes first (issue 24), then the first metric's name.
        assert app.focused is editor.query_one("#cues-reflection", Input)
        await pilot.press("tab")
        await pilot.pause()
        assert isinstance(app.focused, Input) and app.focused.has_class("m-name"), app.focused


async def test_no_screen_has_an_invisible_tab_stop(open_app):
    async with open_app((100, 40)) as pilot:
        app = pilot.app
        stops = {}
        openers = {"bank": lambda: None, "editor": lambda: app.open_screen("editor", story_id="order-outbox"),
                   "coverage": lambda: app.open_screen("coverage"), "drill": lambda: app.open_screen("drill"),
                   "export": lambda: app.open_screen("export")}
        for name, opener in openers.items():
            opener()
            await settle(pilot)
            seen = []
            for _ in range(45):
                await pilot.press("tab")
                seen.append(app.focused)
                if len(seen) > 1 and seen[-1] is seen[0]:
                    break            # once around the focus chain: every stop has been seen
            for _ in range(5):
                await pilot.press("shift+tab")
                seen.append(app.focused)
            bad = set()
            for widget in {w for w in seen if w is not None and _plain_container(w)}:
                if not await _shows_focus(pilot, widget):
                    bad.add(repr(widget))
            stops[name] = sorted(bad)
            if name != "bank":
                app.pop_screen()
                await settle(pilot)
        assert not any(stops.values()), stops


async def test_add_metric_scrolls_the_new_row_into_view_at_80x24(open_app):
    async with open_app((80, 24)) as pilot:
        app = pilot.app
        await open_story(pilot, "spark-skew")
        await pilot.press("ctrl+n")
        await settle(pilot)
        focused = app.focused
        assert isinstance(focused, Input) and focused.has_class("m-name")
        form = app.screen.query_one("#editor-form")
        assert form.region.contains_region(focused.region), (form.region, focused.region)
        await pilot.press(*"p99")
        await settle(pilot)
        assert focused.value == "p99"
