"""Who acts in a story sentence: the candidate, someone else, or no one; and whether it is said
as something that did not happen or is only wished for.

A mention is not experience. "The patient went to the ICU" names the ICU; it shows no ICU
nursing. "A colleague ran the Kafka cluster", "I had never used Kubernetes", "I'd like to learn
memoQ" name a skill the candidate does not claim. The sentence is cut into clauses (at commas,
semicolons, dashes and words such as "while", "after", "because", "which"), and each clause is
read for:

- **the candidate**: "I", "we", "my", "our" (but "my manager" and "our SRE" are someone else,
  and "for us" is not the candidate acting);
- **someone else**: a person named by role ("the patient", "an SRE", "a colleague") or "he",
  "she", "they";
- **negation or wish**: "never", "not", "didn't", "would like to", "plan to"...

A clause that names no one carries on the clause before it: in "I precepted all three, taking
each through their first ventilated patient" the second clause is still the candidate's. A
story's title, role and ownership line are the candidate's own words about themselves.

Round 17 (issue 23), for stories told in a trade's own words: what the candidate asked, got or
paid someone else to do is that person's ("I asked the vendor | to set up the alarms"); what
they said, argued or recommended carries nothing from their clause ("I argued | that a course
would teach her FreeRTOS"); and a relative clause right after a person is that person's ("I
worked with the engineer | who ran Kubernetes"). Plans, what would have been and lessons drawn
are in the negations (data/postings.toml).

Round 25: a clause opened by "because" with no "I" or "we" in it is the reason given, how things
are, not the candidate's doing ("I rejected them | because on-call pages cluster overnight").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from storybank.postings import lexicon
from storybank.postings.stem import IRREGULAR
from storybank.postings.terms import TOKEN

CLAUSE = re.compile(r"[,;:()]|\s[-–—]\s|—|\b(?:while|after|before|because|whereas|although|though|"
                    r"but|until|since|which|who|whom|whose|where|when|so that|instead|rather than)\b", re.I)
# "I" or "we" in a clause settles that the candidate acts there, whatever else it names; "me"
# and "us" alone do not ("a colleague ran it for us").
SUBJECTS = frozenset({"i", "i'd", "i've", "i'm", "i'll", "we", "we'd", "we've", "we're"})
OBJECTS = frozenset({"me", "us"})
SELF_FIELDS = frozenset({"title", "role", "ownership"})
# "my" or "our" after one of these names the rule or arrangement a thing was done under, not
# the candidate doing it: "under our local arrangement, the children go to a separate team",
# "per our protocol the registrar signs". ("In our policy", "for our clients" may still be the
# candidate's own work; they are left as they were.)
_SETTING = frozenset({"under", "per"})
_POSSESSIVES = frozenset({"my", "our"})


@dataclass(frozen=True)
class Clause:
    me: bool          # the candidate acts
    other: bool       # someone else is named as acting
    negated: bool     # a negation or a wish
    words: int        # how many words (as TOKEN finds them)
    people: frozenset[int] = frozenset()   # words (by index in the clause) that name someone else:
                                           # "our charge nurse", "a colleague"


@lru_cache(maxsize=1)
def _numbered() -> re.Pattern[str]:
    words = sorted(lexicon.data()["agency"]["numbered"], key=len, reverse=True)
    return re.compile(r"\b(?i:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\s+(I)\b(?![’'])")


def numerals(sentence: str) -> str:
    """`sentence` with each "I" that is a Roman numeral after a word that takes one written "1"
    ("ran the Phase I trial" -> "ran the Phase 1 trial"; `[agency] numbered`): the same length,
    so offsets and word counts hold, and the candidate is not read into it. "In Phase II I ran
    the dosing" keeps its "I"."""
    if "I" not in sentence:
        return sentence
    return _numbered().sub(lambda m: m.group(0)[:-1] + "1", sentence)


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], re.Pattern[str], re.Pattern[str]]:
    data = lexicon.data()["agency"]
    roles = "|".join(re.escape(r) for r in sorted(data["roles"], key=len, reverse=True))
    named = "|".join(re.escape(o) for o in sorted(data["others"], key=len, reverse=True))
    # A role after a preposition is where something happened, not who acted ("a task on the
    # board", "a note to the team"); after "as", the candidate's own ("I worked as a clinical
    # research coordinator").
    place = "".join(f"(?<! {p} )" for p in ("on", "to", "for", "with", "from", "at", "in", "into", "onto", "as"))
    others = re.compile(rf" (?:{named}|{place}(?:a|an|the|another|our|my|their|his|her|its|one of (?:the|our|my)) "
                        rf"(?:[a-z'-]+ ){{0,2}}(?:{roles})(?:'s)?) ")
    negations = re.compile(" (?:" + "|".join(re.escape(n) for n in sorted(data["negations"], key=len, reverse=True))
                           + ") ")
    passive = "|".join(re.escape(p) for p in data["passive_agents"])
    passive_not = "|".join(re.escape(p) for p in data["passive_not"])
    others = re.compile(rf"{others.pattern}| (?!(?:{passive_not}) )(?:{passive}) ")
    return frozenset(data["first_person"]), others, negations


