"""A score's reasons add up to the score (issue 12): the bank screen shows all of them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from storybank.analysis.engine import analyze
from storybank.bank import StoryFile, read_story_file
from storybank.catalog import builtin_catalog
from storybank.settings import Settings

REPO = Path(__file__).resolve().parents[2]
PATHS = sorted([*(REPO / "stories").glob("*.toml"), *(REPO / "tests" / "corpus" / "weak").glob("*.toml"),
                *(REPO / "tests" / "corpus_professions" / "tuning" / "weak").glob("*.toml")])


def _sum(reasons: tuple[str, ...]) -> int:
    total = 0
    for reason in reasons:
        head = reason.split(":", 1)[0]
        if head.startswith(("capped at", "floored at")):
            total = int(re.findall(r"-?\d+", head)[0])
        else:
            total += int(head)
    return total


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_reasons_add_up_to_the_score(path):
    sf = read_story_file(path)
    assert isinstance(sf, StoryFile)
    report = analyze(sf.story, builtin_catalog(), Settings(), sf.id)
    for name, score in report.scores.items():
        assert _sum(score.reasons) == score.value, (name, score.value, score.reasons)


def test_the_details_panel_shows_every_reason():
    from storybank.ui.widgets import report_view as rv

    sf = read_story_file(PATHS[0])
    report = analyze(sf.story, builtin_catalog(), Settings(), sf.id)
    shown = " ".join(str(line) for line in rv.scores(report, width=400))
    for score in report.scores.values():
        for reason in score.reasons:
            assert reason in shown, reason
