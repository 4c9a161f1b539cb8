"""Phrases a story actually says, lifted out whole: the decision it made, the option it turned
down, and the names it uses, matched loosely.

A follow-up prompt may quote the story only with a complete noun phrase (or a gerund phrase such
as "normalising names with ICU transliteration") that appears in the answer word for word. A
phrase is never cut to fit: if it cannot be taken whole, it is not used, and the prompt falls back
to a wording that needs no quote. Everything here is word lists and one linear regex per
sentence, so it costs microseconds per story.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from storybank.analysis.lexicon import _lexicon_data
from storybank.words import count_words


def _words(name: str) -> frozenset[str]:
    return frozenset(_lexicon_data()[name])


# Words that cannot end a noun phrase: a quote ending in one of them was cut mid-phrase.
FUNCTION_WORDS = _words("phrase_function_words")

# Adjectives and comparatives that often stand just before the noun a cut removed
# ("pairing a spontaneous", "a one-week prototype over a longer").
_ADJECTIVE_END = re.compile(r"(?:ous|ive|ful|less|able|ible|ical|ish)$")
_COMPARATIVES = _words("phrase_comparatives")
# Nouns with those endings that are fine at the end of a phrase.
_NOUN_EXCEPTIONS = _words("phrase_noun_exceptions")
_FIRST_PERSON_VERBS = (
    "chose|established|picked|proposed|introduced|built|rebuilt|added|adopted|designed|redesigned|wrote|"
    "rewrote|drafted|created|developed|implemented|ran|led|set up|switched (?:us |the \\w+ )?to|"
    "moved (?:us |the \\w+ )?to|replaced [^.,;]{1,40}? with|settled on|opted for|went with|"
    "used|recommended|suggested|prescribed|ordered|started|launched|piloted|trialled|trialed|"
    "tested|validated|negotiated|filed|argued for|pushed for|insisted on|restructured|"
    "reorganised|reorganized|introduced|applied|brought in|put in place|set|changed|"
    "devised|wrote up|planned|organised|organized|modelled|modeled|fitted|fit|"
    "developed|calibrated|ran|tuned|refactored|automated|migrated|swapped in"
)
_DECISION = re.compile(rf"\bI\s+(?:then\s+|also\s+|first\s+|finally\s+)?({_FIRST_PERSON_VERBS})\s+"
                       r"((?:[^.;:!?\n()\"“”]|\.(?=\w)){2,120})")  # a dot inside "Node.js" goes on
# The verbs of a choice or of the thing built: in a long answer these name its main act ("I
# designed a REST API using Node.js", "I established a lightweight evaluation framework") before a
# step on the way ("I ran a 2-week spike with two engineers", "I wrote a small load test").
_MAIN_ACT = re.compile(r"^(?:chose|picked|proposed|recommended|suggested|settled on|opted for|"
                       r"went with|switched|moved|adopted|introduced|argued for|pushed for|"
                       r"insisted on|designed|redesigned|implemented|built|rebuilt|replaced|"
                       r"put in place|devised|launched|piloted|restructured|automated|migrated|"
                       r"established)\b")
_JUDGED = _words("phrase_judged_words")
# Where a noun phrase ends: a clause, a comparison, a purpose, or another verb.
_BOUNDARY = re.compile(
    r"\s+(?:because|so|which|that|who|to|and|or|but|instead|rather|than|over|against|versus|vs\.?|"
    r"after|before|since|while|when|where|until|unless|if|as|across|at|by|from|on|behind|"
    r"through|during|per|into|onto|within|without|then|once|whose|whom|"
    r"is|are|was|were|had|has|have|would|could|should|will|can|did|does)\b.*$",
    re.I | re.S,
)
# How a thing was done, said as an idiom whose middle word is a boundary: "ran a Bayesian dosing tool
# side by side with trough dosing" is the tool, not "a Bayesian dosing tool side" (round 21, DOGFOOD22).
_ADVERBIAL_IDIOM = re.compile(r"\s+(?:side by side|one by one|step by step|day by day|back to back|"
                              r"face to face|hand in hand|in parallel|in tandem|minute by minute|hour by hour|"
                              r"line by line|page by page|item by item|case by case|room by room|bit by bit|"
                              r"word by word|week by week)\b.*$", re.I | re.S)
# How often a thing was done, said after it ("rewrote the slogan about six times", round 24): the
# thing is what came before.
_TIMES_TAIL = re.compile(r"\s+(?:(?:about|around|roughly|nearly|almost|some|over|at least|maybe)\s+)?"
                         r"(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|a dozen|a few|several|many|"
                         r"a couple of)\s+times\b.*$", re.I | re.S)
# The doer said after the thing done ("designed the new menu layout myself in Canva"), and a place
# said after it ("compression fittings under the boards"): the thing is what came before (round 22,
# holdout21's judges: "ungrammatical: people 'involved in the compression fittings'").
_REFLEXIVE_TAIL = re.compile(r"\s+(?:myself|ourselves|himself|herself|themselves|yourself)\b.*$", re.I | re.S)
_PLACE_TAIL = re.compile(r"\s+(?:under|beneath|underneath|behind|below|above|beside|inside|outside|"
                         r"across)\s+(?:the|a|an|our|my|their|his|her|its|each|every)\b.*$", re.I | re.S)
# A second prepositional phrase after a first ("a search in SystmOne for patients"): the thing and
# where it was done is enough to ask about.
_SECOND_PREPOSITION = re.compile(r"^(.*?\s(?:in|on|with|using|of)\s+\S+(?:\s+\S+)?)\s+(?:for|to|from|in|on|at)\s(?!.*(?-i:[A-Z0-9])).*$",
                                 re.I | re.S)
# A comma, a dash between spaces, or a long dash however written ("alternatives—either reduce").
_CLAUSE_BREAK = re.compile(r"\s*[,–—-]\s.*$|\s*[–—].*$|,.*$", re.S)
_BAD_START = _words("phrase_bad_start")
_PERSONAL = frozenset({"i", "we", "you", "he", "she", "they", "i'd", "i'm", "we'd", "it's"})
_TRAILING_PARTICIPLE = re.compile(r"\s+[a-z]{3,}(?<!e)ed$")
_GENERIC_HEADS = _words("phrase_generic_heads")
_PLAIN_WORDS = _words("phrase_plain_adjectives") | {"a", "an", "the", "one"}
# Round 39: "the 50 milligram tablets" (holdout38: "Tablets don't 'work' step by step"): an amount.
_UNITS = frozenset({"mg", "milligram", "milligrams", "g", "gram", "grams", "kg", "ml", "millilitre",
                    "millilitres", "litre", "litres", "percent", "per", "hour", "hours", "minute",
                    "minutes", "second", "seconds", "day", "days", "week", "weeks", "month", "months",
                    "mile", "miles", "km", "metre", "metres", "page", "pages", "word", "words"})
# Round 37: "Walk me through the method behind the same samples" (holdout36: "garbled phrase").
_BACK_REFERENCES = frozenset({"same", "other", "above", "following", "latter", "former"})
# Round 35: "ran the old and new side by side" was quoted "the old": an adjective with no noun.
_BARE_ADJECTIVES = frozenset({"old", "new", "current", "existing", "previous", "original", "latest",
                              "former", "same", "other", "whole", "entire"})
# Round 31: a compound adjective ends no noun phrase ("led an end-to-end, human-centred discovery
# initiative" was quoted back as "the end-to-end", holdout30).
_COMPOUND_ADJECTIVE = re.compile(r"\w-to-\w|-(?:based|driven|centred|centered|focused|facing|led|level|"
                                 r"term|wide|scale|quality|friendly|heavy|only)$")
# "a tool called Chaser": the name is the thing (round 31, holdout30: "the tool called Chaser").
_CALLED = re.compile(r"^(?:an?|the|this|our|my)\s+(?:[\w-]+\s+){0,2}?(?:called|named)\s+(?=[A-Z])", re.I)
_PRONOUN_TAIL = re.compile(r"\s+(?:with|for|of|in)\s+(?:it|them|this|that|him|her|us|me)$", re.I)
# Round 35 (holdout34's judges): a quantity said before the thing ("built a lot of the execution
# systems" was quoted "the lot of the execution systems"), how it was done said after it ("picked up
# dbt in a similar way"), whose it was said after it ("filed a product ticket with his example"),
# and a clause with no "that" after it ("used the wellness sessions the company offered" was quoted
# "the wellness sessions the company"): the thing is what is left. Round 36: a number before it
# ("took on one line of business"); round 38: a "just" or "only" ("rewrote just the parser",
# holdout37: "Clumsy quote 'just the parser'").
_QUANTITY_START = re.compile(r"^(?:a lot of|lots of|loads of|a bunch of|a couple of|a few of|some of|"
                             r"most of|all of|many of|several of|one of|each of|a number of|"
                             r"one|just|only|even|also|simply|basically|actually|really)\s+(?=\S)", re.I)
_MANNER_TAIL = re.compile(r"\s+in\s+(?:a|the|much the|pretty much the)\s+(?:\w+\s+)?(?:way|manner|fashion)\b.*$",
                          re.I | re.S)
# Round 38 (holdout37's judges): how long said after the thing ("made it a habit for good",
# "recording rules for the twenty [dashboards]") and what came with it ("the patient letter with the
# fasting instruction", "the dead-letter queue with a Slack alert": "Long clumsy quote").
_FOR_TAIL = re.compile(r"\s+for\s+(?:good|now|ever|a while|the time being|the moment|those|these|the (?:\d+|one|two|three|"
                       r"four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
                       r"fifty|hundred)\w*)\b.*$", re.I | re.S)
_WITH_TAIL = re.compile(r"^(\S+(?:\s+\S+)+?)\s+with\s+(?:a|an|the)\s+.*$", re.I | re.S)
# Round 39: where it sat, said as whose ("the routing table in our TMS", holdout38: "Clumsy quote
# 'routing table in your TMS'").
_POSSESSIVE_TAIL = re.compile(r"\s+(?:with|for|of|from|about|in|on|at|inside)\s+(?:his|her|their|its|my|our|your)\s+.*$",
                              re.I | re.S)
_CUT_PARTICIPLE = re.compile(r"\s+[a-z]{3,}ing$")
_BARE_DETERMINERS = frozenset({"the", "a", "an", "our", "my", "their", "his", "her"})
_LINKS = frozenset({"of", "in", "on", "with", "for", "to", "from", "at", "by", "about", "into",
                    "using", "and", "or", "between", "against", "across", "via", "per"})
_TRAILING_ADVERB = re.compile(
    r"(?:\s+(?:\w+ly|first|again|instead|too|later|early|together|anyway|myself|itself|here|there|"
    r"today|now|back|overnight))+$", re.I)
_PARTICLE_START = re.compile(r"^(?:up|out|off|down|back|in|on|over|together)\s+", re.I)
_PRONOUN_OBJECT = frozenset({"it", "them", "this", "that", "him", "her", "us", "me", "myself",
                             "something", "everything", "anything", "nothing", "what", "how",
                             "why", "whether", "which", "those", "these"})
MAX_PHRASE_WORDS = 7
# A quote opened at the start of a word, and one closed at the end of a word ("Fleiss' kappa"
# closes nothing it opened: an apostrophe after a word is not an opening mark).
_OPEN_QUOTE = re.compile(r"(?:^|\s)['‘\"“]\w")
_CLOSE_QUOTE = re.compile(r"\w['’\"”](?:\s|$)")
_TOKEN = re.compile(r"[A-Za-z0-9][\w'’+#./-]*")


def is_complete_phrase(phrase: str) -> bool:
    """Could `phrase` stand alone as a noun phrase in a question, uncut?"""
    words = _TOKEN.findall(phrase)
    if not words or len(words) > MAX_PHRASE_WORDS:
        return False
    first, last = words[0].lower(), words[-1].lower().strip("'’")
    lowered = [w.lower() for w in words]
    if first in _BAD_START or first in _PRONOUN_OBJECT or first in _PERSONAL \
            or last in FUNCTION_WORDS:
        return False
    if len(lowered) > 2 and lowered[1].isdigit() and lowered[2] in _UNITS:
        return False  # "the 50 milligram tablets": an amount, not a thing done (round 39, holdout38)
    if len(lowered) > 1 and lowered[1] in _BACK_REFERENCES:
        return False  # "the same samples", "the other one": points back at what was said before
    if any(w in _PERSONAL for w in lowered[1:]):
        return False  # "the data I understood": a clause, not a noun phrase
    if _OPEN_QUOTE.search(phrase) and not _CLOSE_QUOTE.search(phrase):
        return False  # "the 'Disagree": a quoted name cut before its closing mark
    plain = [w for w in lowered if w not in _PLAIN_WORDS]
    if (len(words) <= 2 or len(plain) <= 1) and last in _GENERIC_HEADS:
        return False  # "the change", "a fix", "a real job": says nothing the question did not already say
    if _COMPOUND_ADJECTIVE.search(last) and last not in _NOUN_EXCEPTIONS:
        return False  # "an end-to-end", "a human-centred": an adjective left without its noun
    if words[-1][0].isupper() or any(c.isdigit() for c in words[-1]):
        return True  # a name or a figure ends it
    # "a longer", "a spontaneous": an adjective left without its noun.
    if last in _COMPARATIVES or last in _BARE_ADJECTIVES:
        return False
    return not (last not in _NOUN_EXCEPTIONS and _ADJECTIVE_END.search(last) and len(last) > 4)


def _without_clause(phrase: str) -> str:
    """The noun phrase before a clause said with no "that": "the wellness sessions | the company
    offered"; a second determiner after a link word stays ("the backlog of the team")."""
    words = phrase.split()
    if not words or words[0].lower() not in _BARE_DETERMINERS:
        return phrase  # "reading back the set point": a verb's object, not a second phrase
    for i in range(2, len(words)):
        before = words[i - 1].lower()
        if words[i].lower() in _BARE_DETERMINERS and before not in _LINKS \
                and not before.endswith(("ing", "ed")):
            return " ".join(words[:i])
    return phrase


