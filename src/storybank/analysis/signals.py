"""Profession-neutral signals of depth, ownership and evidence, read from the structure of what
is said rather than from one field's vocabulary (README "Every profession"):

- named things: the story's own `technologies` matched loosely, the catalog's known names, every
  profession pack's named methods, and the shapes names take in any field (an acronym such as
  "HPLC" or "qSOFA", a mixed-case name such as "FactSet", a name with a number such as
  "Rule 502(d)" or "IEEE 519");
- cause and effect ("because", "which meant", "led to");
- numbers with units, in digits or spelled ("four days", "forty pages");
- blame as a pattern of meaning: an outside party and a blaming or denying predicate in the same
  clause ("the provider and QA should have caught it"), or an outright denial ("it was not my
  fault"); a role noun alone ("the client never saw the error") is not blame.

Each measure is computed once per story and cached on the context. Word lists live in
`data/lexicon.toml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from storybank.analysis.lexicon import PhraseSet, alternation, phrase_set, word_set
from storybank.analysis.lexicon import words as _words

if TYPE_CHECKING:  # pragma: no cover
    from storybank.analysis.context import StoryContext


# --- numbers spelled out ---------------------------------------------------------------------

_SPELLED_NUMBER = re.compile(
    r"\b(?=[tfsenhbmd])((?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    r"hundred|thousand|million|billion|dozen|dozens|hundreds|thousands|millions)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine|hundred|thousand|million))*)"
    r"(?:[- ](?:more|extra|new|further|separate|other|full|consecutive|additional))?"
    r"[- ]([a-z][a-z'-]*)", re.I)
# "Zero downtime", "zero defects": a measured result of nothing is a result.
_ZERO = re.compile(r"\bzero[- ](?!sum\b|in\b|tolerance\b)[a-z][a-z'-]*", re.I)
_ONE_UNIT = re.compile(r"\b(?:one|a single|half an?)[- ](hour|day|week|month|year|minute|second|"
                       r"page|shift|session|lesson|term|quarter|percent)\b", re.I)


def spelled_numbers(text: str) -> list[str]:
    """Spelled numbers with what they count: "four days", "forty pages", "twenty-three patients".
    A spelled number counts only with a unit or a plural noun after it, so "one of them" and
    "ten of us" are not measurements."""
    from storybank.cues import STOP_WORDS

    found = []
    for match in _SPELLED_NUMBER.finditer(text):
        unit = match.group(2).lower()
        if unit.endswith("s") or unit in _UNITS or "-" in unit:
            found.append(match.group(0))
            continue
        # Round 21: one word that describes what is counted may come between ("forty one medical
        # jobs", "three senior engineers"); a word of grammar may not ("ten of us").
        # A capitalised word makes it a name ("Six Sigma principles").
        then = _NEXT_WORD.match(text, match.end())
        noun = then.group(1).lower() if then else ""
        counted = noun in _UNITS or (noun.endswith("s") and not noun.endswith("ss"))
        if then and counted and unit not in STOP_WORDS and noun not in STOP_WORDS \
                and not match.group(2)[0].isupper():
            found.append(match.group(0) + then.group(0))
    found.extend(m.group(0) for m in _ONE_UNIT.finditer(text))
    found.extend(m.group(0) for m in _ZERO.finditer(text))
    return found


_NEXT_WORD = re.compile(r"[- ]([a-z][a-z'-]*)", re.I)
_UNITS = frozenset({"percent", "times", "hour", "day", "week", "month", "year", "page", "minute",
                    "second", "fold", "point", "degree", "kilo", "metre", "meter", "mile",
                    "dollar", "pound", "euro"})


# --- named things ---------------------------------------------------------------------------

# An acronym or a mixed-case name (HPLC, qSOFA, FactSet, CAM-ICU, LC-MS), or a capitalised word
# with a number or a bracketed number (Rule 502(d), IEEE 519, USP <621>, GARCH(1,1), ISO 17100).
_SHAPED_NAME = re.compile(
    r"(?<![\w-])(?:[a-z]?[A-Z]{2,}[A-Za-z0-9]*(?:[-/][A-Z0-9][A-Za-z0-9]*)*"
    r"|[A-Z][a-z]+[A-Z][A-Za-z]*"
    r"|[A-Z][A-Za-z]+\s?(?:\d[\w.]*(?:\([\w,]+\))?|<\d+>|\([\d,]+\)))"
)


@lru_cache(maxsize=2)
def _vocabulary_set(software: bool) -> PhraseSet:
    """Every pack's named methods; software's only in a software story (see software_context)."""
    from storybank.professions import all_vocabulary, names, pack_for

    skip = set() if software else {v for v in pack_for("software").vocabulary} - {
        v for name in names() if name != "software" for v in pack_for(name).vocabulary}
    return phrase_set(tuple(v.lower() for v in all_vocabulary() if len(v) > 3 and v not in skip))


@dataclass
class Signals:
    named: list[str] = field(default_factory=list)
    causes: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    mechanism: list[str] = field(default_factory=list)
    software: bool = True
    named_in_action: int = 0  # how many of `named` the action itself says


def software_context(ctx: StoryContext) -> bool:
    """Is this a software story? Then software's own mechanism words (a lock, a cache, a queue)
    and the catalog's technology names count as depth; in a clinical or legal story they are
    noise, and a sentence of software jargon must not raise its depth."""
    cached: bool | None = ctx.__dict__.get("_software")
    if cached is None:
        chosen = (ctx.story.profession or getattr(ctx.settings, "profession", "") or "").lower()
        cached = ctx.__dict__["_software"] = software_story(
            ctx.story, ctx.catalog, chosen, found=lambda: ctx.answer.technologies)
    return cached


def software_story(story: Any, catalog: Any, chosen: str = "",
                   found: Any = None) -> bool:
    """Is this a software story: the chosen profession, else its listed technologies, else two
    of the catalog's technology names said in the answer? (`found` gives those names when the
    caller has measured them already.)"""
    if chosen:
        return chosen.lower() == "software"
    listed = [t for t in story.technologies if t.strip()]
    if listed:
        known = _software_names(tuple(catalog.technologies.known))
        return any(t.lower() in known or any(w in known for w in t.lower().split()) for t in listed)
    if found is None:
        from storybank.analysis.text import find_technologies

        names = find_technologies(story.answer_text(), tuple(catalog.technologies.known))
    else:
        names = found()
    return len(names) >= 2


@lru_cache(maxsize=4)
def _software_names(known: tuple[str, ...]) -> frozenset[str]:
    from storybank.professions import pack_for

    return frozenset(n.lower() for n in (*known, *pack_for("software").vocabulary) if len(n) > 1)


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def shaped_names(text: str) -> list[str]:
    common = {w.upper() for w in _words("name_not_methods")}
    # A sentence's capitalised first word is no name: "My 11 flagged tasks", "Each 2 ml vial".
    common |= {w.upper() for w in _words("phrase_function_words")}
    found = []
    for match in _SHAPED_NAME.finditer(text):
        name = match.group(0).strip()
        head = re.split(r"[\s(<\d]", name, maxsplit=1)[0]
        if name.upper() in common or head.upper() in common or _YEAR.search(name):
            continue
        found.append(name)
    return found


def named_things(ctx: StoryContext) -> list[str]:
    """Distinct named methods, tools, instruments, rules and statutes the answer says."""
    from storybank.analysis.phrases import mentioned_names

    text = ctx.story.answer_text()
    norm = ctx.answer.norm
    found: dict[str, None] = {}
    for name in mentioned_names(tuple(ctx.story.technologies), text):
        found[name.lower()] = None
    software = software_context(ctx)
    if software:
        for name in ctx.answer.technologies:
            found[name.lower()] = None
    for term in _vocabulary_set(software).findall(norm):
        found[" ".join(term.split())] = None
    for name in shaped_names(text):
        key = name.lower()
        if not any(key in f or f in key for f in found):
            found[key] = None
    return list(found)


_SENTENCE_START = re.compile(r"[.!?\n]")
_SENTENCE_END = re.compile(r"[.!?\n]|$")
# Links whose cause comes after them ("because a mistake ..."); for the rest it comes before
# ("a mistake ... made the valuation too high").
_CAUSE_FOLLOWS = frozenset({"because", "because of", "due to", "driven by", "came from",
                            "traced it to", "traced to", "depends on", "depended on"})


def cause_links(norm: str) -> list[str]:
    """The cause-and-effect links that carry a mechanism. A link whose cause is only a slip of
    unknown kind ("a mistake in my model that made the valuation too high", "because of an
    error": no number, no name of what went wrong) explains nothing and is left out."""
    return [link for link, _cause in _links_with_causes(norm)]


def _links_with_causes(norm: str) -> list[tuple[str, str]]:
    """Each cause link of `norm` with its cause (after it or before it, see _CAUSE_FOLLOWS),
    a link whose cause is only a slip of unknown kind left out."""
    vague = phrase_set(_words("vague_causes"))
    found = []
    for start, end, link in phrase_set(_words("cause_effect")).spans(norm):
        if " ".join(link.split()) in _CAUSE_FOLLOWS:
            stop = _SENTENCE_END.search(norm, end)
            cause = norm[end:min(stop.start() if stop else len(norm), end + 300)]
        else:
            begin = max((m.end() for m in _SENTENCE_START.finditer(norm, max(0, start - 300), start)),
                        default=max(0, start - 300))
            cause = norm[begin:start]
        if vague.search(cause) and _says_nothing_else(cause, vague):
            continue
        found.append((link, cause))
    return found


def mechanism_causes(norm: str) -> list[str]:
    """The cause links that tell how something came about, not why the speaker wanted it
    (round 12): a link whose cause follows it and is the speaker's own motive ("because I need
    the money", "because I like it": `motive_verbs`) is a reason for wanting, and one that pins
    a fault on someone ("because the PM kept changing requirements") is blame: technical depth
    credits neither. "It failed because I skipped the review" tells a cause."""
    motive = _motive()
    found = []
    for link, cause in _links_with_causes(norm):
        if " ".join(link.split()) in _CAUSE_FOLLOWS and (motive.match(cause) or blame(cause, True)[0]
                                                         or _bare_quality().fullmatch(cause)):
            continue  # a motive, a fault pinned on someone ("because the PM kept changing ..."),
            # or a bare quality of the thing chosen (round 15: "because it's more popular")
        found.append(link)
    return found


@lru_cache(maxsize=1)
def _bare_quality() -> re.Pattern[str]:
    """A cause that is only "it" and a quality (`bare_qualities`), with nothing after it: "because
    it's more popular", "because it is fast". "Because it's faster to recompute than to cache"
    says what it was faster at."""
    return re.compile(rf"\s*it(?:'s| is| was)\s+(?:(?:{alternation('quality_intensifiers')})\s+)?"
                      rf"(?:{alternation('bare_qualities')})\s*[.!?,]*\s*")


@lru_cache(maxsize=1)
def _motive() -> re.Pattern[str]:
    return re.compile(rf"\s*i(?:\s+[a-z]+ly|\s+just|\s+really|\s+also|\s+still)?\s*(?:{alternation('motive_verbs')})\b")


def _says_nothing_else(cause: str, vague: PhraseSet) -> bool:
    """A cause that is only its slip: no number, and under three other words of content
    ("a mistake in my model", "an issue with the cache"). "An issue with the TLS handshake on
    the load balancer" says what went wrong, and so does "worth something if every rater
    applies the same rule"."""
    from storybank.analysis.phrases import FUNCTION_WORDS

    if any(c.isdigit() for c in cause):
        return False
    rest = cause
    for start, end, _found in sorted(vague.spans(cause), reverse=True):
        rest = rest[:start] + " " + rest[end:]
    content = [w for w in re.findall(r"[a-z][a-z'-]{2,}", rest) if w not in FUNCTION_WORDS]
    return len(content) < 3


def _in_action(ctx: StoryContext, named: list[str]) -> int:
    """How many of the named things the action itself says: the method told where the work is
    told, not only in the background or the result."""
    from storybank.analysis.phrases import mentions

    action = ctx.story.part("action")
    low = action.lower()
    return sum(1 for name in named
               if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w])", low) or mentions(name, action, low))


