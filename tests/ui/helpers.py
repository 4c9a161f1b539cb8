"""Helpers for the UI tests: a fake clock, waiting for workers, reading the screen, and opening
the screens from the bank as a user would (a story in the editor, the drill, a story to answer with)."""

from __future__ import annotations

import hashlib
import io
from contextlib import asynccontextmanager
from pathlib import Path

BANK = Path(__file__).parent / "bank"
NOW = 1_750_000_000.0  # 2025-06-15T15:06:40Z; the practice log in the fixture bank is relative to it


class FakeClock:
    def __init__(self, now: float = NOW) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


async def settle(pilot) -> None:
    """Let the workers finish and their messages land, without sleeping: the one way UI tests
    wait for workers (tests are `async def`; tests/conftest.py runs them)."""
    await pilot.pause()
    gate = getattr(pilot.app, "key_gate", None)
    for _ in range(200):    # keys sent in a burst (`burst`) have all been handled
        if gate is None or not (gate.waiting or gate.travelling):
            break
        await pilot.pause(0.01)
    pilot.app.start_load()  # no waiting out the quiet moment after cached rows are shown
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def screen_text(app) -> str:
    """The screen as plain text, what a user would read."""
    from rich.console import Console

    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                      color_system="truecolor", record=True, legacy_windows=False, safe_box=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


def digests(root: Path) -> dict[str, str]:
    """Every file under `root` (hidden ones too) and its content hash."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


async def until(pilot, condition, tries: int = 100) -> None:
    """Let the app process events until `condition()` holds (no fixed sleeps)."""
    for _ in range(tries):
        if condition():
            return
        await settle(pilot)
    assert condition(), "the app never reached the expected state"


def two_question_types(bank: Path) -> Path:
    """Leave the test bank (tests/ui/bank) stories of two question types only, project and
    performance, so its mock interview asks two questions: for the spoken interviews, where each
    round is a minute of audio to transcribe and two rounds already show every kind of answer."""
    for name in ("android-crash-draft.toml", "rubric-flag.toml"):   # failure, rubric
        (bank / name).unlink()
    return bank


async def speak_answer_and_followup(pilot, screen, clock, tries: int) -> None:
    """The recorded answer ends after 70 s; the follow-up, asked once the answer is heard (it
    follows from what was said), is recorded in turn and ends after 40 s. For the drill and the
    mock interview alike."""
    from storybank.drill import Phase

    clock.advance(70)
    await pilot.press("space")
    await until(pilot, lambda: screen.voice.recording, tries=tries)
    assert screen.phase is Phase.FOLLOWUP and screen.judge.given.spoken is not None
    clock.advance(40)
    await pilot.press("space")


async def coverage_at(pilot, type_id: str):
    """Open the coverage screen from the bank screen and move down to `type_id`, as a user would."""
    await settle(pilot)
    await pilot.press("c")
    await settle(pilot)
    screen = pilot.app.screen
    for _ in range([t.id for t in screen.types].index(type_id)):
        await pilot.press("down")
    await settle(pilot)
    return screen


async def on_story(pilot, story_id: str, key: str) -> None:
    """Select `story_id` in the loaded bank's list and press `key` on it."""
    await settle(pilot)
    pilot.app.screen.query_one("StoryList").select(story_id)
    await pilot.press(key)


async def open_story(pilot, story_id: str):
    """Open `story_id` in the editor from the bank screen, as a user would (enter on it)."""
    from storybank.ui.screens.editor import EditorScreen

    await on_story(pilot, story_id, "enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, EditorScreen)
    return pilot.app.screen


@asynccontextmanager
async def editing(make_app, story_id: str, size: tuple[int, int] = (100, 40)):
    """A new app run at `size` with `story_id` open in its editor: yields the pilot and the editor."""
    async with make_app().run_test(size=size) as pilot:
        yield pilot, await open_story(pilot, story_id)


async def live(pilot) -> None:
    """The editor's live panel, without waiting for its debounce timer."""
    await settle(pilot)               # every keystroke handled (each restarts the debounce) ...
    pilot.app.screen.analyse_now()    # ... then analyse at once instead of waiting it out
    await settle(pilot)


async def open_drill(pilot):
    """Open the drill from the bank screen (d), on its first question."""
    from storybank.ui.screens.drill import DrillScreen

    await settle(pilot)
    await pilot.press("d")
    await settle(pilot)
    assert isinstance(pilot.app.screen, DrillScreen)
    return pilot.app.screen


async def open_drill_on_its_order(pilot):
    """Press d on the bank and wait until the drill has ordered its questions (what is due
    first); the drill screen."""
    from storybank.ui.screens.drill import DrillScreen

    await pilot.press("d")
    await until(pilot, lambda: isinstance(pilot.app.screen, DrillScreen) and pilot.app.screen.order)
    return pilot.app.screen


async def answer_with(pilot, story_id: str | None = None):
    """Open the drill and start answering its first question (no story is picked: the one told
    is recognised from the answer; `story_id` is only what the caller means to tell)."""
    from storybank.drill import Phase

    drill = await open_drill(pilot)
    await pilot.press("enter")
    await pilot.pause()
    assert drill.phase is Phase.ANSWER
    return drill


def burst(app, *keys: str) -> None:
    """Send keys the way a fast typist or a terminal multiplexer does: all at once, none waiting
    for the one before it to be handled (Pilot.press waits between keys, which hides races).
    Wait with `settle` afterwards."""
    from textual import events

    named = {"space": " ", "tab": "\t", "enter": "\r", "escape": "\x1b"}
    for key in keys:
        character = key if len(key) == 1 else named.get(key)
        if len(key) == 1 and not key.isalnum():
            from textual.keys import _character_to_key

            key = _character_to_key(key)
        event = events.Key(key, character)
        event.set_sender(app)
        app.post_message(event)
