"""Pitfall rules built from the catalog: each question type's known failure patterns.

A pitfall fires when its trigger holds — one of its `phrases` appears in its fields, or (with
`when_missing`) all the listed evidence is absent, or its built-in `check` reports — and none of
its `unless` evidence is present. Evidence a question type requires but the story lacks is
reported once as SB790, unless a pitfall already said so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace

from storybank.analysis.context import StoryContext
from storybank.analysis.evidence import has_evidence
from storybank.analysis.lexicon import phrase_set, scanner
from storybank.analysis.named import Named
from storybank.analysis.rules.registry import Category, Hit, Rule, Severity, rule
from storybank.analysis.types import Finding
from storybank.catalog import Catalog, Evidence, Pitfall, QuestionType, memo
from storybank.model import PARTS, TEXT_FIELDS
from storybank.words import count_words

_LIST_SPLIT = re.compile(r",|;|\band\b|/|\n", re.I)
_SENTENCES = re.compile(r"(?<![.!?:])[.!?:]++(?:\s|$)|\n")
LIST_ITEMS = 5
LONG_LIST = 7
BUZZWORDS = 3


# The built-in checks a pitfall's `check` names in the catalog, each registered by its name. A
# check returns what it found (or None), or (what it found, how strongly).
PitfallCheck = Callable[[StoryContext, str, str], str | None | tuple[str | None, int]]
CHECKS: Named[PitfallCheck] = Named("pitfall check")


@CHECKS.register("buzzword_list")
def _buzzword_list(ctx: StoryContext, text: str, norm: str) -> str | None:
    """A run of short comma-separated names, or a pile of buzzwords, with little mechanism."""
    longest_list = 0
    for sentence in _SENTENCES.split(text):
        items = [s.strip() for s in _LIST_SPLIT.split(sentence) if s.strip()]
        short = sum(1 for i in items if count_words(i) <= 3)
        if short >= LIST_ITEMS and short >= 0.6 * len(items):
            longest_list = max(longest_list, short)
    buzz = scanner(("buzzwords",)).scan(norm)["buzzwords"]
    techs = ctx.answer.technologies
    mechanism = set(ctx.answer.mechanism)
    dense_names = len(techs) >= 6 and ctx.answer.per_100(len(techs)) >= 5
    # A long run of bare names is the pattern itself; shorter piles need shallow surroundings.
    if longest_list >= LONG_LIST or (
        (longest_list >= LIST_ITEMS or len(buzz) >= BUZZWORDS or dense_names) and len(mechanism) < 4
    ):
        names = list(dict.fromkeys(buzz or techs))
        if not names:
            return "a list of names"
        return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    return None


@CHECKS.register("blame")
def _blame(ctx: StoryContext, text: str, norm: str) -> tuple[str | None, int]:
    """An outside party blamed in the same clause, or an outright denial (see signals.blame)."""
    from storybank.analysis.signals import blame

    return blame(text)


def _blamed_or_handed(text: str) -> tuple[str | None, int, str | None]:
    """What both blame checks read: someone blamed (strictly, with its strength), and the call
    handed to someone else ("they are the one responsible")."""
    from storybank.analysis.signals import blame, deflection

    said, strength = blame(text, strict=True)
    return said, strength, deflection(text)


@CHECKS.register("passes_blame")
def _passes_blame(ctx: StoryContext, text: str, norm: str) -> tuple[str | None, int]:
    """The other side blamed, or the call handed to them ("they are the one responsible"), or
    (round 18) the speaker's own rightness claimed over them ("I was clearly right and eventually
    they had to admit it"; see analysis.gloats)."""
    from storybank.analysis.gloats import claims_right

    said, strength, handed = _blamed_or_handed(text)
    if handed:
        return said or handed, strength + 1
    if not said:
        gloat = claims_right(text)
        if gloat:
            return gloat, 1
    return said, strength


@CHECKS.register("runs_down")
def _runs_down(ctx: StoryContext, text: str, norm: str) -> tuple[str | None, int]:
    """The people around the speaker blamed, or a workplace or its people run down ("I hate my
    current job", "awful service and sub par food"; see signals.runs_down)."""
    from storybank.analysis.dislikes import dislike_said
    from storybank.analysis.signals import runs_down

    said, strength, handed = _blamed_or_handed(text)
    said = said or handed
    if said:
        return said, max(strength, 1)
    scorned = runs_down(text) or dislike_said(text)  # round 14: "I don't like working there"
    return (scorned, 1) if scorned else (None, 0)


@CHECKS.register("dodge")
def _dodge(ctx: StoryContext, text: str, norm: str) -> str | None:
    """A sentence that says there is no example of what was asked (see signals.dodge)."""
    from storybank.analysis.signals import dodge

    return dodge(text)