@lru_cache(maxsize=1)
def _passive_by() -> re.Pattern[str]:
    """Done by someone the passive names without a determiner: "the subsidiaries were audited by
    component auditors". Not by the candidate ("by me"), nor a time or a measure ("by 2024", "by
    the end"): the same "by …" phrases that name no one acting as in `_lists`, with the
    candidate's own."""
    data = lexicon.data()["agency"]
    nobody = "|".join(re.escape(p.removeprefix("by ")) + " "
                      for p in [*data["passive_not"], *data["passive_self"]])
    return re.compile(r" (?:was|were|is|are|been|being) (?:[a-z'-]+ )?[a-z'-]+(?:ed|en|wn|ght) by "
                      rf"(?!{nobody}|[0-9])")


@lru_cache(maxsize=1)
def _delegated() -> re.Pattern[str]:
    """Where the candidate hands the doing to someone else: "I asked the SENCo to adapt…", "I
    got the learning support team to adapt…", "I recommended that the department adapt…". The
    match ends where the other party's doing starts (`[agency] delegating`); the words before
    "to" are in the group `whom` (`_hands_on`)."""
    data = lexicon.data()["agency"]
    verbs = "|".join(re.escape(v) for v in sorted(data["delegating"], key=len, reverse=True))
    said = "|".join(re.escape(v) for v in sorted(data["reporting"], key=len, reverse=True))
    return re.compile(rf"\b(?:{verbs})\s+(?P<whom>(?:(?!to\b)[A-Za-z'’-]+\s+){{1,4}})(?=to\s)"
                      rf"|\b(?:{said})\s+(?:(?:him|her|them|us|the \w+)\s+)?(?=that\s)", re.I)


def _hands_on(found: re.Match[str]) -> bool:
    """Is a `_delegated` match a doing handed to someone? Only when the word before "to" names a
    person (`[agency] handed_to`, a role, a party, "me") or is a name: "I asked Gary | to…", "I got the
    two junior clerks | to…". "I got the chance to lead", "I needed two days to reconcile", "I
    wanted a faster way to…" hand nothing on: the doing after "to" is the candidate's own."""
    whom = found.group("whom")
    if whom is None:
        return True                              # "I recommended | that the department…"
    last = whom.split()[-1].replace("’", "'")
    return last.lower() in _persons() or last.lower() in lexicon.words("agency", "handed_to") \
        or (last[:1].isupper() and last[1:].islower())


@lru_cache(maxsize=1)
def permitted() -> re.Pattern[str]:
    """Where someone else leaves the doing to the candidate: "The lab manager let me | sort
    their reference collection", "she allowed us to | run the night shift". The match ends where
    the candidate's doing starts (`[agency] permitting`)."""
    verbs = "|".join(re.escape(v) for v in sorted(lexicon.data()["agency"]["permitting"], key=len, reverse=True))
    return re.compile(rf"\b(?:{verbs})\s+(?:me|us)\s+(?:to\s+)?(?=[a-z])", re.I)


