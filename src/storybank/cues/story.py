"""A story's one list of cues: what the sheet prints, the drill's cue card shows, and the spoken
"cues said" check listens for.

For each key (`numbers`, each part, each probe) the cues the user wrote in the story's `[cues]`
table are used as written; otherwise storybank suggests them (storybank.cues.phrases). Each cue
carries the numbers it asks to hear, so "94 → 31 min" is said when both 94 and 31 are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storybank.cues import _PARENS, _QUALIFIERS, metric_variants, short_name, short_number, shorten
from storybank.cues.phrases import context, part_cues

if TYPE_CHECKING:  # pragma: no cover
    from storybank.model import Metric, Story

PART_CUES = 3        # cues per part on the drill card and in the spoken check
FOLLOWUP_CUES = 2    # cues per prepared follow-up
CUE_CHARS = 40       # the longest suggested cue
NAME_CHARS = 24      # the longest metric name next to its numbers


@dataclass(frozen=True)
class Cue:
    text: str
    values: tuple[str, ...] = ()   # its numbers as plain digits ("94", "1300000"), for the spoken check
    written: bool = False          # the user wrote it (`[cues]`)
    number: bool = False           # a metric: its numbers, with what they measure


@dataclass(frozen=True)
class StoryCues:
    numbers: tuple[Cue, ...] = ()
    parts: dict[str, tuple[Cue, ...]] = field(default_factory=dict)
    followups: dict[str, tuple[Cue, ...]] = field(default_factory=dict)

    def part(self, name: str) -> tuple[Cue, ...]:
        return self.parts.get(name, ())

    def followup(self, probe: str) -> tuple[Cue, ...]:
        return self.followups.get(probe, ())

    def answer_as_written(self, story: Story) -> tuple[Cue, ...]:
        """The main answer's cues a recital of the story can say: a metric's numbers are asked
        for only as far as the story's text says them (a number the text never says is left
        out, and a metric none of whose numbers it says is not asked for)."""
        from storybank.speech.numbers import numbers_said_in

        said = set(numbers_said_in(story.answer_text()))
        out: list[Cue] = []
        for cue in self.answer():
            if cue.number and not cue.written:
                values = tuple(v for v in cue.values if v in said)
                if not values:
                    continue
                cue = Cue(cue.text, values, cue.written, cue.number)
            out.append(cue)
        return tuple(out)

    def answer(self) -> tuple[Cue, ...]:
        """The cues of the main answer: its numbers, then each part's, without repeats."""
        seen: dict[str, Cue] = {cue.text.lower(): cue for cue in self.numbers}
        counted = [set(c.values) for c in self.numbers]
        for cue in (c for cues in self.parts.values() for c in cues):
            if cue.values and not cue.written and any(set(cue.values) <= values for values in counted):
                continue  # "runtime 340 min → 58" says again what "job runtime 340 → 58 min" does
            seen.setdefault(cue.text.lower(), cue)
        return tuple(seen.values())


# --- numbers as said ----------------------------------------------------------------------------

_SCALED = re.compile(r"([$€£]?)(\d[\d,]*(?:\.\d+)?)\s*([kKMBT])?\b")
_CLOCK = re.compile(r"\d+:\d+")  # "06:00" is a time of day, not a number to say
_SCALE = {"k": 1e3, "K": 1e3, "M": 1e6, "B": 1e9, "T": 1e12}


def plain(value: float) -> str:
    """A number as the spoken check compares it: 94.0 -> "94", 6.8 -> "6.8"."""
    if float(value).is_integer():
        return str(int(value))
    return format(float(value), "f").rstrip("0").rstrip(".")


def values_in(text: str) -> tuple[str, ...]:
    """The numbers a cue's text asks for: "$1.3M → $480k a year" -> ("1300000", "480000")."""
    out: list[str] = []
    for match in _SCALED.finditer(_CLOCK.sub(" ", text)):
        number = float(match.group(2).replace(",", ""))
        scale = match.group(3)
        if scale:
            number *= _SCALE[scale]
        out.append(plain(round(number, 6)))
    return tuple(out)


def _unit_words(metric: Metric) -> set[str]:
    return {w.lower() for w in (metric.unit or "").split()}


