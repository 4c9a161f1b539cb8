"""Which story shows each requirement, sentence by sentence.

A requirement is shown by a story when **one sentence** of it covers most of the requirement's
units (see `terms.py`), told as something the candidate did (see `agency.py`):

- **coverage**: the weight of the units the sentence holds, over the requirement's whole weight.
  A unit met only through a synonym counts for SYNONYM_FACTOR of its weight; a name met only in
  the story's title, role or `technologies` list (not in the sentence) for CONTEXT_FACTOR. An
  example met ("Grafana" for "observability tooling such as Grafana") meets its category.
- **agency**: the clause that holds the terms has the candidate acting in it, with no negation
  or wish. A clause where only someone else acts is a mention, and counts for nothing; so does
  a negated one. A clause with no one in it can at most make a link *possible*.

| verdict | when |
|---|---|
| shown | the candidate acts, in a sentence of the told answer (not the title or the tool list), leaving out at most MAX_UNCOVERED full-weight units (none when it relies on an example), and either in the posting's words (a full unit met directly, coverage ≥ SHOWN, at least 2 of weight or the whole requirement) or in other words for every full-weight unit (two units said at least, SHOWN of the full-weight units' weight) |
| possibly | coverage ≥ POSSIBLY with a full-weight unit among those covered in the sentence, and no one else acting |
| missing | no sentence of any story does either |

"Shown" quotes the one story that shows it best; "possibly" offers up to MAX_EVIDENCE to check.

When no story shows a requirement this way, a concept it names (`concepts.py`: "communication
with families", "mentoring junior engineers") may: a sentence where the candidate does one of the
concept's acts to one of its objects ("I sat with his daughter"), saying half of what is asked,
shows it; one saying less makes it possible (`_concept_shows`). Nor may a requirement that names
a profession's duties (`trades.py`: "venepuncture", "trade unions"): a sentence where the
candidate says every one of them, in the posting's words or the trade's, by two of those words at
least, shows it (`_trade_level`). Last, a requirement that asks when the candidate can work is
the schedule story's to show, one that asks an interest the motivation story's, and one that asks
a quick or self-driven learner the learning story's (`story_kind.py`).

Speed: only the sentences the sieve finds (`sieve.py`) are split into words, and sentences are
judged best-covered first, stopping once the evidence to quote is found.

Where each rule lives:

    thresholds.py  the shares and limits a verdict turns on (SHOWN, POSSIBLY, MAX_UNCOVERED, …)
    index.py       the bank's sentences holding the posting's words (Index), a word's keys, the word index
    need.py        what one requirement asks (Need): its units, bookkeeping left out, two sides, parts
    years.py       the years a requirement asks and the time a sentence says
    coverage.py    which units a sentence meets, and how (in its words, a synonym, an example, the context)
    sentence.py    one sentence's verdict: who acts, what is left out, someone else's, a story's title
    across.py      a requirement told over several sentences of one story
    concept.py     shown by a concept's act on one of its objects (concepts.py)
    trade.py       shown in a profession's words for its duties (trades.py)
    story_kind.py  shown by the one story of a kind: availability (schedule), an interest (motivation), a learner (learning)
    rank.py        `match`: the sentences worth judging, judged best first, promoted, ranked
"""

from __future__ import annotations

from storybank.postings.match.index import (
    MOTIVATION,
    Index,
    story_fields,
    word_index,
    word_keys,
)
from storybank.postings.match.need import (
    Need,
    asked,
    lists_parts,
    must_say,
    needed_keys,
    solo_keys,
    trade_keys,
)
from storybank.postings.match.rank import Hit, match
from storybank.postings.match.thresholds import MAX_EVIDENCE, POSSIBLY, SHOWN
from storybank.postings.match.years import years_asked

__all__ = ["MAX_EVIDENCE", "MOTIVATION", "POSSIBLY", "SHOWN", "Hit", "Index", "Need", "asked",
           "lists_parts", "match", "must_say", "needed_keys", "solo_keys", "story_fields", "trade_keys", "word_index",
           "word_keys", "years_asked"]