# "that" opening a relative clause after a person ("the engineers that ran Kubernetes"): cut there
# as at "who" (`CLAUSE`).
_WHO_THAT = re.compile(r"\b(?:the|a|an|our|my|their|his|her)\s+(?:[a-z'-]+\s+){0,2}?[a-z'-]+s?\s+(?=that\s)", re.I)
_RELATIVE = frozenset({"who", "whom", "whose", "that", "which"})
# The candidate named by their role right before a relative clause: "I was the engineer | who ran
# Kubernetes", "I'm the only nurse | who…", "as the charge nurse | who…" (review18).
_SELF_NAMED = re.compile(r"(?:\b(?:i|we)(?:\s+(?:was|am|were|are|have\s+been|had\s+been|became|become)|['’](?:m|re|ve\s+been))"
                         r"|\bas)\s+(?:the|a|an|one\s+of\s+the)\s+(?:[\w'’-]+\s+){0,3}$", re.I)


# After what was found or said, "and" and a verb in the past goes back to its teller: "I found
# that pump 3 was leaking | and replaced the seals" (review18).
_AND_PAST = re.compile(r"\s(?:and\s+then|and|then)\s+([a-z]+)\b", re.I)


@lru_cache(maxsize=1)
def _learning() -> re.Pattern[str]:
    """The negations that say a thing was learned about or seen, not done (`[agency] learning`)."""
    said = "|".join(re.escape(w) for w in sorted(lexicon.data()["agency"]["learning"], key=len, reverse=True))
    return re.compile(rf"\b(?:{said})\b", re.I)


class _Resumes:
    """Where the teller's own doing comes back after a reported or a learning clause, if it
    does: at "and" with a verb in the past, before the clause ends ("I checked that every ledger
    balanced | and reconciled the accounts"). Not "…that the contractor would find the leak and
    replace…". Each list is found once per sentence, so a long one is read in linear time."""

    def __init__(self, sentence: str) -> None:
        self.ends = [m.start() for m in CLAUSE.finditer(sentence)]
        self.ands = [(m.start(), m.group(1).lower()) for m in _AND_PAST.finditer(sentence)]

    def after(self, at: int) -> int | None:
        end_at = bisect.bisect_left(self.ends, at)
        end = self.ends[end_at] if end_at < len(self.ends) else None
        next_and = bisect.bisect_left(self.ands, (at, ""))
        if next_and == len(self.ands):
            return None
        start, word = self.ands[next_and]
        return start if (end is None or start < end) and _past(word) else None


class _Pieces(NamedTuple):
    """A sentence cut into clauses (`_pieces`), and which of them are read another way."""

    pieces: list[str]
    theirs: set[int]      # someone else's doing that the candidate asked for ("| to set up the alarms")
    mine: set[int]        # the candidate's doing that someone else left to them ("let me | sort …")
    resumed: set[int]     # going back to the clause before a reported one ("| and replaced the seals")


def _pieces(sentence: str) -> _Pieces:
    """The sentence cut at `CLAUSE`, where someone else's doing that the candidate asked for
    starts (`_delegated`), where the candidate's doing that someone else left to them starts
    (`permitted`), and where the teller comes back after a reported clause (`_Resumes`)."""
    cuts = {m.start() for m in CLAUSE.finditer(sentence)} | {m.end() for m in _WHO_THAT.finditer(sentence)}
    delegated = [m for m in _delegated().finditer(sentence) if _hands_on(m)]
    handed = {m.end() for m in delegated}
    reported = [m for m in delegated if m.group("whom") is None]
    resumes = _Resumes(sentence)
    back = {at for m in reported if (at := resumes.after(m.end())) is not None}
    # "I read up on FreeRTOS | and ported our scheduler to it": the learning ends, the doing starts.
    cuts |= {at for m in _learning().finditer(sentence) if (at := resumes.after(m.end())) is not None}
    left = {m.end() for m in permitted().finditer(sentence)}
    pieces: list[str] = []
    theirs: set[int] = set()
    mine: set[int] = set()
    resumed: set[int] = set()
    last = 0
    for at in sorted((cuts | handed | left | back) - {0}):
        pieces.append(sentence[last:at])
        last = at
        if at in handed:
            theirs.add(len(pieces))
        if at in left:
            mine.add(len(pieces))
        if at in back:
            resumed.add(len(pieces))
    pieces.append(sentence[last:])
    return _Pieces(pieces, theirs, mine, resumed)


