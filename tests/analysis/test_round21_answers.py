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
