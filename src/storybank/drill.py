"""The timed drill, without a screen: which question comes next, which story and probe to use,
how a timer reading compares with the interview's windows, and whether a typed answer is so close
to the stored text that it would sound recited.

Pure functions over plain data; the recital check is imported only when a typed answer is checked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from storybank.practice import PracticeRecord

# The one word counter; the drill screen reads both through this module.
from storybank.words import count_words, spoken_seconds  # noqa: F401

# The answer zones and their words (storybank.zones); the screens read them through this module.
from storybank.zones import Zone as Zone
from storybank.zones import running_text as zone_text  # noqa: F401
from storybank.zones import zone as zone

if TYPE_CHECKING:  # pragma: no cover
    from storybank.settings import Settings


# --- which question next ------------------------------------------------------------------------

def default_story(question_id: str, assigned: Mapping[str, str | None],
                  mapped: Mapping[str, Sequence[str]]) -> str | None:
    """The story to tell by default: the assigned one, else the first story mapped to the type."""
    story = assigned.get(question_id)
    if story:
        return story
    stories = mapped.get(question_id) or ()
    return stories[0] if stories else None


def pick_probe(probes: Sequence[str], records: Iterable[PracticeRecord], story: str | None) -> str | None:
    """The follow-up probe this story has been asked least often (catalog order breaks ties)."""
    if not probes:
        return None
    asked: dict[str, int] = {}
    for record in records:
        if record.probe and (story is None or record.story == story):
            asked[record.probe] = asked.get(record.probe, 0) + 1
    return min(probes, key=lambda p: (asked.get(p, 0), probes.index(p)))


# --- timing ---------------------------------------------------------------------------------------

# --- one round: question → answer → follow-up → cue card --------------------------------------------

class Phase(Enum):
    """Where a round stands. A screen shows, times and offers keys by phase."""

    LOADING = "loading"    # the bank is not read yet: no round
    INTRO = "intro"        # a mock interview is planned and explained, not begun: no round yet
    CHOOSE = "choose"      # the question is asked; pick the story to tell
    ANSWER = "answer"      # answering, against the answer window
    FOLLOWUP = "followup"  # answering the probe, against the follow-up window
    CARD = "card"          # done: the cue card and the results (a mock interview's report card)

    @property
    def timed(self) -> bool:
        return self in (Phase.ANSWER, Phase.FOLLOWUP)


@dataclass
class Round:
    """One question of a drill (or of a mock interview), as plain data.

    The screen asks the question (CHOOSE), starts the answer (`start`), and calls `finish` with the
    timer reading and any typed text at the end of each timed phase: ANSWER → FOLLOWUP → CARD.
    """

    question: str
    story: str | None = None
    probe: str | None = None
    probe_prompt: str = ""
    phase: Phase = Phase.CHOOSE
    answer_seconds: float | None = None     # the timer's reading at the end of each phase
    followup_seconds: float | None = None
    answer_typed: str = ""                   # what the user typed instead of speaking, if anything
    followup_typed: str = ""
    session: str | None = None               # the mock interview this round belongs to, if any

    def start(self, story: str | None) -> None:
        """The story is chosen: the answer begins."""
        self.story = story
        self.phase = Phase.ANSWER

    def ask(self, probe: str | None, prompt: str) -> None:
        """The follow-up probe to ask after the answer."""
        self.probe, self.probe_prompt = probe, prompt

    def finish(self, seconds: float, typed: str = "") -> Phase:
        """End the running phase with its timer reading and typed text; returns the next phase."""
        if self.phase is Phase.ANSWER:
            self.answer_seconds, self.answer_typed = seconds, typed
            self.phase = Phase.FOLLOWUP
        elif self.phase is Phase.FOLLOWUP:
            self.followup_seconds, self.followup_typed = seconds, typed
            self.phase = Phase.CARD
        return self.phase

    @property
    def typed(self) -> bool:
        """Whether any answer of this round was typed rather than spoken."""
        return bool(self.answer_typed.strip() or self.followup_typed.strip())

    def typed_words(self) -> int | None:
        if not self.typed:
            return None
        return count_words(self.answer_typed) + count_words(self.followup_typed)

    def seconds_aloud(self, phase: Phase, rate_wpm: float) -> float:
        """Seconds the answer to `phase` (ANSWER or FOLLOWUP) takes out loud: the timer, or for a
        typed answer, its words at the speaking rate."""
        typed, seconds = ((self.answer_typed, self.answer_seconds) if phase is Phase.ANSWER
                          else (self.followup_typed, self.followup_seconds))
        if typed.strip():
            return spoken_seconds(typed, rate_wpm)
        return seconds or 0.0

    @staticmethod
    def window(phase: Phase, settings: Settings) -> tuple[tuple[float, float], float | None]:
        """The time window for answering in `phase`, and the hard limit if it has one."""
        if phase is Phase.ANSWER:
            return settings.answer_seconds, settings.answer_limit_seconds
        return settings.followup_seconds, None

    def zone(self, phase: Phase, seconds: float, settings: Settings) -> Zone:
        window, limit = self.window(phase, settings)
        return zone(seconds, window, limit)

    def record(self, ts: float, rate_wpm: float) -> PracticeRecord:
        """The practice-log line for this round. A follow-up never finished (a mock interview
        stopped during it) has no seconds."""
        followup = (None if self.followup_seconds is None and not self.followup_typed.strip()
                    else round(self.seconds_aloud(Phase.FOLLOWUP, rate_wpm), 1))
        return PracticeRecord(
            ts=ts, question=self.question, story=self.story, probe=self.probe,
            answer_seconds=round(self.seconds_aloud(Phase.ANSWER, rate_wpm), 1),
            followup_seconds=followup, typed_words=self.typed_words(), session=self.session)

# --- does it sound memorised? -----------------------------------------------------------------------

@dataclass(frozen=True)
class MemorisationCheck:
    similarity: float      # 0..1: the share of the typed answer in long verbatim runs of the story
    memorised: bool
    compared: bool         # False when the typed answer was too short to judge

    def message(self) -> str:
        if not self.compared:
            return ""
        percent = round(self.similarity * 100)
        if self.memorised:
            return (f"{percent}% of this repeats your stored story word for word: it would sound "
                    "recited. Keep the numbers and the order; say the rest in fresh words.")
        return f"{percent}% word for word from your stored story: sounds like you, not a script."


def check_memorised(typed: str, stored: str) -> MemorisationCheck:
    """Whether a typed answer recites the stored story: the one recital verdict of
    `storybank.answers.recital`, which `rehearse` and the mock interview give too."""
    from storybank.answers.recital import recital

    verdict = recital(typed, stored)
    return MemorisationCheck(verdict.share, verdict.recited, verdict.compared)
