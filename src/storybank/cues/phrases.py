"""Cue phrases: each beat of a story as a short phrase in the story's own words.

A part's text is cut into clauses; each clause gets features (a metric number, a tool, a step
told in the first person, a lesson, an option weighed, a person and their view...), and each part
weighs those features as `data/cues.toml` says. The best clauses become the part's cues, shortened
to a phrase that keeps its anchor: a number keeps its noun ("average wait 94 → 31 min"), a tool
its role ("Go worker on libvips"), a step its verb ("split UNKNOWN rows out"). Cues are shown in
the order the story tells them.

Pure functions over text; no Textual, Jinja2 or analysis imports.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import accumulate
from typing import TYPE_CHECKING

from storybank.analysis.lexicon import words as lexicon_words
from storybank.cues import COMMON_WORDS, STOP_WORDS, short_number

if TYPE_CHECKING:  # pragma: no cover
    from storybank.model import Metric

ARROW = "→"


# --- the data ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CueData:
    """The weights of each part (role -> feature -> weight) and the word lists, from data/cues.toml."""

    roles: dict[str, dict[str, float]]
    words: dict[str, frozenset[str]]
    keeps: dict[str, str] = field(default_factory=dict)   # role -> the word list its cue keeps
    units: dict[str, str] = field(default_factory=dict)   # a unit -> its short form ("hours" -> "h")

    def weights(self, role: str) -> dict[str, float]:
        return self.roles.get(role, self.roles["action"])

    def kept(self, role: str) -> frozenset[str]:
        """The words a cut cue of `role` should keep when its clause has them (the person who
        did something, for the collaborators follow-up)."""
        name = self.keeps.get(role)
        return self.words[name] if name else frozenset()


@lru_cache(maxsize=1)
def cue_data() -> CueData:
    text = resources.files("storybank").joinpath("data/cues.toml").read_text("utf-8")
    raw = tomllib.loads(text)
    roles = {name: {k: float(v) for k, v in row.items()} for name, row in raw["role"].items()}
    words = {name: frozenset(value.lower().split()) for name, value in raw["words"].items()}
    units = {k.lower(): str(v) for k, v in raw.get("units", {}).items()}
    return CueData(roles, words, dict(raw.get("keep", {})), units)


# --- clauses -------------------------------------------------------------------------------------

# A sentence ends at ".", "!" or "?" before a capital, a digit or a quote ("7 a.m. deadline" goes on).
_SENTENCE = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[A-Z0-9\"“'$€£(])|\n+")
_OPENERS = ["and", "but", "so", "which", "where", "while", "because", "then", "though", "since", "although", "once", "whose", "who", "I", "we", "they", "he", "she", "it"]
_CLAUSE = re.compile(
    r"\s*;\s*|:\s+|\s+[—–]\s+|\s+-\s+|,\s+(?=(?:" + "|".join(_OPENERS) + r")\b)"
)
_WORD = re.compile(r"[$€£]?\d(?:[\d,.:]*\d)?(?:%|[a-zA-Z]{1,3}\b)?(?:-[^\W\d_]+)*|[^\W\d_](?:[\w+#]|['’.\-/](?=\w))*[+#]*|→")
_NUMBER = re.compile(r"[$€£]?\d")


@dataclass(frozen=True)
class Clause:
    text: str
    index: int        # order in the part
    words: tuple[str, ...]


def clauses(text: str) -> list[Clause]:
    """The clauses of `text`, in order; each with its words."""
    out: list[Clause] = []
    for sentence in _SENTENCE.split(text):
        sentence = sentence.strip().rstrip(".!?")
        if not sentence:
            continue
        for piece in _CLAUSE.split(sentence):
            piece = " ".join(piece.split()).strip(" ,")
            words = tuple(_WORD.findall(piece))
            if words:
                out.append(Clause(piece, len(out), words))
    return out


@lru_cache(maxsize=16384)
def _low(word: str) -> str:
    return word.lower().replace("’", "'")


NUMBER_WORDS = frozenset(["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "hundred", "thousand", "million", "billion"])


@lru_cache(maxsize=16384)
def _is_number(word: str) -> bool:
    return bool(_NUMBER.match(word))


def _is_count(word: str) -> bool:
    """A number in digits or in words ("six"): it needs the noun after it."""
    return _is_number(word) or _low(word) in NUMBER_WORDS


@lru_cache(maxsize=16384)
def _codeish(word: str) -> bool:
    """CamelCase, snake_case, dotted or with digits: a name from a system ("libvips" is not,
    so a story lists its tools in `technologies`)."""
    if word[0].isdigit() or word[0] in "$€£":
        return False
    if any(c.isdigit() for c in word) or "_" in word or any(c in word for c in "+#"):
        return True
    if "." in word.strip("."):
        return True
    return any(c.isupper() for c in word[1:]) and any(c.islower() for c in word)


def content_words(words: Iterable[str]) -> list[str]:
    return [w for w in words if not _is_number(w) and w != ARROW and _low(w) not in STOP_WORDS]


# --- features ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Context:
    """What the story says about itself: its tools, and its metrics' numbers as written."""

    known: frozenset[str] = frozenset()          # lowercased tool names (one word or several)
    metric_numbers: frozenset[str] = frozenset()  # "94", "31", "1.3M", "480k", "1,300,000"...


