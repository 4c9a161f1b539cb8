"""Which story of the bank an answer tells, if any: recognised from what it says, never picked.

Each story is indexed once by everything a speaker could say of it (title, ownership line, the
four parts, the prepared follow-ups, the metrics): its content words, pairs of content words in a
row ("provider table", "claim lines"), its numbers (spoken or written, "four hundred and twenty
million" = 420000000) and its names (the technologies listed, and the words the story capitalises
mid-sentence or spells like code: "Tessellate", "ClickHouse", "argMax").

An answer is scored against each story by how much of what it says that story explains: the
weighted share of the answer's terms found in the story, where a name weighs more than a word, a
number more than a name (RECOGNISE_WEIGHTS), and a term every story shares weighs less than one
only this story has (an inverse document frequency over the bank). A name misheard by a
recogniser ("Tesolate Health") still counts, at half weight, when it is close enough in spelling.
The share is then damped until enough evidence has piled up (EVIDENCE), so three shared words in
a two-sentence answer do not make a recognition. Everyday words ("pulled", "quickly", "aside",
`data/answers.toml` [recognise].common) and the words any answer to the story's question types
says (the catalog's own account of the type, TYPE_WORD) count little or not at all, so two
schedules or two Spark skew fixes do not pass for each other on their shared vocabulary; a name
the answer says that the story lacks (another company) counts against it.

The story is recognised when its score reaches RECOGNISED (0-100 scale); below that the answer is
judged on its own, as telling no story of the bank. Measured on the labelled set
`tests/answers/tellings.toml` and the corpora by `tests/answers/measure_recognition.py` (the
numbers are in that script's docstring): tellings in fresh words score 78 and up, a candid
retelling with no numbers or names 59, other candidates' answers on a bank story's own ground
48 at most.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from storybank.analysis.types import RankedStory

if TYPE_CHECKING:
    from storybank.catalog import Catalog
    from storybank.model import Story

RECOGNISED = 52.0   # the score (0-100) from which an answer tells the story
EVIDENCE = 8.0      # weighted matches needed before the share counts in full
FUZZY = 80          # rapidfuzz ratio for a misheard name (6 letters or more) to count
# How much each kind of term weighs. A name is a word the story capitalises or spells like code
# and that is not a well-known technology ("Tessellate", not "Spark"); a name the answer says
# and the story does not have ("Vendora") weighs `stranger`: another company, another story. A
# pair of content words in a row adds to the evidence when the story has it too but costs
# nothing when it does not (a fresh wording makes fresh pairs).
RECOGNISE_WEIGHTS = {"word": 1.0, "name": 2.5, "stranger": 4.0, "number": 3.0, "round": 1.0,
                     "year": 1.0, "pair": 1.0}
# A word any answer to the story's question types says (the catalog's own wording of the type:
# "evenings", "hours a week", "day job" for a schedule; weekdays and months for any story)
# tells little about which story it is: it weighs this share of a word, for and against.
TYPE_WORD = 0.3

_TOKEN = re.compile(r"[a-z0-9]+")
# A name: a word capitalised mid-sentence, a mixed-case or snake_case word.
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][A-Za-z0-9]*[a-z0-9][A-Za-z0-9]*|[A-Za-z]+[A-Z][A-Za-z0-9]*"
                   r"|[a-z]+_[a-z_]+)\b", re.M)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


@lru_cache(maxsize=1)
def _stop() -> frozenset[str]:
    from storybank.cues import COMMON_WORDS, STOP_WORDS, UNIT_WORDS

    extra = {"i'm", "ve", "ll", "re", "don", "didn", "wasn", "isn", "couldn", "wouldn", "also",
             "okay", "yeah", "um", "uh", "really", "actually", "basically", "pretty", "thing",
             "around", "almost", "about", "one", "two", "three", "four", "five", "six", "seven",
             "eight", "nine", "ten", "hundred", "thousand", "million", "billion", "half", "percent",
             "honestly", "something", "anything", "everything", "lot", "lots"}
    from storybank.answers.data import answer_data

    common = set(answer_data()["recognise"]["common"])
    return frozenset({w.replace("'", "") for w in STOP_WORDS | COMMON_WORDS | common} | extra
                     | (UNIT_WORDS - {"readings", "meters", "claims", "warehouses"}))


def _stem(token: str) -> str:
    for suffix in ("ings", "ing", "ed", "es", "s", "ly"):
        if len(token) > len(suffix) + 3 and token.endswith(suffix):
            return token[: -len(suffix)]
    return token


def _tokens(text: str) -> list[str]:
    from storybank.speech.numbers import with_digits

    return _TOKEN.findall(with_digits(text).lower())


@dataclass(frozen=True)
class Terms:
    """What a text says, as the recogniser weighs it."""

    words: frozenset[str]      # stemmed content words
    pairs: frozenset[str]      # two content words in a row
    numbers: frozenset[str]    # numbers said, but small counts and years
    names: frozenset[str]      # stemmed words of the names it uses

    def weighted(self) -> dict[str, float]:
        """The unigram terms (words and numbers) with their base weights (names as words: the
        recogniser weighs them against each story)."""
        w = RECOGNISE_WEIGHTS
        out = {f"w:{t}": w["word"] for t in self.words}
        for number in self.numbers:
            out[f"n:{number}"] = w[_number_kind(number)]
        return out


def _number_kind(token: str) -> str:
    """A year, a round number (10, 50, 300: said of many things) or a telling one (4.2, 340)."""
    value = float(token)
    if token.isdigit() and 1900 <= value <= 2100:
        return "year"
    digits = token.replace(".", "").strip("0")
    return "round" if len(digits) <= 1 and value < 1000 else "number"


def terms(text: str) -> Terms:
    stop = _stop()
    words: list[str] = []
    numbers: set[str] = set()
    for token in _tokens(text):
        if _is_number(token):
            if not token.isdigit() or int(token) >= 10:
                numbers.add(token)
            continue
        if token in stop or len(token) < 3:
            continue
        words.append(_stem(token))
    names = names_in(text)
    # The pieces of a joined name ("ReplacingMergeTree": replacing, merge, tree) are said apart.
    pieces = [_stem(t) for m in _NAME.finditer(text) if _CAMEL.search(m.group(1))
              for t in _TOKEN.findall(_CAMEL.sub(" ", m.group(1)).lower()) if len(t) >= 3]
    pairs = {f"{a} {b}" for a, b in zip(words, words[1:], strict=False) if a != b}
    return Terms(frozenset(words) | frozenset(pieces), frozenset(pairs), frozenset(numbers),
                 names)


def names_in(text: str) -> frozenset[str]:
    """The stemmed words of the names `text` uses (a weekday or a month is no name)."""
    from storybank.cues import CALENDAR_WORDS

    stop = _stop() | CALENDAR_WORDS
    found: set[str] = set()
    for match in _NAME.finditer(text):
        for token in _TOKEN.findall(match.group(1).lower()):
            if len(token) >= 3 and token not in stop and not token.isdigit():
                found.add(_stem(token))
    return frozenset(found)


def _is_number(token: str) -> bool:
    if not token[:1].isdigit():
        return False
    try:
        float(token)
    except ValueError:
        return False
    return True


def story_text(story: Story) -> str:
    """Everything a speaker could say of `story`."""
    from storybank.cues import metric_text
    from storybank.model import PROBES

    pieces = [story.title, story.ownership, story.answer_text(),
              *(story.followup(p) for p in PROBES), " ".join(story.technologies)]
    for metric in story.metrics:
        values = [v for v in (metric.value, metric.before, metric.after) if v is not None]
        pieces.append(f"{metric.name} " + " ".join(_plain(v) for v in values) + " " + metric_text(metric))
    return "\n".join(p for p in pieces if p)


def _plain(value: float) -> str:
    return f"{value:f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)


@dataclass(frozen=True)
class Indexed:
    id: str
    title: str
    terms: frozenset[str]       # unigram keys as in Terms.weighted()
    pairs: frozenset[str]
    names: frozenset[str]       # stemmed name words


class Recogniser:
    """The bank's stories indexed once; `scores` and `recognise` ask it about an answer.

    With the `catalog`, its known technologies weigh as plain words, not names (they do not tell
    one candidate's stories from another's), and each story's question types lend it their
    vocabulary as words too common to tell (TYPE_WORD)."""

    def __init__(self, stories: Iterable[tuple[str, Story]], catalog: Catalog | None = None) -> None:
        from storybank.cues import CALENDAR_WORDS

        known = catalog.technologies.known if catalog is not None else ()
        self.generic = frozenset(_stem(t) for name in known for t in _TOKEN.findall(name.lower()))
        calendar = frozenset(_stem(w) for w in CALENDAR_WORDS)
        self.stories: list[Indexed] = []
        self.typical: dict[str, frozenset[str]] = {}
        for sid, story in stories:
            said = terms(story_text(story))
            listed = frozenset(_stem(t) for name in story.technologies
                               for t in _TOKEN.findall(name.lower()) if len(t) >= 3)
            self.stories.append(Indexed(sid, story.title, frozenset(said.weighted()), said.pairs,
                                        (said.names | listed) - self.generic))
            self.typical[sid] = calendar | _type_words(catalog, tuple(story.questions))
        count = len(self.stories)
        df: dict[str, int] = {}
        for s in self.stories:
            for key in (*s.terms, *(f"p:{p}" for p in s.pairs)):
                df[key] = df.get(key, 0) + 1
        # 1 for a term one story has, falling towards 0 for a term every story has.
        self.idf = {key: math.log(1 + count / n) / math.log(1 + count) for key, n in df.items()} \
            if count > 1 else {}

    def scores(self, text: str) -> list[RankedStory]:
        """Every story with its score for this answer (0-100), best first."""
        answer = terms(text)
        said = answer.weighted()
        strangers = answer.names - self.generic
        words = [k[2:] for k in said if k.startswith("w:")]
        w = RECOGNISE_WEIGHTS
        out = []
        for s in self.stories:
            total = matched = 0.0
            typical = self.typical[s.id]
            for key, base in said.items():
                word = key[2:] if key.startswith("w:") else ""
                if word in typical:
                    base *= TYPE_WORD
                if key in s.terms:
                    weight = (w["name"] if word in s.names else base) * self.idf.get(key, 1.0)
                    matched += weight
                else:
                    weight = w["stranger"] if word in strangers else base
                total += weight
            matched += w["pair"] * sum(self.idf.get(f"p:{p}", 1.0) for p in answer.pairs & s.pairs)
            matched += 0.5 * self._misheard(words, s)
            share = min(1.0, matched / total) if total else 0.0
            score = 100.0 * share * min(1.0, matched / EVIDENCE)
            out.append(RankedStory(s.id, s.title, round(min(100.0, score), 1)))
        out.sort(key=lambda r: (-r.score, r.id))
        return out

    def _misheard(self, words: Sequence[str], story: Indexed) -> float:
        """Weight of the story's long names the answer says only as a near miss."""
        said = set(words)
        missing = [n for n in story.names if len(n) >= 6 and n not in said]
        if not missing or not said:
            return 0.0
        from rapidfuzz import fuzz, process

        total = 0.0
        for name in missing:
            hit = process.extractOne(name, said, scorer=fuzz.ratio, score_cutoff=FUZZY)
            if hit is not None:
                total += RECOGNISE_WEIGHTS["name"] * self.idf.get(f"w:{name}", 1.0)
        return total

    def recognise(self, text: str, threshold: float = RECOGNISED) -> RankedStory | None:
        """The story this answer tells, or None when it tells none of the bank's."""
        ranked = self.scores(text)
        if ranked and ranked[0].score >= threshold:
            return ranked[0]
        return None


