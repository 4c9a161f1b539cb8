"""Cues: the few words that bring a whole story back to mind.

Used by the cheat sheet (one page for eight stories), the drill screen's cue card and the spoken
"cues said" check, which all read one list (`cues.story.story_cues`). Pure functions over plain
text and the story model; no Textual, Jinja2 or analysis imports.

- `short_number(x)`    a number the way people say it: 4.2 -> "4.2", 3000000 -> "3M".
- `metric_text(m)`     one metric: "4.2 s → 1.1 s", "3M per day", "40%", "$18,400 → $7,900 per month";
                       `metric_variants(m)` the same ever shorter, for narrow spaces.
- `key_numbers(story)` the story's metrics with what they measure, in the story's order.
- `short_name(name, n)` a metric's name in at most n characters.
- `cues.phrases`       each part's cues as phrases from the story's own words (weights: data/cues.toml).
- `cues.story`         the story's one cue list, the user's `[cues]` where written.
- `hook(story)`        a one-line reminder of what the story is about.
- `shorten(text, n)`   text cut at a word boundary to at most n characters, ending in "…".
"""

from __future__ import annotations

import math
import re
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


def short_number(x: float | int) -> str:
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
    number = short_number(x)
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
    if metric.before is not None and metric.after is not None:  # `pair`, as mypy can follow it
        text = f"{_quantity(metric.before, prefix, head)} {ARROW} {_quantity(metric.after, prefix, head)}"
    elif metric.value is not None:
        text = _quantity(metric.value, prefix, head)
    else:  # pragma: no cover - the model requires value or a pair
        return ""
    return f"{text} {tail}" if tail else text


def name_after(text: str, name: str) -> str:
    """The metric's name to say after its numbers, without a last word they already end with:
    "1.3M accounts" + "migrated accounts" -> "migrated"; + "accounts" -> ""."""
    said, words = text.split(), name.split()
    if said and words and said[-1].lower() == words[-1].lower():
        words = words[:-1]
    return " ".join(words)


def metric_variants(metric: Metric) -> list[str]:
    """`metric_text` from the fullest to the most compact form, without repeats: its whole unit
    ("6 hours per week for two months", said once at the end for a pair), the unit's
    `short_units` ("6 hours per week", "6 h/week"), then the numbers bare ("6"; a currency sign
    and an attached "%" stay)."""
    shorter = [metric_text(metric.model_copy(update={"unit": unit}), 1) for unit in short_units(metric.unit)]
    return list(dict.fromkeys([metric_text(metric, 0), metric_text(metric, 1), *shorter, metric_text(metric, 2)]))


def _unit_forms() -> dict[str, str]:
    from storybank.cues.phrases import cue_data

    return cue_data().units


def short_units(unit: str | None) -> list[str]:
    """Shorter ways to write a unit, longest first, each said after the numbers: the unit up to
    its first rate ("hours per week for two months" -> "hours per week"), then its short form
    from data/cues.toml ("h/week", "percent" -> "%"); a longer head keeps its first word, short
    ("hours of overtime" -> "h"), when that word is a unit. A currency keeps its word
    (metric_text turns it into a sign). Empty when nothing shorter says the unit."""
    words = (unit or "").split()
    if not words:
        return []
    lows = [w.lower() for w in words]
    from storybank.cues.phrases import NUMBER_WORDS

    at = lows.index("per") if "per" in lows else len(words)
    end = at + 2
    while end < len(words) and (lows[end - 1] in NUMBER_WORDS or lows[end - 1] == "one"
                                or any(c.isdigit() for c in lows[end - 1])):
        end += 1   # "per six months", "per 100 patients": the rate's count and what it counts
    head, rate = words[:at], words[at + 1: end]
    out: list[str] = []
    if rate and len(words) > end:
        out.append(" ".join([*head, "per", *rate]))
    forms = _unit_forms()
    joined = " ".join(head).lower()
    short: str | None
    if not head or joined in _CURRENCIES:
        short = None
    elif joined in forms:
        short = forms[joined]
    elif len(head) == 1:
        short = head[0]
    elif lows[0] in forms:
        short = forms[lows[0]]
    elif lows[0] in UNIT_WORDS:
        short = head[0]
    else:
        short = None
    if short is not None:
        said = " ".join(forms.get(w.lower(), w) for w in rate)
        out.append(short if not rate else f"{short}/{said}" if len(rate) == 1 else f"{short} per {said}")
    whole = " ".join(words)
    return [u for u in dict.fromkeys(out) if u != whole and len(u) < len(whole)]


def key_numbers(story: Story) -> list[str]:
    """Every metric of the story with what it measures ("average truck wait 94 → 31 min"), in the
    story's own order: the `numbers` cues of `cues.story.story_cues`."""
    from storybank.cues.story import story_cues

    return [c.text for c in story_cues(story).numbers]


_PARENS = re.compile(r"\s*\([^)]*\)")
_QUALIFIERS = frozenset(["with", "by", "at", "over", "in", "for", "from", "to", "of", "during", "since", "on", "vs", "versus", "per", "after", "before", "under", "across", "between", "into", "when", "while", "that", "which", "who", "whose"])
_GENERIC_HEADS = frozenset(("time", "number", "count", "share", "rate", "amount", "percentage", "total"))


def short_name(name: str, max_chars: int) -> str:
    """A metric's name in at most `max_chars`: whole if it fits; else without parentheses; else
    its head before the first qualifier or trailing participle ("members with delayed updates",
    "readings ingested" -> "members", "readings"), then the head's last words; a cut name with "…"
    as the last resort."""
    if max_chars <= 0:
        return ""
    name = " ".join(name.split())
    if len(name) <= max_chars:
        return name
    name = _PARENS.sub("", name).strip() or name
    if len(name) <= max_chars:
        return name
    head = _name_head(name.split())
    if not (len(head) == 1 and head[0].lower() in _GENERIC_HEADS):
        for start in range(len(head)):
            tail = " ".join(head[start:])
            if len(tail) <= max_chars:
                return tail
    return shorten(name, max_chars)


def _name_head(words: list[str]) -> list[str]:
    """The words of a name before its first qualifier, without a trailing participle."""
    head = words
    for i, word in enumerate(words):
        low = word.lower()
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        if i and (low in _QUALIFIERS or (low.endswith("ed") and nxt == "by")):
            # "changes caught by ...": the word before "by" is a participle, not the noun.
            head = words[: i - 1] if low == "by" and i >= 2 else words[:i]
            break
        if word.endswith(","):
            head = [*words[:i], word.rstrip(",")]
            break
    # "customer accounts served", "items I flagged": the noun comes before a trailing participle.
    while len(head) > 1 and (head[-1].lower().endswith("ed") or head[-1] in ("I", "we")):
        head = head[:-1]
    return head


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