def _trim(raw: str) -> str | None:
    phrase = _CLAUSE_BREAK.sub("", _ADVERBIAL_IDIOM.sub("", raw))
    cut = _POSSESSIVE_TAIL.sub("", phrase)
    if cut != phrase:
        # "the IVR message explaining [it to their callers]": the participle goes with its object.
        cut = _CUT_PARTICIPLE.sub("", cut)
    phrase = _MANNER_TAIL.sub("", _QUANTITY_START.sub("", _FOR_TAIL.sub("", cut)))
    phrase = _WITH_TAIL.sub(r"\1", phrase)
    phrase = _PLACE_TAIL.sub("", _REFLEXIVE_TAIL.sub("", _TIMES_TAIL.sub("", phrase)))
    phrase = _SECOND_PREPOSITION.sub(r"\1", phrase)
    phrase = _BOUNDARY.sub("", phrase)
    phrase = _CALLED.sub("", _PARTICLE_START.sub("", phrase))
    phrase = _PRONOUN_TAIL.sub("", phrase).strip()
    phrase = _TRAILING_ADVERB.sub("", phrase).strip()
    # "a twelve-week intervention based [on ...]": a participle left when its phrase was cut.
    phrase = _TRAILING_PARTICIPLE.sub("", phrase).strip()
    phrase = _without_clause(phrase)
    if count_words(phrase) > MAX_PHRASE_WORDS:
        # Too long to quote whole: keep the head noun phrase before a preposition, if there is one.
        head = re.split(r"\s+(?:in|with|for|of|using)\s+", phrase, maxsplit=1)[0]
        phrase = head if count_words(head) <= MAX_PHRASE_WORDS else ""
    phrase = phrase.strip(" '’\"")
    return phrase if phrase and is_complete_phrase(phrase) else None


