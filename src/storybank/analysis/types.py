"""What the analysis produces: findings, scores, reports, follow-up prompts, coverage, matches.

Plain dataclasses with `to_json()` in the shapes of README "The JSON"; no presentation here.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any, Literal


class Severity(StrEnum):
    """How much a finding matters (README "The JSON"). The values are the strings of the JSON output."""

    ERROR = "error"      # the story is not ready: something the interviewer will notice at once
    WARNING = "warning"  # it will cost the answer; fix before the interview
    INFO = "info"        # worth a look; does not block readiness


class Category(StrEnum):
    """Which part of the interview's judgement a finding is about (README "The JSON")."""

    STRUCTURE = "structure"
    SPECIFICITY = "specificity"
    OWNERSHIP = "ownership"
    TECHNICAL_DEPTH = "technical_depth"
    COMPRESSION = "compression"
    DEPTH_LAYERS = "depth_layers"
    PITFALL = "pitfall"


SEVERITY_RANK: dict[str, int] = {Severity.ERROR: 2, Severity.WARNING: 1, Severity.INFO: 0}   # the one ranking
# The four dimensions the interview scores, listed once: id -> (label, short column head).
DIMENSION_WORDS = {
    "specificity": ("Specificity", "specificity"),
    "ownership": ("Ownership", "ownership"),
    "technical_depth": ("Technical depth", "depth"),
    "compression": ("Compression", "compression"),
}
DIMENSIONS = tuple(DIMENSION_WORDS)
Readiness = Literal["clean", "warnings", "errors"]
CoverageStatus = Literal["strong", "weak", "missing"]
MatchKind = Literal["question", "probe"]


@dataclass(frozen=True)
class Finding:
    code: str
    name: str
    category: str
    severity: Severity
    field: str
    message: str
    value: float | int | str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "category": self.category,
                "severity": self.severity, "field": self.field, "message": self.message,
                "value": self.value}


@dataclass(frozen=True)
class Score:
    name: str
    value: int  # 0-100
    reasons: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "reasons": list(self.reasons)}


@dataclass
class StoryReport:
    story_id: str
    findings: list[Finding]
    scores: dict[str, Score]
    answer_seconds: float
    followup_seconds: dict[str, float]          # probe id -> seconds (0 when not prepared)
    part_seconds: dict[str, float]              # situation/action/outcome/reflection -> seconds
    words: int = 0

    @property
    def readiness(self) -> Readiness:
        severities = {f.severity for f in self.findings}
        if "error" in severities:
            return "errors"
        if "warning" in severities:
            return "warnings"
        return "clean"

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            out[f.severity] += 1
        return out

    def score_values(self) -> dict[str, int]:
        return {name: s.value for name, s in self.scores.items()}

    def overall(self) -> float:
        return sum(s.value for s in self.scores.values()) / max(1, len(self.scores))


@dataclass(frozen=True)
class FollowupPrompt:
    probe: str            # a probe id, or "type:<question id>" for a type-specific follow-up
    prompt: str
    prepared: bool
    seconds: float | None

    def to_json(self) -> dict[str, Any]:
        return {"probe": self.probe, "prompt": self.prompt, "prepared": self.prepared,
                "seconds": None if self.seconds is None else round(self.seconds, 1)}


@dataclass
class TypeCoverage:
    id: str
    question: str
    label: str
    status: CoverageStatus
    stories: list[str] = field(default_factory=list)
    assigned: str | None = None
    best: str | None = None       # the best mapped story, which may be assigned to another type

    @property
    def answer(self) -> str | None:
        """The story to tell: the assigned one, else the best mapped story (it answers another
        type too); None only when no story is mapped (status "missing")."""
        return self.assigned or self.best

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "question": self.question, "status": self.status,
                "stories": list(self.stories), "assigned": self.assigned}


@dataclass
class Coverage:
    question_types: list[TypeCoverage]
    overused: list[str] = field(default_factory=list)               # stories mapped to too many types
    near_duplicates: list[tuple[str, str, float]] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return all(t.status != "missing" for t in self.question_types)

    def assignment(self) -> dict[str, str | None]:
        return {t.id: t.assigned for t in self.question_types}

    def answers(self) -> dict[str, str | None]:
        """Question type -> the story to tell for it (`TypeCoverage.answer`): what the cheat sheet shows."""
        return {t.id: t.answer for t in self.question_types}


class _Scored:
    """A match result as JSON: its fields in order, the 0–100 score to one decimal."""

    score: float

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "score": round(self.score, 1)}  # type: ignore[call-overload]


@dataclass(frozen=True)
class MatchCandidate(_Scored):
    kind: MatchKind
    id: str
    score: float


@dataclass(frozen=True)
class RankedStory(_Scored):
    id: str
    title: str
    score: float
