"""Profession packs (`data/professions.toml`): a field's vocabulary, the examples its messages
give, and its follow-up wording.

No pack is needed for fair judgement; a pack only adds. `pack_for("")` is the neutral pack, and
every pack falls back to the neutral one key by key, so a message always has an example to give.
"""

from __future__ import annotations

import itertools
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

NEUTRAL = "neutral"


@dataclass(frozen=True)
class Pack:
    id: str
    label: str
    vocabulary: tuple[str, ...] = ()
    examples: dict[str, str] = field(default_factory=dict)
    probes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    followups: dict[str, tuple[str, ...]] = field(default_factory=dict)
    plain: dict[str, str] = field(default_factory=dict)
    # The plain wording for an answer that already told its steps (`after_steps` in the data).
    after_steps: dict[str, str] = field(default_factory=dict)
    # The question types as this field is asked them (`questions` in the data): a nurse is asked
    # about a time care went wrong, not "something you built broke in production".
    questions: dict[str, str] = field(default_factory=dict)

    def example(self, key: str) -> str:
        """The example this field gives for `key` (mechanism, method, numbers, decision, ...)."""
        return self.examples.get(key) or _neutral().examples.get(key, "")

    def probe_templates(self, probe: str) -> tuple[str, ...]:
        return self.probes.get(probe, ())

    def probe_question(self, probe: str, told_steps: bool = False) -> str | None:
        """A field's own plain wording of a probe, with nothing from the story in it: the
        field's mechanism question for the technical probe ("Walk me through your clinical
        reasoning ..."), when the pack has one; the neutral pack's otherwise. With `told_steps`
        (the answer already told what the speaker did, step by step) a pack's `after_steps`
        wording comes first, so the steps are not asked for again."""
        for pack in (self, _neutral()):
            worded = (told_steps and pack.after_steps.get(probe)) or pack.plain.get(probe)
            if worded:
                return worded
        return None

    def type_followups(self, qid: str) -> tuple[str, ...]:
        return self.followups.get(qid, ())


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    text = resources.files("storybank").joinpath("data/professions.toml").read_text("utf-8")
    return tomllib.loads(text)


def names() -> list[str]:
    """The profession ids a user may choose, in file order (the neutral pack is not one)."""
    return [k for k in _data() if k != NEUTRAL]


def _build(key: str) -> Pack:
    raw = _data()[key]
    return Pack(
        id=key,
        label=raw.get("label", key),
        vocabulary=tuple(raw.get("vocabulary", ())),
        examples=dict(raw.get("examples", {})),
        probes={k: tuple(v) for k, v in raw.get("probes", {}).items()},
        followups={k: tuple(v) for k, v in raw.get("followups", {}).items()},
        plain=dict(raw.get("plain", {})),
        after_steps=dict(raw.get("after_steps", {})),
        questions=dict(raw.get("questions", {})),
    )


@lru_cache(maxsize=1)
def _neutral() -> Pack:
    return _build(NEUTRAL)


@lru_cache(maxsize=32)
def pack_for(name: str | None) -> Pack:
    """The pack for a profession id; the neutral pack for none or an unknown id (settings and
    story loading reject unknown ids with a clear message before they get here)."""
    key = (name or "").strip().lower()
    if not key or key not in _data() or key == NEUTRAL:
        return _neutral()
    return _build(key)


@lru_cache(maxsize=1)
def all_vocabulary() -> tuple[str, ...]:
    """Every pack's named methods together: the neutral judgement recognises them in any field."""
    seen: dict[str, None] = {}
    for key in _data():
        for term in _data()[key].get("vocabulary", ()):
            seen[term] = None
    return tuple(seen)


def guess_pack(text: str) -> Pack:
    """The pack of the field a story of no chosen profession is from, read off the named methods
    it says: the pack whose vocabulary it names most (two at least), or the neutral pack. Software
    is not guessed here: a software story is told by its technology names (see signals)."""
    from storybank.analysis.lexicon import normalise, phrase_set

    low = normalise(text)
    best, most = NEUTRAL, 1
    for key in names():
        if key == "software":
            continue
        vocabulary = tuple(v.lower() for v in _data()[key].get("vocabulary", ()) if len(v) > 3)
        hits = len(set(phrase_set(vocabulary).findall(low))) if vocabulary else 0
        if hits > most:
            best, most = key, hits
    return pack_for(best)


# Enough stories to tell a bank's field by; a bigger bank is read by its first ones (file order).
FIELD_SAMPLE = 60


def bank_field(stories: Iterable[Any]) -> str:
    """The field of a bank with no `profession` set, for the words its questions are asked in:
    the field at least half of its stories are from, each by its own `profession`, else
    "software" for a software story (analysis.signals.software_story), else the pack its named
    methods point to (`guess_pack`); "" (any field) when no field has half, or the bank is empty.
    Judgement never reads this: it only words the questions and examples."""
    from collections import Counter

    from storybank.analysis.signals import software_story
    from storybank.catalog import builtin_catalog

    catalog = builtin_catalog()
    sample = list(itertools.islice(stories, FIELD_SAMPLE))
    fields: Counter[str] = Counter()
    for story in sample:
        chosen = (getattr(story, "profession", "") or "").strip().lower()
        if chosen:
            fields[chosen] += 1
        elif software_story(story, catalog):
            fields["software"] += 1
        else:
            guessed = guess_pack(story.answer_text()).id
            if guessed != NEUTRAL:
                fields[guessed] += 1
    if not fields:
        return ""
    best, count = fields.most_common(1)[0]
    return best if count * 2 >= len(sample) else ""


def unknown_message(name: str) -> str:
    import difflib

    close = difflib.get_close_matches(name.lower(), names(), n=1, cutoff=0.6)
    hint = f" (did you mean `{close[0]}`?)" if close else ""
    return f"`profession` {name!r} is not a known profession{hint}; choose one of {', '.join(names())}"
