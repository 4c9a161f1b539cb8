"""Is a quoted sentence the candidate's own act? The last check before a link is "shown".

Each round of issue 23 found a new way a story names what a posting asks without the candidate
doing it: "Our chief pilot checked my numbers and approved the new fuel plan", "The costs budget
had been prepared by our external costs draftsman", "The agency's suggestion was that I take it
with a legal interpreter", "The school then asked whether I could deliver Elklan training". In
each, the sentence's main clause has another party as its subject; the candidate is in a
possessive, an object, or what someone else said or asked. So, whatever check matched the words,
a sentence whose main clause has "I" or "we" as subject shows a requirement: before the first
finite verb of the sentence, of the clause after an opening "Before …," or "When …,", of a clause
joined by ", and", "; so"…, or of one opened by "after", "because"… ("…agreed the definition
after I showed them"). Where none has, the sentence is held back only when the subject is another
party: a person or role, a team or body that is not the candidate's own "we", what one of them
asked ("The agency's suggestion"), or one of them as the agent of a passive. A thing as subject
("Our nightly attribution job ran in PySpark", "The warning steps in our policy go…", "My two
Year 11 groups sat their mock") is the candidate telling their own work, and stands. The story's
title, role and ownership line are the candidate's own words about themselves. Round 16: a clause
of the candidate's that denies the act ("…and I have never filed one myself", "so I never used
it") is no act of theirs; the sentence stands only if another main clause of theirs does not deny
it (a clause of time, "after I left that team", does not count against the denial).

A finite verb is told by its form: a word in -ed, an irregular past (`stem.IRREGULAR`), or an
auxiliary (`[own_act]` in data/postings.toml). A present tense in -s is not caught ("The team
runs…, and I…"), so the check errs toward leaving a link shown; so does a person's name as
subject ("Megan approved it"), which no list holds.
"""

from __future__ import annotations

import re
from functools import lru_cache

from storybank.postings import lexicon
from storybank.postings.agency import CLAUSE, SELF_FIELDS, SUBJECTS, numerals, permitted
from storybank.postings.stem import IRREGULAR
from storybank.postings.terms import TOKEN

_ME = r"(?:i|we|i've|we've|i'd|we'd|i'm|we're)\b"
# The candidate's own work as the subject, said to be something: "Most of my work is in Excel".
_FIRST_PERSON = re.compile(rf"\b{_ME}", re.I)


@lru_cache(maxsize=1)
def _patterns() -> tuple[frozenset[str], frozenset[str], re.Pattern[str], re.Pattern[str], re.Pattern[str],
                          re.Pattern[str]]:
    data = lexicon.data()["own_act"]

    def alternatives(name: str) -> str:
        return "|".join(re.escape(w) for w in sorted(data[name], key=len, reverse=True))

    opener = re.compile(rf"^\W*(?:{alternatives('leading')})\b", re.I)
    leading = re.compile(rf"{opener.pattern}[^,]*,", re.I)
    joined = re.compile(rf"(?:[,;:]\s*(?:(?:{alternatives('joins')})\s+)?|\s(?:{alternatives('joins')})\s+)(?={_ME})",
                        re.I)
    in_time = re.compile(rf"\b(?:{alternatives('in_time')})\s+(?={_ME})", re.I)
    return frozenset(data["verbs"]), frozenset(data["not_verbs"]), leading, opener, joined, in_time


def _finite(word: str, verbs: frozenset[str], not_verbs: frozenset[str]) -> bool:
    return word not in not_verbs and (word in verbs or word in IRREGULAR or (word.endswith("ed") and len(word) > 4))


def _opens_with_me(text: str, verbs: frozenset[str], not_verbs: frozenset[str]) -> bool:
    """Is "I" or "we" said in `text` before any finite verb?"""
    for word in TOKEN.findall(text.lower().replace("’", "'")):
        if word in SUBJECTS:
            return True
        if _finite(word, verbs, not_verbs):
            return False
    return False


