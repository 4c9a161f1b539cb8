"""Denials and avoidance told in the speaker's own grammar (issue 22, round 10), each read over
the lexicon's word classes (data/lexicon.toml, the "round 10" section), not fixed sentences:

- a failure denied through a belief: "I don't think I've failed", "I don't believe I have ever
  made a mistake" (a dodge, like "I can't think of one");
- the conflict kept away from: "I don't like drama, so I just stay out of it", "I mostly avoided
  them" (a dodge of a disagreement question: nothing was ever settled);
- the employer never looked up: "I haven't had time to look at your website", "I hadn't heard of
  your company" (a denial is no evidence of what it denies: "your website" in it is no research).
"""

from __future__ import annotations

import re
from functools import lru_cache

from storybank.analysis.lexicon import alternation, normalise, phrase_set
from storybank.analysis.lexicon import words as _words
from storybank.words import count_words

BELIEF_REACH = 3     # words after "I've" the denied failure must sit in: "I've ever made a mistake"
AVOIDED_REACH = 1    # words between the avoiding verb and what is avoided: "avoided the person"
UNREAD_REACH = 4     # words between the negation and the verb of looking: "haven't had time to look at"
# Every negation of `dodge_negations` and `unread_negations` holds one of these.
UNREAD_KEYS = ("n't", "not", "never", "rarely", "hardly")


@lru_cache(maxsize=8)
def _words_after(reach: int) -> re.Pattern[str]:
    return re.compile(rf"(?:\s+[\w'-]+){{0,{reach}}}")


def _following(low: str, end: int, reach: int) -> str:
    """Up to `reach` words of `low` after position `end`, within its sentence (read in place: a
    slice of the rest at every match would be quadratic on a long text)."""
    found = _words_after(reach).match(low, end)
    return found.group(0) if found else ""


def _first_within(after: str, found: list[tuple[int, int, str]], gap: int) -> tuple[int, int, str] | None:
    """The first of `found` (spans in `after`) with at most `gap` words before it."""
    for span in found:
        if count_words(after[:span[0]]) <= gap:
            return span
    return None


