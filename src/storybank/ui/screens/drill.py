"""The timed drill, run like the interview: question → your answer against the clock → a
follow-up probe → its answer → your cue card, to see what you left out.

One drill is one pass over what the practice schedule says is due (every type, when nothing
is): after its last question comes the end-of-drill summary (what was practised, its times and
zones, what is due next), and only `m` goes on to the types that are not due (issue 21, item 19).

Which question comes next, the default story, the probe and the timer zones come from
`storybank.drill` (no Textual there). The clock is the app's `clock` callable, so tests drive time.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Header, Static

from storybank import drill, zones
from storybank.answers.report import NextProbe
from storybank.ui import bindings, engine, fmt
from storybank.ui.judged_answers import NO_STORY, told_line, verdict_line
from storybank.ui.messages import StateChanged
from storybank.ui.mounting import ClosesOnce, while_shown
from storybank.ui.screens.modals import PickOne
from storybank.ui.widgets import report_view as rv
from storybank.ui.widgets import unchanged
from storybank.ui.widgets.answer_timer import TimedAnswers
from storybank.ui.widgets.keys import KeysFooter
from storybank.ui.widgets.recorder import spoken_view

if TYPE_CHECKING:  # pragma: no cover
    from storybank.cues.story import Cue
    from storybank.practice import PracticeRecord
    from storybank.scheduler import Schedule
    from storybank.settings import Settings
    from storybank.ui.state import BankState

P = drill.Phase


def results_line(rnd: drill.Round, settings: Settings) -> Content:
    """How long the answer and the follow-up took, each against its window."""
    pieces: list[Content | str | tuple[str, str]] = []
    for phase, name in ((P.ANSWER, "Answer "), (P.FOLLOWUP, "   Follow-up ")):
        seconds = rnd.seconds_aloud(phase, settings.rate_wpm)
        _window, limit = rnd.window(phase, settings)
        kind = rnd.zone(phase, seconds, settings)
        verdict = "short of the window" if kind == "short" else zones.running_text(kind, limit)
        pieces += [name, (f"{fmt.seconds(seconds)} · {verdict}", rv.ZONE_STYLE[kind])]
        if phase is P.ANSWER and rnd.answer_typed.strip():
            pieces.append((" (typed, estimated)", rv.MUTED))
    return Content.assemble(*pieces)


def cue_card(state: BankState, rnd: drill.Round, width: int) -> Content:
    """What the user could have said: the story's cues, with the ones a typed answer missed."""
    sf = state.story(rnd.story)
    if sf is None:
        q = state.question_type(rnd.question)
        lines = [Content.styled("You answered without a prepared story.", "bold")]
        if q.gap_hint:
            lines.extend(rv.item(Content.styled("Prepare: ", "bold $warning"), q.gap_hint, width))
        for point in q.strong:
            lines.extend(rv.item("  • ", point, width))
        lines.append(Content.styled("Press n on the coverage screen (c) to write this story.", rv.MUTED))
        return Content("\n").join(lines)
    story = sf.story
    typed = rnd.typed
    card = engine.story_cues(story)
    missed = engine.missed_cues(story, rnd.answer_typed + "\n" + rnd.followup_typed) if typed else set()

    def cues(found: Sequence[Cue]) -> Content:
        words = [c.text for c in found]
        if not words:
            return Content.styled("—", rv.MUTED)
        pieces: list[Content] = []
        for w in words:
            if w in missed:
                pieces.append(Content.styled(w, "$warning underline"))
            else:
                pieces.append(Content(w))
        return Content(" · ").join(pieces)

    lines = [Content(""), Content.assemble((story.title, "bold"))]
    numbers = card.numbers
    if numbers:
        lines.extend(rv.item(Content.styled(f"{'Numbers':<12}", "bold"), cues(numbers), width))
    from storybank.model import PARTS

    for part in PARTS:
        lines.extend(rv.item(Content.styled(f"{part.capitalize():<12}", "bold"), cues(card.part(part)), width))
    lines.append(Content.styled("Prepared follow-ups (→ the one you were asked)", "bold"))
    for probe in state.opened.catalog.probe_ids():
        text = story.followup(probe)
        mark = "→ " if probe == rnd.probe else "  "
        if text.strip():
            prefix = Content.assemble(mark, (f"✓ {probe:<14}", "$success"))
            lines.extend(rv.item(prefix, cues(card.followup(probe)), width))
        else:
            prefix = Content.assemble(mark, (f"✗ {probe:<14}", "$warning"))
            lines.extend(rv.item(prefix, Content.styled("not prepared", "$warning"), width))
    if typed:
        lines.append(Content.styled("Underlined cues are ones your typed answer left out.", rv.MUTED))
    return Content("\n").join(lines)


