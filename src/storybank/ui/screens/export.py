"""Export the cheat sheet: pick a format and a path; the export runs in a worker.

A file already at the path is replaced only after asking (an export of an emptied bank once
replaced a full sheet without a word); the dialog opens on the format, path, paper and template
last used in this session; an error line goes away as soon as the path is edited (issue 21,
item 15)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, RadioSet, Static

from storybank.export.formats import DEFAULT as DEFAULT_FORMAT
from storybank.export.formats import FORMATS as EXPORT_FORMATS
from storybank.ui import bindings, engine
from storybank.ui.mounting import ClosesOnce, while_shown
from storybank.ui.widgets import unchanged
from storybank.ui.widgets.fields import Field
from storybank.ui.widgets.keys import KeysFooter
from storybank.ui.widgets.toggles import Radio

if TYPE_CHECKING:  # pragma: no cover
    from storybank.ui.app import StorybankApp

FORMATS = [(f.id, f.label) for f in EXPORT_FORMATS.values()]
PAPERS = [("letter", "Letter"), ("a4", "A4")]


class Exported(Message):
    def __init__(self, path: Path | None, error: str | None) -> None:
        super().__init__()
        self.path = path
        self.error = error


@dataclass(frozen=True)
class ExportChoice:
    """What the dialog opens on: the last choice of this session (kept on the app)."""

    fmt: str = DEFAULT_FORMAT
    path: str | None = None          # None: next to the bank, named for the format
    paper: str | None = None         # None: the bank's setting
    template: str = ""


class ExportScreen(ModalScreen[Path | None], ClosesOnce[Path | None]):
    BINDINGS = [*bindings.MODAL, *bindings.EXPORT]
    HELP = "Write the one-page cheat sheet."

    app: StorybankApp

    def __init__(self) -> None:
        super().__init__()
        self.fmt = DEFAULT_FORMAT
        self._replace_ok: Path | None = None   # the existing file the user agreed to replace

    @property
    def choice(self) -> ExportChoice:
        return self.app.export_choice or ExportChoice()

    def _remember(self, path: str | None) -> None:
        """Keep this dialog's choice for the next time it opens (this session only)."""
        paper = self.query_one("#export-paper", RadioSet).pressed_button
        self.app.export_choice = ExportChoice(
            self.fmt, path, paper.name if paper is not None else None,
            self.query_one("#export-template", Input).value)

    def default_path(self, fmt: str) -> str:
        """Next to the bank, never inside it (the bank folder holds stories, not printouts)."""
        path = self.app.state.root.resolve().parent / f"cheatsheet.{fmt}"
        home = Path.home()
        return f"~/{path.relative_to(home)}" if path.is_relative_to(home) else str(path)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Export the cheat sheet", classes="dialog-title")
            choice = self.choice
            self.fmt = choice.fmt
            with RadioSet(id="export-formats"):
                for fmt, label in FORMATS:
                    yield Radio(label, value=fmt == choice.fmt, name=fmt, id=f"fmt-{fmt}", compact=True)
            yield Static("Save to (the suffix picks the format)",
                         classes="field-label first")
            yield Field(choice.path or self.default_path(choice.fmt), id="export-path", compact=True)
            with Horizontal(id="export-options"):
                yield Static("Paper", classes="field-label first")
                paper = choice.paper or self.app.state.settings.paper
                with RadioSet(id="export-paper"):
                    for name, label in PAPERS:
                        yield Radio(label, value=name == paper, name=name, id=f"paper-{name}", compact=True)
            yield Static("Template (empty: the built-in one; or your own .j2 file)",
                         classes="field-label first")
            yield Field(choice.template, id="export-template", placeholder="built-in template", compact=True)
            yield Static("", id="export-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export", id="export-go", variant="primary")
                yield Button("Cancel", id="export-cancel")
        yield KeysFooter()

    @while_shown
    def on_mount(self) -> None:
        self.query_one("#export-formats").focus()
        self.query_one("#export-error").display = False

    @on(RadioSet.Changed, "#export-formats")
    def _format(self, event: RadioSet.Changed) -> None:
        """A format picked: the path's suffix follows (whatever the path was edited to)."""
        from storybank.export.api import format_for_path

        self.fmt = event.pressed.name or DEFAULT_FORMAT
        box = self.query_one("#export-path", Input)
        path = box.value.strip()
        if format_for_path(path) == self.fmt:
            return  # "sheet.htm" already says HTML
        if not path:
            box.value = self.default_path(self.fmt)
        else:
            stem = path[: -len(Path(path).suffix)] if Path(path).suffix else path
            box.value = f"{stem}.{self.fmt}"
        box.cursor_position = len(box.value)  # typing goes on at the end, after the new suffix

    @on(Input.Changed, "#export-path")
    def _path_changed(self, event: Input.Changed) -> None:
        """A path typed with a known suffix: the format follows it."""
        from storybank.export.api import format_for_path

        fmt = format_for_path(event.value.strip())
        if fmt and fmt != self.fmt:
            self.fmt = fmt
            self.query_one(f"#fmt-{fmt}", Radio).value = True
        if not self.query_one("#export-error").has_class("-busy"):
            self._error("")   # what was wrong with the old path says nothing about this one

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-go")
    def action_export(self) -> None:
        from storybank.export.api import format_for_path
        from storybank.export.formats import SUFFIXES

        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            self._error("Give a path to write to.")
            return
        fmt = format_for_path(raw)
        if fmt is None:  # the same rule as `storybank export -o`
            known = ", ".join(sorted(SUFFIXES))
            self._error(f"✗ cannot tell the format from {Path(raw).name!r}: name it with one of {known}")
            return
        self.fmt = fmt
        path = Path(raw).expanduser()
        if not path.is_absolute():
            path = Path.cwd() / path
        paper_button = self.query_one("#export-paper", RadioSet).pressed_button
        paper = paper_button.name if paper_button is not None else None
        template_text = self.query_one("#export-template", Input).value.strip()
        template = Path(template_text).expanduser() if template_text else None
        if path.is_file() and path != self._replace_ok:
            self._ask_to_replace(path)
            return
        self._replace_ok = None
        self.query_one("#export-go", Button).disabled = True
        self._error(f"Writing {path.name}…", busy=True)
        self._run(fmt, path, paper, template)

    def _ask_to_replace(self, path: Path) -> None:
        from storybank.ui.screens.modals import ReplaceScreen

        def decided(choice: str | None) -> None:
            if choice == "replace":
                self._replace_ok = path
                self.action_export()
            else:
                self._error(f"{path.name} was left as it is: give another name, or export again to "
                            "replace it.")

        self.app.push_screen(ReplaceScreen(path), decided)

    @work(thread=True, exclusive=True, group="export", name="export")
    def _run(self, fmt: str, path: Path, paper: str | None = None, template: Path | None = None) -> None:
        state = self.app.state
        try:
            opened = state.opened
            written = engine.export_cheatsheet(opened.bank, opened.catalog, fmt, path, paper, template)
        except Exception as exc:  # any failure is one line in the dialog, never a crash
            message = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
            self.post_message(Exported(None, message))
            return
        self.post_message(Exported(Path(written), None))

    @while_shown
    def on_exported(self, message: Exported) -> None:
        self.query_one("#export-go", Button).disabled = False
        if message.error:
            self._error(f"✗ {message.error}")
            return
        self.app.notify(f"Cheat sheet written to {message.path}", title="Exported")
        self._remember(self.query_one("#export-path", Input).value.strip())
        self.dismiss(message.path)

    def _error(self, text: str, busy: bool = False) -> None:
        box = self.query_one("#export-error", Static)
        unchanged.show(box, text)   # cleared at every key typed in the path: mostly empty already
        box.set_class(busy, "-busy")
        box.display = bool(text)

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        if self.is_attached:  # the format picked stays picked, with the path that goes with it
            self._remember(self.query_one("#export-path", Input).value.strip() or None)
        self.dismiss(None)
