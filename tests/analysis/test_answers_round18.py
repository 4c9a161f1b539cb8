"""Round 18 of issue 22: the grammar behind round 18's readings (round18_answers.toml holds the
answers each must clear or keep warned, run by test_answers_round6.py), and the generic-motivation
advice worded for the field it is given in."""

from __future__ import annotations

from dataclasses import replace

import pytest

from storybank.analysis.gloats import claims_right
from storybank.analysis.lexicon import normalise
from storybank.analysis.work_told import work_told
from storybank.answers.judge import judge_answer
from storybank.catalog import builtin_catalog
from storybank.settings import Settings

WORK_TOLD = [
    ("I love recommending books to people.", True),  # holdout17#25, praised
    ("I am motivated by the opportunity to help customers find solutions to their problems.", True),  # holdout5#60
    ("helping them discover new, helpful products", True),  # holdout15#32, praised
    ("I want to help people", False),  # holdout12#48, criticised
    ("I have a passion for helping people in their time of need", False),  # holdout12#16: no act
    ("I love working with patients", False),  # holdout7#21, criticised
    ("I am driven by a genuine desire to help others and contribute to their well-being", False),  # holdout12#56
    # the speaker's own children are not the work's (holdout13#31)
    ("The time off will allow me to continue my education and to coach my kids in little league.", False),
    # another clause: "teaching" is the subject's interest, the children what they love (tuning#33)
    ("all good teachers became interested in teaching because they love children", False),
    # review18: providing for one's own is a need, not the work's act (a self-serving reason)
    ("I have two kids and I need to provide for them, and this job is remote.", False),
    # review18: a teacher's or a nurse's own students and patients are the work's people, and
    # "teaching" and "training" are acts as "coaching" and "tutoring" are
    ("I love teaching students to read, and I would like to keep doing that in a school like yours.", True),
    ("I love teaching my students to read, and I would like to keep doing that in a school like yours.", True),
    ("What I enjoy most is helping my patients understand their treatment.", True),
    ("I enjoy training new customers on the till.", True),
]


@pytest.mark.parametrize(("text", "told"), WORK_TOLD)
def test_the_work_told_for_the_people_it_serves(text, told):
    assert (work_told(normalise(text)) is not None) is told


def _advice(text: str, profession: str = "") -> str:
    report = judge_answer(text, builtin_catalog(), replace(Settings(), profession=profession),
                          question="motivation")
    return next(f.message for f in report.findings if f.code == "SB741")


def test_the_generic_motivation_advice_fits_the_field():
    # A bookshop's bad answer (holdout17#26) is not told to name an annotation track first ...
    neutral = _advice("I love reading and it would be fun to be around books all day.")
    assert "not only Mercor" in neutral and "the work itself" in neutral
    assert "any platform" not in neutral
    # ... while an annotation applicant keeps the track and the rate.
    annotation = _advice("I want flexible side income I can do from home.", "annotation")
    assert "the track that uses it" in annotation and "the rate" in annotation
    assert "the work itself" not in annotation


def _short(text: str, qtype: str | None) -> str:
    report = judge_answer(text, builtin_catalog(), Settings(), question=qtype)
    return next(f.message for f in report.findings if f.code == "SB503")


def test_a_story_question_answered_in_one_line_is_told_it_holds_no_story():
    # holdout17#7 (criticised: no measurable impact): a claim, not one time it happened
    said = _short("I introduced a triage system that cleared the backlog.", "performance")
    assert "tells no story yet" in said and "where it stood before" in said
    assert "the one decision" not in said
    # its near miss, holdout17#58's praised contrast: short, but a result told with its figure
    said = _short("I used Photoshop to increase ad engagement by 15%.", "project")
    assert "tells no story" not in said and "the one decision" in said


def test_a_short_answer_is_told_what_its_question_asks_for_in_any_field():
    # holdout17#57 (trades, criticised): a reason is asked, not numbers and a decision
    said = _short("I just need a job", "motivation")
    assert "what draws you to this work" in said and "the one decision" not in said
    assert "name the days and hours" in _short("I'm flexible.", "schedule")
    # an answer to no known question keeps the general advice: what was asked is not known
    assert "the one decision" in _short("Well, what would you like to know?", None)


