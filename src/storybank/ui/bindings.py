"""Every key of the UI, declared once.

Screens take their BINDINGS from here, the help screen lists these tables, and the command palette
offers the same entries for the current screen. Each binding carries what it does in a sentence
(its tooltip, made by `key`): the palette shows it under the command's name, the help screen
beside the key. Each binding has an id, so a keymap
(`App.set_keymap({"bank.new": "N"})`) can move a key without touching the screens.
"""

from __future__ import annotations

from typing import Any

from textual.binding import Binding


def key(keys: str, action: str, name: str, does: str, **options: Any) -> Binding:
    """A binding with its sentence: `name` is what the footer shows, `does` (its tooltip) what
    the command palette and the help screen say it does. Every key of the UI is made here."""
    return Binding(keys, action, name, tooltip=does, **options)


HELP_KEY = "Every key of every screen"
BACK = "Back to the bank"


def _help(screen: str, keys: str = "question_mark", display: str | None = "?") -> Binding:
    return key(keys, "app.help", "Help", HELP_KEY, key_display=display, id=f"{screen}.help")


APP = [
    key("f1", "app.help", "Help", HELP_KEY, id="app.help", show=False),
    key("ctrl+q", "app.quit", "Quit", "Leave storybank (asks first about unsaved edits)", id="app.quit",
        show=False, priority=True),
]

BANK = [
    key("slash", "filter", "Filter", "Filter the stories by title, question type, technology or role",
        key_display="/", id="bank.filter"),
    key("enter", "edit", "Edit", "Open the selected story in the editor", id="bank.edit"),
    key("n", "new", "New", "Write a new story", id="bank.new"),
    key("c", "open('coverage')", "Coverage", "Which question types have a strong, weak or no story", id="bank.coverage"),
    key("d", "open('drill')", "Drill", "Answer questions out loud against the clock", id="bank.drill"),
    key("i", "open('interview')", "Interview", "A timed mock interview, question after question", id="bank.interview"),
    key("p", "open('progress')", "Progress", "What you practised and what is due", id="bank.progress"),
    key("x", "open('export')", "Export", "Write the one-page cheat sheet (Markdown, HTML, text or PDF)", id="bank.export"),
    key("m", "open('which_story')", "Which story?",
        "Type a question you were asked: which question type it is, and your best stories for it",
        id="bank.which-story"),
    key("o", "open('postings')", "Postings", "What a job posting asks for, and which story shows it", id="bank.postings"),
    key("delete", "delete", "Delete", "Move the selected story to the trash (.storybank/trash/), after asking",
        key_display="del", id="bank.delete"),
    key("r", "reload", "Reload", "Read the bank from disk again", id="bank.reload", show=False),
    _help("bank"),
    key("q", "app.quit", "Quit", "Leave storybank (asks first about unsaved edits)", id="bank.quit"),
    key("escape", "clear_filter", "Clear filter", "Show every story again", id="bank.clear-filter", show=False),
]

# The story list's own keys: listed in the help screen's extra lines, not in the palette (no id).
STORY_LIST = [
    key("up,k", "cursor(-1)", "Up", "The story above", show=False),
    key("down,j", "cursor(1)", "Down", "The story below", show=False),
    key("pageup", "page(-1)", "Page up", "A page of stories up", show=False),
    key("pagedown", "page(1)", "Page down", "A page of stories down", show=False),
    key("home", "jump(0)", "First", "The first story", show=False),
    key("end", "jump(-1)", "Last", "The last story", show=False),
]

EDITOR = [
    key("ctrl+s", "save", "Save", "Save the story to its file", id="editor.save", priority=True),
    key("escape", "back", "Back", "Back to the bank (asks first about unsaved edits)", id="editor.back"),
    key("ctrl+n", "add_metric", "Add metric", "Add a metric row: a number with its unit", id="editor.add-metric"),
    key("ctrl+t", "take_cues", "Take cues", "Put storybank's suggested cues in the cue box of the field you are in", id="editor.take-cues"),
    _help("editor", "f1", None),
]

COVERAGE = [
    key("n", "new", "New story for type", "Write a story for the selected question type, with its guidance",
        id="coverage.new"),
    key("enter", "open", "Open story", "Open the story assigned to the selected type", id="coverage.open"),
    key("d", "drill", "Drill this", "Drill the selected question type", id="coverage.drill"),
    key("escape", "back", "Back", BACK, id="coverage.back"),
    _help("coverage"),
]