def _type_words(catalog: Catalog | None, questions: tuple[str, ...]) -> frozenset[str]:
    """The stemmed content words of the catalog's account of these question types."""
    if catalog is None:
        return frozenset()
    from storybank.catalog import memo

    stored: dict[str, frozenset[str]] = memo(catalog).setdefault("type_words", {})
    found: set[str] = set()
    for qid in questions:
        if qid not in stored:
            stored[qid] = _type_vocabulary(catalog, qid)
        found |= stored[qid]
    return frozenset(found)


def _type_vocabulary(catalog: Catalog, qid: str) -> frozenset[str]:
    found: set[str] = set()
    q = catalog.question(qid)
    if q is not None:
        texts = [q.question, q.label, *q.phrasings, *q.keywords, *q.strong, *q.pitfalls_summary,
                 q.guidance, q.gap_hint, *q.followups]
        for p in q.pitfalls:
            texts.extend(p.phrases)
        found |= terms(" ".join(texts)).words
    return frozenset(found)


def recogniser_for(stories: Sequence[tuple[str, Story]], catalog: Catalog | None = None,
                   key: Sequence[str] = ()) -> Recogniser:
    """A recogniser for these stories, built once per set of story versions and kept with the
    catalog (`key`: a content digest per story, as `bank.StoryFile.digest` gives; without one,
    the stories' JSON). A bank of a few dozen stories takes milliseconds to index."""
    digests = tuple(key) if key else tuple(s.model_dump_json() for _, s in stories)
    cache_key = tuple(zip((sid for sid, _ in stories), digests, strict=True))
    from storybank.catalog import memo

    store: dict[object, Recogniser] = memo(catalog).setdefault("recognisers", {}) \
        if catalog is not None else _PLAIN
    found = store.get(cache_key)
    if found is None:
        if len(store) > 8:
            store.clear()
        found = store[cache_key] = Recogniser(stories, catalog)
    return found


_PLAIN: dict[object, Recogniser] = {}
