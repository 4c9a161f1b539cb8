"""Cues: the few words that bring a whole story back to mind.

Used by the cheat sheet (one page for eight stories) and by the drill screen's cue card. Pure
functions over plain text and the story model; no Textual, Jinja2 or analysis imports, and every
scan is one linear pass, so even a very long story costs milliseconds.

- `spoken_number(x)`   a number the way people say it: 4.2 -> "4.2", 3000000 -> "3M".
- `metric_text(m)`     one metric: "4.2 s → 1.1 s", "3M per day", "40%", "$18,400 → $7,900 per month";
                       `metric_variants(m)` the same ever shorter, for narrow spaces.
- `key_numbers(story)` the story's metrics in that form, in the story's order.
- `cue_words(text)`    the most telling words and short phrases of a text, in their original order.
- `hook(story)`        a one-line reminder of what the story is about.
- `shorten(text, n)`   text cut at a word boundary to at most n characters, ending in "…".
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from storybank.words import count_words

if TYPE_CHECKING:  # pragma: no cover
    from storybank.model import Metric, Story

ELLIPSIS = "…"
ARROW = "→"

# --- numbers --------------------------------------------------------------------------------

_CURRENCIES = {"$": "$", "usd": "$", "dollars": "$", "us$": "$", "€": "€", "eur": "€", "euros": "€",
               "£": "£", "gbp": "£", "pounds": "£"}
_ATTACHED = {"%", "‰", "ms", "x", "×", "pp"}


def spoken_number(x: float | int) -> str:
    """A number as people say it in an answer, short and exact enough to be remembered.

    Integers below 100,000 get thousands separators (1200 -> "1,200"); larger ones are scaled
    (250000 -> "250k", 3000000 -> "3M", 2100000 -> "2.1M", 4e9 -> "4B"). Fractions keep two
    decimals, or three significant digits below 1 (4.2 -> "4.2", 0.5 -> "0.5", 0.0234 -> "0.0234").
    Trailing zeros are dropped (70.0 -> "70").
    """
    if isinstance(x, bool) or not isinstance(x, int | float) or not math.isfinite(x):
        return str(x)
    sign = "-" if x < 0 else ""
    a = abs(x)
    for threshold, scale, suffix, decimals in ((1e12, 1e12, "T", 2), (1e9, 1e9, "B", 2),
                                               (1e6, 1e6, "M", 2), (1e5, 1e3, "k", 1)):
        if a >= threshold:
            text = _trim(f"{a / scale:.{decimals}f}")
            # 999,999 rounds to "1000k": say "1M" instead.
            if suffix == "k" and text == "1000":
                return f"{sign}1M"
            return f"{sign}{text}{suffix}"
    if a == 0:
        return "0"
    if a < 1:
        decimals = min(9, -math.floor(math.log10(a)) + 2)
        return sign + _trim(f"{a:.{decimals}f}")
    return sign + _trim(f"{a:,.2f}")


def _trim(text: str) -> str:
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _split_unit(unit: str | None) -> tuple[str, str, str]:
    """(prefix, suffix after each number, tail said once): "USD per month" -> ("$", "", "per month")."""
    unit = " ".join((unit or "").split())
    if not unit:
        return "", "", ""
    head, tail = unit, ""
    low = unit.lower()
    if low.startswith("per "):
        head, tail = "", unit
    elif " per " in low:
        at = low.index(" per ")
        head, tail = unit[:at], unit[at + 1:]
    prefix = _CURRENCIES.get(head.lower(), "")
    if prefix:
        head = ""
    return prefix, head, tail


def _quantity(x: float | int, prefix: str, head: str) -> str:
    number = spoken_number(x)
    if prefix:
        number = number.replace("-", "-" + prefix, 1) if number.startswith("-") else prefix + number
    if not head:
        return number
    if head in _ATTACHED:
        return number + head
    return f"{number} {head}"


def metric_text(metric: Metric, compact: int = 0) -> str:
    """The numbers of one metric as said aloud.

    before/after -> "4.2 s → 1.1 s", "40% → 12%", "$18,400 → $7,900 per month";
    value -> "3M per day", "2.1M meters", "40%". A one-word unit follows each number; a longer
    one ("Cohen's kappa") and a rate's "per ..." are said once, at the end.
    `compact` 1 says every unit once, at the end ("4.2 → 1.1 s"); 2 leaves units out, except a
    currency sign and an attached "%" or "ms" ("4.2 → 1.1").
    """
    prefix, head, tail = _split_unit(metric.unit)
    if compact >= 2:
        tail = ""
        if head not in _ATTACHED:
            head = ""
    pair = metric.before is not None and metric.after is not None
    if pair and head and head not in _ATTACHED and (" " in head or compact == 1):
        head, tail = "", f"{head} {tail}".strip()
    if pair:
        text = f"{_quantity(metric.before, prefix, head)} {ARROW} {_quantity(metric.after, prefix, head)}"
    elif metric.value is not None:
        text = _quantity(metric.value, prefix, head)
    else:  # pragma: no cover - the model requires value or a pair
        return ""
    return f"{text} {tail}" if tail else text


def metric_variants(metric: Metric) -> list[str]:
    """`metric_text` from the fullest to the most compact form, without repeats."""
    return list(dict.fromkeys(metric_text(metric, level) for level in (0, 1, 2)))


def key_numbers(story: Story) -> list[str]:
    """Every metric of the story as said aloud (see `metric_text`), in the story's own order."""
    return [text for text in (metric_text(m) for m in story.metrics) if text]


