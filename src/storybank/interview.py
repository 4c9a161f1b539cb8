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
- **Which probe**: chosen only once the answer is given, from what the answer lacked (README "Judging an answer"):
  no lesson → differently, no alternative weighed → alternatives, no mechanism → technical, "we"
  without who did what or nobody named → collaborators (`storybank.answers`); an answer that
  covered all four gets the probe its recognised story's prepared layers cover worst. Ties go to
  the probe asked least so far in the session, so one session does not ask "what would you do
  differently?" seven times. Without a judged answer (a spoken one still being transcribed, or a
  caller that has none), the story's thinnest prepared layer when it cannot carry the bottom of
  the follow-up window, else the probe this story met longest ago.
- **The report card**: per question, the answer as given, judged (its four scores, zone, pace,
  fillers, longest pause, recital, and whether the follow-up restarted the story); overall, the
  four dimensions over the answers given; "fix these first" from content and delivery alike, each
  fix naming its question and what to do (see `report_card`).

No Textual, no I/O; the clock and the seed come from the caller.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from storybank.analysis.types import DIMENSIONS, SEVERITY_RANK, Finding, RankedStory
from storybank.answers.report import AnswerReport, FollowupVerdict, NextProbe, Recital
from storybank.practice import PracticeRecord
from storybank.scheduler import Schedule
from storybank.speech.report import SpokenReport, judged_of
from storybank.zones import zone

if TYPE_CHECKING:
    from storybank.analysis.types import StoryReport
    from storybank.settings import Settings

MIN_QUESTIONS = 6
MAX_QUESTIONS = 8
TALK_SHARE = (10 / 15, 11 / 15)  # of the interview's length: 10–11 minutes of a 15-minute slot


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


def candidates_of(question_types: Iterable[Any]) -> dict[str, list[str]]:
    """Each question type's stories, preferred first (the assigned one, then the other mapped
    ones), from the coverage's types (`id`, `assigned`, `stories`)."""
    return {t.id: ([t.assigned] if t.assigned else []) + [s for s in t.stories if s != t.assigned]
            for t in question_types}


def prepared_layers(report: StoryReport | None, prompts: Sequence[Any] | None) -> dict[str, float] | None:
    """A story's prepared follow-up layers in speaking seconds, from its analysis (or, before
    that is ready, its follow-up prompts); None when there is no story."""
    if report is not None:
        return dict(report.followup_seconds)
    if prompts is not None:
        return {p.probe: p.seconds or 0.0 for p in prompts}
    return None


# What a type weighs in the draw besides its base 1 (see the module's rules): its coverage status,
# and being due in the schedule. Little practice adds 1 / (1 + drills) on top.
STATUS_WEIGHT = {"missing": 2, "weak": 1, "strong": 0}
DUE_WEIGHT = 2


def weight(qid: str, status: str, schedule: Schedule | None, boost: float = 0.0) -> float:
    w = 1.0 + boost  # boost: a job posting's gaps leaning toward this type (postings/tailor.py)
    w += STATUS_WEIGHT.get(status, 0)
    if schedule is not None and qid in schedule.types:
        t = schedule.types[qid]
        if t.is_due(schedule.today):
            w += DUE_WEIGHT
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
    boost: Mapping[str, float] | None = None,
) -> Plan:
    """The questions of one mock interview (see the module's rules).

    `candidates` maps a question type to the stories that can answer it, preferred first (the
    assigned story, then the other mapped ones)."""
    covered = [q for q in question_ids
               if statuses.get(q, "missing") != "missing" and candidates.get(q)]
    note = None
    if len(covered) < MIN_QUESTIONS:
        chosen = set(covered)
        note = _thin_bank_note(covered, question_ids, labels or {})
    else:
        chosen = _draw(question_ids, statuses, schedule, boost or {}, random.Random(seed))
    asked = [q for q in question_ids if q in chosen]  # in the catalog's order, as the call runs
    planned = _suggest_stories(asked, statuses, candidates, schedule)
    return Plan(tuple(planned), len(covered), len(question_ids), note, seed)