def context(known: Iterable[str], metrics: Sequence[Metric] = ()) -> Context:
    numbers: set[str] = set()
    for m in metrics:
        for v in (m.value, m.before, m.after):
            if v is not None:
                numbers.update(number_forms(v))
    return Context(frozenset(_low(k) for k in known if k.strip()), frozenset(numbers))


def number_forms(value: float | int) -> set[str]:
    """The ways a story writes a number: 94.0 -> {"94"}; 1300000 -> {"1,300,000", "1300000", "1.3M", "1.3"}."""
    forms = {short_number(value).lstrip("-")}
    if float(value).is_integer():
        forms.add(str(int(value)))
        forms.add(f"{int(value):,}")
    else:
        forms.add(repr(float(value)))
    said = short_number(value)
    if said[-1:] in ("k", "M", "B", "T"):
        forms.add(said[:-1])
    return forms


def _bare_number(word: str) -> str:
    return word.lstrip("$€£").rstrip("%").rstrip(".,")


def _has_tool(clause: Clause, ctx: Context) -> bool:
    lows = [_low(w) for w in clause.words]
    if any(w in ctx.known for w in lows) or any(_codeish(w) for w in clause.words):
        return True
    joined = f" {' '.join(lows)} "
    return any(f" {k} " in joined for k in _several_words(ctx.known))


@lru_cache(maxsize=256)
def _several_words(known: frozenset[str]) -> tuple[str, ...]:
    """The tool names of more than one word: the only ones a clause's words can hold only together."""
    return tuple(k for k in known if " " in k)


def _has_name(clause: Clause) -> bool:
    return any(w[:1].isupper() and i > 0 and _low(w) not in STOP_WORDS for i, w in enumerate(clause.words))


def features(clause: Clause, ctx: Context, data: CueData) -> set[str]:
    """The clause's features (see data/cues.toml)."""
    lows = [_low(w) for w in clause.words]
    words = set(lows)
    out = _number_features(clause, words, ctx)
    if _has_tool(clause, ctx):
        out.add("tool")
    if _has_name(clause):
        out.add("name")
    if _is_step(lows, data):
        out.add("step")
    out.update(f for f in ("lesson", "choice", "person", "view", "problem", "mechanism") if words & data.words[f])
    if clause.index == 0:
        out.add("first")
    if len([w for w in content_words(clause.words) if _low(w) not in COMMON_WORDS]) < 3:
        out.add("thin")
    return out


def _number_features(clause: Clause, words: set[str], ctx: Context) -> set[str]:
    numbers = [_bare_number(w) for w in clause.words if _is_number(w)]
    if any(n in ctx.metric_numbers for n in numbers):
        return {"metric", "repeats"} if all(n in ctx.metric_numbers for n in numbers) else {"metric"}
    return {"number"} if numbers or words & NUMBER_WORDS else set()


def _is_step(lows: list[str], data: CueData) -> bool:
    """Told in the first person: "I split", "then we moved"."""
    subject, lead = data.words["subject"], data.words["lead"]
    return lows[0] in subject or (len(lows) > 1 and lows[0] in lead and lows[1] in subject)


def score(clause: Clause, role: str, ctx: Context, data: CueData) -> float:
    weights = data.weights(role)
    return sum(weights.get(f, 0.0) for f in features(clause, ctx, data))


