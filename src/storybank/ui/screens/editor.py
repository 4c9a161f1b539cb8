"""The story editor: every field of the format, with live feedback as you type.

Live analysis is debounced and runs in an exclusive thread worker. Saving keeps unknown keys and
comments (the core rewrites only changed values); it never overwrites a file changed on disk
without asking, and never drops typed text: a row that cannot be saved blocks the save and says why.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Header, Input, SelectionList, Static, TextArea
from textual.widgets.selection_list import Selection

from storybank.model import PARTS, PROBES
from storybank.ui import bindings, engine, fmt, forms
from storybank.ui.editor_form import (
    DETAILS,
    PROSE,
    PROSE_FIELDS,
    TEXT_FIELDS,
    cue_key,
    cue_text,
    field_placeholders,
    field_widgets,
    followup_fields,
    split_cues,
    suggestion,
)
from storybank.ui.messages import Change, StoriesChanged
from storybank.ui.mounting import ClosesOnce, while_shown
from storybank.ui.widgets import report_view as rv
from storybank.ui.widgets import unchanged
from storybank.ui.widgets.fields import TitleField
from storybank.ui.widgets.keys import KeysFooter
from storybank.ui.widgets.metrics import MetricRow
from storybank.ui.widgets.toggles import CheckList

if TYPE_CHECKING:  # pragma: no cover
    from textual.timer import Timer

    from storybank.analysis.types import StoryReport
    from storybank.bank import StoryFile
    from storybank.catalog import Catalog, QuestionType
    from storybank.model import Story
    from storybank.settings import Settings
    from storybank.ui.app import StorybankApp

DEBOUNCE = 0.2
CUE_KEYS = (*PARTS, *PROBES)   # a cue box under each part and each follow-up

def blocked_message(problems: list[str]) -> str:
    return "Cannot save yet: " + "; ".join(problems) + ". Your text is still here."


class LiveReport(Message):
    def __init__(self, token: int, report: StoryReport) -> None:
        super().__init__()
        self.token = token
        self.report = report


class EditorScreen(ClosesOnce[None]):
    BINDINGS = [*bindings.EDITOR]
    # A size class would restyle every field of the form; the live panel is sized in screens.tcss.
    HORIZONTAL_BREAKPOINTS = []
    # on_mount focuses the title (its cursor at the end). Left to Textual, the first focusable
    # widget, the form's scroll box, took the focus first and then lost it to the title: each
    # restyled every widget of the form, a tenth of a second per opened story.
    AUTO_FOCUS = ""
    HELP = "Edit a story; the panel on the right updates as you type."

    app: StorybankApp

    def __init__(self, story_id: str | None, question: str | None = None) -> None:
        super().__init__()
        self.story_id = story_id
        self.question = question
        self.sf: StoryFile | None = None
        self._baseline: forms.FormValues | None = None
        self._token = 0
        self._debounce: Timer | None = None
        self._report: StoryReport | None = None
        self._save_tried = False

    # --- layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        self.sf = self.app.state.story(self.story_id)
        yield Header()
        with Horizontal(id="editor-main"):
            with VerticalScroll(id="editor-form"):
                yield from self._form(self.sf.story if self.sf else None)
            with VerticalScroll(id="live"):
                # Save messages live here, not under the form: the form never changes height
                # (or scroll position) when one appears.
                yield Static("", id="save-status")
                yield Static(id="live-body")
        yield KeysFooter()

    def _form(self, story: Story | None) -> ComposeResult:
        """The form, top to bottom; each field's widgets come from editor_form.field_widgets."""
        catalog = self.app.state.opened.catalog
        guidance = catalog.question(self.question) if self.question else None
        if guidance is not None:
            # A Tab stop of its own: what does not fit scrolls with the arrow keys.
            with VerticalScroll(id="guidance"):
                yield Static(self._guidance(guidance), id="guidance-text")
        yield Static("Title", classes="field-label first")
        yield TitleField(story.title if story else "", placeholder="What the story is about", id="title",
                         compact=True)
        yield Static("Question types it answers", classes="field-label")
        selected = set(story.questions if story else ([self.question] if self.question else []))
        yield CheckList(*[Selection(q.label, q.id, q.id in selected) for q in catalog.questions],
                        id="questions", compact=True)
        placeholders = field_placeholders((story.profession if story else "") or self.app.state.bank_field)
        for spec in (*DETAILS, *PROSE):
            yield from field_widgets(spec, story, placeholders)
        yield Static("Metrics (numbers only, units in Unit)", classes="field-label")
        rows: list[dict[str, Any] | None] = [m.model_dump(exclude_none=True) for m in story.metrics] if story else []
        with Vertical(id="metrics"):
            for row in rows or [None]:
                yield MetricRow(row)
        yield Button("+ metric", id="add-metric", compact=True)
        for spec in followup_fields(catalog):
            yield from field_widgets(spec, story)

    def _guidance(self, q: QuestionType, width: int = 0) -> Content:
        """What the question asks and what scores; bullets wrap under their text once the box
        has a width (on_resize renders it again)."""
        def line(prefix: str, text: Content | str) -> list[Content]:
            return rv.item(prefix, text, width) if width else [Content(prefix) + text]

        parts = [Content.assemble(("Preparing: ", "bold"), (q.label, "bold $accent")),
                 Content.styled(q.as_asked, "italic"), Content(q.guidance)]
        if q.strong:
            parts.append(Content.styled("What scores:", "bold"))
            for s in q.strong:
                parts.extend(line("  • ", s))
        if q.gap_hint:
            parts.append(Content.assemble(("Prepare: ", "bold"), q.gap_hint))
        return Content("\n").join(parts)

    def _render_guidance(self) -> None:
        catalog = self.app.state.catalog
        box = self.query("#guidance-text")
        if not box or catalog is None or not self.question:
            return
        guidance = catalog.question(self.question)
        width = box.first().size.width
        if width and guidance is not None:   # (the box is there only for a known question)
            box.first(Static).update(self._guidance(guidance, width))

    @while_shown
    def on_mount(self) -> None:
        self.title = "Edit story" if self.sf else "New story"
        self._baseline = self._snapshot()
        self._show_subtitle()
        title = self.query_one("#title", TitleField)
        title.focus()
        title.cursor_position = len(title.value)  # the README's promise: the cursor at the end of the title
        self._show_status("")
        self._run_live()

    # --- reading the form ---------------------------------------------------------------------

    @property
    def display_title(self) -> str:
        title = self.query_one("#title", TitleField).value.strip()
        return title or (self.sf.story.title if self.sf else "New story")

    def _rows(self) -> list[MetricRow]:
        # The rows are the metric box's children: looking there, not through the whole form's
        # seventy widgets, at each key typed.
        return [row for row in self.query_one("#metrics").children if isinstance(row, MetricRow)]

    def _snapshot(self) -> forms.FormValues:
        values: forms.FormValues = {"title": self.query_one("#title", TitleField).value}
        values.update({name: self.query_one(f"#{name}", Input).value for name in TEXT_FIELDS})
        values.update({name: self.query_one(f"#{name}", TextArea).text for name in PROSE_FIELDS})
        values.update({forms.followup_key(p): self.query_one(f"#followup-{p}", TextArea).text for p in PROBES})
        values.update({f"cues-{key}": self.query_one(f"#cues-{key}", Input).value for key in CUE_KEYS})
        values["questions"] = tuple(sorted(self.query_one("#questions", SelectionList).selected))
        values["metrics"] = tuple(tuple(row.values().values()) for row in self._rows())
        return values

    @property
    def dirty(self) -> bool:
        return self._baseline is not None and self._snapshot() != self._baseline

    def build(self) -> tuple[Story | None, list[str]]:
        """The story as typed, and what (if anything) keeps it from being saved.

        With problems, the returned story is a draft without the rows that cannot be read, good
        for live analysis but never written to disk. A field the user did not touch keeps the
        file's value exactly.
        """
        from pydantic import ValidationError

        from storybank.model import Story, blank_story

        original = self.sf.story if self.sf else None
        edited = forms.changed_fields(self._baseline or {}, self._snapshot())

        def touched(name: str) -> bool:
            return original is None or name in edited

        data = (original or blank_story("", [])).to_data()
        problems: list[str] = []
        self._read_fields(data, touched)
        if not data.get("title", "").strip():
            problems.append("the story needs a title")
        if touched("questions"):
            data["questions"] = self._read_questions(original)
        data["metrics"] = self._read_metrics(problems)
        followups = dict(data.get("followups") or {})
        for probe in PROBES:
            if touched(forms.followup_key(probe)):
                followups[probe] = self.query_one(f"#followup-{probe}", TextArea).text
        data["followups"] = followups
        self._read_cues(data, touched)
        data["title"] = data.get("title") or ""
        try:
            return Story.model_validate(data), problems
        except ValidationError as exc:
            first = exc.errors(include_url=False)[0]
            where = ".".join(str(p) for p in first.get("loc", ()))
            return None, [*problems, f"{where}: {first.get('msg', 'is not valid')}"]

    def _read_fields(self, data: dict[str, Any], touched: Callable[[str], bool]) -> None:
        """Title, details and prose, each only where the user changed it."""
        if touched("title"):
            data["title"] = self.query_one("#title", TitleField).value.strip()
        for name in ("role", "when"):
            value = self.query_one(f"#{name}", Input).value.strip()
            if touched(name) and value:
                data[name] = value
            elif touched(name):
                data.pop(name, None)
        if touched("technologies"):
            data["technologies"] = forms.split_list(self.query_one("#technologies", Input).value)
        for name in PROSE_FIELDS:
            if touched(name):
                data[name] = self.query_one(f"#{name}", TextArea).text

    def _read_cues(self, data: dict[str, Any], touched: Callable[[str], bool]) -> None:
        """The cues the user typed ([cues]), each key only where changed; a box left empty
        leaves that key to storybank's suggestion."""
        cues = dict(data.get("cues") or {})
        for key in CUE_KEYS:
            if touched(f"cues-{key}"):
                typed = split_cues(self.query_one(f"#cues-{key}", Input).value)
                if typed:
                    cues[key] = typed
                else:
                    cues.pop(key, None)
        if cues:
            data["cues"] = cues
        else:
            data.pop("cues", None)

    def _suggest_cues(self, story: Story) -> None:
        """Each cue box's placeholder: storybank's cues for the text as it is now."""
        from storybank.cues.story import suggested

        for key in CUE_KEYS:
            self.query_one(f"#cues-{key}", Input).placeholder = suggestion(suggested(story, key))

    def action_take_cues(self) -> None:
        """Put storybank's suggested cues into the cue box of the focused field (or the focused
        cue box) so the user can keep or edit them."""
        from storybank.cues.story import suggested

        focused = self.focused
        name = (focused.id or "") if focused is not None else ""
        key = name.removeprefix("cues-") if name.startswith("cues-") else cue_key(name)
        story, _ = self.build()
        if key is None or story is None:
            self.notify("Put the cursor in a part, a follow-up or its cue box first.", severity="warning")
            return
        box = self.query_one(f"#cues-{key}", Input)
        box.value = cue_text(suggested(story, key))
        box.focus()

    def _read_questions(self, original: Story | None) -> list[str]:
        """The ticked types in the file's order; ids the catalog does not know are kept."""
        selected = self.query_one("#questions", SelectionList).selected
        catalog_ids = self.app.state.opened.catalog.question_ids()
        kept = [q for q in (original.questions if original else []) if q in selected or q not in catalog_ids]
        return kept + [q for q in catalog_ids if q in selected and q not in kept]

    def _read_metrics(self, problems: list[str]) -> list[dict[str, Any]]:
        """The metric rows that can be saved; a row that cannot adds its problem."""
        metrics = []
        for number, row in enumerate(self._rows(), start=1):
            metric, problem = row.data()
            if problem:
                name = row.values()["name"].strip()
                problems.append(f"metric {number}{f' ({name})' if name else ''}: {problem}")
            elif metric is not None:
                metrics.append(metric)
        return metrics

    # --- live feedback ------------------------------------------------------------------------

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(SelectionList.SelectedChanged)
    def _edited(self) -> None:
        if self._baseline is None:
            return
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(DEBOUNCE, self._run_live)
        self._update_title()

    def _update_title(self) -> None:
        dirty = self.dirty
        if dirty and self.query_one("#save-status").has_class("-ok"):
            self._show_status("")  # "✓ Saved" is no longer true
        self._show_subtitle(dirty)

    def _show_subtitle(self, dirty: bool | None = None) -> None:
        """`<file> • modified`: the file name is cut to leave the mark room in the header (at 80
        columns a long name pushed it off the edge)."""
        dirty = self.dirty if dirty is None else dirty
        mark = " • modified" if dirty else ""
        name = self.sf.path.name if self.sf else "not saved yet"
        # The header shows "title — subtitle" between its icon (8 cells) and its clock space (10),
        # with a cell of padding each side.
        room = max(12, self.app.size.width - 20 - len(self.title or "") - len(" — ") - len(mark))
        self.sub_title = fmt.clip(name, room) + mark

    def analyse_now(self) -> None:
        """Run the pending live analysis at once (tests and snapshots use this)."""
        if self._debounce is not None:
            self._debounce.stop()
        self._run_live()

    @while_shown
    def _run_live(self) -> None:
        self._debounce = None
        story, problems = self.build()
        self._token += 1
        blocking = [p for p in problems if p.startswith("metric")]
        if blocking and self._save_tried:  # before a save, the row itself says what is wrong
            self._show_status(blocked_message(blocking), blocked=True)
        elif self.query_one("#save-status").has_class("-blocked"):
            self._show_status("")
        if story is None:
            return
        self._suggest_cues(story)
        state = self.app.state
        self._analyse(self._token, story, state.opened.catalog, state.settings, self.sf.id if self.sf else "")

    @work(thread=True, exclusive=True, group="live", name="live analysis")
    def _analyse(self, token: int, story: Story, catalog: Catalog, settings: Settings, story_id: str) -> None:
        self.post_message(LiveReport(token, engine.analyze(story, catalog, settings, story_id)))

    @while_shown
    def on_live_report(self, message: LiveReport) -> None:
        if message.token != self._token:
            return
        self._report = message.report
        self._render_live()

    @while_shown
    def on_resize(self) -> None:
        self._show_subtitle()
        self.call_after_refresh(self._render_live)  # the panel's width (screens.tcss) is known then
        self.call_after_refresh(self._render_guidance)

    @while_shown
    def _render_live(self) -> None:
        live = self.query_one("#live")
        if not live.scrollable_content_region.width:
            return  # not laid out yet: the first resize renders it
        width = max(24, live.scrollable_content_region.width)
        report, settings = self._report, self.app.state.settings
        bar = max(4, min(20, width - 24))
        # A follow-up's line: its 16-cell label, the bar, " 41s " and a note of up to 5 cells
        # ("short"), all on one line (a longer line wrapped "short" to the panel's edge).
        followup_bar = max(4, min(20, width - 16 - 6 - 5))
        low, high = settings.answer_seconds
        flow, fhigh = settings.followup_seconds
        parts = [
            rv.heading("Spoken time"),
            Content.styled(f"aim {low:g}–{high:g}s, stop by {settings.answer_limit_seconds:g}s", rv.MUTED),
            *rv.part_bars(report, settings, max(4, min(20, width - 20))),
            Content(""),
            rv.heading("Follow-ups"),
            Content.styled(f"aim {flow:g}–{fhigh:g}s each", rv.MUTED),
            *rv.followup_bars(report, settings, followup_bar),
            Content(""),
            rv.heading("Scores"),
            *rv.scores(report, width, reasons=0, bar=bar),
            Content(""),
            rv.heading("Findings"),
            *rv.findings(report, width),
        ]
        unchanged.show(self.query_one("#live-body", Static), rv.lines(parts))

    def _show_status(self, text: str, blocked: bool = False, ok: bool = False) -> None:
        status = self.query_one("#save-status", Static)
        unchanged.show(status, text)
        status.set_class(blocked, "-blocked")
        status.set_class(ok, "-ok")
        status.display = bool(text)

    # --- metrics ------------------------------------------------------------------------------

    @on(Button.Pressed, "#add-metric")
    async def action_add_metric(self) -> None:
        row = MetricRow(None)
        await self.query_one("#metrics").mount(row)
        row.query_one(".m-name", Input).focus(scroll_visible=False)
        # The row has no place on screen until the next layout: scroll to it after that.
        self.call_after_refresh(self.query_one("#editor-form").scroll_to_widget, row, animate=False)
        self._edited()

    @on(MetricRow.Removed)
    def _remove_metric(self, event: MetricRow.Removed) -> None:
        event.row.remove()
        self.call_after_refresh(self._edited)

    # --- saving -------------------------------------------------------------------------------

    def action_save(self) -> None:
        self.save()

    def save(self, then: Callable[[], object] | None = None) -> bool:
        from storybank.errors import SaveConflict, StorybankError

        self._save_tried = True
        story, problems = self.build()
        if problems or story is None:
            self._show_status(blocked_message(problems), blocked=True)
            self.app.bell()
            return False
        state = self.app.state
        try:
            if self.sf is None:
                sf = self.sf = state.create_story(story)
                written = True
            else:
                sf = self.sf
                try:
                    written = state.save_story(sf, story)
                except SaveConflict:
                    self._conflict(sf, story, then)
                    return False
        except (StorybankError, OSError) as exc:
            self._show_status(f"Not saved: {exc}", blocked=True)
            self.notify(str(exc), title="Not saved", severity="error")
            return False
        self._saved(sf, written)
        if then is not None:
            then()
        return True

    def _saved(self, sf: StoryFile, written: bool, also: tuple[str, ...] = ()) -> None:
        """The form now matches the file `sf` (the story's file from now on); `also` are other
        stories the save changed."""
        self.sf = sf
        self.story_id = sf.id
        self._baseline = self._snapshot()
        for row in self._rows():
            data, _ = row.data()
            row.original = data
            row.initial = row.values()
        self.title = "Edit story"
        self._show_subtitle(False)
        # One line: a long file name is cut with "…", never broken mid-word onto the next line.
        room = max(12, self.query_one("#live").scrollable_content_region.width - 2 - len("✓ Saved "))
        self._show_status(f"✓ Saved {fmt.clip(sf.path.name, room)}" if written
                          else "✓ Nothing changed; file left as it was", ok=True)
        if written or also:
            self.app.post_message(StoriesChanged(Change.SAVED, [sf.id, *also]))

    def _conflict(self, sf: StoryFile, story: Story, then: Callable[[], object] | None) -> None:
        """`sf` changed on disk since the form read it: reload, overwrite, keep both or cancel."""
        from storybank.ui.screens.modals import ConflictScreen

        state = self.app.state
        deleted = state.opened.bank.disk_digest(sf) is None

        def decided(choice: str | None) -> None:
            from storybank.errors import StorybankError

            try:
                if choice == "reload":
                    self._reload(sf)
                    return
                if choice == "overwrite":
                    state.save_story(sf, story, force=True)
                    self._saved(sf, True)
                elif choice == "copy":
                    # the list shows the other program's version of the original too
                    self._saved(state.save_copy(story, sf), True, also=(sf.id,))
                else:
                    self._show_status(f"Not saved: {sf.path.name} changed on disk.", blocked=True)
                    return
            except (StorybankError, OSError) as exc:
                self.notify(str(exc), title="Not saved", severity="error")
                return
            if then is not None:
                then()

        self.app.push_screen(ConflictScreen(sf.path.name, deleted=deleted), decided)

    def _reload(self, sf: StoryFile) -> None:
        from storybank.bank import StoryFile

        fresh = self.app.state.reload_story(sf)
        if not isinstance(fresh, StoryFile):
            self.notify(f"{fresh}", title="Cannot reload", severity="error")
            return
        self.app.post_message(StoriesChanged(Change.SAVED, [fresh.id]))
        self.app.pop_screen()
        self.app.open_screen("editor", story_id=fresh.id, question=self.question)

    # --- leaving ------------------------------------------------------------------------------

    def action_back(self) -> None:
        if not self.dirty:
            self.dismiss()
            return
        from storybank.ui.screens.modals import UnsavedScreen

        def decided(choice: str | None) -> None:
            if choice == "discard":
                self.dismiss()
            elif choice == "save":
                self.save(then=self.dismiss)

        self.app.push_screen(UnsavedScreen(self.display_title), decided)
