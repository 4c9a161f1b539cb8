"""The mock interview, without a screen: which questions a session asks, which story each one
suggests, which probe follows an answer, and the report card at the end.

The real screening call is a 15-minute slot with 6–8 questions of different types, one follow-up
probe after each answer and about 10–11 minutes of the candidate's own talking. A session here is
planned the same way:

- **How many**: 6, 7 or 8 questions, drawn with the session's seed.
- **Which**: a weighted draw without replacement over the question types, each weighing
  1 + 2 if the bank has no story for it + 1 if its stories are weak + 2 if the schedule says it is
  due + 1/(1 + drills so far), so uncovered, weak, due and little-practised types come up more
  often, and any type can come up, as in the real call.
- **In what order**: the catalog's (background and projects first, logistics last), as the call
  runs; the same seed always gives the same session.
- **A thin bank**: when the bank answers fewer than six types, a real-paced session cannot be
  built. The plan says so and asks the types it has stories for, no more.
- **Which story**: the schedule's pick among the stories mapped to the type (assigned first),
  avoiding a story already suggested in this session and any story resting (see scheduler).
- **Which probe**: chosen only once the answer is given, for the story actually told: its
  thinnest prepared follow-up layer when that layer cannot carry the bottom of the follow-up
  window; otherwise the probe this story met longest ago (never met first). Without a story, the
  probe met longest ago overall. Ties go to the probe asked least so far in the session, so one
  session does not ask "what would you do differently?" seven times.

No Textual, no I/O; the clock and the seed come from the caller.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from storybank.drill import zone
from storybank.practice import PracticeRecord
from storybank.scheduler import Schedule

if TYPE_CHECKING:
    from storybank.analysis.types import StoryReport
    from storybank.settings import Settings

MIN_QUESTIONS = 6
MAX_QUESTIONS = 8
TALK_SHARE = (10 / 15, 11 / 15)  # of the interview's length: 10–11 minutes of a 15-minute slot
SEVERITY_RANK = {"error": 2, "warning": 1, "info": 0}


@dataclass(frozen=True)
class PlannedQuestion:
    question: str              # question-type id
    story: str | None          # the suggested story (None: the bank has none for this type)
    status: str = "strong"     # coverage status of the type: strong, weak or missing


@dataclass(frozen=True)
class Plan:
    questions: tuple[PlannedQuestion, ...]
    covered: int               # question types the bank has a story for
    total: int                 # question types in the catalog
    note: str | None = None    # said before the first question when the session is not real-paced
    seed: int = 0

    @property
    def ids(self) -> list[str]:
        return [q.question for q in self.questions]


def talk_target(interview_minutes: float = 15) -> tuple[float, float]:
    """Seconds of the candidate's own talking a session aims for (600–660 s for 15 minutes)."""
    return (interview_minutes * 60 * TALK_SHARE[0], interview_minutes * 60 * TALK_SHARE[1])


def weight(qid: str, status: str, schedule: Schedule | None) -> float:
    w = 1.0
    if status == "missing":
        w += 2
    elif status == "weak":
        w += 1
    if schedule is not None and qid in schedule.types:
        t = schedule.types[qid]
        if t.is_due(schedule.today):
            w += 2
        w += 1 / (1 + t.drills)
    else:
        w += 1
    return w


def plan_session(
    question_ids: Sequence[str],
    statuses: Mapping[str, str],
    candidates: Mapping[str, Sequence[str]],
    schedule: Schedule | None = None,
    seed: int = 0,
    labels: Mapping[str, str] | None = None,
) -> Plan:
    """The questions of one mock interview (see the module's rules).

    `candidates` maps a question type to the stories that can answer it, preferred first (the
    assigned story, then the other mapped ones)."""
    rng = random.Random(seed)
    labels = labels or {}
    covered = [q for q in question_ids if statuses.get(q, "missing") != "missing" and candidates.get(q)]
    note = None
    if len(covered) < MIN_QUESTIONS:
        chosen = set(covered)
        names = ", ".join(labels.get(q, q) for q in question_ids if q not in chosen)
        note = (f"Your bank has stories for {len(covered)} of the {len(question_ids)} question types, and "
                f"the real interview asks {MIN_QUESTIONS}–{MAX_QUESTIONS}. This session asks the "
                f"{len(covered)} you can answer" + (f"; write stories for {names} to practise a full one." if names else "."))
        if not covered:  # issue 21, item 18: not "asks the 0 you can answer"
            note = f"Your bank has no story for any of the {len(question_ids)} question types yet."
    else:
        count = min(rng.randint(MIN_QUESTIONS, MAX_QUESTIONS), len(question_ids))
        # Weighted sampling without replacement (Efraimidis–Spirakis): key = u ** (1 / w).
        keys = {q: rng.random() ** (1 / weight(q, statuses.get(q, "missing"), schedule)) for q in question_ids}
        chosen = set(sorted(question_ids, key=lambda q: (-keys[q], q))[:count])
    used: set[str] = set()
    planned = []
    for qid in question_ids:
        if qid not in chosen:
            continue
        options = list(candidates.get(qid) or ())
        fresh = [s for s in options if s not in used] or options
        story = schedule.pick_story(fresh) if schedule is not None else (fresh[0] if fresh else None)
        if story:
            used.add(story)
        planned.append(PlannedQuestion(qid, story, statuses.get(qid, "missing")))
    return Plan(tuple(planned), len(covered), len(question_ids), note, seed)


