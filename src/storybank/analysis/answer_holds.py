"""What a spoken answer holds, read before a probe presumes it: an incident told, a failure or a
regret in it, a choice made, a view stated. A follow-up's wording carries a premise ("what would
you do differently" presumes something done that could have gone otherwise, "what other
options" a choice, "who else was involved" an occasion with people in it); where the answer does
not hold it, the prompt asks the plain question its probe always can (see `followups._CHECKS`).

Read from grammar over the lexicon's word classes, not from sentences of any corpus:
- an incident is past acts of the speaker's. A verb shares its subject across a list ("I
  isolated the issue, informed my PI, and then re-tested the components" is three acts), and two
  acts with a time anchor ("a few years ago ... I got together with this person and explained")
  tell one occasion;
- anything told as having happened (an occasion) is a finite past verb after its subject, whoever
  did it ("the nurse was overreacting");
- a failure is a word of something going wrong (lexicon `failure_effects`, `failure_outcomes`,
  `slip_markers`, `premise_failures`);
- a choice is a verb of choosing (lexicon `premise_choices`);
- a view is a phrase of opinion or feeling said of the speaker ("in my view", "it angers me";
  lexicon `premise_views`);
- an answer about someone else opens with a person at work as its subject (lexicon
  `premise_others`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from storybank.analysis.answer_kinds import event as _told_event
from storybank.analysis.lexicon import normalise, phrase_set, word_set
from storybank.analysis.lexicon import words as _words

STORY_ACTS = 3      # past acts that tell an incident on their own
ANCHORED_ACTS = 2   # past acts that tell one with a time anchor ("a few years ago", "last year")
_ADVERB = r"(?:(?:then|also|once|later|finally|quickly|immediately|[a-z]+ly)\s+)?"
_PAST_VERB = r"([a-z]+(?:-[a-z]+)?)"
# A first-person subject and its verb, and each verb after it that shares the subject in a list:
# ", informed my PI", ", and then re-tested", " but inadvertently skipped".
_SUBJECT = re.compile(rf"\b(?:i|we)\s+{_ADVERB}{_PAST_VERB}\b")
_LISTED = re.compile(rf"(?:,\s*(?:and\s+|but\s+)?|\s(?:and|but)\s+)(?:then\s+)?{_ADVERB}{_PAST_VERB}\b")
# Where a verb's subject stops being shared: the sentence ends, or a clause with its own subject.
_NEW_SUBJECT = re.compile(r"[.;!?]|\b(?:i|we|he|she|they|it|you|who|which)\b")
_ANCHOR = re.compile(r"\b(?:a|two|three|four|five|several|a few|many)\s+(?:days|weeks|months|years)\s+ago\b"
                     r"|\bonce\b|\bin (?:one|a previous|my (?:last|previous|first))\b")


@dataclass(frozen=True)
class AnswerHolds:
    """What an answer holds that a probe's wording may presume."""

    event: bool     # an incident told: something that happened once, with the speaker's acts
    occasion: bool  # anything told as having happened, by anyone ("the nurse was overreacting")
    failure: bool   # something that went wrong, or a regret
    choice: bool    # a choice the speaker made between ways of going
    view: bool      # a view or feeling of the speaker's stated
    others: bool    # about someone else at work: its first sentence opens with them as subject


def _is_past(verb: str) -> bool:
    if verb in word_set("past_attitudes"):
        return False
    return verb.endswith("ed") or verb in word_set("past_irregular")


def past_acts(text: str) -> int:
    """The speaker's past acts, a verb in a list counting with its shared subject: "I isolated
    the issue, informed my PI, and then re-tested" is three; "I think we decided" is none (a
    state of mind), nor "we have learned" (no past verb after the subject), nor "I grew up here"
    (a biography, lexicon `biography_acts`)."""
    norm = normalise(text)
    # An act that opens a biography ("I went to high school here", "I grew up here") is no act
    # of an incident, nor are the verbs listed after it.
    biography = {start for start, _end, _said in phrase_set(_words("biography_acts")).spans(norm)}
    count = 0
    for match in _SUBJECT.finditer(norm):
        if match.start() in biography or not _is_past(match.group(1)):
            continue
        stop = _NEW_SUBJECT.search(norm, match.end())
        shared = norm[match.end():stop.start() if stop else len(norm)]
        count += 1 + sum(1 for listed in _LISTED.finditer(shared) if _is_past(listed.group(1)))
    return count


