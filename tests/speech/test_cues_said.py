"""Cues heard as spoken (issue 18, item 7): each rule with a real positive and a near miss."""

from __future__ import annotations

from storybank.cues.story import Cue, values_in
from storybank.speech.said import Heard, cue_said, recogniser_hints


def _said(cue: str, transcript: str, known: set[str] | None = None) -> bool:
    return cue_said(Cue(cue, values_in(cue)), Heard.of(transcript), frozenset(known or ()))


def test_units_said_in_words_count_as_the_unit():
    assert _said("6.8 MB mobile pages", "the mobile pages weighed six point eight megabytes")
    assert _said("95% uptime", "we held ninety five percent uptime")
    assert _said("95% uptime", "we held 95 per cent uptime")
    assert _said("p95 load 4.1 s", "p95 load time was 4.1 seconds", {"p95"})
    # Near miss: the right number with another unit is not the cue.
    assert not _said("95% uptime", "we had 95 hours of uptime")


def test_every_number_of_a_cue_must_be_heard():
    assert _said("dock wait 94 → 31 min", "the dock wait went from ninety four to thirty one minutes")
    assert not _said("dock wait 94 → 31 min", "the dock wait was ninety four minutes")


def test_a_name_said_in_pieces_counts():
    assert _said("CloudFront cache", "we put cloud front in front as the cache", {"cloudfront"})
    # Near miss: "cloud" alone is not the name.
    assert not _said("CloudFront cache", "we put the cache in the cloud", {"cloudfront"})


def test_a_near_miss_of_the_recogniser_on_a_rare_name_counts():
    assert _said("Go worker on libvips", "a Go worker on libvibs", {"go", "libvips"})
    assert not _said("Go worker on libvips", "a Go worker on lips", {"go", "libvips"})


def test_an_everyday_word_counts_as_a_technology_only_when_used_as_its_name():
    known = {"go", "libvips"}
    assert _said("Go worker on libvips", "I wrote the worker in Go, on top of libvips", known)
    assert _said("Go worker on libvips", "so a go worker calls libvips", known)
    # Near miss: the verb "go".
    assert not _said("Go worker on libvips", "we had to go and ask the worker team about libvips", known)
    assert not _said("Rust decoder rewrite", "let's go rewrite the decoder before it starts to rust", {"rust"})


def test_the_recogniser_is_biased_toward_the_story_names():
    from storybank.model import Story

    story = Story(title="Image resizing", questions=["project"], technologies=["Go", "libvips"],
                  action="I moved resizing to a Go worker on libvips behind CloudFront.")
    hints = recogniser_hints(story)
    assert hints[:2] == ["Go", "libvips"] and "CloudFront" in hints
    assert "moved" not in hints and "resizing" not in hints
