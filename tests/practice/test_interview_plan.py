"""Planning a mock interview: 6–8 distinct types, weighted toward what needs work, stable under a
seed, honest on a thin bank; one probe chosen for each answer; the report card."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime

from storybank import interview, scheduler
from storybank.analysis.types import Finding, Score, StoryReport
from storybank.practice import PracticeRecord

TYPES = ["project", "failure", "disagreement", "performance", "learning", "motivation", "rubric", "schedule"]
PROBES = ["differently", "alternatives", "technical", "collaborators"]
TODAY = date(2025, 6, 1)
STRONG = {q: "strong" for q in TYPES}
CANDIDATES = {q: [f"{q}-a", f"{q}-b"] for q in TYPES}


def ts(day: int, hour: int = 12) -> float:
    return datetime(2025, 5, day, hour, tzinfo=UTC).timestamp()


def test_a_session_asks_six_to_eight_distinct_types_in_the_interview_order():
    sizes = set()
    for seed in range(60):
        plan = interview.plan_session(TYPES, STRONG, CANDIDATES, seed=seed)
        ids = plan.ids
        assert 6 <= len(ids) <= 8
        assert len(set(ids)) == len(ids)
        assert ids == [q for q in TYPES if q in ids]          # catalog order, as the call runs
        assert plan.note is None
        assert all(q.story in CANDIDATES[q.question] for q in plan.questions)
        assert len({q.story for q in plan.questions}) == len(ids)  # one story per question here
        sizes.add(len(ids))
    assert sizes == {6, 7, 8}


def test_the_same_seed_gives_the_same_session_and_another_seed_another():
    sched = scheduler.build([], TYPES, TODAY)
    plans = [interview.plan_session(TYPES, STRONG, CANDIDATES, sched, seed=s) for s in (3, 3, 4, 5, 6)]
    assert plans[0] == plans[1]
    assert len({p.questions for p in plans}) > 1


def test_uncovered_weak_and_due_types_come_up_more_often():
    statuses = STRONG | {"rubric": "missing", "schedule": "weak"}
    candidates = CANDIDATES | {"rubric": []}
    # every type but `failure` was drilled well today: only `failure` (and the never-drilled) is due
    records = [PracticeRecord(ts=datetime(2025, 6, 1, 9, tzinfo=UTC).timestamp(), question=q,
                              story=f"{q}-a", answer_seconds=70) for q in TYPES if q != "failure"]
    sched = scheduler.build(records, TYPES, TODAY, uncovered=["rubric"])
    counts = Counter()
    for seed in range(400):
        counts.update(interview.plan_session(TYPES, statuses, candidates, sched, seed=seed).ids)
    plain = [counts[q] for q in ("project", "disagreement", "performance", "learning", "motivation")]
    assert counts["rubric"] > max(plain)          # uncovered
    assert counts["failure"] > max(plain)         # due
    assert counts["schedule"] > max(plain)        # weak
    assert min(plain) > 0                         # and anything can still come up


def test_a_bank_covering_three_types_says_so_and_asks_those_three():
    statuses = {q: "missing" for q in TYPES} | {"project": "strong", "failure": "weak", "rubric": "strong"}
    candidates = {"project": ["p"], "failure": ["f"], "rubric": ["r"]}
    plan = interview.plan_session(TYPES, statuses, candidates, seed=1,
                                  labels={"schedule": "Your week"})
    assert plan.ids == ["project", "failure", "rubric"]
    assert plan.covered == 3 and plan.total == 8
    assert plan.note and "3 of the 8" in plan.note and "Your week" in plan.note
    assert [q.story for q in plan.questions] == ["p", "f", "r"]


def test_an_empty_bank_plans_nothing_and_says_why():
    plan = interview.plan_session(TYPES, {}, {}, seed=1)
    assert plan.ids == [] and plan.note and "no story for any of the 8" in plan.note
    assert "the 0 you can answer" not in plan.note   # issue 21, item 18


def test_a_resting_story_is_not_suggested_while_another_can_answer():
    records = [PracticeRecord(ts=ts(28, h), question="project", story="project-a", answer_seconds=70)
               for h in range(5)]
    sched = scheduler.build(records, TYPES, date(2025, 5, 30))
    for seed in range(20):
        plan = interview.plan_session(TYPES, STRONG, CANDIDATES, sched, seed=seed)
        for q in plan.questions:
            if q.question == "project":
                assert q.story == "project-b"


def test_the_probe_goes_to_the_thinnest_prepared_layer():
    layers = {"differently": 45.0, "alternatives": 12.0, "technical": 0.0, "collaborators": 50.0}
    assert interview.choose_probe(PROBES, "s", [], layers) == "technical"
    layers["technical"] = 40.0
    assert interview.choose_probe(PROBES, "s", [], layers) == "alternatives"


def test_with_every_layer_ready_the_probe_is_the_one_met_longest_ago():
    layers = dict.fromkeys(PROBES, 45.0)
    met = [PracticeRecord(ts=ts(d), question="project", story="s", probe=p)
           for d, p in ((1, "technical"), (2, "differently"), (3, "collaborators"), (4, "alternatives"))]
    assert interview.choose_probe(PROBES, "s", met, layers) == "technical"
    assert interview.choose_probe(PROBES, "s", met[1:], layers) == "technical"   # never met with s
    other = [PracticeRecord(ts=ts(5), question="project", story="t", probe="technical")]
    assert interview.choose_probe(PROBES, "s", met + other, layers) == "technical"
    # no story told: the probe met longest ago over the whole log
    assert interview.choose_probe(PROBES, None, met + other, None) == "differently"
    assert interview.choose_probe([], "s", [], layers) is None


def test_among_equal_probes_the_session_varies_them():
    layers = dict.fromkeys(PROBES, 45.0)
    asked: list[str] = []
    for _ in range(4):
        asked.append(interview.choose_probe(PROBES, "fresh-story", [], layers, asked=asked))
    assert sorted(asked) == sorted(PROBES)


def report(sid, scores, findings=()):
    return StoryReport(sid, list(findings), {k: Score(k, v) for k, v in scores.items()}, 70.0, {}, {})


def finding(code, severity, fld, message="fix it"):
    return Finding(code, "name", "specificity", severity, fld, message)


def test_without_judged_answers_the_card_falls_back_to_the_stories_told_and_still_sees_delivery():
    answers = [
        PracticeRecord(ts=ts(1), question="project", story="a", probe="technical",
                       answer_seconds=72, followup_seconds=45, session="m"),
        PracticeRecord(ts=ts(1), question="failure", story="b", probe="differently",
                       answer_seconds=95, followup_seconds=20, typed_words=140, session="m"),
        PracticeRecord(ts=ts(1), question="rubric", story=None, probe="technical",
                       answer_seconds=40, followup_seconds=65, session="m"),
    ]
    reports = {
        "a": report("a", {"specificity": 80, "ownership": 60, "technical_depth": 70, "compression": 90},
                    [finding("SB101", "warning", "outcome"), finding("SB301", "error", "followups.technical"),
                     finding("SB900", "info", "title")]),
        "c": report("c", {"specificity": 90}, [finding("SB901", "info", "reflection")]),
        "b": report("b", {"specificity": 40, "ownership": 80, "technical_depth": 50, "compression": 70},
                    [finding("SB102", "warning", "action"), finding("SB103", "warning", "metrics")]),
    }
    card = interview.report_card(answers, planned=7, reports=reports)
    assert [(r.answer_zone, r.followup_zone) for r in card.rows] == [
        ("window", "window"), ("limit", "short"), ("short", "over")]
    assert [r.typed for r in card.rows] == [False, True, False]
    assert card.dimensions == {"specificity": 60, "ownership": 70, "technical_depth": 60, "compression": 80}
    assert card.basis == "stories"
    # Errors first (the story's, and a 95 s answer past the 90 s limit), one per question first:
    # the third question's 40 s answer is worth a fix too, content or delivery alike.
    assert [(f.number, f.story, f.field, f.code) for f in card.fixes] == [
        (1, "a", "followups.technical", "SB301"), (2, "b", "delivery", "limit"),
        (3, "", "delivery", "short")]
    assert card.fixes[1].question == "failure" and "95 s" in card.fixes[1].message
    assert card.talk_seconds == 72 + 45 + 95 + 20 + 40 + 65
    assert card.talk_target == (600, 660)
    assert not card.complete
    data = card.to_json()
    assert data["answered"] == 3 and data["planned"] == 7 and data["questions"][0]["spoken"] is None
    assert data["fixes"][1]["question"] == "failure" and data["fixes"][1]["number"] == 2


def test_spoken_figures_are_read_when_an_answer_carries_them():
    from storybank.speech.report import SpokenReport

    # A line as an older version logged it: a few figures, no scores.
    line = {"ts": "2025-05-01T12:00:00Z", "question": "project", "story": "a", "probe": "technical",
            "answer_seconds": 70.0, "followup_seconds": 40.0, "typed_words": None,
            "spoken": {"wpm": 148.0, "fillers": {"per_minute": 2.5}},
            "followup_spoken": {"wpm": 160.0}}
    record = PracticeRecord.from_json(line)
    assert isinstance(record.spoken, SpokenReport)
    card = interview.report_card([record], planned=1, reports={})
    assert card.rows[0].spoken.wpm == 148.0 and card.rows[0].followup_spoken.wpm == 160.0
    assert card.rows[0].spoken.fillers.per_minute == 2.5
    assert card.dimensions == {} and card.fixes == [] and card.complete


def test_the_talk_target_follows_the_interview_length():
    assert interview.talk_target(15) == (600, 660)
    assert interview.talk_target(30) == (1200, 1320)


# Characterisation, recorded before the planner was split into helpers: the exact sessions a few
# seeds give (boosted, with one story shared by every type) and the exact note on a thin bank.
SHARED = {q: ["shared", f"{q}-own"] for q in TYPES} | {"schedule": ["shared"]}


def test_exact_sessions_for_fixed_seeds():
    statuses = STRONG | {"rubric": "weak"}
    plans = {seed: interview.plan_session(TYPES, statuses, SHARED, seed=seed, boost={"learning": 3.0})
             for seed in (1, 2, 4)}
    assert plans[1].ids == ["project", "failure", "learning", "motivation", "rubric", "schedule"]
    assert plans[2].ids == ["failure", "disagreement", "performance", "learning", "motivation", "rubric"]
    assert plans[4].ids == ["project", "failure", "disagreement", "motivation", "rubric", "schedule"]
    # the shared story goes to the first type; later types take their own, and a type with no
    # other story tells the shared one again
    assert [q.story for q in plans[1].questions] == [
        "shared", "failure-own", "learning-own", "motivation-own", "rubric-own", "shared"]
    assert [q.story for q in plans[2].questions] == [
        "shared", "disagreement-own", "performance-own", "learning-own", "motivation-own", "rubric-own"]
    assert [q.status for q in plans[4].questions] == ["strong"] * 4 + ["weak", "strong"]
    assert all((p.covered, p.total, p.note, p.seed) == (8, 8, None, s) for s, p in plans.items())


def test_exact_notes_on_a_thin_bank():
    statuses = {q: "missing" for q in TYPES} | {"project": "strong", "failure": "weak", "rubric": "strong"}
    candidates = {"project": ["p"], "failure": ["f"], "rubric": ["r"], "learning": []}
    plan = interview.plan_session(TYPES, statuses, candidates, seed=1, labels={"schedule": "Your week"})
    assert plan.note == (
        "Your bank has stories for 3 of the 8 question types, and the real interview asks 6–8. This "
        "session asks the 3 you can answer; write stories for disagreement, performance, learning, "
        "motivation, Your week to practise a full one.")
    alone = interview.plan_session(["project"], {"project": "strong"}, {"project": ["p"]}, seed=1)
    assert alone.note == ("Your bank has stories for 1 of the 1 question types, and the real interview "
                          "asks 6–8. This session asks the 1 you can answer.")
    assert [(q.question, q.story) for q in alone.questions] == [("project", "p")]


def test_a_types_weight_adds_its_status_and_being_due():
    # base 1, +1 for no schedule entry; a missing type +2, a weak one +1, a strong one nothing
    assert [interview.weight("project", s, None) for s in ("missing", "weak", "strong", "other")] \
        == [4.0, 3.0, 2.0, 2.0]
    assert interview.weight("project", "strong", None, boost=0.5) == 2.5
    never = scheduler.build([], TYPES, TODAY)          # never drilled: due, and 1 / (1 + 0)
    assert interview.weight("project", "weak", never) == 1 + 1 + 2 + 1