# A span in quotation marks: what was said or asked, not done ("'can we drive a loaded trailer on
# wet ground' are different questions", round 25).
_QUOTED = re.compile(r"(?:(?<=^)|(?<=[\s(]))(['‘\"“])([^'’\"”]{3,}?)(['’\"”])(?=[\s,.;:!?)]|$)")
_SPEAKER = re.compile(r"\b(?:I|we|We|I'm|I’m|we're|we’re|I've|I’ve|we've|we’ve|I'd|I’d|we'd|we’d|my|My|our|Our)\b")


def unquoted(sentence: str) -> str:
    """`sentence` with the candidate's words inside quotation marks blanked to the same length
    (offsets and word counts hold): a question or a remark quoted is not the candidate doing it."""
    if not any(q in sentence for q in "'‘\"“"):
        return sentence
    return _QUOTED.sub(lambda m: m.group(1) + _SPEAKER.sub(lambda w: "x" * len(w.group()), m.group(2))
                       + m.group(3), sentence)


def clauses(sentence: str, field: str) -> list[Clause]:
    """The clauses of `sentence` (from the story field `field`), in order."""
    first_person, others, negations = _lists()
    first_person = first_person - OBJECTS
    cut = _pieces(unquoted(numerals(sentence)))
    pieces, theirs, mine, resumed = cut.pieces, cut.theirs, cut.mine, cut.resumed
    out: list[Clause] = []
    previous_me = field in SELF_FIELDS
    previous_negated = False
    teller = (False, False)      # who told what the reported clause says
    last_word = ""
    for n, piece in enumerate(pieces):
        toks = TOKEN.findall(piece.lower().replace("’", "'"))
        if n in theirs and piece.lower().startswith("to "):
            # "…asked the vendor | to set up the alarms": what the vendor was asked to do.
            out.append(Clause(False, True, False, len(toks)))
            previous_me, previous_negated = False, False
            last_word = toks[-1] if toks else ""
            continue
        if n in mine and n not in theirs:
            # "The lab manager let me | sort their reference collection": the candidate's doing.
            low = " " + " ".join(toks) + " "
            out.append(Clause(True, False, negations.search(low) is not None, len(toks)))
            previous_me, previous_negated = True, out[-1].negated
            last_word = toks[-1] if toks else ""
            continue
        if n in theirs:
            # "I recommended | that the department adapt…", "I argued | that a course would
            # teach her FreeRTOS": what was said is the candidate's act only with "I" or "we"
            # as its own subject; it carries nothing from the clause before.
            teller = (previous_me, previous_negated)
            previous_me, previous_negated = False, False
        if n in resumed:
            # "I found that pump 3 was leaking | and replaced the seals": the teller's again.
            previous_me, previous_negated = teller
        if toks and toks[0] in _RELATIVE and _a_person(last_word) and SUBJECTS.isdisjoint(toks) \
                and not (n and _SELF_NAMED.search(pieces[n - 1])):
            # "I worked with the engineer | who ran Kubernetes": the person just named acts in it
            # (not "I was the engineer | who ran Kubernetes": that person is the candidate).
            out.append(Clause(False, True, False, len(toks)))
            previous_me, previous_negated = False, False
            last_word = toks[-1]
            continue
        if toks[:1] == ["because"] and toks[1:2] != ["of"] and first_person.isdisjoint(toks):
            # "I rejected early mornings | because on-call pages cluster overnight": the reason
            # given is how things are, not the candidate's doing (round 25).
            out.append(Clause(False, False, False, len(toks)))
            previous_me, previous_negated = False, False
            last_word = toks[-1]
            continue
        words = {t for i, t in enumerate(toks)
                 if not (t in _POSSESSIVES and i and toks[i - 1] in _SETTING)}
        low = " " + " ".join(toks) + " "
        people = _people(low, others)
        me, other, low = _who(toks, words, low, previous_me, first_person, others)
        if me and _told_of(toks, people):
            # "The analyst I spoke with, Sam Ortega, explained…": the candidate acts inside a
            # phrase about someone else, who is the one the sentence goes on about.
            other = True
        negated = negations.search(low) is not None or (previous_me and previous_negated and _opens_with_ing(toks)
                                                         and words.isdisjoint(SUBJECTS))
        if not me and not other and previous_me:
            # "I would like to learn Spanish, with fluency": the wish carries on too.
            me, negated = True, negated or previous_negated
        out.append(Clause(me, other, negated, len(toks), people))
        if toks:
            previous_me, previous_negated = me and not other, negated
            last_word = toks[-1]
    return out


