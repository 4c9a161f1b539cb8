"""Round 21 (issue 22): three misreadings a new user met (tests/DOGFOOD20.md, "Left alone:
judgement calls"), each judged the way `storybank answer` judges a typed answer."""

from __future__ import annotations

from storybank.answers.judge import judge_answer
from storybank.catalog import builtin_catalog
from storybank.settings import Settings

LEAFLET = ("Last year I translated a twelve page patient leaflet from Spanish, and I got one number "
           "wrong: every twelve hours became every two hours, because memoQ split the segment and I "
           "typed over it. The client's pharmacist caught it before print. I told the agency that "
           "day, fixed it, and I added an automatic number check to my QA. Since then forty one "
           "medical jobs with no number error.")


def _codes(text: str, question: str, profession: str) -> set[str]:
    report = judge_answer(text, builtin_catalog(), Settings(profession=profession), question=question)
    return {f.code for f in report.findings}


def test_a_count_said_in_words_is_the_outcomes_number():
    report = judge_answer(LEAFLET, builtin_catalog(), Settings(profession="languages"),
                          question="failure")
    assert report.parts.outcome.startswith("Since then forty one")
    assert "SB201" not in {f.code for f in report.findings}
    # Near miss: an outcome with no count at all is still told.
    plain = LEAFLET.replace("forty one medical jobs", "every medical job")
    assert "SB201" in _codes(plain, "failure", "languages")


def test_what_i_took_from_it_is_a_lesson_and_the_answers_reflection():
    # DOGFOOD20: "What I took from it is to trust the trend, and to escalate at the first refusal."
    # was told "No lesson said". holdout20 says it the same way: "What I took from it is that the
    # data can show you that the policy is right".
    from storybank.answers.covered import covered

    said = ("I was charge nurse on a thirty bed ward. I paged him again, and when he wanted to "
            "wait, I escalated to the registrar and we started the sepsis bundle. What I took from "
            "it is to trust the trend, and to escalate at the first refusal.")
    assert covered(said, mechanism=None, technical=False).lesson == "what i took from"
    report = judge_answer(said, builtin_catalog(), Settings(profession="medicine"),
                          question="disagreement")
    assert report.parts.reflection.startswith("What I took from it")
    assert "differently" not in report.lacking
    # Near miss: taking something from a place is no lesson.
    took = "I took from the stock room two spare pumps and set them up."
    assert covered(took, mechanism=None, technical=False).lesson is None


def test_an_escalation_told_with_what_was_done_at_once_settles_the_disagreement():
    # DOGFOOD20: SB711 told a nurse "without a mechanism … say what settled it: … the escalation
    # policy" of "when he wanted to wait, I escalated to the registrar and we started the sepsis
    # bundle".
    from storybank.analysis.evidence import settled_forum

    said = ("I was charge nurse on a thirty bed ward. I paged him again, and when he wanted to "
            "wait, I escalated to the registrar and we started the sepsis bundle.")
    assert settled_forum(said)
    assert "SB711" not in _codes(said, "disagreement", "medicine")
    # Near misses: an escalation with nothing done after it, and holdout15's escalation turned down
    # for a talk ("Instead of escalating to our manager, I suggested we grab coffee and talk it
    # through") are no mechanism.
    assert not settled_forum("When he wanted to wait, I escalated to the registrar. He was busy.")
    holdout15 = ("Instead of escalating to our manager, I suggested we grab coffee and talk it "
                 "through. We started the pitch together the next week.")
    assert not settled_forum(holdout15)
