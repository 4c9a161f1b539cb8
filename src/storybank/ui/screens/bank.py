"""The bank screen: the story list with its fuzzy filter, the selected story's details, and the
files that failed to load."""

from __future__ import annotations

import contextlib
import time
from datetime import date
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Container, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Input

from storybank.bank import types_without_story
from storybank.ui import bindings, fmt
from storybank.ui.messages import Change, StateChanged, StoriesChanged
from storybank.ui.mounting import while_shown
from storybank.ui.widgets import report_view as rv
from storybank.ui.widgets.details import StoryDetails
from storybank.ui.widgets.keys import KeysFooter
from storybank.ui.widgets.panel import TextPanel
from storybank.ui.widgets.story_list import Row, StoryList, StoryListHeader
from storybank.zones import answer_seconds_shown

if TYPE_CHECKING:  # pragma: no cover
    from textual.timer import Timer

    from storybank.bank import StoryFile
    from storybank.errors import LoadError
    from storybank.ui.app import StorybankApp
    from storybank.ui.rowcache import CachedRow


DETAILS_DELAY = 0.15
EMPTY_BANK = ("Your bank has no stories yet. Press n to write your first story: pick a project you "
              "owned and fill in what happened, what you did and what changed, with numbers. Press c "
              "to see the eight question types a story can answer, ? for every key.")


