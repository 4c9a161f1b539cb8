"""A strength told where a failure was asked for, and a boast told as modesty (issue 22, items 3
and 4): "I cared so much about the outcome that I took on too much", "I worked so hard that I
burned out", "I'm not sure if this counts, but I single-handedly architected ...". Read as grammar
over the lexicon's word classes (data/lexicon.toml), not as fixed sentences."""

from __future__ import annotations

import re

from storybank.analysis.lexicon import PhraseSet, normalise, phrase_set
from storybank.analysis.lexicon import words as _words
from storybank.words import count_words

_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n+")
EXCESS_REACH = 1  # words between the effort and its excess: "cared so much", "worked really too hard"
_FIRST_PERSON = re.compile(r"\bi(?:'ve|'d|'m| have| had| was| am)?\b")


def _set(name: str) -> PhraseSet:
    """The lexicon's word class `name`, compiled once (phrase_set caches it)."""
    return phrase_set(_words(name))


def strength_as_failure(text: str) -> str | None:
    """The sentence's own words when the speaker tells too much effort or care as the failure:
    an effort followed closely by an excess ("I cared so much", "I worked too hard"), or what the
    overwork cost them ("I sacrificed sleep and burned out"). A sentence with no "I" in it ("the
    team worked too hard on the wrong thing") is not the speaker's own virtue."""
    efforts, degrees, costs = _set("excess_efforts"), _set("excess_degrees"), _set("overwork_costs")
    for sentence in _SENTENCES.split(text):
        low = normalise(sentence)
        if not _FIRST_PERSON.search(low):
            continue
        cost = costs.search(low)
        if cost:
            return cost
        excesses = degrees.spans(low)
        for _start, end, effort in efforts.spans(low):
            for d_start, d_end, degree in excesses:
                if d_start >= end and count_words(low[end:d_start]) <= EXCESS_REACH \
                        and _ends_phrase(low, d_end):
                    return f"{effort} {degree}"
    return None


_WEAKNESS_IS = re.compile(r"\b(?:weakness|flaw|failing|shortcoming)(?:es|s)?\s+(?:is|are|would be|has been|was)\b")


def virtue_as_weakness(text: str) -> str | None:
    """The virtue, when a sentence names one as the weakness: "my biggest weakness is my
    cheerfulness". "My weakness is time management" names a real one."""
    for sentence in _SENTENCES.split(text):
        low = normalise(sentence)
        said = _WEAKNESS_IS.search(low)
        virtue = _set("virtue_nouns").search(low[said.end():]) if said else None
        if virtue:
            return virtue
    return None


def trivial_slip(text: str) -> str | None:
    """The slip, when the failure told is a triviality and nothing came of it: "I once sent an
    email with a typo". "A typo in the config took the site down" is a real failure."""
    low = normalise(text)
    slip = _set("trivial_slips").search(low)
    return slip if slip and _set("failure_effects").search(low) is None else None


SUCCESS_REACH = 2  # words between the success and the goal it beat: "slightly exceeded it"


def success_as_failure(text: str) -> str | None:
    """The success, when the failure told is a goal beaten and nothing went wrong: "I once set a
    goal too ambitious and slightly exceeded it" (issue 22, round 9). "We beat the target, but
    the rushed release broke checkout" tells what it cost."""
    low = normalise(text)
    if _set("failure_effects").search(low):
        return None
    goals = _set("goal_words").spans(low)
    for _start, end, verb in _set("success_verbs").spans(low):
        for g_start, _g_end, goal in goals:
            if g_start >= end and count_words(low[end:g_start]) <= SUCCESS_REACH:
                return f"{verb} {goal}"
    return None


def _ends_phrase(low: str, end: int) -> bool:
    """The excess closes its phrase ("cared so much about", "worked too hard.", "took on too
    much and"): "gave too much weight to one reviewer" measures a thing, not the effort."""
    from storybank.analysis.phrases import FUNCTION_WORDS

    following = re.match(r"\W*([a-z']+)?", low[end:])
    word = following.group(1) if following else None
    return word is None or word in FUNCTION_WORDS


def humblebrag(text: str) -> str | None:
    """The boast, when an answer wraps one in modesty: "I'm not sure if this counts ... I
    single-handedly architected ... honestly it was pretty easy for me". A boast alone is a claim
    to be tested; modesty alone is no fault."""
    low = normalise(text)
    claim = _set("boast_claims").search(low)
    return claim if claim and _set("modesty_markers").search(low) else None
