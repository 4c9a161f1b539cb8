"""Round 21 (lead): SB403 ("the action stays at the surface") is a note, not a warning, on a spoken
answer with no field chosen and no software in it. There its mechanism words cannot cover every
field's way of telling how the work worked: over the spent sets it warned 29 praised answers and
3 criticised ones (tests/corpus_real). A software answer, an answer with a chosen profession and a
story file are warned as before."""

from __future__ import annotations

import pytest

from storybank.answers.judge import judge_answer
from storybank.catalog import builtin_catalog
from storybank.settings import Settings

# The three criticised answers that lose the warning (real_pitfalls.toml, round7_answers.toml).
VAGUE = [
    ("In my last job I had to analyse all the supplier bids and present recommendations. My analysis "
     "compared dissimilar items and my final report was confusing. Ever since, I've asked every supplier "
     "for the same request-for-proposal format, and I check it.", "failure"),
    ("I shipped a database migration for our users and there were some problems with it during the "
     "release that we had to handle. I rolled it back, ran it again later in a maintenance window, and "
     "after that it was fine for everyone.", "failure"),
]


def _sb403(text: str, qtype: str, settings: Settings) -> str | None:
    report = judge_answer(text, builtin_catalog(), settings, question=qtype)
    return next((str(f.severity) for f in report.findings if f.code == "SB403"), None)


@pytest.mark.parametrize(("text", "qtype"), VAGUE)
def test_a_spoken_answer_of_no_field_gets_the_surface_as_a_note(text, qtype):
    assert _sb403(text, qtype, Settings()) == "info"


@pytest.mark.parametrize(("text", "qtype"), VAGUE)
def test_near_miss_a_chosen_profession_still_warns(text, qtype):
    assert _sb403(text, qtype, Settings(profession="finance")) == "warning"


def test_near_miss_a_software_answer_still_warns():
    text = ("I shipped a Postgres migration with Alembic for our users and there were some problems with it "
            "during the release that we had to handle. I rolled it back with Kubernetes, ran it again later, "
            "and after that it was fine for everyone.")
    assert _sb403(text, "failure", Settings()) == "warning"
