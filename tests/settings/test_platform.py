"""The `platform` setting (issue 21 item 14): the company, platform or specialty track the user
prepares for. The catalog's motivation question, its coaching, the cheat sheet and the findings
name it; by default they name Mercor, as the built-in catalog always did."""

from __future__ import annotations

import pytest

from storybank.analysis.engine import analyze
from storybank.bank import Bank
from storybank.catalog import builtin_catalog, catalog_for
from storybank.export.api import render_cheatsheet
from storybank.model import Story
from storybank.settings import DEFAULT, SETTINGS_FILE, parse_settings

GENERIC = Story(
    title="Why I applied", questions=["motivation"],
    action="I want flexible side income I can do from home in the evenings. I love AI and it seems "
           "like a great company to work with. The work looks interesting and I pick things up fast.",
    outcome="I could start right away and put in time most weeks.",
    reflection="It feels like a good fit for where I am now.")


def test_the_default_is_the_built_in_wording():
    motivation = builtin_catalog().question("motivation")
    assert DEFAULT.platform == "Mercor"
    assert motivation.question == "Why are you applying to Mercor specifically?"
    assert motivation.label == "Why Mercor"


def test_a_bank_preparing_for_another_platform_sees_its_name_everywhere(bank_dir):
    (bank_dir / SETTINGS_FILE).write_text('platform = "Outlier"\n', encoding="utf-8")
    bank = Bank.open(bank_dir)
    catalog = catalog_for(bank.settings)
    motivation = catalog.question("motivation")
    assert motivation.question == "Why are you applying to Outlier specifically?"
    assert motivation.label == "Why Outlier" and "Outlier" in motivation.guidance
    texts = [motivation.question, motivation.label, motivation.guidance, *motivation.phrasings,
             *motivation.strong, *(p.message for p in motivation.pitfalls)]
    assert not any("Mercor" in t or "{platform}" in t for t in texts)

    finding = next(f for f in analyze(GENERIC, catalog, bank.settings, "why").findings if f.code == "SB741")
    assert "not only Outlier" in finding.message

    sheet = render_cheatsheet(bank, catalog, "txt").data.decode()
    assert "WHY OUTLIER" in sheet and "MERCOR" not in sheet.upper()


def test_the_matcher_recognises_the_named_platform():
    from storybank.analysis.matching import match_question

    catalog = builtin_catalog("Outlier")
    found, _others = match_question("So what brings you to Outlier?", catalog)
    assert found.kind == "question" and found.id == "motivation"


@pytest.mark.parametrize("bad", ["", "Acme {x}", "a|b", 7, "x" * 61])
def test_a_platform_that_is_not_a_plain_name_is_refused(bad):
    with pytest.raises(ValueError, match="`platform`"):
        parse_settings({"platform": bad})
