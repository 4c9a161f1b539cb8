"""Coverage: the eight question types, their status, the mapped stories and the assigned one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Header

from storybank.ui import bindings, fmt
from storybank.ui.messages import StateChanged
from storybank.ui.widgets import report_view as rv
from storybank.ui.widgets.keys import KeysFooter
from storybank.ui.widgets.panel import TextPanel

if TYPE_CHECKING:  # pragma: no cover
    from storybank.analysis.types import TypeCoverage
    from storybank.ui.app import StorybankApp


class CoverageScreen(Screen):
    BINDINGS = bindings.COVERAGE
    HELP = "Which question types have a strong story, which are weak or missing."

    app: StorybankApp

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="coverage-table", cursor_type="row", zebra_stripes=False)
        yield TextPanel(id="coverage-detail")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.title = "Coverage"
        table = self.query_one(DataTable)
        table.add_column("Status", key="status", width=10)
        table.add_column("Question type", key="type", width=16)
        table.add_column("Stories", key="stories", width=7)
        table.add_column("Assigned story", key="assigned")
        self.app.state_changed.subscribe(self, self._on_state)
        self._fill()
        table.focus()

    def _on_state(self, event: StateChanged) -> None:
        self._fill()

    def on_resize(self) -> None:
        self._fill()

    @property
    def types(self) -> list[TypeCoverage]:
        coverage = self.app.state.coverage()
        return coverage.question_types if coverage else []

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        state = self.app.state
        room = max(12, (self.size.width or 80) - 40)  # what the first three columns leave
        for tc in self.types:
            symbol, kind = fmt.STATUS[tc.status]
            assigned = state.story(tc.assigned)
            title = assigned.story.title if assigned else ""
            if len(title) > room:
                title = title[: room - 1].rstrip() + "…"
            table.add_row(
                Content.styled(f"{symbol} {tc.status}", rv.STYLE[kind]),
                tc.label,
                str(len(tc.stories)) if tc.stories else "—",
                title if assigned else Content.styled("nothing mapped: press n", "italic $warning"),
                key=tc.id,
            )
        if self.types:
            table.move_cursor(row=min(row, len(self.types) - 1))
        covered = sum(1 for t in self.types if t.status != "missing")
        strong = sum(1 for t in self.types if t.status == "strong")
        self.sub_title = (f"{strong} strong · {covered - strong} weak · {len(self.types) - covered} missing"
                          + (" · analysing…" if state.analysing else ""))
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
                star = " (assigned)" if sid == tc.assigned else ""
                names.append(f"{mark} {sf.story.title if sf else sid}{star}")
            lines.append(Content.styled("Mapped: " + " · ".join(names), rv.MUTED))
        if tc.status != "strong" and q is not None:
            if q.gap_hint:
                lines.append(Content.assemble(("Prepare: ", "bold $warning"), q.gap_hint))
            lines.append(Content.styled("Press n to start a story for this question, with its guidance.", rv.MUTED))
        detail.update(Content("\n").join(lines))

    def action_new(self) -> None:
        tc = self.selected()
        self.app.open_editor(None, question=tc.id if tc else None)

    def action_open(self) -> None:
        tc = self.selected()
        if tc is None:
            return
        story_id = tc.assigned or (tc.stories[0] if tc.stories else None)
        if story_id is None:
            self.app.open_editor(None, question=tc.id)
        else:
            self.app.open_editor(story_id)

    def action_drill(self) -> None:
        tc = self.selected()
        self.app.open_drill(question=tc.id if tc else None)

    def action_back(self) -> None:
        self.dismiss()