# Words after which a past form is no finite verb of something that happened: a perfect or a
# passive after "have", "be" or "become" ("I have learned to address conflicts", "so they do not
# become inflated"), an infinitive, or an adjective after a verb of seeming ("remain focused").
_NOT_FINITE_AFTER = frozenset({"have", "has", "'ve", "be", "been", "being", "become", "becomes",
                               "get", "gets", "is", "are", "am", "to", "remain", "remains", "stay",
                               "stays", "feel", "feels", "seem", "seems", "look", "looks"})
# Words passed over between a subject and its verb: "we are both committed", "I just did".
_SKIPPED = frozenset({"then", "also", "once", "just", "never", "both", "all", "each", "not", "still"})
_BE_HAVE_PAST = frozenset({"was", "were", "had", "did"})
_TOKEN = re.compile(r"[a-z']+(?:-[a-z]+)?")


def _auxiliary(word: str) -> bool:
    """A word after which a past form is a participle: "have", "is", or a contraction of "have"
    or "would" ("I've handled lots of conflicts", "we'd finished")."""
    return word in _NOT_FINITE_AFTER or word.endswith(("'ve", "'d"))


def _finite_past(norm: str) -> bool:
    """A finite past verb after a word that can be its subject, whoever did it (see
    tells_occasion)."""
    previous = ""
    for word in _TOKEN.findall(norm):
        if previous and not _auxiliary(previous) and (word in _BE_HAVE_PAST or _is_past(word)):
            return True
        if not (word.endswith("ly") or word in _SKIPPED):
            previous = word
    return False


def tells_incident(text: str) -> bool:
    """Is an incident told: three past acts of the speaker's, counting a list's shared subject, or
    two with a time anchor, or an example as `answer_kinds.event` reads one with something in it
    told in the past ("For instance, I might ask the person ..." with a "100 %" in it is none)?"""
    acts = past_acts(text)
    norm = normalise(text)
    anchored = _ANCHOR.search(norm) is not None or phrase_set(_words("time_anchors")).search(norm)
    if acts >= STORY_ACTS or (acts >= ANCHORED_ACTS and bool(anchored)):
        return True
    return _told_event(text) and (acts >= 1 or _finite_past(norm))


def tells_occasion(text: str) -> bool:
    """Is anything told as having happened, by anyone: an incident (see tells_incident), or a
    finite past verb ("my no-good boss yelled at me", "the direction was wrong", "I had a
    conflict with a teammate")? "I usually try to understand both sides" and "I have learned to
    address conflicts right away" tell none, nor a feeling ("I hated it")."""
    return tells_incident(text) or _finite_past(normalise(text))


_OPENING_DETERMINERS = r"(?:(?:my|our|the|one|that|this|a|an|last|old|previous|former|current|new)\s+){0,3}"
_FIRST_SENTENCE = re.compile(r"^[^.!?]*")


def about_others(norm: str) -> bool:
    """Does the (normalised) answer open with another person at work as its subject ("One boss
    didn't give me much feedback", "My manager was terrible at communication", "She had a lot of
    knowledge")? "I told her that ..." opens with the speaker."""
    first = _FIRST_SENTENCE.match(norm.lstrip(" \t\n\"'"))
    said = first.group(0) if first else ""
    return _opens_with_others().match(said) is not None


@lru_cache(maxsize=1)
def _opens_with_others() -> re.Pattern[str]:
    people = "|".join(re.escape(w) for w in _words("premise_others"))
    return re.compile(rf"{_OPENING_DETERMINERS}(?:{people})\b(?!-)")


@lru_cache(maxsize=1)
def _failure_words() -> tuple[str, ...]:
    return (*_words("failure_effects"), *_words("failure_outcomes"), *_words("slip_markers"),
            *_words("premise_failures"))


@lru_cache(maxsize=256)
def answer_holds(text: str) -> AnswerHolds:
    """What `text` holds (see the module's docstring)."""
    norm = normalise(text)
    event = tells_incident(text)
    return AnswerHolds(
        event=event,
        occasion=event or _finite_past(norm),      # tells_occasion, the incident read once
        failure=phrase_set(_failure_words()).search(norm) is not None,
        choice=phrase_set(_words("premise_choices")).search(norm) is not None,
        view=phrase_set(_words("premise_views")).search(norm) is not None,
        others=about_others(norm),
    )
