"""What the screen redoes while nothing changes: the running clock of a timed answer ticks five
times a second, and a tick that moves nothing on screen must not ask for a repaint or a layout
(each was a layout of the whole screen, CPU spent while the user reads or types)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from textual.widget import Widget

from .helpers import answer_with, open_story, settle, until
from .test_interview import EXAMPLES, open_interview


@contextmanager
def refreshes(monkeypatch) -> Iterator[list[tuple[Widget, bool]]]:
    """Every `refresh` a widget asks for inside the block: (the widget, with a layout?)."""
    asked: list[tuple[Widget, bool]] = []
    refresh = Widget.refresh

    def counted(self, *regions, repaint=True, layout=False, recompose=False):
        asked.append((self, layout))
        return refresh(self, *regions, repaint=repaint, layout=layout, recompose=recompose)

    with monkeypatch.context() as patch:
        patch.setattr(Widget, "refresh", counted)
        yield asked


def names(asked: list[tuple[Widget, bool]]) -> set[str]:
    """The ids (or class names) of the widgets that asked."""
    return {widget.id or type(widget).__name__ for widget, _ in asked}


async def test_a_drill_tick_that_changes_nothing_repaints_nothing(open_app, clock, monkeypatch):
    async with open_app((100, 40)) as pilot:
        drill = await answer_with(pilot)          # answered out loud: the clock runs on time
        await settle(pilot)
        with refreshes(monkeypatch) as still:
            for _ in range(5):
                drill.tick()
        assert still == []
        clock.advance(61)                         # a minute later the clock and its zone move
        with refreshes(monkeypatch) as moved:
            drill.tick()
        assert {"drill-timer", "drill-zone"} <= names(moved)


async def test_an_interview_tick_that_changes_nothing_repaints_nothing(make_app, tmp_path: Path, clock,
                                                                       monkeypatch):
    bank = tmp_path / "examples"
    shutil.copytree(EXAMPLES, bank)
    async with make_app(root=bank).run_test(size=(100, 40)) as pilot:
        screen = await open_interview(pilot)
        await pilot.press("t", "enter", "enter", *"we moved the retries")
        await settle(pilot)
        assert screen.query_one("#iv-typed").text.endswith("retries")
        with refreshes(monkeypatch) as still:
            for _ in range(5):
                screen.tick()
        assert still == []
        with refreshes(monkeypatch) as moved:     # more words typed: more talk, more to say out loud
            screen.query_one("#iv-typed").text += " to a queue and cut the failures by half"
            screen.tick()
        assert {"iv-meter-label", "iv-typed-info"} <= names(moved)


async def test_opening_a_story_never_restyles_the_whole_form(open_app, monkeypatch):
    """The title takes the focus at once: the form's scroll box, focused first and then blurred,
    restyled each of its many widgets twice per opened story."""
    from textual.app import App

    restyled: list[str | None] = []
    update_styles = App.update_styles

    def counted(self, node, animate=True):
        restyled.append(node.id)
        return update_styles(self, node, animate)

    async with open_app((100, 40)) as pilot:
        monkeypatch.setattr(App, "update_styles", counted)
        editor = await open_story(pilot, "spark-skew")
        assert editor.focused is editor.query_one("#title")
        assert "editor-form" not in restyled
        editor.query_one("#editor-form").focus()      # the box itself focused: it is restyled
        await settle(pilot)
        assert "editor-form" in restyled


async def test_a_key_typed_in_the_export_path_leaves_the_empty_error_line_alone(open_app, monkeypatch):
    """Each key in the path clears the error line below it: already empty, it is left untouched
    (it asked for a layout of the dialog at every key); an error shown is still cleared by a key."""
    async with open_app((100, 30), "x") as pilot:
        box = pilot.app.screen.query_one("#export-path")
        box.focus()
        await pilot.press("end")
        await settle(pilot)
        with refreshes(monkeypatch) as typed:
            await pilot.press("x")
        assert "export-path" in names(typed) and "export-error" not in names(typed)
        pilot.app.screen._error("✗ cannot tell the format")
        await settle(pilot)
        with refreshes(monkeypatch) as cleared:
            await pilot.press("backspace")
        assert "export-error" in names(cleared)
        assert not pilot.app.screen.query_one("#export-error").display


async def test_a_key_typed_in_a_metric_leaves_its_empty_message_alone(open_app, monkeypatch):
    """Every key in a metric checks the row and says what is wrong below it: with nothing wrong
    the empty message line is left as it is (it laid the editor out again at every key); a
    number that does not parse still shows its message."""
    async with open_app((100, 40)) as pilot:
        editor = await open_story(pilot, "spark-skew")
        row = editor.query("MetricRow").first()
        row.query_one(".m-value").focus()
        await pilot.press("end")
        await settle(pilot)
        message = row.query_one(".metric-message")
        with refreshes(monkeypatch) as typed:
            await pilot.press("0")
        assert row.problem is None and message not in {w for w, _ in typed}
        with refreshes(monkeypatch) as wrong:
            await pilot.press("x")
        assert row.problem is not None and message in {w for w, _ in wrong}


async def test_the_bank_shows_the_same_story_again_without_laying_it_out(open_app, monkeypatch):
    """A change of state that leaves the selected story as it was (the bank screen refreshed
    whole, as after the log is read) does not rewrite its details; moving to the next story does."""
    async with open_app((100, 30)) as pilot:
        screen = pilot.app.screen
        body = screen.query_one("#details-body")
        assert "Scores" in str(body.content)
        with refreshes(monkeypatch) as again:
            screen._refresh_all()
        assert body not in {w for w, _ in again}
        with refreshes(monkeypatch) as moved:
            await pilot.press("down")
            # The details follow the highlight once it settles (a loaded machine may take a few
            # rounds of the event loop): wait for them, never for a fixed time.
            await until(pilot, lambda: body in {w for w, _ in moved})
        assert body in {w for w, _ in moved}


async def test_opening_a_story_styles_no_field_before_it_is_mounted(open_app, monkeypatch):
    """A field's constructor sets Textual's compact class, and Textual restyled the field at once,
    before it was even mounted (where it is styled again): thirty fields styled twice each time a
    story opened. The app now leaves a widget that is not mounted to be styled when it is."""
    from textual.css.stylesheet import Stylesheet

    early: list[str] = []
    apply = Stylesheet.apply

    def watched(self, node, *args, **kwargs):
        if not node.is_attached:
            early.append(node.id or type(node).__name__)
        return apply(self, node, *args, **kwargs)

    async with open_app((100, 40)) as pilot:
        monkeypatch.setattr(Stylesheet, "apply", watched)
        editor = await open_story(pilot, "order-outbox")
        assert editor.query_one("#situation").has_class("-textual-compact")
        assert early == []


async def test_a_screen_shown_the_first_time_is_not_restyled_whole(open_app, monkeypatch):
    """Textual restyles a whole screen each time it comes to the top. The first time, every widget
    on it was styled a moment before, as it mounted: the editor skips that second pass (a fifth
    of the time a story took to open), and the pass, run anyway, changes no widget's style."""
    from textual.app import App

    whole: list[str] = []
    update_styles = App.update_styles

    def counted(self, node, animate=True):
        whole.append(type(node).__name__)
        return update_styles(self, node, animate)

    async with open_app((100, 40)) as pilot:
        monkeypatch.setattr(App, "update_styles", counted)
        editor = await open_story(pilot, "spark-skew")
        assert "EditorScreen" not in whole
        as_mounted = [(w, w.styles.css) for w in editor.walk_children(with_self=True)]
        assert len(as_mounted) > 60
        pilot.app.update_styles(editor)                # the skipped pass, run now
        await settle(pilot)
        assert "EditorScreen" in whole
        assert [(w, w.styles.css) for w in editor.walk_children(with_self=True)] == as_mounted