def signals(ctx: StoryContext) -> Signals:
    """The story's profession-neutral signals, measured once and cached on the context."""
    cached: Signals | None = ctx.__dict__.get("_signals")
    if cached is None:
        software = software_context(ctx)
        named = named_things(ctx)
        cached = Signals(
            named=named,
            causes=cause_links(ctx.answer.norm),
            numbers=[*ctx.answer.numbers],
            mechanism=sorted(set(ctx.answer.mechanism)) if software else [],
            software=software,
            named_in_action=_in_action(ctx, named),
        )
        ctx.__dict__["_signals"] = cached
    return cached


# --- blame as a pattern of meaning ----------------------------------------------------------

# A punctuation run is entered only at its start (the lookbehind), so ":" * 200_000 stays linear.
_CLAUSES = re.compile(r"(?<![.;!?:])[.;!?:]++\s+|\n+|,\s+(?:but|and|so|because|although|though)\s+|\s+but\s+")


@lru_cache(maxsize=1)
def _blame_sets() -> tuple[PhraseSet, PhraseSet, PhraseSet, PhraseSet, PhraseSet]:
    return (phrase_set(_words("blame_agents")), phrase_set(_words("blame_predicates")),
            phrase_set(_words("blame_denials")), phrase_set(_words("blame_people")),
            phrase_set(_words("blame_person_predicates")))


