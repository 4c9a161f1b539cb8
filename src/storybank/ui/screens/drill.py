"""The timed drill, run like the interview: question → your answer against the clock → a
follow-up probe → its answer → your cue card, to see what you left out.

Which question comes next, the default story, the probe and the timer zones come from
`storybank.drill` (no Textual there). The clock is the app's `clock` callable, so tests drive time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from storybank import drill
from storybank.ui import bindings, engine, fmt
from storybank.ui.messages import StateChanged
from storybank.ui.mounting import ClosesOnce, while_shown
from storybank.ui.widgets import report_view as rv
from storybank.ui.widgets.answer_timer import TimedAnswers, no_story_option
from storybank.ui.widgets.keys import KeysFooter
from storybank.ui.widgets.recorder import spoken_view

if TYPE_CHECKING:  # pragma: no cover
    from storybank.settings import Settings
    from storybank.ui.state import BankState

P = drill.Phase


def results_line(rnd: drill.Round, settings: Settings) -> Content:
    """How long the answer and the follow-up took, each against its window."""
    pieces: list[Content | str | tuple[str, str]] = []
    for phase, name in ((P.ANSWER, "Answer "), (P.FOLLOWUP, "   Follow-up ")):
        seconds = rnd.spoken(phase, settings.rate_wpm)
        _window, limit = rnd.window(phase, settings)
        kind = rnd.zone(phase, seconds, settings)
        verdict = "short of the window" if kind == "short" else drill.zone_text(kind, limit)
        pieces += [name, (f"{fmt.seconds(seconds)} · {verdict}", rv.ZONE_STYLE[kind])]
        if phase is P.ANSWER and rnd.answer_typed.strip():
            pieces.append((" (typed, estimated)", rv.MUTED))
    return Content.assemble(*pieces)


def cue_card(state: BankState, rnd: drill.Round, width: int) -> Content:
    """What the user could have said: the story's cues, with the ones a typed answer missed."""
    sf = state.story(rnd.story)
    if sf is None:
        q = state.catalog.question(rnd.question)
        lines = [Content.styled("You answered without a prepared story.", "bold")]
        if q.gap_hint:
            lines.extend(rv.item(Content.styled("Prepare: ", "bold $warning"), q.gap_hint, width))
        for point in q.strong:
            lines.extend(rv.item("  • ", point, width))
        lines.append(Content.styled("Press n on the coverage screen (c) to write this story.", rv.MUTED))
        return Content("\n").join(lines)
    story = sf.story
    said = (rnd.answer_typed + "\n" + rnd.followup_typed).lower()
    typed = rnd.typed
    known = list(story.technologies)

    def cues(words: list[str]) -> Content:
        if not words:
            return Content.styled("—", rv.MUTED)
        pieces: list[Content] = []
        for w in words:
            if typed and w.lower() not in said:
                pieces.append(Content.styled(w, "$warning underline"))
            else:
                pieces.append(Content(w))
        return Content(" · ").join(pieces)

    lines = [Content(""), Content.assemble((story.title, "bold"))]
    numbers = engine.key_numbers(story)
    if numbers:
        lines.extend(rv.item(Content.styled(f"{'Numbers':<12}", "bold"), cues(numbers), width))
    from storybank.model import PARTS

    for part in PARTS:
        words = engine.cue_words(story.part(part), 6, known)
        lines.extend(rv.item(Content.styled(f"{part.capitalize():<12}", "bold"), cues(words), width))
    lines.append(Content.styled("Prepared follow-ups (→ the one you were asked)", "bold"))
    for probe in state.catalog.probe_ids():
        text = story.followup(probe)
        mark = "→ " if probe == rnd.probe else "  "
        if text.strip():
            prefix = Content.assemble(mark, (f"✓ {probe:<14}", "$success"))
            lines.extend(rv.item(prefix, cues(engine.cue_words(text, 5, known)), width))
        else:
            prefix = Content.assemble(mark, (f"✗ {probe:<14}", "$warning"))
            lines.extend(rv.item(prefix, Content.styled("not prepared", "$warning"), width))
    if typed:
        lines.append(Content.styled("Underlined cues are ones your typed answer left out.", rv.MUTED))
    return Content("\n").join(lines)


def memorisation(state: BankState, rnd: drill.Round) -> Content:
    """A warning when the typed answer repeats the stored story word for word."""
    sf = state.story(rnd.story)
    if not rnd.answer_typed.strip() or sf is None:
        return Content("")
    check = drill.check_memorised(rnd.answer_typed, sf.story.answer_text())
    if not check.compared:
        return Content("")
    style = "bold $warning" if check.memorised else "$success"
    return Content.styled(("⚠ " if check.memorised else "✓ ") + check.message(), style)


