"""Analysing one story: run every rule in its pass, apply ignores, compute the scores."""

from __future__ import annotations

from typing import Any

from storybank.analysis.context import StoryContext
from storybank.analysis.named import Named
from storybank.analysis.rules.pitfalls import catalog_rules
from storybank.analysis.rules.registry import Rule, builtin_rules, ignore_codes
from storybank.analysis.scores import compute_scores
from storybank.analysis.types import SEVERITY_RANK, Finding, StoryReport
from storybank.catalog import Catalog, memo
from storybank.errors import StorybankError
from storybank.model import Story
from storybank.settings import Settings


def rules_for(catalog: Catalog) -> dict[str, Rule]:
    """Every rule for this catalog (built-in and its pitfalls), by code, in code order.

    Built once per catalog object and kept with it (see catalog.memo)."""
    cached = memo(catalog).get("rules")
    if cached is None:
        _check_catalog(catalog)
        merged = dict(builtin_rules())
        for code, rule in catalog_rules(catalog).items():
            if code in merged:
                raise StorybankError(f"{catalog.source or 'the catalog'}: pitfall {code} reuses a "
                                     "built-in finding code; give it a code of its own")
            merged[code] = rule
        cached = memo(catalog)["rules"] = dict(sorted(merged.items()))
    return cached


def passes(rules: dict[str, Rule]) -> list[list[Rule]]:
    """The rules grouped by pass, each pass in code order."""
    count = max((r.after for r in rules.values()), default=0) + 1
    groups: list[list[Rule]] = [[] for _ in range(count)]
    for rule in rules.values():
        groups[rule.after].append(rule)
    return groups


def _check_catalog(catalog: Catalog) -> None:
    """A bank's own catalog may name checks this version does not have: say which, clearly,
    instead of failing with a KeyError in the middle of the analysis."""
    from storybank.analysis.evidence import EVIDENCE_CHECKS
    from storybank.analysis.rules.pitfalls import CHECKS

    source = catalog.source or "the catalog"
    named: list[tuple[str, str, Named[Any]]] = [
        (f"evidence `{ev.id}`", ev.check, EVIDENCE_CHECKS) for ev in catalog.evidence]
    named += [(f"pitfall {p.code}", p.check, CHECKS) for q in catalog.questions for p in q.pitfalls]
    for owner, check, table in named:
        if check and check not in table:
            raise StorybankError(f"{source}: {owner} names the unknown check `{check}`; "
                                 f"known checks: {table.known()}")


def analyze(story: Story, catalog: Catalog, settings: Settings, story_id: str = "",
            followup_answer: bool = False) -> StoryReport:
    """Every rule's findings and the four scores for one story; `followup_answer` when the story
    is a spoken or typed answer to a follow-up probe (judged in the follow-up window)."""
    ctx = StoryContext.build(story, story_id, catalog, settings, followup_answer)
    rules = rules_for(catalog)
    raw: list[Finding] = []
    for group in passes(rules):
        earlier = tuple(raw)  # a pass sees the passes before it, never its own findings
        for rule in group:
            raw.extend(rule.finding(hit) for hit in rule.hits(ctx, earlier))
    silenced = ignored_codes(story, settings)
    findings = [f for f in raw if f.code not in silenced]
    findings.sort(key=lambda f: (-SEVERITY_RANK[f.severity], f.code))
    # Scores see every finding, ignored or not: silencing a message does not improve a story.
    scores = compute_scores(ctx, raw, rules)
    return StoryReport(
        story_id=story_id,
        findings=findings,
        scores=scores,
        answer_seconds=round(ctx.answer_seconds, 1),
        followup_seconds={p: round(s, 1) for p, s in ctx.followup_seconds.items()},
        part_seconds={p: round(ctx.seconds(s.words), 1) for p, s in ctx.parts.items()},
        words=ctx.answer.words,
    )


def ignored_codes(story: Story, settings: Settings) -> set[str]:
    """The codes silenced for this story: its own `ignore` and the bank's."""
    return set(ignore_codes([*story.ignore, *settings.ignore]))
