"""What a short spoken answer is when it tells no story: no answer at all ("I don't know"), a
weakness named and left there ("I'm impatient"), a habit told in the present tense ("I keep my
phone nearby and respond when I get paged"), or a sentence or two of reason ("It has no shift
work"). The follow-ups word their probes for each (see `followups._CHECKS`); the word lists are
lexicon tables (`blank_answers`, `flaw_claims`, `flaw_remedies`, `routine_acts`)."""

from __future__ import annotations

import re
from functools import lru_cache

from storybank.analysis.lexicon import normalise, phrase_set
from storybank.analysis.lexicon import words as _words
from storybank.analysis.signals import acted, tells_an_event
from storybank.words import count_words

THIN_SENTENCES = 2
THIN_WORDS = 40
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n+")
_FILLERS = re.compile(r"^(?:(?:um+|uh+|hm+|well|honestly|so|oh)\b[,.\s]*)+")
_EDGES = re.compile(r"^[\s\W]+|[\s\W]+$")


def sentences(text: str) -> int:
    """How many sentences the text has (a last one left without a full stop counts)."""
    return sum(1 for piece in _SENTENCE_END.split(text) if piece.strip(" ,;:-\t"))


def thin(text: str) -> bool:
    """A sentence or two, short, telling no event: "It has no shift work", "Well, I just moved
    here, and I need to pay my rent." An answer that is an example is not thin however short."""
    return (sentences(text) <= THIN_SENTENCES and count_words(text) <= THIN_WORDS
            and not tells_an_event(text))


@lru_cache(maxsize=1)
def _blank_set() -> frozenset[str]:
    return frozenset(_words("blank_answers"))


def blank(text: str) -> bool:
    """The whole answer says nothing: "I don't know,", "No idea.", "Um, not sure"."""
    said = _EDGES.sub("", _FILLERS.sub("", normalise(text).strip()))
    return said in _blank_set()


def flaw(text: str) -> bool:
    """A weakness named in a sentence or two with nothing done about it: "I'm impatient", "I'm a
    perfectionist". "I used to avoid public speaking, so I joined Toastmasters" did something, and
    "... I've started creating executive summaries" is doing it."""
    norm = normalise(text)
    return (thin(text) and not acted(text)
            and phrase_set(_words("flaw_claims")).search(norm) is not None
            and phrase_set(_words("flaw_remedies")).search(norm) is None)


_HABIT = re.compile(r"\bi\s+(?:(?:always|usually|regularly|often|typically|just|also|first)\s+)*"
                    r"(\w+)\b")


def routine(text: str) -> bool:
    """A practice of the speaker's told in the present tense with nothing that happened once: "I
    keep my phone nearby and respond when I get paged", "I regularly review IRS guidance". A past
    act is not one, nor a "we" walking through how a system runs ("we start by converting")."""
    if acted(text) or tells_an_event(text):
        return False
    verbs = {m.group(1) for m in _HABIT.finditer(normalise(text))}
    return bool(verbs & set(_words("routine_acts")))
