"""Key terms of one requirement, and the keys a story sentence is matched by.

A requirement bullet is split at common words (grammar and the padding every posting uses:
"strong", "experience", "ability to"); what is left are its terms ("distributed systems",
"Kafka", "sepsis protocols"). For matching, each remaining word is a *unit* with a weight:

- a **name** (a tool, a language, an acronym: `Kafka`, `C++`, `ICU`, `ACLS`, `Spanish`) weighs 2;
  names joined by "or" or listed after "such as" are one unit, any of them will do;
- a **word** weighs 1, or 0.5 when it is one every field's postings use ("build", "support",
  "stakeholders", "systems");
- words are compared by their stems (`stem.py`), so "optimising" meets "optimized"; hyphenated
  words also as one key ("on-call" meets "on call"); names through their aliases
  ("PostgreSQL" / "Postgres", "ICU" / "intensive care"); and words through the synonym groups
  of `data/postings.toml` ("mentoring" / "coached"), which count for less.

A short name that is also a common word ("Go", "R", "ED") is matched only as written, so "go to
the ED" is not emergency-department experience and "I had to go" is not Go.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from storybank.postings import lexicon
from storybank.postings.stem import stem

TOKEN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9+#&'’.\-/]*[A-Za-z0-9+#])?")
_POSSESSIVE = re.compile(r"['’]s$")
_NUMBER = re.compile(r"^[\d.,:/+%-]+[a-z]{0,2}$")
# Between two names that are alternatives: "Go or Java", "Python/Ruby", "(Kafka, Pulsar or SQS)".
_ALT_GAP = re.compile(r"^[\s,/&()]*(?:(?:and/or|or|and)\b)?[\s,/&()]*$", re.I)
_LIST_INTRO = re.compile(r"(?:such as|e\.g\.?|eg|like|including|incl\.?|for example|for instance|one of|any of|"
                         r"either|particularly|especially|in particular|notably|\()[,:]?\s*$", re.I)

SYNONYM_FACTOR = 0.6


@dataclass(frozen=True)
class Unit:
    """One thing a requirement asks for, and how a story sentence shows it."""

    label: str                  # as the posting says it: "Kafka", "Go / Java", "mentoring"
    keys: frozenset[str]        # a sentence holding any of these covers the unit
    weight: float
    name: bool = False          # a tool, language, acronym
    synonyms: frozenset[str] = frozenset()   # keys that cover it at SYNONYM_FACTOR
    self_role: bool = False     # the candidate's own role ("charge nurse or preceptor experience"):
                                # a sentence naming someone else in that role does not show it
    groups: tuple[frozenset[str], ...] = ()   # "X Y or Z W": met only by all of one side's keys
    part: str = ""              # "category" before "such as", "example" after it: an example
                                # met shows its category ("observability tooling such as Grafana")
    kind: bool = False          # the word opening a noun compound, naming the kind asked for
                                # ("Motor insurance pricing"): a sentence without it shows another kind


def tokens(text: str) -> list[str]:
    """The words of `text` as written, possessives dropped ("Kafka's" -> "Kafka")."""
    return [_POSSESSIVE.sub("", t) for t in TOKEN.findall(text)]


@lru_cache(maxsize=65536)
def key(word: str) -> str:
    """The matching key of one word: its stem, lowercase ("preceptor" as "precepted")."""
    low = word.lower().replace("’", "'")
    if "-" in low or "/" in low:
        return "-".join(_agent(stem(_adverb(p))) for p in re.split(r"[-/]", low) if p)
    return _agent(stem(_adverb(low)))


# Adverbs in -ly whose adjective Porter's stemmer leaves apart: "fluently" / "fluent",
# "regularly" / "regular", "directly", "promptly", "thoroughly" (round 17: a story says "I speak
# English fluently" for "Fluency in English"). Not "early", "family", "supply", "assembly", nor
# "roughly", a count ("roughly 40 jobs") and no rough work.
_LY = re.compile(r"(?:ent|ant|ct|pt|ar|ous|ful|ive|thorough)ly$")


def _adverb(low: str) -> str:
    return low[:-2] if len(low) > 6 and _LY.search(low) else low


def _agent(k: str) -> str:
    return _agents().get(k, k)


@lru_cache(maxsize=1)
def _agents() -> dict[str, str]:
    """Agent noun stem -> the verb's stem (data/postings.toml [agents])."""
    return {stem(noun): stem(verb) for verb, noun in lexicon.data()["agents"]["pairs"]}


