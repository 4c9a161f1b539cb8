"""Ownership: whose work this was, and which calls were the speaker's."""

from __future__ import annotations

from storybank.analysis.rules.registry import Hit, rule


def we_share(stats) -> tuple[int, int]:
    plural = stats.plural + stats.team_mentions
    return stats.singular, plural


@rule("SB301", "we-instead-of-i", "ownership", "warning", "action",
      "The action is told as \"we\", hiding what the speaker did.")
def we_instead_of_i(ctx):
    singular, plural = we_share(ctx.parts["action"])
    if (plural >= 2 and singular == 0) or (plural >= 4 and singular * 3 < plural):
        yield Hit(f"The action says \"we\" {plural} times and \"I\" {singular}: say which steps were "
                  "yours (\"I profiled…\", \"I proposed…\") and keep \"we\" for shared work.",
                  f"{singular}:{plural}")


@rule("SB302", "no-ownership-line", "ownership", "info", "ownership",
      "No `ownership` line saying where the speaker's part began and ended.")
def no_ownership_line(ctx):
    if not ctx.story.ownership.strip():
        yield Hit("Add an `ownership` line: one sentence on exactly what was yours (design, "
                  "rollout, on-call) so the \"who else was involved\" probe cannot catch you out.")


@rule("SB303", "no-decisions", "ownership", "info", "action",
      "The action shows no decision the speaker made.")
def no_decisions(ctx):
    action = ctx.parts["action"]
    if action.words >= 15 and not action.decisions:
        yield Hit("The action shows no call you made yourself. Use verbs that show it: "
                  "\"I chose\", \"I proposed\", \"I measured\", \"I rolled back\".")
