"""Round 15 of issue 22: the "unsure" band under the match line. A best type or probe that
misses its "no match" line but scores at least `MODEL_UNSURE` is named as the nearest, never
claimed; under that line a wording stays "no match". Wordings from the spent sets."""

from __future__ import annotations

from storybank.analysis.matching import MODEL_UNSURE, Matcher, decide, recognise
from storybank.analysis.types import MatchCandidate
from storybank.catalog import builtin_catalog

LINES = {"question": 60.0, "probe": 65.0}


def ranked(*scores: float) -> list[MatchCandidate]:
    return [MatchCandidate("question", f"t{i}", s) for i, s in enumerate(scores)]


def test_a_best_under_the_line_and_above_the_band_is_unsure():
    assert decide(ranked(35, 4), 0.6, LINES, 30, unsure=30) == "unsure"
    assert decide(ranked(30, 4), 0.6, LINES, 30, unsure=30) == "unsure"    # the band's own line


def test_under_the_band_or_with_no_band_it_stays_no_match():
    assert decide(ranked(29.9, 4), 0.6, LINES, 30, unsure=30) == "none"
    assert decide(ranked(35, 4), 0.6, LINES, 30) == "none"                 # no band asked for


def test_the_band_changes_no_match_nor_close():
    assert decide(ranked(70, 10), 0.2, LINES, 30, unsure=30) == "match"
    assert decide(ranked(50, 40), 0.1, LINES, 30, unsure=30) == "close"


def test_a_general_question_of_a_type_under_the_line_is_named_unsure():
    # holdout11 (spent), labelled rubric by the general/hypothetical rule. (Round 16's model, trained
    # on holdout12 too, reads round 15's example, a dispute with a coworker there, as a match.)
    found = recognise("If a client's style guide insisted on a term you knew was a mistranslation, "
                      "how would you handle it?", builtin_catalog())
    assert found.verdict == "unsure" and found.best.id == "rubric"
    assert MODEL_UNSURE <= found.best.score < 60
    assert found.shown == [found.best, found.alternatives[0]]


def test_a_common_question_far_from_every_type_stays_no_match():
    found = recognise("Tell me about yourself.", builtin_catalog())
    assert found.verdict == "none" and found.best.score < MODEL_UNSURE and found.shown == []


def test_an_unsure_wording_keeps_the_common_question_it_reads_as():
    # Its nearest probe is shown with the common question it reads as (holdout6, spent; its
    # collector called it a technical probe). (Round 18's model answers round 15's example, "How would
    # you improve our product?", "no match".)
    found = recognise("What metrics would you monitor post-implementation?", builtin_catalog())
    assert found.verdict == "unsure"
    assert found.resembles is not None and "knowledge" in found.resembles and found.advice


def test_the_families_alone_keep_no_band():
    assert Matcher(builtin_catalog(), model=None).unsure == 0.0


def test_a_boss_held_to_be_wrong_is_a_disagreement_a_leaders_own_mistake_is_not():
    # The general/hypothetical family (holdout13, holdout14, spent): the candidate sure that a
    # boss or foreman is wrong. Named with disagreement first (round 16's model, trained on both
    # sets, claims them; round 15's told them unsure or close).
    catalog = builtin_catalog()
    for said in ("What do you do when you know your boss is wrong?",
                 "Say the foreman tells you to do it one way and you're sure it's wrong. How do you handle that?"):
        found = recognise(said, catalog)
        assert found.verdict in {"match", "unsure", "close"} and found.best.id == "disagreement", found.best
    # Near misses: one's own mistake as a leader stays a failure; a wrong answer is no one's view.
    assert recognise("Tell me about a time you made a mistake as a leader. How did you recover?",
                     catalog).best.id == "failure"
    assert recognise("What do you do when you know the answer is wrong?", catalog).verdict == "none"