class DrillScreen(ClosesOnce, TimedAnswers, Screen):
    BINDINGS = bindings.DRILL
    HELP = "Answer a question out loud against the clock, then a follow-up, then check your cue card."
    ACTION_PHASES = {
        "next": frozenset({P.CARD}),
        "retry": frozenset({P.CARD}),
        "type_answer": frozenset({P.CHOOSE, P.ANSWER, P.FOLLOWUP}),
        "skip": frozenset({P.CHOOSE, P.ANSWER, P.FOLLOWUP}),
    }
    HINTS = {
        P.LOADING: "Reading and analysing the bank…",
        P.CARD: "Your cue card: what you could have said. Enter for the next question, r to try again.",
    }
    PREFIX = "drill"
    VOICE_NAME = "drill"

    def __init__(self, question: str | None = None) -> None:
        super().__init__()
        self.first_question = question
        self.order: list[str] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="drill-body"):
            for widget in self.compose_round():
                if widget.id == "drill-card":
                    yield Static(id="drill-spoken")   # what was said, above the cue card
                yield widget
        yield KeysFooter()

    @while_shown
    def on_mount(self) -> None:
        self.title = "Drill"
        self.app.state_changed.subscribe(self, self._on_state)
        self._show_phase()
        self._on_state(None)

    @while_shown
    def _on_state(self, event: StateChanged | None) -> None:
        # The order and each question's status and story come from the coverage: wait for the
        # analysis, or they would be the unanalysed guesses (weak, no story assigned).
        state = self.app.state
        if self.phase is P.LOADING and state.ready and not state.analysing:
            self._begin()

    # --- the sequence of questions ------------------------------------------------------------

    def _begin(self) -> None:
        state = self.app.state
        coverage = state.coverage()
        statuses = {t.id: t.status for t in coverage.question_types} if coverage else {}
        # What is due first (the practice schedule: no story yet, never drilled, last answer
        # went badly, most overdue), then the rest by when each comes due.
        from storybank import scheduler
        from storybank.progress import build_schedule

        tz = getattr(self.app, "tz", None)
        self.order = build_schedule(state.practice, state.catalog.question_ids(),
                                    scheduler.today_in(self.app.clock(), tz), tz=tz, statuses=statuses,
                                    settings=state.settings).order()
        if self.first_question in self.order:
            self.order.remove(self.first_question)
            self.order.insert(0, self.first_question)
        self.position = 0
        self._ask()

    @property
    def question_id(self) -> str:
        return self.order[self.position % len(self.order)]

    def _ask(self) -> None:
        state = self.app.state
        q = state.catalog.question(self.question_id)
        self._flush_log(everything=True)  # a round left before its spoken answers were analysed
        self.round = drill.Round(q.id)
        self.voice.reset()
        self.voice.prepare()
        coverage = state.coverage()
        tc = next((t for t in coverage.question_types if t.id == q.id), None) if coverage else None
        self.query_one("#drill-question", Static).update(Content.assemble(("“", rv.MUTED), q.question, ("”", rv.MUTED)))
        status = tc.status if tc else "missing"
        symbol, kind = fmt.STATUS[status]
        low, high = state.settings.answer_seconds
        self.query_one("#drill-meta", Static).update(Content.assemble(
            (q.label, "$accent"), "  ", (f"{symbol} {status}", rv.STYLE[kind]),
            (f"  ·  aim {low:g}–{high:g}s, stop by {state.settings.answer_limit_seconds:g}s", rv.MUTED)))
        default = drill.default_story(q.id, {tc.id: tc.assigned} if tc else {}, {tc.id: tc.stories} if tc else {})
        stories = self.query_one("#drill-stories", OptionList)
        stories.clear_options()
        mapped = set(tc.stories) if tc else set()
        ordered = sorted(state.stories, key=lambda sf: (sf.id != default, sf.id not in mapped, sf.story.title.lower()))
        options = []
        no_story = no_story_option()
        if default is None:
            options.append(no_story)
        for sf in ordered:
            tag = "  (assigned)" if sf.id == (tc.assigned if tc else None) else "  (mapped)" if sf.id in mapped else ""
            options.append(Option(Content.assemble(sf.story.title or sf.id, (tag, "italic $accent")), id=sf.id))
        if default is not None:
            options.append(no_story)
        stories.add_options(options)
        stories.highlighted = 0
        self.sub_title = f"question {self.position + 1} · {q.label}"
        self._show_phase()
        stories.focus()

    # --- phases -------------------------------------------------------------------------------

    def _show_phase(self) -> None:
        super()._show_phase()
        if self.phase.timed:  # a new timed phase starts the typed-answer line empty
            self.query_one("#drill-typed-info", Static).update("")

    def _shown(self, phase: drill.Phase, typing: bool) -> dict[str, bool]:
        # The card keeps the typed-answer line: it holds the memorisation verdict.
        return {"#drill-typed-info": typing or phase is P.CARD,
                "#drill-spoken": phase is P.CARD and bool(self.voice.reports or self.voice.pending)}

    # --- actions ------------------------------------------------------------------------------

    def _ask_followup(self) -> None:
        state, rnd = self.app.state, self.round
        sf = state.story(rnd.story)
        prompts = state.prompts_for(rnd.story) if sf else None
        probe_id = drill.pick_probe(state.catalog.probe_ids(), state.practice.records, rnd.story)
        prompt = next((p.prompt for p in prompts or [] if p.probe == probe_id), None)
        if prompt is None:
            probe = state.catalog.probe(probe_id) if probe_id else None
            prompt = probe.question if probe else "Tell me more."
        rnd.ask(probe_id, prompt)
        low, high = state.settings.followup_seconds
        answered = rnd.spoken(P.ANSWER, state.settings.rate_wpm)
        self.query_one("#drill-question", Static).update(Content.assemble(("Follow-up: ", "bold $accent"), prompt))
        self.query_one("#drill-meta", Static).update(Content.assemble(
            (f"{probe_id}", "$accent"), (f"  ·  aim {low:g}–{high:g}s  ·  ", rv.MUTED),
            (f"your answer took {fmt.clock(answered)}", rv.MUTED)))
        self._restart_timed()

    def _round_done(self) -> None:
        """The cue card and the results of the round."""
        state, rnd = self.app.state, self.round
        self._show_phase()
        self._log_when_heard(rnd.record(self.app.clock(), state.settings.rate_wpm), self.voice.round_no)
        self._show_spoken()
        self.query_one("#drill-question", Static).update(
            Content.assemble(("Cue card", "bold $accent"), "  ", (state.catalog.question(rnd.question).label, rv.MUTED)))
        self.query_one("#drill-meta", Static).update(results_line(rnd, state.settings))
        self.query_one("#drill-card", Static).update(cue_card(state, rnd, self._card_width()))
        memo = memorisation(state, rnd)
        info = self.query_one("#drill-typed-info", Static)
        info.update(memo)
        info.display = bool(memo.plain)
        self.query_one("#drill-body").scroll_home(animate=False)
        self.set_focus(None)

    # --- spoken practice (recording and logging live in TimedAnswers and widgets/recorder.py) --

    def _show_spoken(self) -> None:
        view = self.query_one("#drill-spoken", Static)
        view.update(spoken_view(self.voice.reports, self.voice.pending, rv.MUTED))
        view.display = self.phase is P.CARD and bool(self.voice.reports or self.voice.pending)

    def _heard(self, round_no: int) -> None:
        if self.phase is P.CARD:
            self._show_spoken()

    def _card_width(self) -> int:
        body = self.query_one("#drill-body")
        return max(30, body.scrollable_content_region.width)  # on_resize re-renders at the real width

    @while_shown
    def on_resize(self) -> None:
        if self.phase is P.CARD:
            self.query_one("#drill-card", Static).update(cue_card(self.app.state, self.round, self._card_width()))

    def _typed_info(self, text: str) -> None:
        info = self.query_one("#drill-typed-info", Static)
        line = self.words_line(text)
        sf = self.app.state.story(self.round.story)
        memorised = False
        if self.phase is P.ANSWER and sf is not None:
            check = drill.check_memorised(text, sf.story.answer_text())
            if check.memorised:
                memorised = True
                line += f"\n⚠ {check.message()}"
        info.set_class(memorised, "-memorised")
        info.update(line)

    def action_next(self) -> None:
        self.position += 1
        self._ask()

    def action_retry(self) -> None:
        self._ask()

    def action_skip(self) -> None:
        self._stop_timer()
        self.voice.cancel()
        self.position += 1
        self._ask()

    def action_back(self) -> None:
        if self._leave_box():
            return
        self._stop_timer()
        self.voice.cancel()
        self._flush_log(everything=True)
        self.dismiss()
