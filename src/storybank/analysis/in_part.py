"""What a spoken answer says in its own words, short of the form a rule asks for (issue 22, round
9): the settlement told as what the speaker said to the other person ("I told the scheduler that
I didn't appreciate …"), a change told without its figure ("wait times dropped noticeably"), an
incident's cause told without the speaker's part in it ("a race condition in our checkout flow
caused …"), and the speaker's fairness to the other side of a conflict ("I made the mistake of
being too argumentative", "asked her if there was anything going on"). Each is grammar over the
lexicon's word classes (data/lexicon.toml, the "round 9" section), not a fixed sentence.

A praised answer often says these things this way; the rules that asked for the stricter form
warned on it. What they are used for: a finding stands down (the settlement, the fairness) or is
lowered to a note that names what is missing (the figure, the speaker's part)."""

from __future__ import annotations

import re
from functools import lru_cache

from storybank.analysis.lexicon import alternation, normalise, phrase_set
from storybank.analysis.lexicon import words as _words

_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n+")
SPOKEN_TO_REACH = 3   # words naming who was spoken to: "told the scheduler that", "explained to him how"
CHANGED_REACH = 2     # words between the measured thing and its change: "error rate dropped noticeably"


@lru_cache(maxsize=1)
def _told_content() -> re.Pattern[str]:
    """The speaker (or a verb joined to the speaker's: "… and explained how") with a verb of
    saying, up to three words for who was told, and a clause of what was said."""
    return re.compile(rf"(?:\bi|\band)\s+(?:[a-z]+ly\s+)?(?:{alternation('speech_acts')})"
                      rf"(?:\s+[\w'-]+){{0,{SPOKEN_TO_REACH}}}?\s+(?:{alternation('speech_contents')})\b")


def told_what_was_said(text: str) -> str | None:
    """What the speaker told the other person, as a clause: "I told the scheduler that …",
    "explained how those actions were negatively impacting everyone", "asked her if there was
    anything going on". A conversation named without its content ("I had a conversation with them
    to talk it through") is not one."""
    found = _told_content().search(normalise(text))
    return found.group(0) if found else None


@lru_cache(maxsize=1)
def _changed() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation('measured_things')})(?:\s+[\w'-]+){{0,{CHANGED_REACH}}}?"
                      rf"\s+(?:{alternation('changed_by_itself')})\b")


def change_told(text: str) -> str | None:
    """A measured thing as the subject of its own change, with no figure: "wait times dropped
    noticeably", "turnaround time dropped significantly", "repeat contacts fell". "I improved the
    process" names what the speaker did, not a change anyone measured."""
    found = _changed().search(normalise(text))
    return found.group(0) if found else None


def cause_told(text: str) -> str | None:
    """An incident's cause named (`incident_causes`: "root cause", "a race condition", "caused"),
    in a sentence with no one of the speaker's as its subject: the failure is explained, only the
    speaker's part in it is left to say."""
    causes = phrase_set(_words("incident_causes"))
    for sentence in _SENTENCES.split(normalise(text)):
        found = causes.search(sentence)
        if found and not re.search(r"\b(?:i|my|we)\b", sentence[:sentence.find(found)]):
            return found
    return None


def fair_to_the_other_side(text: str) -> str | None:
    """The speaker's own part in a conflict (`own_part_in_conflict`: "I made the mistake", "I was
    too dogmatic"), or the other side asked for (`asked_their_side`: "asked her if there was
    anything going on", "to hear his side"): an answer that does either is not putting it all on
    the other person."""
    low = normalise(text)
    found = phrase_set(_words("own_part_in_conflict")).search(low)
    if found:
        return found
    return phrase_set(_words("asked_their_side")).search(low)


@lru_cache(maxsize=1)
def _taken_back() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation('dodge_lessons')})\b|\b(?:{alternation('dodge_contrasts')})"
                      rf"(?:\s+[\w'-]+){{0,4}}?\s+(?:{alternation('event_times')})\b")


def taken_back(low: str, denial: str) -> bool:
    """Whether the sentence `low` (normalised) takes back the denial it holds: after it, a lesson
    ("I never made that mistake again") or a contrast that opens an event ("… don't have problems
    with people, but a few years ago a co-worker …"). "I can't think of one, but I always try
    to …" takes nothing back."""
    at = low.find(denial.split(" ... ")[0])
    return bool(_taken_back().search(low, max(at, 0)))


BARE_SENTENCES = 2   # an answer of this many sentences or fewer ...
BARE_WORDS = 30      # ... and under this many words is judged as a claim or an example


_OCCASION = re.compile(r"\bthe time (?:that|when)\b|\d")


def a_bare_claim(text: str) -> bool:
    """A one- or two-sentence answer that tells no event and names nothing: no run of the
    speaker's past acts or occasion opened (signals.tells_an_event, "the time that I missed a
    deadline"), no figure, no proper name, no slip of the speaker's (`slip_markers`: "I
    underestimated the complexity"). "I streamlined the process.", "I took an online course.",
    "When I sent a client a personal email that they found offensive." say what happened or what
    the speaker is like, not one time it happened; "p99 dropped from 240ms to 110ms" and "In Q3
    2023, I led our database migration from MySQL to PostgreSQL" are short and particular."""
    from storybank.analysis.signals import proper_names, spelled_numbers, tells_an_event
    from storybank.words import count_words

    sentences = [s for s in _SENTENCES.split(text.strip()) if s.strip()]
    if not sentences or len(sentences) > BARE_SENTENCES or count_words(text) >= BARE_WORDS:
        return False
    low = normalise(text)
    return not (tells_an_event(text) or _OCCASION.search(low) or spelled_numbers(text)
                or proper_names(text) or phrase_set(_words("slip_markers")).search(low))
