"""Analysing one story: run every rule, apply ignores, compute the scores."""

from __future__ import annotations

from storybank.analysis.context import StoryContext
from storybank.analysis.rules.pitfalls import catalog_rules, pitfall_dimensions, pitfall_evidence
from storybank.analysis.rules.registry import Rule, builtin_rules
from storybank.analysis.scores import compute_scores
from storybank.analysis.types import SEVERITY_RANK, Finding, StoryReport
from storybank.catalog import Catalog
from storybank.errors import StorybankError
from storybank.model import Story
from storybank.settings import Settings

_CATALOG_RULES: dict[int, tuple[Catalog, dict[str, Rule], dict[str, str]]] = {}


def rules_for(catalog: Catalog) -> tuple[dict[str, Rule], dict[str, str]]:
    """Every rule for this catalog (built-in and its pitfalls), by code, in code order."""
    cached = _CATALOG_RULES.get(id(catalog))
    if cached is None or cached[0] is not catalog:
        _check_catalog(catalog)
        merged = dict(builtin_rules())
        for code, rule in catalog_rules(catalog).items():
            if code in merged:
                raise StorybankError(f"{catalog.source or 'the catalog'}: pitfall {code} reuses a "
                                     "built-in finding code; give it a code of its own")
            merged[code] = rule
        ordered = dict(sorted(merged.items()))
        cached = (catalog, ordered, pitfall_dimensions(catalog))
        _CATALOG_RULES[id(catalog)] = cached
    return cached[1], cached[2]


def _check_catalog(catalog: Catalog) -> None:
    """A bank's own catalog may name checks this version does not have: say which, clearly,
    instead of failing with a KeyError in the middle of the analysis."""
    from storybank.analysis.evidence import KNOWN_CHECKS
    from storybank.analysis.rules.pitfalls import CHECKS

    source = catalog.source or "the catalog"
    for ev in catalog.evidence:
        if ev.check and ev.check not in KNOWN_CHECKS:
            raise StorybankError(f"{source}: evidence `{ev.id}` names the unknown check "
                                 f"`{ev.check}`; known checks: {', '.join(KNOWN_CHECKS)}")
    for q in catalog.questions:
        for p in q.pitfalls:
            if p.check and p.check not in CHECKS:
                raise StorybankError(f"{source}: pitfall {p.code} names the unknown check "
                                     f"`{p.check}`; known checks: {', '.join(sorted(CHECKS))}")


def _finding(rule: Rule, hit) -> Finding:
    return Finding(rule.code, rule.name, rule.category, hit.severity or rule.severity,
                   hit.field or rule.field, hit.message, hit.value)


def analyze(story: Story, catalog: Catalog, settings: Settings, story_id: str = "") -> StoryReport:
    ctx = StoryContext.build(story, story_id, catalog, settings)
    rules, dimensions = rules_for(catalog)
    raw: list[Finding] = []
    for rule in rules.values():
        for hit in rule.check(ctx):
            raw.append(_finding(rule, hit))
    raw = _drop_repeated_evidence(raw, catalog)
    findings = _apply_ignores(raw, story, settings, rules)
    findings.sort(key=lambda f: (-SEVERITY_RANK[f.severity], f.code))
    # Scores see every finding, ignored or not: silencing a message does not improve a story.
    scores = compute_scores(ctx, raw, dimensions)
    return StoryReport(
        story_id=story_id,
        findings=findings,
        scores=scores,
        answer_seconds=round(ctx.answer_seconds, 1),
        followup_seconds={p: round(s, 1) for p, s in ctx.followup_seconds.items()},
        part_seconds={p: round(ctx.seconds(s.words), 1) for p, s in ctx.parts.items()},
        words=ctx.answer.words,
    )


def _drop_repeated_evidence(raw: list[Finding], catalog: Catalog) -> list[Finding]:
    covers = pitfall_evidence(catalog)
    said = set()
    for f in raw:
        said |= covers.get(f.code, set())
    return [f for f in raw if not (f.code == "SB790" and f.value in said)]


def _apply_ignores(raw: list[Finding], story: Story, settings: Settings, rules: dict[str, Rule]) -> list[Finding]:
    story_ignores = [c.strip().upper() for c in story.ignore]
    bank_ignores = [c.strip().upper() for c in settings.ignore]
    silenced = set(story_ignores) | set(bank_ignores)
    kept = [f for f in raw if f.code not in silenced]
    fired = {f.code for f in raw}
    unknown_rule, unused_rule = rules["SB107"], rules["SB108"]
    from storybank.analysis.rules.registry import Hit

    for code in dict.fromkeys(story_ignores):
        if code not in rules and "SB107" not in silenced:
            kept.append(_finding(unknown_rule, Hit(
                f"`ignore` names {code}, which is not a finding code; remove it or fix the typo.", code)))
        elif code not in fired and "SB108" not in silenced:
            kept.append(_finding(unused_rule, Hit(
                f"`ignore` silences {code}, but this story no longer triggers it; remove it.", code)))
    for code in dict.fromkeys(bank_ignores):
        if code not in rules and "SB107" not in silenced:
            kept.append(_finding(unknown_rule, Hit(
                f"the bank settings ignore {code}, which is not a finding code.", code, field="ignore")))
    return kept
