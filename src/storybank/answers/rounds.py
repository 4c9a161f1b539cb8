"""One round of the drill or the mock interview, judged as it is given (SPEC §10): no story is
picked before answering; the answer is judged when it ends, the story it tells is recognised
(and the candidate may correct it afterwards), the probe follows from what the answer lacked,
and the follow-up answer is judged deeper or restarted against the first.

A round's answer arrives typed (judged here at once, `judge_answer`) or spoken (judged by the
speech worker, `speech.analyse`, whose `SpokenReport` holds the judge's report as `judged`); `GivenRound`
holds whichever came, and answers the screens' questions about it the same way for both:
the text said, the story told, the probe to ask next and why.

No Textual, no I/O: the bank's stories, the catalog and the settings come from the caller.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from storybank.answers.report import AnswerReport, FollowupVerdict, NextProbe
from storybank.speech.report import judged_of

if TYPE_CHECKING:
    from storybank.answers.judge import BankStory
    from storybank.catalog import Catalog
    from storybank.settings import Settings
    from storybank.speech.report import SpokenReport

# What an interviewer asks when nothing better is known (the drill and the interview alike).
FALLBACK_FOLLOWUP = "Tell me more about that."


@dataclass(frozen=True)
class GivenRound:
    """What one round's answers said, judged: the typed judgement (`answer`, `followup`) or the
    spoken one (`spoken`, `followup_spoken`), the probe asked with its reason, and the story
    told: recognised, or set by the candidate (`corrected`)."""

    answer: AnswerReport | None = None
    followup: AnswerReport | None = None
    spoken: SpokenReport | None = None
    followup_spoken: SpokenReport | None = None
    probe: NextProbe | None = None
    story: str | None = None        # the story told (recognised, or the candidate's correction)
    corrected: bool = False

    @property
    def answer_text(self) -> str:
        if self.answer is not None:
            return self.answer.text
        return self.spoken.transcript if self.spoken is not None else ""

    @property
    def recognised(self) -> str | None:
        """The story the judge recognised in the answer (None: off the bank)."""
        judged = self.answer or judged_of(self.spoken)
        return judged.story.id if judged is not None and judged.story is not None else None

    @property
    def verdict(self) -> FollowupVerdict | None:
        """Whether the follow-up went deeper or restarted the story."""
        if self.followup is not None and self.followup.followup is not None:
            return self.followup.followup
        spoken = judged_of(self.followup_spoken)
        return spoken.followup if spoken is not None else None

    @property
    def judged(self) -> bool:
        return self.answer is not None or self.spoken is not None

    def told(self, story: str | None) -> GivenRound:
        """The candidate says which story they told (None: none of the bank's)."""
        return replace(self, story=story, corrected=story != self.recognised)


def judge_typed(text: str, catalog: Catalog, settings: Settings, stories: Sequence[BankStory], *,
                question: str | None, asked: Sequence[str] = ()) -> AnswerReport | None:
    """A typed first answer judged, its story recognised (None when nothing was typed)."""
    from storybank.answers.judge import judge_answer
    from storybank.errors import StorybankError

    if not text.strip():
        return None
    try:
        return judge_answer(text, catalog, settings, stories, question=question, asked=asked)
    except StorybankError:
        return None


def judge_typed_followup(text: str, first: str, probe: str | None, catalog: Catalog,
                         settings: Settings, stories: Sequence[BankStory], *,
                         question: str | None, story: str | None) -> AnswerReport | None:
    """A typed follow-up judged against the first answer (deeper or restarted), with the story
    told (None when nothing was typed or there was no first answer to compare it with)."""
    from storybank.answers.judge import judge_answer
    from storybank.errors import StorybankError

    if not text.strip() or not first.strip() or probe is None:
        return None
    known = story if story is not None and any(s.id == story for s in stories) else None
    try:
        return judge_answer(text, catalog, settings, stories, question=question, story=known,
                            probe=probe, first=first)
    except StorybankError:
        return None


def next_probe(given: GivenRound, catalog: Catalog, *, asked: Sequence[str] = (),
               layers: dict[str, float] | None = None) -> NextProbe | None:
    """The probe after the answer, from what it lacked, worded around it, with its reason;
    None when the answer was not judged (the caller falls back to the story's layers)."""
    from storybank.interview import probe_for_answer

    if given.answer is not None:
        return probe_for_answer(given.answer, catalog.probe_ids(), asked=asked, layer_seconds=layers)
    spoken = judged_of(given.spoken)
    if spoken is not None and spoken.next_probe.id:
        return spoken.next_probe
    return None


def fallback_probe(probe_id: str | None, catalog: Catalog, prompt: str | None = None,
                   reason: str = "") -> NextProbe:
    """A probe chosen without a judged answer, in the catalog's wording (or the prepared one)."""
    probe = catalog.probe(probe_id) if probe_id else None
    text = prompt or (probe.question if probe else FALLBACK_FOLLOWUP)
    return NextProbe(probe_id or "", text, reason or "No words to judge (answered by keys, or "
                     "not heard in time): the probe least asked of this story lately.")


def deeper_line(verdict: FollowupVerdict) -> str:
    """The follow-up's verdict with its figures, in one line."""
    repeated = f"{verdict.repeated_share:.0%} repeated from the first answer"
    if verdict.restarted:
        why = "it opened with the situation again" if verdict.reopened else repeated
        return f"restarted the story ({why}): go one layer deeper instead"
    facts = len(verdict.new_facts)
    added = ", ".join(f.split(": ", 1)[-1] for f in verdict.new_facts[:3])
    return (f"deeper: {facts} new fact{'s' if facts != 1 else ''}"
            + (f" ({added})" if added else "") + f", {repeated}")
