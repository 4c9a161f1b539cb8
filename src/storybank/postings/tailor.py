"""The mock interview and the cheat sheet, tailored to one saved posting (`--posting NAME`).

**Mock interview.** Each requirement leans toward a question type ("on-call" toward failure,
"stakeholders" toward disagreement: `question_hints` in data/postings.toml). The question types
the posting's gaps lean toward weigh more in the draw: +2 for each missing requirement, +1 for
each one only possibly shown, at most +4 a type; the motivation question +2 unless the motivation
story is already tied to the posting. For each type, the stories that show the posting's
requirements are suggested first. After an answer, the follow-up is the technical probe on a
skill the posting names and the story told shows ("Walk me through what was happening
technically with Kafka"), each skill once a session, before the usual choice of probe.

**Cheat sheet.** Each question type's story is, among the stories mapped to it, the one that
shows most of the posting's requirements (a story already on the sheet for another type is not
taken twice); the types whose story shows requirements lead the sheet, each with what it shows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from storybank.postings.report import PostingReport

if TYPE_CHECKING:
    from storybank.postings.extract import Extracted

MAX_BOOST = 4.0
SKILL_PROBE = "technical"


@dataclass(frozen=True)
class SkillProbe:
    """The technical probe on one skill the posting names, worded around that skill."""

    skill: str
    probe: ClassVar[str] = SKILL_PROBE

    @property
    def prompt(self) -> str:
        return (f"The role asks for {self.skill}. Walk me through what was happening technically "
                f"with {self.skill} in that story.")


@dataclass(frozen=True)
class InterviewFocus:
    """What a mock interview tailored to a posting changes: weights, stories, probes."""

    name: str
    title: str | None
    boost: Mapping[str, float] = field(default_factory=dict)             # question type -> extra weight
    prefer: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # story -> requirements it shows
    skills: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # story -> named skills it shows
    gaps: int = 0

    def candidates(self, candidates: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
        """The stories for each question type, those showing the posting's requirements first
        (most first), the others in their order."""
        out: dict[str, list[str]] = {}
        for qid, stories in candidates.items():
            order = {sid: n for n, sid in enumerate(stories)}
            out[qid] = sorted(stories, key=lambda sid: (-len(self.prefer.get(sid, ())), order[sid]))
        return out

    def skill_probe(self, story: str | None, asked: Sequence[str] = ()) -> SkillProbe | None:
        """The technical probe on a skill the posting names and `story` shows, not yet asked."""
        if story is None:
            return None
        for skill in self.skills.get(story, ()):
            if skill not in asked:
                return SkillProbe(skill)
        return None

    @property
    def note(self) -> str:
        what = self.title or self.name
        if self.gaps:
            return (f"Tailored to {what}: the questions lean toward its {self.gaps} requirement"
                    f"{'' if self.gaps == 1 else 's'} your stories do not show yet, and follow-ups ask "
                    "about the skills it names.")
        return f"Tailored to {what}: follow-ups ask about the skills it names."


def interview_focus(report: PostingReport, extracted: Extracted | None = None) -> InterviewFocus:
    boost: dict[str, float] = {}
    prefer: dict[str, list[str]] = {}
    skills: dict[str, list[str]] = {}
    named = _named_skills(report, extracted)
    for r in report.requirements:
        if r.question and r.verdict != "shown":
            boost[r.question] = min(MAX_BOOST, boost.get(r.question, 0.0) + (2.0 if r.verdict == "missing" else 1.0))
        for e in r.evidence:
            if r.verdict == "shown" or e.confirmed:
                prefer.setdefault(e.story, []).append(r.text)
            for skill in named.get(r.number, ()):
                if skill not in skills.setdefault(e.story, []):
                    skills[e.story].append(skill)
    if report.motivation is None or report.motivation.verdict != "tied":
        boost["motivation"] = min(MAX_BOOST, boost.get("motivation", 0.0) + 2.0)
    return InterviewFocus(report.name or "", report.title, boost,
                          {k: tuple(v) for k, v in prefer.items()},
                          {k: tuple(v) for k, v in skills.items()},
                          sum(1 for r in report.requirements if r.verdict != "shown"))


def _named_skills(report: PostingReport, extracted: Extracted | None) -> dict[int, tuple[str, ...]]:
    """Requirement number -> the names it asks for ("Kafka", "Trados Studio")."""
    out: dict[int, tuple[str, ...]] = {}
    if extracted is not None and len(extracted.items) == len(report.requirements):
        for r, item in zip(report.requirements, extracted.items, strict=True):
            names = tuple(part for u in item.units if u.name for part in u.label.split(" / ")[:1])
            if names:
                out[r.number] = names
        return out
    from storybank.postings.terms import is_name

    for r in report.requirements:
        names = tuple(t for t in r.terms if all(is_name(w, False) for w in t.split()))
        if names:
            out[r.number] = names
    return out


# --- the cheat sheet ------------------------------------------------------------------------------

@dataclass(frozen=True)
class SheetChoice:
    """The assignment a posting asks for, and what each assigned story shows of it."""

    assignment: dict[str, str | None]
    shows: dict[str, tuple[str, ...]]       # story -> requirement texts it shows


def sheet_choice(report: PostingReport, assignment: Mapping[str, str | None],
                 mapped: Mapping[str, Sequence[str]]) -> SheetChoice:
    """`assignment`: coverage's best story per question type; `mapped`: every story mapped to
    each type. A type takes, among its stories, the one showing most of the posting (a story
    on the sheet for another type is not taken twice)."""
    shows: dict[str, list[str]] = {}
    for r in report.requirements:
        if r.verdict == "shown":
            for e in r.evidence:
                shows.setdefault(e.story, []).append(r.text)
    chosen = dict(assignment)
    taken = {sid for sid in chosen.values() if sid}
    # The types whose best story for the posting differs, most telling first.
    for qid, stories in sorted(mapped.items(), key=lambda kv: -max((len(shows.get(s, ())) for s in kv[1]), default=0)):
        current = chosen.get(qid)
        best = max(stories, key=lambda sid: (len(shows.get(sid, ())), sid == current), default=None)
        if best is None or best == current or not shows.get(best) or best in taken:
            continue
        if current is not None and len(shows.get(current, ())) >= len(shows[best]):
            continue
        if current is not None:
            taken.discard(current)
        taken.add(best)
        chosen[qid] = best
    return SheetChoice(chosen, {sid: tuple(v) for sid, v in shows.items()})
