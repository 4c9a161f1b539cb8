"""Which story? (`m` on the bank): type or paste a question you were asked, or one you expect,
and see what it is (one of the question types, a probe, two close candidates, or none of them)
and which of your stories answer it best. `enter` on a story opens it in the editor; `ctrl+n`
starts a story for the question's type, with its guidance.

The reading runs in a worker (`storybank.analysis.question_lookup`, no Textual there) each time
the question changes, and again when the analysis brings the bank's reports: the first reading
builds the matcher, which takes most of a second.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widgets import DataTable, Header, Input
from textual.widgets.data_table import ColumnKey
from textual.worker import get_current_worker

from storybank.ui import bindings, fmt
from storybank.ui.messages import StateChanged
from storybank.ui.mounting import ClosesOnce, while_shown
from storybank.ui.widgets import report_view as rv
from storybank.ui.widgets.fitted_columns import add_columns, room_left
from storybank.ui.widgets.keys import KeysFooter
from storybank.ui.widgets.panel import TextPanel

if TYPE_CHECKING:  # pragma: no cover
    from storybank.analysis.question_lookup import Lookup
    from storybank.analysis.types import MatchCandidate, StoryReport
    from storybank.bank import StoryFile
    from storybank.catalog import Catalog
    from storybank.ui.app import StorybankApp

FIXED_COLUMNS = {"fit": ("Fit", 5), "ready": ("", 1)}
QUIET = 0.15    # seconds without a keystroke before the question is read
EMPTY = ("Type a question you were asked, or one you expect, as the interviewer said it: "
         "storybank tells you which question type it is and which of your stories answer it.")


@dataclass
class Looked(Message):
    """A question read against the bank (None: the box is empty)."""

    question: str
    lookup: Lookup | None


class WhichStoryScreen(ClosesOnce[None]):
    BINDINGS = [*bindings.WHICH_STORY]
    HELP = "Type a question you were asked: which question type it is, and your best stories for it."

    app: StorybankApp

    def __init__(self, question: str = "") -> None:
        super().__init__()
        self.question = question
        self.lookup: Lookup | None = None
        self._pending: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(self.question, id="ws-question", placeholder="The question, as it was asked…")
        yield TextPanel(id="ws-verdict")
        yield DataTable(id="ws-stories", cursor_type="row", zebra_stripes=False)
        yield KeysFooter()

    @while_shown
    def on_mount(self) -> None:
        self.title = "Which story?"
        table = self.query_one(DataTable)
        add_columns(table, FIXED_COLUMNS, ("title", "Story"), self.size.width)
        table.display = False
        self.app.state_changed.subscribe(self, self._on_state)
        self.query_one(Input).focus()
        self._read(self.question)

    @while_shown
    def _on_state(self, _event: StateChanged) -> None:
        self._read(self.question)   # new reports rank the stories anew

    @on(Input.Changed, "#ws-question")
    def _changed(self, event: Input.Changed) -> None:
        """Read the question once typing pauses: a reading per keystroke would start a thread
        per key, each running to its end."""
        self.question = event.value
        if self._pending is not None:
            self._pending.stop()
        self._pending = self.set_timer(QUIET, lambda: self._read(self.question))

    @while_shown
    def _read(self, question: str) -> None:
        state = self.app.state
        if not question.strip() or not state.ready:
            self.post_message(Looked(question, None))
            return
        self._look_up(question, state.opened.catalog, state.stories, dict(state.reports))

    @work(thread=True, exclusive=True, group="which-story", name="which story")
    def _look_up(self, question: str, catalog: Catalog, stories: list[StoryFile],
                 reports: dict[str, StoryReport]) -> None:
        from storybank.analysis.question_lookup import look_up

        found = look_up(question, catalog, stories, reports)
        if not get_current_worker().is_cancelled:
            self.post_message(Looked(question, found))

    @while_shown
    def on_looked(self, message: Looked) -> None:
        if message.question != self.question:
            return                  # a reading of what the box said before
        self.lookup = message.lookup
        self.query_one("#ws-verdict", TextPanel).update(self._verdict())
        self._fill()

    # --- what is shown --------------------------------------------------------------------

    def _verdict(self) -> Content:
        from storybank.analysis.question_lookup import also_possible, words

        found = self.lookup
        state = self.app.state
        if found is None:
            return Content.styled("Loading the bank…" if not state.ready else EMPTY, rv.MUTED)
        catalog = state.opened.catalog
        r = found.recognition

        def name(c: MatchCandidate) -> str:
            return self._called(c, catalog)

        said = words(found, catalog, name)
        head = Content.assemble((said.lead, "bold" if r.verdict == "none" else "bold $warning"), said.rest)
        lines = [head] if said.lead else []
        lines += [Content(note) for note in said.notes]
        if said.advice:
            lines.append(Content.styled(said.advice, rv.MUTED))
        if r.verdict in ("match", "close"):
            lines += [self._candidate(c, catalog, "✓ " if r.verdict == "match" else "  ") for c in r.shown]
        others = also_possible(found, name)
        if others and r.verdict != "none":
            lines.append(Content.styled(others[0].upper() + others[1:], rv.MUTED))
        hint = self._no_story_hint(found, catalog) if r.verdict != "none" else ""
        if hint:
            lines.append(Content.styled(hint, "$warning"))
        return Content("\n").join(lines)

    def _candidate(self, c: MatchCandidate, catalog: Catalog, lead: str) -> Content:
        from storybank.analysis.question_lookup import asked

        kind = "question type" if c.kind == "question" else "probe"
        return Content.assemble(lead, (self._called(c, catalog), "bold"), f" ({kind}, {c.score:.0f}%)",
                                (f"  {asked(catalog, c)}", rv.MUTED))

    @staticmethod
    def _called(c: MatchCandidate, catalog: Catalog) -> str:
        """The type's or probe's one name ("Broke in prod"), as every screen calls it."""
        entry = catalog.question(c.id) if c.kind == "question" else catalog.probe(c.id)
        return entry.label if entry is not None else c.id

    def _no_story_hint(self, found: Lookup, catalog: Catalog) -> str:
        """What to do when no story is ready for it: none mapped to the type (the ones listed are
        only the nearest), or none with the probe's follow-up prepared."""
        best = found.recognition.best
        name = self._called(best, catalog)
        if best.kind == "question":
            state = self.app.state
            mapped = [s for s in found.stories if (sf := state.story(s.id)) and best.id in sf.story.questions]
            if mapped:
                return ""
            nearest = ": the nearest are listed" if found.stories else ""
            return f"No story of yours is mapped to {name} yet{nearest}. Press ctrl+n to write one."
        return "" if found.stories else f"No story of yours has the {name} follow-up prepared yet."

    def _room(self) -> int:
        return room_left(self.query_one(DataTable), FIXED_COLUMNS, self.size.width)

    @while_shown
    def _fill(self) -> None:
        """The stories, refilled; the highlighted one stays highlighted where it is still listed."""
        table = self.query_one(DataTable)
        keep = self._highlighted_id()
        table.clear()
        stories = self.lookup.stories if self.lookup else []
        room = self._room()
        table.columns[ColumnKey("title")].width = room
        for s in stories:
            report = self.app.state.reports.get(s.id)
            mark, kind = fmt.READINESS[report.readiness if report else None]
            table.add_row(f"{s.score:4.0f}", Content.styled(mark, rv.STYLE[kind]),
                          Content(fmt.clip(s.title, room)), key=s.id)
        ids = [s.id for s in stories]
        if keep in ids:
            table.move_cursor(row=ids.index(keep))
        table.display = bool(stories)

    def _highlighted_id(self) -> str | None:
        stories = self.lookup.stories if self.lookup else []
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return key if key in {s.id for s in stories} else None

    @while_shown
    def on_resize(self) -> None:
        self.call_after_refresh(self._fill)

    # --- keys -----------------------------------------------------------------------------

    @on(DataTable.RowSelected, "#ws-stories")
    @while_shown
    def _selected(self) -> None:
        self.action_open()

    @while_shown
    def action_open(self) -> None:
        """The selected story in the editor; from the box, enter first moves to the stories."""
        table = self.query_one(DataTable)
        if self.query_one(Input).has_focus:
            if table.row_count:
                table.focus()
            return
        stories = self.lookup.stories if self.lookup else []
        if 0 <= table.cursor_row < len(stories):
            self.app.open_screen("editor", story_id=stories[table.cursor_row].id)

    @while_shown
    def action_new(self) -> None:
        """A new story for the question's type, when the question is one of the types."""
        found = self.lookup
        best = found.recognition.best if found else None
        if found is None or best is None or found.recognition.verdict == "none" or best.kind != "question":
            self.app.notify("Type a question of one of the question types first.", severity="warning")
            return
        self.app.open_screen("editor", story_id=None, question=best.id)

    def action_back(self) -> None:
        self.dismiss()
