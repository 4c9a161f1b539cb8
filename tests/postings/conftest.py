"""Small postings and stories for the posting tests: written here, in several fields, by the
people who wrote the matcher (the blind corpus is tests/corpus_postings)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storybank.model import Story

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
BANKS = HERE / "banks"


def story(title: str = "A story", questions: tuple[str, ...] = ("project",), **parts: str) -> Story:
    return Story(title=title, questions=list(questions), **parts)


def bank_of(**stories: Story) -> list[tuple[str, Story]]:
    """(id, story) pairs, ids from the keyword names with _ as -."""
    return [(name.replace("_", "-"), s) for name, s in stories.items()]


def checked_against(posting: str, sentence: str):
    """The report of `posting` against a bank of one story whose action is `sentence`."""
    from storybank.postings.check import check

    return check(posting, bank_of(only=story(action=sentence)), motivation=False)


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