# A person named by role (`blame_roles`): "the sales director", "my manager", "our new tech lead",
# and (round 18) the roles of other fields: "my classmate", "the attending", "the head teacher".
@lru_cache(maxsize=1)
def _role() -> re.Pattern[str]:
    from storybank.analysis.lexicon import alternation

    return re.compile(rf"\b(?:the|my|our|their|his|her)\s+(?:[a-z-]+\s+){{0,2}}?"
                      rf"(?:{alternation('blame_roles')})s?\b")


# A first name opening a sentence as the subject of "is" or "was" ("Jim was such a slacker"): a
# person, with whatever blame predicate or verdict follows in its clause. Positions match the
# normalised text, which only lower-cases and straightens quotes.
_NAMED_SUBJECT = re.compile(r"(?:^|[.!?]\s+)([A-Z][a-z]{2,})\s+(?:was|is)\b")


@lru_cache(maxsize=64)
def blame(text: str, strict: bool = False) -> tuple[str | None, int]:
    """(what was said, how strongly) when `text` pins a failure on someone else.

    An outright denial ("it was not my fault", "not really my code") counts heavily on its own;
    otherwise each clause that names an outside party *and* blames it ("QA should have caught
    it", "the client never told us") counts once, and so does a clause that names a person ("he",
    "my coworker", "the sales director") and says they were at fault ("kept changing the
    requirements", "never listened", "was being difficult"). A role noun with no blame in its
    clause ("the client never saw the error", "she wanted a queue") counts for nothing.

    A failure put down to circumstances ("failed because the timeline was unrealistic") counts
    once, except with `strict`. `strict` keeps only what says the other side was at fault
    ("never listened", "their fault"):
    in a disagreement, "they would not accept the latency" states a position, while in a failure
    story "QA would not test it" pins the cause on QA."""
    import bisect

    from storybank.analysis.lexicon import normalise
    from storybank.analysis.person_verdicts import verdicts
    from storybank.analysis.plain_motives import insults, owned_after

    agents, predicates, denials, people, person_predicates = _blame_sets()
    norm = normalise(text)
    first: str | None = None
    strength = 0
    denied = denials.findall(norm)
    if denied:
        first, strength = denied[0], 10 * len(denied)
    circumstance = None if strict else circumstance_blame(text)
    if circumstance:  # a failure put down to circumstances (see circumstance_blame)
        first, strength = first or circumstance, strength + 1
    # One pass per word list, then pair them up by clause: linear on a 4 MB story.
    bounds = [m.end() for m in _CLAUSES.finditer(norm)]

    def clause_of(pos: int) -> int:
        return bisect.bisect_right(bounds, pos)

    said_by: dict[int, str] = {}
    for start, _end, who in agents.spans(norm):
        said_by.setdefault(clause_of(start), who)
    person_in: dict[int, str] = {}
    for pos, who in _people_named(text, norm, people):
        person_in.setdefault(clause_of(pos), who)
    counted: set[int] = set()
    # round 11: "my manager is a jerk"; round 12: "my last manager was the worst"
    person_spans = person_predicates.spans(norm) + insults(norm) + verdicts(norm)
    pairs = [(person_spans, {**said_by, **person_in})] if strict else \
        [(predicates.spans(norm), said_by), (person_spans, person_in)]
    for found, named in pairs:
        for start, end, what in found:
            clause = clause_of(start)
            if _MY_OWN.search(norm, max(0, start - 24), start) or owned_after(norm, end) \
                    or _MY_BEFORE.search(norm, max(0, start - 3), start):
                continue  # "... because I failed to see the big picture", "it was my fault": the speaker's own
            if clause in named and clause not in counted:
                counted.add(clause)
                strength += 1
                if first is None:  # "nobody appreciated" says who already
                    who = named[clause]
                    first = what if what.startswith(who) else f"{who} ... {what}"
    return first, strength


