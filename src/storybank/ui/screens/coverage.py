"""Coverage: the eight question types, their status, the mapped stories and the assigned one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Header, Static
from textual.widgets.data_table import ColumnKey

from storybank.ui import bindings, fmt
from storybank.ui.messages import Change, StateChanged
from storybank.ui.mounting import ClosesOnce, while_shown
from storybank.ui.widgets import report_view as rv
from storybank.ui.widgets.fitted_columns import add_columns, room_left
from storybank.ui.widgets.keys import KeysFooter
from storybank.ui.widgets.panel import TextPanel

if TYPE_CHECKING:  # pragma: no cover
    from storybank.analysis.types import TypeCoverage
    from storybank.bank import StoryFile
    from storybank.ui.app import StorybankApp


FIXED_COLUMNS = {"status": ("Status", 10), "type": ("Question type", 16), "stories": ("Stories", 7)}
NOTHING_MAPPED = "nothing mapped: press n"
NOTHING_MAPPED_SHORT = "none: press n"


class Duplicates(Message):
    def __init__(self, pairs: list[tuple[str, str, float]]) -> None:
        super().__init__()
        self.pairs = pairs


class CoverageScreen(ClosesOnce[None]):
    BINDINGS = [*bindings.COVERAGE]
    HELP = "Which question types have a strong story, which are weak or missing."

    app: StorybankApp
    _fitted_room = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="coverage-table", cursor_type="row", zebra_stripes=False)
        yield Static(id="coverage-dupes")
        yield TextPanel(id="coverage-detail")
        yield KeysFooter()

    @while_shown
    def on_mount(self) -> None:
        self.title = "Coverage"
        table = self.query_one(DataTable)
        add_columns(table, FIXED_COLUMNS, ("assigned", "Assigned story"), self.size.width)
        self.app.state_changed.subscribe(self, self._on_state)
        self.query_one("#coverage-dupes").display = False
        self._fill()
        table.focus()
        self._find_duplicates()
        self.call_after_refresh(self._refit)

    @while_shown
    def _on_state(self, event: StateChanged) -> None:
        self._fill()
        if event.kind in (Change.LOADED, Change.SAVED, Change.DELETED):
            self._find_duplicates()

    def _find_duplicates(self) -> None:
        """The CLI's near-duplicate warning, worked out off the main thread (it compares texts)."""
        if self.app.state.ready:
            self._duplicates(list(self.app.state.stories))

    @work(thread=True, exclusive=True, group="duplicates", name="near duplicates")
    def _duplicates(self, stories: list[StoryFile]) -> None:
        from storybank.analysis.coverage import near_duplicates

        self.post_message(Duplicates(near_duplicates(stories)))

    @while_shown
    def on_duplicates(self, message: Duplicates) -> None:
        box = self.query_one("#coverage-dupes", Static)
        state = self.app.state
        lines = []
        for a, b, score in message.pairs:
            sa, sb = state.story(a), state.story(b)
            ta = sa.story.title if sa else a
            tb = sb.story.title if sb else b
            lines.append(Content.assemble(("! ", "bold $warning"), f"“{ta}” and “{tb}” look like the same story "
                                          f"({score:.0f}% alike): an interviewer hears one story twice."))
        box.update(Content("\n").join(lines))
        box.display = bool(lines)

    @while_shown
    def on_resize(self) -> None:
        self.call_after_refresh(self._refit)  # once the table has its new size

    @while_shown
    def _refit(self) -> None:
        """Only the last column depends on the width: re-fit its cells, keep the rows."""
        room = self._room()
        if room == self._fitted_room:
            return
        self._fitted_room = room
        table = self.query_one(DataTable)
        table.columns[ColumnKey("assigned")].width = room
        for tc in self.types:
            if tc.id in table.rows:
                table.update_cell(tc.id, "assigned", self._assigned_cell(tc, room), update_width=True)

    @property
    def types(self) -> list[TypeCoverage]:
        coverage = self.app.state.coverage()
        return coverage.question_types if coverage else []

    def _room(self) -> int:
        return room_left(self.query_one(DataTable), FIXED_COLUMNS, self.size.width)

    def _assigned_cell(self, tc: TypeCoverage, room: int) -> Content:
        assigned = self.app.state.story(tc.answer)
        if assigned is None:
            hint = NOTHING_MAPPED if len(NOTHING_MAPPED) <= room else NOTHING_MAPPED_SHORT
            return Content.styled(hint, "italic $warning")
        return Content(fmt.clip(assigned.story.title, room))

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        room = self._fitted_room = self._room()
        table.columns[ColumnKey("assigned")].width = room
        for tc in self.types:
            symbol, kind = fmt.STATUS[tc.status]
            table.add_row(
                Content.styled(f"{symbol} {tc.status}", rv.STYLE[kind]),
                tc.label,
                str(len(tc.stories)) if tc.stories else "—",
                self._assigned_cell(tc, room),
                key=tc.id,
            )
        if self.types:
            table.move_cursor(row=min(row, len(self.types) - 1))
        covered = sum(1 for t in self.types if t.status != "missing")
        strong = sum(1 for t in self.types if t.status == "strong")
        self.sub_title = (f"{strong} strong · {covered - strong} weak · {len(self.types) - covered} missing"
                          + (" · analysing…" if self.app.state.analysing else ""))
        self._show_detail()

    def selected(self) -> TypeCoverage | None:
        types = self.types
        row = self.query_one(DataTable).cursor_row
        return types[row] if 0 <= row < len(types) else None

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self._show_detail()

    @on(DataTable.RowSelected)
    def _selected(self) -> None:
        self.action_open()

    def _show_detail(self) -> None:
        detail = self.query_one("#coverage-detail", TextPanel)
        tc = self.selected()
        state = self.app.state
        if tc is None:
            detail.update(Content.styled("Loading…" if state.loading else "", rv.MUTED))
            return
        q = state.catalog.question(tc.id) if state.catalog else None
        symbol, kind = fmt.STATUS[tc.status]
        lines = [Content.assemble((f"{symbol} {tc.status}", rv.STYLE[kind]), "  ", (tc.question, "bold"))]
        if tc.stories:
            names = []
            for sid in tc.stories:
                sf = state.story(sid)
                report = state.reports.get(sid)
                mark = fmt.READINESS[report.readiness if report else None][0]
                star = " (assigned)" if sid == tc.assigned else " (shared)" if sid == tc.answer else ""
                names.append(f"{mark} {sf.story.title if sf else sid}{star}")
            lines.append(Content.styled("Mapped: " + " · ".join(names), rv.MUTED))
        if tc.status != "strong" and q is not None:
            if q.gap_hint:
                lines.append(Content.assemble(("Prepare: ", "bold $warning"), q.gap_hint))
            lines.append(Content.styled("Press n to start a story for this question, with its guidance.", rv.MUTED))
        detail.update(Content("\n").join(lines))

    def action_new(self) -> None:
        tc = self.selected()
        self.app.open_screen("editor", story_id=None, question=tc.id if tc else None)

    def action_open(self) -> None:
        tc = self.selected()
        if tc is None:
            return
        story_id = tc.answer
        if story_id is None:
            self.app.open_screen("editor", story_id=None, question=tc.id)
        else:
            self.app.open_screen("editor", story_id=story_id)

    def action_drill(self) -> None:
        tc = self.selected()
        self.app.open_screen("drill", question=tc.id if tc else None)

    def action_back(self) -> None:
        self.dismiss()