@CHECKS.register("dodge_or_avoidance")
def _dodge_or_avoidance(ctx: StoryContext, text: str, norm: str) -> str | None:
    """A disagreement answer that says there was none, or that the speaker kept away from it ("I
    don't like drama, so I just stay out of it"; see denials.avoided_conflict)."""
    from storybank.analysis.denials import avoided_conflict
    from storybank.analysis.signals import dodge

    return dodge(text) or avoided_conflict(text)


@CHECKS.register("rule_changed")
def _rule_changed(ctx: StoryContext, text: str, norm: str) -> str | None:
    """A rule the speaker was given and changed on their own (see overrides.rule_changed)."""
    from storybank.analysis.overrides import rule_changed

    return rule_changed(text)


@CHECKS.register("self_serving")
def _self_serving(ctx: StoryContext, text: str, norm: str) -> tuple[str | None, int]:
    """What the work would do for the speaker (a commute, money, an escape) when that is the
    motive, and how often it is said (see evidence.self_serving_motive)."""
    from storybank.analysis.evidence import self_serving_motive

    found = self_serving_motive(norm)
    return found if found else (None, 0)


@CHECKS.register("strength_as_failure")
def _strength_as_failure(ctx: StoryContext, text: str, norm: str) -> str | None:
    """Too much effort or care told as the failure, a virtue named as the weakness, a slip too
    small to count, a boast wrapped in modesty (see storybank.analysis.boasts), or a virtue owned
    as the fault (see plain_motives.too_virtuous)."""
    from storybank.analysis import boasts
    from storybank.analysis.plain_motives import too_virtuous

    return (boasts.strength_as_failure(text) or boasts.virtue_as_weakness(text)
            or boasts.trivial_slip(text) or boasts.humblebrag(text)
            or boasts.success_as_failure(text) or too_virtuous(text))


@CHECKS.register("humblebrag")
def _humblebrag(ctx: StoryContext, text: str, norm: str) -> str | None:
    """A boast wrapped in modesty: "not sure if this counts, but I single-handedly ..."."""
    from storybank.analysis.boasts import humblebrag

    return humblebrag(text)


def _field_text(ctx: StoryContext, fields: list[str]) -> str:
    chunks = []
    for name in fields:
        if name.startswith("followups."):
            chunks.append(ctx.story.followup(name[10:]))
        elif name in TEXT_FIELDS:
            chunks.append(ctx.story.part(name))
    return "\n".join(chunks)


def _render(message: str, match: str | None, profession: str | None = None) -> str:
    """The message with what set it off quoted, and each `{example:KEY}` given as the field's own
    example (data/professions.toml): a generic reason for a bookshop is not told to name an
    annotation track (round 18). With no field, the neutral pack's example."""
    from storybank.professions import pack_for

    hint = f' ("{match}")' if match else ""
    if "{example:" in message:
        pack = pack_for(profession)
        message = _EXAMPLE.sub(lambda m: pack.example(m.group(1)), message)
    return message.replace("{match_hint}", hint).replace("{match}", match or "")


_EXAMPLE = re.compile(r"\{example:(\w+)\}")


def _profession(ctx: StoryContext) -> str:
    return ctx.story.profession or ctx.settings.profession


def evidence_count(ctx: StoryContext, names: list[str], text: str, norm: str) -> int:
    """How strongly the evidence shows in `text`: phrase matches, or 1 for a passing check.
    Sentences that deny having the experience are no evidence of it."""
    from storybank.analysis.evidence import without_denials

    text, norm = without_denials(text, norm)
    table = ctx.catalog.evidence_by_id()
    total = 0
    for name in names:
        ev = table[name]
        if ev.phrases:
            total += len(phrase_set(tuple(ev.phrases)).findall(norm))
        if ev.check and has_evidence(ctx, ev.model_copy(update={"phrases": []}), text, norm):
            total += 1
    return total


def pitfall_hits(ctx: StoryContext, qtype: QuestionType, pitfall: Pitfall) -> Iterator[Hit]:
    fields, text, norm = _pitfall_text(ctx, list(pitfall.fields))
    if not norm.strip():
        return
    # In a spoken answer the parts are the judge's guess, so evidence counts wherever the answer
    # says it: a motivation's own history ("when I volunteered at a shelter") or what settled a
    # disagreement is often told where the judge saw the situation.
    whole, whole_norm = ((ctx.story.answer_text(), ctx.answer.norm) if ctx.from_answer
                         else (text, norm))
    match, strength = _trigger(ctx, pitfall, text, norm, whole, whole_norm)
    if not strength or _outweighed(ctx, pitfall, strength, whole, whole_norm):
        return
    yield Hit(_render(pitfall.message, match, _profession(ctx)), match, field=_where(ctx, fields, match),
              severity=_untold_severity(ctx, pitfall, match))


