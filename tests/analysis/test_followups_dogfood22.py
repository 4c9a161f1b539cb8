"""Round 21 (lead), DOGFOOD22's pharmacist: a follow-up asked about "the Bayesian dosing tool
side" (the idiom "side by side" cut at "by"), and "What did you build with Bayesian once you had
learned it?" (an adjective taken for the listed "Bayesian dosing software"). Each with a near miss."""

from __future__ import annotations

from pathlib import Path

from storybank.analysis.followups import followup_prompts
from storybank.analysis.phrases import decision_phrase
from storybank.bank import read_story_file
from storybank.catalog import builtin_catalog
from storybank.settings import Settings

STORY = Path(__file__).parents[1] / "cli" / "dogfood22" / "teaching-myself-pharmacokinetic-dosing-for-vancomycin.toml"


def test_an_idiom_of_manner_is_not_cut_into_the_thing_done():
    said = "I then ran a Bayesian dosing tool side by side with trough dosing on our ward for a month."
    assert decision_phrase(said) == "a Bayesian dosing tool"


def test_near_miss_a_thing_named_with_side_keeps_it():
    assert decision_phrase("I rebuilt the patient side of the portal.") == "the patient side of the portal"


def _prompts(technologies: list[str] | None = None) -> str:
    sf = read_story_file(STORY)
    story = sf.story if technologies is None else sf.story.model_copy(update={"technologies": technologies})
    return " ".join(p.prompt for p in followup_prompts(story, builtin_catalog(), Settings()))


def test_an_adjective_of_a_name_is_no_tool_to_ask_about():
    said = _prompts()
    assert "with Bayesian " not in said and "Bayesian dosing tool side" not in said


def test_near_miss_a_listed_name_said_whole_is_asked_about():
    assert "with the Bayesian dosing tool once" in _prompts(["Bayesian dosing tool"])
