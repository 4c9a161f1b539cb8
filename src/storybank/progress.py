"""Practice over time, from the practice log: per question type and per story, the series the
progress charts draw, and what is due today (from `storybank.scheduler`).

`progress_data` returns a typed `Progress`, whose `to_json()` is the `progress` JSON of README "The
JSON", with a few added fields (`next_due`, `interval_days`, `followup_seconds`, `rested`, ...). Series are in time order, one value per drill
that has one; spoken figures come from the optional `spoken` dict a recorded answer carries.
No Textual, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, tzinfo
from typing import TYPE_CHECKING, Any

from storybank import scheduler
from storybank.practice import PracticeLog, PracticeRecord, format_ts
from storybank.settings import DEFAULT

if TYPE_CHECKING:
    from pathlib import Path


def spoken_figure(record: PracticeRecord, name: str) -> float | None:
    """A figure of a recorded answer's spoken report: `wpm` or `fillers_per_minute`; None when
    the answer was not heard. A follow-up rehearsed on its own counts with its figures."""
    spoken = record.spoken or record.followup_spoken
    if spoken is None:
        return None
    if name == "wpm":
        return spoken.wpm or None
    if name == "fillers_per_minute":
        return spoken.fillers.per_minute
    return None


def _series(values: Iterable[float | None]) -> tuple[float, ...]:
    return tuple(round(v, 1) for v in values if v is not None)


@dataclass(frozen=True)
class TypeProgress:
    """One question type's practice: its drills, when it is due, its series for the charts."""

    id: str
    drills: int
    last: str | None               # the latest drill, ISO 8601 UTC
    due: bool
    next_due: str                  # ISO date
    interval_days: int
    last_verdict: str | None
    answer_seconds: tuple[float, ...]
    followup_seconds: tuple[float, ...]
    wpm: tuple[float, ...]
    fillers_per_minute: tuple[float, ...]

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "drills": self.drills, "last": self.last, "due": self.due,
                "next_due": self.next_due, "interval_days": self.interval_days,
                "last_verdict": self.last_verdict, "answer_seconds": list(self.answer_seconds),
                "followup_seconds": list(self.followup_seconds), "wpm": list(self.wpm),
                "fillers_per_minute": list(self.fillers_per_minute)}


@dataclass(frozen=True)
class StoryProgress:
    id: str
    drills: int
    last: str | None
    recent_uses: int               # tellings in the last week
    rested: bool
    rested_until: str | None       # ISO date, while resting

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "drills": self.drills, "last": self.last, "recent_uses": self.recent_uses,
                "rested": self.rested, "rested_until": self.rested_until}


@dataclass(frozen=True)
class SessionProgress:
    """One mock interview."""

    id: str
    ts: str
    questions: tuple[str, ...]
    answered: int
    complete: bool
    talk_seconds: float

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "ts": self.ts, "questions": list(self.questions), "answered": self.answered,
                "complete": self.complete, "talk_seconds": self.talk_seconds}


@dataclass(frozen=True)
class Progress:
    """Practice over time: the `progress` command's JSON (`to_json`) and the progress screen's data."""

    today: date
    question_types: tuple[TypeProgress, ...]
    stories: tuple[StoryProgress, ...]
    sessions: tuple[SessionProgress, ...]
    due: tuple[str, ...]           # question type ids due today, most pressing first
    notices: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"today": self.today.isoformat(),
                "question_types": [t.to_json() for t in self.question_types],
                "stories": [s.to_json() for s in self.stories],
                "sessions": [s.to_json() for s in self.sessions],
                "due": list(self.due), "notices": list(self.notices)}

    def soonest_due(self) -> str:
        """The earliest next-due date of any type (today's date when there is none)."""
        return min((t.next_due for t in self.question_types), default=self.today.isoformat())