def _main_clauses(sentence: str) -> list[str]:
    """Where a main clause of `sentence` may start: the sentence itself, after an opening
    subordinate clause, and wherever a joining word or a subordinator of time or cause comes
    right before "I" or "we"."""
    _verbs, _not_verbs, leading, opener, joined, in_time = _patterns()
    starts = [sentence]
    opening = leading.match(sentence)
    timed = _in_time_clauses(sentence)
    if opening and (mine := opener.match(sentence)) and _FIRST_PERSON.match(sentence, mine.end() + 1):
        # An opening clause of the candidate's ("When I arrived, the chief pilot approved the
        # plan"): its "I" is not the main clause's subject, which starts after the comma. Not
        # "Since 2023 I have managed…, with…", where the comma ends no opening clause.
        starts = [sentence[opening.end():]]
        timed = _in_time_clauses(sentence, opening.end())
    elif opening:
        starts.append(sentence[opening.end():])
    elif opener.match(sentence) and (me := _FIRST_PERSON.search(sentence)):
        # "When the assay failed I swapped one variable at a time": no comma ends the opening
        # clause; the main clause starts at the candidate.
        starts.append(sentence[me.start():])
    starts += [sentence[m.end():] for m in joined.finditer(sentence)]
    # "The lab manager let me sort their reference collection": the candidate does what is left to them.
    starts += ["I " + sentence[m.end():] for m in permitted().finditer(sentence)]
    return starts + timed


def _in_time_clauses(sentence: str, after: int = 0) -> list[str]:
    """Where a clause of time or cause opened by "after", "before"… starts right before "I" or
    "we" ("…agreed the definition after I showed them"), from character `after` on."""
    return [sentence[m.end():] for m in _patterns()[5].finditer(sentence, after)]


def _my_work(sentence: str) -> bool:
    """Is the subject the candidate's own work ("Most of my work is in Excel"), not a person of
    theirs ("My manager was responsible for it", "My colleagues were trained on it") or what one
    of them wanted ("My manager's plan was…")?"""
    subject = _my_work_pattern().match(sentence.replace("’", "'"))
    return subject is not None and not _names_party(["my", *_WORD.findall(subject.group(1).lower())])


@lru_cache(maxsize=1)
def _my_work_pattern() -> re.Pattern[str]:
    """ "my" and up to two words, said to be something, after nothing but words of share
    (`my_work_lead`: "Most of", "About a third of"): "The director said my plan was too dear" has
    another subject."""
    lead = "|".join(re.escape(w) for w in lexicon.data()["own_act"]["my_work_lead"])
    return re.compile(rf"^(?:(?:{lead}) ){{0,4}}my ((?:[\w'-]+ ){{0,2}})(?:is|was|are|were) ", re.I)


def tells_own_act(sentence: str, field: str) -> bool:
    """Does `sentence`, from the story field `field`, tell the candidate's own act: "I" or "we" as
    the subject of a main clause, or, where neither is, no other party as that subject?"""
    if field in SELF_FIELDS or _my_work(sentence):
        return True
    sentence = numerals(sentence)      # "the Phase I trial" names no one
    verbs, not_verbs, *_rest = _patterns()
    mine = [start for start in _main_clauses(sentence) if _opens_with_me(start, verbs, not_verbs)]
    if not mine:
        return not _another_party_acts(sentence)
    # A clause of time or cause ("after I left that team") tells when, not what the candidate
    # did: it does not outweigh their main clause that denies the act ("so I never used it").
    timed = set(_in_time_clauses(sentence))
    main = [start for start in mine if start not in timed] or mine
    return not all(map(_denied, main))


NEGATION_REACH = 3   # words after "I" or "we" where a "never" or "not" denies the act


def _denied(start: str) -> bool:
    """Does the candidate deny the act in this clause of theirs: "I have never filed one myself",
    "I did not use it", "we weren't part of it"? Not a "never" further on ("I checked it so that
    it would never fail")."""
    words = TOKEN.findall(start.lower().replace("’", "'"))
    me = next((i for i, w in enumerate(words) if w in SUBJECTS), None)
    if me is None:
        return False
    near = words[me + 1:me + 1 + NEGATION_REACH]
    return any(w in _negations() or w.endswith("n't") for w in near)


@lru_cache(maxsize=1)
def _negations() -> frozenset[str]:
    return frozenset(lexicon.data()["own_act"]["negations"])


