"""Questions the UI must ask before it could lose work: unsaved edits, a file changed on disk,
a story to delete, a file an export would replace."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from storybank.ui import bindings
from storybank.ui.mounting import ClosesOnce

if TYPE_CHECKING:  # pragma: no cover
    from textual.widgets import OptionList
    from textual.widgets.button import ButtonVariant


class Choice(ModalScreen[str | None], ClosesOnce[str | None]):
    """A small dialog: a title, an explanation, one button per choice; escape cancels.

    It opens with the focus on its safe choice (`SAFE`, which loses nothing), so `enter` pressed
    out of habit, or typed ahead before the dialog showed, never deletes, discards or overwrites.
    The focus is set by AUTO_FOCUS when the screen first shows, not in an `on_mount` that a
    subclass's handler and the base's would both run in turn (issue 21, item 1).
    """

    BINDINGS = [*bindings.MODAL, *bindings.CHOICE]
    HELP = "A question before anything is lost."
    TITLE_TEXT = ""
    CHOICES: list[tuple[str, str, ButtonVariant]] = []  # (value, label, variant)
    SAFE = "cancel"
    AUTO_FOCUS = "#choice-cancel"
    DANGER = False

    def __init__(self, body: str) -> None:
        super().__init__()
        self.body = body

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog" + (" -danger" if self.DANGER else "")):
            yield Static(self.TITLE_TEXT, classes="dialog-title")
            yield Static(self.body, markup=False)
            with Horizontal(classes="dialog-buttons"):
                for value, label, variant in self.CHOICES:
                    yield Button(label, id=f"choice-{value}", variant=variant)
            yield Static("", classes="dialog-hint", markup=False)

    def on_descendant_focus(self) -> None:
        """Say in words what enter will do: the focused button is only a shade apart from the
        coloured ones, and after a tab or two "Discard" was easy to take for "Keep editing"."""
        focused = self.focused
        if isinstance(focused, Button):
            hint = self.query_one(".dialog-hint", Static)
            hint.update(f"enter: {focused.label}  ·  esc: {self._safe_label()}  ·  ←/→: choose")
            hint.set_class(focused.variant in ("error", "warning"), "-danger")   # enter would lose something

    def _safe_label(self) -> str:
        return next((label for value, label, _ in self.CHOICES if value == self.SAFE), "cancel")

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.AUTO_FOCUS = f"#choice-{cls.SAFE}"

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        value = (event.button.id or "").removeprefix("choice-")
        self.dismiss(None if value == "cancel" else value)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_move(self, step: int) -> None:
        if step > 0:
            self.focus_next(Button)
        else:
            self.focus_previous(Button)


class UnsavedScreen(Choice):
    TITLE_TEXT = "Unsaved changes"
    CHOICES = [("save", "Save", "primary"), ("discard", "Discard", "error"),
               ("cancel", "Keep editing", "default")]

    def __init__(self, title: str, quitting: bool = False) -> None:
        where = "before quitting" if quitting else "before going back"
        super().__init__(f"“{title}” has changes that are not saved. Save them {where}?")


class ConflictScreen(Choice):
    TITLE_TEXT = "The file changed on disk"
    DANGER = True
    # Short labels, so the four fit the dialog at 80 columns; the text above says what each does.
    CHOICES = [
        ("reload", "Discard mine", "error"),
        ("overwrite", "Overwrite", "warning"),
        ("copy", "Keep both", "primary"),
        ("cancel", "Cancel", "default"),
    ]

    def __init__(self, path: str, deleted: bool = False) -> None:
        if deleted:
            self.CHOICES = [c for c in self.CHOICES if c[0] != "reload"]
        what = "was deleted" if deleted else "was changed by another program"
        super().__init__(
            f"{path} {what} since you opened it. Discard mine: reload it and lose your edits. "
            "Overwrite: replace it with your version. Keep both: save yours as a new story. "
            "Cancel: keep editing, nothing saved.")


class DeleteScreen(Choice):
    TITLE_TEXT = "Delete this story?"
    DANGER = True
    CHOICES = [("delete", "Move to trash", "error"), ("cancel", "Cancel", "default")]

    def __init__(self, title: str, path: str) -> None:
        super().__init__(f"Move “{title}” ({path}) to the bank's trash folder, .storybank/trash/? "
                         "To bring it back, move the file from there into the bank folder.")


class ReplaceScreen(Choice):
    TITLE_TEXT = "Replace the file?"
    DANGER = True
    CHOICES = [("replace", "Replace", "error"), ("cancel", "Cancel", "default")]

    def __init__(self, path: Path) -> None:
        import time

        try:
            stat = path.stat()
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(stat.st_mtime))
            about = f" ({stat.st_size:,} bytes, changed {when})"
        except OSError:
            about = ""
        super().__init__(f"{path} is already there{about}. Replace it with the new cheat sheet?")


class PickOne(ModalScreen[str | None], ClosesOnce[str | None]):
    """A short list to pick one from (enter), or escape to leave things as they are: which story
    an answer told, after storybank recognised one (SPEC §10)."""

    BINDINGS = [*bindings.MODAL]
    HELP = "Pick one with the arrows and enter; escape keeps things as they were."
    AUTO_FOCUS = "#pick-list"

    def __init__(self, title: str, body: str, options: list[tuple[str, str]],
                 current: str | None = None) -> None:
        super().__init__()
        self.title_text, self.body = title, body
        self.options = options
        self.current = current

    def compose(self) -> ComposeResult:
        from textual.widgets import OptionList
        from textual.widgets.option_list import Option

        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            if self.body:
                yield Static(self.body, markup=False)
            picks = OptionList(*(Option(label, id=value) for value, label in self.options), id="pick-list")
            ids = [value for value, _label in self.options]
            picks.highlighted = ids.index(self.current) if self.current in ids else 0
            yield picks

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
