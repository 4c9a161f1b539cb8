"""Is a quoted sentence the candidate's own act? The last check before a link is "shown".

Each round of issue 23 found a new way a story names what a posting asks without the candidate
doing it: "Our chief pilot checked my numbers and approved the new fuel plan", "The costs budget
had been prepared by our external costs draftsman", "The agency's suggestion was that I take it
with a legal interpreter", "The school then asked whether I could deliver Elklan training". In
each, the sentence's main clause has someone or something else as its subject; the candidate is
in a possessive, an object, or what someone else said or asked. So, whatever check matched the
words, a sentence shows a requirement only when "I" or "we" is the subject of one of its main
clauses: before the first finite verb of the sentence, of the clause after an opening "Before …,"
or "When …,", of a clause joined by ", and", "; so"…, or of one opened by "after", "because"…
("…agreed the definition after I showed them"). A sentence whose subject is the candidate's own
work ("Most of my work is in Excel and SQL Server") says what the candidate does. The story's
title, role and ownership line are the candidate's own words about themselves.

A finite verb is told by its form: a word in -ed, an irregular past (`stem.IRREGULAR`), or an
auxiliary (`[own_act]` in data/postings.toml). A present tense in -s is not caught ("The team
runs…, and I…"), so the check errs toward leaving a link shown.
"""

from __future__ import annotations

import re
from functools import lru_cache

from storybank.postings import lexicon
from storybank.postings.agency import SELF_FIELDS, SUBJECTS
from storybank.postings.stem import IRREGULAR
from storybank.postings.terms import TOKEN

_ME = r"(?:i|we|i've|we've|i'd|we'd|i'm|we're)\b"
# The candidate's own work as the subject, said to be something: "Most of my work is in Excel".
_FIRST_PERSON = re.compile(rf"\b{_ME}", re.I)
_MY_WORK = re.compile(r"^(?:[\w'-]+ ){0,4}my ((?:[\w'-]+ ){0,2})(?:is|was|are|were) ", re.I)


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
    if opening:
        starts.append(sentence[opening.end():])
    elif opener.match(sentence) and (me := _FIRST_PERSON.search(sentence)):
        # "When the assay failed I swapped one variable at a time": no comma ends the opening
        # clause; the main clause starts at the candidate.
        starts.append(sentence[me.start():])
    starts += [sentence[m.end():] for m in joined.finditer(sentence)]
    starts += [sentence[m.end():] for m in in_time.finditer(sentence)]
    return starts


def _my_work(sentence: str) -> bool:
    """Is the subject the candidate's own work ("Most of my work is in Excel"), not a person of
    theirs ("My manager was responsible for it", "My colleagues were trained on it")?"""
    subject = _MY_WORK.match(sentence)
    if subject is None:
        return False
    roles = lexicon.words("agency", "roles")
    return not any(w in roles or w.removesuffix("s") in roles for w in subject.group(1).lower().split())


def tells_own_act(sentence: str, field: str) -> bool:
    """Is the candidate the subject of a main clause of `sentence`, from the story field `field`?"""
    if field in SELF_FIELDS or _my_work(sentence):
        return True
    verbs, not_verbs, *_rest = _patterns()
    return any(_opens_with_me(start, verbs, not_verbs) for start in _main_clauses(sentence))