class BankScreen(Screen[None]):
    BINDINGS = [*bindings.BANK]
    HELP = "The stories in the bank, their readiness, and the selected story's details."
    STYLED_BY_APP_CSS = True  # the first frame's screen: its rules are all in app.tcss

    app: StorybankApp

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="bank-body"):
            yield Input(placeholder="/ filter by title, question type, technology…", id="filter", compact=True)
            with Container(id="bank-main"):
                with Vertical(id="list-pane"):
                    yield StoryListHeader(id="list-header")
                    yield StoryList(id="stories")
                yield StoryDetails(id="details")
            yield TextPanel(id="load-errors")
        yield KeysFooter()

    _details_timer: Timer | None = None
    _last_highlight = 0.0

    @while_shown
    def on_mount(self) -> None:
        self.title = "storybank"
        self.app.state_changed.subscribe(self, self._on_state)
        self.query_one("#load-errors").display = False
        self.story_list.focus()
        self._refresh_all()

    @property
    def story_list(self) -> StoryList:
        return self.query_one("#stories", StoryList)

    # --- state --------------------------------------------------------------------------------

    @while_shown
    def _on_state(self, event: StateChanged) -> None:
        if event.kind is Change.REPORTS and event.ids:
            state = self.app.state
            rows = [self._row(sf) for sid in event.ids if (sf := state.story(sid)) is not None]
            self.story_list.update_rows(rows)
            if self.story_list.selected_id in event.ids:
                self._show_details()
            self._update_subtitle()
        else:
            self._refresh_all()

    def _refresh_all(self, select: str | None = None) -> None:
        state = self.app.state
        story_list = self.story_list
        if state.loading and state.bank is None:
            story_list.empty_text = "Loading the bank…"
        elif state.error:
            story_list.empty_text = "The bank could not be opened (see below)."
        else:
            story_list.empty_text = "No stories yet: press n to write one."
        if state.bank is None and state.preview is not None:
            story_list.set_rows([self._preview_row(r) for r in state.preview.rows], select=select)
        else:
            story_list.set_rows([self._row(sf) for sf in state.stories], select=select)
        self._show_errors()
        self._show_details()
        self._update_subtitle()

    def _row(self, sf: StoryFile) -> Row:
        state = self.app.state
        report = state.reports.get(sf.id)
        story = sf.story
        labels = " ".join(state.tag(q) for q in story.questions)
        long_labels = " ".join(state.label(q) for q in story.questions)
        practised = state.last_practised().get(sf.id)
        haystack = " ".join([story.title, sf.id, labels, " ".join(story.questions), long_labels,
                             " ".join(story.technologies), story.role or ""]).lower()
        return Row(sf.id, story.title or sf.id, labels, self._spoken(report.answer_seconds if report else None),
                   report.readiness if report else None, fmt.ago(practised, self.app.clock()), haystack)

    @while_shown
    def on_resize(self) -> None:
        self._show_errors()

    def _spoken(self, seconds: float | None) -> float | None:
        """The list's spoken time as every other view shows it (zones.answer_seconds_shown)."""
        if not seconds or seconds <= 0:
            return seconds
        return float(answer_seconds_shown(seconds, self.app.state.settings))

    def _preview_row(self, row: CachedRow) -> Row:
        labels = " ".join(self.app.state.tag(q) for q in row.questions)
        practised = self.app.state.last_practised().get(row.id)
        haystack = " ".join([row.title, row.id, labels, " ".join(row.questions)]).lower()
        return Row(row.id, row.title or row.id, labels, self._spoken(row.seconds), row.readiness,
                   fmt.ago(practised, self.app.clock()), haystack)

    def _errors(self) -> list[LoadError]:
        state = self.app.state
        if state.bank is not None:
            return state.bank.errors
        return state.preview.errors if state.preview is not None else []

    def _update_subtitle(self) -> None:
        state = self.app.state
        parts = [state.root.name or str(state.root)]
        self.query_one(StoryListHeader).set_counts(self.story_list.row_count, self.story_list.total,
                                                   self.story_list.questions_width)
        if state.bank is not None or state.preview is not None:
            total = self.story_list.total
            parts.append(fmt.plural(total, "story"))
            if self._errors():
                n = len(self._errors())
                parts.append(f"{n} file{'s' if n != 1 else ''} not loaded")
        due = self._due_count()
        if due:
            parts.append(f"{fmt.plural(due, 'type')} due")
        if state.loading:
            parts.append("loading…")
        elif state.analysing:
            parts.append("analysing…")
        self.sub_title = " · ".join(parts)

    _due_key: tuple[date, int, int, frozenset[str], int] | None = None
    _due: int = 0

    def _due_count(self) -> int:
        """How many question types the practice schedule says are due today (0 until loaded)."""
        state = self.app.state
        if state.catalog is None:
            return 0
        from storybank import scheduler

        tz = self.app.tz
        today = scheduler.today_in(self.app.clock(), tz)
        mapped = frozenset(q for sf in state.stories for q in sf.story.questions)
        key = (today, len(state.practice.records), id(state.practice), mapped, id(state.catalog))
        if key != self._due_key:
            qids = state.catalog.question_ids()
            uncovered = types_without_story(qids, (sf.story.questions for sf in state.stories))
            schedule = scheduler.build(state.practice.records, qids, today, tz=tz, uncovered=uncovered,
                                       settings=state.settings)
            self._due_key, self._due = key, len(schedule.due())
        return self._due

    def _show_errors(self) -> None:
        state = self.app.state
        box = self.query_one("#load-errors", TextPanel)
        errors = self._errors()
        width = max(30, self.size.width - 3)
        if state.error:
            box.update(rv.lines(rv.item(Content.styled("✗ ", "$error"), state.error, width)))
            box.display = True
            return
        if not errors:
            box.display = False
            return
        noun = "file" if len(errors) == 1 else "files"
        lines = [Content.styled(f"✗ {len(errors)} {noun} could not be loaded (the other stories did):", "bold $error")]
        for err in errors:
            where = err.location()
            with contextlib.suppress(ValueError):  # shown relative to the bank when inside it
                where = str(err.path.relative_to(state.root)) + where[len(str(err.path)):]
            lines.extend(rv.item(Content.styled("  ✗ ", "$error"),
                                 Content.assemble((where, "bold"), "  ", err.message), width))
        box.update(Content("\n").join(lines))
        box.display = True

    @while_shown
    def _show_details(self) -> None:
        self._details_timer = None
        details = self.query_one(StoryDetails)
        state = self.app.state
        sf = state.story(self.story_list.selected_id)
        if sf is None:
            if state.bank is None and self.story_list.selected_id:
                details.clear("Loading…")
            else:
                details.clear(EMPTY_BANK if state.ready and not state.stories else
                              "" if not state.stories else "No story selected.")
            return
        details.show(sf, state.reports.get(sf.id), state.prompts_for(sf.id), state)

    # --- events -------------------------------------------------------------------------------

    @on(StoryList.Highlighted)
    def _highlighted(self) -> None:
        # A deliberate move shows the story at once; while the cursor flies (typing in the
        # filter, holding a key) only the story it lands on is rendered.
        now = time.monotonic()
        rapid = now - self._last_highlight < DETAILS_DELAY
        self._last_highlight = now
        if self._details_timer is not None:
            self._details_timer.stop()
            self._details_timer = None
        if rapid:
            self._details_timer = self.set_timer(DETAILS_DELAY, self._show_details)
        else:
            self._show_details()

    @on(StoryList.Chosen)
    def _chosen(self, event: StoryList.Chosen) -> None:
        self.app.open_screen("editor", story_id=event.story_id)

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        # Per keystroke: the filter and a repaint of the list and its header line, nothing that
        # lays out the screen (a Static.update or a title change would).
        self.story_list.filter(event.value)
        self.query_one(StoryListHeader).set_counts(self.story_list.row_count, self.story_list.total,
                                                   self.story_list.questions_width)

    def on_key(self, event: events.Key) -> None:
        # Down from the filter box goes into the list (the box has no use for it).
        if event.key == "down" and self.focused is self.query_one("#filter", Input):
            event.stop()
            self.story_list.focus()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        self.story_list.focus()

    # --- actions ------------------------------------------------------------------------------

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_clear_filter(self) -> None:
        box = self.query_one("#filter", Input)
        if box.value:
            box.value = ""
        self.story_list.focus()

    def action_edit(self) -> None:
        story_id = self.story_list.selected_id
        if story_id is None:
            self.notify("No story selected: press n to write one.", severity="warning")
            return
        self.app.open_screen("editor", story_id=story_id)

    def action_new(self) -> None:
        self.app.open_screen("editor", story_id=None)

    def action_open(self, screen: str) -> None:
        """Open the screen of the table named `screen` (ui/screen_table.py) over the bank."""
        self.app.open_screen(screen)

    def action_delete(self) -> None:
        from storybank.ui.screens.modals import DeleteScreen

        sf = self.app.state.story(self.story_list.selected_id)
        if sf is None:
            self.notify("No story selected.", severity="warning")
            return

        def decided(choice: str | None) -> None:
            if choice != "delete":
                return
            try:
                target = self.app.state.delete_story(sf)
            except OSError as exc:
                self.notify(f"{sf.path.name} was not moved: {exc.strerror or exc}", severity="error")
                return
            self.app.post_message(StoriesChanged(Change.DELETED, [sf.id]))
            self.notify(f"{sf.path.name} moved to {target.parent.relative_to(self.app.state.root)}/",
                        title="Deleted")

        self.app.push_screen(DeleteScreen(sf.story.title or sf.id, sf.path.name), decided)

    def action_reload(self) -> None:
        self.app.reload_bank()