def _thin_bank_note(covered: Sequence[str], question_ids: Sequence[str],
                    labels: Mapping[str, str]) -> str:
    """What a session says first when the bank cannot fill a real-paced one."""
    if not covered:  # issue 21, item 18: not "asks the 0 you can answer"
        return f"Your bank has no story for any of the {len(question_ids)} question types yet."
    names = ", ".join(labels.get(q, q) for q in question_ids if q not in covered)
    ending = f"; write stories for {names} to practise a full one." if names else "."
    return (f"Your bank has stories for {len(covered)} of the {len(question_ids)} question types, "
            f"and the real interview asks {MIN_QUESTIONS}–{MAX_QUESTIONS}. This session asks the "
            f"{len(covered)} you can answer{ending}")


def _draw(question_ids: Sequence[str], statuses: Mapping[str, str], schedule: Schedule | None,
          boost: Mapping[str, float], rng: random.Random) -> set[str]:
    """6–8 types, drawn by weight without replacement (Efraimidis–Spirakis: key = u ** (1 / w))."""
    count = min(rng.randint(MIN_QUESTIONS, MAX_QUESTIONS), len(question_ids))
    keys = {q: rng.random() ** (1 / weight(q, statuses.get(q, "missing"), schedule,
                                            boost.get(q, 0.0)))
            for q in question_ids}
    return set(sorted(question_ids, key=lambda q: (-keys[q], q))[:count])


def _suggest_stories(asked: Sequence[str], statuses: Mapping[str, str],
                     candidates: Mapping[str, Sequence[str]],
                     schedule: Schedule | None) -> list[PlannedQuestion]:
    """Each asked type with its story: the schedule's pick (else the preferred one) among those
    not yet suggested in this session, or among all of them when every one was."""
    used: set[str] = set()
    planned = []
    for qid in asked:
        options = list(candidates.get(qid) or ())
        fresh = [s for s in options if s not in used] or options
        first = fresh[0] if fresh else None
        story = schedule.pick_story(fresh) if schedule is not None else first
        if story:
            used.add(story)
        planned.append(PlannedQuestion(qid, story, statuses.get(qid, "missing")))
    return planned


def choose_probe(
    probe_ids: Sequence[str],
    story: str | None,
    records: Iterable[PracticeRecord],
    layer_seconds: Mapping[str, float] | None = None,
    followup_low: float = 30.0,
    asked: Sequence[str] = (),
    answer: AnswerReport | None = None,
) -> str | None:
    """The follow-up for this answer (see the module's rules). `answer` is the answer as given,
    judged; `layer_seconds` holds the story's prepared follow-up layers as speaking seconds (0 or
    absent when not prepared); `asked` the probes already asked in this session."""
    if not probe_ids:
        return None
    if answer is not None:
        return probe_for_answer(answer, probe_ids, asked=asked, layer_seconds=layer_seconds).id
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


def probe_for_answer(answer: AnswerReport, probe_ids: Sequence[str], *, asked: Sequence[str] = (),
                     layer_seconds: Mapping[str, float] | None = None) -> NextProbe:
    """The probe to ask after `answer` in a session that has asked `asked` so far: what the
    answer lacked (the session's least asked first), else its story's thinnest prepared layer;
    worded around the answer, with its reason."""
    from storybank.answers.probe import next_probe

    layers = layer_seconds if layer_seconds is not None else (
        dict(answer.layers) if answer.story is not None else None)
    return next_probe(probe_ids, answer.lacking, answer.reasons, answer.prompts, {},
                      layer_seconds=layers, asked=asked,
                      exclude=[answer.probe] if answer.probe else [])