def _people_named(text: str, norm: str, people: PhraseSet) -> list[tuple[int, str]]:
    """(position, who) for each person the answer names, in the order blame reads them: the
    `blame_people` list, a role after "the", "my" or "our", a function named bare ("marketing",
    round 12) and a first name opening a sentence as a subject ("Jim was", round 12)."""
    found = [(start, who) for start, _end, who in people.spans(norm)]
    found += [(match.start(), match.group(0)) for match in _role().finditer(norm)]
    found += [(start, who) for start, _end, who in phrase_set(_words("blamed_functions")).spans(norm)]
    skip = _not_names()  # "This was the worst" names no one
    found += [(match.start(1), match.group(1).lower()) for match in _NAMED_SUBJECT.finditer(text)
              if match.group(1).lower() not in skip]
    return found


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    """Words that open a sentence as its subject and name no one: function words and the
    lexicon's `not_names`, joined once."""
    from storybank.analysis.phrases import FUNCTION_WORDS

    return FUNCTION_WORDS | word_set("not_names")


_BLAMED_CAUSE = re.compile(r"\b(?:because(?: of)?|due to|owing to)\s+(?P<cause>[^.;!?]+)")


def circumstance_blame(text: str) -> str | None:
    """A failure put down to circumstances, with no part of the speaker's in the cause: "The
    project failed because the timeline was unrealistic". "It failed because I skipped the
    review" and "we slipped because our estimate left out testing" own it."""
    from storybank.analysis.lexicon import normalise

    outcomes = phrase_set(_words("failure_outcomes"))
    owned = word_set("owned_cause_words")
    low = normalise(text)
    for sentence in _SENTENCES.split(low):
        spans = outcomes.spans(sentence)
        if not spans:
            continue
        cause = _BLAMED_CAUSE.search(sentence, spans[0][1])
        if cause and not owned & set(re.findall(r"[a-z']+", cause.group("cause"))):
            return sentence.strip()
    if owned & set(re.findall(r"[a-z']+", low)):
        return None  # the speaker is in the answer: a hard circumstance told beside their part
    return troubled_circumstance(low)


def troubled_circumstance(low: str) -> str | None:
    """A circumstance of the work said to be at fault (`circumstance_subjects` and, within two
    words, `circumstance_troubles`): "The requirements kept changing", "the timeline was
    impossible". circumstance_blame counts it only in an answer with no one of the speaker's in
    it: "The requirements kept changing, so I set up a weekly sign-off" tells the speaker's part."""
    troubles = phrase_set(_words("circumstance_troubles"))
    for _start, end, subject in phrase_set(_words("circumstance_subjects")).spans(low):
        reach = _CIRCUMSTANCE_REACH.match(low, end)
        found = troubles.search(reach.group(0)) if reach else None
        if found:
            return f"{subject} {found}"
    return None


_CIRCUMSTANCE_REACH = re.compile(r"(?:\s+[\w'-]+){1,4}")


# A predicate whose own subject is the speaker ("I failed to", "I should have", "I never told"),
# said just before it: it blames no one else, whoever else the clause names.
_MY_OWN = re.compile(r"\bi(?:'ve|'d| have| had| was| also| just| then| simply)?\s+(?:[a-z]+ly\s+)?$")
# "my" right before the blame word ("it was my fault"), a word of its own: not "Jimmy failed".
_MY_BEFORE = re.compile(r"\bmy $")


# --- dodging the question -------------------------------------------------------------------

_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n+")
_SOFTENERS = re.compile(r"\b(?:really|honestly|actually|ever|truly|personally|genuinely|"
                        r"particularly|specifically|off the top of my head)\s+")


def first_sentence(text: str) -> str:
    """The text's first sentence (up to its first full stop, question or exclamation mark)."""
    return _SENTENCES.split(text.strip(), maxsplit=1)[0]


def unsoftened(low: str) -> str:
    """Lower-case text without the words that soften a claim and take nothing back: "I can't
    really think of one", "I don't really do weekends"."""
    return _SOFTENERS.sub("", low)


@lru_cache(maxsize=1)
def _dodge_sets() -> tuple[PhraseSet, PhraseSet, PhraseSet, PhraseSet]:
    return (phrase_set(_words("dodge_memory")), phrase_set(_words("dodge_denials")),
            phrase_set(_words("dodge_objects")), phrase_set(_words("dodge_alone")))


# Every dodge phrase holds one of these (a test checks the lexicon against it): a sentence with
# none of them is no dodge, and is passed over without the phrase scans.
DODGE_KEYS = ("n't", "never", "not ", "nothing", "none", "no ", "every", "blank", "rarely",
              "hardly", "cannot", "along", "always", "perfect", "fail", "anything to improve",
              "have any")


