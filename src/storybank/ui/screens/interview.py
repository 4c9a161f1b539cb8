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

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, OptionList, ProgressBar, Static
from textual.widgets.option_list import Option

from storybank import drill, interview, words
from storybank.practice import PracticeRecord, SessionRecord, format_ts
from storybank.speech.report import SpokenReport
from storybank.ui import bindings, fmt, form_words
from storybank.ui.messages import StateChanged
from storybank.ui.mounting import ClosesOnce, while_shown
from storybank.ui.screens.posting_focus import PostingFocus
from storybank.ui.widgets import report_view as rv
from storybank.ui.widgets.answer_timer import TimedAnswers, no_story_option
from storybank.ui.widgets.keys import KeysFooter

P = drill.Phase
ASKING = frozenset({P.INTRO, P.CHOOSE, P.ANSWER, P.FOLLOWUP})
ZONE_WORD = {"short": "short", "window": "in window", "over": "over window", "limit": "past limit"}


class InterviewScreen(ClosesOnce, TimedAnswers, PostingFocus, Screen):
    """One `drill.Round` per planned question (its session id on it); between rounds the phase
    is the session's own: LOADING, INTRO, and CARD for the report card."""

    BINDINGS = bindings.INTERVIEW
    HELP = "A full mock interview: 6–8 questions, one follow-up each, timed, then a report card."
    ACTION_PHASES = {
        "begin": frozenset({P.INTRO}),
        "type_answer": ASKING,
        "stop": ASKING,
        "back": frozenset({P.CARD, P.LOADING}),
    }
    HINTS = {
        P.LOADING: "Preparing the interview…",
        P.INTRO: "Press enter to hear the first question. t: type your answers instead of speaking.",
    }
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

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="iv-meter"):
            yield Static(id="iv-meter-label")
            yield ProgressBar(id="iv-meter-bar", show_eta=False, show_percentage=False)
        with VerticalScroll(id="iv-body"):
            yield from self.compose_round()
        yield KeysFooter()

    @while_shown
    def on_mount(self) -> None:
        self.title = "Mock interview"
        self.app.state_changed.subscribe(self, self._on_state)
        self._show_phase()
        self._maybe_plan()

    @while_shown
    def _on_state(self, event: StateChanged) -> None:
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
        qids = state.catalog.question_ids()
        statuses = {t.id: t.status for t in coverage.question_types} if coverage else {}
        candidates = {t.id: ([t.assigned] if t.assigned else []) + [s for s in t.stories if s != t.assigned]
                      for t in coverage.question_types} if coverage else {}
        now = self.app.clock()
        tz = getattr(self.app, "tz", None)
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
        plan = self.plan
        settings = self.app.state.settings
        low, high = interview.talk_target(settings.interview_minutes)
        n = len(plan.questions)
        lines = []
        if n:
            lines.append(Content.assemble(
                (f"{n} questions", "bold"), ", one follow-up after each, in a "
                f"{settings.interview_minutes:g}-minute slot: aim for {low / 60:g}–{high / 60:g} minutes of your own talking."))
            a_low, a_high = settings.answer_seconds
            f_low, f_high = settings.followup_seconds
            lines.append(Content.styled(
                f"Answers {a_low:g}–{a_high:g}s (stop by {settings.answer_limit_seconds:g}s), follow-ups "
                f"{f_low:g}–{f_high:g}s. No cue cards until the end, as in the real call.", rv.MUTED))
        if plan.note:
            lines.append(Content(""))
            lines.append(Content.styled(plan.note, "$warning"))
        if self.focus is not None:
            lines.append(Content.styled(self.focus.note, "$accent"))
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
        return self.plan.questions[self.position]

    def _ask(self) -> None:
        state = self.app.state
        pq = self.planned
        q = state.catalog.question(pq.question)
        self.round = drill.Round(pq.question, session=self.session_id)
        self.voice.reset(keep=True)   # the last answer may still be analysed: it keeps its round
        self.voice.prepare()
        n = len(self.plan.questions)
        self.sub_title = f"question {self.position + 1} of {n}"
        self.query_one("#iv-question", Static).update(
            Content.assemble(("“", rv.MUTED), q.question if q else pq.question, ("”", rv.MUTED)))
        self.query_one("#iv-meta", Static).update(Content.assemble(
            (f"Question {self.position + 1} of {n}", "bold"), ("  ·  ", rv.MUTED), (q.label if q else pq.question, "$accent"),
            ("  ·  which story will you tell?", rv.MUTED)))
        stories = self.query_one("#iv-stories", OptionList)
        stories.clear_options()
        mapped = [sid for sid in self._candidates(pq.question)]
        ordered = sorted(state.stories, key=lambda sf: (sf.id != pq.story, sf.id not in mapped,
                                                         sf.story.title.lower()))
        options = [Option(sf.story.title or sf.id, id=sf.id) for sf in ordered]
        no_story = no_story_option()
        options.insert(0 if pq.story is None else len(options), no_story)
        stories.add_options(options)
        stories.highlighted = 0
        self._show_phase()
        stories.focus()
        self.handsfree.ask_question(q.question if q else pq.question)

    def _candidates(self, qid: str) -> list[str]:
        coverage = self.app.state.coverage()
        tc = next((t for t in coverage.question_types if t.id == qid), None) if coverage else None
        return list(tc.stories) if tc else []

    def action_begin(self) -> None:
        if self.phase is P.INTRO:
            self.position = 0
            self._ask()

    def _round_done(self) -> None:
        """The follow-up is answered: keep the round, then the next question or the report card."""
        self._keep_answer()
        self.position += 1
        if self.position < len(self.plan.questions):
            self._ask()
        else:
            self._finish(stopped=False)

    def _ask_followup(self) -> None:
        state, rnd = self.app.state, self.round
        report = state.reports.get(rnd.story) if rnd.story else None
        prompts = state.prompts_for(rnd.story) if rnd.story else None
        layers = None
        if report is not None:
            layers = report.followup_seconds
        elif prompts is not None:
            layers = {p.probe: p.seconds or 0.0 for p in prompts}
        # This session's answers count at once, logged or not.
        records = [r for r in state.practice.records if r.session != self.session_id] + self.answers
        probe_id = interview.choose_probe(state.catalog.probe_ids(), rnd.story, records,
                                          layers, state.settings.followup_seconds[0],
                                          asked=[a.probe for a in self.answers if a.probe])
        prompt = next((p.prompt for p in prompts or [] if p.probe == probe_id), None)
        if (skill := self.tailored_probe(rnd.story)) is not None:
            probe_id, prompt = skill.probe, skill.prompt
        if prompt is None:
            probe = state.catalog.probe(probe_id) if probe_id else None
            prompt = probe.question if probe else "Tell me more about that."
        rnd.ask(probe_id, prompt)
        self.query_one("#iv-question", Static).update(Content.assemble(("Follow-up: ", "bold $accent"), prompt))
        low, high = state.settings.followup_seconds
        self.query_one("#iv-meta", Static).update(Content.assemble(
            (f"Question {self.position + 1} of {len(self.plan.questions)}", "bold"),
            (f"  ·  go deeper, don't restart  ·  aim {low:g}–{high:g}s", rv.MUTED)))
        self._restart_timed()

    def _keep_answer(self) -> None:
        """The round's line (its follow-up unanswered if the session stopped during it)."""
        record = self.round.record(self.app.clock(), self.app.state.settings.rate_wpm)
        self.answers.append(self.spoken_record(record, self.voice.round_no))
        self.answer_rounds.append(self.voice.round_no)
        self._log_when_heard(record, self.voice.round_no)
        self._update_meter(0.0)

    # --- the end ------------------------------------------------------------------------------

    def action_stop(self) -> None:
        """Escape during the session: end it here, keeping every answer already given."""
        if self._leave_box():
            return
        self._stop_timer()
        self.voice.cancel()
        if self.phase is P.FOLLOWUP:
            self._keep_answer()  # the answer was given; its follow-up was not
        if not self.answers:
            self.app.notify("Mock interview stopped before the first answer: nothing was logged.")
            self.dismiss()
            return
        self._finish(stopped=True)

    def end_for_quit(self) -> None:
        """Quitting the app mid-session ends it as escape does: the answers given are kept,
        with the session line that ties them together."""
        if self.phase in (P.CHOOSE, P.ANSWER, P.FOLLOWUP):
            if self.phase is P.FOLLOWUP:
                self._keep_answer()
            if self.answers:
                self._finish(stopped=True)

    def _finish(self, stopped: bool) -> None:
        self.stopped_early = stopped
        planned = len(self.plan.questions)
        self._make_card()
        session = SessionRecord(ts=self.app.clock(), session=self.session_id, questions=tuple(self.plan.ids),
                                answered=len(self.answers), complete=not stopped and len(self.answers) >= planned,
                                talk_seconds=round(self.card.talk_seconds, 1))
        self._log_when_heard(session)
        if stopped:
            self.app.notify(f"Stopped after {len(self.answers)} of {planned} questions: "
                            "those answers are kept in your practice log.")
        self.sub_title = "report card"
        self.query_one("#iv-question", Static).update(Content.styled("Report card", "bold $accent"))
        self.query_one("#iv-meta", Static).update(self._summary())
        self.round, self.between = None, P.CARD
        self._show_card()
        self._show_phase()
        self.query_one("#iv-body").scroll_home(animate=False)
        self.set_focus(None)

    def _make_card(self) -> None:
        state = self.app.state
        heard = [self.voice.without_unheard(a, r) for a, r in
                 zip(self.answers, self.answer_rounds, strict=True)]
        self.card = interview.report_card(heard, len(self.plan.questions), state.reports,
                                          state.settings)

    def _show_card(self) -> None:
        self._make_card()
        self.query_one("#iv-card", Static).update(self._card())

    def _summary(self) -> Content:
        card = self.card
        planned = len(self.plan.questions)
        low, high = card.talk_target
        talk = card.talk_seconds
        style = "$success" if low <= talk <= high else "$warning"
        head = Content.assemble(
            (f"{len(card.rows)} of {planned} questions answered", "bold"), "  ·  talk ",
            (f"{fmt.clock(talk)}", style), (f" (aim {low / 60:g}–{high / 60:g} min)", rv.MUTED))
        if self.stopped_early:
            return Content("\n").join([head, Content.styled(
                f"You stopped after {len(card.rows)} of {planned} questions. Those answers are kept in "
                "your practice log; the rest were not asked.", "$warning")])
        return head

    def _width(self) -> int:
        body = self.query_one("#iv-body")
        width = body.scrollable_content_region.width
        return max(40, width) if width else 76

    def _card(self) -> Content:
        state = self.app.state
        card = self.card
        width = self._width()
        lines: list[Content] = [Content("")]
        title_w = max(10, width - 55)
        lines.append(Content.styled(f"{'#':>2} {'question':<16} {'story':<{title_w}} {'answer':>16} {'follow-up':>16}", "bold"))
        for i, row in enumerate(card.rows, start=1):
            label = state.label(row.question)
            sf = state.story(row.story)
            title = fmt.clip((sf.story.title if sf else row.story) or "no story", title_w)
            label = fmt.clip(label, 16)  # a catalog of one's own may name a type at length
            answer = self._timed(row.answer_seconds, row.answer_zone)
            follow = self._timed(row.followup_seconds, row.followup_zone)
            lines.append(Content.assemble(
                f"{i:>2} ", (f"{label:<16}", "$accent"), " ",
                (f"{title:<{title_w}}", "" if sf else "italic " + rv.MUTED), " ", answer, " ", follow))
            extra = []
            if row.probe:
                extra.append(f"probe: {row.probe}")
            for name, spoken in (("answer", row.spoken), ("follow-up", row.followup_spoken)):
                if spoken:
                    extra.append(f"{name} spoken: " + self._spoken_text(spoken))
            if self._listening(i - 1):
                extra.append("listening back…")
            extra.extend(self._unheard(i - 1))
            if row.typed:
                extra.append("typed, timed from its words")
            if extra:
                lines.append(Content.styled("   " + " · ".join(extra), rv.MUTED))
        lines.append(Content(""))
        over = "answers given" if card.basis == "answers" else "stories told"
        lines.append(rv.heading(f"The four dimensions ({over})"))
        if card.dimensions:
            parts = []
            for name, value in card.dimensions.items():
                style = "$success" if value >= 75 else "$warning" if value >= 50 else "$error"
                parts.append(Content.assemble(f"{name.replace('_', ' ')} ", (f"{value}", f"bold {style}")))
            lines.extend(rv.item("  ", Content("  ·  ").join(parts), width))
        else:
            lines.append(Content.styled("  no story told, or its analysis is not ready", rv.MUTED))
        lines.append(Content(""))
        lines.append(rv.heading("Fix these first"))
        if card.fixes:
            for n, fix in enumerate(card.fixes, start=1):
                sf = state.story(fix.story)
                title = (sf.story.title if sf else fix.story)
                symbol, kind = fmt.SEVERITY.get(fix.severity, ("!", "warnings"))
                prefix = Content.assemble(f"  {n}. ", (symbol, rv.STYLE[kind]), " ")
                text = Content.assemble((title, "bold"), (f" · {form_words.field_label(fix.field)}", rv.MUTED),
                                        "  ", form_words.message(fix.message))
                lines.extend(rv.item(prefix, text, width))
        else:
            lines.append(Content.styled("  nothing flagged in the stories told", rv.MUTED))
        lines.append(Content(""))
        lines.append(Content.styled("Escape goes back to the bank; p there shows your progress.", rv.MUTED))
        return Content("\n").join(lines)

    @staticmethod
    def _timed(seconds: float | None, zone: str | None) -> Content:
        if seconds is None or zone is None:
            return Content.styled(f"{'—':>16}", rv.MUTED)
        text = f"{round(seconds)}s {ZONE_WORD[zone]}"
        return Content.styled(f"{text:>16}", rv.ZONE_STYLE[zone])

    @staticmethod
    def _spoken_text(spoken: SpokenReport) -> str:
        out = []
        if spoken.words:
            out.append(f"{spoken.words} words")
        if spoken.wpm:
            out.append(f"{spoken.wpm:.0f} wpm")
        out.append(f"{spoken.fillers.per_minute:.1f} fillers/min")
        if spoken.longest_pause_seconds:
            out.append(f"longest pause {spoken.longest_pause_seconds:.0f}s")
        if spoken.recited:
            out.append("⚠ sounds recited")
        if spoken.followup is not None and spoken.followup.restarted:
            out.append("⚠ restarted the story")
        return ", ".join(out) or "recorded"

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
            current += self.round.spoken(P.ANSWER, rate)
        self._update_meter(current)

    def _update_meter(self, current: float) -> None:
        """Talk so far (answers kept, plus the one running) against the session's target."""
        if self.plan is None:
            return
        low, high = interview.talk_target(self.app.state.settings.interview_minutes)
        talk = sum((a.answer_seconds or 0.0) + (a.followup_seconds or 0.0) for a in self.answers) + current
        meter = self.query_one("#iv-meter")
        meter.set_class(talk > high, "-over")
        meter.set_class(low <= talk <= high, "-window")
        self.query_one("#iv-meter-bar", ProgressBar).update(progress=min(talk, high))
        self.query_one("#iv-meter-label", Static).update(
            f"talk {fmt.clock(talk)} of {low / 60:g}–{high / 60:g} min")

    def _typed_info(self, text: str) -> None:
        self.query_one("#iv-typed-info", Static).update(self.words_line(text))

    def action_back(self) -> None:
        self._stop_timer()
        self.voice.cancel()
        self._flush_log(everything=True)   # answers still being analysed are logged as they are
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
