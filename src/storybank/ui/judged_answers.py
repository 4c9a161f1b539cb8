"""The answer-judging flow of a timed round (SPEC §10), shared by the drill and the mock
interview: no story is picked before answering; when the answer ends it is judged (a typed one
at once, a spoken one when its analysis lands, the interviewer "listening back" meanwhile), the
story it told is recognised, the probe follows from what it lacked, and the follow-up is judged
deeper or restarted against it. The candidate can correct the story told afterwards (`o`).

`RoundJudge` is held by a `TimedAnswers` screen (as `AnswerVoice` is) and works on its round;
the judging itself is core (`storybank.answers.rounds`), so this module only moves results to
and from the screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual.content import Content

from storybank.answers.report import NextProbe
from storybank.answers.rounds import GivenRound, fallback_probe, judge_typed, judge_typed_followup
from storybank.drill import Phase

if TYPE_CHECKING:  # pragma: no cover
    from textual.timer import Timer

    from storybank.answers.judge import BankStory
    from storybank.answers.report import FollowupVerdict
    from storybank.speech.report import SpokenReport
    from storybank.ui.state import BankState
    from storybank.ui.widgets.answer_timer import TimedAnswers

LISTEN_SECONDS = 15.0   # the longest the follow-up waits for a spoken answer's analysis
NO_STORY = "__none__"   # the picker's id of "none of my stories"


class RoundJudge:
    """The judged answers of the screen's current round, and the wait for a spoken one."""

    def __init__(self, screen: TimedAnswers) -> None:
        self.screen = screen
        self.given = GivenRound()
        self.awaiting = False           # the answer ended; its spoken analysis is on its way
        self._wait: Timer | None = None

    @property
    def state(self) -> BankState:
        return self.screen.app.state

    def bank(self) -> list[BankStory]:
        from storybank.answers.judge import bank_stories

        return bank_stories(self.state.stories)

    def reset(self) -> None:
        self.given = GivenRound()
        self.stop_waiting()

    # --- the first answer ---------------------------------------------------------------------

    def answered(self, asked: Sequence[str] = ()) -> bool:
        """The first answer ended: judge it. True when the follow-up can be asked now; False
        while a spoken answer is still being analysed (`landed` says when it is)."""
        rnd, state = self.screen.current, self.state
        if rnd.answer_typed.strip():
            report = judge_typed(rnd.answer_typed, state.opened.catalog, state.settings, self.bank(),
                                 question=rnd.question, asked=asked)
            self._set(GivenRound(answer=report, story=report.story.id if report and report.story else None))
            return True
        if Phase.ANSWER in self.screen.voice.pending:
            self.awaiting = True
            wait = self.screen.app.listen_seconds or LISTEN_SECONDS   # tests wait longer
            self._wait = self.screen.set_timer(wait, self._timed_out)
            return False
        return True

    def landed(self, round_no: int, phase: Phase, report: SpokenReport | None) -> bool:
        """A spoken analysis landed; True when it ends the wait for the follow-up."""
        if round_no != self.screen.voice.round_no:
            return False
        if phase is Phase.FOLLOWUP and report is not None:
            self.given = replace(self.given, followup_spoken=report)
            return False
        if phase is not Phase.ANSWER:
            return False
        if report is not None:
            self._set(GivenRound(spoken=report, story=report.story))
        if not self.awaiting:
            return False
        self.stop_waiting()
        return True

    def _timed_out(self) -> None:
        if self.awaiting and self.screen.is_attached:
            self.stop_waiting()
            self.screen._ask_followup()

    def stop_waiting(self) -> None:
        self.awaiting = False
        if self._wait is not None:
            self._wait.stop()
            self._wait = None

    def _set(self, given: GivenRound) -> None:
        self.given = given
        # A spoken answer can land after its round ended (the interview stopped while it was
        # being listened back to): the card's answers keep it, there is no round to tell.
        if self.screen.round is not None:
            self.screen.round.story = given.story

    # --- the probe ----------------------------------------------------------------------------

    def probe(self, asked: Sequence[str] = (), layers: dict[str, float] | None = None) -> NextProbe | None:
        """The probe from what the answer lacked (None: nothing was judged)."""
        from storybank.interview import probe_for_answer

        given, state = self.given, self.state
        if given.answer is not None:
            return probe_for_answer(given.answer, state.opened.catalog.probe_ids(), asked=asked, layer_seconds=layers)
        if given.spoken is not None and given.spoken.transcript.strip():
            # The spoken judgement chose without this session's probes: judge its words again.
            rnd = self.screen.current
            again = judge_typed(given.spoken.transcript, state.opened.catalog, state.settings, self.bank(),
                                question=rnd.question, asked=asked)
            if again is not None:
                return probe_for_answer(again, state.opened.catalog.probe_ids(), asked=asked, layer_seconds=layers)
        return None

    def fallback(self, probe_id: str | None, prompt: str | None = None) -> NextProbe:
        return fallback_probe(probe_id, self.state.opened.catalog, prompt)

    # --- the follow-up ------------------------------------------------------------------------

    def followed_up(self) -> None:
        """The follow-up ended: a typed one is judged against the first answer now."""
        rnd, state = self.screen.current, self.state
        if not rnd.followup_typed.strip():
            return
        report = judge_typed_followup(rnd.followup_typed, self.given.answer_text or rnd.answer_typed,
                                      rnd.probe, state.opened.catalog, state.settings, self.bank(),
                                      question=rnd.question, story=self.given.story)
        self.given = replace(self.given, followup=report)

    def context(self) -> dict[str, Any]:
        """What the spoken analysis of the running phase needs to know."""
        rnd = self.screen.current
        followup = rnd.phase is Phase.FOLLOWUP
        return {"story": self.given.story if followup else None, "question": rnd.question,
                "probe": rnd.probe if followup else None,
                "first": self.given.answer_text or rnd.answer_typed if followup else None}

    # --- the story told -----------------------------------------------------------------------

    def told_title(self, story: str | None) -> str:
        sf = self.state.story(story)
        return (sf.story.title or sf.id) if sf is not None else "none of your stories"

    def story_options(self) -> list[tuple[str, str]]:
        options = [(sf.id, sf.story.title or sf.id) for sf in sorted(
            self.state.stories, key=lambda sf: (sf.story.title or sf.id).lower())]
        return [*options, (NO_STORY, "None of my stories: judge it on its own")]

    def correct(self, story: str | None) -> None:
        self.given = self.given.told(story)
        if self.screen.round is not None:
            self.screen.round.story = story


def told_line(title: str, corrected: bool) -> Content:
    """"You told: TITLE" and how to correct it."""
    from storybank.ui.widgets import report_view as rv

    how = "  (your correction · o changes it)" if corrected else "  · o corrects it"
    return Content.assemble(("You told: ", "bold"), (title, "$accent"), (how, rv.MUTED))


def verdict_line(verdict: FollowupVerdict) -> Content:
    """The follow-up's verdict, deeper or restarted, with its figures."""
    from storybank.answers.rounds import deeper_line

    style = "bold $warning" if verdict.restarted else "$success"
    mark = "⚠ " if verdict.restarted else "✓ "
    return Content.assemble(("Follow-up: ", "bold"), (mark + deeper_line(verdict), style))