_MEETINGS = _words("phrase_meeting_heads")
_HEAD_ENDS = frozenset({"with", "for", "of", "in", "on", "about", "between", "past"})


def _is_meeting(phrase: str) -> bool:
    """Does the phrase name a meeting or a write-up of one ("a blameless post-mortem", "a
    private 1:1", "the findings")?"""
    words = phrase.lower().split()
    # Its head noun: the last word, or the one before a participle or a preposition ("a one-pager
    # comparing both", "the calibration session with the team").
    head = next((words[i - 1] for i in range(1, len(words))
                 if words[i].endswith("ing") or words[i] in _HEAD_ENDS), words[-1] if words else "")
    return head.strip(".,") in _MEETINGS


def decision_phrase(*texts: str, main_act_first: bool = False) -> str | None:
    """The first decision the speaker made, as the complete phrase they said ("a transactional
    outbox"), or None when no decision can be quoted whole. With `main_act_first` (a long
    answer), a choice or a thing built comes before any step on the way."""
    found = [(bool(_MAIN_ACT.match(match.group(1))), phrase, bool(_TO_CHECK.search(match.group(2))))
             for text in texts for match in _DECISION.finditer(text or "")
             # a quoted term ("I added 'mg/kg KG' to ...") is not the decision
             if match.group(2)[:1] not in "'‘"
             and (phrase := _trim(match.group(2))) and _quotable_decision(phrase)]
    if main_act_first:
        # A step taken to find or confirm the problem ("I wrote a small load test in JMeter to
        # simulate 1,000 parallel invoice requests") is no decision of a long story.
        found = [act for act in found if act[0] or not act[2]]
        found.sort(key=lambda act: not act[0])
    return found[0][1] if found else None