@lru_cache(maxsize=1)
def _belief_perfect() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation('denial_beliefs')})\s+(?:that\s+)?i(?:'ve|\s+have)\b")


_NEVER_PERFECT = re.compile(r"\bi(?:'ve|\s+have)\s+never\s+")   # no word list in it: made once, at import


def never_perfect(low: str) -> str | None:
    """The asked-for experience denied in the speaker's perfect, with nothing between "never"
    and it (round 12): "I've never failed", "I have never made mistakes" is the denial list's.
    "I've never failed to meet a deadline" is a boast about something else, and "I've never
    gone against a policy" names no experience asked for. `low` is normalised, softeners out."""
    objects = phrase_set(_words("dodge_objects"))
    for match in _NEVER_PERFECT.finditer(low):
        after = low[match.end():match.end() + NEVER_WINDOW]
        found = [span for span in objects.spans(after) if span[0] == 0]
        if found and not _GOES_ON.match(after, found[0][1]):
            return f"{match.group(0).strip()} {found[0][2]}"
    return None


# Round 20 (second part): the greatest weakness answered "That I have any." (holdout17 #0): the
# whole sentence is the quip, so it must be all the sentence says; "make sure that I have any
# forms ready" goes on and denies nothing.
_WEAKNESS_QUIP = re.compile(r"^\W*(?:well,?\s+)?(?:that|the fact that)\s+i\s+(?:even\s+)?have\s+(?:any|one)\W*$")


def weakness_ellipsis(low: str) -> str | None:
    """A weakness denied as a quip that is the whole sentence: "That I have any." `low` is one
    normalised sentence (see signals.dodge_sentence)."""
    found = _WEAKNESS_QUIP.match(low)
    return found.group(0).strip(" .!") if found else None


NEVER_WINDOW = 40  # characters read after "I've never": the experience must come first
_GOES_ON = re.compile(r"\s+(?:to|a|an|the|my|our)\b")  # "never failed to ...", "never failed a test"


# Round 31: the experience asked for, denied as "that" or "one" at the end of its sentence ("No, I've
# never really had that. Rules are rules.", holdout30, to a question about a rule that made no
# sense). "I've never had that many patients at once" goes on to say what it had.
_DENIED_AS_THAT = re.compile(r"\bi(?:'ve| have)\s+never\s+had\s+(?:that|one)\s*(?:[.!?,;]|$)")


def denied_as_that(low: str) -> str | None:
    """The question's experience denied as "that" or "one", the sentence ending there: "I've never
    had that." `low` is a normalised sentence, softeners already taken out."""
    found = _DENIED_AS_THAT.search(low)
    return found.group(0).rstrip(".!?,; ") if found else None


def denied_by_belief(low: str) -> str | None:
    """A failure denied through what the speaker believes: a belief negated (`denial_beliefs`:
    "don't think"), the speaker's perfect ("I've", "I have") and, within three words, what was
    asked for (`dodge_objects`): "I don't think I've failed". "I don't think I've told anyone
    this before" denies nothing asked for. `low` is normalised, softeners ("really", "ever")
    already taken out (see signals.dodge_sentence)."""
    objects = phrase_set(_words("dodge_objects"))
    for match in _belief_perfect().finditer(low):
        thing = objects.search(_following(low, match.end(), BELIEF_REACH))
        if thing:
            return f"{match.group(0)} ... {thing}"
    return None


_SPEAKER = re.compile(r"\bi(?:'d|\s+would)?(?:\s+(?:[a-z]+ly|just|try to|tend to|prefer to|"
                      r"would rather|rather)){0,2}\s+$")
# A method or a limit after the avoided thing makes it a step, not a dodge: "I avoided it by
# moving the review", "I avoided them until I had the data".
_STEP_AFTER = re.compile(r"\s+(?:by|until|till|while)\b")


def avoided_conflict(text: str) -> str | None:
    """The speaker keeping away from the conflict instead of settling it: "I" (with up to two
    softeners: "just", "mostly", "try to"), a verb of keeping away (`avoidance_verbs`) and,
    within a word, the conflict or its people (`avoided_things`): "I just stay out of it", "I
    mostly avoided them". "They had started avoiding him" is someone else's; "I avoided it by
    moving the review" and "I try to avoid careless mistakes" are steps."""
    low = normalise(text)
    things = phrase_set(_words("avoided_things"))
    for start, end, verb in phrase_set(_words("avoidance_verbs")).spans(low):
        if not _SPEAKER.search(low, max(0, start - 40), start):
            continue
        after = _following(low, end, AVOIDED_REACH + 2)
        thing = _first_within(after, things.spans(after), AVOIDED_REACH)
        if thing is None or _STEP_AFTER.match(low, end + thing[1]):
            continue
        return f"{verb} {thing[2]}"
    return None


def unread_employer(text: str) -> str | None:
    """The speaker saying they never looked the employer up: a negation (`dodge_negations` and
    `unread_negations`), within four words a verb of looking or knowing (`unread_verbs`: "look
    at", "heard of") and then, a word apart at most, the employer (`employer_refs`: "your
    website", "your company", "you"): "I haven't had time to look at your website", "I hadn't
    heard of your company". "I didn't conduct thorough market research" names no employer."""
    low = normalise(text)
    if not any(key in low for key in UNREAD_KEYS):
        return None  # no negation: passed over without the phrase scans (it runs on every sentence)
    negations = phrase_set((*_words("dodge_negations"), *_words("unread_negations")))
    employers = phrase_set(_words("employer_refs"))
    verbs = phrase_set(_words("unread_verbs"))
    for _start, end, negation in negations.spans(low):
        reach = _following(low, end, UNREAD_REACH + 2)
        for v_start, v_end, verb in verbs.spans(reach):
            if count_words(reach[:v_start]) > UNREAD_REACH:
                break
            after = _following(low, end + v_end, 3)
            who = _first_within(after, employers.spans(after), 1)
            if who:
                return f"{negation} ... {verb} {who[2]}"
    return None
