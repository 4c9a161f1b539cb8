"""The optional [cues] table (issue 24): the cues a user writes, per part and per probe."""

from __future__ import annotations

from pathlib import Path

from storybank.model import Story
from storybank.storyfile import parse_story, render_story

TEXT = '''title = "Image resizing"
questions = ["project"]
action = "I moved resizing to a Go worker on libvips."

[[metrics]]
name = "mobile page weight"
before = 6.8
after = 1.9
unit = "MB"

[followups]
differently = "I would pre-generate the top two widths at upload."

# My own cues: what I want to see the night before.
[cues]
action = "resize on first request; cap at 6 widths"   # one cue as a string
differently = ["pre-generate top 2 widths at upload"]
'''


def _story(text: str = TEXT) -> Story:
    story = parse_story(text.encode(), Path("s.toml"))
    assert isinstance(story, Story), story
    return story


def test_a_cue_may_be_one_string_or_a_list():
    story = _story()
    assert story.written_cues("action") == ["resize on first request; cap at 6 widths"]
    assert story.written_cues("differently") == ["pre-generate top 2 widths at upload"]
    assert story.written_cues("situation") == []
    assert story.unknown_keys() == [] and story.cues is not None and story.cues.unknown_keys() == []


def test_an_unknown_key_in_cues_is_kept_and_reported():
    story = _story(TEXT + 'situaton = "typo"\n')
    assert story.cues is not None and story.cues.unknown_keys() == ["situaton"]


def test_saving_an_edited_story_keeps_the_cues_table_and_its_comments():
    story = _story()
    edited = story.model_copy(update={"title": "Image resizing at Acme"})
    text = render_story(edited, TEXT)
    assert "# My own cues: what I want to see the night before." in text
    assert "# one cue as a string" in text
    assert _story(text).written_cues("action") == story.written_cues("action")
    # Near miss: a story without [cues] does not gain one.
    plain = TEXT[: TEXT.index("# My own cues")]
    assert "[cues]" not in render_story(_story(plain).model_copy(update={"title": "x"}), plain)


def test_the_data_holds_only_the_cue_keys_written():
    assert _story().to_data()["cues"] == {"action": ["resize on first request; cap at 6 widths"],
                                          "differently": ["pre-generate top 2 widths at upload"]}


def test_an_untouched_cues_table_is_written_back_byte_for_byte():
    story = _story()
    text = render_story(story.model_copy(update={"title": "Image resizing at Acme"}), TEXT)
    assert text[text.index("# My own cues"):] == TEXT[TEXT.index("# My own cues"):]