def choose_probe(
    probe_ids: Sequence[str],
    story: str | None,
    records: Iterable[PracticeRecord],
    layer_seconds: Mapping[str, float] | None = None,
    followup_low: float = 30.0,
    asked: Sequence[str] = (),
) -> str | None:
    """The follow-up for this answer (see the module's rules). `layer_seconds` holds the story's
    prepared follow-up layers as speaking seconds (0 or absent when not prepared); `asked` the
    probes already asked in this session, so that among equals the session varies its probes."""
    if not probe_ids:
        return None
    order = {p: i for i, p in enumerate(probe_ids)}
    times = {p: asked.count(p) for p in probe_ids}
    if story is not None and layer_seconds is not None:
        thinnest = min(probe_ids, key=lambda p: (layer_seconds.get(p, 0.0), times[p], order[p]))
        if layer_seconds.get(thinnest, 0.0) < followup_low:
            return thinnest
    met: dict[str, float] = {}
    for record in records:
        if record.probe in order and (story is None or record.story == story):
            met[record.probe] = max(met.get(record.probe, -math.inf), record.ts)
    return min(probe_ids, key=lambda p: (met.get(p, -math.inf), times[p], order[p]))


# --- the report card ------------------------------------------------------------------------------

@dataclass(frozen=True)
class CardRow:
    question: str
    story: str | None
    probe: str | None
    answer_seconds: float | None
    answer_zone: str | None
    followup_seconds: float | None
    followup_zone: str | None
    typed: bool = False
    spoken: dict[str, Any] | None = None   # the spoken figures, when the answer was recorded
    followup_spoken: dict[str, Any] | None = None


@dataclass(frozen=True)
class Fix:
    story: str
    field: str
    code: str
    severity: str
    message: str


@dataclass
class ReportCard:
    rows: list[CardRow]
    planned: int
    dimensions: dict[str, int] = field(default_factory=dict)
    fixes: list[Fix] = field(default_factory=list)
    talk_seconds: float = 0.0
    talk_target: tuple[float, float] = (600.0, 660.0)

    @property
    def complete(self) -> bool:
        return len(self.rows) >= self.planned

    def to_json(self) -> dict[str, Any]:
        return {
            "planned": self.planned, "answered": len(self.rows), "complete": self.complete,
            "talk_seconds": round(self.talk_seconds, 1), "talk_target": list(self.talk_target),
            "questions": [{
                "question": r.question, "story": r.story, "probe": r.probe,
                "answer_seconds": r.answer_seconds, "answer_zone": r.answer_zone,
                "followup_seconds": r.followup_seconds, "followup_zone": r.followup_zone,
                "typed": r.typed, "spoken": r.spoken, "followup_spoken": r.followup_spoken,
            } for r in self.rows],
            "dimensions": dict(self.dimensions),
            "fixes": [{"story": f.story, "field": f.field, "code": f.code, "severity": f.severity,
                       "message": f.message} for f in self.fixes],
        }


def spoken_of(record: PracticeRecord, name: str = "spoken") -> dict[str, Any] | None:
    """The spoken figures a recorded answer carries (absent on typed or timed-only answers and
    on logs written before spoken practice existed)."""
    value = getattr(record, name, None)
    return value if isinstance(value, dict) and value else None


def report_card(
    answers: Sequence[PracticeRecord],
    planned: int,
    reports: Mapping[str, StoryReport],
    settings: Settings | None = None,
    dimensions: Sequence[str] = ("specificity", "ownership", "technical_depth", "compression"),
) -> ReportCard:
    """The card for a session's answers. `reports` maps story ids to their analysis reports
    (`storybank.analysis.types.StoryReport`); the four dimensions are averaged over the stories
    told, and the fixes are their most severe findings (errors, then warnings, then notes), one per
    story before any story gets two."""
    from storybank.settings import DEFAULT

    settings = settings or DEFAULT
    rows = []
    talk = 0.0
    for a in answers:
        a_zone = zone(a.answer_seconds, settings.answer_seconds, settings.answer_limit_seconds) \
            if a.answer_seconds is not None else None
        f_zone = zone(a.followup_seconds, settings.followup_seconds) if a.followup_seconds is not None else None
        talk += (a.answer_seconds or 0.0) + (a.followup_seconds or 0.0)
        rows.append(CardRow(a.question, a.story, a.probe, a.answer_seconds, a_zone, a.followup_seconds,
                            f_zone, a.typed_words is not None, spoken_of(a), spoken_of(a, "followup_spoken")))
    told = list(dict.fromkeys(a.story for a in answers if a.story and a.story in reports))
    dims: dict[str, int] = {}
    for name in dimensions:
        values = [reports[s].scores[name].value for s in told if name in getattr(reports[s], "scores", {})]
        if values:
            dims[name] = round(sum(values) / len(values))
    return ReportCard(rows, planned, dims, _fixes(told, reports), talk,
                      talk_target(settings.interview_minutes))


def _fixes(told: Sequence[str], reports: Mapping[str, StoryReport], count: int = 3) -> list[Fix]:
    ranked: list[tuple[tuple[int, int, int], Fix]] = []
    for position, sid in enumerate(told):
        for i, f in enumerate(getattr(reports[sid], "findings", [])):
            ranked.append(((-SEVERITY_RANK.get(f.severity, 0), position, i),
                           Fix(sid, f.field or "story", f.code, f.severity, f.message)))
    ranked.sort(key=lambda item: item[0])
    out: list[Fix] = []
    seen_fields: set[tuple[str, str]] = set()
    # First the worst finding of each story (so three stories get one fix each), then the rest.
    for first_pass in (True, False):
        for _key, fix in ranked:
            if len(out) >= count:
                return out
            if (fix.story, fix.field) in seen_fields:
                continue
            if first_pass and any(o.story == fix.story for o in out):
                continue
            out.append(fix)
            seen_fields.add((fix.story, fix.field))
    return out