def _untold_severity(ctx: StoryContext, pitfall: Pitfall, match: str | None) -> Severity | None:
    """The pitfall's `untold_severity` for a spoken answer that tells no event (no act of the
    speaker's or their team's in the past, no occasion opened), long enough to judge, and set it off with no phrase or
    check of its own (only its evidence missing); None (its own) otherwise. "We argued about it,
    and eventually my manager decided" tells one, and keeps the warning. So does a phrase of the
    pitfall's said where the judge put another part ("we just sat down and talked it out", told as
    the situation; round 30, holdout27-28)."""
    if not (pitfall.untold_severity and ctx.from_answer) or match is not None or ctx.too_short_to_judge:
        return None  # a one-liner ("I just walk away") tells no way of handling it either
    if pitfall.phrases and phrase_set(tuple(pitfall.phrases)).search(ctx.answer.norm):
        return None
    from storybank.analysis.signals import acted, opens_an_occasion

    text = ctx.story.answer_text()
    return None if acted(text) or opens_an_occasion(text) else Severity(pitfall.untold_severity)


def _pitfall_text(ctx: StoryContext, fields: list[str]) -> tuple[list[str], str, str]:
    """The fields a pitfall reads, their text and its normalised form. A one-breath spoken answer
    ("It seems like a growing company") is all situation (the first part): with none of the
    later parts told, what was said is the action, so it is read instead."""
    norm = ctx.field_norm(tuple(fields))
    told_later = any(ctx.story.part(name).strip() for name in PARTS[1:])
    if not norm.strip() and ctx.from_answer and PARTS[0] not in fields \
            and ctx.story.part(PARTS[0]).strip() and not told_later:
        fields = [PARTS[0]]
        norm = ctx.field_norm(tuple(fields))
    return fields, _field_text(ctx, fields), norm


def _trigger(ctx: StoryContext, pitfall: Pitfall, text: str, norm: str, whole: str,
             whole_norm: str) -> tuple[str | None, int]:
    """What set the pitfall off and how strongly: its phrases (each counts), its evidence all
    missing (strength 1), or its built-in check (which may weigh what it found)."""
    match: str | None = None
    strength = 0
    if pitfall.phrases:
        found = phrase_set(tuple(pitfall.phrases)).findall(norm)
        if found:
            match, strength = found[0], len(found)
    if pitfall.when_missing and not evidence_count(ctx, pitfall.when_missing, whole, whole_norm):
        strength = max(strength, 1)
    if pitfall.check:
        result = CHECKS[pitfall.check](ctx, text, norm)
        said, weight = result if isinstance(result, tuple) else (result, 1)
        if said:  # a phrase of the pitfall's own, when one matched, is what the message quotes
            match, strength = match or said, max(strength, weight)
    return match, strength


def _outweighed(ctx: StoryContext, pitfall: Pitfall, strength: int, whole: str, whole_norm: str) -> bool:
    """The `unless` evidence is there. With `outweigh`, a passing admission does not cancel a
    pile of triggers: it cancels only while the triggers number less than `outweigh` times it."""
    if not pitfall.unless:
        return False
    against = evidence_count(ctx, pitfall.unless, whole, whole_norm)
    return bool(against) and not (pitfall.outweigh and strength >= pitfall.outweigh * against)


def _where(ctx: StoryContext, fields: list[str], match: str | None) -> str:
    """The field holding the match, or the field a missing piece belongs in."""
    if match:
        for name in fields:
            if match in ctx.field_norm((name,)):
                return name
    return "action" if "action" in fields else fields[0]


def _pitfall_rule(qtype: QuestionType, pitfall: Pitfall) -> Rule:
    def check(ctx: StoryContext) -> Iterator[Hit]:
        if qtype.id in ctx.story.questions:
            yield from pitfall_hits(ctx, qtype, pitfall)
        elif pitfall.untyped_message and ctx.from_answer and not ctx.types:
            # A spoken answer to a question of no known type can still dodge, blame or serve
            # only the speaker; the finding is worded without the type's story.
            for hit in pitfall_hits(ctx, qtype, pitfall):
                said = hit.value if isinstance(hit.value, str) else None
                yield replace(hit, message=_render(pitfall.untyped_message, said, _profession(ctx)))

    field = "action" if "action" in pitfall.fields else pitfall.fields[0]
    return Rule(pitfall.code, pitfall.name, pitfall.category, pitfall.severity, field, check,
                _explanation(qtype, pitfall))


def _explanation(qtype: QuestionType, pitfall: Pitfall) -> str:
    """A catalog pitfall explains itself from its data: the question it belongs to, and what the
    coach says when it fires."""
    said = " ".join(_render(pitfall.message, None).split())
    return (f"A known trap in answers to the {qtype.label.lower() or qtype.id} question "
            f"({pitfall.name.replace('-', ' ')}). When it fires, the coach says: {said}")