# --- shortening ---------------------------------------------------------------------------------


def shorten(text: str, max_chars: int) -> str:
    """`text` on one line, cut at a word boundary so it is at most `max_chars` long, with "…".

    A single word longer than the limit is cut inside the word. `max_chars` <= 0 gives "".
    """
    text = " ".join(text.split())
    if max_chars <= 0:
        return ""
    if len(text) <= max_chars:
        return text
    if max_chars == 1:
        return ELLIPSIS
    room = text[: max_chars - 1]
    cut = room.rfind(" ")
    if cut >= max(1, (max_chars - 1) // 3):
        room = room[:cut]
    room = room.rstrip(" ,;:.-–—(/")
    return (room or text[: max_chars - 1]) + ELLIPSIS


# --- the hook ----------------------------------------------------------------------------------

_CLAUSE_END = re.compile(r"[.!?;:](?=\s|$)|\s[—–-]\s|\n")


def first_clause(text: str) -> str:
    """The text up to the first sentence end, colon, semicolon or dash."""
    text = text.strip()
    match = _CLAUSE_END.search(text)
    return (text[: match.start()] if match else text).strip()


def hook(story: Story, max_chars: int = 100) -> str:
    """A one-line reminder of the story: the ownership line's first clause, else the outcome's.

    Falls back to the situation's first clause. Shortened at a word boundary with "…".
    """
    for source in (story.ownership, story.outcome, story.situation, story.action):
        clause = first_clause(source or "")
        if count_words(clause) >= 3:
            return shorten(clause, max_chars)
    return ""


# --- cue words ---------------------------------------------------------------------------------

def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOP_WORDS = _wordset("""
a about above after again against all almost along already also although always am among an and
another any anyone anything are around as at back be became because become been before being below
between both but by can cannot could did didn't do does doesn't doing don't done down during each
either else enough even ever every few for from further get gets getting got had hadn't has hasn't
have haven't having he her here hers herself him himself his how however i i'd i'll i'm i've if in
into is isn't it it's its itself just least less let like lot lots many may me might mine more most
much must my myself near need needed neither never no nor not nothing now of off often on once one
only onto or other others otherwise our ours ourselves out over own per quite rather really same
she should since so some something still such than that that's the their theirs them themselves then
there there's these they they'd they're this those though through thus to too toward towards under
until up upon us very via was wasn't we we'd we'll we're we've well were weren't what what's when
where whether which while who whom whose why will with within without won't would wouldn't yet you
your yours yourself
""")

# Words too common in any story to bring one back to mind.
COMMON_WORDS = _wordset("""
able across actually add added adding again ago ahead allowed ask asked away bad based basically
began begin best better big bit brought build building built came change changed changes clear
come comes coming could day days decided did different does doing done easy end ended everyone
everything example fact far felt find first fix fixed found full gave give given go goes going good
great group hand happened hard help helped helps high idea important issue issues job keep kept kind
knew know known last later lead learned learnt left less long look looked looking lost low made main
make makes making mean meant month months moved much need new next nice number old once part people
person place plan point problem problems put ran real result results right run running said saw say
says see seemed seen set show showed shown side small sometimes soon start started stay stayed step
steps stop sure take taken takes taking talk talked team teams tell thing things think thought three
time times today told took tried true try trying turn turned two understand use used uses using want
wanted way ways week weeks went whole work worked working works year years yes
""")

UNIT_WORDS = _wordset("""
ms millisecond milliseconds s sec secs second seconds min mins minute minutes h hr hrs hour hours
day days week weeks month months year years kb mb gb tb pb k m b thousand million billion trillion
percent points pp x times rows users requests queries readings meters transactions events records
messages customers servers nodes pods partitions files lines tests engineers people teams tickets
bugs calls jobs tasks bookings orders sessions devices machines instances clusters regions sites
warehouses shards replicas threads cores qps rps tps req dollars euros pounds usd eur gbp
""")

CALENDAR_WORDS = _wordset("""
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
""")

_MULTIPLIERS = frozenset({"thousand", "million", "billion", "trillion", "k", "m", "bn"})

# Tokens: numbers (with a currency sign, separators, a decimal part and an attached unit or
# a hyphenated word: "$1.3", "40%", "120ms", "15-minute"), or words (letters first; inner
# dots, dashes, apostrophes, +, # and underscores kept: "Node.js", "C++", "pg_stat_statements").
_TOKEN = re.compile(
    r"(?P<num>[$€£]?\d+(?:[.,:]\d+)*(?:%|‰|×|[a-zA-Z]{1,3}\b)?(?:-[^\W\d_]+)*)"
    r"|(?P<word>[^\W\d_](?:[\w+#]|['’.\-/](?=\w))*[+#]*)"
)
_POSSESSIVE = re.compile(r"['’]s$")
_SENTENCE_BREAK = re.compile(r"[.!?:;]\s*$|\n\s*$")


@dataclass
class _Tok:
    text: str
    start: int
    end: int
    kind: str          # "num" or "word"
    initial: bool      # first word of a sentence
    joined: bool       # only spaces between this token and the previous one


@dataclass
class _Cand:
    first: int         # index of the first token
    last: int          # index of the last token (inclusive)
    score: float
    text: str


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    previous_end = 0
    for match in _TOKEN.finditer(text):
        gap = text[previous_end: match.start()]
        initial = not out or bool(_SENTENCE_BREAK.search(text[max(0, match.start() - 3): match.start()]))
        joined = bool(out) and gap.strip() == "" and "\n" not in gap
        kind = "num" if match.group("num") else "word"
        out.append(_Tok(match.group(0), match.start(), match.end(), kind, initial, joined))
        previous_end = match.end()
    return out


def _low(word: str) -> str:
    return word.lower().replace("’", "'")


def _is_stop(tok: _Tok) -> bool:
    return tok.kind == "word" and _low(tok.text) in STOP_WORDS


def _is_common(tok: _Tok) -> bool:
    low = _low(tok.text)
    return low in STOP_WORDS or low in COMMON_WORDS


def _codeish(word: str) -> bool:
    """CamelCase, snake_case, dotted or with digits: looks like a name from a system."""
    if any(c.isdigit() for c in word) or "_" in word or any(c in word for c in "+#"):
        return True
    if "." in word.strip("."):
        return True
    return any(c.isupper() for c in word[1:]) and any(c.islower() for c in word)


def _acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _capitalised(tok: _Tok) -> bool:
    return tok.kind == "word" and tok.text[:1].isupper()


def _span_text(text: str, toks: list[_Tok], first: int, last: int) -> str:
    return " ".join(text[toks[first].start: toks[last].end].split())


def cue_words(text: str, n: int = 6, known: Iterable[str] = (), max_chars: int | None = None) -> list[str]:
    """The `n` most telling words or short phrases of `text`, in the order they appear.

    Ranked: numbers with their unit ("70 minutes", "$1.3 million", "40%"), named technologies
    (from `known`, matched case-insensitively, or spelled like code: "ClickHouse", "argMax",
    "pg_stat_statements"), capitalised names ("Lumora Energy"), then content words and two-word
    phrases, longer and repeated ones first. Stop words and very common words never appear. Ties
    go to the earlier occurrence, so the result is deterministic. Each cue is taken as written.
    With `max_chars`, longer candidates are passed over (a word of a skipped phrase may still be
    picked), so a narrow cue card gets short cues rather than cut ones.
    """
    if n <= 0 or not text:
        return []
    toks, cands = _ranked(text, tuple(known))
    return _select(toks, cands, n, max_chars)


@lru_cache(maxsize=16)
def _known_map(known: tuple[str, ...]) -> dict[str, int]:
    return {_low(k): len(k.split()) for k in known if k.strip()}


@lru_cache(maxsize=2048)
def _ranked(text: str, known: tuple[str, ...]) -> tuple[list[_Tok], list[_Cand]]:
    """Every candidate cue of `text`, best first. Cached: the cheat-sheet fitter asks for the
    same text's cues at several sizes."""
    toks = _tokens(text)
    known_map = _known_map(known)
    known_multi = {k for k, size in known_map.items() if size > 1}
    counts: dict[str, int] = {}
    for tok in toks:
        if tok.kind == "word":
            low = _low(tok.text)
            counts[low] = counts.get(low, 0) + 1
    cands: list[_Cand] = []

    def add(first: int, last: int, score: float) -> None:
        cands.append(_Cand(first, last, score, _span_text(text, toks, first, last)))

    i = 0
    count = len(toks)
    while i < count:
        tok = toks[i]
        low = _low(tok.text)
        if tok.kind == "num":
            last = i
            attached = any(c in tok.text for c in "$€£%‰×-") or tok.text[-1:].isalpha()
            nxt = i + 1
            if nxt < count and toks[nxt].joined and toks[nxt].kind == "word" and _low(toks[nxt].text) in _MULTIPLIERS:
                last = nxt
                nxt += 1
            if nxt < count and toks[nxt].joined and toks[nxt].kind == "word" and not _is_stop(toks[nxt]):
                word = _low(toks[nxt].text)
                plural = word.endswith("s") and len(word) > 3 and word.isalpha() and word not in COMMON_WORDS
                if word in UNIT_WORDS or plural:
                    last = nxt
            has_unit = attached or last > i
            year = not has_unit and re.fullmatch(r"(19|20)\d\d", tok.text) is not None
            add(i, last, 2.0 if year else (10.0 if has_unit else 6.0))
            i += 1
            continue
        # Multi-word known technology ("Apache Flink", "Step Functions").
        matched = False
        for size in range(3, 1, -1):
            if i + size <= count and all(toks[j].joined for j in range(i + 1, i + size)):
                phrase = _low(_span_text(text, toks, i, i + size - 1))
                if phrase in known_multi:
                    add(i, i + size - 1, 9.5)
                    matched = True
                    break
        if low in known_map:
            add(i, i, 9.0)
        elif _codeish(tok.text):
            add(i, i, 8.0)
        elif _acronym(tok.text) and low not in STOP_WORDS:
            add(i, i, 5.0)
        if _capitalised(tok) and not _is_stop(tok) and not matched:
            # A run of capitalised words is a name ("Lumora Energy", "Harborline Freight").
            j = i
            while j + 1 < count and j - i < 2 and toks[j + 1].joined and _capitalised(toks[j + 1]) \
                    and not _is_stop(toks[j + 1]):
                j += 1
            if j > i:
                add(i, j, 7.0 + 0.5 * (j - i))
            elif not tok.initial and low not in known_map and not _codeish(tok.text):
                add(i, i, 3.0 if low in CALENDAR_WORDS else 6.0)
        if not _is_common(tok) and not _codeish(tok.text) and low not in known_map and len(low) > 2:
            repeats = min(2, counts.get(low, 1) - 1)
            inflected = -1.0 if low.endswith(("ed", "ly")) else 0.0
            add(i, i, 1.0 + min(len(low), 14) * 0.25 + 0.75 * repeats + inflected)
            # Two content words in a row: "index maintenance", "background merges".
            nxt = i + 1
            if (nxt < count and toks[nxt].joined and toks[nxt].kind == "word" and not _is_common(toks[nxt])
                    and not low.endswith(("ed", "ly")) and not _low(toks[nxt].text).endswith(("ed", "ly"))
                    and len(_low(toks[nxt].text)) > 2 and not _capitalised(toks[nxt])):
                add(i, nxt, 4.5 + 0.1 * (len(low) + len(toks[nxt].text)))
        i += 1

    cands.sort(key=lambda c: (-c.score, c.first, c.last))
    return toks, cands


def _select(toks: list[_Tok], cands: list[_Cand], n: int, max_chars: int | None) -> list[str]:
    chosen: list[_Cand] = []
    used_tokens: set[int] = set()
    seen_words: set[str] = set()
    for cand in cands:
        if len(chosen) >= n:
            break
        span = range(cand.first, cand.last + 1)
        if any(k in used_tokens for k in span):
            continue
        if max_chars is not None and len(_clean(cand.text)) > max_chars:
            continue
        words = {_low(toks[k].text) for k in span if toks[k].kind == "word" and not _is_stop(toks[k])}
        key = _low(cand.text)
        if key in seen_words or (words and words & seen_words and toks[cand.first].kind == "word"):
            continue
        chosen.append(cand)
        used_tokens.update(span)
        seen_words.add(key)
        seen_words.update(words)
    chosen.sort(key=lambda c: c.first)
    return [_clean(c.text) for c in chosen]


def _clean(cue: str) -> str:
    return _POSSESSIVE.sub("", cue).rstrip(".,;:")
