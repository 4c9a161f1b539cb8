"""Export the cheat sheet: pick a format and a path; the export runs in a worker."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, RadioSet, Static

from storybank.ui import bindings, engine
from storybank.ui.mounting import ClosesOnce, while_shown
from storybank.ui.widgets.fields import Field
from storybank.ui.widgets.keys import KeysFooter
from storybank.ui.widgets.toggles import Radio

if TYPE_CHECKING:  # pragma: no cover
    from storybank.ui.app import StorybankApp

FORMATS = [("md", "Markdown"), ("html", "HTML"), ("txt", "Text"), ("pdf", "PDF")]
PAPERS = [("letter", "Letter"), ("a4", "A4")]


class Exported(Message):
    def __init__(self, path: Path | None, error: str | None) -> None:
        super().__init__()
        self.path = path
        self.error = error


class ExportScreen(ClosesOnce, ModalScreen[Path | None]):
    BINDINGS = [*bindings.MODAL, *bindings.EXPORT]
    HELP = "Write the one-page cheat sheet."

    app: StorybankApp

    def __init__(self) -> None:
        super().__init__()
        self.fmt = "md"

    def default_path(self, fmt: str) -> str:
        """Next to the bank, never inside it (the bank folder holds stories, not printouts)."""
        path = self.app.state.root.resolve().parent / f"cheatsheet.{fmt}"
        home = Path.home()
        return f"~/{path.relative_to(home)}" if path.is_relative_to(home) else str(path)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Export the cheat sheet", classes="dialog-title")
            with RadioSet(id="export-formats"):
                for i, (fmt, label) in enumerate(FORMATS):
                    yield Radio(label, value=i == 0, name=fmt, id=f"fmt-{fmt}", compact=True)
            yield Static("Save to (the suffix picks the format)",
                         classes="field-label first")
            yield Field(self.default_path("md"), id="export-path", compact=True)
            with Horizontal(id="export-options"):
                yield Static("Paper", classes="field-label first")
                paper = self.app.state.settings.paper
                with RadioSet(id="export-paper"):
                    for name, label in PAPERS:
                        yield Radio(label, value=name == paper, name=name, id=f"paper-{name}", compact=True)
            yield Static("Template (empty: the built-in one; or your own .j2 file)",
                         classes="field-label first")
            yield Field("", id="export-template", placeholder="built-in template", compact=True)
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

        self.fmt = event.pressed.name or "md"
        box = self.query_one("#export-path", Input)
        path = box.value.strip()
        if format_for_path(path) == self.fmt:
            return  # "sheet.htm" already says HTML
        if not path:
            box.value = self.default_path(self.fmt)
            return
        stem = path[: -len(Path(path).suffix)] if Path(path).suffix else path
        box.value = f"{stem}.{self.fmt}"

    @on(Input.Changed, "#export-path")
    def _path_changed(self, event: Input.Changed) -> None:
        """A path typed with a known suffix: the format follows it."""
        from storybank.export.api import format_for_path

        fmt = format_for_path(event.value.strip())
        if fmt and fmt != self.fmt:
            self.fmt = fmt
            self.query_one(f"#fmt-{fmt}", Radio).value = True

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-go")
    def action_export(self) -> None:
        from storybank.export.api import SUFFIXES, format_for_path

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
        self.query_one("#export-go", Button).disabled = True
        self._error(f"Writing {path.name}…", busy=True)
        self._run(fmt, path, paper, template)

    @work(thread=True, exclusive=True, group="export", name="export")
    def _run(self, fmt: str, path: Path, paper: str | None = None, template: Path | None = None) -> None:
        state = self.app.state
        try:
            written = engine.export_cheatsheet(state.bank, state.catalog, fmt, path, paper, template)
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
        self.dismiss(message.path)

    def _error(self, text: str, busy: bool = False) -> None:
        box = self.query_one("#export-error", Static)
        box.update(text)
        box.set_class(busy, "-busy")
        box.display = bool(text)

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
