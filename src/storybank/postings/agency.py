"""Who acts in a story sentence: the candidate, someone else, or no one; and whether it is said
as something that did not happen or is only wished for.

A mention is not experience. "The patient went to the ICU" names the ICU; it shows no ICU
nursing. "A colleague ran the Kafka cluster", "I had never used Kubernetes", "I'd like to learn
memoQ" name a skill the candidate does not claim. The sentence is cut into clauses (at commas,
semicolons, dashes and words such as "while", "after", "because", "which"), and each clause is
read for:

- **the candidate**: "I", "we", "my", "our" (but "my manager" and "our SRE" are someone else);
- **someone else**: a person named by role ("the patient", "an SRE", "a colleague") or "he",
  "she", "they";
- **negation or wish**: "never", "not", "didn't", "would like to", "plan to"...

A clause that names no one carries on the clause before it: in "I precepted all three, taking
each through their first ventilated patient" the second clause is still the candidate's. A
story's title, role and ownership line are the candidate's own words about themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from storybank.postings import lexicon
from storybank.postings.terms import TOKEN

CLAUSE = re.compile(r"[,;:()]|\s[-–—]\s|—|\b(?:while|after|before|because|whereas|although|though|"
                    r"but|until|since|which|who|whom|whose|where|when|so that|instead)\b", re.I)
# "I" or "we" in a clause settles that the candidate acts there, whatever else it names.
SUBJECTS = frozenset({"i", "i'd", "i've", "i'm", "i'll", "we", "we'd", "we've", "we're", "me", "us"})
SELF_FIELDS = frozenset({"title", "role", "ownership"})


@dataclass(frozen=True)
class Clause:
    me: bool          # the candidate acts
    other: bool       # someone else is named as acting
    negated: bool     # a negation or a wish
    words: int        # how many words (as TOKEN finds them)


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], re.Pattern[str], re.Pattern[str]]:
    data = lexicon.data()["agency"]
    roles = "|".join(re.escape(r) for r in sorted(data["roles"], key=len, reverse=True))
    named = "|".join(re.escape(o) for o in sorted(data["others"], key=len, reverse=True))
    others = re.compile(rf" (?:{named}|(?:a|an|the|another|our|my|their|his|her|one of (?:the|our|my)) "
                        rf"(?:[a-z-]+ )?(?:{roles})) ")
    negations = re.compile(" (?:" + "|".join(re.escape(n) for n in sorted(data["negations"], key=len, reverse=True))
                           + ") ")
    return frozenset(data["first_person"]), others, negations


def clauses(sentence: str, field: str) -> list[Clause]:
    """The clauses of `sentence` (from the story field `field`), in order."""
    first_person, others, negations = _lists()
    pieces: list[str] = []
    last = 0
    for m in CLAUSE.finditer(sentence):
        pieces.append(sentence[last:m.start()])
        last = m.start()
    pieces.append(sentence[last:])
    out: list[Clause] = []
    previous_me = field in SELF_FIELDS
    for piece in pieces:
        toks = TOKEN.findall(piece.lower().replace("’", "'"))
        words = set(toks)
        low = " " + " ".join(toks) + " "
        me = not words.isdisjoint(first_person)
        other = False
        if not (me and not words.isdisjoint(SUBJECTS)):
            # "my manager" is someone else, not "my": the others are taken out before looking
            # for the candidate again.
            low, n_others = others.subn("  ", low)
            other = n_others > 0
            if other and me:
                me = not set(low.split()).isdisjoint(first_person)
        negated = negations.search(low) is not None
        if not me and not other and previous_me:
            me = True
        out.append(Clause(me, other, negated, len(toks)))
        if toks:
            previous_me = me and not other
    return out
