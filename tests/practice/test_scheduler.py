"""The spaced schedule: intervals grow after good drills and reset after bad ones, uncovered types
come first, worn stories rest, and the same log on the same day gives the same schedule."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from storybank import scheduler
from storybank.practice import PracticeRecord
from storybank.settings import Settings

TYPES = ["project", "failure", "disagreement", "performance", "learning", "motivation", "rubric", "schedule"]
DAY0 = date(2025, 3, 1)


def at(day: date, hour: int = 12) -> float:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC).timestamp()


def drill(day: date, question: str = "project", story: str | None = "outbox", seconds: float | None = 70,
          hour: int = 12) -> PracticeRecord:
    return PracticeRecord(ts=at(day, hour), question=question, story=story, probe="technical",
                          answer_seconds=seconds, followup_seconds=40)


def build(records, today, **kw):
    return scheduler.build(records, TYPES, today, **kw)


class FakeClock:
    """Days move forward only when the test says so."""

    def __init__(self, today: date = DAY0) -> None:
        self.today = today

    def advance(self, days: int) -> None:
        self.today += timedelta(days=days)


def test_the_interval_grows_after_each_good_drill_on_its_due_day():
    clock = FakeClock()
    records: list[PracticeRecord] = []
    gaps = []
    for _ in range(5):
        records.append(drill(clock.today))
        sched = build(records, clock.today)
        t = sched.types["project"]
        gaps.append((t.due_on - clock.today).days)
        assert not t.is_due(clock.today)
        clock.today = t.due_on          # come back exactly when it is due
        assert build(records, clock.today).types["project"].is_due(clock.today)
    assert gaps == [1, 2, 4, 8, 16]


def test_a_bad_drill_resets_the_interval_so_the_type_comes_back_tomorrow():
    clock = FakeClock()
    records = []
    for _ in range(4):
        records.append(drill(clock.today))
        clock.today = build(records, clock.today).types["project"].due_on
    assert build(records, clock.today - timedelta(days=1)).types["project"].interval_days == 8
    for bad in (drill(clock.today, seconds=95),          # past the hard limit
                drill(clock.today, seconds=31),          # short of the window
                drill(clock.today, story=None)):         # no story
        sched = build([*records, bad], clock.today)
        t = sched.types["project"]
        assert t.last_verdict == "bad"
        assert t.interval_days == 1
        assert t.due_on == clock.today + timedelta(days=1)
    assert scheduler.verdict(drill(clock.today, seconds=85)) == "good"  # over the window, under the limit
    narrow = Settings(answer_seconds=(60, 70), answer_limit_seconds=80)     # the bank's own window
    assert scheduler.verdict(drill(clock.today, seconds=85), narrow) == "bad"


def test_a_good_drill_before_it_is_due_does_not_earn_a_longer_gap():
    records = [drill(DAY0), drill(DAY0 + timedelta(days=1))]          # rungs 1 then 2 days
    assert build(records, DAY0 + timedelta(days=1)).types["project"].interval_days == 2
    records.append(drill(DAY0 + timedelta(days=2)))                    # a day early
    t = build(records, DAY0 + timedelta(days=2)).types["project"]
    assert t.interval_days == 2
    assert t.due_on == DAY0 + timedelta(days=4)


def test_skipped_drills_teach_the_schedule_nothing():
    records = [drill(DAY0), drill(DAY0 + timedelta(days=1), seconds=None)]
    t = build(records, DAY0 + timedelta(days=1)).types["project"]
    assert t.drills == 2 and t.interval_days == 1 and t.due_on == DAY0 + timedelta(days=1)


def test_an_uncovered_type_comes_first_then_never_drilled_then_bad_then_overdue():
    today = DAY0 + timedelta(days=30)
    records = []
    for qid in TYPES:
        if qid in {"motivation", "rubric"}:
            continue                                   # never drilled
        records.append(drill(DAY0, qid))               # good, due on day 1: 29 days overdue
    records.append(drill(today - timedelta(days=2), "failure", seconds=20))   # bad, due yesterday
    records.append(drill(today - timedelta(days=3), "learning"))              # due two days ago
    sched = build(records, today, uncovered=["schedule"])
    order = sched.due()
    assert order[0] == "schedule"                      # no story: first, though drilled
    assert order[1:3] == ["motivation", "rubric"]      # never drilled, catalog order
    assert order[3] == "failure"                       # answered badly last time
    assert order[-1] == "learning"                     # the least overdue of the due
    assert set(order) == set(TYPES)


def test_types_not_due_are_left_out_of_due_and_ordered_by_when_they_come_back():
    today = DAY0
    records = [drill(today, q) for q in TYPES[:6]]
    records += [drill(today - timedelta(days=1), "project"), ]
    sched = build(records, today)
    assert sched.due() == ["rubric", "schedule"]
    assert sched.order()[:2] == ["rubric", "schedule"]
    assert sched.next_due("failure") == today + timedelta(days=1)
    assert sched.next_due("rubric") == today


def test_a_story_told_five_times_in_a_week_rests_until_the_oldest_telling_is_a_week_old():
    records = [drill(DAY0 + timedelta(days=d), story="outbox") for d in (0, 1, 2, 3)]
    assert build(records, DAY0 + timedelta(days=3), story_ids=["outbox"]).rested() == []
    records.append(drill(DAY0 + timedelta(days=4), story="outbox"))
    sched = build(records, DAY0 + timedelta(days=4), story_ids=["outbox", "retry"])
    assert sched.rested() == ["outbox"]
    assert sched.stories["outbox"].recent_uses == 5
    assert sched.stories["outbox"].rested_until == DAY0 + timedelta(days=7)
    assert build(records, DAY0 + timedelta(days=6)).rested() == ["outbox"]
    assert build(records, DAY0 + timedelta(days=7)).rested() == []    # day 0 left the window
    old = [drill(DAY0 - timedelta(days=30 + d), story="outbox") for d in range(10)]
    assert build(old, DAY0).rested() == []                              # many uses, long ago


def test_a_rested_story_is_not_picked_while_another_can_answer():
    records = [drill(DAY0 + timedelta(days=d % 3), story="outbox", hour=8 + d) for d in range(6)]
    today = DAY0 + timedelta(days=2)
    sched = build(records, today, story_ids=["outbox", "retry", "kafka"])
    assert sched.pick_story(["outbox", "retry", "kafka"]) == "retry"
    assert sched.pick_story(["retry", "outbox"]) == "retry"
    assert sched.pick_story(["outbox"]) == "outbox"           # the only one that can answer
    assert sched.pick_story([]) is None
    # every candidate resting: the one free soonest
    records += [drill(DAY0 + timedelta(days=2), story="kafka", hour=h) for h in range(1, 6)]
    sched = build(records, today)
    assert set(sched.rested()) == {"outbox", "kafka"}
    assert sched.stories["outbox"].rested_until < sched.stories["kafka"].rested_until
    assert sched.pick_story(["kafka", "outbox"]) == "outbox"


def test_the_schedule_is_deterministic_for_a_log_and_a_date():
    rng = random.Random(7)
    records = []
    for _ in range(400):
        day = DAY0 + timedelta(days=rng.randrange(120))
        records.append(drill(day, rng.choice(TYPES), rng.choice(["a", "b", "c", None]),
                             rng.choice([None, 30, 65, 75, 88, 99]), hour=rng.randrange(24)))
    today = DAY0 + timedelta(days=100)
    first = build(records, today, story_ids=["a", "b", "c"])
    shuffled = records[:]
    rng.shuffle(shuffled)
    second = build(shuffled, today, story_ids=["a", "b", "c"])
    assert first.types == second.types and first.stories == second.stories
    assert first.due() == second.due()
    # drills after `today` (a clock set wrong) do not change it
    later = [*records, drill(today + timedelta(days=3), "rubric")]
    assert build(later, today, story_ids=["a", "b", "c"]).types == first.types


def test_days_follow_the_time_zone_given():
    from datetime import timezone

    late = PracticeRecord(ts=at(DAY0, 23), question="project", story="outbox", answer_seconds=70)
    east = timezone(timedelta(hours=3))
    assert scheduler.day_of(late.ts) == DAY0
    assert scheduler.day_of(late.ts, east) == DAY0 + timedelta(days=1)
    t = scheduler.build([late], TYPES, DAY0 + timedelta(days=1), tz=east).types["project"]
    assert t.due_on == DAY0 + timedelta(days=2)
