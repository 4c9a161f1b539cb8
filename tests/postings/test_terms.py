"""Key terms and units of a requirement, and the stemmer that lets different forms meet."""

from __future__ import annotations

import pytest

from storybank.postings.stem import stem
from storybank.postings.terms import analyse, key


@pytest.mark.parametrize("a, b", [
    ("optimising", "optimized"), ("optimisation", "optimize"), ("led", "leading"), ("leadership", "lead"),
    ("taught", "teaching"), ("deployed", "deployments"), ("studies", "study"), ("licence", "license"),
    ("behaviour", "behavior"), ("analysis", "analyzed"), ("mentored", "mentoring"),
])
def test_forms_of_one_word_meet(a, b):
    assert stem(a) == stem(b)


@pytest.mark.parametrize("a, b", [("community", "communication"), ("localisation", "local"),
                                  ("general", "generalist")])
def test_unrelated_words_stay_apart(a, b):
    assert stem(a) != stem(b)


def labels(text: str) -> list[tuple[str, float]]:
    return [(u.label, u.weight) for u in analyse(text)[1]]


def test_padding_words_are_dropped_and_names_weigh_more():
    assert labels("Strong experience with Kafka and excellent communication skills") == [
        ("Kafka", 2.0), ("communication", 0.5)]


def test_names_joined_by_or_are_one_unit_any_of_them_will_do():
    units = analyse("Production experience in Go or Java (Kotlin, Scala)")[1]
    names = [u for u in units if u.name]
    assert [u.label for u in names] == ["Go / Java / Kotlin / Scala"]
    assert "=Go" in names[0].keys and key("Java") in names[0].keys


def test_examples_after_such_as_are_one_unit():
    units = analyse("Translating clinical documents, such as protocols and consent forms")[1]
    assert units[-1].label == "protocols and consent forms" and units[-1].weight == 1.0


def test_alias_phrases_become_one_name():
    units = analyse("Critical care nursing")[1]
    assert units[0].label == "Critical care" and units[0].name
    assert key("ICU") in units[0].keys or "=ICU" in units[0].keys or "icu" in units[0].keys


def test_short_names_match_only_as_written():
    units = analyse("Experience with Go")[1]
    assert units[0].keys == frozenset({"=Go", "golang"})


def test_display_terms_are_the_runs_between_padding():
    terms, _units = analyse("Experience optimizing latency in high-throughput services")
    assert terms == ["optimizing latency", "high-throughput services"]


def test_the_people_after_to_or_with_are_one_unit_any_of_them_will_do():
    _terms, units = analyse("Ability to explain results to underwriters, actuaries and regulators")
    labels = [u.label for u in units]
    assert "underwriters / actuaries / regulators" in labels
    # Near miss: an "and" list that is not an audience still asks for each thing.
    _terms, units = analyse("Experience processing, packaging and shipping specimens")
    assert not any(" / " in u.label for u in units)


def test_a_name_may_close_a_list_of_alternatives():
    _terms, units = analyse("Experience mentoring junior engineers or EITs")
    either = [u for u in units if " / " in u.label]
    assert len(either) == 1 and {"eit", "junior"} <= either[0].keys
    # Near miss: a name joined by "and" is asked for on its own.
    _terms, units = analyse("Experience mentoring junior engineers and EITs")
    assert not any(" / " in u.label for u in units)