# --- from a clause to a phrase -------------------------------------------------------------------

_SHORT_UNITS = {"minutes": "min", "minute": "min", "seconds": "s", "second": "s", "hours": "h",
                "hour": "h", "milliseconds": "ms", "millisecond": "ms", "percent": "%",
                "megabytes": "MB", "gigabytes": "GB", "kilobytes": "KB"}
_SCALES = {"thousand": "k", "million": "M", "billion": "B", "trillion": "T"}
_CHANGE_VERB = re.compile(
    r"\b(?:fell|dropped|rose|grew|went|climbed|improved|shrank|increased|decreased|declined|"
    r"reduced|cut|came|sped|jumped)\s+(?:down\s+|up\s+)?(?=(?:from\s+)?[$€£]?\d)", re.I)
_FROM_TO = re.compile(r"\bfrom\s+([$€£]?\d[\d,.]*(?:\s*[%a-zA-Z]+)?)\s+to\s+(?=[$€£]?\d)", re.I)
_TO_ONLY = re.compile(r"(\d[%a-zA-Z]*)\s+to\s+(?=[$€£]?\d)")
_SCALE = re.compile(r"(\d)\s+(thousand|million|billion|trillion)\b", re.I)
_UNIT = re.compile(r"(\d)\s+(" + "|".join(_SHORT_UNITS) + r")\b", re.I)
_ATTACH = {"%", "ms"}


def _numbers_said_short(text: str) -> str:
    """"fell from 94 to 31 minutes" -> "94 → 31 min"; "$1.3 million" -> "$1.3M"."""
    text = _CHANGE_VERB.sub("", text)
    text = _FROM_TO.sub(lambda m: f"{m.group(1)} {ARROW} ", text)
    text = _TO_ONLY.sub(lambda m: f"{m.group(1)} {ARROW} ", text)
    text = _SCALE.sub(lambda m: m.group(1) + _SCALES[m.group(2).lower()], text)

    def unit(m: re.Match[str]) -> str:
        short = _SHORT_UNITS[m.group(2).lower()]
        return m.group(1) + short if short in _ATTACH else f"{m.group(1)} {short}"

    return _UNIT.sub(unit, text)


def _lower_initial(words: list[str], ctx: Context) -> list[str]:
    """A sentence's capital is not a name: "Trucks waited" -> "trucks waited", but "Harborline
    Freight" and a known tool keep theirs."""
    if not words:
        return words
    first = words[0]
    if _low(first) in ctx.known or _codeish(first) or first.isupper():
        return words
    following = words[1] if len(words) > 1 else ""
    if following[:1].isupper() and _low(following) not in STOP_WORDS:
        return words
    return [first[:1].lower() + first[1:], *words[1:]]


def compress(clause: Clause, ctx: Context, data: CueData) -> list[str]:
    """The clause as the words of a cue: leading connectives and the subject "I" dropped (a step
    reads as its verb), articles and fillers dropped, numbers said short ("94 → 31 min")."""
    words = _WORD.findall(_numbers_said_short(clause.text))
    while words and _low(words[0]) in data.words["lead"] | data.words["subject"]:
        words = words[1:]
    kept: list[str] = []
    for i, w in enumerate(words):
        after = _low(words[i + 1]) if i + 1 < len(words) else ""
        if _low(w) in data.words["filler"] and kept and after and _low(kept[-1]) == after:
            # Dropping it would say a word twice ("uses the target date, the date of …"): what
            # follows is a second item, and the cue ends before it ("uses target date").
            break
        if _low(w) not in data.words["filler"] or (_low(w) in ("a", "an") and after in _PERIODS):
            kept.append(w)   # a filler stays before a period: "four hours a week"
    return _lower_initial(kept, ctx)


_PERIODS = frozenset({"second", "minute", "hour", "day", "week", "month", "quarter", "year", "night", "run"})


# Object pronouns and particles end a phrase well ("designing it", "split them out"); the rest of
# the small words lead somewhere, so a cue never ends on them.
_ENDS_WELL = frozenset(["it", "them", "us", "me", "him", "her", "out", "up", "down", "off", "back", "over", "away"])
_TRAILING = (STOP_WORDS - _ENDS_WELL) | {ARROW, "and", "or", "but", "than", "as"}