# The purpose of a step that only looks: "... to simulate 1,000 requests", "... to reproduce it".
_TO_CHECK = re.compile(r"\bto\s+(?:simulate|reproduce|confirm|measure|find|check|verify|see|"
                       r"isolate|pinpoint|locate|diagnose|profile)\b", re.I)


def _quotable_decision(phrase: str) -> bool:
    """A bare word or name ("I used Clippy") is not a decision you can be asked about, nor a
    meeting held ("I ran a blameless post-mortem"): it has no workings to walk through; nor a
    mistake the speaker names as one ("the wrong teaching method")."""
    words = {w.lower() for w in phrase.split()}
    return (" " in phrase or "_" in phrase) and not _is_meeting(phrase) and not words & _JUDGED


# "instead of a polling relay" names an option anywhere; "over" and "against" only before a
# name ("chose Temporal over Airflow", "benchmarked PostgreSQL against Kafka"), since "over the
# following six months" and "over a long lunch" are not options.
_ALTERNATIVE = re.compile(
    r"\b(?i:instead of|rather than|in place of)\s+([^.;:!?\n()\"“”,]{2,80})"
    r"|\b(?:over|versus|vs\.?|against)\s+([A-Z][\w+#]*(?:[.-][\w+#]+)*(?:\s+[A-Z][\w+#]*)*)")
