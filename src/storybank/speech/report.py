"""The spoken report as typed records: what `rehearse` prints (README "The JSON" `rehearse` JSON), what the
drill and the mock interview show, and what the practice log keeps of a heard answer.

Delivery (time, pace, pauses, fillers, hedges, "I" and "we", numbers heard) is measured here in
`storybank.speech`; the content (cues, recital, the four scores, findings, the parts found, the
story recognised, the next probe, deeper or restarted) is the answer judge's
(`storybank.answers`), on the transcript.

`to_json()` gives every documented field (README "The JSON"; and a few more); `log_json()` what the practice log keeps;
`from_json()` reads either back, and the lines older versions wrote (a subset of the keys, the
recital as `memorised: {overlap, memorised}`), never failing on a missing or odd field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from storybank.analysis.types import DIMENSIONS, Finding, RankedStory
from storybank.answers.report import (
    Cues,
    FollowupVerdict,
    NextProbe,
    Parts,
    Recital,
    finding_from_json,
)
from storybank.lenient import as_dict, as_int, as_number, as_text, as_texts, text_or_none
from storybank.zones import Zone, zone_of

Pace = Literal["slow", "window", "fast"]
# What the practice line already says of itself, or what is worked out again when shown.
_NOT_LOGGED = ("story", "question", "probe", "audio", "engine", "advice")


@dataclass(frozen=True)
class Fillers:
    count: int = 0
    per_minute: float = 0.0
    words: Mapping[str, int] = field(default_factory=dict)   # filler -> times said
    limit_per_minute: float | None = None

    @property
    def over(self) -> bool:
        return self.limit_per_minute is not None and self.per_minute > self.limit_per_minute

    def to_json(self) -> dict[str, Any]:
        return {"count": self.count, "per_minute": round(self.per_minute, 1),
                "words": dict(self.words), "limit_per_minute": self.limit_per_minute}

    @classmethod
    def from_json(cls, data: object) -> Fillers:
        d = as_dict(data)
        words = {k: as_int(v) for k, v in as_dict(d.get("words")).items() if isinstance(k, str)}
        limit = d.get("limit_per_minute")
        return cls(as_int(d.get("count")), as_number(d.get("per_minute")), words,
                   as_number(limit) if isinstance(limit, int | float) else None)


@dataclass(frozen=True)
class Pause:
    at: float               # seconds from the start of the recording
    seconds: float
    after_words: str = ""   # the last words before it, to find it in the transcript

    def to_json(self) -> dict[str, Any]:
        return {"at": round(self.at, 2), "seconds": round(self.seconds, 2),
                "after_words": self.after_words}

    @classmethod
    def from_json(cls, data: object) -> Pause:
        d = as_dict(data)
        return cls(as_number(d.get("at")), as_number(d.get("seconds")), as_text(d.get("after_words")))


@dataclass(frozen=True)
class FirstPerson:
    i: int = 0
    we: int = 0

    def to_json(self) -> dict[str, int]:
        return {"i": self.i, "we": self.we}

    @classmethod
    def from_json(cls, data: object) -> FirstPerson:
        d = as_dict(data)
        return cls(as_int(d.get("i")), as_int(d.get("we")))


@dataclass(frozen=True)
class Engine:
    name: str
    model: str

    def to_json(self) -> dict[str, str]:
        return {"name": self.name, "model": self.model}


@dataclass(frozen=True)
class SpokenReport:
    """One heard answer, measured and judged."""

    transcript: str
    words: int = 0
    speech_seconds: float = 0.0      # time with speech in it
    span_seconds: float = 0.0        # first word to last: what the interviewer waits through
    duration_seconds: float = 0.0    # the whole recording
    wpm: float = 0.0
    pace: Pace = "window"
    zone: Zone = Zone.SHORT
    fillers: Fillers = field(default_factory=Fillers)
    hedges: tuple[str, ...] = ()
    pauses: tuple[Pause, ...] = ()
    longest_pause_seconds: float = 0.0
    numbers: tuple[str, ...] = ()
    first_person: FirstPerson = field(default_factory=FirstPerson)
    cues: Cues | None = None
    recital: Recital | None = None
    scores: Mapping[str, int] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()
    # Who said what: the documented ids, the recording, the recogniser.
    story: str | None = None
    question: str | None = None
    probe: str | None = None
    audio: str | None = None
    engine: Engine | None = None
    # The answer judge's view of the transcript.
    told: RankedStory | None = None
    parts: Parts | None = None
    next_probe: NextProbe | None = None
    followup: FollowupVerdict | None = None
    advice: tuple[str, ...] = ()

    @property
    def recited(self) -> bool:
        return self.recital is not None and self.recital.recited

    def to_json(self) -> dict[str, Any]:
        """The `rehearse` JSON (README "The JSON"), with the added fields after the documented ones."""
        recital = self.recital or Recital(compared=False)
        return {
            "story": self.story, "question": self.question, "probe": self.probe,
            "audio": self.audio, "engine": self.engine.to_json() if self.engine else None,
            "transcript": self.transcript,
            "words": self.words,
            "speech_seconds": round(self.speech_seconds, 1),
            "span_seconds": round(self.span_seconds, 1),
            "duration_seconds": round(self.duration_seconds, 1),
            "wpm": round(self.wpm),
            "pace": self.pace,
            "zone": self.zone,
            "fillers": self.fillers.to_json(),
            "hedges": list(self.hedges),
            "pauses": [p.to_json() for p in self.pauses],
            "longest_pause_seconds": round(self.longest_pause_seconds, 1),
            "numbers": list(self.numbers),
            "first_person": self.first_person.to_json(),
            "cues": self.cues.to_json() if self.cues else None,
            "memorised": {"overlap": round(recital.share, 2), "memorised": recital.recited},
            "recital": recital.to_json(),
            "scores": dict(self.scores),
            "findings": [f.to_json() for f in self.findings],
            "told": self.told.to_json() if self.told else None,
            "parts": self.parts.to_json() if self.parts else None,
            "next_probe": self.next_probe.to_json() if self.next_probe else None,
            "followup": self.followup.to_json() if self.followup else None,
            "advice": list(self.advice),
        }

    def log_json(self) -> dict[str, Any]:
        """What the practice log keeps of it (the line itself names the story, question and
        probe; the advice is worked out again when shown)."""
        return {k: v for k, v in self.to_json().items() if k not in _NOT_LOGGED}

    @classmethod
    def from_json(cls, data: object) -> SpokenReport:
        d = as_dict(data)
        told = as_dict(d.get("told"))
        engine = as_dict(d.get("engine"))
        pace = d.get("pace")
        scores = {k: as_int(v) for k, v in as_dict(d.get("scores")).items() if k in DIMENSIONS}
        recital = d.get("recital") if isinstance(d.get("recital"), dict) else d.get("memorised")
        return cls(
            transcript=as_text(d.get("transcript")),
            words=as_int(d.get("words")),
            speech_seconds=as_number(d.get("speech_seconds")),
            span_seconds=as_number(d.get("span_seconds"), as_number(d.get("speech_seconds"))),
            duration_seconds=as_number(d.get("duration_seconds")),
            wpm=as_number(d.get("wpm")),
            pace=pace if pace in ("slow", "window", "fast") else "window",
            zone=zone_of(d.get("zone")),
            fillers=Fillers.from_json(d.get("fillers")),
            hedges=as_texts(d.get("hedges")),
            pauses=tuple(Pause.from_json(p) for p in d.get("pauses") or [] if isinstance(p, dict)),
            longest_pause_seconds=as_number(d.get("longest_pause_seconds")),
            numbers=as_texts(d.get("numbers")),
            first_person=FirstPerson.from_json(d.get("first_person")),
            cues=Cues.from_json(d["cues"]) if isinstance(d.get("cues"), dict) else None,
            recital=Recital.from_json(recital) if isinstance(recital, dict) else None,
            scores=scores,
            findings=tuple(f for f in map(finding_from_json, d.get("findings") or []) if f),
            story=text_or_none(d.get("story")), question=text_or_none(d.get("question")),
            probe=text_or_none(d.get("probe")), audio=text_or_none(d.get("audio")),
            engine=Engine(as_text(engine.get("name")), as_text(engine.get("model")))
            if engine else None,
            told=RankedStory(told["id"], as_text(told.get("title")), as_number(told.get("score")))
            if isinstance(told.get("id"), str) else None,
            parts=Parts.from_json(d["parts"]) if isinstance(d.get("parts"), dict) else None,
            next_probe=NextProbe.from_json(d.get("next_probe")),
            followup=FollowupVerdict.from_json(d.get("followup")),
            advice=as_texts(d.get("advice")),
        )
