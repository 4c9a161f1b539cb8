"""Story ids derived from titles: always valid, never hidden, never reserved, never colliding."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from storybank import ids
from tests.strategies import text

ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
SETTINGS = settings(max_examples=100, deadline=None)
titles = st.one_of(text, st.text(max_size=300), st.sampled_from(["CON", "nul", "..", ".x", "-", "LPT9"]))


def _valid(story_id: str) -> None:
    assert ID.match(story_id), story_id
    assert ids.is_valid_id(story_id)
    assert story_id.lower() not in ids.RESERVED
    assert not story_id.startswith((".", "-"))
    assert not story_id.endswith("-")
    assert "--" not in story_id


@SETTINGS
@given(title=titles)
def test_any_title_gives_a_valid_id(title):
    story_id = ids.slugify(title)
    _valid(story_id)
    assert ids.slugify(title) == story_id  # deterministic


@SETTINGS
@given(title=titles)
def test_slug_of_a_slug_is_itself(title):
    story_id = ids.slugify(title)
    assert ids.slugify(story_id) == story_id


@SETTINGS
@given(title=titles, taken=st.sets(st.one_of(st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True),
                                              st.sampled_from(["story", "story-2", "STORY-3", "Con-Story"])),
                                   max_size=20))
def test_unique_id_avoids_collisions_case_insensitively(title, taken):
    story_id = ids.unique_id(title, taken)
    _valid(story_id)
    assert story_id.lower() not in {t.lower() for t in taken}
    if ids.slugify(title) not in {t.lower() for t in taken}:
        assert story_id == ids.slugify(title)


@SETTINGS
@given(title=titles, count=st.integers(1, 15))
def test_repeated_unique_ids_are_all_distinct(title, count):
    taken: set[str] = set()
    for _ in range(count):
        story_id = ids.unique_id(title, taken)
        _valid(story_id)
        assert story_id not in taken
        taken.add(story_id.upper())  # another file system's spelling must still collide


def test_examples():
    assert ids.slugify("Payment retry pipeline at Acme") == "payment-retry-pipeline-at-acme"
    assert ids.slugify("Café déjà vu") == "cafe-deja-vu"
    assert ids.slugify("") == ids.FALLBACK
    assert ids.slugify("nul") == "nul-story"
    assert ids.unique_id("Story", {"story", "STORY-2"}) == "story-3"
    long = ids.unique_id("a" * 100, {"a" * 64})
    assert long == "a" * 62 + "-2"


def test_is_valid_id_rejects_bad_names():
    for bad in ["", "-a", ".a", "A", "a b", "a/b", "a" * 65, "con", "COM1", "a.toml", "é"]:
        assert not ids.is_valid_id(bad), bad
    for good in ["a", "0", "a-b", "a" * 64, "con-2", "9-lives"]:
        assert ids.is_valid_id(good), good
