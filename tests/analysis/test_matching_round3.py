"""Round 3 of issue 22: common questions that are none of the types, from tests/corpus_real."""

from __future__ import annotations

from storybank.analysis.matching import recognise
from storybank.catalog import builtin_catalog


def test_how_you_would_optimise_in_general_is_no_performance_story():
    catalog = builtin_catalog()
    assert recognise("How do you optimize a web page's response or load time?", catalog).verdict == "none"
    # Near miss (tuning, labelled performance): improving performance asked without a method.
    near = recognise("How do you improve performance?", catalog)
    assert (near.verdict, near.best.id) == ("match", "performance")
    # And a probe about the tools of a story just told stays the technical probe.
    probe = recognise("What tools did you use to debug it?", catalog)
    assert (probe.verdict, probe.best.id) == ("match", "technical")