def _trim(words: list[str]) -> list[str]:
    """No cue starts or ends on a word that leads somewhere ("on", "and", "→")."""
    while words and _low(words[-1]) in _TRAILING:
        words = words[:-1]
    while words and (_low(words[0]) in _TRAILING or _low(words[0]) in _ENDS_WELL) and _low(words[0]) not in _NEGATIONS:
        words = words[1:]
    return words


# A cue keeps its leading negation: "no decode crash in eight months", never "decode crash in…".
_NEGATIONS = frozenset(["no", "not", "never", "nothing", "nobody", "none", "neither", "nor"])


_DANGLING_LISTS = ("dangling_verbs", "dangling_adverbs", "dangling_prepositions")


def dangles(word: str, data: CueData | None = None) -> bool:
    """A word a cue cannot end on: an article, preposition, conjunction or "that" (it leads on),
    a verb that needs its object ("lets", "asked"), or an adverb that qualifies what follows
    ("only", "alone"); data/cues.toml lists the verbs and adverbs."""
    data = data or cue_data()
    low = _low(word)
    return low in _TRAILING or any(low in data.words[name] for name in _DANGLING_LISTS)


def ends_dangling(cue: str, data: CueData | None = None) -> bool:
    """The cue stops mid-thought, on a word that leads on ("ClickHouse only lets", "bytes rdkafka
    hands", "wrong that ClickHouse alone"); "split UNKNOWN rows out" and "verified them" end well."""
    words = _WORD.findall(cue)
    if len(words) > 1 and _low(words[-1]) in _ENDS_WELL and _low(words[-2]) in _SUBORDINATORS:
        return True   # "allowed when it": the pronoun is the subject of a clause the cue lost
    return bool(words) and dangles(words[-1], data)


_CLAUSE_OPENERS = frozenset(["where", "when", "whenever", "that", "which", "who", "whose", "because",
                             "while", "unless", "if"])
_SUBORDINATORS = frozenset(["when", "whenever", "if", "because", "that", "where", "which", "while",
                            "until", "before", "after", "unless", "once", "so"])


def _complete(words: list[str], data: CueData) -> list[str]:
    """`words` without the dangling words at their end ("approved design but asked" -> "approved
    design")."""
    while words and dangles(words[-1], data):
        words = _trim(words[:-1])
    return words


def _text(words: Sequence[str]) -> str:
    text = " ".join(words)
    return re.sub(r"\s+([,%])", r"\1", text).replace("( ", "(").replace(" )", ")")


def _windows(words: list[str], max_chars: int) -> Iterable[tuple[int, int]]:
    """Every stretch (start, end) of `words` whose `_text` is within `max_chars`. The length is
    added up word by word: `_text` joins with one space, except before "," "%" ")" and after "("."""
    joined = [0] + [0 if w[:1] in ",%)" or before.endswith("(") else 1
                    for before, w in zip(words, words[1:], strict=False)]
    for start in range(len(words)):
        length = len(words[start])
        end = start + 1
        while length <= max_chars:
            yield start, end
            if end == len(words):
                break
            length += joined[end] + len(words[end])
            end += 1


@dataclass(frozen=True)
class WindowWeights:
    """How a stretch of a long clause is judged as a cue (see `phrase`)."""

    anchor: float = 3.0        # each number or tool in it
    content: float = 2.0       # each word that carries meaning
    lone: float = -6.0         # fewer than two of them
    from_verb: float = 4.0     # a step told in the first person starts at its verb
    from_start: float = 1.0    # any other clause, where it starts
    number_noun: float = 3.0   # holds a number and the word after it ("11 warehouses")
    cut_mid: float = -6.0      # stops before a word that carries meaning ("tool's daily | users")
    names_only: float = -4.0   # only names, no role ("Django and PostgreSQL")
    clean_end: float = 2.0     # ends where the clause does, or before a small word ("on", "to")
    cut_number: float = -8.0   # a number kept without the noun after it (or a unit without its number)
    cut_name: float = -4.0     # starts inside a name ("Health" of "Tessellate Health")
    cut_clause: float = -6.0   # holds "where"/"that"/"when" and stops before that clause ends ("where good intentions")
    cut_start: float = -5.0    # starts inside a phrase ("night" of "every night", "began" without its subject)
    kept: float = 6.0          # holds the word its role keeps (`keep` in data/cues.toml: who, for collaborators)


WINDOW = WindowWeights()


