"""Requirement concepts any field asks for, and the acts a story shows them by (issue 23, round 6).

A posting names a skill ("stakeholder management", "mentoring junior engineers"); a candidate
tells what they did ("I met the finance controllers every Thursday", "I paired with each of them
twice a week"). The two share no word, so matching words and their synonyms misses the link.
`data/posting_concepts.toml` lists such concepts: the words a requirement names one by (`asks`),
and the doing a story shows it by (`acts`, done to or with one of `on`).

This module reads that table and says which concepts a requirement names; `match/concept.py` judges
the story sentences (where the candidate acts, see `agency.py`) against them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

from storybank.postings.terms import key, phrase_key, tokens
from storybank.postings.trades import concepts_file

MAX_PHRASE = 3    # words in one act or object phrase: the index joins at most three words into one key


@dataclass(frozen=True)
class Concept:
    """One requirement concept, as keys (stems; several words joined by "-")."""

    name: str
    asks: tuple[tuple[str, ...], ...]    # each wording of the requirement, word key by word key
    acts: frozenset[str]
    on: frozenset[str]
    gerunds: frozenset[str] = frozenset()   # acts the table itself writes in -ing ("working on")

    @cached_property
    def asked_keys(self) -> frozenset[str]:
        """Each wording as one key ("root-caus"): a requirement's unit with one of them is the
        concept's (a word of a wording alone is not: "safe" of "safe practice")."""
        return frozenset("-".join(wording) for wording in self.asks)

    @cached_property
    def story_keys(self) -> frozenset[str]:
        """The keys a story sentence must hold to show it: its acts and their objects."""
        return self.acts | self.on


def _phrase_keys(phrases: list[str], what: str, name: str) -> frozenset[str]:
    out = set()
    for phrase in phrases:
        words = tokens(phrase)
        if not words or len(words) > MAX_PHRASE:
            raise ValueError(f"posting concept {name!r}: {what} {phrase!r} must be 1 to {MAX_PHRASE} words")
        out.add(phrase_key(phrase))
    return frozenset(out)


@lru_cache(maxsize=1)
def table() -> tuple[Concept, ...]:
    """The concepts of `data/posting_concepts.toml`, read once a process."""
    out = []
    for row in concepts_file()["concept"]:
        name = row["name"]
        asks = tuple(tuple(key(w) for w in tokens(p)) for p in row["asks"])
        gerunds = _phrase_keys([a for a in row["acts"] if a.split()[0].endswith("ing")], "act", name)
        out.append(Concept(name, asks, _phrase_keys(row["acts"], "act", name), _phrase_keys(row["on"], "object", name),
                           gerunds))
    return tuple(out)


GAP = 1   # words a requirement may put inside a wording: "working closely with" is "working with"


def _holds(words: list[str], wording: tuple[str, ...]) -> bool:
    """Does `words` hold `wording` in order, its words next to each other or GAP words apart?"""
    for i, w in enumerate(words):
        if w != wording[0]:
            continue
        at = i
        for nxt in wording[1:]:
            ahead = words[at + 1:at + 2 + GAP]
            if nxt not in ahead:
                break
            at += 1 + ahead.index(nxt)
        else:
            return True
    return False


def concepts_for(text: str) -> tuple[Concept, ...]:
    """The concepts a requirement's text names ("Clear communication with families" names
    explaining to non-specialists)."""
    words = [key(w) for w in tokens(text)]
    return tuple(c for c in table() if any(_holds(words, wording) for wording in c.asks))

