"""One kind of table for every named check: built-in finding codes, pitfall checks and evidence
checks are all registered by name where they are defined, and looked up the same way."""

from __future__ import annotations

import pytest

from storybank.analysis.engine import rules_for
from storybank.analysis.evidence import EVIDENCE_CHECKS
from storybank.analysis.named import Named
from storybank.analysis.rules.pitfalls import CHECKS
from storybank.analysis.rules.registry import RULES, builtin_rules
from storybank.catalog import builtin_catalog
from storybank.errors import StorybankError


def test_a_decorated_function_is_found_by_its_name():
    table: Named[object] = Named("test check")

    @table.register("second")
    def second() -> int:
        return 2

    @table.register("first")
    def first() -> int:
        return 1

    assert table.find("first") is first and table["second"] is second
    assert list(table) == ["second", "first"] and len(table) == 2  # registration order
    assert table.known() == "first, second"                         # sorted for messages
    assert first() == 1  # the decorator hands the function back unchanged


def test_a_name_registered_twice_is_refused_and_the_first_kept():
    table: Named[int] = Named("test check")
    table.add("one", 1)
    with pytest.raises(ValueError, match="test check one registered twice"):
        table.add("one", 2)
    assert table["one"] == 1


def test_an_unknown_name_is_a_value_error_that_names_it():
    table: Named[int] = Named("test check")
    table.add("one", 1)
    with pytest.raises(ValueError, match="unknown test check 'two'"):
        table.find("two")
    assert "two" not in table and "one" in table


def test_the_three_kinds_share_the_table():
    builtin_rules()
    assert all(isinstance(t, Named) for t in (RULES, CHECKS, EVIDENCE_CHECKS))
    assert "SB790" in RULES and "blame" in CHECKS and "before_after" in EVIDENCE_CHECKS
    assert "blame" not in EVIDENCE_CHECKS and "before_after" not in CHECKS


def test_every_check_the_builtin_catalog_names_is_registered():
    catalog = builtin_catalog()
    # A check named for evidence said in part (`in_part`) is a check like any other.
    evidence = {name for ev in catalog.evidence for name in (ev.check, ev.in_part) if name}
    pitfalls = {p.check for q in catalog.questions for p in q.pitfalls if p.check}
    assert evidence <= set(EVIDENCE_CHECKS)
    # "technologies" is there for a bank's own catalog; the built-in one names no other spare
    assert set(EVIDENCE_CHECKS) - evidence == {"technologies"}
    assert pitfalls == set(CHECKS)


@pytest.mark.parametrize("kind", ["evidence", "pitfall"])
def test_a_catalog_naming_an_unknown_check_is_told_every_known_one(kind):
    catalog = builtin_catalog()
    if kind == "evidence":
        evidence = [catalog.evidence[0].model_copy(update={"check": "nope"}), *catalog.evidence[1:]]
        broken = catalog.model_copy(update={"evidence": evidence})
        table: Named[object] = EVIDENCE_CHECKS
    else:
        first = catalog.questions[0]
        pitfall = first.pitfalls[0].model_copy(update={"check": "nope"})
        question = first.model_copy(update={"pitfalls": [pitfall, *first.pitfalls[1:]]})
        broken = catalog.model_copy(update={"questions": [question, *catalog.questions[1:]]})
        table = CHECKS
    with pytest.raises(StorybankError) as caught:
        rules_for(broken)
    message = str(caught.value)
    assert "names the unknown check `nope`" in message
    assert message.endswith("known checks: " + ", ".join(sorted(table)))
    rules_for(catalog)  # the unbroken catalog is fine
