"""The mock interview: the whole 15-minute call in one go. Question → your answer against the
clock → one probe chosen for that answer → its answer → the next question, with no cue card in
between (the real call gives none), a talk-time meter for the session, and a report card at the
end. Quitting midway ends the session: what was answered is kept and the card says so.

Each answer and follow-up is recorded while its clock runs, as in the drill (`TimedAnswers` and
`AnswerVoice`), with nothing but the clock on screen; the spoken figures reach the answer's line
and the report card once analysed, while the next question is already asked.

The plan, the probe and the card come from `storybank.interview` (no Textual there); each answer
goes into the practice log once its follow-up is done and its spoken answers analysed, and one
session line ties them together when the session ends, all through the shared log worker and
`BankState`.
"""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Header, ProgressBar, Static

from storybank import drill, interview, words
from storybank.answers.report import NextProbe
from storybank.answers.rounds import GivenRound
from storybank.practice import PracticeRecord, SessionRecord, format_ts
from storybank.ui import bindings, fmt
from storybank.ui.judged_answers import NO_STORY
from storybank.ui.messages import StateChanged
from storybank.ui.mounting import ClosesOnce, while_shown
from storybank.ui.screens.modals import PickOne
from storybank.ui.screens.posting_focus import PostingFocus
from storybank.ui.widgets import interview_card as card_view
from storybank.ui.widgets import report_view as rv
from storybank.ui.widgets import unchanged
from storybank.ui.widgets.answer_timer import TimedAnswers
from storybank.ui.widgets.keys import KeysFooter

P = drill.Phase
ASKING = frozenset({P.INTRO, P.CHOOSE, P.ANSWER, P.FOLLOWUP})


