"""A listed method said as a common noun, put in a tool's slot (round 21, tests/DOGFOOD21.md).

A lawyer lists `technologies = ["Relativity", "privilege log", ...]`; the follow-ups asked "Would
you use privilege log the same way", "besides privilege log", "how you used privilege log". A
name takes no article ("Relativity", "pandas"); a lower-case phrase naming a thing does ("the
privilege log", "the gold set"); one naming a practice does not ("reciprocal teaching", "flow
cytometry", "search terms"). Word lists: lexicon `prompt_countable_heads`, `prompt_mass_endings`,
`prompt_mass_heads`."""

from __future__ import annotations

from pathlib import Path

import pytest

from storybank.analysis.followups import common_noun_phrase, followup_prompts, story_values
from storybank.catalog import builtin_catalog
from storybank.model import Story
from storybank.settings import Settings
from storybank.storyfile import parse_story

TESTS = Path(__file__).resolve().parent.parent


def _story(path: str) -> Story:
    file = TESTS / path
    story = parse_story(file.read_bytes(), file)
    assert isinstance(story, Story)
    return story


def test_the_lawyers_privilege_log_is_asked_with_the() -> None:
    # tests/cli/dogfood21: technologies = ["Relativity", "privilege log", "FRCP Rule 26(b)(5)"];
    # the answer says "I prepared and signed off the privilege log" and never "Relativity".
    story = _story("cli/dogfood21/a-privilege-log-entry-i-got-wrong.toml")
    prompts = [p.prompt for p in followup_prompts(story, builtin_catalog(), Settings(), "law")]
    assert "Would you use the privilege log the same way if you started over? What would you do " \
           "differently?" in prompts
    assert "What else did you consider besides the privilege log, and why did it lose?" in prompts
    assert "Walk me through how you used the privilege log, step by step." in prompts
    assert not any(f"{before} privilege log" in p for p in prompts
                   for before in ("use", "besides", "used", "with"))


def test_a_gold_set_is_the_gold_set() -> None:
    # corpus_professions/holdout2 (spent): "Label Studio", "Fleiss' kappa", "gold set".
    story = _story("corpus_professions/holdout2/strong/annotation-project-sentiment-gold-set.toml")
    assert story_values(story, builtin_catalog())["technology"] == "the gold set"


@pytest.mark.parametrize(("path", "name"), [
    # corpus_postings_holdout14 (spent): ["Python", "pandas", "Skyplan"]: a product in lower case.
    ("corpus_postings_holdout14/flight_dispatcher/stories/learning-python-for-delay-data.toml", "pandas"),
    # corpus_professions/tuning: ["Relativity", ..., "privilege log", ...]: the name said first.
    ("corpus_professions/tuning/strong/law-failure-privilege-search-terms.toml", "Relativity"),
])
def test_a_product_name_stays_bare(path: str, name: str) -> None:
    assert story_values(_story(path), builtin_catalog())["technology"] == name


@pytest.mark.parametrize(("name", "common"), [
    ("privilege log", True), ("gold set", True), ("transaction cost model", True),
    ("care plan", True), ("motion to dismiss", True),
    ("statement of undisputed material facts", True), ("reaction mechanism", True),
    ("hand lens", True), ("#10 blade", True),
    # names, and practices said without an article
    ("Relativity", False), ("FRCP Rule 26(b)(5)", False), ("pandas", False), ("serde_json", False),
    ("rubric", False), ("reciprocal teaching", False), ("flow cytometry", False),
    ("search terms", False), ("finite element analysis", False), ("retrieval practice", False),
    ("technology-assisted review", False), ("by ear", False), ("enoxaparin (low molecular weight heparin)", False),
])
def test_common_noun_phrase(name: str, common: bool) -> None:
    # Listed technologies of the spent story banks (tests/corpus_postings*, corpus_professions).
    assert common_noun_phrase(name) is common
