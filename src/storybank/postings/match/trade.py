"""A requirement shown in its trade's words (trades.py): a sentence where the candidate says every
duty it names, in the posting's words or the trade's (`_promote_by_trade`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from storybank.postings.match.coverage import _cover
from storybank.postings.match.need import trade_keys
from storybank.postings.match.sentence import _acting
from storybank.postings.match.thresholds import CONCEPT_SHARE, LABEL_FIELDS, POSSIBLY
from storybank.postings.match.years import _long_enough
from storybank.postings.terms import SYNONYM_FACTOR, Unit

if TYPE_CHECKING:
    from storybank.postings.match.index import Index, _Sentence
    from storybank.postings.match.need import Need


MIN_TRADE_WORDS = 2   # a profession's words for what is asked a sentence must hold: one is a mention
TRADE_LEFT = 2        # things asked a trade's words may leave out beyond one for each duty they say


def _trade_words(unit: Unit, keys: set[str]) -> set[str]:
    """The words of `keys` that say `unit` in the posting's words or its trade's, not through a
    synonym every field has ("checked" is no "cross-check")."""
    return keys & (unit.keys | (unit.synonyms & trade_keys()))


def _trade_level(need: Need, s: _Sentence, index: Index) -> int:
    """2 when the sentence shows the requirement through its trade's words (trades.py), 1 when
    it may (one step removed), else 0. Every thing asked that a duty names is said there, in the
    posting's words or the trade's, where the candidate acts on it, and nothing asked is told as
    someone else's or not done; then it is shown by two of those words at least (one is a
    mention: "a chest X-ray"), with no named tool or programme left out and no more other things
    than one for each duty said, and two more ("I met the convenor and the two shop stewards" for
    "worked in partnership with recognised trade unions"; not "I called a trauma activation" for
    "lead resuscitations of critically ill and injured patients, including trauma activations").
    Short of that, it is possible: for the user to check."""
    if s.field in LABEL_FIELDS or s.field == "role" or index.stories[s.story].wanting or not _long_enough(need, s.text):
        return 0
    said = [_trade_words(u, s.keys) for u in need.trade]
    if not all(said):
        return 0
    kept, acts, dropped = _acting(s, index, [c for c in _cover(need, s, set()) if c.how != "context"])
    met = {id(c.unit) for c in kept}
    if not acts or dropped or not all(id(u) in met for u in need.trade):
        return 0
    left = [u for u in need.asked if id(u) not in met]
    shows = len(set().union(*said)) >= MIN_TRADE_WORDS and not any(u.name for u in left) \
        and len(left) <= len(need.trade) + TRADE_LEFT
    return 2 if shows else 1


def _promote_by_trade(need: Need, index: Index, best: dict[int, tuple[int, float, _Sentence]],
                      only: Iterable[str] | None) -> None:
    """A requirement no story shows otherwise may be shown in its trade's words: the first
    sentence of each story that does (`_trade_level`), ranked as a concept's act is; a story with
    nothing better may show it possibly."""
    wanted = None if only is None else {index.position[sid] for sid in only if sid in index.position}
    keys = sorted({k for u in need.trade for k in u.keys | u.synonyms})
    for i in sorted({i for k in keys for i in index.by_key.get(k, ())}):
        s = index.sentences[i]
        current = best.get(s.story)
        if (current is not None and current[0] == 2) or (wanted is not None and s.story not in wanted):
            continue
        level = _trade_level(need, s, index)
        if level == 2 or (level == 1 and current is None):
            best[s.story] = (level, CONCEPT_SHARE if level == 2 else POSSIBLY * SYNONYM_FACTOR, s)