_CHOICE = re.compile(r"\b(?:I|we)\s+(?:\w+\s+)?(?:chose|picked|went with|opted|decided|proposed|"
                     r"preferred|recommended|argued for|pushed for|switched|moved|used|built|"
                     r"wrote|adopted|kept|added|replaced|settled on)\b", re.I)
_ALT_START = re.compile(r"^(?:a|an|the|using|building|keeping|writing|adding|moving|"
                        r"[A-Z][\w+#.-]*)\b")
_TIME_WORDS = re.compile(r"\b(?:weeks?|days?|months?|years?|hours?|minutes?|time|lunch|meetings?|"
                         r"call|course|phone|weekend|summer|period|night|morning|evening)\b", re.I)


def alternative_phrase(decision: str | None, *texts: str, is_name: Callable[[str], bool] = lambda name: True) -> str | None:
    """An option the story itself says it turned down ("instead of a polling relay"), whole.
    After "over" or "against" only a name counts, and only one `is_name` accepts."""
    for text in texts:
        for match in _ALTERNATIVE.finditer(text or ""):
            raw = match.group(1) or match.group(2)
            # Only an option turned down by a choice in the same sentence ("I chose X instead of
            # Y"); "drew current in pulses instead of a smooth sine wave" describes, not decides.
            start = max(text.rfind(".", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
            if not _CHOICE.search(text[start:match.start()]):
                continue
            if match.group(2) and not is_name(match.group(2)):
                continue
            if not _ALT_START.match(raw) or _TIME_WORDS.search(raw):
                continue  # "over two weeks", "over time": not an option
            phrase = _trim(raw)
            if not phrase or (decision and phrase.lower() in decision.lower()):
                continue
            return phrase
    return None


# --- names, matched loosely -------------------------------------------------------------------

_NAME_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#_]*")


@lru_cache(maxsize=2048)
def _name_forms(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Case-insensitive forms and case-sensitive forms under which `name` counts as said."""
    tokens = _NAME_TOKEN.findall(name)
    if not tokens:
        return (), ()
    loose: list[str] = []
    exact: list[str] = []
    whole = " ".join(tokens)
    (loose if len(whole) > 2 else exact).append(whole)
    # The head of a longer lower-case name: "mark schemes" in "GCSE mark schemes".
    if len(tokens) >= 3 and all(t.islower() for t in tokens[-2:]):
        loose.append(" ".join(tokens[-2:]))
    # A distinctive part of a longer name: "ANSYS" in "ANSYS Mechanical transient thermal",
    # "Westlaw" in "Westlaw Edge". Only a part written as a name (capital or digit inside).
    # A part counts only when it is written as a name no ordinary word looks like: an acronym,
    # a mixed-case name or one with a digit ("New" in "New Group Reading Test" is not a name).
    for token in tokens[:3]:
        capitals = sum(c.isupper() for c in token)
        if len(tokens) > 1 and len(token) >= 3 and token.lower() not in _COMMON_CAPITALISED \
                and (capitals >= 2 or any(c.isdigit() for c in token)):
            loose.append(token)
    # The capitalised head of a longer name ("Carousel" of "Carousel Learning quizzes") is
    # matched apart, by `_head_said`: only inside a sentence and not as the start of another name.
    # Initials: "Kernel Density Estimation" is also "KDE".
    caps = [t for t in tokens if t[0].isalpha()]
    if len(caps) >= 2:
        exact.append("".join(t[0].upper() for t in caps))
    # An abbreviation in the name itself: "FMEA (failure mode ...)" etc. are already tokens.
    return tuple(dict.fromkeys(loose)), tuple(dict.fromkeys(exact))


_COMMON_CAPITALISED = _words("name_common_words")


@lru_cache(maxsize=2048)
def _name_head(name: str) -> str | None:
    """The capitalised first word of a longer name, if it could stand for the name: "Carousel"
    of "Carousel Learning quizzes", "Westlaw" of "Westlaw Edge"; not "Clinical" or "New"."""
    tokens = _NAME_TOKEN.findall(name)
    head = tokens[0] if tokens else ""
    if len(tokens) > 1 and len(head) >= 4 and head[0].isupper() and head[1:].islower() \
            and head.lower() not in _COMMON_CAPITALISED:
        return head
    return None


_NEXT_NAME = re.compile(r"[ \t-]+[A-Z]")
_OPENS_SENTENCE = frozenset(".!?:;\"“‘'([\n")


def _head_said(head: str, text: str) -> bool:
    """`head` said as the name: with its capital, not as a sentence's first word ("Early on I
    noticed", "Reading the logs": any word is capitalised there), and not as the first word of
    another name ("Apache Spark" is not "Apache Kafka")."""
    for match in _form_pattern(head).finditer(text):
        before = text[:match.start()].rstrip(" \t")
        if not before or before[-1] in _OPENS_SENTENCE:
            continue
        if _NEXT_NAME.match(text, match.end()):
            continue
        return True
    return False


def mentions(name: str, text: str, lower_text: str | None = None) -> str | None:
    """The form of `name` that `text` uses, or None: matched regardless of case for names of
    three letters or more, by a distinctive part, by its capitalised head word said inside a
    sentence, or by initials ("KDE")."""
    loose, exact = _name_forms(name)
    low = lower_text if lower_text is not None else text.lower()
    for form in loose:
        hit = _find(form.lower(), low)
        if hit is not None:
            return text[hit[0]:hit[1]] if len(text) == len(low) else form
    for form in exact:
        hit = _find(form, text)
        if hit is not None:
            return form
    head = _name_head(name)
    if head is not None and _head_said(head, text):
        return head
    return None


def _find(form: str, haystack: str) -> tuple[int, int] | None:
    match = _form_pattern(form).search(haystack)
    return match.span() if match else None


@lru_cache(maxsize=4096)
def _form_pattern(form: str) -> re.Pattern[str]:
    # Singular or plural alike: "mark scheme" says "mark schemes".
    stem = form[:-1] if form.endswith("s") and len(form) > 4 else form
    # Parts apart by spaces, hyphens, slashes or an apostrophe: "Fleiss' kappa", "Cohen's kappa".
    return re.compile(r"(?<![\w])" + r"[\s\-/'’]+".join(re.escape(p) for p in stem.split())
                      + r"(?:s|es)?(?![\w+#])")


def mentioned_names(names: list[str] | tuple[str, ...], text: str) -> list[str]:
    """The names (as listed) that `text` mentions, loosely, in list order."""
    low = text.lower()
    return [n for n in names if n.strip() and mentions(n.strip(), text, low)]
