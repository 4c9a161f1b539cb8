"""The timed drill, run like the interview: question → your answer against the clock → a
follow-up probe → its answer → your cue card, to see what you left out.

Which question comes next, the default story, the probe and the timer zones come from
`storybank.drill` (no Textual there). The clock is the app's `clock` callable, so tests drive time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Digits, Header, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from storybank import drill
from storybank.practice import PracticeRecord
from storybank.ui import bindings, engine, fmt
from storybank.ui.messages import StateChanged
from storybank.ui.widgets import report_view as rv
from storybank.ui.widgets.fields import Prose
from storybank.ui.widgets.keys import KeysFooter

if TYPE_CHECKING:  # pragma: no cover
    from storybank.ui.app import StorybankApp

NO_STORY = "__none__"
PHASE_ACTIONS = {
    "start": {"choose"},
    "finish": {"answer", "followup"},
    "next": {"card"},
    "retry": {"card"},
    "type_answer": {"choose", "answer", "followup"},
    "skip": {"choose", "answer", "followup"},
}


class PracticeLogged(Message):
    def __init__(self, record: PracticeRecord, error: str | None) -> None:
        super().__init__()
        self.record = record
        self.error = error


class DrillScreen(Screen):
    BINDINGS = bindings.DRILL
    HELP = "Answer a question out loud against the clock, then a follow-up, then check your cue card."

    app: StorybankApp

    def __init__(self, question: str | None = None) -> None:
        super().__init__()
        self.first_question = question
        self.phase = "loading"
        self.order: list[str] = []
        self.position = 0
        self.story_id: str | None = None
        self.probe: str | None = None
        self.probe_prompt = ""
        self.started = 0.0
        self.answer_seconds: float | None = None
        self.followup_seconds: float | None = None
        self.answer_typed = ""
        self.followup_typed = ""
        self.typing = False
        self._timer = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="drill-body"):
            yield Static(id="drill-question")
            yield Static(id="drill-meta")
            yield OptionList(id="drill-stories")
            with Horizontal(id="drill-timer-row"):
                yield Digits("0:00", id="drill-timer")
                yield Static(id="drill-zone")
            yield Prose("", id="drill-typed", placeholder="Type your answer here (ctrl+f when done)")
            yield Static(id="drill-typed-info")
            yield Static(id="drill-card")
            yield Static(id="drill-hint")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.title = "Drill"
        self.app.state_changed.subscribe(self, self._on_state)
        self._set_phase("loading")
        if self.app.state.ready:
            self._begin()

    def _on_state(self, event: StateChanged) -> None:
        if self.phase == "loading" and self.app.state.ready:
            self._begin()

    # --- the sequence of questions ------------------------------------------------------------

    def _begin(self) -> None:
        state = self.app.state
        coverage = state.coverage()
        statuses = {t.id: t.status for t in coverage.question_types} if coverage else {}
        self.order = drill.order_questions(state.catalog.question_ids(), statuses, state.practice.records)
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
        coverage = state.coverage()
        tc = next((t for t in coverage.question_types if t.id == q.id), None) if coverage else None
        self.story_id = self.probe = None
        self.answer_seconds = self.followup_seconds = None
        self.answer_typed = self.followup_typed = ""
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
        # (Option lists do not blend translucent colours like $text-muted: use solid ones.)
        no_story = Option(Content.styled("No story: answer off the cuff", "italic"), id=NO_STORY)
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
        self._set_phase("choose")
        stories.focus()

    # --- phases -------------------------------------------------------------------------------

    def _set_phase(self, phase: str) -> None:
        self.phase = phase
        show = {
            "#drill-stories": phase == "choose",
            "#drill-timer-row": phase in {"answer", "followup"},
            "#drill-typed": self.typing and phase in {"answer", "followup"},
            "#drill-typed-info": phase in {"answer", "followup", "card"},
            "#drill-card": phase == "card",
        }
        for selector, visible in show.items():
            self.query_one(selector).display = visible
        hints = {
            "loading": "Loading the bank…",
            "choose": "Pick the story you will tell, then press enter and answer out loud. "
                      "t types the answer instead.",
            "answer": "Answer out loud now. Press space when you finish.",
            "followup": "Go deeper, don't restart the story. Press space when you finish.",
            "card": "Your cue card: what you could have said. Enter for the next question, r to try again.",
        }
        if self.typing and phase in {"answer", "followup"}:
            hints[phase] = "Type your answer. ctrl+f (or escape, then space) when you finish."
        self.query_one("#drill-hint", Static).update(Content.styled(hints.get(phase, ""), rv.MUTED))
        if phase in {"answer", "followup"}:
            self.query_one("#drill-typed-info", Static).update("")
            self.query_one("#drill-typed-info").display = self.typing
        self.refresh_bindings()

    def check_action(self, action: str, parameters) -> bool | None:
        phases = PHASE_ACTIONS.get(action)
        if phases is None:
            return True
        return self.phase in phases

    def _start_timer(self) -> None:
        self.started = self.app.clock()
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_interval(self.app.timer_interval, self.tick)
        self.tick()

    def _stop_timer(self) -> float:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        return max(0.0, self.app.clock() - self.started)

    def elapsed(self) -> float:
        return max(0.0, self.app.clock() - self.started)

    def tick(self) -> None:
        if self.phase not in {"answer", "followup"}:
            return
        settings = self.app.state.settings
        elapsed = self.elapsed()
        if self.phase == "answer":
            window, limit = settings.answer_seconds, settings.answer_limit_seconds
        else:
            window, limit = settings.followup_seconds, None
        zone = drill.zone(elapsed, window, limit)
        self.query_one("#drill-timer", Digits).update(fmt.clock(elapsed))
        row = self.query_one("#drill-timer-row")
        for name in ("short", "window", "over", "limit"):
            row.set_class(name == zone, f"-{name}")
        target = f"{window[0]:g}–{window[1]:g}s" + (f", stop by {limit:g}s" if limit else "")
        self.query_one("#drill-zone", Static).update(f"{drill.zone_text(zone, limit)}\n{target}")
        if self.typing:
            self._typed_info()

    # --- actions ------------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#drill-stories")
    def _story_chosen(self) -> None:
        self.action_start()

    def action_start(self) -> None:
        if self.phase != "choose":
            return
        option = self.query_one("#drill-stories", OptionList).highlighted_option
        self.story_id = None if option is None or option.id == NO_STORY else option.id
        self._set_phase("answer")
        self._clear_typed()
        if not self.typing:
            self.set_focus(None)
        self._start_timer()

    def action_finish(self) -> None:
        if self.phase not in {"answer", "followup"}:
            return
        seconds = self._stop_timer()
        typed = self.query_one("#drill-typed", TextArea).text if self.typing else ""
        if self.phase == "answer":
            self.answer_seconds, self.answer_typed = seconds, typed
            self._ask_followup()
        else:
            self.followup_seconds, self.followup_typed = seconds, typed
            self._show_card()

    def _ask_followup(self) -> None:
        state = self.app.state
        sf = state.story(self.story_id)
        probe_ids = state.catalog.probe_ids()
        prompts = state.prompts_for(self.story_id) if sf else None
        self.probe = drill.pick_probe(probe_ids, state.practice.records, self.story_id)
        prompt = next((p.prompt for p in prompts or [] if p.probe == self.probe), None)
        if prompt is None:
            probe = state.catalog.probe(self.probe) if self.probe else None
            prompt = probe.question if probe else "Tell me more."
        self.probe_prompt = prompt
        low, high = state.settings.followup_seconds
        self.query_one("#drill-question", Static).update(Content.assemble(("Follow-up: ", "bold $accent"), prompt))
        self.query_one("#drill-meta", Static).update(Content.assemble(
            (f"{self.probe}", "$accent"), (f"  ·  aim {low:g}–{high:g}s  ·  ", rv.MUTED),
            (f"your answer took {fmt.clock(self._answer_spoken())}", rv.MUTED)))
        self._set_phase("followup")
        self._clear_typed()
        self._start_timer()

    def _answer_spoken(self) -> float:
        """Seconds the answer takes out loud: the timer, or for a typed answer, words ÷ rate."""
        rate = self.app.state.settings.rate_wpm
        if self.answer_typed.strip():
            return drill.spoken_seconds(self.answer_typed, rate)
        return self.answer_seconds or 0.0

    def _followup_spoken(self) -> float:
        rate = self.app.state.settings.rate_wpm
        if self.followup_typed.strip():
            return drill.spoken_seconds(self.followup_typed, rate)
        return self.followup_seconds or 0.0

    def _show_card(self) -> None:
        state = self.app.state
        self._set_phase("card")
        typed_words = drill.count_words(self.answer_typed) + drill.count_words(self.followup_typed)
        record = PracticeRecord(
            ts=self.app.clock(), question=self.question_id, story=self.story_id, probe=self.probe,
            answer_seconds=round(self._answer_spoken(), 1), followup_seconds=round(self._followup_spoken(), 1),
            typed_words=typed_words if (self.answer_typed.strip() or self.followup_typed.strip()) else None)
        self._log(record)
        self.query_one("#drill-question", Static).update(
            Content.assemble(("Cue card", "bold $accent"), "  ", (state.catalog.question(self.question_id).label, rv.MUTED)))
        self.query_one("#drill-meta", Static).update(self._results_line())
        self.query_one("#drill-card", Static).update(self._card())
        memo = self._memorisation()
        info = self.query_one("#drill-typed-info", Static)
        info.update(memo)
        info.display = bool(memo.plain)
        self.query_one("#drill-body").scroll_home(animate=False)
        self.set_focus(None)

    def on_resize(self) -> None:
        if self.phase == "card":
            self.query_one("#drill-card", Static).update(self._card())

    def _results_line(self) -> Content:
        settings = self.app.state.settings
        answer, follow = self._answer_spoken(), self._followup_spoken()
        a_zone = drill.zone(answer, settings.answer_seconds, settings.answer_limit_seconds)
        f_zone = drill.zone(follow, settings.followup_seconds)
        style = {"short": rv.MUTED, "window": "$success", "over": "$warning", "limit": "$error"}
        typed = " (typed, estimated)" if self.answer_typed.strip() else ""

        def verdict(kind: str, limit: float | None = None) -> str:
            return "short of the window" if kind == "short" else drill.zone_text(kind, limit)

        return Content.assemble(
            "Answer ", (f"{fmt.seconds(answer)} · {verdict(a_zone, settings.answer_limit_seconds)}", style[a_zone]),
            (typed, rv.MUTED), "   Follow-up ", (f"{fmt.seconds(follow)} · {verdict(f_zone)}", style[f_zone]))

    def _card(self) -> Content:
        state = self.app.state
        sf = state.story(self.story_id)
        if sf is None:
            q = state.catalog.question(self.question_id)
            body = self.query_one("#drill-body")
            width = max(30, body.scrollable_content_region.width) if body.scrollable_content_region.width else 76
            lines = [Content.styled("You answered without a prepared story.", "bold")]
            if q.gap_hint:
                lines.extend(rv.item(Content.styled("Prepare: ", "bold $warning"), q.gap_hint, width))
            for point in q.strong:
                lines.extend(rv.item("  • ", point, width))
            lines.append(Content.styled("Press n on the coverage screen (c) to write this story.", rv.MUTED))
            return Content("\n").join(lines)
        story = sf.story
        said = (self.answer_typed + "\n" + self.followup_typed).lower()
        typed = bool(said.strip())
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

        body = self.query_one("#drill-body")
        width = max(30, body.scrollable_content_region.width) if body.scrollable_content_region.width else 76
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
            mark = "→ " if probe == self.probe else "  "
            if text.strip():
                prefix = Content.assemble(mark, (f"✓ {probe:<14}", "$success"))
                lines.extend(rv.item(prefix, cues(engine.cue_words(text, 5, known)), width))
            else:
                prefix = Content.assemble(mark, (f"✗ {probe:<14}", "$warning"))
                lines.extend(rv.item(prefix, Content.styled("not prepared", "$warning"), width))
        if typed:
            lines.append(Content.styled("Underlined cues are ones your typed answer left out.", rv.MUTED))
        return Content("\n").join(lines)

    def _memorisation(self) -> Content:
        sf = self.app.state.story(self.story_id)
        if not self.answer_typed.strip() or sf is None:
            return Content("")
        check = drill.check_memorised(self.answer_typed, sf.story.answer_text())
        if not check.compared:
            return Content("")
        style = "bold $warning" if check.memorised else "$success"
        return Content.styled(("⚠ " if check.memorised else "✓ ") + check.message(), style)

    def _typed_info(self) -> None:
        text = self.query_one("#drill-typed", TextArea).text
        rate = self.app.state.settings.rate_wpm
        words = drill.count_words(text)
        info = self.query_one("#drill-typed-info", Static)
        line = f"{words} words ≈ {fmt.seconds(drill.spoken_seconds(text, rate))} spoken at {rate:g} wpm"
        sf = self.app.state.story(self.story_id)
        memorised = False
        if self.phase == "answer" and sf is not None:
            check = drill.check_memorised(text, sf.story.answer_text())
            if check.memorised:
                memorised = True
                line += f"\n⚠ {check.message()}"
        info.set_class(memorised, "-memorised")
        info.update(line)

    @on(TextArea.Changed, "#drill-typed")
    def _typed_changed(self) -> None:
        if self.typing and self.phase in {"answer", "followup"}:
            self._typed_info()

    def _clear_typed(self) -> None:
        box = self.query_one("#drill-typed", TextArea)
        box.text = ""
        if self.typing:
            box.display = True
            box.focus()

    @work(thread=True, group="practice", name="practice log")
    def _log(self, record: PracticeRecord) -> None:
        from storybank.practice import append_record

        try:
            append_record(self.app.state.root, record)
            error = None
        except OSError as exc:
            error = f"The practice log could not be written: {exc.strerror or exc}"
        self.post_message(PracticeLogged(record, error))

    def on_practice_logged(self, message: PracticeLogged) -> None:
        if message.error:
            self.notify(message.error, severity="error")
            return
        self.app.state.practice.records.append(message.record)
        self.app.practice_logged()

    def action_type_answer(self) -> None:
        self.typing = not self.typing if self.phase == "choose" else True
        box = self.query_one("#drill-typed", TextArea)
        if self.phase in {"answer", "followup"}:
            self._set_phase(self.phase)
            box.focus()
            self._typed_info()
        else:
            self.notify("You will type your answers." if self.typing else "You will answer out loud.")

    def action_next(self) -> None:
        self.position += 1
        self._ask()

    def action_retry(self) -> None:
        self._ask()

    def action_skip(self) -> None:
        self._stop_timer()
        self.position += 1
        self._ask()

    def action_back(self) -> None:
        if isinstance(self.focused, TextArea):
            self.set_focus(None)
            return
        self._stop_timer()
        self.dismiss()
