"""The spoken report as typed records: what `rehearse` prints (README "The JSON" `rehearse` JSON), what the
drill and the mock interview show, and what the practice log keeps of a heard answer.

Delivery (time, pace, pauses, fillers, hedges, "I" and "we", numbers heard) is measured here in
`storybank.speech`; the content (cues, recital, the four scores, findings, the parts found, the
story recognised, the next probe, deeper or restarted) is the answer judge's report on the
transcript (`storybank.answers.report.AnswerReport`), which the spoken report holds as `judged`.

`to_json()` gives every documented field (README "The JSON"; and a few more), the judge's content
flat beside the delivery, as the `answer` JSON words it; `log_json()` what the practice log keeps;
`from_json()` reads either back, and the lines older versions wrote (a subset of the keys, the
recital as `memorised: {overlap, memorised}`), never failing on a missing or odd field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from storybank.answers.report import AnswerReport, Recital
from storybank.lenient import (
    as_dict,
    as_int,
    as_list,
    as_number,
    as_text,
    as_texts,
    text_or_none,
)
from storybank.zones import Zone, zone_of

Pace = Literal["slow", "window", "fast"]
# What the practice line already says of itself, or what is worked out again when shown.
_NOT_LOGGED = ("story", "question", "probe", "audio", "engine", "advice")
# The judge's content in the `rehearse` JSON, in its documented order: the key there -> the key
# of the same value in the `answer` JSON (README "The JSON"); "memorised" is the recital again,
# in the shape older versions wrote.
_JUDGED_KEYS = {"cues": "cues", "memorised": "memorised", "recital": "recital",
                "scores": "scores", "findings": "findings", "told": "story", "parts": "parts",
                "next_probe": "next_probe", "followup": "followup"}
# The keys whose value is one record (a JSON object) when the judge gave it.
_JUDGED_RECORDS = ("cues", "told", "parts", "next_probe", "followup")


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
    """One heard answer: its delivery measured here, its content the answer judge's report on the
    transcript (`judged`; None on a practice line too old to hold any of it)."""

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
    judged: AnswerReport | None = None
    # Who said what: the question asked, the recording, the recogniser.
    question: str | None = None
    audio: str | None = None
    engine: Engine | None = None
    advice: tuple[str, ...] = ()

    @property
    def story(self) -> str | None:
        """The id of the story told (named by the speaker, or recognised by the judge)."""
        told = self.judged.story if self.judged is not None else None
        return told.id if told is not None else None

    @property
    def probe(self) -> str | None:
        """The probe this answers when it is a follow-up answer (the judge's, which judged it so)."""
        return self.judged.probe if self.judged is not None else None

    @property
    def recited(self) -> bool:
        recital = self.judged.recital if self.judged is not None else None
        return recital is not None and recital.recited

    def to_json(self) -> dict[str, Any]:
        """The `rehearse` JSON (README "The JSON"), with the added fields after the documented ones."""
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
            **_judged_json(self.judged),
            "advice": list(self.advice),
        }

    def log_json(self) -> dict[str, Any]:
        """What the practice log keeps of it (the line itself names the story, question and
        probe; the advice is worked out again when shown)."""
        return {k: v for k, v in self.to_json().items() if k not in _NOT_LOGGED}

    @classmethod
    def from_json(cls, data: object) -> SpokenReport:
        d = as_dict(data)
        engine = as_dict(d.get("engine"))
        pace = d.get("pace")
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
            pauses=tuple(Pause.from_json(p) for p in as_list(d.get("pauses")) if isinstance(p, dict)),
            longest_pause_seconds=as_number(d.get("longest_pause_seconds")),
            numbers=as_texts(d.get("numbers")),
            first_person=FirstPerson.from_json(d.get("first_person")),
            judged=_judged_from_json(d),
            question=text_or_none(d.get("question")), audio=text_or_none(d.get("audio")),
            engine=Engine(as_text(engine.get("name")), as_text(engine.get("model")))
            if engine else None,
            advice=as_texts(d.get("advice")),
        )


def judged_of(report: SpokenReport | None) -> AnswerReport | None:
    """The judge's report a spoken report holds (None without either)."""
    return report.judged if report is not None else None


def _judged_json(judged: AnswerReport | None) -> dict[str, Any]:
    """The judge's content in the flat shape of the `rehearse` JSON: the `answer` JSON's values
    under their `rehearse` names, and the recital also in the older `memorised` shape."""
    answer = judged.to_json() if judged is not None else {"scores": {}, "findings": []}
    out = {ours: answer.get(theirs) for ours, theirs in _JUDGED_KEYS.items()}
    recital = (judged.recital if judged is not None else None) or Recital(compared=False)
    out["memorised"] = {"overlap": round(recital.share, 2), "memorised": recital.recited}
    out["recital"] = recital.to_json()
    return out


def _judged_from_json(d: Mapping[str, Any]) -> AnswerReport | None:
    """The judge's content of a `rehearse` JSON or a practice line, read back by the `answer`
    JSON's own reader; None when the line holds none of it. What the flat shape leaves out (the
    question matched, the score reasons, the probes lacking and worded) stays empty."""
    recital = d.get("recital") if isinstance(d.get("recital"), dict) else d.get("memorised")
    if not _holds_judgement(d, recital):
        return None
    answer = {theirs: d.get(ours) for ours, theirs in _JUDGED_KEYS.items()}
    return AnswerReport.from_json({**answer, "recital": recital, "text": d.get("transcript"),
                                   "probe": d.get("probe")})


def _holds_judgement(d: Mapping[str, Any], recital: object) -> bool:
    """Whether a line holds any of the judge's content. A fresh report always has its parts; an
    older line may hold only some of the rest. A recital not compared says nothing."""
    return (any(isinstance(d.get(key), dict) for key in _JUDGED_RECORDS)
            or bool(as_dict(d.get("scores"))) or bool(d.get("findings"))
            or (isinstance(recital, dict) and Recital.from_json(recital).compared))