@lru_cache(maxsize=4096)
def dodge_sentence(sentence: str) -> str | None:
    """What a sentence says when it claims there is no example: "can't think of any mistakes",
    "never really had a conflict", "get along with everyone"; else None."""
    from storybank.analysis.lexicon import normalise

    low = normalise(sentence)
    if not any(key in low for key in DODGE_KEYS):
        return None
    from storybank.analysis.in_part import taken_back

    low = unsoftened(low)
    if _PRAISE_BY_COMPARISON.search(low):
        return None
    found = _denial(low)
    return None if found is None or taken_back(low, found) else found


# "I can't think of any job as important to society as teaching", "... of a better place to
# start": nothing is found wanting but the rivals of what is praised; no example is refused.
_PRAISE_BY_COMPARISON = re.compile(r"\b(?:can't|cannot|can not) think of (?:any|anything|anyone|a|an)\b"
                                   r"[^.!?;]{0,40}?\b(?:as\s+[\w-]+(?:\s+[\w-]+){0,3}\s+as|"
                                   r"(?:more|better|greater|bigger|worthier)\b[^.!?;]{0,40}?\bthan|"
                                   r"better|more rewarding|more important|more meaningful)\b")


_THING_SUBJECT = re.compile(r"\b(?:it|that|this|which|they)\s+(?:has\s+|have\s+|had\s+)?$")


def _denial(low: str) -> str | None:
    memory, denials, objects, alone = _dodge_sets()
    found = alone.search(low) or memory.search(low)
    if found:
        return found
    for start, _end, denial in denials.spans(low):
        # "It never caused a problem", "which never caused any issues": a consequence claimed for
        # what was done, not the speaker's denial of an example (round 28, holdout25-26).
        if _THING_SUBJECT.search(low[:start]):
            continue
        thing = objects.search(low[start:])
        if thing:
            return f"{denial} ... {thing}" if thing not in denial else denial
    from storybank.analysis.denials import (
        denied_as_that,
        denied_by_belief,
        never_perfect,
        weakness_ellipsis,
    )

    return (_denied_experience(low, objects) or denied_by_belief(low) or never_perfect(low)
            or weakness_ellipsis(low) or denied_as_that(low))


@lru_cache(maxsize=1)
def _denied_experience_pattern() -> re.Pattern[str]:
    """A negation, then a verb of having or meeting something (`dodge_negations`,
    `dodge_experience_verbs`): "don't have", "never get into", "rarely run into"."""
    return re.compile(rf"\b(?:{alternation('dodge_negations')})\s+"
                      rf"(?:{alternation('dodge_experience_verbs')})\b((?:\s+[\w'-]+){{1,{DENIED_REACH}}})")


DENIED_REACH = 4  # words after the verb the asked-for experience must sit in


def _denied_experience(low: str, objects: PhraseSet) -> str | None:
    """The experience asked for, denied by grammar rather than a fixed phrase: "I don't have
    conflicts", "I never get into arguments", "we rarely run into problems". The experience
    must follow within a few words: "I don't have the final numbers, but the error ..." is no
    dodge."""
    for match in _denied_experience_pattern().finditer(low):
        thing = objects.search(match.group(1))
        if thing:
            return f"{match.group(0)[:match.start(1) - match.start()].strip()} ... {thing}"
    return None


def dodge(text: str) -> str | None:
    """The first sentence of `text` that claims there is no example (see dodge_sentence)."""
    for sentence in _SENTENCES.split(text):
        found = dodge_sentence(sentence)
        if found:
            return found
    return None


@lru_cache(maxsize=64)
def without_dodges(text: str) -> str:
    """`text` without the sentences that deny having the experience: a denial is not evidence
    of what it denies ("I never made a mistake" shows no mistake of one's own; "I haven't had
    time to look at your website" no research). The text itself when no sentence is one."""
    from storybank.analysis.denials import unread_employer

    if not text:
        return text
    parts = _SENTENCES.split(text)
    kept = [s for s in parts if not dodge_sentence(s) and not unread_employer(s)]
    return text if len(kept) == len(parts) else " ".join(kept)


# --- running down a workplace or its people -------------------------------------------------

CONTEMPT_REACH = 4  # words between a contempt word and the workplace or people it is said of


@lru_cache(maxsize=64)
def runs_down(text: str) -> str | None:
    """Contempt said of a workplace or its people: a `contempt_words` word and a
    `workplace_people` word within a few words of each other in one clause ("I hate my current
    job", "the competitor restaurant down the street has awful service", "jobs that were just
    ladder climbers and backstabbers"). "The old system was terrible, so I rebuilt it" runs down
    no one; "I hate seeing patients wait" is no contempt ("hate" counts only said of its object:
    "hate my", "hated the")."""
    from storybank.analysis.lexicon import normalise
    from storybank.words import count_words

    low = normalise(text)
    contempt = phrase_set(_words("contempt_words")).spans(low)
    if not contempt:
        return None
    bounds = [m.end() for m in _CLAUSES.finditer(low)]
    targets = phrase_set(_words("workplace_people")).spans(low)
    for start, end, said in contempt:
        for t_start, t_end, who in targets:
            gap = low[t_end:start] if t_end <= start else low[end:t_start]
            same_clause = not any(min(start, t_start) < b <= max(end, t_end) for b in bounds)
            if same_clause and count_words(gap) <= CONTEMPT_REACH:
                return f"{who} ... {said}" if t_end <= start else f"{said} ... {who}"
    return None


