"""Every key of the UI, declared once.

Screens take their BINDINGS from here, the help screen lists these tables, and the command palette
offers the same entries for the current screen. Each binding has an id, so a keymap
(`App.set_keymap({"bank.new": "N"})`) can move a key without touching the screens.
"""

from __future__ import annotations

from textual.binding import Binding

APP = [
    Binding("f1", "app.help", "Help", id="app.help", show=False),
    Binding("ctrl+q", "app.quit", "Quit", id="app.quit", show=False, priority=True),
]

BANK = [
    Binding("slash", "filter", "Filter", key_display="/", id="bank.filter"),
    Binding("enter", "edit", "Edit", id="bank.edit"),
    Binding("n", "new", "New", id="bank.new"),
    Binding("c", "coverage", "Coverage", id="bank.coverage"),
    Binding("d", "drill", "Drill", id="bank.drill"),
    Binding("i", "interview", "Interview", id="bank.interview"),
    Binding("p", "progress", "Progress", id="bank.progress"),
    Binding("x", "export", "Export", id="bank.export"),
    Binding("r", "reload", "Reload", id="bank.reload", show=False),
    Binding("question_mark", "app.help", "Help", key_display="?", id="bank.help"),
    Binding("q", "app.quit", "Quit", id="bank.quit"),
    Binding("escape", "clear_filter", "Clear filter", id="bank.clear-filter", show=False),
]

EDITOR = [
    Binding("ctrl+s", "save", "Save", id="editor.save", priority=True),
    Binding("escape", "back", "Back", id="editor.back"),
    Binding("ctrl+n", "add_metric", "Add metric", id="editor.add-metric"),
    Binding("f1", "app.help", "Help", id="editor.help"),
]

COVERAGE = [
    Binding("n", "new", "New story for type", id="coverage.new"),
    Binding("enter", "open", "Open story", id="coverage.open"),
    Binding("d", "drill", "Drill this", id="coverage.drill"),
    Binding("escape", "back", "Back", id="coverage.back"),
    Binding("question_mark", "app.help", "Help", key_display="?", id="coverage.help"),
]

DRILL = [
    Binding("enter,space", "start", "Start", key_display="enter", id="drill.start"),
    Binding("enter,space", "finish", "Done", key_display="space", id="drill.finish"),
    Binding("ctrl+f", "finish", "Done", id="drill.finish-typed", show=False, priority=True),
    Binding("enter,space", "next", "Next question", key_display="enter", id="drill.next"),
    Binding("t", "type_answer", "Type instead", id="drill.type"),
    Binding("s", "skip", "Skip question", id="drill.skip"),
    Binding("r", "retry", "Again", id="drill.retry"),
    Binding("escape", "back", "Back", id="drill.back"),
    Binding("question_mark", "app.help", "Help", key_display="?", id="drill.help"),
]

INTERVIEW = [
    Binding("enter,space", "begin", "Begin", key_display="enter", id="interview.begin"),
    Binding("enter,space", "start", "Answer", key_display="enter", id="interview.start"),
    Binding("enter,space", "finish", "Done", key_display="space", id="interview.finish"),
    Binding("ctrl+f", "finish", "Done", id="interview.finish-typed", show=False, priority=True),
    Binding("t", "type_answer", "Type instead", id="interview.type"),
    Binding("escape", "stop", "Stop", id="interview.stop"),
    Binding("escape", "back", "Back", id="interview.back"),
    Binding("question_mark", "app.help", "Help", key_display="?", id="interview.help"),
]

PROGRESS = [
    Binding("d", "drill", "Drill what is due", id="progress.drill"),
    Binding("escape", "back", "Back", id="progress.back"),
    Binding("question_mark", "app.help", "Help", key_display="?", id="progress.help"),
]

HELP = [
    Binding("escape,q,question_mark", "close", "Close", key_display="esc", id="help.close"),
]

MODAL = [
    Binding("escape", "cancel", "Cancel", id="modal.cancel"),
]

CHOICE = [
    Binding("left", "move(-1)", "Previous choice", id="choice.previous", show=False),
    Binding("right", "move(1)", "Next choice", id="choice.next", show=False),
]

EXPORT = [
    Binding("ctrl+s", "export", "Export", id="export.go", priority=True),
]

# The help screen's sections, in the order a user meets them.
SECTIONS: list[tuple[str, list[Binding]]] = [
    ("Bank", BANK),
    ("Editor", EDITOR),
    ("Coverage", COVERAGE),
    ("Drill", DRILL),
    ("Mock interview", INTERVIEW),
    ("Progress", PROGRESS),
    ("Everywhere", APP),
    ("Export dialog", EXPORT),
    ("Dialogs", [*MODAL, *CHOICE]),
]

EXTRA_HELP: dict[str, list[tuple[str, str]]] = {
    "Bank": [("↑ ↓ pgup pgdn home end", "Move in the story list"), ("click", "Select a story")],
    "Editor": [("tab / shift+tab", "Next / previous field")],
    "Drill": [("ctrl+f", "Done, while typing an answer")],
    "Mock interview": [("ctrl+f", "Done, while typing an answer")],
    "Everywhere": [("ctrl+p", "Command palette: every key of this screen, by name")],
    "Dialogs": [("tab / shift+tab", "Next / previous button"), ("enter", "Press the focused button")],
}