@lru_cache(maxsize=1)
def _party_words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(another party, a body that after "my"/"our" is the candidate's own, what another party
    asked, words between a subject and its verb, prepositions)."""
    data = lexicon.data()["own_act"]
    people = (lexicon.words("agency", "roles") | frozenset(data["parties"])) - frozenset(data["served"])
    return (people, frozenset(data["collectives"]), frozenset(data["asked"]), frozenset(data["adverbs"]),
            frozenset(data["prepositions"]))


_WORD = re.compile(r"[a-z0-9][a-z0-9'-]*")


def _main_clause(sentence: str) -> str:
    """The sentence from where its (first) main clause starts: after an opening "Before …," or
    a participle phrase ("Asked by the director …,"); after the opening clause's verb where no
    comma ends it ("When the assay failed the technician swapped…")."""
    verbs, not_verbs, leading, opener, *_rest = _patterns()
    opening = leading.match(sentence)
    if opening:
        return sentence[opening.end():]
    words = list(TOKEN.finditer(sentence))
    if opener.match(sentence):
        verb = next((w for w in words[1:] if _finite(w.group().lower(), verbs, not_verbs)), None)
        return sentence[verb.end():] if verb else sentence
    if words and "," in sentence and _participle(words[0].group().lower(), verbs, not_verbs):
        return sentence[sentence.index(",") + 1:]
    return sentence


def _participle(word: str, verbs: frozenset[str], not_verbs: frozenset[str]) -> bool:
    return _finite(word, verbs, not_verbs) or (word.endswith("ing") and len(word) > 4)


def _another_party_acts(sentence: str) -> bool:
    """Is the subject of the sentence's main clause another party: a person or role, a body
    that is not the candidate's own, or what one of them asked ("The agency's suggestion was
    that I…"); or does the clause say, in the passive, that another party did it ("…had been
    prepared by our external costs draftsman")?"""
    words = _first_clause(sentence)
    verbs, not_verbs, *_rest = _patterns()
    verb = next((i for i, w in enumerate(words) if _finite(w, verbs, not_verbs)), None)
    if verb is None:
        # A verb in the present ("go", "runs") is not told by its form: the subject ends where
        # a preposition follows it.
        verb = next((i for i, w in enumerate(words) if i and w in _party_words()[4]), len(words))
    return _names_party(words[:verb]) or _done_by_party(words[verb:])


def _first_clause(sentence: str) -> list[str]:
    """The words (lower case) of the main clause up to its first break, past an opening phrase
    of time or place ("In December 2023, my two groups sat…")."""
    verbs, not_verbs, *_rest = _patterns()
    prepositions = _party_words()[4]
    pieces = [_WORD.findall(piece) for piece in CLAUSE.split(_main_clause(sentence).lower().replace("’", "'"))]
    pieces = [words for words in pieces if words]
    while len(pieces) > 1 and pieces[0][0] in prepositions and not any(_finite(w, verbs, not_verbs)
                                                                       for w in pieces[0]):
        pieces.pop(0)
    return pieces[0] if pieces else []


def _names_party(subject: list[str]) -> bool:
    """Does this subject (its words, lower case) name another party: as its head ("Our chief
    pilot", "The school then"), its head before "of" ("The head of finance"), or in a
    possessive ("The agency's suggestion", "the team's work")?"""
    people, collectives, asked, adverbs, _prepositions = _party_words()
    heads = [w for w in subject if w not in adverbs][-1:]
    heads += [w for w, after in zip(subject, subject[1:], strict=False) if after == "of"]
    for i, word in enumerate(subject):
        base = word.removesuffix("'s").rstrip("'")
        owned = base in collectives and not {"my", "our"}.isdisjoint(subject[max(0, i - 3):i])
        if base in people and not owned and (word != base or word in heads):
            return True
    return any(w in asked for w in heads)


def _done_by_party(rest: list[str]) -> bool:
    """Does the clause after the subject say, in the passive, that another party did it: "by"
    followed within four words by a person or body ("by our external costs draftsman")?"""
    people, *_rest = _party_words()
    if "by" not in rest or not any(w in ("been", "was", "were", "is", "are") for w in rest[:3]):
        return False
    after = rest[rest.index("by") + 1:][:4]
    return any(w.removesuffix("'s") in people for w in after)