def deflection(text: str) -> str | None:
    """Handing the call to someone else instead of acting: "they are the one responsible",
    "I'd just do what I'm told"."""
    from storybank.analysis.lexicon import normalise

    return phrase_set(_words("deflections")).search(normalise(text))


# A first-person past action: "I inherited", "I traced", "I found", "we rolled back".
# A present verb that ends in -ed ("I need", "we proceed", lexicon `present_ed_verbs`) is no past act:
# "in case I need to present them to the parents" tells nothing that happened.
_PAST_ACT = re.compile(r"\b(?:i|we)\s+(?:then\s+|also\s+|quickly\s+|finally\s+)?"
                       rf"(?:(?!(?:{'|'.join(_words('present_ed_verbs'))})\b)[a-z]+ed|found|built|made|"
                       r"wrote|ran|took|led|set|put|got|went|saw|sent|told|chose|began|caught|"
                       r"brought|kept|held|spent|met|rebuilt|rewrote|shipped)\b")
STORY_ACTS = 3


def tells_a_story(text: str) -> bool:
    """The answer tells what happened, in at least three first-person past actions ("I
    inherited a reporting service ... I traced ... I added"), whatever question it answers. "I
    love sports" or "I have over 25 years of experience" tells no story."""
    return len(_PAST_ACT.findall(text.lower())) >= STORY_ACTS


EVENT_ACTS = 2  # with a number, this many past acts tell an event
_FOR_EXAMPLE = re.compile(r"\b(?:for example|for instance|as an example|in one case)\b", re.I)
_DIGIT = re.compile(r"\d")
# An answer that opens one occasion ("There was a time when I was with ABC Ltd, when ..."): the
# example is under way, even where the answer was cut before its acts.
_EVENT_OPENER = re.compile(r"\b(?:there was a time when|i remember a time when|i remember one time|"
                           r"on one occasion|one time when)\b", re.I)


@lru_cache(maxsize=256)
def _story_acts(text: str) -> int:
    """First-person past acts, not counting one that opens a biography ("I went to high school
    here"): an act is left out only where a biography phrase starts with it."""
    from storybank.analysis.lexicon import normalise

    low = normalise(text)
    biography = {start for start, _end, _text in phrase_set(_words("biography_acts")).spans(low)}
    return sum(1 for m in _PAST_ACT.finditer(low) if m.start() not in biography)


def acted(text: str) -> bool:
    """Does the speaker say one thing they did ("So I joined Toastmasters"), a biography aside?"""
    return _story_acts(text) >= 1


def opens_an_occasion(text: str) -> bool:
    """Does the answer open one occasion ("There was a time when ...", "On one occasion")?"""
    return bool(_EVENT_OPENER.search(text))


def tells_an_event(text: str) -> bool:
    """The answer is already an example: a story (see tells_a_story, a biography's acts aside),
    an occasion opened ("There was a time when ..."), or a number with at least two first-person
    past acts ("I called three stores ... I found one") or with an example announced ("For example, in a recent project ... 95 % adoption").
    Asking such an answer for "one specific example" repeats it."""
    acts = _story_acts(text)
    if acts >= STORY_ACTS or _EVENT_OPENER.search(text):
        return True
    counted = bool(_DIGIT.search(text) or spelled_numbers(text))
    return counted and (acts >= EVENT_ACTS or bool(_FOR_EXAMPLE.search(text)))


# An option named as turned down, with the reason, in one sentence: "we chose progressive
# disclosure over a wizard because our data showed ...", "I went with X instead of Y since ...".
_WEIGHED = re.compile(r"\b(?:chose|choose|picked|went with|opted for|decided on|settled on|"
                      r"preferred|selected)\b[^.!?]*?\b(?:over|instead of|rather than)\b[^.!?]*?"
                      # "as" only as a reason: "as it was cheaper", not "as well as" or "as a team"
                      r"\b(?:because|since|given|as\s+(?:it|they|we|our|its|their)\b)"
                      # "after load testing both Redis and in-memory caching ..., Redis gave us"
                      r"|\b(?:test\w*|compar\w*|benchmark\w*|evaluat\w*|tr(?:y|ied|ying))\s+both\b", re.I)


# Words quoted as said, three or more between double quotes: 'ask "what can I do for you
# today?"', 'say clearly, “Sir, for your safety ...”'. A quoted label of a word or two ("Firm but
# Polite" has three, but travels with a quoted line) or a scare quote ("reduce duplication") is none.
QUOTED = re.compile(r"[\"“]([^\"“”]+)[\"”]")


def quotes_speech(text: str) -> bool:
    """Does the answer quote words as said, word for word?"""
    return any(len(found.group(1).split()) >= 3 for found in QUOTED.finditer(text))


# A choice the speaker says had no reason behind it: "there is no special reason why I chose you
# over another because I didn't" weighed nothing (round 17: holdout16's judge, "no 'other option' —
# candidate had no preference").
_NO_REASON = re.compile(r"\bno\s+(?:\w+\s+)?reason\s+(?:why\s+)?(?:i\s+|we\s+)?$", re.I)


def weighed_already(text: str) -> bool:
    """Does the answer already name the option it turned down and why it lost, not as a choice it
    says it had no reason for?"""
    for found in _WEIGHED.finditer(text):
        before = re.split(r"[.!?]", text[:found.start()])[-1]
        if not _NO_REASON.search(before.rstrip() + " "):
            return True
    return False