# --- the report card ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Judged:
    """One round as given, judged (`storybank.answers.judge`): the typed or transcribed answer
    and follow-up. A spoken round's reports hold their own judgement (`SpokenReport.judged`), so
    a caller passes `Judged` for typed rounds, or for spoken ones it judged itself."""

    answer: AnswerReport | None = None
    followup: AnswerReport | None = None


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
    spoken: SpokenReport | None = None      # the spoken report, when the answer was recorded
    followup_spoken: SpokenReport | None = None
    judged: Judged | None = None            # the typed (or transcribed) answers, judged

    @property
    def _answer_judged(self) -> AnswerReport | None:
        """The answer's report when the caller judged it: it wins over the spoken report's."""
        return self.judged.answer if self.judged is not None else None

    @property
    def scores(self) -> dict[str, int] | None:
        """The four scores of the answer as given (None when it was not judged)."""
        if (judged := self._answer_judged) is not None:
            return judged.score_values()
        spoken = judged_of(self.spoken)
        if spoken is not None and spoken.scores:
            return spoken.score_values()
        return None

    @property
    def told(self) -> RankedStory | None:
        """The story recognised in the answer."""
        judged = self._answer_judged or judged_of(self.spoken)
        return judged.story if judged is not None else None

    @property
    def recital(self) -> Recital | None:
        if (judged := self._answer_judged) is not None and judged.recital is not None:
            return judged.recital
        spoken = judged_of(self.spoken)
        return spoken.recital if spoken is not None else None

    @property
    def restart(self) -> FollowupVerdict | None:
        """Whether the follow-up went deeper or restarted the story."""
        judged = self.judged.followup if self.judged is not None else None
        if judged is not None and judged.followup is not None:
            return judged.followup
        spoken = judged_of(self.followup_spoken)
        return spoken.followup if spoken is not None else None

    @property
    def findings(self) -> tuple[Finding, ...]:
        judged = self._answer_judged or judged_of(self.spoken)
        return judged.findings if judged is not None else ()

    def to_json(self) -> dict[str, Any]:
        spoken = self.spoken
        return {
            "question": self.question, "story": self.story, "probe": self.probe,
            "answer_seconds": self.answer_seconds, "answer_zone": self.answer_zone,
            "followup_seconds": self.followup_seconds, "followup_zone": self.followup_zone,
            "typed": self.typed,
            "scores": self.scores,
            "told": self.told.to_json() if self.told else None,
            "pace": spoken.pace if spoken else None,
            "wpm": round(spoken.wpm) if spoken else None,
            "fillers_per_minute": round(spoken.fillers.per_minute, 1) if spoken else None,
            "longest_pause_seconds": round(spoken.longest_pause_seconds, 1) if spoken else None,
            "recital": self.recital.to_json() if self.recital else None,
            "restart": self.restart.to_json() if self.restart else None,
            "spoken": spoken.log_json() if spoken else None,
            "followup_spoken": self.followup_spoken.log_json() if self.followup_spoken else None,
        }


@dataclass(frozen=True)
class Fix:
    """One thing to fix first: what it is about (the question asked, its number in the session,
    the answer or its follow-up, the story and field when it comes from a story file) and what
    to do."""

    story: str                 # the story told ("" when none)
    field: str                 # the part of the answer or of the file, or "delivery"
    code: str                  # a finding code, or a delivery check's name
    severity: str
    message: str
    question: str = ""         # the question type it is about
    number: int = 0            # its place in the session, from 1
    what: str = "answer"       # "answer" or "follow-up"

    def to_json(self) -> dict[str, Any]:
        return {"question": self.question, "number": self.number, "what": self.what,
                "story": self.story, "field": self.field, "code": self.code,
                "severity": self.severity, "message": self.message}


@dataclass
class ReportCard:
    rows: list[CardRow]
    planned: int
    dimensions: dict[str, int] = field(default_factory=dict)
    fixes: list[Fix] = field(default_factory=list)
    talk_seconds: float = 0.0
    talk_target: tuple[float, float] = (600.0, 660.0)
    basis: str = "answers"     # what the dimensions are over: "answers" given, or "stories" told

    @property
    def complete(self) -> bool:
        return len(self.rows) >= self.planned

    def to_json(self) -> dict[str, Any]:
        return {
            "planned": self.planned, "answered": len(self.rows), "complete": self.complete,
            "talk_seconds": round(self.talk_seconds, 1), "talk_target": list(self.talk_target),
            "questions": [r.to_json() for r in self.rows],
            "dimensions": dict(self.dimensions), "basis": self.basis,
            "fixes": [f.to_json() for f in self.fixes],
        }


def spoken_of(record: PracticeRecord, name: str = "spoken") -> SpokenReport | None:
    """The spoken report a recorded answer carries (absent on typed or timed-only answers and
    on logs written before spoken practice existed)."""
    value = getattr(record, name, None)
    return value if isinstance(value, SpokenReport) else None