def _prefix(flags: Iterable[bool]) -> list[int]:
    """Running counts: `out[k]` is how many of the first `k` flags are set."""
    return list(accumulate(map(int, flags), initial=0))


class _Stretches:
    """`_window_score` for every stretch of one clause's words, each in constant time: what it
    asks of each word (a number? meaning? a tool?) is worked out once and counted by prefix sums.
    Gives exactly `_window_score`'s value (tests/export/test_cue_phrases.py compares them)."""

    def __init__(self, words: list[str], ctx: Context, step: bool) -> None:
        self.words, self.ctx, self.step = words, ctx, step
        low = [_low(w) for w in words]
        number = [_is_number(w) for w in words]
        content = [not number[i] and w != ARROW and low[i] not in STOP_WORDS for i, w in enumerate(words)]
        anchor = [number[i] or low[i] in ctx.known or _codeish(w) for i, w in enumerate(words)]
        self.low = low
        self.content = _prefix(content)
        self.common = _prefix(content[i] and low[i] in COMMON_WORDS for i in range(len(words)))
        self.anchor = _prefix(anchor)
        self.opener = _prefix(w in _CLAUSE_OPENERS for w in low)
        self.role = _prefix(content[i] and not anchor[i] and not w[:1].isupper() for i, w in enumerate(words))
        self.number_noun = _prefix(number[i] and not number[i + 1] and low[i + 1] not in STOP_WORDS
                                   for i in range(len(words) - 1))
        self._start_costs: dict[int, float] = {}

    def _trimmed(self, start: int, end: int) -> bool:
        first, last = self.low[start], self.low[end - 1]
        return last in _TRAILING or ((first in _TRAILING or first in _ENDS_WELL) and first not in _NEGATIONS)

    def score(self, start: int, end: int) -> float:
        words = self.words
        if end <= start or self._trimmed(start, end) or ends_dangling(words[end - 1]):
            return float("-inf")
        after = words[end] if end < len(words) else None
        if after is not None and (_verb_cut_from_object(words[end - 1], after)
                                  or self.opener[end] - self.opener[max(start, end - 2)] > 0):
            return float("-inf")
        meaning = self.content[end] - self.content[start]
        common = self.common[end] - self.common[start]
        value = WINDOW.anchor * (self.anchor[end] - self.anchor[start]) + WINDOW.content * (meaning - common / 2)
        if start == 0:
            value += WINDOW.from_verb if self.step else WINDOW.from_start
        else:
            if start not in self._start_costs:
                self._start_costs[start] = _start_cost(words, start)
            value += self._start_costs[start]
        value += _end_score(words[start:end], after)
        if after is not None and self.opener[end] - self.opener[start + 1] > 0:
            value += WINDOW.cut_clause
        if meaning < 2:
            value += WINDOW.lone
        if end - start > 1 and self.number_noun[end - 1] - self.number_noun[start] > 0:
            value += WINDOW.number_noun
        if self.role[end] - self.role[start] == 0:
            value += WINDOW.names_only
        return value


_OBJECT_STARTS = frozenset(["a", "an", "the", "that", "this", "these", "those", "my", "our", "their",
                            "his", "her", "its", "them", "it", "me", "us", "him", "every", "each"])
# The words that open a noun phrase (data/lexicon.toml `determiners`, shared with the posting check).
_DETERMINERS = frozenset(lexicon_words("determiners"))


# After a word in -s, these start its object ("catches | each error"); "that", "them" and "it"
# also follow a plural noun ("the rows | that failed").
_DETERMINED_OBJECTS = _OBJECT_STARTS - {"that", "them", "it"}


def _verb_cut_from_object(last: str, after: str) -> bool:
    """"vendor added | a gateway", "began installing | 600,000 meters", "ClickHouse sorting | key",
    "nightly | runs": a verb, participle or "-ly" adjective whose object or noun the cut leaves
    behind."""
    low, nxt = _low(last), _low(after)
    if len(low) > 4 and low.endswith("ed") and nxt == "as":
        return True    # "replacement counted | as a duplicate"
    if len(low) > 4 and low.endswith("s") and not low.endswith("ss") and nxt in _DETERMINED_OBJECTS:
        return True    # "API catches | that error", "vendor delivers | each reading": a verb, its object cut
    if len(low) <= 4 or not low.endswith(("ed", "ing", "ly")):
        return False
    return nxt in _OBJECT_STARTS or (nxt not in STOP_WORDS and after != ARROW)


