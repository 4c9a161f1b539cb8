"""What the screens say (issue 21, item 18): findings in the form's words, not the file's; a
compression score that does not read "100: start"; an empty bank's interview that does not offer
"the 0 you can answer"."""

from __future__ import annotations

from storybank.ui import form_words

from .helpers import live, screen_text, settle


def flat(text: str) -> str:
    return " ".join(text.replace("▏", " ").split())


async def test_a_new_story_s_findings_use_the_form_s_labels(open_app):
    async with open_app((120, 40)) as pilot:
        await pilot.press("n")
        await live(pilot)
        text = flat(screen_text(pilot.app))
        assert "Situation is empty" in text
        for file_word in ("`situation`", "`questions`", "[[metrics]]", "`action`"):
            assert file_word not in text


def test_every_file_name_of_a_field_has_a_form_label():
    assert form_words.message("Map the story to at least one question type in `questions` (a, b).") \
        == "Map the story to at least one question type in Question types."
    assert form_words.message("Add at least one [[metrics]] entry with a real number") \
        == "Add at least one metric with a real number"
    assert form_words.message("The `technical` follow-up is about 12 s") == "The “technical” follow-up is about 12 s"
    assert form_words.field_label("followups.technical") == "Follow-up: technical"
    assert form_words.field_label("metrics[0].before") == "Metric 1"
    assert form_words.field_label("questions") == "Question types"
    # what the form does not show keeps the file's word: the user has to edit the file for it
    assert form_words.message("`ignore` names SB999, which is not a finding code") \
        == "`ignore` names SB999, which is not a finding code"


async def test_the_compression_score_says_where_it_starts_in_words(open_app):
    async with open_app((120, 40)) as pilot:
        await settle(pilot)
        text = flat(screen_text(pilot.app))
        assert "Compression" in text
        assert "100: start" not in text and "full marks" in text


async def test_an_empty_bank_s_interview_does_not_offer_the_0_it_can_answer(open_app, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    async with open_app((80, 24), "i", root=empty) as pilot:
        text = flat(screen_text(pilot.app))
        assert "no story for any of the 8 question types" in text
        assert "the 0 you can answer" not in text and "Nothing to ask yet" in text