def report_card(
    answers: Sequence[PracticeRecord],
    planned: int,
    reports: Mapping[str, StoryReport] | None = None,
    settings: Settings | None = None,
    dimensions: Sequence[str] = DIMENSIONS,
    judged: Sequence[Judged | None] = (),
) -> ReportCard:
    """The card for a session's answers (`judged[i]` the typed or transcribed answers of
    `answers[i]`, judged; a recorded answer's spoken report carries its own judgement).

    The four dimensions are averaged over the answers given. Only when no answer of the session
    was judged (a caller that passes none) do they fall back to the analysis `reports` of the
    stories told, and `basis` says so. The fixes come from content and delivery alike (see
    `fixes`), three at most, one per question before any question gets two."""
    from storybank.settings import DEFAULT

    settings = settings or DEFAULT
    rows = [_row(a, settings, judged[i] if i < len(judged) else None) for i, a in enumerate(answers)]
    talk = sum((a.answer_seconds or 0.0) + (a.followup_seconds or 0.0) for a in answers)
    dims, basis = _dimensions(rows, answers, reports or {}, dimensions)
    return ReportCard(rows, planned, dims, fixes(rows, reports or {}, settings), talk,
                      talk_target(settings.interview_minutes), basis)


def _row(a: PracticeRecord, settings: Settings, judged: Judged | None) -> CardRow:
    a_zone = zone(a.answer_seconds, settings.answer_seconds, settings.answer_limit_seconds) \
        if a.answer_seconds is not None else None
    f_zone = zone(a.followup_seconds, settings.followup_seconds) \
        if a.followup_seconds is not None else None
    return CardRow(a.question, a.story, a.probe, a.answer_seconds, a_zone, a.followup_seconds,
                   f_zone, a.typed_words is not None, spoken_of(a), spoken_of(a, "followup_spoken"),
                   judged)


def _mean(values: Sequence[int]) -> int:
    return round(sum(values) / len(values))


def _dimensions(rows: Sequence[CardRow], answers: Sequence[PracticeRecord],
                reports: Mapping[str, StoryReport], dimensions: Sequence[str]
                ) -> tuple[dict[str, int], str]:
    """The four dimensions over the answers given; over the stories told when nothing was
    judged (and what they are over)."""
    scored = [r.scores for r in rows if r.scores]
    if scored:
        return ({name: _mean([s[name] for s in scored if name in s]) for name in dimensions
                 if any(name in s for s in scored)}, "answers")
    told = list(dict.fromkeys(a.story for a in answers if a.story and a.story in reports))
    dims = {}
    for name in dimensions:
        values = [reports[s].scores[name].value for s in told
                  if name in getattr(reports[s], "scores", {})]
        if values:
            dims[name] = _mean(values)
    return dims, "stories" if reports else "answers"


# What to do about each delivery check, worded once.
DELIVERY = {
    "limit": ("error", "the answer ran {seconds:.0f} s, past the {limit:g} s limit: cut the situation "
                       "to one sentence and land the outcome sooner."),
    "over": ("warning", "the answer ran {seconds:.0f} s, past the {low:g}–{high:g} s window: trim "
                        "the situation and land the outcome sooner."),
    "short": ("warning", "the answer ran {seconds:.0f} s, short of the {low:g}–{high:g} s window: "
                         "add the numbers and the one decision that made the difference."),
    "followup-over": ("warning", "the follow-up ran {seconds:.0f} s, past the {low:g}–{high:g} s "
                                 "window: answer the probe with one layer, then stop."),
    "restarted": ("warning", "the follow-up restarted the story ({why}): answer the probe with one "
                             "layer of detail the first answer did not have."),
    "recited": ("warning", "{share:.0%} of the answer repeats the written story word for word: keep "
                           "the numbers and say the rest in fresh words."),
    "fillers": ("warning", "{per_minute:.1f} fillers a minute against a limit of {limit:g}: pause "
                           "silently instead of 'um'."),
    "pause": ("warning", "a {seconds:.1f} s silence: an AI interviewer can take it as the end of "
                         "your answer. Keep talking, or say you are thinking."),
    "pace": ("info", "{wpm:.0f} words a minute, outside the {low:g}–{high:g} pace window: {advice}"),
}
SHORT_SHARE = 0.75   # an answer under this share of the window's bottom is worth a fix


Problem = tuple[str, str, str, str]   # (code, "answer" or "follow-up", severity, message)


def _problem(code: str, what: str, **values: Any) -> Problem:
    severity, text = DELIVERY[code]
    return code, what, severity, text.format(**values)