def said_the_change(text: str) -> bool:
    """Does the answer already say what the speaker took from what happened, or has done
    differently since ("What I learned for the future was to always make sure the key stakeholders
    are involved early", "now I always verify with pharmacy")? Lexicon `change_told_markers`."""
    from storybank.analysis.lexicon import normalise

    return phrase_set(_words("change_told_markers")).search(normalise(text)) is not None


def said_the_regret(text: str) -> bool:
    """Does the answer already say what the speaker would do another time ("If I did it again I'd
    switch renderer too")? Lexicon `regret_told_markers`."""
    from storybank.analysis.lexicon import normalise

    return phrase_set(_words("regret_told_markers")).search(normalise(text)) is not None


_HOURS = re.compile(r"\b(?:shifts?|hours|schedule|weekends?|evenings?|nights?|mornings?|"
                    r"availab\w*|notice|days? a week|part[- ]time|full[- ]time)\b", re.I)


def private_constraint(text: str) -> str | None:
    """A private constraint (child care, health, family) an answer about the hours it can work
    gives as its reason, with no event told: "I can work any shift if I have enough notice to
    arrange child care". A story in which a child was ill is not one."""
    from storybank.analysis.lexicon import normalise

    if not _HOURS.search(text) or tells_an_event(text):
        return None
    found = phrase_set(_words("private_constraints")).findall(normalise(text))
    return found[0] if found else None


# "I would", and "I'd" written together anywhere ("First, I'd ensure my safety ... Then I'd start
# with the simplest possibilities"); "I'd like to talk it over" is a wish, and "I'll repeat what I
# believe" a habit.
# "I'd say I'm an expert" hedges a claim, and "I'd missed" is "I had": neither is what the speaker
# would do (round 22: three learning answers read as hypotheticals on holdout20-21).
_WOULD = re.compile(r"\b(?:i|we)(?:\s+(?:would|'d|will|'ll|should|could)\b(?!\s+say\b)"
                    r"|'d\b(?!\s+(?:like|love|prefer|say|been|done|gone|had|made|seen|taken|given|"
                    r"known|got|gotten|written|told|left|found|thought|put|run|sent|built|brought|"
                    r"taught|heard|kept|lost|met|spent|forgotten|begun|broken|chosen|shown|spoken|"
                    r"(?!\w*eed\b)\w{2,}ed)\b))"
                    r"|^(?:first|then|next|finally)?,?\s*(?:i'd|i would)\b(?!\s+say\b)")


def told_as_would(text: str) -> bool:
    """The answer says what the speaker would do ("I would clarify my concern ... I would then
    contact a supervisor"), in at least two such clauses, and tells no story of what they did."""
    low = text.lower().replace("’", "'")
    return len(_WOULD.findall(low)) >= 2 and not tells_a_story(text)


# --- the speaker's own history ------------------------------------------------------------------

# "I did", "I've done", and a second act with "I" left out: "... but have done independent reading".
_OWN_ACT = re.compile(r"(?:\bi(?:'ve|\s+have|\s+had)?|\b(?:and|but)\s+(?:have|had))\s+(?:(?:also|not only|actually|just|even|then|"
                      r"recently|always|already|once|first|later|finally|personally)\s+)*"
                      r"(?P<verb>[a-z]+)\b")


def own_history_acts(text: str) -> list[str]:
    """The things the speaker says they did, in the first person and the past: "I did a
    practicum placement", "I have researched your results", "I joined the military". A past
    verb of feeling, belief or hearsay ("I've always admired", "I heard you give free lunch")
    is not an act."""
    from storybank.analysis.lexicon import normalise

    irregular, attitudes = word_set("past_irregular"), word_set("past_attitudes")
    acts = []
    for m in _OWN_ACT.finditer(normalise(text)):
        verb = m.group("verb")
        if verb in attitudes or not (verb in irregular or (verb.endswith("ed") and len(verb) > 4)):
            continue
        acts.append(m.group(0))
    return acts


# --- a failure read from what the speaker did ------------------------------------------------

# What a speaker does after the slip, not the slip itself: "I halted the rollout", "I fixed it".
_REMEDIES = (r"halted\b|stopped\b|rolled\b|reverted\b|fixed\b|patched\b|notified\b|informed\b|"
             r"told\b|escalated\b|called\b|alerted\b|paged\b|restored\b|recovered\b|"
             r"investigated\b|traced\b|found\b|caught\b|contained\b|owned\b|reported\b|"
             r"added\b|created\b|introduced\b|now\b|since\b|always\b")
_DID = (
    r"\s+(?:(?:then|also|just|had|have|accidentally|mistakenly|wrongly|once|quickly|"
    r"later|still|even|simply)\s+)*(?!think\b|thought\b|believe\b|feel\b|felt\b|hope\b|want\b|"
    r"wanted\b|would\b|will\b|can\b|could\b|should\b|am\b|was\b|learned\b|learnt\b|realised\b|"
    r"realized\b|noticed\b|know\b|knew\b|love\b|like\b|enjoy\b|apologi[sz]ed\b|immediately\b|"
    r"now\b|" + _REMEDIES + r")[a-z]+(?:n't)?\b")
_I_DID = re.compile(r"\bI" + _DID)
# The team's own slip, owned in the first person plural: "we let several emails go unanswered".
_WE_DID = re.compile(r"\b(?:I|[Ww]e)" + _DID)


_POINTS_BACK = re.compile(r"(?:it|this|that|which|the change|the migration|the release|the deploy|"
                         r"the update|the script|the query|the order|the dose)\b")


@lru_cache(maxsize=1)
def _slip_sets() -> tuple[PhraseSet, PhraseSet]:
    return phrase_set(_words("slip_markers")), phrase_set(_words("failure_effects"))


