"""The judged answer as typed records: what crosses from the judge to the screens, the command
line (`storybank answer`, README "The JSON") and the practice log.

Every record has `to_json()` in the shape README "The JSON" documents and a `from_json()` that reads it back; reading
is lenient (a field missing from an older line takes its default), never a crash, because the
practice log keeps what older versions wrote.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from storybank.analysis.types import (
    DIMENSIONS,
    Finding,
    MatchCandidate,
    RankedStory,
    Score,
    Severity,
)
from storybank.lenient import as_dict, as_int, as_list, as_number, as_text, as_texts
from storybank.zones import Zone, zone_of

Verdict = Literal["deeper", "restarted"]


# --- reading JSON leniently ---------------------------------------------------------------------

def finding_from_json(data: object) -> Finding | None:
    d = as_dict(data)
    code = d.get("code")
    if not isinstance(code, str):
        return None
    try:
        severity = Severity(d.get("severity", "info"))
    except ValueError:
        severity = Severity.INFO
    value = d.get("value")
    return Finding(code, as_text(d.get("name")), as_text(d.get("category")), severity,
                   as_text(d.get("field")), as_text(d.get("message")),
                   value if isinstance(value, int | float | str) and not isinstance(value, bool)
                   else None)


def scores_from_json(data: object, reasons: object = None) -> dict[str, Score]:
    """Scores as the JSON gives them ({name: value}), with their reasons when stored."""
    values, why = as_dict(data), as_dict(reasons)
    out: dict[str, Score] = {}
    for name in DIMENSIONS:
        if name in values:
            out[name] = Score(name, as_int(values[name]), as_texts(why.get(name)))
    return out


# --- the parts ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Parts:
    """The four parts found in the answer, in the order they are told."""

    situation: str = ""
    action: str = ""
    outcome: str = ""
    reflection: str = ""

    def to_json(self) -> dict[str, str]:
        return {"situation": self.situation, "action": self.action, "outcome": self.outcome,
                "reflection": self.reflection}

    @classmethod
    def from_json(cls, data: object) -> Parts:
        d = as_dict(data)
        return cls(as_text(d.get("situation")), as_text(d.get("action")), as_text(d.get("outcome")),
                   as_text(d.get("reflection")))


# --- cues, recital --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Cues:
    """The story's cues the answer said and missed (storybank.speech.said)."""

    said: tuple[str, ...] = ()
    missed: tuple[str, ...] = ()
    share: float = 1.0

    def to_json(self) -> dict[str, Any]:
        return {"said": list(self.said), "missed": list(self.missed), "share": round(self.share, 2)}

    @classmethod
    def from_json(cls, data: object) -> Cues:
        d = as_dict(data)
        return cls(as_texts(d.get("said")), as_texts(d.get("missed")), as_number(d.get("share"), 1.0))


@dataclass(frozen=True)
class Recital:
    """How much of the answer recites the written story word for word (storybank.answers.recital):
    `share` of its words inside long verbatim runs, and the verdict against the one threshold.
    `compared` is False when the answer was too short to tell."""

    share: float = 0.0
    recited: bool = False
    compared: bool = True

    def to_json(self) -> dict[str, Any]:
        return {"share": round(self.share, 2), "recited": self.recited, "compared": self.compared}

    @classmethod
    def from_json(cls, data: object) -> Recital:
        d = as_dict(data)
        # The spoken report of older versions said {"overlap", "memorised"}.
        share = d.get("share", d.get("overlap"))
        recited = d.get("recited", d.get("memorised"))
        return cls(as_number(share), recited is True, d.get("compared", True) is not False)


# --- the next probe, the follow-up verdict --------------------------------------------------------

@dataclass(frozen=True)
class NextProbe:
    """The probe an interviewer would ask next, worded around the answer, and why."""

    id: str
    prompt: str
    reason: str

    def to_json(self) -> dict[str, str]:
        return {"id": self.id, "prompt": self.prompt, "reason": self.reason}

    @classmethod
    def from_json(cls, data: object) -> NextProbe | None:
        d = as_dict(data)
        pid = d.get("id")
        if not isinstance(pid, str) or not pid:
            return None
        return cls(pid, as_text(d.get("prompt")), as_text(d.get("reason")))