def _timing(row: CardRow, settings: Settings) -> list[Problem]:
    """An answer past its limit, over or far short of its window; an overrun follow-up."""
    out = []
    low, high = settings.answer_seconds
    seconds = row.answer_seconds or 0.0
    if row.answer_zone == "limit":
        out.append(_problem("limit", "answer", seconds=seconds, limit=settings.answer_limit_seconds))
    elif row.answer_zone == "over":
        out.append(_problem("over", "answer", seconds=seconds, low=low, high=high))
    elif row.answer_zone == "short" and seconds < SHORT_SHARE * low:
        out.append(_problem("short", "answer", seconds=seconds, low=low, high=high))
    if row.followup_zone == "over":
        f_low, f_high = settings.followup_seconds
        out.append(_problem("followup-over", "follow-up", seconds=row.followup_seconds or 0.0,
                            low=f_low, high=f_high))
    return out


def _telling(row: CardRow) -> list[Problem]:
    """A follow-up that restarted the story; an answer that recites the written one."""
    out = []
    restart = row.restart
    if restart is not None and restart.restarted:
        why = "it opened with the situation again" if restart.reopened else \
            f"{restart.repeated_share:.0%} of it repeated the first answer"
        out.append(_problem("restarted", "follow-up", why=why))
    if row.recital is not None and row.recital.recited:
        out.append(_problem("recited", "answer", share=row.recital.share))
    return out


def _voice(what: str, spoken: SpokenReport, settings: Settings) -> list[Problem]:
    """Fillers over the limit, long pauses and a pace out of its window in a spoken answer."""
    out = []
    if spoken.fillers.per_minute > settings.fillers_per_minute_max:
        out.append(_problem("fillers", what, per_minute=spoken.fillers.per_minute,
                            limit=settings.fillers_per_minute_max))
    if spoken.pauses:
        out.append(_problem("pause", what, seconds=max(p.seconds for p in spoken.pauses)))
    if spoken.pace != "window" and spoken.wpm:
        low, high = settings.wpm_window
        advice = "slow down on the numbers." if spoken.pace == "fast" else "tighten the sentences."
        out.append(_problem("pace", what, wpm=spoken.wpm, low=low, high=high, advice=advice))
    return out


def _delivery(row: CardRow, settings: Settings) -> list[Problem]:
    """Every delivery problem of a row."""
    out = _timing(row, settings) + _telling(row)
    for what, spoken in (("answer", row.spoken), ("follow-up", row.followup_spoken)):
        if spoken is not None:
            out.extend(_voice(what, spoken, settings))
    return out


def fixes(rows: Sequence[CardRow], reports: Mapping[str, StoryReport], settings: Settings,
          count: int = 3) -> list[Fix]:
    """The things to fix first: every delivery problem of every answer (time against the window,
    a restarted follow-up, a recital, fillers, long pauses, pace) and the findings on what was
    said (or, for an answer nobody judged, on the story told), ranked errors first, then
    warnings, then notes, earlier questions first; one per question before any question gets
    two, and never the same check twice for one question."""
    ranked = sorted(_candidates(rows, reports, settings), key=lambda item: item[0])
    out: list[Fix] = []
    for first_pass in (True, False):
        for _key, fix in ranked:
            if len(out) >= count:
                return out
            if _taken(fix, out, first_pass):
                continue
            out.append(fix)
    return out


def _candidates(rows: Sequence[CardRow], reports: Mapping[str, StoryReport], settings: Settings
                ) -> list[tuple[tuple[int, int, int], Fix]]:
    ranked: list[tuple[tuple[int, int, int], Fix]] = []
    for number, row in enumerate(rows, start=1):
        story = row.story or (row.told.id if row.told else "")
        for order, (code, what, severity, message) in enumerate(_delivery(row, settings)):
            ranked.append(((-SEVERITY_RANK.get(severity, 0), number, order),
                           Fix(story, "delivery", code, severity, message, row.question, number, what)))
        findings = row.findings
        if not findings and row.scores is None and row.story and row.story in reports:
            findings = tuple(getattr(reports[row.story], "findings", ()))   # nothing judged
        for order, f in enumerate(findings, start=100):
            ranked.append(((-SEVERITY_RANK.get(f.severity, 0), number, order),
                           Fix(story, f.field or "story", f.code, f.severity, f.message,
                               row.question, number, "answer")))
    return ranked


def _taken(fix: Fix, chosen: Sequence[Fix], first_pass: bool) -> bool:
    """Whether `fix` repeats one already chosen (the same check for its question, or the same
    field of the same story file), or on the first pass, whether its question has one."""
    for other in chosen:
        if other.number == fix.number and (first_pass or (other.code, other.field) == (fix.code, fix.field)):
            return True
        if fix.story and other.story == fix.story and other.field == fix.field != "delivery":
            return True
    return False