class InterviewScreen(ClosesOnce[None], TimedAnswers, PostingFocus):
    """One `drill.Round` per planned question (its session id on it); between rounds the phase
    is the session's own: LOADING, INTRO, and CARD for the report card."""

    BINDINGS = [*bindings.INTERVIEW]
    HELP = "A full mock interview: 6–8 questions, one follow-up each, timed, then a report card."
    ACTION_PHASES = {
        "begin": frozenset({P.INTRO}),
        "type_answer": ASKING,
        "stop": ASKING,
        "back": frozenset({P.CARD, P.LOADING}),
        "correct": frozenset({P.CARD}),
    }
    HINTS = {
        P.LOADING: "Preparing the interview…",
        P.INTRO: "Press enter to hear the first question. t: type your answers instead of speaking.",
    }
    TYPED_HINTS = {
        P.INTRO: "Press enter for the first question; you will type your answers. t: speak them instead.",
    }
    TITLE = "Mock interview"
    PREFIX = "iv"
    VOICE_NAME = "interview"

    def __init__(self, seed: int | None = None, posting: str | None = None) -> None:
        super().__init__()
        self.seed = seed
        self.posting = posting
        self.plan: interview.Plan | None = None
        self.session_id = ""
        self.answers: list[PracticeRecord] = []
        self.answer_rounds: list[int] = []   # the voice round of each answer, for its figures
        self.card: interview.ReportCard | None = None
        self.stopped_early = False
        self.given: list[GivenRound] = []              # each answer as judged
        self.probes: list[NextProbe | None] = []       # each probe asked, with its reason
        self.probe_asked: NextProbe | None = None
        self._logged_session = False

    @property
    def ready_plan(self) -> interview.Plan:
        """The session's plan: made when the bank is analysed, before the intro, so every phase
        after LOADING has it."""
        if self.plan is None:
            raise RuntimeError("the interview is not planned yet")
        return self.plan

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="iv-meter"):
            yield Static(id="iv-meter-label")
            yield ProgressBar(id="iv-meter-bar", show_eta=False, show_percentage=False)
        with VerticalScroll(id="iv-body"):
            yield from self.compose_round()
        yield KeysFooter()

    @while_shown
    def _on_state(self, event: StateChanged | None) -> None:
        if self.phase is P.LOADING:
            self._maybe_plan()

    # --- the plan -----------------------------------------------------------------------------

    def _maybe_plan(self) -> None:
        state = self.app.state
        if state.error:
            self.query_one("#iv-hint", Static).update(Content.styled(state.error, "$error"))
            return
        if not state.ready or state.analysing or self.focus_pending():
            return  # the weights read coverage, which needs the finished analysis (and the posting)
        from storybank import scheduler

        coverage = state.coverage()
        qids = state.opened.catalog.question_ids()
        statuses = {t.id: t.status for t in coverage.question_types} if coverage else {}
        candidates = interview.candidates_of(coverage.question_types) if coverage else {}
        now = self.app.clock()
        tz = self.app.tz
        schedule = scheduler.build(state.practice.records, qids, scheduler.today_in(now, tz), tz=tz,
                                   uncovered=state.uncovered(), story_ids=[sf.id for sf in state.stories],
                                   settings=state.settings)
        seed = self.seed if self.seed is not None else int(now)
        labels = {qid: state.label(qid) for qid in qids}
        self.plan = interview.plan_session(qids, statuses, self.tailored_candidates(candidates), schedule, seed,
                                           labels, boost=self.tailored_boost())
        self.session_id = "mock-" + format_ts(now).replace("-", "").replace(":", "")
        low, high = interview.talk_target(state.settings.interview_minutes)
        self.query_one("#iv-meter-bar", ProgressBar).update(total=high, progress=0)
        self._intro()

    def _intro(self) -> None:
        plan = self.ready_plan
        settings = self.app.state.settings
        low, high = interview.talk_target(settings.interview_minutes)
        n = len(plan.questions)
        lines = []
        if n:
            lines.append(Content.assemble(
                (f"{n} questions", "bold"), ", one follow-up after each, in a "
                f"{settings.interview_minutes:g}-minute slot: aim for {low / 60:g}–{high / 60:g} minutes of your own talking."))
            answer, followup = interview.answer_budget(n, settings)
            lines.append(Content.styled(
                f"For {n} questions to fit, aim for about {answer:.0f}s per answer (stop by "
                f"{settings.answer_limit_seconds:g}s) and {followup:.0f}s per follow-up. No story is "
                "picked: tell the one that fits, storybank recognises it. No cue cards until the end, "
                "as in the real call.", rv.MUTED))
        if plan.note:
            lines.append(Content(""))
            lines.append(Content.styled(plan.note, "$warning"))
        if self.posting_focus is not None:
            lines.append(Content.styled(self.posting_focus.note, "$accent"))
        self.query_one("#iv-question", Static).update(Content.styled("Mock interview", "bold $accent"))
        self.query_one("#iv-meta", Static).update(Content("\n").join(lines))
        self.between = P.INTRO if n else P.CARD
        self._show_phase()
        if not n:
            self.query_one("#iv-card", Static).update(Content.styled(
                "Nothing to ask yet: press escape, then n to write a story.", rv.MUTED))
        self._update_meter(0.0)
        self.handsfree.intro(n, self.action_begin)   # hands-free, the first question follows

    # --- one question -------------------------------------------------------------------------

    @property
    def planned(self) -> interview.PlannedQuestion:
        return self.ready_plan.questions[self.position]

    def _ask(self) -> None:
        state = self.app.state
        pq = self.planned
        q = state.opened.catalog.question(pq.question)
        self.round = drill.Round(pq.question, session=self.session_id)
        self.voice.reset(keep=True)   # the last answer may still be analysed: it keeps its round
        self.voice.prepare()
        n = len(self.ready_plan.questions)
        self.sub_title = f"question {self.position + 1} of {n}"
        self.query_one("#iv-question", Static).update(
            Content.assemble(("“", rv.MUTED), q.as_asked if q else pq.question, ("”", rv.MUTED)))
        answer, _followup = self.budget()
        self.query_one("#iv-meta", Static).update(Content.assemble(
            (f"Question {self.position + 1} of {n}", "bold"), ("  ·  ", rv.MUTED), (q.label if q else pq.question, "$accent"),
            (f"  ·  aim about {answer:.0f}s", rv.MUTED)))
        self.judge.reset()
        self.probe_asked = None
        self._show_phase()
        self.set_focus(None)
        self.handsfree.ask_question(q.as_asked if q else pq.question)

    def budget(self) -> tuple[float, float]:
        """Seconds per answer and per follow-up that fit this session's questions in its slot."""
        return interview.answer_budget(len(self.ready_plan.questions), self.app.state.settings)

    def _asked(self) -> list[str]:
        return [a.probe for a in self.answers if a.probe]

    def action_begin(self) -> None:
        if self.phase is P.INTRO:
            self.position = 0
            self._ask()

    def _round_done(self) -> None:
        """The follow-up is answered: keep the round, then the next question or the report card."""
        self._keep_answer()
        self.position += 1
        if self.position < len(self.ready_plan.questions):
            self._ask()
        else:
            self._finish(stopped=False)

    def _ask_followup(self) -> None:
        """The probe follows from what the answer lacked, worded around what was said, the
        session's least asked first; without a judged answer (nothing heard in time), the
        story's thinnest prepared layer, else the probe it met longest ago."""
        state, rnd = self.app.state, self.current
        layers = self._layers(rnd.story)
        chosen = self.judge.probe(self._asked(), layers)
        if chosen is None:
            # This session's answers count at once, logged or not.
            records = [r for r in state.practice.records if r.session != self.session_id] + self.answers
            probe_id = interview.choose_probe(state.opened.catalog.probe_ids(), rnd.story, records, layers,
                                              state.settings.followup_seconds[0], asked=self._asked())
            prompt = next((p.prompt for p in state.prompts_for(rnd.story) or [] if p.probe == probe_id), None) \
                if rnd.story else None
            chosen = self.judge.fallback(probe_id, prompt)
        if (skill := self.tailored_probe(rnd.story)) is not None:
            chosen = NextProbe(skill.probe, skill.prompt, "The posting asks for this skill.")
        self.probe_asked = chosen
        rnd.ask(chosen.id or None, chosen.prompt)
        self.query_one("#iv-question", Static).update(Content.assemble(("Follow-up: ", "bold $accent"), chosen.prompt))
        _answer, followup = self.budget()
        self.query_one("#iv-meta", Static).update(Content.assemble(
            (f"Question {self.position + 1} of {len(self.ready_plan.questions)}", "bold"),
            (f"  ·  go deeper, don't restart  ·  aim about {followup:.0f}s", rv.MUTED)))
        self.query_one("#iv-told", Static).update(Content.assemble(
            ("You told: ", "bold"), (self.judge.told_title(self.judge.given.story), "$accent"),
            ("  · o corrects it on the report card", rv.MUTED)))
        self._restart_timed()

    def _layers(self, story: str | None) -> dict[str, float] | None:
        """The story's prepared follow-up layers in speaking seconds (None: no story)."""
        state = self.app.state
        if not story:
            return None
        return interview.prepared_layers(state.reports.get(story), state.prompts_for(story))

    def _keep_answer(self) -> None:
        """The round's line (its follow-up unanswered if the session stopped during it); it is
        written when the report card is left, so it keeps a correction of the story told."""
        record = self.current.record(self.app.clock(), self.app.state.settings.rate_wpm)
        self.answers.append(self.spoken_record(record, self.voice.round_no))
        self.answer_rounds.append(self.voice.round_no)
        self.given.append(self.judge.given)
        self.probes.append(self.probe_asked)
        self._update_meter(0.0)

    # --- the end ------------------------------------------------------------------------------

    def action_stop(self) -> None:
        """Escape during the session: end it here, keeping every answer already given."""
        if self._leave_box():
            return
        self._stop_timer()
        self.voice.cancel()
        self.judge.stop_waiting()
        if self.phase is P.FOLLOWUP:
            self._keep_answer()  # the answer was given; its follow-up was not
        if not self.answers:
            self.app.notify("Mock interview stopped before the first answer: nothing was logged.")
            self.dismiss()
            return
        self._finish(stopped=True)

    def end_for_quit(self) -> None:
        """Quitting the app mid-session ends it as escape does: the answers given are kept,
        with the session line that ties them together (on the card too: its answers are
        written when it is left)."""
        if self.phase in (P.CHOOSE, P.ANSWER, P.FOLLOWUP):
            if self.phase is P.FOLLOWUP:
                self._keep_answer()
            if self.answers:
                self._finish(stopped=True)
        self._log_session()

    def _finish(self, stopped: bool) -> None:
        self.stopped_early = stopped
        planned = len(self.ready_plan.questions)
        self._make_card()
        if stopped:
            self.app.notify(f"Stopped after {len(self.answers)} of {planned} questions: "
                            "those answers are kept in your practice log.")
        self.sub_title = "report card"
        self.query_one("#iv-question", Static).update(Content.styled("Report card", "bold $accent"))
        self.round, self.between = None, P.CARD
        self._show_card()
        self._show_phase()
        body = self.query_one("#iv-body")
        body.scroll_home(animate=False)
        body.focus()   # the card scrolls with the arrow keys at once, at 80×24 too (issue 21, item 9)

    def _log_session(self) -> None:
        """The session's answers, as corrected, then the line that ties them together."""
        if self._logged_session or not self.answers or self.card is None:
            return
        self._logged_session = True
        planned = len(self.ready_plan.questions)
        for round_no, record in zip(self.answer_rounds, self.answers, strict=True):
            self._log_when_heard(record, round_no, flush=False)
        self._log_when_heard(SessionRecord(
            ts=self.app.clock(), session=self.session_id, questions=tuple(self.ready_plan.ids),
            answered=len(self.answers), complete=not self.stopped_early and len(self.answers) >= planned,
            talk_seconds=round(self.card.talk_seconds, 1)), flush=False)

    def _make_card(self) -> interview.ReportCard:
        state = self.app.state
        heard = [self.voice.without_unheard(a, r) for a, r in
                 zip(self.answers, self.answer_rounds, strict=True)]
        judged = [interview.Judged(g.answer, g.followup) for g in self.given]
        self.card = interview.report_card(heard, len(self.ready_plan.questions), state.reports,
                                          state.settings, judged=judged)
        return self.card

    def _show_card(self) -> None:
        card = self._make_card()
        self.query_one("#iv-meta", Static).update(card_view.summary(self, card))
        self.query_one("#iv-card", Static).update(card_view.card(self, card, self._width()))

    def _width(self) -> int:
        body = self.query_one("#iv-body")
        width = body.scrollable_content_region.width
        return max(40, width) if width else 76

    # --- correcting the story told ------------------------------------------------------------

    def action_correct(self) -> None:
        """o on the card: which story an answer told, when storybank recognised another."""
        if self.phase is not P.CARD or not self.answers:
            return
        if len(self.answers) == 1:
            self._pick_story(0)
            return
        state = self.app.state
        options = [(str(i), f"{i + 1}. {fmt.clip(state.label(a.question), 18)} · you told: "
                    f"{self.judge.told_title(a.story)}") for i, a in enumerate(self.answers)]
        self.app.push_screen(PickOne("Which answer told another story?", "", options),
                             lambda i: self._pick_story(int(i)) if i is not None and self.is_attached else None)

    def _pick_story(self, i: int) -> None:
        story = self.answers[i].story
        self.app.push_screen(PickOne(f"Which story did answer {i + 1} tell?", "storybank recognised "
                                     f"“{self.judge.told_title(self.given[i].recognised)}”.",
                                     self.judge.story_options(), story or NO_STORY),
                             lambda picked: self._corrected(i, picked))

    def _corrected(self, i: int, picked: str | None) -> None:
        if picked is None or not self.is_attached or self._logged_session:
            return
        story = None if picked == NO_STORY else picked
        self.given[i] = self.given[i].told(story)
        self.answers[i] = replace(self.answers[i], story=story)
        self._show_card()

    # --- phases, timer, meter -----------------------------------------------------------------

    def _shown(self, phase: drill.Phase, typing: bool) -> dict[str, bool]:
        return {"#iv-meter": phase is not P.LOADING}

    def _ticked(self, elapsed: float) -> None:
        """The talk meter runs with the clock: a typed answer counts its words, not the typing."""
        rate = self.app.state.settings.rate_wpm
        current = elapsed
        if self.typing:
            text = self.typed_text()
            current = words.spoken_seconds(text, rate) if text.strip() else 0.0
            self._typed_info(text)
        if self.phase is P.FOLLOWUP:
            current += self.current.seconds_aloud(P.ANSWER, rate)
        self._update_meter(current)

    def _update_meter(self, current: float) -> None:
        """Talk so far (answers kept, plus the one running) against the session's target; it
        warns while there is time to cut, when at this rate the session will overrun."""
        if self.plan is None:
            return
        settings = self.app.state.settings
        low, high = interview.talk_target(settings.interview_minutes)
        done = sum((a.answer_seconds or 0.0) + (a.followup_seconds or 0.0) for a in self.answers)
        talk = done + current
        running = self.phase in (P.ANSWER, P.FOLLOWUP)
        warning = interview.budget_warning(done, len(self.answers), len(self.plan.questions), settings,
                                           current if running else None) if self.card is None else None
        meter = self.query_one("#iv-meter")
        meter.set_class(talk > high or warning is not None, "-over")
        meter.set_class(low <= talk <= high and warning is None, "-window")
        unchanged.show_progress(self.query_one("#iv-meter-bar", ProgressBar), min(talk, high))
        label = f"talk {fmt.clock(talk)} of {low / 60:g}–{high / 60:g} min"
        unchanged.show(self.query_one("#iv-meter-label", Static), label + (f" · {warning}" if warning else ""))

    def _typed_info(self, text: str) -> None:
        unchanged.show(self.query_one("#iv-typed-info", Static), self.words_line(text))

    def action_back(self) -> None:
        self._log_session()
        self._stop_timer()
        self.voice.cancel()
        self._flush_log(everything=True, now=True)   # answers still being analysed: as they are
        self.dismiss()

    # --- spoken answers -----------------------------------------------------------------------

    def _heard(self, round_no: int) -> None:
        """A spoken answer is analysed: its figures join its answer, and the card if shown."""
        if round_no not in self.answer_rounds:
            return   # the running question's answer: it joins when its follow-up is done
        i = self.answer_rounds.index(round_no)
        self.answers[i] = self.spoken_record(self.answers[i], round_no)
        if self.card is not None:
            self._show_card()

    def _unheard(self, i: int) -> list[str]:
        """The answer's recordings that were not heard clearly (and so not logged)."""
        if i >= len(self.answer_rounds):
            return []
        lines = self.voice.unheard_of(self.answer_rounds[i])
        return [f"{name}: {lines[phase]}" for phase, name in ((P.ANSWER, "answer"),
                                                              (P.FOLLOWUP, "follow-up"))
                if phase in lines]

    def _listening(self, i: int) -> bool:
        return bool(self.voice.pending_of(self.answer_rounds[i])) if i < len(self.answer_rounds) else False