def due_words(due_on: date | None, today: date) -> str:
    """`due today`, `tomorrow`, `in 3 days (Jun 18)`."""
    if due_on is None or due_on <= today:
        return "due today"
    days = (due_on - today).days
    return "tomorrow" if days == 1 else f"in {days} days ({due_on:%b} {due_on.day})"


def pass_summary(state: BankState, practised: Sequence[tuple[drill.Round, object]], skipped: list[str],
                 schedule: Schedule, width: int) -> Content:
    """The end of a drill: each question practised with its times and zones, the skipped ones,
    and when each question type is due next (from the schedule with this drill's answers)."""
    settings = state.settings
    lines: list[Content] = []
    for rnd, _record in practised:
        label = Content.styled(f"  {fmt.clip(state.label(rnd.question), 16):<18}", "bold")
        sf = state.story(rnd.story)
        told = Content.styled(f"  · {sf.story.title if sf else 'no story'}", rv.MUTED)
        lines.extend(rv.item(label, results_line(rnd, settings) + told, width))
    for qid in skipped:
        lines.append(Content.assemble((f"  {fmt.clip(state.label(qid), 16):<18}", "bold"), ("skipped", rv.MUTED)))
    lines += [Content(""), rv.heading("What is due next")]
    for qid in schedule.order():
        when = due_words(schedule.types[qid].due_on, schedule.today)
        style = "$warning" if when == "due today" else rv.MUTED
        lines.append(Content.assemble(f"  {fmt.clip(state.label(qid), 16):<18}", (when, style)))
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


