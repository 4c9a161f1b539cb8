"""The shares and limits the matcher's verdicts turn on (see the package's docstring)."""

from __future__ import annotations

from storybank.model import PARTS

SHOWN = 0.6          # share of the requirement's weight one sentence must cover to show it
POSSIBLY = 0.45      # share for "possibly: check"
CONTEXT_FACTOR = 0.5 # a name found only in the story's title, role or technologies
MAX_EVIDENCE = 3     # stories offered per "possibly" requirement
# Which sentence to quote among equals: what the candidate did, before the title or a tool list.
FIELD_RANK = {"action": 0, "outcome": 1, "situation": 2, "ownership": 3, "reflection": 5, "title": 6,
              "role": 7, "technologies": 8}
EPS = 1e-9
# A story's title, role and tool list name things; they tell nothing done: at most "possibly".
LABEL_FIELDS = frozenset({"title", "technologies"})
ELSEWHERE = ("context",)   # ways a unit is met outside the sentence
# The fields that tell what happened, not what could have been or was learnt.
# (The parts of the answer but the reflection, what the candidate owned, and the follow-ups that
# tell who did what and how it worked.)
TOLD_AS_DONE = frozenset({"ownership", *(p for p in PARTS if p != "reflection"),
                          *(f"followups.{probe}" for probe in ("collaborators", "technical"))})
MAX_UNCOVERED = 1    # full-weight units a sentence may leave out and still show the requirement
# A long requirement ("Skill in writing SIEM searches and correlation rules (Splunk SPL, …)"): for
# every LONG_ASK full-weight things it asks, one more may be left out by a sentence where the
# candidate says "I" or "we", in a story of what they did (round 17).
LONG_ASK = 4


CONCEPT_SHARE = SHOWN   # the share a link through a concept's act is ranked by: below a direct showing
