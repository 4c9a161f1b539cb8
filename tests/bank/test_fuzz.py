"""Fuzzing the bank: valid, nearly valid and garbage story files through loading and save.

The only allowed outcomes of loading are a Story or a LoadError; an edited story saves and reloads
as the same story, and an unchanged one is never rewritten. (tests/analysis/test_fuzz_analysis.py
and tests/export/test_fuzz_export.py put the same files through analysis and export.)
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storybank.bank import Bank, StoryFile, read_story_file
from storybank.errors import LoadError
from tests.strategies import (
    FUZZ,
    PROBES,
    QUESTION_IDS,
    any_file,
    examples,
    garbage_bytes,
    load_one,
    loadable,
    long_text,
    metric,
    nearly_valid_bytes,
    text,
    valid_bytes,
)

pytestmark = pytest.mark.slow  # real engines or many generated cases: outside the inner loop

# --- loading ----------------------------------------------------------------------------------------

@FUZZ
@given(data=any_file)
def test_loading_gives_a_story_or_a_load_error_naming_the_file(tmp_path, data):
    bank, result = load_one(tmp_path, data)
    if isinstance(result, LoadError):
        assert result.path == bank.root / "story.toml"
        assert result.message.strip() and str(result).startswith(str(result.path))
        assert result.line is None or result.line >= 1
        assert result.to_json()["path"] == str(result.path)
    else:
        assert result.id == "story" and isinstance(result.story.title, str)


@settings(FUZZ, max_examples=examples(60))
@given(data=valid_bytes)
def test_every_valid_file_loads(tmp_path, data):
    _, result = load_one(tmp_path, data)
    assert isinstance(result, StoryFile), str(result)


@settings(FUZZ, max_examples=examples(60))
@given(data=garbage_bytes)
def test_garbage_is_a_load_error_and_is_left_alone(tmp_path, data):
    bank, result = load_one(tmp_path, data)
    assert (bank.root / "story.toml").read_bytes() == data
    if isinstance(result, StoryFile):  # random bytes can spell a story, rarely
        assert result.story.title is not None


# --- save -------------------------------------------------------------------------------------------

EDITABLE = ["title", "role", "ownership", "situation", "action", "outcome", "reflection"]


@st.composite
def edits(draw) -> dict:
    """What an editor changes: texts, lists, optional fields removed, follow-ups and metrics."""
    from storybank.model import Followups, Metric

    out: dict = draw(st.dictionaries(st.sampled_from(EDITABLE), long_text, max_size=3))
    if draw(st.booleans()):
        out["technologies"] = draw(st.lists(text, max_size=3))
    if draw(st.booleans()):
        out["questions"] = draw(st.lists(st.sampled_from(QUESTION_IDS), max_size=3))
    for optional in ("role", "when"):
        if draw(st.integers(0, 4)) == 0:
            out[optional] = None  # the field removed
    choice = draw(st.sampled_from(["keep", "none", "some"]))
    if choice == "none":
        out["followups"] = None
    elif choice == "some":
        out["followups"] = Followups(**{p: draw(long_text) for p in PROBES if draw(st.booleans())})
    if draw(st.booleans()):
        out["metrics"] = [Metric(**m) for m in draw(st.lists(metric(), max_size=3))]
    return out


@FUZZ
@given(data=st.one_of(valid_bytes, nearly_valid_bytes), change=edits())
def test_an_edited_story_saves_and_reloads_as_the_same_story(tmp_path, data, change):
    bank, sf = loadable(tmp_path, data)
    edited = sf.story.model_copy(update=change)
    changed = edited.to_data() != sf.story.to_data()
    saved = bank.save(sf, edited)
    if not changed:
        assert saved is False and sf.path.read_bytes() == data
    again = read_story_file(sf.path)
    assert isinstance(again, StoryFile), str(again)
    assert again.story.to_data() == edited.to_data()
    assert sorted(p.name for p in sf.path.parent.iterdir()) == ["story.toml"]  # no temp files
    before = sf.path.read_bytes()
    assert bank.save(sf, edited) is False  # nothing changed: nothing written
    assert sf.path.read_bytes() == before
    other = Bank.open(sf.path.parent)  # a second reader sees the same story
    assert other.stories[0].story.to_data() == edited.to_data()


@settings(FUZZ, max_examples=examples(60))
@given(data=st.one_of(valid_bytes, nearly_valid_bytes))
def test_an_unchanged_story_is_never_rewritten(tmp_path, data):
    bank, sf = loadable(tmp_path, data)
    before = sf.path.read_bytes()
    same = sf.story.model_copy(deep=True)
    assert bank.save(sf, same) is False
    assert sf.path.read_bytes() == before
