"""What to practise today: a spaced schedule over question types and stories, read from the
practice log. Pure functions over plain data with the date passed in, so the same log and the
same day always give the same schedule (no clock is read here, no Textual, no I/O).

The rules, in full:

- **A drill is good** when a story was told and the answer landed between the bottom of the
  answer window and the hard limit (60–90 s by default). It is **bad** when it was answered
  without a story, stopped short of the window, or ran past the hard limit. A drill with no
  answer time (skipped) teaches the schedule nothing and is ignored.
- **Question types** move up a ladder of intervals, 1, 2, 4, 8, 16, 32, then 60 days at most:
  a good drill on or after the day the type was due climbs one rung; a good drill before it was
  due keeps the rung (cramming does not earn a longer gap); a bad drill drops back to the first
  rung, so the type is due again the next day. The type is due once its due day has come.
  A type never drilled is due today.
- **The order of what is due**: types with no story in the bank first (the gap you most need to
  face), then types never drilled, then those whose last drill went badly, then the most overdue;
  the catalog's order breaks ties. Types not due follow, soonest first.
- **Stories rest**: a story told `REST_USES` (5) times within `REST_DAYS` (7) days is worn for
  now (a story told that often starts to sound recited). It rests until the oldest of those
  tellings is a week old. A rested story is not offered while another story mapped to the
  question can answer it; if every candidate is resting, the one free soonest is used.

Days are calendar days in the time zone passed in: UTC by default (tests), the machine's local zone
when the caller passes None (the command line and the UI), so a drill at 11 pm counts for that day.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo

from storybank.practice import PracticeRecord
from storybank.settings import DEFAULT, Settings

LADDER = (1, 2, 4, 8, 16, 32, 60)   # days between drills of a type, one rung per good drill
REST_USES = 5                        # tellings within REST_DAYS that wear a story out ...
REST_DAYS = 7                        # ... for this many days after the oldest of them


def day_of(ts: float, tz: tzinfo | None = UTC) -> date:
    """The calendar day of `ts` in `tz` (None: the machine's local zone, daylight saving included)."""
    return datetime.fromtimestamp(ts, tz).date()


def verdict(record: PracticeRecord, settings: Settings = DEFAULT) -> str | None:
    """"good", "bad", or None when the drill has no answer time to judge (the window and the
    hard limit are the bank's `answer_seconds` and `answer_limit_seconds`)."""
    seconds = record.answer_seconds
    if seconds is None:
        return None
    if record.story is None or seconds < settings.answer_seconds[0] or seconds > settings.answer_limit_seconds:
        return "bad"
    return "good"


@dataclass(frozen=True)
class TypeSchedule:
    id: str
    drills: int = 0
    last: float | None = None          # time of the latest drill
    rung: int = -1                     # index into LADDER; -1 never drilled well
    due_on: date | None = None         # None: never drilled, due now
    last_verdict: str | None = None
    uncovered: bool = False            # no story in the bank answers this type

    @property
    def interval_days(self) -> int:
        return LADDER[self.rung] if self.rung >= 0 else 0

    def is_due(self, today: date) -> bool:
        return self.due_on is None or self.due_on <= today


@dataclass(frozen=True)
class StorySchedule:
    id: str
    drills: int = 0
    last: float | None = None
    recent_uses: int = 0               # tellings in the last REST_DAYS days
    rested_until: date | None = None   # resting until (and not on) this day

    def is_rested(self, today: date) -> bool:
        return self.rested_until is not None and today < self.rested_until


@dataclass
class Schedule:
    today: date
    types: dict[str, TypeSchedule] = field(default_factory=dict)     # in catalog order
    stories: dict[str, StorySchedule] = field(default_factory=dict)  # in id order

    def due(self) -> list[str]:
        """Question types due today, most pressing first (see the module's rules)."""
        return [t for t in self.order() if self.types[t].is_due(self.today)]

    def order(self) -> list[str]:
        """Every question type, due ones first (most pressing first), then the soonest due."""
        index = {qid: i for i, qid in enumerate(self.types)}
        today = self.today

        def key(qid: str) -> tuple[int, bool, bool, bool, int, int]:
            t = self.types[qid]
            if t.due_on is None or t.is_due(today):  # (is_due holds when due_on is None)
                overdue = (today - t.due_on).days if t.due_on else 0
                return (0, not t.uncovered, t.drills > 0, t.last_verdict != "bad", -overdue, index[qid])
            return (1, False, True, True, (t.due_on - today).days, index[qid])

        return sorted(self.types, key=key)

    def next_due(self, qid: str) -> date:
        t = self.types.get(qid)
        if t is None or t.due_on is None or t.due_on < self.today:
            return self.today
        return t.due_on

    def rested(self) -> list[str]:
        return [sid for sid, s in self.stories.items() if s.is_rested(self.today)]

    def pick_story(self, candidates: Sequence[str]) -> str | None:
        """The first candidate (in the caller's order of preference) that is not resting; when
        all are resting, the one free soonest (then the caller's order)."""
        if not candidates:
            return None
        for sid in candidates:
            s = self.stories.get(sid)
            if s is None or not s.is_rested(self.today):
                return sid
        return min(candidates, key=lambda sid: (self.stories[sid].rested_until, candidates.index(sid)))


def build(
    records: Iterable[PracticeRecord],
    question_ids: Sequence[str],
    today: date,
    *,
    tz: tzinfo | None = UTC,
    uncovered: Collection[str] = (),
    story_ids: Iterable[str] = (),
    settings: Settings = DEFAULT,
) -> Schedule:
    """The schedule on `today` from every drill up to the end of that day (later ones, from a
    clock that was wrong, are left out so the result depends on the date alone). `uncovered`:
    the types no story is mapped to (`bank.types_without_story`), which lead what is due.
    The one way every caller builds it: the progress command and screen, the bank screen's due
    count, the drill, the mock interview and the cheat sheet's due marks."""
    uncovered = frozenset(uncovered)
    by_type: dict[str, list[PracticeRecord]] = {qid: [] for qid in question_ids}
    by_story: dict[str, list[PracticeRecord]] = {sid: [] for sid in story_ids}
    ordered = sorted(records, key=lambda r: (r.ts, r.question, r.story or ""))
    for record in ordered:
        if day_of(record.ts, tz) > today:
            continue
        if record.question in by_type:
            by_type[record.question].append(record)
        if record.story:
            by_story.setdefault(record.story, []).append(record)

    schedule = Schedule(today)
    for qid in question_ids:
        schedule.types[qid] = _type_schedule(qid, by_type[qid], tz, settings, qid in uncovered)
    for sid in sorted(by_story):
        schedule.stories[sid] = _story_schedule(sid, by_story[sid], today, tz)
    return schedule


def _type_schedule(qid: str, drills: list[PracticeRecord], tz: tzinfo | None,
                   settings: Settings, uncovered: bool) -> TypeSchedule:
    rung = -1
    due_on: date | None = None
    last_verdict = None
    for record in drills:
        kind = verdict(record, settings)
        if kind is None:
            continue
        day = day_of(record.ts, tz)
        if kind == "bad":
            rung = 0
        elif due_on is None or day >= due_on:
            rung = min(rung + 1, len(LADDER) - 1)
        else:
            rung = max(rung, 0)  # early: keep the rung, start its interval again from today
        due_on = day + timedelta(days=LADDER[rung])
        last_verdict = kind
    return TypeSchedule(qid, len(drills), drills[-1].ts if drills else None, rung, due_on,
                        last_verdict, uncovered)


def _story_schedule(sid: str, drills: list[PracticeRecord], today: date, tz: tzinfo | None) -> StorySchedule:
    start = today - timedelta(days=REST_DAYS - 1)  # the last REST_DAYS days, today included
    recent = [day_of(r.ts, tz) for r in drills if day_of(r.ts, tz) >= start]
    rested_until = None
    if len(recent) >= REST_USES:
        # Free again when fewer than REST_USES tellings remain in the window: the day the
        # (len - REST_USES + 1)-th oldest recent telling turns REST_DAYS old.
        oldest_that_counts = recent[len(recent) - REST_USES]
        rested_until = oldest_that_counts + timedelta(days=REST_DAYS)
    return StorySchedule(sid, len(drills), drills[-1].ts if drills else None, len(recent), rested_until)


def today_in(now: float, tz: tzinfo | None = None) -> date:
    """The calendar day of `now` in `tz` (the local zone when None)."""
    return day_of(now, tz)