def test_a_first_answer_keeps_its_types_advice_when_the_bank_sets_both_windows_alike():
    # The review of round 18: whether an answer is a follow-up's was read off the two windows being
    # equal, so a bank that sets them alike got the general advice on every first answer.
    from dataclasses import replace

    alike = replace(Settings(), answer_seconds=(40.0, 60.0), followup_seconds=(40.0, 60.0))
    report = judge_answer("I'm flexible.", builtin_catalog(), alike, question="schedule")
    said = next(f.message for f in report.findings if f.code == "SB503")
    assert "name the days and hours" in said
    # near miss: the answer to a follow-up probe keeps the general advice, whatever the windows
    report = judge_answer("It went fine.", builtin_catalog(), Settings(), question="schedule",
                          probe="differently", first="I'm flexible.")
    said = [f.message for f in report.findings if f.code == "SB503"]
    assert not said or "name the days and hours" not in said[0]


GLOATS = [
    ("I was clearly right and eventually they had to admit it.", True),  # holdout15#20
    ("eventually my manager decided we'd use React, so I was right.", True),  # holdout9#49, "gloating"
    ("I knew the direction was wrong.", True),  # holdout3#10
    ("I thought I was right, so I asked her to walk me through her data.", False),  # a belief tested
    ("I knew I was wrong, so I told him the same day.", False),  # the speaker's own error
    ("I was right about our load and wrong that PostgreSQL would win outright.", False),  # weighed
    # review18: "right" of place or time, the speaker's own admission, and a fault noticed are no
    # rightness claimed over anyone (each was warned as SB712 "puts it on the other person")
    ("I was right there with the family when the registrar and I disagreed about the next step.", False),
    ("I was right in the middle of a handover when the attending disagreed with my plan.", False),
    ("My lead and I disagreed on the schema. I had to admit it: her design handled the edge cases better.", False),
    ("We both had to admit it was the vendor's call in the end.", False),
    ("I knew something was wrong with his breathing, so I asked her to look at the trend with me.", False),
    ("I knew exactly what was wrong with the build, so I showed him the log.", False),
    ("I argued for two weeks and in the end they had to admit it.", True),  # near miss: theirs
    ("I knew the plan they chose was wrong.", True),  # near miss: their call judged
]


@pytest.mark.parametrize(("text", "claimed"), GLOATS)
def test_the_speakers_rightness_claimed_over_the_other_side(text, claimed):
    assert (claims_right(text) is not None) is claimed


# --- review18: what the round's readings must leave alone -------------------------------------

@pytest.mark.parametrize("name", ["Jimmy", "Tammy", "Sammy"])
def test_a_name_ending_in_my_is_no_my_before_the_blame(name):
    # "it was my fault" is the speaker's own (round 18); "Jimmy was lazy" is a person blamed, as
    # "Jim was lazy" is: the "my" must be a word of its own.
    from storybank.analysis.signals import blame

    assert blame(f"{name} was lazy and never did the checks.")[1] == blame("Jim was lazy and never did the checks.")[1] == 1
    assert blame("I told her it was my fault and never did the checks.")[1] == 0


@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_a_reason_typed_with_a_curly_apostrophe_reads_as_the_straight_one(apostrophe):
    # A phone or a word processor types "I’ve": the speaker's own history with the work is read
    # all the same (fit_history "i've volunteered"), and SB741 does not call it generic.
    text = (f"I{apostrophe}ve volunteered at the animal shelter every weekend for three years, and I{apostrophe}d "
            "like flexible income doing the same work.")
    report = judge_answer(text, builtin_catalog(), Settings(), question="motivation")
    assert "SB741" not in {f.code for f in report.findings}


def test_a_long_answer_of_rightness_not_claimed_is_read_in_linear_time():
    # Each "I thought I was right" (a belief tested) is passed over; the rest of its sentence was
    # copied out of the text each time, so an answer with no stop in it took time quadratic in
    # its length (review18). A tenth of it timed in the same run is the yardstick.
    import time

    unit = "I thought I was right there and I had to admit it "

    def timed(times: int) -> float:
        start = time.perf_counter()
        claims_right(unit * times)
        return time.perf_counter() - start

    timed(10)
    assert timed(2000) < 30 * max(timed(200), 0.002)