def progress_data(log: PracticeLog, sched: scheduler.Schedule) -> Progress:
    """The progress view of `log` on the schedule built from it (`scheduler.build`, the one
    place that takes the date, time zone, uncovered types, stories and settings): its question
    types, in their order, and its day are the ones reported."""
    today = sched.today
    question_ids = list(sched.types)
    records = sorted(log.records, key=lambda r: r.ts)
    by_type: dict[str, list[PracticeRecord]] = {qid: [] for qid in question_ids}
    for r in records:
        by_type.setdefault(r.question, []).append(r)
    types = tuple(_type_progress(qid, by_type[qid], sched, today) for qid in question_ids)
    stories = tuple(
        StoryProgress(sid, s.drills, format_ts(s.last) if s.last is not None else None, s.recent_uses,
                      s.is_rested(today),
                      s.rested_until.isoformat() if s.rested_until is not None and s.is_rested(today) else None)
        for sid, s in sched.stories.items())
    sessions = tuple(SessionProgress(s.session, format_ts(s.ts), tuple(s.questions), s.answered, s.complete,
                                     s.talk_seconds)
                     for s in sorted(log.sessions, key=lambda s: s.ts))
    return Progress(today, types, stories, sessions, tuple(sched.due()), tuple(log.notices))


def _type_progress(qid: str, drills: list[PracticeRecord], sched: scheduler.Schedule, today: date) -> TypeProgress:
    t = sched.types[qid]
    return TypeProgress(
        id=qid, drills=len(drills), last=format_ts(drills[-1].ts) if drills else None, due=t.is_due(today),
        next_due=sched.next_due(qid).isoformat(), interval_days=t.interval_days, last_verdict=t.last_verdict,
        answer_seconds=_series(r.answer_seconds for r in drills),
        followup_seconds=_series(r.followup_seconds for r in drills),
        wpm=_series(spoken_figure(r, "wpm") for r in drills),
        fillers_per_minute=_series(spoken_figure(r, "fillers_per_minute") for r in drills))


def question_labels(catalog_path: Path | None = None,
                    platform: str = DEFAULT.platform) -> list[tuple[str, str]] | None:
    """The catalog's question ids and labels without validating the catalog (no pydantic), so a
    screen can draw before the bank and its catalog are loaded. None when they cannot be read
    this way; the full load then reports why.

    The built-in catalog (60 KB) is scanned for the `id` and `label` lines that open each
    `[[questions]]` table, which costs a fraction of parsing it whole (a test checks both agree);
    a catalog of the user's own is parsed whole."""
    import tomllib
    from importlib import resources

    try:
        if catalog_path is None:
            data = resources.files("storybank").joinpath("data/catalog.toml").read_bytes()
            quick = _scan_question_labels(data.decode("utf-8-sig"))
            if quick:
                return [(i, lb.replace("{platform}", platform)) for i, lb in quick]
        else:
            from storybank.atomic import read_regular

            data = read_regular(catalog_path)
        raw = tomllib.loads(data.decode("utf-8-sig"))
        out = [(q["id"], q.get("label") or q["id"]) for q in raw["questions"]]
    except (OSError, ValueError, KeyError, TypeError, AttributeError, tomllib.TOMLDecodeError):
        return None
    if not out or not all(isinstance(i, str) and isinstance(lb, str) for i, lb in out):
        return None
    return [(i, lb.replace("{platform}", platform)) for i, lb in out]


def _scan_question_labels(text: str) -> list[tuple[str, str]] | None:
    import tomllib

    out: list[tuple[str, str]] = []
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.strip() != "[[questions]]":
            continue
        found: dict[str, str] = {}
        for follow in lines[i + 1:]:
            stripped = follow.strip()
            if stripped.startswith("[") or '"""' in follow or "'''" in follow:
                break
            key = stripped.split("=", 1)[0].strip()
            if key in ("id", "label") and key not in found:
                value = tomllib.loads(stripped).get(key)
                if not isinstance(value, str):
                    return None
                found[key] = value
                if len(found) == 2:
                    break
        if "id" not in found:
            return None
        out.append((found["id"], found.get("label") or found["id"]))
    return out or None


def drills_per_day(records: Iterable[PracticeRecord], tz: tzinfo | None = UTC) -> dict[date, int]:
    out: dict[date, int] = {}
    for r in records:
        day = scheduler.day_of(r.ts, tz)
        out[day] = out.get(day, 0) + 1
    return out