def phrase_key(phrase: str) -> str:
    """The key of a phrase of one or more words: "intensive care" -> "intens-care"."""
    return "-".join(key(w) for w in tokens(phrase))


@lru_cache(maxsize=1)
def _stop() -> frozenset[str]:
    return lexicon.words("terms", "stop")


@lru_cache(maxsize=1)
def _weak() -> frozenset[str]:
    return frozenset(key(w) for w in lexicon.words("terms", "weak"))


@lru_cache(maxsize=1)
def _known_names() -> frozenset[str]:
    return lexicon.words("terms", "names")


@lru_cache(maxsize=1)
def aliases() -> dict[str, frozenset[str]]:
    """Key -> every key naming the same thing (itself included)."""
    out: dict[str, set[str]] = {}
    for canonical, others in lexicon.data()["aliases"].items():
        group = {phrase_key(canonical), *(phrase_key(o) for o in others)}
        for k in group:
            out.setdefault(k, set()).update(group)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def synonyms() -> dict[str, frozenset[str]]:
    """Key -> the other keys of its synonym groups."""
    out: dict[str, set[str]] = {}
    for group in lexicon.synonym_groups():
        keys = {phrase_key(p) for p in group}
        for k in keys:
            out.setdefault(k, set()).update(keys - {k})
    return {k: frozenset(v) for k, v in out.items()}


def _symbols(word: str) -> bool:
    """C++, C#, K8s, EC2."""
    return any(ch in word for ch in "+#") or (any(ch.isdigit() for ch in word) and any(ch.isalpha() for ch in word))