def self_caused(text: str, team: bool = False) -> str | None:
    """A sentence in which the speaker did something and it was the slip: "I ran the change
    directly on production without a backup", "I shipped it, and it double-counted readings".
    It takes "I" doing something (not a remedy: "I halted the rollout", "I added a check"), and
    in the same sentence a slip ("without", "forgot", "skipped", "wrong") or what broke
    ("crashed", "lost", "an outage"), or a next sentence that says what "it" broke. A sentence
    that denies any mistake is not one. With `team`, a slip owned as "we" counts too ("we let
    several emails go unanswered"): a cause owned, not pinned on others."""
    from storybank.analysis.lexicon import normalise

    slips, effects = _slip_sets()
    did = _WE_DID if team else _I_DID
    sentences = [s for s in _SENTENCES.split(text) if s.strip()]
    for i, sentence in enumerate(sentences):
        if not did.search(sentence) or dodge_sentence(sentence):
            continue
        low = normalise(sentence)
        after = normalise(sentences[i + 1]) if i + 1 < len(sentences) else ""
        if not _POINTS_BACK.match(after):
            after = ""
        found = _not_theirs(slips, low) or _not_theirs(effects, low) or _not_theirs(effects, after)
        if found:
            return sentence.strip()
    return None


THEIRS_REACH = 3  # words between the people named and their slip: "others on my team that made mistakes"
THEIRS_CHARS = 60  # ... read within this many characters
_THEIR = re.compile(r"\b(?:their|his|her)\s+$")


def _not_theirs(found: PhraseSet, low: str) -> str | None:
    """The first of `found` in `low` that is not said of other people (round 10): "I had to fix
    their errors" and "others on my team that made mistakes" tell someone else's slip, so the
    speaker's act in the sentence is no cause of it."""
    import bisect

    ends = [e for _s, e, _w in phrase_set(_words("blame_people")).spans(low)]
    for start, _end, what in found.spans(low):
        if _THEIR.search(low, max(0, start - 8), start):
            continue
        before = bisect.bisect_right(ends, start)
        near = before and ends[before - 1] >= start - THEIRS_CHARS
        between = re.findall(r"[\w']+", low[ends[before - 1]:start]) if near else []
        if near and len(between) <= THEIRS_REACH and not {"i", "we"} & set(between):
            continue
        return what
    return None


# --- particulars --------------------------------------------------------------------------------

_CAPITALISED = re.compile(r"[A-Z][a-zA-Z]+(?:[-'][A-Za-z]+)*")
_OPENS = frozenset(".!?:;\"“‘'([\n")


def proper_names(text: str) -> list[str]:
    """Capitalised words inside a sentence ("Acme", "Toastmasters", "Michigan"): names of
    people, places, firms and products. A sentence's first word and "I" are not names."""
    common = {w.lower() for w in _words("phrase_function_words")} | {"i", "i'm", "i've", "i'd",
                                                                    "i'll"}
    found: dict[str, None] = {}
    for match in _CAPITALISED.finditer(text):
        before = text[max(0, match.start() - 8):match.start()].rstrip(" \t")
        if not before or before[-1] in _OPENS or before.endswith(("—", "–", "-")):
            continue
        word = match.group(0)
        if word.lower() in common:
            continue
        found[word] = None
    return list(found)


_PLACE = re.compile(r"\b(?:at|in|on|from)\s+(?:a|an|the|my|our|his|her|their)\s+(?:[a-z-]+\s+){0,2}?"
                    r"(?P<noun>[a-z]+)\b")


def places(norm: str) -> list[str]:
    """Settings named with an article: "at a homeless shelter", "on the ward"."""
    nouns = set(_words("place_nouns"))
    return [m.group(0) for m in _PLACE.finditer(norm) if m.group("noun") in nouns]


def particulars(ctx: StoryContext) -> list[str]:
    """The concrete particulars the answer says, each once: numbers (in digits or spelled), named
    methods and tools, proper names of people, places and firms, settings ("at a homeless
    shelter") and dated events ("last March", "during my residency", "in 2019")."""
    cached: list[str] | None = ctx.__dict__.get("_particulars")
    if cached is None:
        text = ctx.story.answer_text()
        norm = ctx.answer.norm
        found: dict[str, None] = {}
        for number in ctx.answer.numbers:
            found[number.lower()] = None
        for name in signals(ctx).named:
            found[name.lower()] = None
        for name in proper_names(text):
            key = name.lower()
            if not any(key in f or f in key for f in found):
                found[key] = None
        for year in _YEAR.findall(text):
            found[year] = None
        for anchor in phrase_set(_words("time_anchors")).findall(norm):
            found[" ".join(anchor.split())] = None
        for place in places(norm):
            found[place] = None
        cached = ctx.__dict__["_particulars"] = list(found)
    return cached


# --- how it was done ----------------------------------------------------------------------------

_BY_DOING = re.compile(r"\bby\s+(?:[a-z]+ly\s+)?[a-z]{3,}ing\b")
_STEP = re.compile(r"(?:^|[.!?;:]\s+|\n)(?:first|firstly|second|secondly|third|thirdly|fourth|"
                   r"then|next|finally|after that|once that)\b", re.I)


def method_steps(text: str) -> tuple[int, int]:
    """(method clauses, steps): how the work was done, said in any field. A method clause says
    the means ("by mapping the process", "by double-checking each dose"); a step opens a
    sentence of a sequence ("First, ...", "Then ...", "Finally ...")."""
    return len(_BY_DOING.findall(text.lower())), len(_STEP.findall(text))
