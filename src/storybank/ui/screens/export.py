"""Export the cheat sheet: pick a format and a path; the export runs in a worker."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, RadioButton, RadioSet, Static

from storybank.ui import bindings, engine
from storybank.ui.widgets.fields import Field

if TYPE_CHECKING:  # pragma: no cover
    from storybank.ui.app import StorybankApp

FORMATS = [("md", "Markdown"), ("html", "HTML"), ("txt", "Text"), ("pdf", "PDF")]


class Exported(Message):
    def __init__(self, path: Path | None, error: str | None) -> None:
        super().__init__()
        self.path = path
        self.error = error


class ExportScreen(ModalScreen[Path | None]):
    BINDINGS = [*bindings.MODAL, *bindings.EXPORT]
    HELP = "Write the one-page cheat sheet."

    app: StorybankApp

    def __init__(self) -> None:
        super().__init__()
        self.fmt = "md"
        self._path_edited = False

    def default_path(self, fmt: str) -> str:
        return f"cheatsheet.{fmt}"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Export the cheat sheet", classes="dialog-title")
            with RadioSet(id="export-formats"):
                for i, (fmt, label) in enumerate(FORMATS):
                    yield RadioButton(f"{label} (.{fmt})", value=i == 0, name=fmt, id=f"fmt-{fmt}")
            yield Static("Save to (a relative path is inside the bank folder)", classes="field-label first")
            yield Field(self.default_path("md"), id="export-path")
            yield Static("", id="export-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export", id="export-go", variant="primary")
                yield Button("Cancel", id="export-cancel")

    def on_mount(self) -> None:
        self.query_one("#export-formats").focus()
        self.query_one("#export-error").display = False

    @on(RadioSet.Changed)
    def _format(self, event: RadioSet.Changed) -> None:
        self.fmt = event.pressed.name or "md"
        box = self.query_one("#export-path", Input)
        if not self._path_edited:
            box.value = self.default_path(self.fmt)
            self._path_edited = False

    @on(Input.Changed, "#export-path")
    def _path_changed(self, event: Input.Changed) -> None:
        self._path_edited = event.value != self.default_path(self.fmt)

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-go")
    def action_export(self) -> None:
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            self._error("Give a path to write to.")
            return
        path = Path(raw).expanduser()
        if not path.is_absolute():
            path = self.app.state.root / path
        self.query_one("#export-go", Button).disabled = True
        self._error(f"Writing {path.name}…", busy=True)
        self._run(self.fmt, path)

    @work(thread=True, exclusive=True, group="export", name="export")
    def _run(self, fmt: str, path: Path) -> None:
        state = self.app.state
        try:
            written = engine.export_cheatsheet(state.bank, state.catalog, fmt, path)
        except Exception as exc:  # any failure is one line in the dialog, never a crash
            message = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
            self.post_message(Exported(None, message))
            return
        self.post_message(Exported(Path(written), None))

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