# Words that turn what follows into its opposite or a condition: a cue never starts just after them.
_TURNS_MEANING = _NEGATIONS | {"without", "unless", "if", "n't", "cannot", "didn't", "don't", "doesn't",
                               "wasn't", "isn't", "won't", "couldn't", "hardly"}


def _start_cost(words: list[str], start: int) -> float:
    """A stretch that starts after a number (its unit cut off), inside a name, or inside a phrase:
    after "every"/"the" ("night for next six months") or after its subject ("began installing")."""
    if any(_low(w) in _TURNS_MEANING for w in words[max(0, start - 3):start]):
        return float("-inf")   # "works only if every | writer follows protocol" says the opposite
    before = words[start - 1]
    if _is_number(before):
        return WINDOW.cut_number
    if before[:1].isupper() and words[start][:1].isupper():
        return WINDOW.cut_name
    low = _low(before)
    if low in ("a", "an", "the"):
        return 0.0   # the stretch is the noun phrase; its article is trimmed, not cut
    if low in _DETERMINERS or (low not in STOP_WORDS and before not in (",", ARROW)):
        return WINDOW.cut_start
    return 0.0


def _end_score(window: list[str], after: str | None) -> float:
    """Ending at the clause's end or before a small word is clean; before a word that carries
    meaning is a cut; a number whose noun follows outside the stretch is worse."""
    value = WINDOW.clean_end if after is None or _low(after) in STOP_WORDS else (
        0.0 if _is_number(after) else WINDOW.cut_mid)
    if after is not None and _is_count(window[-1]) and not _is_number(after):
        value += WINDOW.cut_number
    elif (after is not None and len(window) > 1 and _is_count(window[-2]) and "-" in window[-1]
          and _low(after) not in STOP_WORDS and not _is_number(after)):
        value += WINDOW.cut_number   # "11 cross-dock | warehouses": the number's noun is still to come
    return value


def _without_articles(words: list[str]) -> list[str]:
    """"a"/"an" read well in a cue that has room ("interview a tool's daily users"); a cue that
    must be cut drops them first ("a" before a period stays: "four hours a week")."""
    return [w for i, w in enumerate(words) if _low(w) not in ("a", "an")
            or (i + 1 < len(words) and _low(words[i + 1]) in _PERIODS)]


def _drop_first_verb(words: list[str]) -> list[str]:
    """"designed and built a service" -> "built a service": the last of two verbs carries the step."""
    if len(words) > 2 and _low(words[1]) == "and" and _low(words[0]).endswith("ed") and words[0].islower():
        return words[2:]
    return words


STEP_ROLES = frozenset({"action", "reflection", "differently"})   # a cue told from its verb
LESSON_ROLES = frozenset({"reflection", "differently"})          # a cue that is the lesson itself

# "I learned that…", "next time I would…", "the lesson was…": the words before the lesson.
_LESSON_OPENER = re.compile(
    r"^(?:(?:and|but|so)\s+)?(?:"
    r"(?:what\s+)?(?:i|we)\s+(?:have\s+)?(?:learned|learnt|realised|realized|took\s+away|now\s+know)"
    r"(?:\s+(?:is|was))?(?:\s+(?:that|to))?"
    r"|(?:the|my|one)\s+(?:(?:big|main|real|key)\s+)?lessons?(?:\s+(?:i|we)\s+\w+(?:\s+away)?)?(?:\s+(?:is|was))?(?:\s+that)?"
    r"|next\s+time,?(?:\s+(?:i|we)(?:'d|’d|\s+would|\s+will|\s+should)?)?"
    r"|if\s+i\s+did\s+it\s+again,?(?:\s+(?:i|we)(?:'d|’d|\s+would))?"
    r"|(?:i|we)(?:'d|’d|\s+would|\s+should\s+have)"
    r")\s+", re.I)


def lesson_of(clause: Clause) -> Clause:
    """The lesson without the words that announce it: "I learned that reviews need a rollback
    plan" -> "reviews need a rollback plan"; "next time I would interview the supervisors" ->
    "interview the supervisors". A clause that announces nothing is returned as it is."""
    rest = _LESSON_OPENER.sub("", clause.text, count=1)
    words = tuple(_WORD.findall(rest))
    if rest == clause.text or len(content_words(words)) < 2:
        return clause
    return Clause(rest, clause.index, words)


