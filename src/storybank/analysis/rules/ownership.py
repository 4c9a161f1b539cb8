"""Ownership: whose work this was, and which calls were the speaker's."""

from __future__ import annotations

from collections.abc import Iterator

from storybank.analysis.context import StoryContext
from storybank.analysis.rules.registry import Category, Hit, Severity, rule
from storybank.analysis.text import TextStats


def we_share(stats: TextStats) -> tuple[int, int]:
    plural = stats.plural + stats.team_mentions
    return stats.singular, plural


@rule(code="SB301", name="we-instead-of-i", category=Category.OWNERSHIP, severity=Severity.WARNING,
      field="action")
def we_instead_of_i(ctx: StoryContext) -> Iterator[Hit]:
    """The action is told mostly as "we". Interviewers assess the person, not the team, and a
    "we" answer leaves them unable to tell which steps were yours; say "I" for your part and keep "we"
    for work that was truly shared."""
    singular, plural = we_share(ctx.parts["action"])
    if (plural >= 2 and singular == 0) or (plural >= 4 and singular * 3 < plural):
        yield Hit(f"The action says \"we\" {plural} times and \"I\" {singular}: say which steps were "
                  "yours (\"I profiled…\", \"I proposed…\") and keep \"we\" for shared work.",
                  f"{singular}:{plural}")


@rule(code="SB302", name="no-ownership-line", category=Category.OWNERSHIP, severity=Severity.INFO,
      field="ownership")
def no_ownership_line(ctx: StoryContext) -> Iterator[Hit]:
    """The `ownership` line is empty. One sentence on exactly which part was yours prepares
    you for the "who else was involved?" probe and keeps you from claiming too much or too little."""
    if not ctx.story.ownership.strip():
        yield Hit("Add an `ownership` line: one sentence on exactly what was yours (design, "
                  "rollout, on-call) so the \"who else was involved\" probe cannot catch you out.")


@rule(code="SB303", name="no-decisions", category=Category.OWNERSHIP, severity=Severity.INFO,
      field="action")
def no_decisions(ctx: StoryContext) -> Iterator[Hit]:
    """The action shows no decision of your own: no "I chose", "I proposed" or "I measured".
    Ownership shows in the calls you made and the reasons for them, and that is what the follow-ups dig
    into."""
    action = ctx.parts["action"]
    if action.words >= 15 and not action.decisions:
        yield Hit("The action shows no call you made yourself. Use verbs that show it: "
                  "\"I chose\", \"I proposed\", \"I measured\", \"I rolled back\".")