def catalog_rules(catalog: Catalog) -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    for qtype in catalog.questions:
        for pitfall in qtype.pitfalls:
            if pitfall.code not in rules:
                rules[pitfall.code] = _pitfall_rule(qtype, pitfall)
            else:
                # One code may serve several types (a shared pattern): chain the checks.
                first = rules[pitfall.code]
                second = _pitfall_rule(qtype, pitfall)

                def both(ctx: StoryContext, a: Callable[..., Iterable[Hit]] = first.check,
                         b: Callable[..., Iterable[Hit]] = second.check) -> Iterator[Hit]:
                    seen = False
                    for hit in a(ctx):
                        seen = True
                        yield hit
                    if not seen:
                        yield from b(ctx)

                rules[pitfall.code] = replace(first, check=both)
    dimensions = {p.code: p.dimension for q in catalog.questions for p in q.pitfalls if p.dimension}
    labels: dict[str, list[str]] = {}
    for q in catalog.questions:
        for p in q.pitfalls:
            labels.setdefault(p.code, []).append(q.label.lower() or q.id)
    out = {}
    for code, r in rules.items():
        doc = r.doc
        if len(labels[code]) > 1:  # one explanation, and the other questions it serves named once
            doc += f" The same trap is checked in answers to the {_and(labels[code][1:])} questions."
        out[code] = replace(r, dimension=dimensions.get(code, ""), doc=doc)
    return out


def _and(items: list[str]) -> str:
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else items[0]


def pitfall_evidence(catalog: Catalog) -> dict[str, set[str]]:
    """For each pitfall code, the evidence it already speaks for when it fires."""
    stored = memo(catalog)
    found = stored.get("pitfall_evidence")
    if found is None:
        found = stored["pitfall_evidence"] = {
            p.code: {*p.when_missing, *p.unless} for q in catalog.questions for p in q.pitfalls}
    return found


@rule(code="SB790", name="missing-evidence", category=Category.PITFALL, severity=Severity.WARNING,
      field="action", after=True)
def missing_evidence(ctx: StoryContext, findings: Sequence[Finding]) -> Iterator[Hit]:
    """Each question type lists the evidence a good answer to it must contain: before-and-after
    numbers for a performance story, a concrete plan for a schedule question, and so on. This rule
    reports each required piece the story never shows, so the gap is fixed before an interviewer
    notices it. It stays quiet about evidence a pitfall finding has already raised, so one gap is
    never reported twice."""
    table = ctx.catalog.evidence_by_id()
    text = ctx.story.answer_text()
    norm = ctx.answer.norm
    if not norm.strip():
        return
    covers = pitfall_evidence(ctx.catalog)
    said = {name for f in findings for name in covers.get(f.code, ())}
    for qtype in ctx.types:
        for name in qtype.evidence:
            ev = table[name]
            if not ev.spoken_outside_software and _spoken_outside_software(ctx):
                continue
            if name in said or has_evidence(ctx, ev, text, norm):
                continue
            # Only the label's first letter: "Why Mercor" keeps its company's capital.
            label = qtype.label[:1].lower() + qtype.label[1:]
            needs = f"{'An' if label[:1] in 'aeiou' else 'A'} {label} answer needs {ev.description}"
            if ev.in_part and ctx.from_answer and has_evidence(
                    ctx, ev.model_copy(update={"phrases": [], "check": ev.in_part}), text, norm):
                # Said in the speaker's own words, short of the form asked for: a note, not a
                # warning (the sources praise such answers).
                yield Hit(f"{needs}: {ev.in_part_note}", name, severity=Severity.INFO)
            else:
                # A spoken answer is an answer, not yet a story (round 18).
                subject = "the answer does" if ctx.from_answer else "this story does"
                yield Hit(f"{needs}; {subject} not show it yet.", name,
                          severity=_spoken_severity(ctx, qtype, ev, findings))


def _spoken_severity(ctx: StoryContext, qtype: QuestionType, ev: Evidence,
                     findings: Sequence[Finding]) -> Severity | None:
    """The evidence's `spoken_severity` for a spoken answer that fell into none of its type's
    traps; None (the rule's own) otherwise. "I would just do it the way that has worked for me"
    overrides the rubric, and there the missing flag step is part of the fault."""
    if not (ev.spoken_severity and ctx.from_answer):
        return None
    traps = {p.code for p in qtype.pitfalls}
    if any(f.code in traps for f in findings):
        return None
    return Severity(ev.spoken_severity)


def _spoken_outside_software(ctx: StoryContext) -> bool:
    """A spoken story outside software, long enough to be judged on what was done: a short one
    with no figure ("I met all the requirements in record time under budget") is still asked."""
    from storybank.analysis.signals import software_context

    return ctx.from_answer and not ctx.too_short_to_judge and not software_context(ctx)