def phrase(clause: Clause, ctx: Context, max_chars: int, data: CueData | None = None,
           role: str = "") -> str:
    """The clause as one cue of at most `max_chars`, from its own words, never cut mid-thought:
    when it is too long, the stretch that keeps the most anchors and meaning, preferring one that
    starts at the verb and ends at a natural break (`WindowWeights`)."""
    if data is None or data is cue_data():
        return _phrase_memo(clause, ctx, max_chars, role)
    return _phrase(clause, ctx, max_chars, data, role)


@lru_cache(maxsize=8192)
def _phrase_memo(clause: Clause, ctx: Context, max_chars: int, role: str) -> str:
    """`phrase` with the packaged cue data, remembered: the cheat sheet tries each story at
    several fit levels, and a level that only shows fewer cues asks for the same phrases again."""
    return _phrase(clause, ctx, max_chars, cue_data(), role)


def _phrase(clause: Clause, ctx: Context, max_chars: int, data: CueData, role: str) -> str:
    if role in LESSON_ROLES:
        clause = lesson_of(clause)
    words = _complete(_trim(compress(clause, ctx, data)), data)
    if words and len(_text(words)) <= max_chars:
        return _text(words)
    step = _is_step([_low(w) for w in clause.words], data)
    keep_verb = role in STEP_ROLES and step
    # With its articles when that keeps as much of the clause; without them when they cost words.
    keep = data.kept(role)
    tries = [_best_window(_drop_first_verb(w), ctx, max_chars, step, keep_verb, keep)
             for w in (words, _without_articles(words))]
    best = max(tries, key=lambda t: t[0])
    # No stretch ends on a complete thought: the clause gives no cue.
    return best[1] if best[0] > float("-inf") else ""


def _best_window(words: list[str], ctx: Context, max_chars: int, step: bool, keep_verb: bool,
                 keep: frozenset[str] = frozenset()) -> tuple[float, str]:
    """The best-scored stretch of `words` within `max_chars`, with its score; one that holds a
    word of `keep` gains `WINDOW.kept` when the clause has one."""
    if not words:
        return float("-inf"), ""
    if len(_text(words)) <= max_chars:
        return float("inf"), _text(words)
    windows = list(_windows(words, max_chars))
    if keep_verb:
        # A step said in the first person keeps its verb: only where it stops is chosen.
        windows = [w for w in windows if w[0] == 0] or windows
    has_kept = any(_low(w) in keep for w in words)
    stretches = _Stretches(words, ctx, step)
    scored = [(stretches.score(s, e)
               + (WINDOW.kept if has_kept and _keeps(words[s:e], keep) else 0.0), s, e)
              for s, e in windows]
    best = max(scored, key=lambda t: t[0], default=None)
    return (best[0], _text(words[best[1]:best[2]])) if best else (float("-inf"), "")


def _keeps(window: list[str], keep: frozenset[str]) -> bool:
    """The stretch holds a word of `keep` and says something about it: "SRE paired with me on
    rebuild", not the bare "on-call engineer"."""
    return any(_low(w) in keep for w in window) and len(content_words(window)) >= 3


def is_bare(cue: str, known: frozenset[str] = frozenset()) -> bool:
    """A number with at most a unit and no noun ("94 min", "$1.3M", "30%"), or one lone word that
    is not a tool's name ("understood", "instinct", "IDs"; but "ClickHouse", or a tool in `known`)."""
    words = _WORD.findall(cue)
    units = {u.lower() for u in _SHORT_UNITS.values()}
    rest = [w for w in words if not _is_number(w) and w != ARROW and _low(w) not in units]
    if any(_is_number(w) for w in words):
        return not rest
    meaning = content_words(words)
    if len(meaning) >= 2:
        return False
    return not any(_low(w) in known or _name_like(w) for w in meaning)


def _name_like(word: str) -> bool:
    """Spelled like a product's name: "ClickHouse", "pg_stat_statements", "Node.js" (not "IDs")."""
    upper = sum(c.isupper() for c in word)
    return len(word) >= 5 and (_codeish(word) and (upper >= 2 or not word[:1].isupper()) or "_" in word)


# --- a part's cues -------------------------------------------------------------------------------