@dataclass(frozen=True)
class FollowupVerdict:
    """A follow-up answer judged against the first (storybank.answers.followup)."""

    verdict: Verdict
    new_facts: tuple[str, ...] = ()
    repeated_share: float = 0.0
    reopened: bool = False          # it opened by telling the situation again

    @property
    def restarted(self) -> bool:
        return self.verdict == "restarted"

    def to_json(self) -> dict[str, Any]:
        return {"verdict": self.verdict, "new_facts": list(self.new_facts),
                "repeated_share": round(self.repeated_share, 2), "reopened": self.reopened}

    @classmethod
    def from_json(cls, data: object) -> FollowupVerdict | None:
        d = as_dict(data)
        verdict = d.get("verdict")
        if verdict not in ("deeper", "restarted"):
            return None
        return cls("restarted" if verdict == "restarted" else "deeper", as_texts(d.get("new_facts")),
                   as_number(d.get("repeated_share")), d.get("reopened") is True)


# --- the whole judgement ----------------------------------------------------------------------------

@dataclass(frozen=True)
class AnswerReport:
    """One answer judged (the `answer` JSON of README "The JSON").

    `probe` is the probe this text answers when it is a follow-up answer (then `zone` is against
    the follow-up window and `followup` compares it with the first answer). `lacking` lists the
    probes the answer gave reason to ask, most telling first, each with its reason in `reasons`;
    `prompts` holds every probe worded around this answer and `layers` the recognised story's
    prepared follow-up layers in speaking seconds, so a caller that picks another probe (the
    mock interview varies them within a session) has all it needs (`probe.choose`)."""

    text: str
    parts: Parts
    words: int
    speaking_seconds: float
    zone: Zone
    scores: Mapping[str, Score]
    findings: tuple[Finding, ...]
    next_probe: NextProbe
    question: MatchCandidate | None = None
    story: RankedStory | None = None
    cues: Cues | None = None
    recital: Recital | None = None
    followup: FollowupVerdict | None = None
    probe: str | None = None
    lacking: tuple[str, ...] = ()
    reasons: Mapping[str, str] = field(default_factory=dict)
    prompts: Mapping[str, str] = field(default_factory=dict)
    layers: Mapping[str, float] = field(default_factory=dict)

    def score_values(self) -> dict[str, int]:
        return {name: s.value for name, s in self.scores.items()}

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question.to_json() if self.question else None,
            "story": self.story.to_json() if self.story else None,
            "probe": self.probe,
            "text": self.text,
            "parts": self.parts.to_json(),
            "words": self.words,
            "speaking_seconds": round(self.speaking_seconds, 1),
            "zone": self.zone,
            "scores": self.score_values(),
            "score_reasons": {name: list(s.reasons) for name, s in self.scores.items()},
            "findings": [f.to_json() for f in self.findings],
            "cues": self.cues.to_json() if self.cues else None,
            "recital": self.recital.to_json() if self.recital else None,
            "next_probe": self.next_probe.to_json(),
            "lacking": list(self.lacking),
            "reasons": dict(self.reasons),
            "prompts": dict(self.prompts),
            "layers": {k: round(v, 1) for k, v in self.layers.items()},
            "followup": self.followup.to_json() if self.followup else None,
        }

    @classmethod
    def from_json(cls, data: object) -> AnswerReport:
        d = as_dict(data)
        q, s = as_dict(d.get("question")), as_dict(d.get("story"))
        question = None
        if isinstance(q.get("id"), str):
            kind: Literal["question", "probe"] = "probe" if q.get("kind") == "probe" else "question"
            question = MatchCandidate(kind, q["id"], as_number(q.get("score")))
        story = None
        if isinstance(s.get("id"), str):
            story = RankedStory(s["id"], as_text(s.get("title")), as_number(s.get("score")))
        findings = tuple(f for f in map(finding_from_json, as_list(d.get("findings"))) if f)
        prompts = {k: v for k, v in as_dict(d.get("prompts")).items() if isinstance(v, str)}
        reasons = {k: v for k, v in as_dict(d.get("reasons")).items() if isinstance(v, str)}
        layers = {k: as_number(v) for k, v in as_dict(d.get("layers")).items()}
        probe = d.get("probe")
        return cls(
            text=as_text(d.get("text")),
            parts=Parts.from_json(d.get("parts")),
            words=as_int(d.get("words")),
            speaking_seconds=as_number(d.get("speaking_seconds")),
            zone=zone_of(d.get("zone")),
            scores=scores_from_json(d.get("scores"), d.get("score_reasons")),
            findings=findings,
            next_probe=NextProbe.from_json(d.get("next_probe")) or NextProbe("", "", ""),
            question=question,
            story=story,
            cues=Cues.from_json(d["cues"]) if isinstance(d.get("cues"), dict) else None,
            recital=Recital.from_json(d["recital"]) if isinstance(d.get("recital"), dict) else None,
            followup=FollowupVerdict.from_json(d.get("followup")),
            probe=probe if isinstance(probe, str) else None,
            lacking=as_texts(d.get("lacking")),
            reasons=reasons,
            prompts=prompts,
            layers=layers,
        )
