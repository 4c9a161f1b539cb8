"""A bank's own question catalog (settings `catalog = "..."`) that this version cannot use is one
clear error naming the file, never an internal error in the middle of the analysis."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path

import pytest
import tomlkit
from hypothesis import given, settings
from hypothesis import strategies as st

from storybank.analysis.engine import analyze
from storybank.bank import Bank
from storybank.catalog import load_catalog
from storybank.errors import StorybankError
from storybank.settings import Settings
from tests.helpers import GOOD_STORY, REPO
from tests.strategies import FUZZ, examples, fresh_folder, mutated_text

BUILTIN = tomllib.loads((REPO / "src/storybank/data/catalog.toml").read_text(encoding="utf-8"))


def _no_questions(d):
    d["questions"] = []


def _unknown_pitfall_check(d):
    next(p for q in d["questions"] for p in q.get("pitfalls", []))["check"] = "no-such-check"


def _unknown_evidence_check(d):
    d["evidence"][0]["check"] = "nope"


def _builtin_code(d):
    next(p for q in d["questions"] for p in q.get("pitfalls", []))["code"] = "SB101"


CASES = {
    "no-question-types": (_no_questions, "no question types"),
    "unknown-pitfall-check": (_unknown_pitfall_check, "unknown check `no-such-check`"),
    "unknown-evidence-check": (_unknown_evidence_check, "unknown check `nope`"),
    "pitfall-reuses-a-builtin-code": (_builtin_code, "reuses a built-in finding code"),
}


def write_catalog(root: Path, case: str) -> Path:
    data = copy.deepcopy(BUILTIN)
    CASES[case][0](data)
    path = root / ".catalog.toml"
    path.write_text(tomlkit.dumps(data), encoding="utf-8")
    (root / ".storybank.toml").write_text('catalog = ".catalog.toml"\n', encoding="utf-8")
    return path


@pytest.mark.parametrize("case", list(CASES))
def test_an_unusable_catalog_is_a_clear_error(tmp_path, case):
    path = write_catalog(tmp_path, case)
    (tmp_path / "good.toml").write_text(GOOD_STORY, encoding="utf-8")
    bank = Bank.open(tmp_path)
    with pytest.raises(StorybankError) as caught:
        catalog = load_catalog(bank.settings.catalog_path())
        analyze(bank.stories[0].story, catalog, Settings(), "good")
    assert str(path) in str(caught.value) and CASES[case][1] in str(caught.value)


@pytest.mark.slow
@pytest.mark.parametrize("case", list(CASES))
def test_every_analysing_command_says_so_in_one_line(cli, tmp_path, case):
    write_catalog(tmp_path, case)
    (tmp_path / "good.toml").write_text(GOOD_STORY, encoding="utf-8")
    for args in (["lint", "--format", "json"], ["coverage"], ["match", "why this company?"],
                 ["export", "--format", "txt"]):
        result = cli("--bank", str(tmp_path), *args)
        result.no_traceback()
        assert result.code == 2 and len(result.err_lines) == 1, (args, result.err)
        assert CASES[case][1] in result.err and result.out == ""


# --- fuzzing catalogs (tests/settings/test_settings.py fuzzes the settings file) ----------------

CATALOG_TEXT = (REPO / "src/storybank/data/catalog.toml").read_text(encoding="utf-8")
FUZZ_CATALOG = settings(FUZZ, max_examples=examples(60))


@FUZZ_CATALOG
@given(text=mutated_text(CATALOG_TEXT), question=st.text(max_size=60))
def test_any_catalog_loads_and_analyses_or_is_one_clear_error(tmp_path, text, question):
    from storybank.analysis.coverage import compute_coverage
    from storybank.analysis.followups import followup_prompts
    from storybank.analysis.matching import match_question

    path = fresh_folder(tmp_path) / "catalog.toml"
    path.write_text(text, encoding="utf-8")
    try:
        catalog = load_catalog(path)
        story = tomllib.loads(GOOD_STORY)
        from storybank.model import Story

        s = Story.model_validate(story)
        report = analyze(s, catalog, Settings(), "good")
        followup_prompts(s, catalog, Settings())
        match_question(question, catalog)

        class SF:
            id = "good"
            story = s

        compute_coverage([SF], {"good": report}, catalog)
    except StorybankError:
        return