def number_phrase(metric: Metric, max_chars: int = 44, name_chars: int = NAME_CHARS,
                  apart: Sequence[str] = ()) -> str:
    """One metric as a cue that says what it measures: its name, then its numbers ("average truck
    wait 94 → 31 min"); when the name says the unit's word, the numbers first ("38,000 meters
    affected", never "38,000 meters meters affected"). Fitted to `max_chars` by shortening the
    name, then the unit; the name is never dropped. `apart`: the names of the story's other
    metrics whose cues would read the same; the name then keeps a word none of them has
    ("error improvement, energy markets" next to "…, all markets"), within `max_chars`."""
    name = " ".join(metric.name.split())
    units = _unit_words(metric)
    inside = any(w.lower() in units for w in name.split())
    if inside and all(w.lower() in units for w in name.split()):
        # "accounts" counted in accounts: the numbers with their unit say it all.
        return _fit_variant(metric, max_chars)
    fallback = ""
    variants = metric_variants(metric)
    if apart and not inside:
        told = _names_apart(name, apart)
        # A unit, even short, before the span loses words; the span's words before the unit goes.
        for forms in (variants[:-1] or variants, variants[-1:]):
            for short in told:
                for variant in forms:
                    if len(text := f"{short} {variant}") <= max_chars:
                        return text
    names = _prefixes(name, units) if inside else _shorter(name, max(name_chars, max_chars // 2))
    # Units said once before the name loses words; the name's words before the unit is cut
    # ("6 h/week") or goes.
    for forms in (variants[:2], variants[2:]):
        for short in names:
            for variant in forms:
                text = _joined(variant, short, units) if inside else f"{short} {variant}"
                if len(text) <= max_chars:
                    if "…" not in text:
                        return text
                    fallback = fallback or text
    return fallback or shorten(f"{name} {variants[-1]}", max_chars)


def _bare(word: str) -> str:
    return word.lower().strip(",;:()")


def _names_apart(name: str, others: Sequence[str]) -> list[str]:
    """The spans of `name` that hold, for each of `others`, the first word it lacks, longest first:
    "forecast error improvement, energy markets" against "…, all markets" -> the whole name,
    "error improvement, energy markets", …, "energy markets"; then the spans that end at a
    comma or before a qualifier. A span neither starts nor ends on a stop word; a comma inside
    one is kept ("improvement, energy markets")."""
    from storybank.cues import STOP_WORDS

    words = (_PARENS.sub("", name).strip() or name).split()
    lows = [_bare(w) for w in words]
    against = [{_bare(w) for w in other.split()} for other in others]
    # For each twin, the first word of the name it lacks ("donated" against "food discarded …").
    # A stop word tells them apart where nothing else does ("all markets" against "energy markets").
    firsts = {next((w for w in lows if w not in STOP_WORDS and w not in other),
                   next((w for w in lows if w not in other), "")) for other in against}
    if "" in firsts:
        return []   # every word of the name is in a twin's: nothing of its own to say
    # A span ends where the name or one of its phrases does: at the end, a comma, a qualifier.
    ends = [end for end in range(1, len(words) + 1)
            if end == len(words) or words[end - 1].endswith(",") or lows[end] in _QUALIFIERS]
    spans: list[tuple[bool, str]] = []
    for start in range(len(words)):
        for end in (e for e in ends if e > start):
            if lows[start] in STOP_WORDS or lows[end - 1] in STOP_WORDS:
                continue
            if firsts <= set(lows[start:end]):
                spans.append((end == len(words), " ".join(words[start:end]).rstrip(",;:")))
    # The name's end first: what follows the comma or qualifier is what tells twins apart.
    spans.sort(key=lambda span: (not span[0], -len(span[1])))
    return list(dict.fromkeys(text for _, text in spans))



def _said_name(text: str) -> str:
    """A number cue without its numbers: what tells it from the story's other key numbers."""
    return " ".join(w for w in text.lower().split() if w != "→" and not any(c.isdigit() for c in w))


def _told_apart(metrics: Sequence[Metric], cues: list[Cue], max_chars: int, name_chars: int) -> list[Cue]:
    """The key numbers with no two reading alike: metrics whose cues say the same words
    ("error improvement 11 percent", "error improvement 4 percent") each keep a word of their
    name the others lack, where one fits `max_chars`."""
    said = [_said_name(c.text) for c in cues]
    out = list(cues)
    for i, cue in enumerate(cues):
        twins = [metrics[j].name for j in range(len(cues)) if j != i and said[j] == said[i]]
        if twins and said[i]:
            text = number_phrase(metrics[i], max_chars, name_chars, apart=twins)
            out[i] = Cue(text, cue.values, cue.written, cue.number)
    return out


def _fit_variant(metric: Metric, max_chars: int) -> str:
    variants = metric_variants(metric)
    return next((v for v in variants if len(v) <= max_chars), shorten(variants[-1], max_chars))


def _shorter(name: str, most: int) -> list[str]:
    """The name ever shorter, longest first: storybank.cues.short_name's forms and the name's
    last words ("time to detect double counting" -> "detect double counting"); a form cut with
    "…" only after every whole-word one."""
    from storybank.cues import STOP_WORDS

    heads = list(dict.fromkeys(s for k in range(min(most, len(name)), 0, -1) if (s := short_name(name, k))))
    words = name.split()
    tails = [" ".join(words[i:]) for i in range(1, len(words))
             if words[i].lower() not in STOP_WORDS and not any(c in " ".join(words[i:]) for c in "(,")]
    whole = [f for f in heads if "…" not in f]
    return list(dict.fromkeys([*whole, *tails, *heads]))


_PERIOD_ADJECTIVE = re.compile(r"-(?:second|minute|hour|day|week|month|year)s?$", re.I)


def _prefixes(name: str, units: set[str]) -> list[str]:
    """"years in backend and data" -> itself, "years in backend": never the unit's word alone."""
    from storybank.cues import STOP_WORDS

    words = name.split()
    out: list[str] = []
    for end in range(len(words), 0, -1):
        head = words[:end]
        while head and (head[-1].lower() in STOP_WORDS or _PERIOD_ADJECTIVE.search(head[-1])):
            head = head[:-1]   # "hours over a four-week" -> "hours": never end on what leads on
        if head and not all(w.lower() in units for w in head):
            out.append(" ".join(head))
    return list(dict.fromkeys(out))


def _joined(numbers: str, name: str, units: set[str]) -> str:
    """"38,000 meters" + "meters affected" -> "38,000 meters affected"."""
    said = [w for w in numbers.split() if w.lower() not in units]
    return " ".join([*said, name])


def number_values(metric: Metric) -> tuple[str, ...]:
    return tuple(plain(v) for v in (metric.value, metric.before, metric.after) if v is not None)


# --- the list ------------------------------------------------------------------------------------

def _written(story: Story, key: str) -> tuple[Cue, ...]:
    return tuple(Cue(text, values_in(text), written=True) for text in story.written_cues(key))


def story_cues(story: Story, known: Iterable[str] = (), *, part_n: int = PART_CUES,
               followup_n: int = FOLLOWUP_CUES, max_chars: int = CUE_CHARS, numbers: int = 99,
               number_chars: int = 44, name_chars: int = NAME_CHARS,
               followup_chars: int | None = None) -> StoryCues:
    """The story's cues, the user's where written. Defaults are the drill card's and the spoken
    check's; the sheet asks for fewer, shorter ones at its tighter fit levels (`followup_chars`:
    the longest follow-up cue, `max_chars` when not given)."""
    from storybank.model import PARTS, PROBES

    ctx = context([*story.technologies, *known], story.metrics)
    shown = story.metrics[:numbers]
    number_cues = _written(story, "numbers") or tuple(_told_apart(shown, [
        Cue(number_phrase(m, number_chars, name_chars), number_values(m), number=True) for m in shown],
        number_chars, name_chars))
    parts: dict[str, tuple[Cue, ...]] = {}
    for part in PARTS:
        parts[part] = _written(story, part) or tuple(
            Cue(text, values_in(text)) for text in part_cues(story.part(part), part, ctx, part_n, max_chars))
    followups: dict[str, tuple[Cue, ...]] = {}
    for probe in PROBES:
        text = story.followup(probe)
        if text.strip():
            followups[probe] = _written(story, probe) or tuple(
                Cue(c, values_in(c)) for c in part_cues(text, probe, ctx, followup_n, followup_chars or max_chars))
    return StoryCues(number_cues, parts, followups)


def suggested(story: Story, key: str, known: Iterable[str] = ()) -> list[str]:
    """storybank's own cues for one key, ignoring what the user wrote: what the editor offers."""
    from storybank.model import PROBES

    ctx = context([*story.technologies, *known], story.metrics)
    if key == "numbers":
        return [number_phrase(m) for m in story.metrics]
    n = FOLLOWUP_CUES if key in PROBES else PART_CUES
    text = story.followup(key) if key in PROBES else story.part(key)
    return part_cues(text, key, ctx, n, CUE_CHARS)


__all__ = ["Cue", "StoryCues", "number_phrase", "plain", "short_number", "story_cues", "suggested",
           "values_in"]