def _timed(screen: str, start: str, starts: str) -> list[Binding]:
    """The keys of a timed answer, the same on the drill and the mock interview
    (`widgets/answer_timer.TimedAnswers` decides by phase which of them work): `start` names the
    key that starts answering, `starts` says what it does. While a typed answer runs, space
    types a space, so the footer offers ctrl+f instead."""
    return [
        key("enter,space", "start", start, starts, key_display="enter", id=f"{screen}.start"),
        key("enter,space", "finish", "Done", "Stop the clock: you have finished answering",
            key_display="space", id=f"{screen}.finish"),
        key("ctrl+f", "finish_typed", "Done",
            "Stop the clock when you have typed your answer (space types a space)",
            id=f"{screen}.finish-typed", priority=True),
        key("t", "type_answer", "Type instead", "Type your answers instead of speaking them", id=f"{screen}.type"),
        key("t", "speak_answer", "Speak instead", "Speak your answers instead of typing them", id=f"{screen}.speak"),
    ]


DRILL = [
    *_timed("drill", "Start", "Start answering: the clock runs"),
    key("enter,space", "next", "Next question", "On to the next question", key_display="enter", id="drill.next"),
    key("s", "skip", "Skip question", "Skip this question", id="drill.skip"),
    key("r", "retry", "Again", "Answer the same question again", id="drill.retry"),
    key("m", "more", "More practice", "After the drill: practise the question types that are not due yet",
        id="drill.more"),
    key("o", "correct", "Other story told", "Correct which story you told (the practice log keeps it)",
        id="drill.correct"),
    key("escape", "back", "Back", "Leave the drill", id="drill.back"),
    _help("drill"),
]

INTERVIEW = [
    key("enter,space", "begin", "Begin", "Begin the mock interview: the first question comes at once",
        key_display="enter", id="interview.begin"),
    *_timed("interview", "Answer", "Start answering the question: the clock runs"),
    key("o", "correct", "Other story told", "Correct which story an answer told (the practice log keeps it)",
        id="interview.correct"),
    key("escape", "stop", "Stop", "Stop the interview early; the answers so far are kept", id="interview.stop"),
    key("escape", "back", "Back", BACK, id="interview.back"),
    _help("interview"),
]

POSTINGS = [
    key("a", "add", "Add posting", "Paste a posting or give its file, and save it", id="postings.add"),
    key("y", "confirm", "Confirm link", "The story shows the selected requirement", id="postings.confirm"),
    key("n", "reject", "Reject link", "The story does not show it", id="postings.reject"),
    key("t", "tag", "Tag a story", "Pick the story that shows it", id="postings.tag"),
    key("i", "interview", "Interview", "A mock interview tailored to this posting", id="postings.interview"),
    key("escape", "back", "Back", BACK, id="postings.back"),
    _help("postings"),
]

ADD_POSTING = [
    key("ctrl+s", "save", "Check and save", "Read, save and check the posting", id="add-posting.save",
        priority=True),
]

WHICH_STORY = [
    # A priority key, so the footer shows it over the box's and the table's own enter.
    key("enter", "open", "Open story", "Open the selected story in the editor (from the box: go to the stories)",
        id="which-story.open", priority=True),
    key("ctrl+n", "new", "New story for type", "Write a story for the question's type, with its guidance",
        id="which-story.new"),
    key("escape", "back", "Back", BACK, id="which-story.back"),
    _help("which-story", "f1", None),
]

PROGRESS = [
    key("d", "drill", "Drill what is due", "Drill the question types that are due today", id="progress.drill"),
    key("escape", "back", "Back", BACK, id="progress.back"),
    _help("progress"),
]

HELP = [
    key("escape,q,question_mark", "close", "Close", "Close this list of keys", key_display="esc", id="help.close"),
]

MODAL = [
    key("escape", "cancel", "Cancel", "Close this dialog without doing anything", id="modal.cancel"),
]

CHOICE = [
    key("left", "move(-1)", "Previous choice", "Choose the option on the left", id="choice.previous", show=False),
    key("right", "move(1)", "Next choice", "Choose the option on the right", id="choice.next", show=False),
]

EXPORT = [
    key("ctrl+s", "export", "Export", "Write the cheat sheet to the path given", id="export.go", priority=True),
]

TABLES = (APP, BANK, STORY_LIST, EDITOR, COVERAGE, DRILL, INTERVIEW, POSTINGS, ADD_POSTING, WHICH_STORY, PROGRESS,
          HELP,
          MODAL, CHOICE, EXPORT)

# The help screen's sections, in the order a user meets them.
SECTIONS: list[tuple[str, list[Binding]]] = [
    ("Bank", BANK),
    ("Editor", EDITOR),
    ("Coverage", COVERAGE),
    ("Drill", DRILL),
    ("Mock interview", INTERVIEW),
    ("Progress", PROGRESS),
    ("Job postings", POSTINGS),
    ("Which story?", WHICH_STORY),
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