# --- the talk budget (issue 21, item 3) ----------------------------------------------------------

BUDGET_STEP = 5.0   # per-answer targets are said in steps of this many seconds


def answer_budget(questions: int, settings: Settings | None = None) -> tuple[float, float]:
    """Seconds to aim for per answer and per follow-up so that `questions` rounds fit the middle
    of the session's talk target: the windows' middles, scaled down when they would not fit
    (eight questions at 70 s + 45 s come to 15:20, past the 10–11 minutes of a 15-minute slot)."""
    from storybank.settings import DEFAULT

    settings = settings or DEFAULT
    low, high = talk_target(settings.interview_minutes)
    answer = sum(settings.answer_seconds) / 2
    followup = sum(settings.followup_seconds) / 2
    scale = min(1.0, (low + high) / 2 / max(1, questions) / (answer + followup))

    def step(seconds: float) -> float:
        return max(BUDGET_STEP, round(seconds * scale / BUDGET_STEP) * BUDGET_STEP)

    return step(answer), step(followup)


def projected_talk(talk: float, done: int, planned: int, settings: Settings | None = None,
                   current: float | None = None) -> float:
    """The session's talk at the end if the rounds still to come keep to their budget: `talk`
    in the `done` finished rounds of `planned`, and `current` seconds in the round under way
    (None: none is), which counts at least its budget."""
    answer, followup = answer_budget(planned, settings)
    budget = answer + followup
    left = planned - done
    if current is not None:
        return talk + max(current, budget) + max(0, left - 1) * budget
    return talk + max(0, left) * budget


def budget_warning(talk: float, done: int, planned: int, settings: Settings | None = None,
                   current: float | None = None) -> str | None:
    """What the meter says when, at this rate, the session will overrun its slot (None: on
    track): said before the slot is overrun, while there is still time to cut."""
    from storybank.settings import DEFAULT

    settings = settings or DEFAULT
    _low, high = talk_target(settings.interview_minutes)
    if projected_talk(talk, done, planned, settings, current) <= high:
        return None
    spoken = talk + (current or 0.0)
    left = planned - done
    if left <= 0 or spoken >= high:
        return "past the slot's talk time: land this answer now"
    per = max(BUDGET_STEP, (high - talk) / left)
    return f"on course to overrun: keep each question left to about {per:.0f} s"


def talk_advice(card: ReportCard, settings: Settings | None = None) -> str | None:
    """The card's line when the session's talk missed its target (None when it was in it)."""
    low, high = card.talk_target
    talk = card.talk_seconds
    if low <= talk <= high or not card.rows:
        return None
    answer, followup = answer_budget(card.planned, settings)
    minutes = f"{low / 60:g}–{high / 60:g}"
    if talk > high:
        return (f"You talked {mmss(talk)}; aim for {minutes} minutes: cut each answer to about "
                f"{answer:.0f} s and each follow-up to about {followup:.0f} s.")
    if not card.complete or card.planned < MIN_QUESTIONS:
        return None   # stopped early, or a thin bank's short session: short says nothing
    return (f"You talked {mmss(talk)}; aim for {minutes} minutes: give each answer about "
            f"{answer:.0f} s, with its numbers and the decision that mattered.")


def mmss(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


# --- the story told (issue 21, item 6) -----------------------------------------------------------

def story_notes(rows: Sequence[CardRow], mapped: Mapping[str, Sequence[str]],
                titles: Mapping[str, str], labels: Mapping[str, str]) -> list[str]:
    """What the card says about the stories told: one told for two questions (the interviewer
    hears the same story twice), or told for a question type it is not mapped to. `mapped`
    gives each story's question types, `titles` its title, `labels` each type's name."""
    notes: list[str] = []
    first: dict[str, int] = {}
    for number, row in enumerate(rows, start=1):
        story = row.story
        if not story:
            continue
        title = titles.get(story, story)
        label = labels.get(row.question, row.question)
        if story in first:
            notes.append(f"“{title}” was told for question {first[story]} and again for question "
                         f"{number} ({label}): the interviewer hears one story twice. Prepare another "
                         f"story for {label}.")
        else:
            first[story] = number
        if story in mapped and row.question not in mapped[story]:
            notes.append(f"“{title}” is not mapped to {label} (question {number}): map it in the "
                         "editor if it fits the type, or prepare a story that does.")
    return notes