def _acronym(word: str) -> bool:
    """ICU, SQL, ACLS, HIPAA."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _inner_capital(word: str) -> bool:
    """PostgreSQL, GraphQL, iOS."""
    return any(c.isupper() for c in word[1:]) and any(c.islower() for c in word)


def _dotted(word: str) -> bool:
    """Node.js."""
    return "." in word.strip(".") and any(c.isalpha() for c in word)


# The shapes of a written word that make it a name, whatever the word.
_NAME_SHAPES = (_symbols, _acronym, _inner_capital, _dotted)


def is_name(word: str, first: bool) -> bool:
    """Is `word` (as written) a name: a tool, a language, an acronym?"""
    low = word.lower()
    if word in lexicon.known_names():
        return True
    if (low in _stop() and not (word.isupper() and len(word) >= 2)) or word[:1].isdigit():
        return False                          # a common word; 12-hour, 24-bed, 3rd
    if any(shape(word) for shape in _NAME_SHAPES) or low in _known_names():
        return True
    return word[:1].isupper() and not first and low not in _weak()


def cased(word: str) -> bool:
    """A name matched only as written: short, or a common word in lowercase ("Go", "ED", "R")."""
    return len(word) <= 2 or word.lower() in _stop() or (word.isupper() and len(word) <= 5)


def unit_keys(word: str, name: bool) -> frozenset[str]:
    if " " in word:                       # a phrase of the word lists, joined ("Key Stage 3")
        k = phrase_key(word)
        return frozenset({k, *aliases().get(k, ())})
    k = key(word)
    keys = {k, *aliases().get(k, ())}
    if name and cased(word):
        keys.discard(k)
        keys.add("=" + word)
    elif not name and "/" in word:
        # Words joined by a slash are either ("a hotel/resort environment"): a story says one.
        # Not a stop word ("and/or", "his/her"): every story says "and".
        keys.update(key(part) for part in word.split("/") if len(part) >= 3 and part.lower() not in _stop())
    return frozenset(keys)


def _either_name(word: str) -> frozenset[str]:
    """The keys of names joined by a slash, each alone: they are either ("HPLC/UPLC",
    "OOS/OOT", "MEL/CDL", "PSURs/PBRERs"), and a story says "HPLC and UPLC assays"; so are
    acronyms and a word ("GPS/RTK/conventional fieldwork", round 19: "We used RTK"). Parts of one
    letter ("A/B"), a pair known as one name ("CI/CD") and languages ("Spanish/English", a pair
    both asked) are not split."""
    if "/" not in word or key(word) in aliases():
        return frozenset()
    parts = [p for p in word.split("/") if len(p) >= 2]
    acronyms = [p for p in parts if p.removesuffix("s").isupper()]
    if not acronyms or any(p.lower() in _languages() for p in parts):
        return frozenset()
    return frozenset().union(*(unit_keys(part, True) if part in acronyms else frozenset({key(part)})
                               for part in parts))


@lru_cache(maxsize=1)
def _languages() -> frozenset[str]:
    """The languages a posting names (`[members] language`, which leaves out English: a posting
    asks for English and another language)."""
    return frozenset(lexicon.data()["members"]["language"]) | {"english"}


@dataclass(frozen=True)
class _Tok:
    text: str
    start: int
    end: int
    first: bool


def _scan(text: str) -> list[_Tok]:
    out = []
    sentence_start = True
    last_end = 0
    for m in TOKEN.finditer(text):
        gap = text[last_end:m.start()]
        if re.search(r"[.!?:;]\s*$", gap) or last_end == 0:
            sentence_start = True
        word = _POSSESSIVE.sub("", m.group(0)).rstrip(".")
        out.append(_Tok(word, m.start(), m.end(), sentence_start))
        sentence_start = False
        last_end = m.end()
    return out


@lru_cache(maxsize=1)
def _idioms() -> re.Pattern[str]:
    words = sorted(lexicon.data()["terms"]["idioms"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


# The reason a posting gives for asking ("…, since our learners rotate through every unit",
# "UIKit, because a lot of our screens still live there"): it asks nothing more.
_REASON = re.compile(r"(?:,\s*|\s[-–—]\s*)(?:since|because|as (?:our|we|you|the team|this)|so that|given that)\s[^;]*$", re.I)
# The same reason said first, up to its comma: "Because our studies run in Rave, hands-on
# experience building … in Medidata Rave is essential", "Because most of our clients are chilled
# sites, environmental monitoring for Listeria is essential".
_REASON_FIRST = re.compile(r"^\W*(?:because|since(?!\s+\d)|given that|as (?:our|we|you|the team|this))\s[^,;]*,", re.I)


def _without_idioms(text: str) -> str:
    """The requirement with its set phrases and its stated reason (after it or before it)
    blanked out, letter for letter ("as a matter of course", "day to day"): they ask for nothing, and their words would
    be looked for."""
    text = _idioms().sub(lambda m: " " * len(m.group()), text)
    text = _REASON_FIRST.sub(lambda m: " " * len(m.group()), text)
    return _REASON.sub(lambda m: " " * len(m.group()), text)


def analyse(text: str) -> tuple[list[str], tuple[Unit, ...]]:
    """The display terms of a requirement and its units."""
    text = _without_idioms(text)
    # Phrases of the word lists first, stop words and numbers included ("Key Stage 3").
    toks = [t for t, _n in _join_phrases(text, [(t, False) for t in _scan(text)])]
    stop = _stop()
    content: list[tuple[_Tok, bool]] = []   # (token, is_name)
    for tok in toks:
        low = tok.text.lower()
        if _NUMBER.match(low) and " " not in low:
            continue
        name = is_name(tok.text, tok.first)
        if low in stop and not name:
            continue
        content.append((tok, name))
    content = _join_phrases(text, _alternate_names(text, content))
    # Display terms: runs of content tokens standing next to each other in the text.
    terms: list[str] = []
    run: list[_Tok] = []

    def close() -> None:
        if run:
            terms.append(text[run[0].start:run[-1].end])
            run.clear()

    for tok, _name in content:
        if run and not re.fullmatch(r"[\s-]*", text[run[-1].end:tok.start]):
            close()
        run.append(tok)
    close()
    units = _units(text, content)
    units = _lighten_constraints(text, [_mark_role(text, u) for u in units])
    return _dedupe_terms(terms), _merge(_mark_kind(text, _mark_examples(text, units)))


def _mark_kind(text: str, units: list[Unit]) -> list[Unit]:
    """The first unit, when a word of its own and standing right before the next one ("Motor
    insurance", "Oncology clinical trial"), names the kind of the thing asked."""
    if len(units) < 2 or units[0].name or units[0].weight < 1.0 or " " in units[0].label:
        return units
    first, second = units[0].label, units[1].label.split(" / ")[0]
    at = text.find(first)
    if at < 0 or not re.match(r"\s+" + re.escape(second), text[at + len(first):]):
        return units
    return [replace(units[0], kind=True), *units[1:]]


_CONSTRAINT = re.compile(r"\bwithout\s", re.I)
_CONSTRAINT_END = re.compile(r"[,;.]|\s(?:and|but|or)\s", re.I)
CONSTRAINT_WEIGHT = 0.5


def _lighten_constraints(text: str, units: list[Unit]) -> list[Unit]:
    """What follows "without" is a condition on the doing ("deliver under tight deadlines
    without compromising accuracy"), which a story rarely says in so many words: it weighs
    less."""
    found = _CONSTRAINT.search(text)
    if found is None:
        return units
    # The condition runs to the next comma or "and": "keep working without a connection and
    # reconcile data" asks for the reconciling in full.
    stop = _CONSTRAINT_END.search(text, found.end())
    end = stop.start() if stop is not None else len(text)
    return [replace(u, weight=min(u.weight, CONSTRAINT_WEIGHT))
            if found.end() <= text.find(u.label.split(" / ")[0]) < end else u for u in units]


_EXAMPLES = re.compile(r"\b(?:such as|e\.g\.?|for example|for instance|including|incl\.|like|particularly|especially|"
                       r"in particular|notably)[,:]?\s"
                       # names in brackets right after what they are examples of: "a cloud
                       # warehouse (Snowflake, BigQuery or Redshift)"
                       r"|(?<=\w)\s\((?=(?-i:[A-Z0-9])[\w.+#-]*(?:,|\s+or\s|\)))"
                       # names listed after a colon: "Communication buses: CAN, SPI, I2C"
                       r"|(?<=\w):\s(?=(?-i:[A-Z0-9])[\w.+#-]*,\s*(?-i:[A-Z0-9]))", re.I)


_EXAMPLES_END = re.compile(r"[;)]|,\s+(?:and|but)\s|\.\s", re.I)
_CATEGORY_START = re.compile(r"[,;:(]|\b(?:for|with|in|of|on|to|at|an|a|the|and|or|by|from|using|into)\s", re.I)


def _mark_examples(text: str, units: list[Unit]) -> list[Unit]:
    """Before "such as" the category, after it the examples: "observability tooling such as
    Prometheus": Prometheus met is observability tooling met."""
    intro = _EXAMPLES.search(text)
    if intro is None:
        return units
    # The category is the phrase right before "such as": "mark for an exam board such as AQA"
    # asks for marking, and AQA is an example of an exam board only.
    head = text[:intro.start()].rstrip(" ,;:(")
    starts = [m.end() for m in _CATEGORY_START.finditer(head)]
    begin = starts[-1] if starts else 0
    # The examples end where the list does: "such as GBMs, and when to use them alongside GLMs".
    close = _EXAMPLES_END.search(text, intro.end())
    end = close.start() if close is not None else len(text)
    out = []
    for u in units:
        at = text.find(u.label.split(" / ")[0])
        part = "category" if begin <= at < intro.start() else "example" if intro.end() <= at < end else ""
        out.append(replace(u, part=part))
    if not any(u.part == "example" for u in out):
        return units
    return out


def _alternate_names(text: str, content: list[tuple[_Tok, bool]]) -> list[tuple[_Tok, bool]]:
    """A capitalised word listed as an alternative to a name is a name too ("Labelbox or
    Scale", "Kafka, Pulsar or Kinesis")."""
    out = list(content)
    for n in range(1, len(out)):
        (prev, prev_name), (tok, name) = out[n - 1], out[n]
        if prev_name and not name and tok.text[:1].isupper() and not tok.first \
                and re.fullmatch(r"\s*(?:,|or|,\s*or|/)\s*", text[prev.end:tok.start]):
            out[n] = (tok, True)
    return out


_ROLE_CUE = re.compile(r"^[\s,/-]*(?:[\w'’-]+\s+)?(?:experience|status|role|background|duties|work)\b", re.I)


def _mark_role(text: str, unit: Unit) -> Unit:
    """A role the posting wants the candidate to have held ("Charge nurse or preceptor
    experience", "Sworn translator status")."""
    last = unit.label.split(" / ")[-1]
    at = text.find(last)
    if at < 0 or not _ROLE_CUE.match(text[at + len(last):]):
        return unit
    words = {w.lower() for w in re.findall(r"[\w'-]+", unit.label)}
    roles = lexicon.words("agency", "roles")
    if words & roles or any(w.endswith(("or", "er", "ist", "ian")) for w in words):
        return replace(unit, self_role=True)
    return unit


def _gap(text: str, a: _Tok, b: _Tok) -> str:
    return text[a.end:b.start]


def _run_end(text: str, content: list[tuple[_Tok, bool]], i: int) -> int:
    """The index after the run of content words starting at `i` (words next to each other)."""
    j = i + 1
    while j < len(content) and re.fullmatch(r"[\s-]*", _gap(text, content[j - 1][0], content[j][0])):
        j += 1
    return j


_Content = list[tuple[_Tok, bool]]


def _word_unit(tok: _Tok) -> Unit:
    """One word (or a joined phrase) as a unit of its own, light when every posting uses it."""
    syn = synonyms()
    if " " in tok.text:
        k = phrase_key(tok.text)
        if k in aliases():
            return Unit(tok.text, aliases()[k], 2.0, True)
        return Unit(tok.text, frozenset({k}), 1.0, False, frozenset(syn.get(k, ())))
    k = key(tok.text)
    keys = unit_keys(tok.text, False)
    weight = 0.5 if k in _weak() else 1.0
    return Unit(tok.text, keys, weight, False, (frozenset(syn.get(k, ())) | members().get(k, frozenset())) - keys)


@lru_cache(maxsize=1)
def members() -> dict[str, frozenset[str]]:
    """Key of a category word -> the keys of its members (`[members]`): "another language" is
    met by "Portuguese", as a synonym meets; "Portuguese" is not met by "French"."""
    return {key(word): frozenset(key(m) for m in found) for word, found in lexicon.data()["members"].items()}


def _acronym_after(text: str, content: _Content, i: int, units: list[Unit]) -> int | None:
    """An acronym in brackets right after the words it abbreviates ("post-editing (MTPE)"):
    another way to say them, folded into their unit."""
    tok, name = content[i]
    if not (name and units and text[max(0, tok.start - 1):tok.start] == "(" and text[tok.end:tok.end + 1] == ")"
            and tok.text.isupper()):
        return None
    units[-1] = replace(units[-1], keys=units[-1].keys | unit_keys(tok.text, True))
    return i + 1


def _name_groups(text: str, content: _Content, i: int) -> tuple[list[list[_Tok]], int]:
    """The names from `i` on: words side by side make one name, a gap such as "or" starts
    another."""
    group = [[content[i][0]]]
    j = i + 1
    while j < len(content) and content[j][1]:
        gap = _gap(text, content[j - 1][0], content[j][0])
        if re.fullmatch(r"\s+", gap):
            group[-1].append(content[j][0])      # one name in several words
        elif _ALT_GAP.match(gap):
            group.append([content[j][0]])
        else:
            break
        j += 1
    return group, j


# "Emblem, Radar or similar pricing software": the names listed are examples, any will do.
_OR_SIMILAR = re.compile(r"\s*,?\s*(?:or|and/or)\s+(?:similar|equivalent|comparable|other|another)\b", re.I)


def _names(text: str, content: _Content, i: int, units: list[Unit]) -> int | None:
    """Names ("SDL Trados Studio" is one); joined by "or", "/" or listed after "such as" they
    are one unit, any of them will do."""
    tok, name = content[i]
    if not name:
        return None
    group, j = _name_groups(text, content, i)
    joined = " ".join(_gap(text, a[-1], b[0]) for a, b in zip(group, group[1:], strict=False)).lower()
    alternatives = len(group) > 1 and (" or " in f" {joined} " or "/" in joined or "(" in joined
                                       or bool(_LIST_INTRO.search(text[max(0, tok.start - 20):tok.start]))
                                       or bool(_OR_SIMILAR.match(text, group[-1][-1].end)))
    syn = synonyms()
    for part in ([group] if alternatives else [[g] for g in group]):
        keys = {k for words in part for w in words for k in unit_keys(w.text, True) | _either_name(w.text)}
        label = " / ".join(text[words[0].start:words[-1].end] for words in part)
        similar = frozenset(k2 for k in keys for k2 in syn.get(k, ())) - keys
        units.append(Unit(label, frozenset(keys), 2.0, True, similar))
    return j


# Between two examples of a list: a comma, "or", "and", a slash. Other words between two
# content words are inside one example ("monthly operating reports to the state").
_LIST_GAP = re.compile(r"[,;/&]|\b(?:or|and)\b", re.I)


def _examples(text: str, content: _Content, i: int, units: list[Unit]) -> int | None:
    """Examples after "such as" ("documents, such as protocols and consent forms"): one unit,
    any of them shows it."""
    tok = content[i][0]
    if not _LIST_INTRO.search(text[max(0, tok.start - 20):tok.start]) \
            or text[max(0, tok.start - 2):tok.start].startswith("("):
        return None
    j = i + 1
    while j < len(content) and not re.search(r"[.;)]", _gap(text, content[j - 1][0], content[j][0])):
        j += 1
    if j - i <= 1:
        return None
    keys: set[str] = set()
    # Each example's keys: "podium slabs" is met by both words. Only the words of its first
    # run count so: "monthly operating reports to the state" is met by "monthly operating
    # reports", not by "the state police"; the words after "to the" are its keys, in no group.
    examples: list[set[str]] = []
    trailing: set[str] = set()
    first = True
    for n, (g, g_name) in enumerate(content[i:j], start=i):
        found = unit_keys(g.text, g_name) if " " not in g.text else aliases().get(
            phrase_key(g.text), frozenset({phrase_key(g.text)}))
        keys |= found
        gap = _gap(text, content[n - 1][0], g) if n > i else ""
        if n == i or _LIST_GAP.search(gap):
            examples.append(set())
            first = True
        elif not re.fullmatch(r"[\s-]*", gap):
            first = False
        (examples[-1] if first else trailing).update(found)
    syn = synonyms()
    similar = frozenset(k2 for k in keys for k2 in syn.get(k, ())) - keys
    # Whole examples only when each word has one key: a name with aliases is met by any of them.
    whole = (any(len(e) > 1 for e in examples) or bool(trailing - set().union(*examples))) \
        and len(set().union(*examples)) == sum(len(e) for e in examples) \
        and all(len(unit_keys(g.text, n)) == 1 for g, n in content[i:j] if " " not in g.text)
    groups = tuple(frozenset(e) for e in examples) if whole else ()
    units.append(Unit(text[tok.start:content[j - 1][0].end], frozenset(keys), 1.0, False, similar, groups=groups))
    return j


def _alternatives(text: str, content: _Content, i: int, units: list[Unit]) -> int | None:
    """"X or Y", "a, b or c": either will do."""
    runs = _or_list(text, content, i)
    if len(runs) <= 1:
        return None
    units.extend(_either(text, runs, _word_unit))
    return i + sum(len(r) for r in runs)


def _single(text: str, content: _Content, i: int, units: list[Unit]) -> int | None:
    units.append(_word_unit(content[i][0]))
    return i + 1


# The shapes a requirement's words come in, tried in this order at each word.
_SHAPES: tuple[Callable[[str, _Content, int, list[Unit]], int | None], ...] = (
    _acronym_after, _names, _examples, _alternatives, _single)


def _units(text: str, content: _Content) -> list[Unit]:
    """The units of a requirement's content words, in order: at each word, the first of
    `_SHAPES` that reads it (and maybe the words after it) makes its unit."""
    units: list[Unit] = []
    i = 0
    while i < len(content):
        for shape in _SHAPES:
            after = shape(text, content, i, units)
            if after is not None:
                i = after
                break
    return units


# The people a thing is done with or for: "explain results to underwriters, product owners and
# senior stakeholders", "communicate with physicians, nurses and patients". A story shows it with
# one of them; a list after these words is one either-unit, "and" as good as "or".
_AUDIENCE = re.compile(r"\b(?:to|with)\s+(?:the\s+|our\s+|your\s+)?$", re.I)


def _or_list(text: str, content: list[tuple[_Tok, bool]], i: int) -> list[list[tuple[_Tok, bool]]]:
    """The runs of words from `i` that are alternatives: "payments or billing", "a club, trip
    or competition", "junior engineers or EITs" (a name may close the list), and the people of
    an audience (`_AUDIENCE`). One run when there is no "or"."""
    runs = [content[i:_run_end(text, content, i)]]
    end = i + len(runs[0])
    joiner = "(?:or|and)" if _AUDIENCE.search(text[:content[i][0].start]) else "or"
    while end < len(content):
        gap = _gap(text, content[end - 1][0], content[end][0])
        closing = re.fullmatch(rf"\s*,?\s*{joiner}\s+", gap) is not None
        if content[end][1] and not closing:
            break
        if not closing and not re.fullmatch(r"\s*,\s*", gap):
            break
        nxt = _run_end(text, content, end)
        runs.append(content[end:nxt])
        end = nxt
        if closing:
            return runs
    return runs[:1]


def _share_the_doing(runs: list[list[tuple[_Tok, bool]]]) -> list[list[tuple[_Tok, bool]]]:
    """"supervising paralegals or junior associates": the doing (an -ing word opening the
    first side) is asked of every side that has none of its own."""
    verb = runs[0][0]
    if len(runs[0]) > 1 and verb[0].text.lower().endswith("ing") \
            and not any(r[0][0].text.lower().endswith("ing") for r in runs[1:]):
        return [runs[0], *([verb, *r] for r in runs[1:])]
    return runs


def _sides_label(text: str, runs: list[list[tuple[_Tok, bool]]]) -> str:
    """"supervising paralegals / junior associates": each side as written, without the doing
    it shares with the first."""
    parts: list[str] = []
    end = -1
    for side in runs:
        toks = [t for t, _n in side if t.start > end]
        parts.append(text[toks[0].start:toks[-1].end])
        end = side[-1][0].end
    return " / ".join(parts)


def _either(text: str, runs: list[list[tuple[_Tok, bool]]], word_unit: Callable[[_Tok], Unit]) -> list[Unit]:
    """The sides of "X or Y": any will do. Single words before "or" and several after share
    the words after the first ("pricing or trading options": pricing or trading, and options);
    otherwise each side is whole ("charge nurse or preceptor"), and met only in whole
    ("execution research or transaction cost analysis")."""
    tail: list[tuple[_Tok, bool]] = []
    runs = _share_the_doing(runs)
    if all(len(r) == 1 for r in runs[:-1]) and len(runs[-1]) > 1:
        tail = runs[-1][1:]
        runs = [*runs[:-1], runs[-1][:1]]
    keys: set[str] = set()
    similar: set[str] = set()
    groups: list[frozenset[str]] = []
    for side in runs:
        side_units = [word_unit(t) for t, _n in side]
        strong = [u for u in side_units if u.weight >= 1.0] or side_units
        for u in strong:
            keys |= u.keys
            similar |= u.synonyms
        groups.append(frozenset(k for u in strong for k in u.keys))
    label = _sides_label(text, runs)
    whole = tuple(groups) if any(len(side) > 1 for side in runs) else ()
    either = Unit(label, frozenset(keys), 1.0, False, frozenset(similar - keys), groups=whole)
    return [either, *(word_unit(t) for t, _n in tail)]


@lru_cache(maxsize=1)
def _phrase_keys() -> frozenset[str]:
    """Multi-word keys of the aliases and synonym groups: "intens-care", "root-caus"."""
    return frozenset(k for k in (*aliases(), *synonyms()) if "-" in k)


def _join_phrases(text: str, content: list[tuple[_Tok, bool]]) -> list[tuple[_Tok, bool]]:
    """Two or three words next to each other that are one alias or synonym phrase ("critical
    care", "root cause") become one token, matched as the phrase."""
    phrases = _phrase_keys()
    out: list[tuple[_Tok, bool]] = []
    i = 0
    while i < len(content):
        joined = None
        for size in (3, 2):
            group = content[i:i + size]
            if len(group) < size:
                continue
            if any(not re.fullmatch(r"[\s-]*", text[a.end:b.start]) for (a, _), (b, _) in zip(group, group[1:], strict=False)):
                continue
            k = "-".join(key(t.text) for t, _name in group)
            if k in phrases:
                first = group[0][0]
                joined = (_Tok(text[first.start:group[-1][0].end].replace("-", " "), first.start,
                               group[-1][0].end, first.first), size)
                break
        if joined is not None:
            tok, size = joined
            out.append((tok, False))
            i += size
        else:
            out.append(content[i])
            i += 1
    return out


def _merge(units: list[Unit]) -> tuple[Unit, ...]:
    """One unit per key set: "Python ... Python" asks for Python once."""
    seen: dict[frozenset[str], Unit] = {}
    for u in units:
        if u.keys in seen:
            continue
        seen[u.keys] = u
    return tuple(seen.values())


def _dedupe_terms(terms: list[str]) -> list[str]:
    out: dict[str, str] = {}
    for t in terms:
        t = t.strip(" -/,")
        if t and t.lower() not in out:
            out[t.lower()] = t
    return list(out.values())
