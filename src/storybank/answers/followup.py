"""A follow-up answer judged against the first: did it go deeper, or restart the story?

The interview's advice for a follow-up is "don't restart your story; just go deeper". So:

- **restarted** when it mostly repeats the first answer (at least RESTART_SHARE of its content
  words were already said in it), or when it tells the story again from its situation: it says
  again at least RETOLD_SITUATION of the first answer's situation words and RETOLD_ANSWER of all
  its words (with at least RETOLD_SHARE of its own words repeated), or it opens with a sentence
  that is mostly the first answer's situation (REOPEN_SHARE);
- **deeper** otherwise; `new_facts` lists what it added that the first answer did not have:
  numbers, names, mechanisms, people and a lesson.

Content words are the recogniser's (`recognise.terms`): stemmed, without stop words and everyday
words, so "I" and "the" and "really" repeat freely. The thresholds were set on the example bank
and the tuning corpora: their prepared follow-up layers against their answers (deeper: 206 of
208) and the retellings of `tests/answers/tellings.toml` against the written answer and against
each other (restarted: 42 of 48; a retelling in other words that adds many new facts can pass
for deeper). On the held-out corpora, 163 of 168 prepared layers read as deeper
(tests/answers/test_followup.py).
"""

from __future__ import annotations

import re

from storybank.answers.report import FollowupVerdict

RESTART_SHARE = 0.6     # of the follow-up's content words already said in the first answer
RETOLD_SITUATION = 0.4  # of the first answer's situation words said again
RETOLD_ANSWER = 0.3     # of all the first answer's words said again
RETOLD_SHARE = 0.3      # of the follow-up's own words already said
REOPEN_SHARE = 0.6      # of the opening sentence's words from the first answer's situation
OPENING_WORDS = 4      # an opening with fewer content words cannot reopen anything
MAX_FACTS = 8

_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][A-Za-z0-9]*[A-Z0-9][A-Za-z0-9]*|[A-Z][a-z]{2,}"
                   r"(?:\s[A-Z][a-z]+)*)\b", re.M)


def judge_followup(first: str, followup: str) -> FollowupVerdict:
    from storybank.answers.recognise import terms
    from storybank.answers.segment import segment, sentences

    before = terms(first).words
    said = terms(followup).words
    common = said & before
    repeated = len(common) / len(said) if said else 0.0
    scene = terms(segment(first).parts().situation).words
    retold = bool(scene) and repeated >= RETOLD_SHARE \
        and len(scene & said) / len(scene) >= RETOLD_SITUATION \
        and len(common) / len(before) >= RETOLD_ANSWER
    reopened = retold
    opening = sentences(followup)
    if opening and scene and not reopened:
        first_words = terms(opening[0].text).words
        if len(first_words) >= OPENING_WORDS:
            reopened = len(first_words & scene) / len(first_words) >= REOPEN_SHARE
    restarted = repeated >= RESTART_SHARE or reopened
    return FollowupVerdict("restarted" if restarted else "deeper", tuple(new_facts(first, followup)),
                           repeated, reopened)


def new_facts(first: str, followup: str) -> list[str]:
    """What the follow-up says that the first answer did not: numbers, names, mechanisms,
    people, a lesson (each as "kind: what was said")."""
    from storybank.analysis.lexicon import normalise, scanner
    from storybank.answers.data import covered_cues
    from storybank.speech.numbers import numbers_said_in

    out: list[str] = []
    known_numbers = set(numbers_said_in(first))
    for number in dict.fromkeys(numbers_said_in(followup)):
        if number not in known_numbers and not (number.isdigit() and int(number) < 10):
            out.append(f"number: {number}")
    low_first = first.lower()
    for match in dict.fromkeys(m.group(1) for m in _NAME.finditer(followup)):
        if match.lower() not in low_first and match.lower() not in ("i", "i'm", "i'd"):
            out.append(f"name: {match}")
    norm_first, norm = normalise(first), normalise(followup)
    mechanism = scanner(("mechanism",)).scan
    known = set(mechanism(norm_first)["mechanism"])
    for term in dict.fromkeys(mechanism(norm)["mechanism"]):
        if term not in known:
            out.append(f"mechanism: {term}")
    people = covered_cues("people")
    known_people = set(people.findall(norm_first))
    for person in dict.fromkeys(people.findall(norm)):
        if person not in known_people and len(person) > 3:
            out.append(f"person: {' '.join(person.split())}")
    lesson = covered_cues("lesson")
    said = lesson.search(norm)
    if said and not lesson.search(norm_first):
        # The match is in the lower-cased text: the speaker says "I learned", not "i learned".
        out.append("lesson: " + re.sub(r"\bi\b", "I", " ".join(said.split())))
    return out[:MAX_FACTS]
