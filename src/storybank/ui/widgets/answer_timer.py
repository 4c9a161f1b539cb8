"""What the drill and the mock interview share: an answer timed against its window, in a round
(`storybank.drill.Round`) whose phase decides what is shown, what ticks and which keys work.

`AnswerTimer` is the clock and its zone; `TimedAnswers` is the screen half: a round's widgets,
start, stop, tick, typed answers instead of spoken ones, and actions gated by phase. Its other
jobs live in their own pieces: the spoken answers recorded while the clock runs (`AnswerVoice`,
widgets/recorder.py), the judging of each answer as given (`RoundJudge`, ui/judged_answers.py)
and the practice log (`PracticeQueue`, ui/practice_queue.py, the screen class it builds on). A
screen subclasses it, names its TITLE, its widget prefix and its phase table and hints, and
implements `_on_state` (what the loaded bank means for it), `_typed_info`, `_ask_followup` and
`_round_done` (what follows a round's last timed phase); `_shown` adds the visibility of its own widgets.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Digits, Static, TextArea

from storybank import drill, words, zones
from storybank.ui import fmt
from storybank.ui.handsfree import HandsFree
from storybank.ui.judged_answers import RoundJudge
from storybank.ui.mounting import while_shown
from storybank.ui.practice_queue import PracticeQueue
from storybank.ui.widgets import report_view as rv
from storybank.ui.widgets import unchanged
from storybank.ui.widgets.fields import Prose
from storybank.ui.widgets.recorder import AnswerVoice, SpokenAnalysed

if TYPE_CHECKING:  # pragma: no cover
    from textual.timer import Timer

    from storybank.ui.app import StorybankApp
    from storybank.ui.messages import StateChanged

Phase = drill.Phase

TYPING_HINT = "Type your answer. ctrl+f (or escape, then space) when you finish."
LISTENING_HINT = "Listening back to your answer…"
# What the hint says before an answer and while one is timed out loud, on every timed screen;
# each screen adds its other phases. No story is picked: the one told is recognised (SPEC §10).
TIMED_HINTS = {
    Phase.CHOOSE: "Press enter and answer out loud. t types the answer instead.",
    Phase.ANSWER: "Answer out loud now. Press space when you finish.",
    Phase.FOLLOWUP: "Go deeper, don't restart the story. Press space when you finish.",
}
# The phases of two keys every timed screen has (`bindings._timed`); ctrl+f works while an
# answer is typed (check_action), t where each screen says.
TIMED_ACTIONS: dict[str, frozenset[Phase]] = {
    "start": frozenset({Phase.CHOOSE}),
    "finish": frozenset({Phase.ANSWER, Phase.FOLLOWUP}),
}
# Before an answer, with typing on: what t does now (issue 21, item 7).
TYPED_CHOOSE_HINT = "Press enter and type your answer. t switches back to answering out loud."


class AnswerTimer(Horizontal):
    """The running clock of a timed phase and where it stands against the window.

    `prefix` names the parts for the stylesheet and the tests: `<prefix>-timer-row` (this row,
    classed by zone), `<prefix>-timer` (the digits) and `<prefix>-zone` (the verdict)."""

    def __init__(self, prefix: str) -> None:
        super().__init__(id=f"{prefix}-timer-row")
        self.prefix = prefix

    def compose(self) -> ComposeResult:
        yield Digits("0:00", id=f"{self.prefix}-timer")
        yield Static(id=f"{self.prefix}-zone")

    def show(self, elapsed: float, window: tuple[float, float], limit: float | None) -> None:
        kind = drill.zone(elapsed, window, limit)
        unchanged.show_digits(self.query_one(Digits), fmt.clock(elapsed))
        for name in rv.ZONE_STYLE:
            self.set_class(name == kind, f"-{name}")
        target = f"{window[0]:g}–{window[1]:g}s" + (f", stop by {limit:g}s" if limit else "")
        unchanged.show(self.query_one(Static), f"{zones.running_text(kind, limit)}\n{target}")


class TimedAnswers(PracticeQueue):
    """A screen that times answers round by round.

    The phase is the round's, or `between` when no round runs (loading, an intro, a final card).
    The app supplies `clock` (tests drive time), `timer_interval` and `state.settings`."""

    # Which of the screen's own actions each phase offers (one not listed here nor in
    # TIMED_ACTIONS is always on).
    ACTION_PHASES: ClassVar[Mapping[str, frozenset[drill.Phase]]] = {}
    # The hint line of the screen's other phases (the timed ones: TIMED_HINTS).
    HINTS: ClassVar[Mapping[drill.Phase, str]] = {}
    # ... and while typing is on, where it says something else (what `t` does then).
    TYPED_HINTS: ClassVar[Mapping[drill.Phase, str]] = {}
    PREFIX: ClassVar[str] = ""   # the round's widgets are `<PREFIX>-question`, `<PREFIX>-typed`, …
    VOICE_NAME: ClassVar[str] = ""   # what "works by key press as before" when voice is off

    app: StorybankApp

    def __init__(self) -> None:
        super().__init__()
        self.round: drill.Round | None = None
        self.between = Phase.LOADING
        self.typing = False
        self.position = 0   # which question of the drill or the session is asked
        self.started = 0.0
        self._timer: Timer | None = None
        self.voice = AnswerVoice(self, self.VOICE_NAME)
        self.handsfree = HandsFree(self.PREFIX)   # the interviewer's voice (ui/handsfree.py)
        self.judge = RoundJudge(self)

    @property
    def phase(self) -> drill.Phase:
        return self.round.phase if self.round is not None else self.between

    @property
    def current(self) -> drill.Round:
        """The round being asked: there is one in every phase of a round (choose, the timed
        ones, its card), which is when the round's actions run."""
        if self.round is None:
            raise RuntimeError(f"no round runs in the {self.between} phase")
        return self.round

    def typed_box(self) -> TextArea:
        """The box a typed answer goes into."""
        return self.query_one(f"#{self.PREFIX}-typed", TextArea)

    def compose_round(self) -> ComposeResult:
        """The widgets of a round, top to bottom: the question, a line about it, the story the
        answer told, the clock, the typed-answer box and its figures, the card, the hint."""
        prefix = self.PREFIX
        yield Static(id=f"{prefix}-question")
        yield Static(id=f"{prefix}-meta")
        yield self.handsfree
        yield Static(id=f"{prefix}-told")
        yield AnswerTimer(prefix)
        yield Prose("", id=f"{prefix}-typed", placeholder="Type your answer here (ctrl+f when done)")
        yield Static(id=f"{prefix}-typed-info")
        yield Static(id=f"{prefix}-card")
        yield Static(id=f"{prefix}-hint")

    @while_shown
    def on_mount(self) -> None:
        self.app.state_changed.subscribe(self, self._on_state)
        self._show_phase()
        self._on_state(None)

    def _on_state(self, event: StateChanged | None) -> None:
        """What the app's state (the bank loading, analysed or failed) means for the screen: asked
        when it opens (`event` None) and at every change after."""
        raise NotImplementedError

    def _show_phase(self) -> None:
        """Show the widgets, hint and keys of the phase."""
        phase, prefix = self.phase, self.PREFIX
        waiting = self.judge.awaiting
        typing = self.typing and phase.timed and not waiting
        show = {
            f"#{prefix}-told": phase in (Phase.FOLLOWUP, Phase.CARD) and self.round is not None
            and self.judge.given.judged,
            f"#{prefix}-timer-row": phase.timed and not waiting,
            f"#{prefix}-typed": typing,
            f"#{prefix}-typed-info": typing,
            f"#{prefix}-card": phase is Phase.CARD,
            **self._shown(phase, typing),
        }
        for selector, visible in show.items():
            self.query_one(selector).display = visible
        hint = (LISTENING_HINT if waiting else TYPING_HINT if typing
                else TYPED_CHOOSE_HINT if self.typing and phase is Phase.CHOOSE
                else self.TYPED_HINTS[phase] if self.typing and phase in self.TYPED_HINTS
                else self.HINTS.get(phase) or TIMED_HINTS.get(phase, ""))
        self.query_one(f"#{prefix}-hint", Static).update(Content.styled(hint, rv.MUTED))
        self.refresh_bindings()

    def _shown(self, phase: drill.Phase, typing: bool) -> dict[str, bool]:
        """The screen's own additions (or changes) to what `_show_phase` shows."""
        return {}

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.judge.awaiting and action in ("finish", "finish_typed", "type_answer"):
            return False   # the follow-up is not asked yet
        if action == "finish_typed":
            return self.typing and self.phase.timed
        if action == "type_answer" and self.typing and not self.phase.timed:
            return False   # already typing: before an answer t offers speaking instead
        if action == "speak_answer":
            if not self.typing or self.phase.timed:
                return False
            action = "type_answer"   # it works where t does
        if action == "finish" and self.typing and isinstance(self.focused, TextArea):
            return False  # space types a space in the box: the footer offers ctrl+f instead
        phases = self.ACTION_PHASES.get(action, TIMED_ACTIONS.get(action))
        if phases is None:
            return True
        return self.phase in phases

    def on_key(self, event: events.Key) -> None:
        """Any key stops the interviewer's voice (the key still does what it does)."""
        self.handsfree.interrupt()

    # --- the clock ------------------------------------------------------------------------------

    def _start_timer(self) -> None:
        self.started = self.app.clock()
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_interval(self.app.timer_interval, self.tick)
        self.tick()
        if self.phase.timed and not self.typing:
            self.voice.start(self.phase)

    def _stop_timer(self) -> float:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        return self.elapsed()

    def elapsed(self) -> float:
        return max(0.0, self.app.clock() - self.started)

    def tick(self) -> None:
        phase = self.phase
        if not phase.timed:
            return
        window, limit = drill.Round.window(phase, self.app.state.settings)
        elapsed = self.elapsed()
        # A typed answer is timed by its words said out loud, on the big clock too, so the
        # clock and the line below it agree (issue 21, item 7).
        self.query_one(AnswerTimer).show(self.typed_seconds() if self.typing else elapsed, window, limit)
        self._ticked(elapsed)

    def typed_seconds(self) -> float:
        """How long the typed answer takes out loud at the bank's speaking rate."""
        text = self.typed_text()
        return words.spoken_seconds(text, self.app.state.settings.rate_wpm) if text.strip() else 0.0

    def _ticked(self, elapsed: float) -> None:
        """After each tick of a timed phase: keep the typed answer's figures current."""
        if self.typing:
            self._typed_info(self.typed_text())

    # --- a round's timed phases -----------------------------------------------------------------

    def action_start(self) -> None:
        """Start answering: no story is picked, the one told is recognised afterwards."""
        if self.phase is not Phase.CHOOSE:
            return
        self.judge.reset()
        self.current.start(None)
        self._show_phase()
        self._clear_typed()
        if not self.typing:
            self.set_focus(None)
        self._start_timer()

    def _restart_timed(self) -> None:
        """A further timed phase (the follow-up): show it, empty the box, restart the clock."""
        self.handsfree.ask_probe(self.current.probe_prompt)   # said before the recording starts
        self._show_phase()
        self._clear_typed()
        self._start_timer()

    def action_finish(self) -> None:
        """Stop the clock and end the running phase with its reading and any typed text."""
        if not self.phase.timed:
            return
        self.voice.stop(self.judge.context())
        seconds = self.handsfree.measured(self._stop_timer())
        typed = self.typed_text() if self.typing else ""
        if self.current.finish(seconds, typed) is Phase.FOLLOWUP:
            if self.judge.answered(self._asked()):
                self._ask_followup()
            else:
                self._show_phase()   # listening back: the follow-up comes when it is heard
        else:
            self.judge.followed_up()
            self._round_done()

    def _asked(self) -> list[str]:
        """The probes asked so far (a session varies them); none in a drill."""
        return []

    def action_finish_typed(self) -> None:
        """ctrl+f: the typed answer is done (space would type a space)."""
        self.action_finish()

    def _ask_followup(self) -> None:  # pragma: no cover - each screen picks and asks its probe
        raise NotImplementedError

    def _round_done(self) -> None:  # pragma: no cover - a cue card, or the next question
        raise NotImplementedError

    # --- typed answers ------------------------------------------------------------------------

    def typed_text(self) -> str:
        return self.typed_box().text

    def words_line(self, text: str) -> str:
        """How long the typed text takes out loud at the bank's speaking rate."""
        rate = self.app.state.settings.rate_wpm
        return (f"{words.count_words(text)} words ≈ {fmt.seconds(words.spoken_seconds(text, rate))} "
                f"spoken at {rate:g} wpm")

    def _typed_info(self, text: str) -> None:  # pragma: no cover - each screen shows its own
        raise NotImplementedError

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area is self.typed_box() and self.typing and self.phase.timed:
            self.tick()

    def _clear_typed(self) -> None:
        box = self.typed_box()
        box.text = ""
        if self.typing:
            box.display = True
            box.focus()

    def _leave_box(self) -> bool:
        """Escape in the typed-answer box leaves the box (then space finishes); True if it did."""
        if isinstance(self.focused, TextArea):
            self.set_focus(None)
            return True
        return False

    def action_speak_answer(self) -> None:
        """Before an answer runs, t while typing goes back to answering out loud."""
        if self.typing and not self.phase.timed:
            self.action_type_answer()

    def action_type_answer(self) -> None:
        # Before an answer runs, t toggles typing; during one, it switches to typing.
        self.typing = not self.typing if not self.phase.timed else True
        if self.phase.timed:
            self._show_phase()
            self.typed_box().focus()
            self.tick()
        else:
            self.notify("You will type your answers." if self.typing else "You will answer out loud.")
            self._show_phase()   # the hint says what t does now

    # --- spoken answers and the practice log -----------------------------------------------------

    def on_spoken_analysed(self, message: SpokenAnalysed) -> None:
        if not self.voice.received(message):
            return
        if message.error:
            self.notify(f"Your spoken answer was not analysed: {message.error}", severity="warning")
        if self.judge.landed(message.round_no, message.phase, message.report) and self.round is not None:
            self._ask_followup()
        self._heard(message.round_no)
        self._flush_log()

    def _heard(self, round_no: int) -> None:
        """An analysis of round `round_no` landed: show it (each screen its own way)."""

    def before_quit(self) -> None:
        """The app is closing: stop listening and write every waiting line now, with the spoken
        figures known so far. A worker started now would not outlive the app; a line already
        handed to one is finished before the process ends (its thread is joined at exit)."""
        self._quitting = True
        self._stop_timer()
        self.voice.cancel()
        self.end_for_quit()
        # Quitting: nowhere left to say a line failed; the other lines still go.
        self._write_now(self._take_ready(everything=True), quiet=True)

    def end_for_quit(self) -> None:
        """What a screen does with a round in progress when the app closes (nothing here)."""
