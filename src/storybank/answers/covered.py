"""What an answer covered, for choosing the probe that follows it (README "Judging an answer").

Four things an interviewer's probes dig for, each read from what was said:

- a lesson (the `differently` probe): a lesson, a change of practice or a second thought, from the
  cue phrases of `data/answers.toml` [covered].lesson;
- an alternative weighed (`alternatives`): an option set against the one taken ("instead of",
  "benchmarked A against B", "I ruled out"), from [covered].alternatives, or an option the
  analysis finds the answer turned down (`phrases.alternative_phrase`);
- a mechanism (`technical`): how it worked, from the analysis's own depth signals on the answer: a
  cause-and-effect link together with a named method or a mechanism term, or several mechanism
  terms. A question type that is not technical (motivation, schedule, rubric) needs none;
- the people (`collaborators`): someone else named, by role or by name, and "we" not standing in
  for who did what (more "we" than "I", at least WE_UNCLEAR times, reads as the team's work with
  the speaker's part unsaid).

Each is kept with the words that showed it, so a screen can say why a probe was or was not asked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from storybank.answers.data import answer_data, covered_cues

WE_UNCLEAR = 3          # "we" this often, and more often than "I", hides who did what
MECHANISM_TERMS = 3     # this many mechanism terms alone show how it worked

_WE = re.compile(r"\b(?:we|we're|we've|we'd|we'll|us|our)\b")
_I = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|me|my|myself)\b")


@dataclass(frozen=True)
class Covered:
    """What the answer said for each probe's ground; None where it said nothing."""

    lesson: str | None
    alternative: str | None
    mechanism: str | None
    people: str | None
    we: int
    i: int
    technical: bool          # whether the question type asks for a mechanism at all

    @property
    def we_unclear(self) -> bool:
        return self.we >= WE_UNCLEAR and self.we > self.i

    def lacking(self) -> list[str]:
        """The probes this answer gives reason to ask, in the order the interview's pattern
        lists them: differently, alternatives, technical, collaborators."""
        out = []
        if self.lesson is None:
            out.append("differently")
        if self.alternative is None:
            out.append("alternatives")
        if self.technical and self.mechanism is None:
            out.append("technical")
        if self.people is None or self.we_unclear:
            out.append("collaborators")
        return out

    def reason(self, probe: str) -> str:
        """Why `probe` follows this answer, in a sentence."""
        if probe == "differently":
            return "No lesson said: nothing on what you learned or would do differently."
        if probe == "alternatives":
            return "No alternative weighed: the answer never says what else you considered."
        if probe == "technical":
            return "No mechanism: the answer says what changed, not how it worked."
        if probe == "collaborators":
            if self.we_unclear:
                return (f"\"We\" {self.we} times and \"I\" {self.i}: the answer does not say who "
                        "did what.")
            return "Nobody else named: who was involved, and what did they think?"
        return ""


@lru_cache(maxsize=1)
def _person() -> re.Pattern[str]:
    """A person by name doing or saying something: "Sam argued", "Arjun built", "Priya said" (the
    verbs are `people_verbs` in data/answers.toml)."""
    verbs = "|".join(answer_data()["covered"]["people_verbs"])
    return re.compile(rf"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]{{2,}})(?:'s)?\s+(?:{verbs})\b", re.M)


def covered(text: str, *, mechanism: str | None, technical: bool,
            alternative: str | None = None) -> Covered:
    """What `text` covered. `mechanism` is what the analysis found of how it worked (None:
    nothing); `alternative` an option the analysis found turned down, if any."""
    from storybank.analysis.lexicon import normalise

    norm = normalise(text)
    lesson = covered_cues("lesson").search(norm)
    weighed = covered_cues("alternatives").search(norm) or alternative
    person = covered_cues("people").search(norm)
    if person is None:
        from storybank.cues import CALENDAR_WORDS

        named = next((m.group(1) for m in _person().finditer(text)
                      if m.group(1).lower() not in CALENDAR_WORDS), None)
        person = named
    return Covered(
        lesson=_clean(lesson), alternative=_clean(weighed), mechanism=mechanism,
        people=_clean(person), we=len(_WE.findall(norm)), i=len(_I.findall(norm)),
        technical=technical)


def _clean(found: str | None) -> str | None:
    return " ".join(found.split()) if found else None
