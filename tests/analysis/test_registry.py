"""The typed rule registry: keyword metadata, enums declared once, docstrings as explanations,
a second pass instead of special cases in the engine, and caches that follow the catalog object."""

from __future__ import annotations

import gc
import inspect
import json
import re
from pathlib import Path

import pytest

from storybank import catalog as catalog_module
from storybank.analysis import engine
from storybank.analysis.engine import analyze, rules_for
from storybank.analysis.rules.registry import RULES, Category, Severity, builtin_rules, rule
from storybank.analysis.session import analyze_cached
from storybank.catalog import Catalog, builtin_catalog
from storybank.model import Followups, Story
from storybank.settings import Settings

CATALOG = builtin_catalog()


def _sentences(text: str) -> int:
    return len([s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s])


def test_every_built_in_rule_is_typed_and_explains_itself():
    for code, r in builtin_rules().items():
        assert isinstance(r.category, Category) and isinstance(r.severity, Severity), code
        assert r.explanation == inspect.cleandoc(r.check.__doc__), code
        assert 2 <= _sentences(r.explanation) <= 4, (code, r.explanation)
        assert len(r.explanation) >= 120 and code not in r.explanation, code


def test_pitfall_rules_explain_themselves_from_the_catalog():
    pitfalls = {p.code: p for q in CATALOG.questions for p in q.pitfalls}
    for code in pitfalls:
        text = rules_for(CATALOG)[code].explanation
        assert "question" in text and "{" not in text and len(text) > 80, (code, text)


def test_enum_values_are_the_spec_strings():
    assert [s.value for s in Severity] == ["error", "warning", "info"]
    assert {c.value for c in Category} == {"specificity", "ownership", "technical_depth", "compression",
                                           "depth_layers", "pitfall", "structure"}
    finding = analyze(Story(title="", questions=[]), CATALOG, Settings()).findings[0]
    assert json.loads(json.dumps(finding.to_json()))["severity"] == "error"


def test_metadata_is_keyword_only_and_the_docstring_is_required():
    with pytest.raises(TypeError):
        rule("SB998", "x", Category.STRUCTURE, Severity.INFO, "title")  # type: ignore[misc]
    with pytest.raises(TypeError):
        rule(code="SB998", name="x", category="structure", severity="info", field="title")  # type: ignore[arg-type]

    def undocumented(ctx):
        return ()

    with pytest.raises(ValueError, match="docstring"):
        rule(code="SB998", name="x", category=Category.STRUCTURE, severity=Severity.INFO,
             field="title")(undocumented)
    assert "SB998" not in RULES


def test_the_engine_and_the_scores_name_no_finding_code_or_category():
    from storybank.analysis import scores

    for module in (engine, scores):
        source = Path(module.__file__).read_text("utf-8")
        assert re.findall(r"SB\d{3}", source) == [], module.__name__
        assert not re.search(r"[\"'](pitfall|structure|error|warning|info)[\"']", source), module.__name__


def test_rules_that_read_findings_run_in_later_passes():
    table = rules_for(CATALOG)
    assert table["SB790"].after == 1 and table["SB107"].after == table["SB108"].after == 2
    assert all(r.after == 0 for code, r in table.items() if code not in {"SB790", "SB107", "SB108"})


def _performance_story(**changes) -> Story:
    base = dict(title="Faster checkout", questions=["performance"],
                situation="Checkout was slow for our shoppers.",
                action="I profiled the service and I added an index on the orders table.",
                outcome="Checkout became quicker.", reflection="Measure before changing code.",
                followups=Followups())
    return Story(**{**base, **changes})


def test_missing_evidence_stays_quiet_where_a_pitfall_already_spoke():
    vague = _performance_story()  # "became quicker": the speed-up-without-numbers pitfall
    codes = {f.code for f in analyze(vague, CATALOG, Settings()).findings}
    assert "SB721" in codes and "SB790" not in codes
    measured = _performance_story(outcome="Checkout now takes 200 ms for 3,000 shoppers.")
    found = [f for f in analyze(measured, CATALOG, Settings()).findings if f.code == "SB790"]
    assert [f.value for f in found] == ["before_after"]


def test_the_ignore_rules_see_every_earlier_pass():
    measured = _performance_story(outcome="Checkout now takes 200 ms for 3,000 shoppers.")
    report = analyze(measured.model_copy(update={"ignore": ["sb790", "SB101", "SB999"]}), CATALOG, Settings())
    by_code = {f.code: f.value for f in report.findings}
    assert "SB790" not in by_code                 # silenced, and not called unused: it fired
    assert by_code.get("SB108") == "SB101"        # SB101 did not fire
    assert by_code.get("SB107") == "SB999"        # not a code at all
    bank = analyze(measured, CATALOG, Settings(ignore=("SB999",)))
    assert [(f.code, f.field) for f in bank.findings if f.code == "SB107"] == [("SB107", "ignore")]


def _catalog_with_extra_pitfall() -> Catalog:
    data = CATALOG.model_dump(by_alias=True, exclude={"source"})
    data["questions"][0]["pitfalls"].append({"code": "SB799", "name": "says-synergy",
                                              "phrases": ["synergy"], "message": "Drop the buzzword."})
    return Catalog.model_validate(data)


def test_rule_tables_belong_to_their_catalog_and_leave_with_it():
    extra = _catalog_with_extra_pitfall()
    assert "SB799" in rules_for(extra)
    key = id(extra)
    assert key in catalog_module._MEMOS
    del extra
    gc.collect()
    assert key not in catalog_module._MEMOS
    for _ in range(50):  # whatever object now gets that id, it gets its own table
        fresh = Catalog.model_validate(CATALOG.model_dump(by_alias=True, exclude={"source"}))
        assert "SB799" not in rules_for(fresh)
        del fresh


def test_the_report_cache_keys_by_catalog_content_not_identity():
    story = Story(title="T", questions=[CATALOG.questions[0].id], action="We used synergy.")
    settings = Settings()
    plain = analyze_cached(story, CATALOG, settings, "t")
    copy = Catalog.model_validate(CATALOG.model_dump(by_alias=True, exclude={"source"}))
    assert analyze_cached(story, copy, settings, "t") is plain  # same content, same report
    extra = _catalog_with_extra_pitfall()
    other = analyze_cached(story, extra, settings, "t")
    assert "SB799" in {f.code for f in other.findings}
    assert "SB799" not in {f.code for f in plain.findings}