@lru_cache(maxsize=1)
def _persons() -> frozenset[str]:
    """The words that name a person or a body of people: `[agency] roles` and `[own_act]
    parties`, one word each, singular and plural."""
    data = lexicon.data()
    words = {w for w in [*data["agency"]["roles"], *data["own_act"]["parties"]] if " " not in w}
    return frozenset(words | {w + "s" for w in words})


def _a_person(word: str) -> bool:
    return word in _persons() and word not in {"he", "she", "they", "it", "someone", "somebody"}


def _who(toks: list[str], words: set[str], low: str, previous_me: bool, first_person: frozenset[str],
         others: re.Pattern[str]) -> tuple[bool, bool, str]:
    """(the candidate acts, someone else is named acting, the clause with those named blanked)."""
    me = not words.isdisjoint(first_person)
    if previous_me and _goes_on(toks) and " by " not in low:
        # "I wrote the protocol, trained a first-year associate…": the candidate's next
        # verb; whoever it names is acted on, not acting.
        return True, False, low
    if me and not words.isdisjoint(SUBJECTS):
        return True, False, low
    # "my manager" is someone else, not "my"; and "our card data was held by the processor"
    # is the processor acting: with someone else named, only "I" or "we" makes the candidate act.
    found = _acting_others(low, others)
    for m in reversed(found):
        low = low[:m.start()] + "  " + low[m.end():]
    other = bool(found) or _passive_by().search(low) is not None
    return me and not other, other, low


def _acting_others(low: str, others: re.Pattern[str]) -> list[re.Match[str]]:
    """Where `low` names someone else, but for "it" right after a verb in the past: what was
    done, not who did it ("…and then prosecuted it before the EPO")."""
    out = []
    for m in others.finditer(low):
        before = low[:m.start()].split()
        if m.group().strip() == "it" and before and _past(before[-1]):
            continue
        out.append(m)
    return out


def _past(word: str) -> bool:
    return word in IRREGULAR or (word.endswith("ed") and len(word) > 4)


def _told_of(toks: list[str], people: frozenset[int]) -> bool:
    """Does the candidate's "I" or "we" follow, with nothing between, a phrase naming someone
    else ("the analyst I spoke with", "a nurse we trained")?"""
    return any(t in SUBJECTS and i - 1 in people for i, t in enumerate(toks))


def _goes_on(toks: list[str]) -> bool:
    """Does this clause open with a verb in the past, or in -ing, carrying on the subject before
    it ("and trained…", "then wrote…", "I was the attending, supervising two residents")?"""
    words = [t for t in toks[:3] if t not in _JOINERS]
    return bool(words) and (words[0] in IRREGULAR or (words[0].endswith(("ed", "ing")) and len(words[0]) > 4)
                            and words[0] not in _NOT_DOING)


def _opens_with_ing(toks: list[str]) -> bool:
    """Does the clause open with a verb in -ing, one more thing in a list the clause before
    began ("What I still need to learn is ventilator troubleshooting, managing sedation")?"""
    words = [t for t in toks[:3] if t not in _JOINERS]
    return bool(words) and words[0].endswith("ing") and len(words[0]) > 4 and words[0] not in _NOT_DOING


# -ing words that open a clause without the candidate doing them: "including the nurses",
# "according to the registrar", "during the night".
_NOT_DOING = frozenset({"including", "according", "during", "regarding", "concerning", "following", "excluding",
                        "morning", "evening", "something", "nothing", "anything", "everything"})


_JOINERS = frozenset({"and", "then", "also", "later", "so", "finally", "first"})


def _people(low: str, others: re.Pattern[str]) -> frozenset[int]:
    """The indices of the words of `low` (" word word ... ") inside a phrase naming someone else."""
    found: set[int] = set()
    for m in _acting_others(low, others):
        first = low.count(" ", 0, m.start() + 1) - 1
        last = low.count(" ", 0, m.end() - 1) - 1
        found.update(range(first, last + 1))
    return frozenset(found)
