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
  lexicon `premise_views`); a claim no example can show is a feeling about something or
  perfection said of the speaker ("I love that product", "I am perfect"; `premise_unprovable`);
- an answer about someone else opens with a person at work as its subject (lexicon
  `premise_others`);
- the rule an answer is about is the first rule, policy, curriculum or procedure it names
  (lexicon `premise_rules`), as a follow-up names it ("the curriculum");
- a working week is spoken of when the answer names its parts: days, evenings, shifts, hours a
  week (lexicon `premise_week`);
- the speaker is spoken of when a word of their own is said ("I", "my", "we"); an answer that says
  none judges something else ("the model was bad");
- company is anyone besides the speaker named at all: a pronoun or a group ("we", "they", "the
  team") or a person at work; a project told with "I" alone names none;
- the person the answer deals with is the first one it names after a determiner and at most two
  words ("an elderly patient", "my no-good boss"; lexicon `premise_counterparts`), so a prompt
  says "the patient", not "the other person", and "your boss" for "my previous boss". "I was patient" names no one, nor the speaker's
  own role ("As a marketing manager").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from storybank.analysis.answer_kinds import event as _told_event
from storybank.analysis.lexicon import alternation, normalise, phrase_set, word_set
from storybank.analysis.lexicon import words as _words
from storybank.analysis.signals import QUOTED
from storybank.analysis.text import PLURAL, SINGULAR
from storybank.words import plural

STORY_ACTS = 3      # past acts that tell an incident on their own
ANCHORED_ACTS = 2   # past acts that tell one with a time anchor ("a few years ago", "last year")
_ADVERB = r"(?:(?:then|also|once|later|finally|quickly|immediately|[a-z]+ly)\s+)?"
_PAST_VERB = r"([a-z]+(?:-[a-z]+)?)"
# A first-person subject and its verb, and each verb after it that shares the subject in a list:
# ", informed my PI", ", and then re-tested", " but inadvertently skipped".
_SUBJECT = re.compile(rf"\b(?:i|we)\s+{_ADVERB}{_PAST_VERB}\b")
_LISTED = re.compile(rf"(?:,\s*(?:and\s+|but\s+)?|\s(?:and|but)\s+)(?:then\s+)?{_ADVERB}{_PAST_VERB}\b")
# Where a verb's subject stops being shared: the sentence ends, or a clause with its own subject.
# "it" or "you" after a preposition is its object, no new subject ("I thought about it for a
# while, and then made it clear").
_OBJECT_AFTER = "".join(rf"(?<!\b{p} )" for p in ("about", "to", "with", "for", "on", "at", "of",
                                                  "from", "by", "into", "over", "through"))
_NEW_SUBJECT = re.compile(rf"[.;!?]|\b(?:i|we|he|she|they|who|which)\b|{_OBJECT_AFTER}\b(?:it|you)\b")
# A past progressive is an act too, and so are the verbs listed after it: "I was reviewing a
# client's financial statements and noticed discrepancies". "I was being careful" and "I was going
# to" are no acts.
_PROGRESSIVE = re.compile(r"\s+(?!being\b|going\b)[a-z]{2,}ing\b")
_ANCHOR = re.compile(r"\b(?:a|two|three|four|five|several|a few|many)\s+(?:days|weeks|months|years)\s+ago\b"
                     r"|\bonce\b|\bin (?:one|a previous|my (?:last|previous|first))\b"
                     # "I recall a time where a customer ordered a shoe ...": one occasion named.
                     r"|\b(?:i|we) (?:recall|remember) (?:a|one|the) time\b|\bthere was (?:a|one) time\b")


@dataclass(frozen=True)
class AnswerHolds:
    """What an answer holds that a probe's wording may presume."""

    event: bool     # an incident told: something that happened once, with the speaker's acts
    occasion: bool  # anything told as having happened, by anyone ("the nurse was overreacting")
    failure: bool   # something that went wrong, or a regret
    choice: bool    # a choice the speaker made between ways of going
    view: bool      # a view or feeling of the speaker's stated
    others: bool    # about someone else at work: its first sentence opens with them as subject
    acts: int = 0   # the speaker's past acts (see past_acts)
    anchored: bool = False  # a time anchor is said ("once", "a few years ago", "last year")
    rule: str = ""  # the rule the answer names first, singular ("curriculum"); "" when none
    week: bool = False  # the parts of a working week are named ("Tuesday", "evenings", "shifts")
    counterpart: str = ""  # the first person the answer deals with ("patient"); "" when none
    own_counterpart: bool = False  # ... named as the speaker's own ("my previous boss")
    # The person the speaker was at odds with, as "the"/"your" and their role ("your manager" in "my
    # manager and I disagreed", "the consultant" in "the consultant wanted ..."); "" when no role
    # is told taking a side (see `opponent`).
    opponent: str = ""
    unprovable: bool = False  # a feeling or perfection said of the speaker ("I love", "I am perfect")
    company: bool = True  # anyone besides the speaker is named: "we", "my team", "a customer"
    speaker: bool = True  # the speaker speaks of themselves at all: "I", "my", "we", "us"


def _is_past(verb: str) -> bool:
    if verb in word_set("past_attitudes"):
        return False
    return verb.endswith("ed") or verb in word_set("past_irregular")


def past_acts(text: str) -> int:
    """The speaker's past acts, a verb in a list counting with its shared subject: "I isolated
    the issue, informed my PI, and then re-tested" is three, "I was reviewing the statements and
    noticed discrepancies" two; "I think we decided" is none (a
    state of mind), nor "we have learned" (no past verb after the subject), nor "I grew up here"
    (a biography, lexicon `biography_acts`)."""
    norm = normalise(text)
    # An act that opens a biography ("I went to high school here", "I grew up here") is no act
    # of an incident, nor are the verbs listed after it.
    biography = {start for start, _end, _said in phrase_set(_words("biography_acts")).spans(norm)}
    count = 0
    for match in _SUBJECT.finditer(norm):
        verb = match.group(1)
        # A past state of mind opens a list but is no act; the acts listed after it are ("I
        # thought about it for a while, and then made it clear to her"). A present verb's list
        # is a habit ("I regularly review ... and trusted publications").
        progressive = _PROGRESSIVE.match(norm, match.end()) if verb in ("was", "were") else None
        if match.start() in biography or not (_is_past(verb) or progressive
                                              or verb in word_set("past_attitudes")):
            continue
        stop = _NEW_SUBJECT.search(norm, match.end())
        shared = norm[match.end():stop.start() if stop else len(norm)]
        count += (_is_past(verb) + bool(progressive)
                  + sum(1 for listed in _LISTED.finditer(shared) if _is_past(listed.group(1))))
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


# Subjects of a question asked, not of something told: "I ask the customer to explain what
# happened", "to find out whatever went wrong".
_ASKED_SUBJECTS = frozenset({"what", "whatever"})


def _finite_past(norm: str) -> bool:
    """A finite past verb after a word that can be its subject, whoever did it (see
    tells_occasion); "what happened" is asked, not told."""
    previous = ""
    for word in _TOKEN.findall(norm):
        if (previous and not _auxiliary(previous) and previous not in _ASKED_SUBJECTS
                and (word in _BE_HAVE_PAST or _is_past(word))):
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
    if acts >= STORY_ACTS or (acts >= ANCHORED_ACTS and _anchored(norm)):
        return True
    return _told_event(text) and (acts >= 1 or _finite_past(norm))


def _anchored(norm: str) -> bool:
    return _ANCHOR.search(norm) is not None or phrase_set(_words("time_anchors")).search(norm) is not None


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


def named_rule(norm: str) -> str:
    """The first rule the (normalised) answer names, singular: "my district gave me the Making
    Meaning curriculum" names "curriculum", "company policies" names "policy"; "" when it names
    none (lexicon `premise_rules`)."""
    pattern, singular = _rules()
    found = pattern.search(norm)
    return singular[found.group(1)] if found else ""


@lru_cache(maxsize=1)
def _rules() -> tuple[re.Pattern[str], dict[str, str]]:
    """A pattern for every rule noun said alone or plural ("policy", "policies", "rules"), and
    the singular of each form."""
    singular: dict[str, str] = {}
    for noun in _words("premise_rules"):
        singular[noun] = singular[plural(noun)] = noun
    forms = "|".join(re.escape(w) for w in sorted(singular, key=len, reverse=True))
    return re.compile(rf"\b({forms})\b"), singular


def counterpart(norm: str) -> str:
    """The first person the (normalised) answer deals with, as it names them ("chief resident"),
    or "" (lexicon `premise_counterparts`)."""
    found = _first_counterpart(norm)
    return found.group(2) if found else ""


def own_counterpart(norm: str) -> bool:
    """Is that person named as the speaker's own ("my previous boss", "our client"), so that a
    prompt says "your boss", not "the boss"?"""
    found = _first_counterpart(norm)
    return found is not None and found.group(1) in ("my", "our")


# The speaker's own role, not someone dealt with: "So I'm a shift supervisor at a materials recovery
# facility" (round 29, holdout28: "If I asked the supervisor ..." when the speaker is the supervisor).
_OWN_ROLE = re.compile(r"\b(?:i'm|i am|i was|i've been|i have been|i work as|i worked as|i'm now|i am now)\s+$")


def _first_counterpart(norm: str) -> re.Match[str] | None:
    return next((m for m in _counterparts().finditer(norm) if not _OWN_ROLE.search(norm[:m.start()])),
                None)


def opponent(norm: str) -> str:
    """The person the (normalised) answer was at odds with, said back as the interviewer would
    ("your manager", "the consultant"), or "". Only a role told taking a side counts: the one
    disagreed or argued with ("I disagreed with the charge nurse"), one side of "my manager and I
    disagreed", or the subject of a stance ("the consultant wanted to ...", "the barrister
    insisted"). The first person an answer mentions is often someone else: in "the F2 wanted a
    patient to have her regular metformin" the patient took no side (round 26, holdout25)."""
    first = _opponents().search(norm)
    if first is None:
        return ""
    own = first.group("own") or first.group("own2") or first.group("own3")
    role = first.group("role") or first.group("role2") or first.group("role3")
    return f"{'your' if own in ('my', 'our') else 'the'} {role}"


@lru_cache(maxsize=1)
def _opponents() -> re.Pattern[str]:
    people = alternation("premise_counterparts")
    det = r"a|an|the|my|our|this|that"
    return re.compile(
        rf"\b(?:disagree\w*|argu\w*|clash\w*|at odds|fell out|falling out|in conflict)\s+"
        rf"(?:\w+\s+){{0,3}}?with\s+(?P<own>{det})\s+(?:[\w-]+\s+){{0,2}}?(?P<role>{people})\b(?!-)"
        rf"|\b(?P<own2>{det})\s+(?:[\w-]+\s+){{0,2}}?(?P<role2>{people})\s+and\s+i\s+"
        rf"(?:disagreed|argued|clashed|fell out|had a|did not agree|didn't agree)\b"
        rf"|\b(?P<own3>{det})\s+(?:[\w-]+\s+){{0,2}}?(?P<role3>{people})\s+"
        # "the consultant on the ward round wanted": a short place said between role and stance
        rf"(?:(?:on|at|from|in|of)\s+(?:the\s+|my\s+|our\s+)?[\w-]+(?:\s+[\w-]+)?\s+)?(?:who\s+|that\s+)?"
        rf"(?:wanted|thought|insisted|argued|refused|disagreed|objected|pushed|preferred|demanded|"
        rf"didn't want|did not want|wouldn't|would not|was adamant|was convinced|kept|did not like|"
        rf"didn't like|yelled|shouted|complained|blamed|critici[sz]ed|ignored|took credit)\b")


@lru_cache(maxsize=1)
def _counterparts() -> re.Pattern[str]:
    people = alternation("premise_counterparts")
    # "As a marketing manager, I ..." is the speaker's own role, no one dealt with.
    return re.compile(rf"(?<!\bas )\b(a|an|one|the|my|our|this|that)\s+(?:[\w-]+\s+){{0,2}}?({people})\b(?!-)")


# Anyone besides the speaker, said as a pronoun or as a group: "we", "our team", "they told me".
_COMPANY = re.compile(r"\b(?:we|us|our|ours|he|she|him|her|his|they|them|their|team|teams|"
                      r"someone|somebody|anyone|everyone|people|staff|crew)\b")


def in_company(norm: str) -> bool:
    """Does the (normalised) answer name anyone besides the speaker: a pronoun or a group ("we",
    "they", "the team") or a person at work (lexicon `premise_others`, `premise_counterparts`)?
    "I used PostgreSQL to store paper metadata" names no one."""
    return _COMPANY.search(norm) is not None or _people_at_work().search(norm) is not None


@lru_cache(maxsize=1)
def _people_at_work() -> re.Pattern[str]:
    """A person at work by name of role, one or many (lexicon `premise_others`,
    `premise_counterparts`), or any noun doing what only a person does ("an attorney recently needed", lexicon `premise_people_acts`)."""
    acts = alternation("premise_people_acts")
    return re.compile(rf"\b(?:{alternation('premise_others')})\b(?!-)"
                      rf"|\b(?:{alternation('premise_counterparts')})s?\b(?!-)"  # "the students"
                      rf"|\b(?:a|an|the|my|our|one)\s+[a-z-]+\s+(?:[a-z]+ly\s+)?(?:{acts})\b")


_TOKEN = re.compile(r"[a-z][a-z']*")


def speaks_of_self(norm: str) -> bool:
    """Does the (normalised) answer speak of the speaker at all? "Response A gives concrete actions
    with reasoning" and "the model was bad" judge something else and hold no way of the
    speaker's, nor does an "i" quoted ("for i in range(n+1)"); "I ask questions to make sure I
    understand" does."""
    # The speaker's own words for themselves (text.SINGULAR, text.PLURAL), outside quotation marks
    # (signals.QUOTED): quoted words are someone else's, or code.
    return not (SINGULAR | PLURAL).isdisjoint(_TOKEN.findall(QUOTED.sub(" ", norm)))


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
        acts=past_acts(text),
        anchored=_anchored(norm),
        rule=named_rule(norm),
        week=phrase_set(_words("premise_week")).search(norm) is not None,
        counterpart=counterpart(norm),
        own_counterpart=own_counterpart(norm),
        opponent=opponent(norm),
        unprovable=phrase_set(_words("premise_unprovable")).search(norm) is not None,
        company=in_company(norm),
        speaker=speaks_of_self(norm),
    )