_LABELS = frozenset(["year", "years", "week", "month", "quarter", "grade", "level", "version", "step", "phase", "stage", "round", "day", "room", "bed", "ward", "class", "module", "chapter", "section", "rule", "article", "item", "form", "schedule", "tier", "zone", "route", "page", "paragraph", "clause", "exhibit", "appendix", "tab", "line"])
_YEAR = re.compile(r"(?:19|20)\d\d")


def ends_without_noun(cue: str) -> bool:
    """The cue ends on a number whose noun it lost ("reach 60", "has caught 11"). A change's
    second number ("47 min → 3"), a year ("in 2024") and a label's number ("Year 12") are fine."""
    words = _WORD.findall(cue)
    if not words or not _is_count(words[-1]) or not _is_number(words[-1]) and len(words) == 1:
        return False
    last = words[-1]
    if not _is_number(last):
        return len(words) > 1 and _low(words[-2]) not in _LABELS
    if not re.fullmatch(r"[$€£]?\d[\d,.]*", last):
        return False  # "40%", "120ms", "5h": the unit is attached
    if len(words) > 3 and _low(words[-2]) in ("and", "or", "to") and _is_number(words[-3]):
        words = words[:-2]  # "Year 12 and 13": the label counts for both
    before = _low(words[-2]) if len(words) > 1 else ""
    # A comparison's second number shares the first one's noun ("sent only 9 to the ecologist,
    # against the 40 she expected"), as a change's does after its arrow.
    compared = before in _COMPARED and any(_is_number(w) for w in words[:-2])
    return not (before == ARROW or compared or _YEAR.fullmatch(last) or before in _LABELS)


_COMPARED = frozenset(["against", "versus", "vs", "than"])


def says_little(cue: str, data: CueData | None = None) -> bool:
    """Every word that carries meaning is a common one or names the beat itself ("main
    alternative", "good lesson"): the cue does not say which story it is."""
    data = data or cue_data()
    empty = COMMON_WORDS | data.words["beat_names"]
    meaning = content_words(_WORD.findall(cue))
    return bool(meaning) and all(_low(w) in empty for w in meaning)


def _key(cue: str) -> set[str]:
    return {_low(w) for w in content_words(_WORD.findall(cue))}


def part_cues(text: str, role: str, ctx: Context, n: int, max_chars: int) -> list[str]:
    """The `n` best cues of one part (`role`: a part or a probe id), in the order the story tells
    them. A clause whose phrase would be a bare number or a lone word is passed over, and so is
    one that mostly repeats a cue already chosen."""
    if n <= 0 or not text.strip():
        return []
    return list(_part_cues(_head_of(text), role, ctx, n, max_chars))


CUE_TEXT_CHARS = 12_000  # about 2,000 words: four times the longest beat anyone says aloud


def _head_of(text: str) -> str:
    """The part of a beat its cues are taken from: all of it, unless it runs to pages (a pasted
    document), when only its first pages are read, so a 4 MB field costs what 12 kB does."""
    if len(text) <= CUE_TEXT_CHARS:
        return text
    cut = text.rfind(" ", 0, CUE_TEXT_CHARS)
    return text[: cut if cut > 0 else CUE_TEXT_CHARS]


@lru_cache(maxsize=4096)
def _part_cues(text: str, role: str, ctx: Context, n: int, max_chars: int) -> tuple[str, ...]:
    data = cue_data()
    found = clauses(text)
    ranked = sorted(found, key=lambda c: (-score(c, role, ctx, data), c.index))
    chosen: list[tuple[int, str]] = []
    seen: set[str] = set()
    for clause in ranked:
        if len(chosen) >= n:
            break
        cue = phrase(clause, ctx, max_chars, data, role)
        key = _key(cue)
        if (not cue or is_bare(cue, ctx.known) or ends_without_noun(cue) or ends_dangling(cue, data)
                or says_little(cue, data)
                or (key and len(key & seen) * 2 > len(key))):
            continue
        chosen.append((clause.index, cue))
        seen |= key
    for clause in ranked if not chosen else ():  # a part is never shown empty when it has text
        cue = phrase(clause, ctx, max_chars, data, role)
        if cue and not is_bare(cue, ctx.known):
            chosen = [(clause.index, cue)]
            break
    return tuple(cue for _, cue in sorted(chosen))
