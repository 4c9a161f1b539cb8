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
    Binding("o", "postings", "Postings", id="bank.postings"),
    Binding("delete", "delete", "Delete", key_display="del", id="bank.delete"),
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


def _timed(screen: str, start: str) -> list[Binding]:
    """The keys of a timed answer, the same on the drill and the mock interview
    (`widgets/answer_timer.TimedAnswers` decides by phase which of them work): `start` names the
    key that starts answering. While a typed answer runs, space types a space, so the footer
    offers ctrl+f instead."""
    return [
        Binding("enter,space", "start", start, key_display="enter", id=f"{screen}.start"),
        Binding("enter,space", "finish", "Done", key_display="space", id=f"{screen}.finish"),
        Binding("ctrl+f", "finish_typed", "Done", id=f"{screen}.finish-typed", priority=True),
        Binding("t", "type_answer", "Type instead", id=f"{screen}.type"),
    ]


DRILL = [
    *_timed("drill", "Start"),
    Binding("enter,space", "next", "Next question", key_display="enter", id="drill.next"),
    Binding("s", "skip", "Skip question", id="drill.skip"),
    Binding("r", "retry", "Again", id="drill.retry"),
    Binding("m", "more", "More practice", id="drill.more"),
    Binding("o", "correct", "Other story told", id="drill.correct"),
    Binding("escape", "back", "Back", id="drill.back"),
    Binding("question_mark", "app.help", "Help", key_display="?", id="drill.help"),
]

INTERVIEW = [
    Binding("enter,space", "begin", "Begin", key_display="enter", id="interview.begin"),
    *_timed("interview", "Answer"),
    Binding("o", "correct", "Other story told", id="interview.correct"),
    Binding("escape", "stop", "Stop", id="interview.stop"),
    Binding("escape", "back", "Back", id="interview.back"),
    Binding("question_mark", "app.help", "Help", key_display="?", id="interview.help"),
]

POSTINGS = [
    Binding("a", "add", "Add posting", id="postings.add"),
    Binding("y", "confirm", "Confirm link", id="postings.confirm"),
    Binding("n", "reject", "Reject link", id="postings.reject"),
    Binding("t", "tag", "Tag a story", id="postings.tag"),
    Binding("i", "interview", "Interview", id="postings.interview"),
    Binding("escape", "back", "Back", id="postings.back"),
    Binding("question_mark", "app.help", "Help", key_display="?", id="postings.help"),
]

ADD_POSTING = [
    Binding("ctrl+s", "save", "Check and save", id="add-posting.save", priority=True),
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

_FINISH_TYPED = "Stop the clock when you have typed your answer (space types a space)"

# What each command does, in a sentence: the palette shows it under the command's name.
DESCRIBE: dict[str, str] = {
    "app.help": "Every key of every screen",
    "app.quit": "Leave storybank (asks first about unsaved edits)",
    "bank.filter": "Filter the stories by title, question type, technology or role",
    "bank.edit": "Open the selected story in the editor",
    "bank.new": "Write a new story",
    "bank.coverage": "Which question types have a strong, weak or no story",
    "bank.drill": "Answer questions out loud against the clock",
    "bank.interview": "A timed mock interview, question after question",
    "bank.progress": "What you practised and what is due",
    "bank.export": "Write the one-page cheat sheet (Markdown, HTML, text or PDF)",
    "bank.postings": "What a job posting asks for, and which story shows it",
    "postings.add": "Paste a posting or give its file, and save it",
    "postings.confirm": "The story shows the selected requirement",
    "postings.reject": "The story does not show it",
    "postings.tag": "Pick the story that shows it",
    "postings.interview": "A mock interview tailored to this posting",
    "postings.back": "Back to the bank",
    "add-posting.save": "Read, save and check the posting",
    "bank.delete": "Move the selected story to the trash (.storybank/trash/), after asking",
    "bank.reload": "Read the bank from disk again",
    "bank.clear-filter": "Show every story again",
    "editor.save": "Save the story to its file",
    "editor.back": "Back to the bank (asks first about unsaved edits)",
    "editor.add-metric": "Add a metric row: a number with its unit",
    "coverage.new": "Write a story for the selected question type, with its guidance",
    "coverage.open": "Open the story assigned to the selected type",
    "coverage.drill": "Drill the selected question type",
    "coverage.back": "Back to the bank",
    "drill.start": "Start answering with the chosen story",
    "drill.finish": "Stop the clock: you have finished answering",
    "drill.finish-typed": _FINISH_TYPED,
    "drill.next": "On to the next question",
    "drill.type": "Type your answers instead of speaking them",
    "drill.skip": "Skip this question",
    "drill.retry": "Answer the same question again",
    "drill.more": "After the drill: practise the question types that are not due yet",
    "drill.back": "Leave the drill",
    "interview.finish-typed": _FINISH_TYPED,
    "export.go": "Write the cheat sheet to the path given",
    "modal.cancel": "Close this dialog without doing anything",
}

# The help screen's sections, in the order a user meets them.
SECTIONS: list[tuple[str, list[Binding]]] = [
    ("Bank", BANK),
    ("Editor", EDITOR),
    ("Coverage", COVERAGE),
    ("Drill", DRILL),
    ("Mock interview", INTERVIEW),
    ("Progress", PROGRESS),
    ("Job postings", POSTINGS),
    ("Everywhere", APP),
    ("Export dialog", EXPORT),
    ("Dialogs", [*MODAL, *CHOICE, *ADD_POSTING]),
]

EXTRA_HELP: dict[str, list[tuple[str, str]]] = {
    "Bank": [("↑ ↓ pgup pgdn home end", "Move in the story list"), ("click", "Select a story")],
    "Editor": [("tab / shift+tab", "Next / previous field")],
    "Everywhere": [("ctrl+p", "Command palette: every key of this screen, by name")],
    "Dialogs": [("tab / shift+tab", "Next / previous button"), ("enter", "Press the focused button")],
}