class DrillScreen(ClosesOnce[None], TimedAnswers):
    BINDINGS = [*bindings.DRILL]
    HELP = "Answer a question out loud against the clock, then a follow-up, then check your cue card."
    ACTION_PHASES = {
        "next": frozenset({P.CARD}),
        "retry": frozenset({P.CARD}),
        "more": frozenset({P.CARD}),
        "type_answer": frozenset({P.CHOOSE, P.ANSWER, P.FOLLOWUP}),
        "skip": frozenset({P.CHOOSE, P.ANSWER, P.FOLLOWUP}),
        "correct": frozenset({P.CARD}),
    }
    HINTS = {
        P.LOADING: "Reading and analysing the bank…",
        P.CARD: "Your cue card: what you could have said. Enter for the next question, r to try again.",
    }
    TITLE = "Drill"
    PREFIX = "drill"
    VOICE_NAME = "drill"

    def __init__(self, question: str | None = None) -> None:
        super().__init__()
        self.first_question = question
        self.order: list[str] = []     # this pass: what is due (every type, when nothing is)
        self.more: list[str] = []      # the types not due, for `m` at the end
        self.practised: list[tuple[drill.Round, PracticeRecord]] = []
        self.skipped: list[str] = []
        self.finished = False          # the pass is over: the summary shows
        self.probe_asked: NextProbe | None = None
        self._kept: drill.Round | None = None   # the round whose line is written

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="drill-body"):
            for widget in self.compose_round():
                if widget.id == "drill-card":
                    yield Static(id="drill-spoken")   # what was said, above the cue card
                yield widget
        yield KeysFooter()

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
        # What is due first (the practice schedule: no story yet, never drilled, last answer
        # went badly, most overdue), then the rest by when each comes due.
        from storybank import scheduler

        tz = self.app.tz
        schedule = scheduler.build(state.practice.records, state.opened.catalog.question_ids(),
                                   scheduler.today_in(self.app.clock(), tz), tz=tz,
                                   uncovered=state.uncovered(), settings=state.settings)
        everything = schedule.order()
        self.order = schedule.due() or everything
        if self.first_question in everything:
            if self.first_question in self.order:
                self.order.remove(self.first_question)
            self.order.insert(0, self.first_question)
        self.more = [q for q in everything if q not in self.order]
        self.position = 0
        self._ask()

    @property
    def question_id(self) -> str:
        return self.order[self.position % len(self.order)]

    def _ask(self) -> None:
        state = self.app.state
        q = state.question_type(self.question_id)
        self._flush_log(everything=True)  # a round left before its spoken answers were analysed
        self.round = drill.Round(q.id)
        self.voice.reset()
        self.voice.prepare()
        coverage = state.coverage()
        tc = next((t for t in coverage.question_types if t.id == q.id), None) if coverage else None
        self.query_one("#drill-question", Static).update(Content.assemble(("“", rv.MUTED), q.as_asked, ("”", rv.MUTED)))
        status = tc.status if tc else "missing"
        symbol, kind = fmt.STATUS[status]
        low, high = state.settings.answer_seconds
        self.query_one("#drill-meta", Static).update(Content.assemble(
            (q.label, "$accent"), "  ", (f"{symbol} {status}", rv.STYLE[kind]),
            (f"  ·  aim {low:g}–{high:g}s, stop by {state.settings.answer_limit_seconds:g}s", rv.MUTED)))
        self.sub_title = f"question {self.position + 1} of {len(self.order)} · {q.label}"
        self.judge.reset()
        self._show_phase()
        self.set_focus(None)
        self.handsfree.ask_question(q.as_asked)

    # --- phases -------------------------------------------------------------------------------

    def _show_phase(self) -> None:
        super()._show_phase()
        if self.phase.timed:  # a new timed phase starts the typed-answer line empty
            self.query_one("#drill-typed-info", Static).update("")
        if self.finished:
            more = ("m practises the types not due yet; " if self.more else "")
            self.query_one("#drill-hint", Static).update(Content.styled(
                f"That was everything due today. {more}escape goes back to the bank.", rv.MUTED))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.finished:  # the summary: only more (if any) and back
            return action == "more" and bool(self.more) or action not in {
                "next", "retry", "skip", "start", "finish", "finish_typed", "type_answer", "speak_answer", "more",
                "correct"}
        if action == "more":
            return False
        return super().check_action(action, parameters)

    def _shown(self, phase: drill.Phase, typing: bool) -> dict[str, bool]:
        # The card keeps the typed-answer line: it holds the memorisation verdict.
        return {"#drill-typed-info": (typing or phase is P.CARD) and not self.finished,
                "#drill-told": (phase is P.CARD or phase is P.FOLLOWUP and self.judge.given.judged)
                and not self.finished,
                "#drill-spoken": phase is P.CARD and self._spoken_shown()}

    # --- actions ------------------------------------------------------------------------------

    def _ask_followup(self) -> None:
        """The probe follows from what the answer lacked, worded around what was said; without
        a judged answer (nothing heard), the probe this story met longest ago."""
        state, rnd = self.app.state, self.current
        chosen = self.judge.probe()
        if chosen is None:
            probe_id = drill.pick_probe(state.opened.catalog.probe_ids(), state.practice.records, rnd.story)
            prompts = state.prompts_for(rnd.story) if state.story(rnd.story) else None
            chosen = self.judge.fallback(probe_id, next((p.prompt for p in prompts or [] if p.probe == probe_id), None))
        self.probe_asked = chosen
        rnd.ask(chosen.id or None, chosen.prompt)
        low, high = state.settings.followup_seconds
        answered = rnd.seconds_aloud(P.ANSWER, state.settings.rate_wpm)
        self.query_one("#drill-question", Static).update(Content.assemble(("Follow-up: ", "bold $accent"), chosen.prompt))
        self.query_one("#drill-meta", Static).update(Content.assemble(
            (f"{chosen.id}", "$accent"), (f"  ·  aim {low:g}–{high:g}s  ·  ", rv.MUTED),
            (f"your answer took {fmt.clock(answered)}", rv.MUTED)))
        self._show_told()
        self._restart_timed()

    def _show_told(self) -> None:
        """"You told: TITLE" (and o to correct it), with why the probe was asked."""
        given = self.judge.given
        lines = [told_line(self.judge.told_title(given.story), given.corrected)]
        if self.probe_asked is not None and self.probe_asked.reason:
            lines.append(Content.assemble(("Why this probe: ", "bold"), (self.probe_asked.reason, rv.MUTED)))
        verdict = given.verdict
        if verdict is not None and self.phase is P.CARD:
            lines.append(verdict_line(verdict))
        self.query_one("#drill-told", Static).update(Content("\n").join(lines))

    def action_correct(self) -> None:
        """o: the story told was another one (or none of the bank's)."""
        if self.phase is not P.CARD or self.finished or self.round is None:
            return
        self.app.push_screen(PickOne("Which story did you tell?", "storybank recognised "
                                     f"“{self.judge.told_title(self.judge.given.story)}”.",
                                     self.judge.story_options(), self.judge.given.story or NO_STORY),
                             self._corrected)

    def _corrected(self, story: str | None) -> None:
        if story is None or not self.is_attached or self.round is None:
            return
        self.judge.correct(None if story == NO_STORY else story)
        self._show_card()

    def _round_done(self) -> None:
        """The cue card and the results of the round; its practice line is written when the
        card is left, so it keeps a correction of the story told."""
        state, rnd = self.app.state, self.current
        self._show_phase()
        self._show_spoken()
        self.query_one("#drill-question", Static).update(
            Content.assemble(("Cue card", "bold $accent"), "  ", (state.question_type(rnd.question).label, rv.MUTED)))
        self.query_one("#drill-meta", Static).update(results_line(rnd, state.settings))
        self._show_card()
        self.query_one("#drill-body").scroll_home(animate=False)
        self.set_focus(None)

    def _show_card(self) -> None:
        state, rnd = self.app.state, self.current
        self._show_told()
        self.query_one("#drill-told").display = True
        self.query_one("#drill-card", Static).update(cue_card(state, rnd, self._card_width()))
        memo = memorisation(state, rnd)
        info = self.query_one("#drill-typed-info", Static)
        info.update(memo)
        info.display = bool(memo.plain)

    def _keep_round(self) -> None:
        """The card is left: the round goes to the practice log, with the story as corrected."""
        rnd = self.round
        if rnd is None or rnd.phase is not P.CARD or self._kept is rnd:
            return
        self._kept = rnd
        record = rnd.record(self.app.clock(), self.app.state.settings.rate_wpm)
        self.practised.append((rnd, record))
        self._log_when_heard(record, self.voice.round_no, flush=False)   # the caller flushes

    def end_for_quit(self) -> None:
        self._keep_round()

    # --- spoken practice (recording and logging live in TimedAnswers and widgets/recorder.py) --

    def _spoken_shown(self) -> bool:
        voice = self.voice
        return bool(voice.reports or voice.pending or voice.unheard_of(voice.round_no))

    def _show_spoken(self) -> None:
        view = self.query_one("#drill-spoken", Static)
        view.update(spoken_view(self.voice.reports, self.voice.pending, rv.MUTED,
                                self.voice.unheard_of(self.voice.round_no)))
        view.display = self.phase is P.CARD and self._spoken_shown()

    def _heard(self, round_no: int) -> None:
        if self.phase is P.CARD:
            self._show_spoken()
            self._show_told()

    def _card_width(self) -> int:
        body = self.query_one("#drill-body")
        return max(30, body.scrollable_content_region.width)  # on_resize re-renders at the real width

    @while_shown
    def on_resize(self) -> None:
        if self.finished:
            self._show_summary()
        elif self.phase is P.CARD:
            self._show_card()

    def _typed_info(self, text: str) -> None:
        info = self.query_one("#drill-typed-info", Static)
        line = self.words_line(text)
        sf = self.app.state.story(self.current.story)
        memorised = False
        if self.phase is P.ANSWER and sf is not None:
            check = drill.check_memorised(text, sf.story.answer_text())
            if check.memorised:
                memorised = True
                line += f"\n⚠ {check.message()}"
        info.set_class(memorised, "-memorised")
        unchanged.show(info, line)

    def action_next(self) -> None:
        self._keep_round()
        self.position += 1
        if self.position >= len(self.order):
            self._finish_pass()
        else:
            self._ask()

    def action_retry(self) -> None:
        self._keep_round()
        self._ask()

    def action_skip(self) -> None:
        self.judge.stop_waiting()
        self._stop_timer()
        self.voice.cancel()
        self.skipped.append(self.question_id)
        self.action_next()

    def action_more(self) -> None:
        """After the summary: one more pass, over the types that were not due."""
        if not (self.finished and self.more):
            return
        self.order, self.more = self.more, []
        self.position, self.finished = 0, False
        self._ask()

    # --- the end of the drill -----------------------------------------------------------------

    def _finish_pass(self) -> None:
        self._flush_log(everything=True)
        self.finished = True
        self.round = None
        self.between = P.CARD
        self.sub_title = "end of the drill"
        done = len({rnd.question for rnd, _ in self.practised})
        self.query_one("#drill-question", Static).update(Content.styled("End of the drill", "bold $accent"))
        self.query_one("#drill-meta", Static).update(Content.styled(
            f"{fmt.plural(done, 'question type')} practised" +
            (f", {len(self.skipped)} skipped" if self.skipped else ""), rv.MUTED))
        self.query_one("#drill-typed-info", Static).display = False
        self._show_phase()
        self._show_summary()
        self.query_one("#drill-body").scroll_home(animate=False)

    def _show_summary(self) -> None:
        from storybank import scheduler

        state = self.app.state
        tz = self.app.tz
        known = list(state.practice.records)
        records = known + [r for _, r in self.practised if r not in known]   # some not logged yet
        schedule = scheduler.build(records, state.opened.catalog.question_ids(),
                                   scheduler.today_in(self.app.clock(), tz), tz=tz,
                                   uncovered=state.uncovered(), settings=state.settings)
        self.query_one("#drill-card", Static).update(
            pass_summary(state, self.practised, self.skipped, schedule, self._card_width()))

    def action_back(self) -> None:
        if self._leave_box():
            return
        self._keep_round()
        self._stop_timer()
        self.voice.cancel()
        self._flush_log(everything=True, now=True)
        self.dismiss()
