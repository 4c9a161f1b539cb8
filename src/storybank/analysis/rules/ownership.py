"""Ownership: whose work this was, and which calls were the speaker's."""

from __future__ import annotations

import re
from collections.abc import Iterator

from storybank.analysis.context import StoryContext
from storybank.analysis.lexicon import word_set
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
    where = "action"
    team_heavy = (plural >= 2 and singular == 0) or (plural >= 4 and singular * 3 < plural)
    if team_heavy and ctx.from_answer and _tells_own_act(ctx):
        # The judge's action part is a guess: a spoken answer that says what the speaker did
        # ("I spent some time researching our needs") has told their part wherever it landed.
        return
    if not team_heavy:
        # A spoken answer's parts are the judge's guess: one that tells its work as "we" did it,
        # with no "I" anywhere, is the same answer whichever part its acts landed in. A failure
        # owned as the team's slip ("we had underestimated their knowledge") owns its cause, and
        # a plan ("we will measure the lift") tells no work yet.
        if not ctx.from_answer or any(q.id == "failure" for q in ctx.types):
            return
        singular, plural = we_share(ctx.answer)
        if not (_team_told(singular, plural, ctx.answer.norm) or _no_part_of_mine(ctx)):
            return
        where = "answer"
    yield Hit(f"The {where} says \"we\" {plural} times and \"I\" {singular}: say which steps were "
              "yours (\"I profiled…\", \"I proposed…\") and keep \"we\" for shared work.",
              f"{singular}:{plural}")


def _tells_own_act(ctx: StoryContext) -> bool:
    from storybank.analysis.signals import own_history_acts

    return bool(own_history_acts(ctx.story.answer_text()))


def _team_told(singular: int, plural: int, norm: str) -> bool:
    return not singular and plural >= SPOKEN_WE and len(_WE_DID.findall(norm)) >= SPOKEN_WE_ACTS


# Types whose answers are reasons or plans, not work done: no part of the speaker's is missing.
_NO_WORK_TOLD = frozenset({"failure", "motivation", "schedule", "rubric"})
_I_SAYS = re.compile(r"\bi(?:'m|'ve|'d|'ll)?\s+(?:(?:am|was|really|just|truly|so|very|always)\s+)*"
                     r"([a-z']+)")
# A thing done, in the past: "-ed" or one of the common irregular verbs.
_DONE = r"(?:[a-z]{3,}ed|built|made|ran|wrote|chose|took|led|set|put|cut|found|spent|got|went|did)"
_TEAM_DID = re.compile(r"\b(?:we|our\s+(?:whole\s+|entire\s+)?(?:team|group|organi[sz]ation|"
                       r"department|company|unit))\s+(?:really\s+|also\s+|then\s+|all\s+)?"
                       r"(?:" + _DONE + r"|had)\b")
_FIGURE = re.compile(r"\d")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _no_part_of_mine(ctx: StoryContext) -> bool:
    """A spoken answer that tells work only as the team's ("we managed to finish it somehow",
    "our team refactored the order processing system"), where "I" says only how the speaker
    feels or is ("I'm proud of helping make that happen", `i_being_words`), with no figure to
    show the work: no part of the speaker's in it at all. "We cut load time from 7s to 2.4s"
    has its figures; "I'd first thank the parent" tells the speaker's own step; a reason, a plan
    or a failure owned as the team's is no work told."""
    if any(q.id in _NO_WORK_TOLD for q in ctx.types):
        return False
    norm = ctx.answer.norm
    being = word_set("i_being_words")
    if any(m.group(1) not in being for m in _I_SAYS.finditer(norm)):
        return False
    return bool(_TEAM_DID.search(norm)) and not _FIGURE.search(_YEAR.sub("", norm))


SPOKEN_WE = 3  # "we" said this often in a spoken answer with no "I" at all ...
SPOKEN_WE_ACTS = 2  # ... with this many things "we" did: "we researched", "we implemented"
_WE_DID = re.compile(r"\bwe\s+(?:also\s+|then\s+|eventually\s+|finally\s+)?" + _DONE + r"\b")
# A clause in the passive with no one doing it: "a decision was made", "the migration was planned
# and executed", "improvements were observed". "... by the team" names who did it.
_PASSIVE = re.compile(r"\b(?:was|were|been|being|got)\s+(?:\w+ly\s+)?(?:[a-z]{3,}ed|made|done|built|"
                      r"taken|written|given|run|set|put|brought|chosen|found|sent|held|kept|led)\b"
                      r"(?!\s+by\b)")
PASSIVE_ENOUGH = 2


@rule(code="SB304", name="no-one-acts", category=Category.OWNERSHIP, severity=Severity.WARNING,
      field="action")
def no_one_acts(ctx: StoryContext) -> Iterator[Hit]:
    """The work is told in the passive with no one doing it: "a decision was made", "the
    migration was planned and executed". Interviewers cannot tell whose decision or work it was,
    so the answer shows no ownership at all; say "I decided", "I planned" for your part."""
    stats = ctx.answer if ctx.from_answer else ctx.parts["action"]
    singular, plural = we_share(stats)
    if singular or plural:
        return
    passives = _PASSIVE.findall(stats.norm)
    if len(passives) >= PASSIVE_ENOUGH:
        yield Hit(f"The work is told in the passive (\"{passives[0]}\") with no one doing it: say "
                  "\"I decided\", \"I planned\" for the parts that were yours.", len(passives))


@rule(code="SB302", name="no-ownership-line", category=Category.OWNERSHIP, severity=Severity.INFO,
      field="ownership")
def no_ownership_line(ctx: StoryContext) -> Iterator[Hit]:
    """The `ownership` line is empty. One sentence on exactly which part was yours prepares
    you for the "who else was involved?" probe and keeps you from claiming too much or too little."""
    if not ctx.story.ownership.strip():
        yield Hit("Add an `ownership` line: one sentence on exactly what was yours "
                  f"({_example(ctx, 'scope')}) so the \"who else was involved\" probe cannot catch you out.")


@rule(code="SB303", name="no-decisions", category=Category.OWNERSHIP, severity=Severity.INFO,
      field="action")
def no_decisions(ctx: StoryContext) -> Iterator[Hit]:
    """The action shows no decision of your own: no "I chose", "I proposed" or "I measured".
    Ownership shows in the calls you made and the reasons for them, and that is what the follow-ups dig
    into."""
    action = ctx.parts["action"]
    if action.words >= 15 and not action.decisions:
        yield Hit(f"The action shows no call you made yourself. Use verbs that show it: {_example(ctx, 'decision')}.")


def _example(ctx: StoryContext, key: str) -> str:
    """The field's own example for a message (data/professions.toml), the neutral one with no
    field set: a teacher is not told to say "I rolled back" or to own "on-call" (dogfood22)."""
    from storybank.professions import pack_for

    return pack_for(ctx.story.profession or ctx.settings.profession).example(key)
