"""Job postings (`o` on the bank screen): the saved postings, and for the selected one the
requirement table with each verdict, the sentence that shows it, the credentials checklist and
the motivation story's fit. `a` adds a posting (pasted, or a file); `y` confirms the selected
requirement's link, `n` rejects it, `t` tags another story with it; `i` starts a mock interview
tailored to the posting.

Reading, matching and saving run in workers (`storybank.postings.api`, no Textual there); the
results come back as `PostingReport` records. Every confirm or reject is written to the saved
posting's file at once (comments kept), then the posting is checked again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, DataTable, Header, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from storybank.ui import bindings, fmt
from storybank.ui.widgets import report_view as rv
from storybank.ui.widgets.fields import Field
from storybank.ui.widgets.keys import KeysFooter
from storybank.ui.widgets.panel import TextPanel

if TYPE_CHECKING:  # pragma: no cover
    from storybank.postings.report import PostingReport, Requirement
    from storybank.ui.app import StorybankApp

MARK = {"shown": ("✓", "$success"), "possibly": ("?", "$warning"), "missing": ("✗", "$error")}
FIXED = {"n": ("#", 3), "verdict": ("Verdict", 10)}
STORY_COLUMN = 22


class Checked(Message):
    """A posting checked against the bank (or why it could not be)."""

    def __init__(self, name: str | None, report: PostingReport | None, error: str | None = None,
                 notice: str | None = None) -> None:
        super().__init__()
        self.name = name
        self.report = report
        self.error = error
        self.notice = notice


class PostingsScreen(Screen[None]):
    BINDINGS = [*bindings.POSTINGS]
    HELP = "What a job posting asks for, which story shows each requirement, and what is missing."

    app: StorybankApp

    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []
        self.current: str | None = None
        self.report: PostingReport | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="po-body"):
            yield OptionList(id="po-list")
            with Vertical(id="po-main"):
                yield Static(id="po-summary")
                yield DataTable(id="po-table", cursor_type="row", zebra_stripes=False)
                yield TextPanel(id="po-detail")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.title = "Job postings"
        table = self.query_one(DataTable)
        for column, (label, width) in FIXED.items():
            table.add_column(label, key=column, width=width)
        table.add_column("Requirement", key="text", width=24)
        table.add_column("Story", key="story", width=STORY_COLUMN)
        self._list_postings()
        if self.names:
            self._select(self.names[0])
        else:
            self._show_empty()

    # --- the list of saved postings -----------------------------------------------------------

    def _list_postings(self, keep: str | None = None) -> None:
        from storybank.postings import store

        self.names = store.names(self.app.state.root)
        options = self.query_one("#po-list", OptionList)
        options.clear_options()
        options.add_options([Option(name, id=name) for name in self.names])
        if keep in self.names:
            options.highlighted = self.names.index(keep)
        elif self.names:
            options.highlighted = 0
        self.query_one("#po-list").display = bool(self.names)

    def _show_empty(self) -> None:
        self.sub_title = "no saved postings"
        self.query_one("#po-summary", Static).update(Content.assemble(
            ("No job posting saved yet. ", "bold"),
            "Press a to paste one (or give its file): storybank lists what it asks for and which "
            "of your stories shows each requirement."))
        self.query_one("#po-table").display = False
        self.query_one("#po-detail").display = False

    @on(OptionList.OptionHighlighted, "#po-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        name = event.option.id
        if name and name != self.current:
            self._select(name)

    def _select(self, name: str) -> None:
        self.current = name
        self.sub_title = f"{name} · checking…"
        self._check(name)

    @work(thread=True, exclusive=True, group="posting-check", name="check a posting")
    def _check(self, name: str, notice: str | None = None) -> None:
        from storybank.errors import StorybankError
        from storybank.postings import api

        try:
            report = api.check_saved(self.app.state.opened.bank, name)
            self.post_message(Checked(name, report, notice=notice))
        except StorybankError as exc:
            self.post_message(Checked(name, None, str(exc)))

    def on_checked(self, message: Checked) -> None:
        if message.notice:
            self.notify(message.notice)
        if message.name != self.current and message.name is not None:
            self._list_postings(keep=message.name)
            self.current = message.name
        if message.report is None:
            self.report = None
            self.sub_title = message.name or ""
            self.query_one("#po-summary", Static).update(Content.styled(message.error or "", "$error"))
            self.query_one("#po-table", DataTable).clear()
            self.query_one("#po-detail", TextPanel).update("")
            return
        self.report = message.report
        self.query_one("#po-table").display = True
        self.query_one("#po-detail").display = True
        self._fill()

    # --- the requirement table ----------------------------------------------------------------

    def _text_width(self) -> int:
        table = self.query_one(DataTable)
        width = table.scrollable_content_region.width or self.size.width or 80
        fixed = sum(w for _label, w in FIXED.values()) + STORY_COLUMN + 2 * table.cell_padding * 4
        return max(12, width - fixed)

    def _fill(self) -> None:
        report = self.report
        assert report is not None
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        width = self._text_width()
        from textual.widgets.data_table import ColumnKey

        table.columns[ColumnKey("text")].width = width
        titles = {sf.id: sf.story.title or sf.id for sf in self.app.state.stories}
        for r in report.requirements:
            mark, style = MARK[r.verdict]
            story = r.evidence[0].story if r.evidence else ""
            story_cell = Content(fmt.clip(titles.get(story, story), STORY_COLUMN)) if story else \
                Content.styled("must-have" if r.must else "—", rv.MUTED)
            table.add_row(str(r.number), Content.styled(f"{mark} {r.verdict}", style),
                          Content(fmt.clip(r.text, width)), story_cell, key=str(r.number))
        if report.requirements:
            table.move_cursor(row=min(max(row, 0), len(report.requirements) - 1))
        musts = len(report.must_missing)
        self.sub_title = (f"{report.name} · {report.count('shown')} shown · {report.count('possibly')} to check · "
                          f"{report.missing} missing" + (f" ({musts} must-have)" if musts else ""))
        lines = [Content.styled(report.title or report.name or "", "bold")]
        if report.motivation is not None:
            m = report.motivation
            style = "$success" if m.verdict == "tied" else "$warning"
            lines.append(Content.assemble(("Motivation: ", "bold"), (m.message, style)))
        if report.credentials:
            lines.append(Content.assemble(("Credentials to check yourself: ", "bold"),
                                          " · ".join(c.text for c in report.credentials)))
        if report.found_nothing:
            lines.append(Content.styled("No requirements found in this posting: nothing to match.", "$error"))
        self.query_one("#po-summary", Static).update(Content("\n").join(lines))
        self._show_detail()
        table.focus()

    def on_resize(self) -> None:
        if self.report is not None:
            self.call_after_refresh(self._fill)

    def selected(self) -> Requirement | None:
        if self.report is None:
            return None
        row = self.query_one(DataTable).cursor_row
        return self.report.requirements[row] if 0 <= row < len(self.report.requirements) else None

    @on(DataTable.RowHighlighted)
    def _row(self) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        r = self.selected()
        panel = self.query_one("#po-detail", TextPanel)
        if r is None:
            panel.update("")
            return
        titles = {sf.id: sf.story.title or sf.id for sf in self.app.state.stories}
        mark, style = MARK[r.verdict]
        lines = [Content.assemble((f"{mark} {r.verdict}  ", style), (r.text, "bold")),
                 # As the CLI says it: "must-have" when it is one, nothing otherwise ("Essential
                 # Duties · not a must-have" read as a contradiction to a nurse, dogfood20).
                 Content.styled(f"{r.section or 'Requirements'}" + (" · must-have" if r.must else "")
                                + (f" · terms: {', '.join(r.terms)}" if r.terms else ""), rv.MUTED)]
        for e in r.evidence:
            tag = "confirmed by you" if e.confirmed else ("shown in" if r.verdict == "shown" else "check")
            lines.append(Content.assemble((f"{tag} ", rv.MUTED), (titles.get(e.story, e.story), "$accent")))
            if e.sentence:
                lines.append(Content.assemble("  “", e.sentence, "”"))
        if r.rejected:
            lines.append(Content.styled("rejected by you: " + ", ".join(titles.get(s, s) for s in r.rejected), rv.MUTED))
        if r.evidence and not r.evidence[0].confirmed:
            lines.append(Content.styled("y: this story shows it · n: it does not · t: tag another story", rv.MUTED))
        elif not r.evidence:
            lines.append(Content.styled("t: tag a story that shows it", rv.MUTED))
        panel.update(Content("\n").join(lines))

    # --- links --------------------------------------------------------------------------------

    def _link(self, story: str | None, status: str) -> None:
        r = self.selected()
        if r is None or self.current is None:
            return
        if story is None:
            self.notify("No story to confirm or reject here: press t to tag one.", severity="warning")
            return
        self._write_link(self.current, r.number, story, status)

    @work(thread=True, exclusive=True, group="posting-check", name="save a link")
    def _write_link(self, name: str, number: int, story: str, status: str) -> None:
        from storybank.errors import StorybankError
        from storybank.postings import api, store

        try:
            bank = self.app.state.opened.bank
            saved = store.load(bank.root, name)
            opened = api.Opened(saved.text, saved.source or name, saved)
            report = api.link(bank, opened, number, story, status)
            verb = "confirmed" if status == "confirmed" else "rejected"
            self.post_message(Checked(name, report, notice=f"Requirement {number}: {story} {verb}, "
                                                             f"kept in {saved.path.name}."))
        except StorybankError as exc:
            self.post_message(Checked(name, None, str(exc)))

    def action_confirm(self) -> None:
        r = self.selected()
        story = next((e.story for e in r.evidence if not e.confirmed), None) if r else None
        self._link(story, "confirmed")

    def action_reject(self) -> None:
        r = self.selected()
        self._link(r.evidence[0].story if r and r.evidence else None, "rejected")

    def action_tag(self) -> None:
        r = self.selected()
        if r is None:
            return
        stories = [(sf.id, sf.story.title or sf.id) for sf in self.app.state.stories]

        def picked(story: str | None) -> None:
            if story:
                self._link(story, "confirmed")

        self.app.push_screen(StoryPicker(r.text, stories), picked)

    def action_add(self) -> None:
        def added(result: tuple[str, str, str] | None) -> None:
            if result:
                self._add(*result)

        self.app.push_screen(AddPostingScreen(), added)

    @work(thread=True, exclusive=True, group="posting-check", name="add a posting")
    def _add(self, name: str, path: str, text: str) -> None:
        from storybank.errors import StorybankError
        from storybank.postings import api

        try:
            bank = self.app.state.opened.bank
            opened = api.open_posting(bank, path or "-", name, None if path else text)
            report = api.check_text(bank, opened)
            self.post_message(Checked(name, report, notice=f"Saved as {name}: {len(report.requirements)} "
                                                             "requirements read."))
        except StorybankError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")

    def action_interview(self) -> None:
        if self.current is None:
            self.notify("Save a posting first (a), then start its interview.", severity="warning")
            return
        self.app.open_screen("interview", posting=self.current)

    def action_back(self) -> None:
        self.dismiss()


class AddPostingScreen(ModalScreen[tuple[str, str, str] | None]):
    """A posting to add: its name, and its file or its pasted text."""

    BINDINGS = [*bindings.MODAL, *bindings.ADD_POSTING]
    HELP = "Paste a job posting (or give its file) and save it under a name."

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="add-posting"):
            yield Static("Add a job posting", classes="dialog-title")
            yield Static("Name (lowercase letters, digits and -)", classes="field-label first")
            yield Field("", id="add-name", placeholder="acme-backend", compact=True)
            yield Static("File (.txt, .md, .html), or leave empty and paste below", classes="field-label")
            yield Field("", id="add-path", placeholder="~/Downloads/posting.html", compact=True)
            yield TextArea(id="add-text")
            yield Static("", id="add-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Check and save", id="add-go", variant="primary")
                yield Button("Cancel", id="add-cancel")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#add-name").focus()
        self.query_one("#add-error").display = False

    def _error(self, text: str) -> None:
        box = self.query_one("#add-error", Static)
        box.update(Content.styled(text, "$error"))
        box.display = True

    def action_save(self) -> None:
        from storybank import ids

        name = self.query_one("#add-name", Field).value.strip()
        path = self.query_one("#add-path", Field).value.strip()
        text = self.query_one("#add-text", TextArea).text
        if not ids.is_valid_id(name):
            self._error(f"Name it with lowercase letters, digits and -, such as {ids.slugify(name) or 'acme-backend'}.")
            self.query_one("#add-name").focus()
            return
        if not path and not text.strip():
            self._error("Paste the posting below, or give its file.")
            return
        self.dismiss((name, path, text))

    @on(Button.Pressed, "#add-go")
    def _go(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#add-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class StoryPicker(ModalScreen[str | None]):
    """Which story shows this requirement?"""

    BINDINGS = [*bindings.MODAL]
    HELP = "Pick the story that shows the requirement."

    def __init__(self, requirement: str, stories: list[tuple[str, str]]) -> None:
        super().__init__()
        self.requirement = requirement
        self.stories = stories

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="story-picker"):
            yield Static("Which story shows it?", classes="dialog-title")
            yield Static(self.requirement, markup=False)
            yield OptionList(*[Option(title, id=sid) for sid, title in self.stories], id="picker-list")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
